"""What the plan's lists share: the table tinting what needs attention, choosing a row, the add, change,
mark-done and remove forms, and saving one change with the version of the row the user saw."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from cxgov.queries import initiatives as initiative_queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.initiative_table import HEALTH_TINTS
from cxgov.ui.kit.past_dates import past_dates_confirmed
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import tr
from cxgov.ui.kit.writes import show_errors, submit

AREAS = ("initiatives", "people")  # the plan lives with the initiative; names come from people
WRITES = ("initiatives",)
FIELDS = (
    "title",
    "due_on",
    "done_on",
    "probability",
    "impact",
    "mitigation",
    "owner_id",
    "closed_on",
    "description",
    "cost_cents",
    "blocked_by_id",
    "note",
    "person_id",
    "role_on_initiative",
)
ATTENTION_TINT = HEALTH_TINTS["red"]


def states(frame: pd.DataFrame) -> list[str]:
    """Done, overdue or open, for each row of a frame with `done_on` and `overdue`."""
    return [
        tr("plan.state.done")
        if done is not None and not pd.isna(done)
        else tr("plan.state.overdue")
        if overdue
        else tr("plan.state.open")
        for done, overdue in zip(frame["done_on"], frame["overdue"], strict=True)
    ]


def attention_table(table: pd.DataFrame, attention: list[bool], column: str) -> None:
    """A table whose `column` is tinted where `attention` (overdue) holds."""
    tints = [f"background-color: {ATTENTION_TINT}" if a else "" for a in attention]
    styled = table.style.apply(lambda _column: tints, subset=[column])
    st.dataframe(styled, hide_index=True, width="stretch")


def active_people() -> dict[int, str]:
    people = read(initiative_queries.choices)["people"]
    return {int(r.id): r.name for r in people.itertuples() if r.active}


def change_or_finish(
    d: InitiativeDetail,
    frame: pd.DataFrame,
    kind: str,
    title_column: str,
    fields: Callable[[str, object], dict],
    update: Callable,
    complete: Callable,
    id_param: str,
) -> None:
    """Pick an open milestone or action, then change it or mark it done, both against the version shown."""
    row = pick(frame[frame["done_on"].isna()], title_column, f"plan_{kind}_pick_{d.id}", f"plan.{kind}s.pick")
    if row is None:
        return
    key = f"plan_{kind}_{row.id}_{row.version}"  # a new version starts from what is stored then
    ids = {id_param: int(row.id), "seen_version": int(row.version)}
    with st.form(f"{key}_edit"):
        data = fields(f"{key}_edit", row)
        submitted = st.form_submit_button(tr("form.save"))
        if due_date_confirmed(f"{key}_edit", submitted, data, None if pd.isna(row.due_on) else row.due_on):
            save_change(update, d, tr("form.saved"), data=data, **ids)
    done_form(key, "done_on", complete, d, **ids)


def add_form(d: InitiativeDetail, key: str, button_key: str, fields: Callable[[str], dict], service: Callable) -> None:
    """A form adding a row, its inputs keyed `{key}_…`: kept as typed while a due date in the past waits for
    confirmation, empty again once saved."""
    with st.form(f"{key}_form"):
        data = fields(key)
        submitted = st.form_submit_button(tr(button_key), type="primary")
        if due_date_confirmed(key, submitted, data):
            save_change(service, d, tr("plan.saved"), data=data, clear=key)


def due_date_confirmed(key: str, submitted: bool, data: dict, stored=None) -> bool:
    """A due date moved into the past is saved only once the person confirms it."""
    return past_dates_confirmed(key, submitted, {tr("plan.field.due_on"): (data.get("due_on"), stored)})


def pick(frame: pd.DataFrame, title_column: str, key: str, label_key: str):
    """Choose one row of `frame` to change (None when there is none); the choice redraws the forms below."""
    if frame.empty:
        return None
    names = {int(r.id): getattr(r, title_column) for r in frame.itertuples()}
    chosen = st.selectbox(tr(label_key), list(names), format_func=names.__getitem__, key=key)
    return next(r for r in frame.itertuples() if int(r.id) == chosen)


def done_form(key: str, field: str, service: Callable, d: InitiativeDetail, **kwargs) -> None:
    """Mark the chosen row done (or closed) on a date, today by default."""
    with st.form(f"{key}_{field}"):
        when = st.date_input(tr(f"plan.field.{field}"), value=date.today(), format="DD-MM-YYYY", key=f"{key}.{field}")
        if st.form_submit_button(tr(f"plan.mark.{field}")):
            save_change(service, d, tr("form.saved"), **{field: when}, **kwargs)


def remove_form(
    key: str, options: dict[int, str], label_key: str, service: Callable, d: InitiativeDetail, argument: str
) -> None:
    if not options:
        return
    with st.form(key):
        chosen = st.selectbox(tr(label_key), list(options), format_func=options.__getitem__, key=f"{key}.choice")
        if st.form_submit_button(tr(label_key)):
            save_change(service, d, tr("plan.removed"), **{argument: chosen})


def save_change(service: Callable, d: InitiativeDetail, message: str, clear: str | None = None, **kwargs) -> None:
    """One change as one write unit; after it the page reruns with `message` (and the inputs keyed `{clear}_…`
    empty), else the form says what to fix."""
    result = submit(service, areas=WRITES, initiative_id=d.id, **kwargs)
    if result.ok:
        flash(message)
        for name in [name for name in st.session_state if clear and str(name).startswith(f"{clear}_")]:
            del st.session_state[name]
        st.rerun()
    show_errors(result, {name: tr(f"plan.field.{name}") for name in FIELDS})
