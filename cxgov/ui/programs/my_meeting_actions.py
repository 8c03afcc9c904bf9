"""My work → the action items governance meetings gave the person: how urgent, what, from which meeting, on
which initiative; and a small form to report one done with a note (closed through the action items service)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import ActionStatus
from cxgov.services import actions as action_service
from cxgov.ui.kit.initiative_table import day_cell
from cxgov.ui.kit.link_table import TableColumn, link, link_table, text
from cxgov.ui.kit.text import labelled, tr
from cxgov.ui.kit.writes import settle, submit

MEETING_ACTION_AREAS = ("meetings", "people")  # the actions and their owners
FIELD_LABELS = {"note": "work.meeting_action.note", "closed_on": "work.meeting_action.closed_on"}


def _initiative_cell(initiative_id, title) -> dict:
    """A link to the initiative the action concerns; a dash when it concerns none."""
    if pd.isna(initiative_id):
        return text("—")
    return link(str(title), "initiative", int(initiative_id))


def _table(actions: pd.DataFrame, urgencies: list[str]) -> None:
    columns = [
        TableColumn(tr("work.col.urgency")),
        TableColumn(tr("work.meeting_action.col.action"), "long"),
        TableColumn(tr("work.meeting_action.col.meeting")),
        TableColumn(tr("work.meeting_action.col.initiative"), "link"),
        TableColumn(tr("work.col.when"), "date"),
    ]
    rows = [
        [
            text(urgency),
            text(str(row.text)),
            text(f"{row.body} · {row.quarter}"),
            _initiative_cell(row.initiative_id, row.initiative_title),
            text(day_cell(row.due_on)),
        ]
        for row, urgency in zip(actions.itertuples(), urgencies, strict=True)
    ]
    link_table(columns, rows, caption=tr("work.meeting_action.heading"), key="my_meeting_actions_table")


def _done_form(actions: pd.DataFrame) -> None:
    """Mark one of the listed actions done, with a note on how it ended."""
    names = {int(row.id): f"{row.text} · {day_cell(row.due_on)}" for row in actions.itertuples()}
    versions = {int(row.id): int(row.version) for row in actions.itertuples()}
    with st.form("my_meeting_action_done", clear_on_submit=False):
        st.markdown(f"**{tr('work.meeting_action.form')}**")
        chosen = st.selectbox(
            tr("work.meeting_action.which"), list(names), format_func=labelled(names), key="my_meeting_action.which"
        )
        note = st.text_area(tr(FIELD_LABELS["note"]), max_chars=2_000, key="my_meeting_action.note")
        if not st.form_submit_button(tr("work.meeting_action.mark_done"), icon=":material/task_alt:"):
            return
    result = submit(
        action_service.close_action,
        areas=MEETING_ACTION_AREAS,
        action_id=chosen,
        seen_version=versions[chosen],
        outcome=ActionStatus.DONE,
        note=note,
    )
    settle(result, tr("work.meeting_action.done"), {name: tr(key) for name, key in FIELD_LABELS.items()})


def render_meeting_actions(actions: pd.DataFrame, urgencies: list[str]) -> None:
    """The person's open meeting actions (overdue or due soon) with their urgency in words, and the done form."""
    st.subheader(tr("work.meeting_action.heading"))
    st.caption(tr("work.meeting_action.caption"))
    _table(actions, urgencies)
    _done_form(actions)
