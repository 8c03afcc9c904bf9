"""Add an action in presentation mode: what is to be done, by whom, by when, and the decision or initiative it
follows from (the item's initiative unless another is chosen)."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from cxgov.queries.decisions import decision_register
from cxgov.queries.initiatives import choices
from cxgov.queries.meetings import MeetingRecord
from cxgov.services.actions import add_action
from cxgov.ui.governance.item_data import item_id_value
from cxgov.ui.governance.meeting_reads import today
from cxgov.ui.governance.present_reads import open_initiatives
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.form_state import clear_after_save, first_values
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import labelled, tr
from cxgov.ui.kit.writes import show_errors, submit

AREAS = ("meetings",)
FIELDS = ("text", "owner", "due_on", "decision", "initiative")
DEFAULT_DAYS = 28  # an action's first due date: four weeks on, well before the next quarterly meeting


def _field(item_id: int, name: str) -> str:
    return f"present_action_{name}_{item_id}"


def _form(item_id: int) -> str:
    return f"present_action_form_{item_id}"


def render_action_form(r: MeetingRecord, item: dict) -> None:
    item_id = int(item["id"])
    people = read(choices)["people"]
    people = people[people["active"].astype(bool)]
    names = {int(p["id"]): str(p["name"]) for _, p in people.iterrows()}
    decided = read(decision_register, ("meetings",), meeting_id=r.id)
    decisions = {int(d["id"]): f"#{int(d['id'])} · {d['text'][:60]}" for _, d in decided.iterrows()}
    titles = {row.initiative_id: row.title for row in open_initiatives()}
    own = item_id_value(item.get("initiative_id"))
    if own is not None and own not in titles:
        titles = {own: str(item.get("initiative_title") or own)} | titles
    none = {None: tr("present.none_chosen")}
    first = {"text": "", "owner": None, "due_on": today() + timedelta(days=DEFAULT_DAYS), "decision": None}
    first_values(
        _form(item_id), {_field(item_id, name): value for name, value in (first | {"initiative": own}).items()}
    )
    with (
        st.expander(tr("present.add_action"), icon=":material/task_alt:"),
        st.form(_form(item_id), border=False),
    ):
        text = st.text_area(tr("present.action.text"), key=_field(item_id, "text"), height=70)
        owner = st.selectbox(
            tr("present.action.owner"),
            list(names),
            index=None,
            key=_field(item_id, "owner"),
            format_func=labelled(names),
            placeholder=tr("present.action.owner_hint"),
        )
        due_on = st.date_input(tr("present.action.due_on"), format="DD-MM-YYYY", key=_field(item_id, "due_on"))
        decision = st.selectbox(
            tr("present.action.decision"),
            [None, *decisions],
            key=_field(item_id, "decision"),
            placeholder=none[None],
            format_func=labelled(none | decisions),
        )
        initiative = st.selectbox(
            tr("present.action.initiative"),
            [None, *titles],
            key=_field(item_id, "initiative"),
            placeholder=none[None],
            format_func=labelled(none | titles),
        )
        added = st.form_submit_button(
            tr("present.action.add"), type="primary", icon=":material/add_task:", key=_field(item_id, "submit")
        )
    if not added:
        return
    labels = {name: tr(f"present.action.{name}") for name in FIELDS}
    if owner is None:  # the service needs one: say so beside the form rather than as a type error
        st.error(tr("present.action.owner_missing"), icon=":material/error:")
        return
    result = submit(
        add_action,
        areas=AREAS,
        meeting_id=r.id,
        text=text,
        owner_id=owner,
        due_on=due_on,
        agenda_item_id=item_id,
        decision_id=decision,
        initiative_id=initiative,
    )
    if result.ok:
        clear_after_save(_form(item_id))
        flash(tr("present.action.added", owner=names[owner]))
        st.rerun()
    show_errors(
        result,
        labels
        | {
            "owner_id": labels["owner"],
            "decision_id": labels["decision"],
            "initiative_id": labels["initiative"],
        },
    )
