"""The add and edit forms of the admin pages, declared as a list of `FormField`s: each page only says *which*
fields it has; how a field is shown, how the version the user saw is kept, and how a save is reported lives
here once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from cxgov.ui.admin.tables import plain_value
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.text import labelled, tr
from cxgov.ui.kit.writes import forget_conflict, note_conflict, offer_reload, show_errors, submit


@dataclass(frozen=True)
class FormField:
    """One input of an admin form: the service's field name, its label key and how to ask for it."""

    name: str
    label: str
    kind: str = "text"  # text | area | check | choice | int | count (optional, >= 0) | float | date
    choices: tuple = ()  # for "choice": the values offered (None = nothing chosen)
    format: Callable[[Any], str] | None = None


def owner_field(people: pd.DataFrame) -> FormField:
    """An optional owner, chosen among the active people (`people`: the admin people table)."""
    names = dict(zip(people["id"].tolist(), people["name"], strict=True))
    return FormField(
        "owner_id",
        "admin.field.owner",
        "choice",
        (None, *people.loc[people["active"], "id"].tolist()),
        format=lambda p: tr("common.none") if p is None else names.get(p, str(p)),
    )


def _field(f: FormField, current, key: str):
    text = tr(f.label)
    if f.kind == "text":
        return st.text_input(text, value=current or "", key=key)
    if f.kind == "area":
        return st.text_area(text, value=current or "", key=key)
    if f.kind == "check":
        return st.checkbox(text, value=True if current is None else bool(current), key=key)
    if f.kind == "int":
        return st.number_input(text, value=int(current or 0), step=1, key=key)
    if f.kind == "count":
        return st.number_input(text, value=current, min_value=0, step=1, key=key)
    if f.kind == "float":
        return st.number_input(text, value=None if current is None else float(current), key=key)
    if f.kind == "date":
        return st.date_input(text, value=current, key=key, format="DD-MM-YYYY")
    options = list(f.choices)
    if current not in options:  # e.g. an owner deactivated since: keep what the entry has
        options.append(current)
    fmt = f.format or (lambda v: tr("common.none") if v is None else str(v))
    return st.selectbox(
        text, options, index=options.index(current), key=key, format_func=labelled({o: fmt(o) for o in options})
    )


def _inputs(fields: list[FormField], values: dict, key: str) -> dict:
    return {f.name: _field(f, plain_value(values.get(f.name)), f"{key}.{f.name}") for f in fields}


def _labels(fields: list[FormField]) -> dict[str, str]:
    return {f.name: tr(f.label) for f in fields}


def add_form(
    name: str,
    fields: list[FormField],
    *,
    service: Callable,
    areas: tuple[str, ...],
    defaults: dict | None = None,
    button: str = "admin.add",
) -> None:
    """A form creating one entry through `service(data=…)`; emptied after a successful save."""
    round_key = f"cxgov_admin_{name}_add_round"
    round_ = st.session_state.get(round_key, 0)  # a new round gives fresh widgets: an empty form
    with st.form(f"admin_{name}_add_{round_}"):
        data = _inputs(fields, defaults or {}, f"admin.{name}.add.{round_}")
        submitted = st.form_submit_button(tr(button), type="primary")
    if submitted:
        result = submit(service, areas=areas, data=data)
        if result.ok:
            st.session_state[round_key] = round_ + 1
            flash(tr("admin.added"))
            st.rerun()
        show_errors(result, _labels(fields))


def _seen_key(name: str) -> str:
    return f"cxgov_admin_{name}_seen"


def seen_version(name: str, row_id: int, current_version: int) -> int:
    """The version of `row_id` when its edit form was first shown (kept until saved or reloaded)."""
    seen = st.session_state.get(_seen_key(name))
    if seen is None or seen["id"] != row_id:
        seen = {"id": row_id, "version": int(current_version)}
        st.session_state[_seen_key(name)] = seen
    return seen["version"]


def forget_seen_version(name: str) -> None:
    """Start the edit form `name` afresh from the stored row (another form changed the same rows)."""
    st.session_state.pop(_seen_key(name), None)


def edit_form(
    name: str,
    frame: pd.DataFrame,
    fields: list[FormField],
    *,
    title_column: str,
    service: Callable,
    id_arg: str,
    areas: tuple[str, ...],
) -> None:
    """Pick an entry of `frame` and edit it through `service(<id_arg>=…, seen_version=…, data=…)`."""
    if frame.empty:
        st.caption(tr("admin.nothing_to_edit"))
        return
    titles = dict(zip(frame["id"].tolist(), frame[title_column].tolist(), strict=True))
    chosen = st.selectbox(tr("admin.choose_entry"), list(titles), format_func=titles.get, key=f"admin_{name}_pick")
    row = frame.set_index("id").loc[chosen].to_dict()
    seen = seen_version(name, chosen, row["version"])
    # The version is part of the form's key: after a save or reload the form starts from the stored values.
    with st.form(f"admin_{name}_edit_{chosen}_{seen}"):
        data = _inputs(fields, row, f"admin.{name}.edit.{chosen}.{seen}")
        submitted = st.form_submit_button(tr("form.save"), type="primary")
    if submitted:
        result = submit(service, areas=areas, seen_version=seen, data=data, **{id_arg: chosen})
        if result.ok:
            forget_seen_version(name)
            forget_conflict(_seen_key(name))
            flash(tr("form.saved") if result.value else tr("form.no_changes"))
            st.rerun()
        note_conflict(result, _seen_key(name), areas)
        show_errors(result, _labels(fields))
    offer_reload(_seen_key(name), key=f"admin_{name}_reload")
