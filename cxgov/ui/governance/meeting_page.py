"""Governance → one meeting (deep link `meeting?id=N`): its header and banners (held without quorum, the
permanent record once its minutes are approved, whether the live data still reads as its last board pack), and
the Agenda, Attendance, Asks, Minutes, Decisions & actions and Board pack tabs."""

from __future__ import annotations

import streamlit as st

from cxgov.models import MeetingStatus
from cxgov.queries.meetings import MeetingRecord
from cxgov.ui.governance.agenda import render_agenda
from cxgov.ui.governance.attendance import render_attendance
from cxgov.ui.governance.banners import render_banners
from cxgov.ui.governance.board_asks import render_board_asks
from cxgov.ui.governance.meeting_form import propose_next
from cxgov.ui.governance.meeting_outcomes import render_outcomes
from cxgov.ui.governance.meeting_reads import (
    back_to_list,
    may_run,
    readable,
    record,
    remember_seen,
    requested_id,
    seen_key,
)
from cxgov.ui.governance.minutes import render_minutes
from cxgov.ui.governance.pack_tab import render_pack_tab
from cxgov.ui.kit.flash import show_flash
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import day, label, start_time, tr
from cxgov.ui.kit.writes import offer_reload
from cxgov.ui.navigation import page_file

# The status badge's colour: a plan (grey), published for the pre-read (blue), held (orange: minutes to
# approve), the permanent record (green).
STATUS_COLOURS = {
    MeetingStatus.DRAFT.value: "gray",
    MeetingStatus.AGENDA_PUBLISHED.value: "blue",
    MeetingStatus.HELD.value: "orange",
    MeetingStatus.MINUTES_APPROVED.value: "green",
}


def _header(rec: MeetingRecord) -> None:
    st.title(tr("meeting_page.title", body=plain(rec.body), quarter=plain(rec.quarter)))
    back_to_list()
    st.badge(label(MeetingStatus(rec.status)), color=STATUS_COLOURS[rec.status], icon=":material/event:")
    facts = [
        ("meeting_page.when", start_time(rec.starts_at)),
        ("meeting_page.length", tr("meeting_page.minutes_n", n=rec.duration_minutes)),
        ("meeting_page.place", plain(rec.place) if rec.place else "—"),
        ("meeting_page.chair", plain(rec.chair)),
        ("meeting_page.secretary", plain(rec.secretary)),
        ("meeting_page.pre_read_due", day(rec.pre_read_due)),
    ]
    left, right = st.columns(2)
    for i, (key, value) in enumerate(facts):
        (left if i % 2 == 0 else right).markdown(f"**{tr(key)}:** {value}")


def _not_found() -> None:
    st.title(tr("page.meeting"))
    st.warning(tr("meeting_page.not_found"), icon=":material/search:")
    back_to_list()


def render_meeting() -> None:
    """One meeting, reached by `?id=`; a draft is not found for those who may not read drafts."""
    meeting_id = requested_id()
    rec = record(meeting_id) if meeting_id is not None else None
    if rec is None or not readable(rec):
        _not_found()
        return
    show_flash()
    _header(rec)
    render_banners(rec)
    # Reload is drawn here once the tabs have run: a save refused there as out of date offers it in this very run.
    reload_slot = st.empty()
    st.page_link(
        page_file("present"),
        label=tr("meeting_page.present"),
        icon=":material/co_present:",
        query_params={"id": str(rec.id)},
    )
    if may_run(rec) and rec.next_meeting_id is None:
        propose_next({"id": rec.id, "body": rec.body, "quarter": rec.quarter}, key=f"propose_next_{rec.id}")
    agenda, attendance, asks, minutes, outcomes, pack = st.tabs(
        [
            tr("meeting_page.tab.agenda"),
            tr("meeting_page.tab.attendance"),
            tr("meeting_page.tab.asks"),
            tr("meeting_page.tab.minutes"),
            tr("meeting_page.tab.outcomes"),
            tr("meeting_page.tab.pack"),
        ],
        # The open tab lives in the URL: a click on the page (preparing a file, saving) or a refresh keeps it open.
        key="tab",
        bind="query-params",
    )
    with agenda:
        render_agenda(rec)
    with attendance:
        render_attendance(rec)
    with asks:
        render_board_asks(rec)
    with minutes:
        render_minutes(rec)
    with outcomes:
        render_outcomes(rec)
    with pack:
        render_pack_tab(rec)
    with reload_slot:
        offer_reload(seen_key(rec.id), key="meeting_reload", icon=":material/refresh:")
    remember_seen(rec)
