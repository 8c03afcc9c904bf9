"""What presentation mode reads, cached: the meeting's record, its agenda's live data, the open initiatives a
decision may name, and how the acting person relates to the meeting (what to offer them)."""

from __future__ import annotations

import pandas as pd

from cxgov.dates import today_in
from cxgov.errors import NotFound
from cxgov.models import AgendaItemStatus, MeetingStatus
from cxgov.queries import bulk
from cxgov.queries.agenda_data import AgendaData, agenda_data
from cxgov.queries.meetings import MeetingRecord, meeting_record
from cxgov.rules.bulk import SeenRow
from cxgov.rules.permissions import Action, Relation
from cxgov.ui.frame.acting import acting_person, can
from cxgov.ui.kit.runtime import read, settings

MEETING_AREAS = ("meetings", "people", "initiatives", "kpis")  # the agenda names initiatives and KPIs
# Everything a section reads: the meeting's record and the whole portfolio (health, money, KPIs, lessons).
DATA_AREAS = ("meetings", "initiatives", "budget", "people", "reference", "kpis")
RUNNING = frozenset({MeetingStatus.AGENDA_PUBLISHED.value, MeetingStatus.HELD.value})


def record(meeting_id: int | None) -> MeetingRecord | None:
    """The meeting's record, or None when there is no such meeting."""
    if meeting_id is None:
        return None
    try:
        return read(meeting_record, MEETING_AREAS, meeting_id=meeting_id)
    except NotFound:
        return None


def today():
    return today_in(settings().time_zone)


def live_data(meeting_id: int) -> AgendaData:
    """Every section's data for the meeting, computed once per data change (next and previous reuse it)."""
    return read(agenda_data, DATA_AREAS, meeting_id=meeting_id, today=today())


def open_initiatives() -> list[SeenRow]:
    """The open initiatives a decision may name, with the versions they are at now."""
    return read(bulk.snapshot)


def shown_items(r: MeetingRecord) -> pd.DataFrame:
    """The agenda in order, without the items taken off it."""
    agenda = r.agenda[r.agenda["status"] != AgendaItemStatus.REMOVED.value]
    return agenda.sort_values(["position", "id"]).reset_index(drop=True)


def relations(r: MeetingRecord) -> set[Relation]:
    me = acting_person()
    if me is None:
        return set()
    found = {Relation.CHAIR} if r.chair_id == me.id else set()
    return found | ({Relation.MEMBER} if me.id in set(r.members["person_id"]) else set())


def may_read(r: MeetingRecord) -> bool:
    """A draft agenda only for those who may read drafts; a published meeting for everyone."""
    return r.status != MeetingStatus.DRAFT.value or can(Action.READ_MEETING_DRAFT, relations(r))


def may_run(r: MeetingRecord) -> bool:
    """Whether to offer the side panel: the person may run this meeting, and it is published or held (a draft has
    nothing to run yet; approved minutes lock it)."""
    return r.status in RUNNING and can(Action.RUN_MEETING, relations(r))
