"""What presentation mode reads, cached, beyond the meeting's record (cxgov.ui.governance.meeting_reads): its
agenda's live data, the items shown, the open initiatives a decision may name, and whether to offer the side
panel."""

from __future__ import annotations

import pandas as pd

from cxgov.models import AgendaItemStatus, MeetingStatus
from cxgov.queries import bulk
from cxgov.queries.agenda_data import AgendaData, agenda_data
from cxgov.queries.meetings import MeetingRecord
from cxgov.rules.bulk import SeenRow
from cxgov.ui.governance import meeting_reads
from cxgov.ui.kit.runtime import read

# Everything a section reads: the meeting's record and the whole portfolio (health, money, KPIs, lessons).
DATA_AREAS = ("meetings", "initiatives", "budget", "people", "reference", "kpis")
RUNNING = frozenset({MeetingStatus.AGENDA_PUBLISHED.value, MeetingStatus.HELD.value})


def live_data(meeting_id: int) -> AgendaData:
    """Every section's data for the meeting, computed once per data change (next and previous reuse it)."""
    return read(agenda_data, DATA_AREAS, meeting_id=meeting_id, today=meeting_reads.today())


def open_initiatives() -> list[SeenRow]:
    """The open initiatives a decision may name, with the versions they are at now."""
    return read(bulk.snapshot)


def shown_items(r: MeetingRecord) -> pd.DataFrame:
    """The agenda in order, without the items taken off it."""
    agenda = r.agenda[r.agenda["status"] != AgendaItemStatus.REMOVED.value]
    return agenda.sort_values(["position", "id"]).reset_index(drop=True)


def may_run(r: MeetingRecord) -> bool:
    """Whether to offer the side panel: the person may run this meeting, and it is published or held (a draft has
    nothing to run yet; approved minutes lock it)."""
    return r.status in RUNNING and meeting_reads.may_run(r)
