"""Governance → Meetings: every meeting the acting person may see, newest first, as a table of links; for those
who run meetings, a new meeting and the next one of a series."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import MeetingStatus
from cxgov.queries.meetings import meeting_list
from cxgov.rules.permissions import Action, Relation
from cxgov.ui.frame.acting import acting_person, can
from cxgov.ui.governance.meeting_form import render_new_meeting, render_propose_next
from cxgov.ui.governance.meeting_reads import MEETING_AREAS
from cxgov.ui.kit.flash import show_flash
from cxgov.ui.kit.link_table import TableColumn, link, link_table, text
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import label, start_time, tr

HELD = frozenset({MeetingStatus.HELD.value, MeetingStatus.MINUTES_APPROVED.value})
NO_QUORUM_TINT = "#f8d7d7"  # the health tables' red: a meeting held without quorum stands out in the list


def attendance_text(status: str, members: int, present: int, quorum_met: bool | None) -> str:
    """'4 of 6 present', and whether that made a quorum once attendance is recorded."""
    if quorum_met is None:
        return "—"
    if not quorum_met and status in HELD:
        return tr("meetings_page.held_without_quorum", present=present, members=members)
    key = "meetings_page.attendance.quorum" if quorum_met else "meetings_page.attendance.no_quorum"
    return tr(key, present=present, members=members)


def _rows(meetings: pd.DataFrame) -> list[list[dict]]:
    rows = []
    for m in meetings.itertuples():
        quorum_met = None if m.quorum_met is None or pd.isna(m.quorum_met) else bool(m.quorum_met)
        short = quorum_met is False and m.status in HELD
        rows.append(
            [
                link(m.quarter, "meeting", int(m.id)),
                text(m.body),
                text(start_time(m.starts_at)),
                text(label(MeetingStatus(m.status))),
                text(m.chair),
                text(
                    attendance_text(m.status, int(m.members), int(m.present), quorum_met),
                    tint=NO_QUORUM_TINT if short else None,
                ),
                text(str(int(m.decisions))),
                text(str(int(m.open_actions))),
            ]
        )
    return rows


def render_meetings() -> None:
    """The meetings list, and the forms of those who run meetings."""
    st.title(tr("page.meetings"))
    show_flash()
    me = acting_person()
    meetings = read(meeting_list, MEETING_AREAS, person_id=me.id if me else None, role=me.role.value if me else None)
    st.caption(tr("meetings_page.caption"))
    if meetings.empty:
        st.info(tr("meetings_page.none"), icon=":material/event:")
    else:
        columns = [
            TableColumn(tr("meetings_page.col.quarter"), "link"),
            TableColumn(tr("meetings_page.col.body")),
            TableColumn(tr("meetings_page.col.starts_at"), "date"),
            TableColumn(tr("meetings_page.col.status")),
            TableColumn(tr("meetings_page.col.chair")),
            TableColumn(tr("meetings_page.col.attendance"), "tint"),
            TableColumn(tr("meetings_page.col.decisions")),
            TableColumn(tr("meetings_page.col.open_actions")),
        ]
        link_table(columns, _rows(meetings), caption=tr("page.meetings"), key="meetings_table")
    # A leader may plan the meetings they chair; the programme office any meeting.
    if can(Action.RUN_MEETING, {Relation.CHAIR}):
        render_new_meeting()
    if can(Action.RUN_MEETING) and not meetings.empty:
        latest = meetings.drop_duplicates("body")  # newest first: each body's latest meeting
        render_propose_next(latest[["id", "body", "quarter"]].to_dict("records"))
