"""The meeting's Attendance tab: its members and guests with who was present, the quorum line, and, for those
who run the meeting, the attendance form and Close the meeting."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.minutes import quorum_text
from cxgov.models import Attendance, MeetingRole, MeetingStatus
from cxgov.queries.meetings import MeetingRecord
from cxgov.rules.meetings import Quorum
from cxgov.services.meetings import close_meeting, record_attendance
from cxgov.ui.governance.meeting_reads import WRITE_AREAS, may_run, seen_version, settle_change
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import label, labelled, lang, tr
from cxgov.ui.kit.writes import submit

RUNNING = frozenset({MeetingStatus.AGENDA_PUBLISHED.value, MeetingStatus.HELD.value})  # attendance is recorded
NOT_RECORDED = "—"


def quorum_line(quorum: Quorum) -> str:
    return quorum_text(quorum, lang())


def _attendance_label(code) -> str:
    return NOT_RECORDED if code is None or pd.isna(code) else label(Attendance(code))


def _members_table(rec: MeetingRecord) -> None:
    st.dataframe(
        pd.DataFrame(
            {
                tr("attendance_tab.col.name"): rec.members["name"],
                tr("attendance_tab.col.role"): [label(MeetingRole(r)) for r in rec.members["role"]],
                tr("attendance_tab.col.attendance"): [_attendance_label(a) for a in rec.members["attendance"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def _quorum(rec: MeetingRecord) -> None:
    q = rec.quorum
    if not q.recorded:
        st.caption(tr("attendance_tab.quorum_pending", line=quorum_line(q)))
    elif q.met:
        st.success(tr("attendance_tab.quorum_met", line=quorum_line(q)), icon=":material/groups:")
    else:
        st.warning(tr("attendance_tab.quorum_not_met", line=quorum_line(q)), icon=":material/group_off:")


def _form(rec: MeetingRecord) -> None:
    options = [None, *(a.value for a in Attendance)]
    names = labelled({None: NOT_RECORDED} | {a.value: label(a) for a in Attendance})
    with st.form(f"attendance_form_{rec.id}"):
        st.markdown(f"**{tr('attendance_tab.record')}**")
        chosen = {}
        for m in rec.members.itertuples():
            current = None if m.attendance is None or pd.isna(m.attendance) else m.attendance
            chosen[int(m.person_id)] = st.radio(
                f"{plain(m.name)} · {label(MeetingRole(m.role))}",
                options,
                index=options.index(current),
                format_func=names,
                horizontal=True,
                key=f"attendance_{rec.id}_{m.person_id}",
            )
        saved = st.form_submit_button(tr("attendance_tab.save"), type="primary", key=f"attendance_save_{rec.id}")
    if saved:
        result = submit(
            record_attendance, areas=WRITE_AREAS, meeting_id=rec.id, seen_version=seen_version(rec), attendance=chosen
        )
        settle_change(rec, result, tr("attendance_tab.saved"))


def _close(rec: MeetingRecord) -> None:
    st.caption(tr("attendance_tab.close_help"))
    if st.button(tr("attendance_tab.close"), icon=":material/event_available:", key=f"meeting_close_{rec.id}"):
        result = submit(close_meeting, areas=WRITE_AREAS, meeting_id=rec.id, seen_version=seen_version(rec))
        settle_change(rec, result, tr("attendance_tab.closed"))


def render_attendance(rec: MeetingRecord) -> None:
    if rec.members.empty:
        st.info(tr("attendance_tab.nobody"), icon=":material/group:")
        return
    _quorum(rec)
    _members_table(rec)
    if not may_run(rec) or rec.status not in RUNNING:
        return
    _form(rec)
    if rec.status == MeetingStatus.AGENDA_PUBLISHED.value:
        _close(rec)
