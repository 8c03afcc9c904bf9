"""What the meeting pages share: the cached read of one meeting, the `?id=` of the page, how the acting person
relates to the meeting and what that lets them do, its start on the installation's clock, and the meeting version
the page showed (which every change of the meeting is checked against)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import streamlit as st

from cxgov.dates import on_clock, today_in
from cxgov.errors import NotFound
from cxgov.models import MeetingStatus
from cxgov.models.inputs_rules import id_from_text
from cxgov.queries.meetings import MeetingRecord, meeting_record
from cxgov.rules.permissions import Action, Relation
from cxgov.ui.frame.acting import acting_person, can
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.runtime import read, settings
from cxgov.ui.kit.text import tr
from cxgov.ui.kit.writes import WriteResult, forget_conflict, in_conflict, note_conflict, show_errors
from cxgov.ui.navigation import page_file

# A meeting's record names people, initiatives and KPIs: a change to any of them shows on its page.
MEETING_AREAS = ("meetings", "people", "initiatives", "kpis")
WRITE_AREAS = ("meetings",)
PREPARING = frozenset({MeetingStatus.DRAFT.value, MeetingStatus.AGENDA_PUBLISHED.value})  # the agenda may change


def record(meeting_id: int) -> MeetingRecord | None:
    """The cached record of one meeting, or None when there is no such meeting."""
    try:
        return read(meeting_record, MEETING_AREAS, meeting_id=meeting_id)
    except NotFound:
        return None


def requested_id() -> int | None:
    """The `?id=` of the page URL as an id, or None when it is missing or cannot name a meeting."""
    return id_from_text(st.query_params.get("id"))


def relations(rec: MeetingRecord) -> set[Relation]:
    """How the acting person relates to the meeting: its chair, a member or an invited guest."""
    me = acting_person()
    if me is None:
        return set()
    found = {Relation.CHAIR} if rec.chair_id == me.id else set()
    return found | ({Relation.MEMBER} if me.id in set(rec.members["person_id"]) else set())


def readable(rec: MeetingRecord) -> bool:
    """A draft exists only for those who may read drafts (its chair, members and guests, the programme office)."""
    return rec.status != MeetingStatus.DRAFT.value or can(Action.READ_MEETING_DRAFT, relations(rec))


def locked(rec: MeetingRecord) -> bool:
    return rec.status == MeetingStatus.MINUTES_APPROVED.value


def may_run(rec: MeetingRecord) -> bool:
    """Offer the acting person the controls that prepare and run the meeting (never once it is locked)."""
    return not locked(rec) and can(Action.RUN_MEETING, relations(rec))


def local_start(starts_at: datetime) -> datetime:
    """A stored start (UTC) on the installation's clock."""
    return on_clock(starts_at, settings().time_zone)


def utc_start(day: date, clock: time) -> datetime:
    """A start typed on the installation's clock, as stored (UTC)."""
    return datetime.combine(day, clock, tzinfo=ZoneInfo(settings().time_zone)).astimezone(UTC)


def today() -> date:
    return today_in(settings().time_zone)


def seen_key(meeting_id: int) -> str:
    return f"meeting_seen_{meeting_id}"


def version_seen(key: str, current: int | None) -> int | None:
    """The version the page showed before this click (the one the user acted on), kept under `key`."""
    return st.session_state.get(key, current)


def remember_version(key: str, current: int | None) -> None:
    """At the end of a run: the version this run showed is the one the next click acts on. After a conflict
    it stays at the old one until Reload, so no second click goes through on a page the user has not seen."""
    if not in_conflict(key):
        st.session_state[key] = current


def seen_version(rec: MeetingRecord) -> int:
    return version_seen(seen_key(rec.id), rec.version)


def remember_seen(rec: MeetingRecord) -> None:
    remember_version(seen_key(rec.id), rec.version)


def settle_change(rec: MeetingRecord, result: WriteResult, message: str, labels: dict[str, str] | None = None) -> None:
    """After a change checked against the meeting's version: on success the page runs again with `message`;
    after someone else's save the page offers Reload (under its header); otherwise the errors are shown."""
    key = seen_key(rec.id)
    if result.ok:
        forget_conflict(key)
        flash(message)
        st.rerun()
    note_conflict(result, key, WRITE_AREAS)
    show_errors(result, labels)


def back_to_list() -> None:
    st.page_link(page_file("meetings"), label=tr("meeting_page.back_to_list"), icon=":material/arrow_back:")
