"""The live data of a meeting's proposed agenda: what each of its ten sections shows, in agenda order, in a fixed
number of statements whatever the size of the portfolio. The meeting's own sections (the opening, the follow-up,
other business) are read here from the meeting reads; the others come from cxgov.queries.agenda_sections.

"Since the last meeting" runs from the start of the previous meeting of the same body (or, for the first, 92 days
before this one) to the start of this one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.dates import day_in, moment_before
from cxgov.errors import NotFound
from cxgov.models import AgendaSection, Meeting
from cxgov.queries.actions import carried_actions, say_do_ratio
from cxgov.queries.agenda_sections import (
    SectionData,
    decisions_requested,
    exceptions,
    lessons_section,
    money,
    open_initiatives,
    plain_values,
    portfolio_section,
    scorecard,
)
from cxgov.queries.base import code_text
from cxgov.queries.board_changes import changes_since
from cxgov.queries.decisions import decisions_due_for_review
from cxgov.queries.health import assess
from cxgov.queries.meetings import agenda_backlog, meeting_record
from cxgov.settings import get_settings

FIRST_MEETING_LOOK_BACK = timedelta(days=92)  # a quarter: what a first meeting of a body looks back over


@dataclass(frozen=True)
class AgendaData:
    """Every section's live data for one meeting, as of `today`, with the window "since the last meeting"."""

    meeting_id: int
    today: date
    since: datetime
    until: datetime
    sections: dict[AgendaSection, SectionData]


@dataclass(frozen=True)
class MeetingWindow:
    """The meeting the agenda is for and the moments its "since the last meeting" runs between (UTC)."""

    meeting_id: int
    body: str
    local_day: date
    since: datetime
    until: datetime
    previous: dict[str, object]  # the previous meeting: id, quarter, status, minutes (all None for the first)


def agenda_data(session: Session, meeting_id: int, *, today: date) -> AgendaData:
    """The live data of every section of the meeting's proposed agenda. Raises NotFound for an unknown meeting."""
    settings = get_settings()
    window = meeting_window(session, meeting_id, settings.time_zone)
    judged = assess(
        session,
        initiative_ids=None,
        today=today,
        cadence_days=settings.check_in_cadence_days,
        spend_tolerance_pct=settings.spend_tolerance_pct,
    )
    open_work = open_initiatives(session, meeting_id)
    changes = changes_since(session, since=window.since, until=window.until)
    sections = {
        AgendaSection.OPENING: opening(session, window),
        AgendaSection.DECISIONS_REQUESTED: decisions_requested(session, meeting_id),
        AgendaSection.FOLLOW_UP: follow_up(session, window, today),
        AgendaSection.SCORECARD: scorecard(session, today),
        AgendaSection.PORTFOLIO: portfolio_section(session, changes),
        AgendaSection.CHANGES: SectionData(tables={"changes": changes}, facts={"changes": len(changes)}),
        AgendaSection.EXCEPTIONS: exceptions(open_work, judged),
        AgendaSection.LESSONS: lessons_section(session, day_in(window.since, settings.time_zone)),
        AgendaSection.MONEY: money(session, open_work, judged, today),
        AgendaSection.OTHER_BUSINESS: other_business(session, meeting_id),
    }
    return AgendaData(
        meeting_id=meeting_id,
        today=today,
        since=window.since,
        until=window.until,
        sections={section: _plain_section(sections[section]) for section in AgendaSection},
    )


def meeting_window(session: Session, meeting_id: int, zone: str) -> MeetingWindow:
    """The meeting, and the start of the previous meeting of the same body (one statement)."""
    earlier = aliased(Meeting, name="earlier")
    previous = (
        sa.select(earlier.id)
        .where(earlier.body == Meeting.body, earlier.starts_at < Meeting.starts_at, earlier.id != Meeting.id)
        .order_by(earlier.starts_at.desc(), earlier.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    before = aliased(Meeting, name="before")
    row = session.execute(
        sa.select(
            Meeting.body,
            Meeting.starts_at,
            before.starts_at,
            before.id,
            before.quarter,
            code_text(before.status),
            before.minutes,
        )
        .outerjoin(before, before.id == previous)
        .where(Meeting.id == meeting_id)
    ).first()
    if row is None:
        raise NotFound("error.not_found", entity="entity.meeting", id=meeting_id)
    body, starts_at, previous_start, *last = row
    return MeetingWindow(
        meeting_id=meeting_id,
        body=body,
        local_day=day_in(starts_at, zone),
        since=previous_start or moment_before(starts_at, FIRST_MEETING_LOOK_BACK),
        until=starts_at,
        previous=dict(zip(("id", "quarter", "status", "minutes"), last, strict=True)),
    )


def opening(session: Session, window: MeetingWindow) -> SectionData:
    """Who attends (members and guests, with their attendance once recorded), the quorum, and the minutes of the
    previous meeting, which this meeting approves."""
    record = meeting_record(session, window.meeting_id)
    quorum = record.quorum
    return SectionData(
        tables={"members": record.members},
        facts={
            "members": quorum.members,
            "present": quorum.present,
            "needed": quorum.needed,
            "attendance_recorded": quorum.recorded,
            "quorum_met": quorum.met if quorum.recorded else None,
            "previous_meeting_id": window.previous["id"],
            "previous_quarter": window.previous["quarter"],
            "previous_status": window.previous["status"],
            "previous_minutes": window.previous["minutes"],
        },
    )


def follow_up(session: Session, window: MeetingWindow, today: date) -> SectionData:
    """The open actions carried from earlier meetings of the body, its say/do ratio, and its decisions due for
    review by this meeting's day."""
    ratio = say_do_ratio(session, window.meeting_id)
    return SectionData(
        tables={
            "actions": carried_actions(session, window.meeting_id, today=today),
            "reviews": decisions_due_for_review(session, body=window.body, by=window.local_day),
        },
        facts={"actions_due": ratio.due, "done_on_time": ratio.done_on_time, "say_do_ratio": ratio.ratio},
    )


def _plain_section(section: SectionData) -> SectionData:
    return SectionData(
        tables={name: plain_values(table).reset_index(drop=True) for name, table in section.tables.items()},
        facts=section.facts,
    )


def other_business(session: Session, meeting_id: int) -> SectionData:
    """Items removed from, or not reached at, earlier meetings of the body that wait to be taken up again."""
    backlog = agenda_backlog(session, meeting_id)
    return SectionData(tables={"backlog": backlog}, facts={"backlog": len(backlog)})
