"""The meeting's Minutes tab: whether they are approved (and where), the minutes as one readable page — the
secretary's text once saved, else drafted from the record — and, for those who run the meeting, the editor whose
first text is that draft."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from cxgov.minutes import draft_minutes
from cxgov.models import DecisionKind, MeetingStatus
from cxgov.queries.decisions import decision_register
from cxgov.queries.meetings import MeetingRecord
from cxgov.services.meetings import save_minutes
from cxgov.ui.governance.meeting_outcomes import actions_of, decisions_of
from cxgov.ui.governance.meeting_reads import MEETING_AREAS, WRITE_AREAS, may_run, seen_version, settle_change
from cxgov.ui.kit.runtime import read, settings
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import lang, tr
from cxgov.ui.kit.writes import submit
from cxgov.ui.navigation import page_file

WRITTEN = frozenset({MeetingStatus.AGENDA_PUBLISHED.value, MeetingStatus.HELD.value})  # minutes may be saved
HELD = frozenset({MeetingStatus.HELD.value, MeetingStatus.MINUTES_APPROVED.value})
# The structure a page keeps from the minutes' text: headings (shown as bold lines) and list items. Everything
# else of a line is shown as typed.
STRUCTURE = re.compile(r"^(?:(#{1,4}) |([-*] |\d+\. ))?(.*)$")


def minutes_markdown(text: str) -> str:
    """The minutes' text as safe markdown: its headings and list items kept, every other character escaped, so
    no link, image or HTML anyone typed takes effect."""
    lines = []
    for line in text.splitlines():
        heading, bullet, rest = STRUCTURE.match(line).groups()
        if heading:  # a line in bold, inside the tab: the minutes' own headings never outrank the page's
            lines.append(f"**{plain(rest.strip())}**  " if rest.strip() else "")
        elif bullet:
            lines.append(f"{bullet}{plain(rest)}")
        else:
            lines.append(f"{plain(rest)}  " if rest.strip() else "")  # two spaces: the line ends where typed
    return "\n".join(lines)


def _approval(rec: MeetingRecord) -> None:
    """Minutes are approved by a decision of a later meeting of the body, which locks this one."""
    if rec.approved_by_decision_id is not None:
        notes = read(decision_register, MEETING_AREAS, kind=DecisionKind.NOTE.value)
        found = notes[notes["id"] == rec.approved_by_decision_id]
        if not found.empty:
            by = found.iloc[0]
            st.success(
                tr(
                    "minutes_tab.approved_at",
                    body=plain(by["body"]),
                    quarter=plain(by["meeting_quarter"]),
                    n=int(by["id"]),
                ),
                icon=":material/verified:",
            )
            if not pd.isna(by["meeting_id"]):
                st.page_link(
                    page_file("meeting"),
                    label=tr("minutes_tab.open_approving_meeting"),
                    icon=":material/event:",
                    query_params={"id": str(int(by["meeting_id"]))},
                )
    elif rec.status in HELD:
        st.info(tr("minutes_tab.awaiting_approval"), icon=":material/pending:")
    else:
        st.caption(tr("minutes_tab.not_yet_held"))


def _editor(rec: MeetingRecord, draft: str) -> None:
    with st.expander(tr("minutes_tab.edit"), icon=":material/edit_note:", expanded=False):
        if not rec.minutes:
            st.caption(tr("minutes_tab.editor_starts_from_draft"))
        with st.form(f"minutes_form_{rec.id}"):
            text = st.text_area(
                tr("minutes_tab.field"), value=rec.minutes or draft, height=400, key=f"minutes_{rec.id}"
            )
            saved = st.form_submit_button(tr("minutes_tab.save"), type="primary", key=f"minutes_save_{rec.id}")
        if saved:
            result = submit(
                save_minutes, areas=WRITE_AREAS, meeting_id=rec.id, seen_version=seen_version(rec), minutes=text
            )
            settle_change(rec, result, tr("minutes_tab.saved"), {"minutes": tr("minutes_tab.field")})


def render_minutes(rec: MeetingRecord) -> None:
    _approval(rec)
    draft = draft_minutes(rec, decisions_of(rec.id), actions_of(rec.id), lang=lang(), zone=settings().time_zone)
    if may_run(rec) and rec.status in WRITTEN:
        _editor(rec, draft)
    if rec.minutes:
        st.markdown(minutes_markdown(rec.minutes))
    else:
        st.caption(tr("minutes_tab.drafted_from_record"))
        st.markdown(minutes_markdown(draft))
