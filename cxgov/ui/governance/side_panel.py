"""Presentation mode's side panel for the people running the meeting: the item's minutes, whether it was
discussed or not reached, the approval of the last meeting's minutes on the opening item, and the forms that
record a decision and add an action."""

from __future__ import annotations

import streamlit as st

from cxgov.models import AgendaItemKind, AgendaItemStatus, AgendaSection, DecisionKind, MeetingStatus
from cxgov.queries.meetings import MeetingRecord
from cxgov.services.agenda import set_agenda_item_status, update_agenda_item
from cxgov.services.decisions import record_decision
from cxgov.ui.governance.action_form import render_action_form
from cxgov.ui.governance.decision_form import render_decision_form
from cxgov.ui.governance.meeting_reads import record
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import label, tr
from cxgov.ui.kit.writes import forget_conflict, note_conflict, offer_reload, settle, show_errors, submit

AREAS = ("meetings",)
MARKS = (AgendaItemStatus.DISCUSSED, AgendaItemStatus.NOT_REACHED)


def render_side_panel(r: MeetingRecord, item: dict) -> None:
    st.subheader(tr("present.panel"))
    _marks(item)
    _minutes(item)
    if item["kind"] == AgendaItemKind.SECTION.value and item["section"] == AgendaSection.OPENING.value:
        _approve_minutes(r, item)
    render_decision_form(r, item)
    render_action_form(r, item)


def _marks(item: dict) -> None:
    """Discussed / not reached: the item's outcome in the meeting (not reached goes to the backlog)."""
    row = st.container(horizontal=True)
    for status in MARKS:
        current = item["status"] == status.value
        if row.button(
            label(status),
            key=f"present_mark_{status.value}",
            icon=":material/check:" if current else None,
            type="primary" if current else "secondary",
            disabled=current,
        ):
            result = submit(
                set_agenda_item_status,
                areas=AREAS,
                item_id=int(item["id"]),
                seen_version=int(item["version"]),
                status=status.value,
            )
            settle(result, tr("present.marked", status=label(status)))


def _minutes_keys(item_id: int) -> tuple[str, str]:
    return f"present_minutes_{item_id}", f"present_minutes_seen_{item_id}"


def _minutes(item: dict) -> None:
    """The item's minutes; the version seen is kept with the text, so someone else's save is not overwritten."""
    item_id = int(item["id"])
    text_key, seen = _minutes_keys(item_id)
    if seen not in st.session_state:
        st.session_state[seen] = int(item["version"])
        st.session_state[text_key] = item["minutes"] or ""
    with st.form(f"present_minutes_form_{item_id}", border=False):
        text = st.text_area(tr("present.minutes_field"), key=text_key, height=160)
        saved = st.form_submit_button(
            tr("present.save_minutes"), icon=":material/save:", key=f"present_minutes_save_{item_id}"
        )
    offer_reload(seen, key=f"present_minutes_reload_{item_id}")
    if not saved:
        return
    result = submit(
        update_agenda_item,
        areas=AREAS,
        item_id=item_id,
        seen_version=st.session_state[seen],
        changes={"minutes": text},
    )
    if result.ok:
        forget_conflict(seen)
        st.session_state.pop(seen, None)  # the next run starts from the minutes as stored
        flash(tr("present.minutes_saved"))
        st.rerun()
    note_conflict(result, seen, AREAS)
    show_errors(result, {"minutes": tr("present.minutes_field")})


def _approve_minutes(r: MeetingRecord, item: dict) -> None:
    """On the opening item: approve the minutes of the body's previous meeting once it is held (a note decision,
    which locks that meeting)."""
    previous = record(r.previous_meeting_id)
    if previous is None:
        return
    name = plain(f"{previous.body} {previous.quarter}")
    if previous.status == MeetingStatus.MINUTES_APPROVED.value:
        st.success(tr("present.minutes_approved", meeting=name), icon=":material/verified:")
        return
    if previous.status != MeetingStatus.HELD.value:
        return
    if st.button(
        tr("present.approve_minutes", meeting=name), key="present_approve_minutes", icon=":material/verified:"
    ):
        result = submit(
            record_decision,
            areas=("meetings", "initiatives"),
            meeting_id=r.id,
            kind=DecisionKind.NOTE.value,
            text=tr("present.approve_minutes.text", meeting=f"{previous.body} {previous.quarter}"),
            agenda_item_id=int(item["id"]),
            approves_minutes_of_id=previous.id,
        )
        settle(result, tr("present.minutes_approved_now", meeting=name))
