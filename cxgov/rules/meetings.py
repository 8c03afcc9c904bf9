"""The governance meeting's rules: its quarter, the pre-read deadline, the next meeting of a series, the quorum,
the status moves, the proposed agenda's sections with their suggested time and presenter, and the say/do ratio.
Pure: no database."""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from cxgov.models.enums import ActionStatus, AgendaSection, Attendance, MeetingRole, MeetingStatus

PRE_READ_WORKING_DAYS = 5  # the pre-read reaches members a working week before the meeting
MONTHS_BETWEEN_MEETINGS = 3  # a quarterly board


def quarter_of(day: date) -> str:
    """'2026-Q4' for any day of October to December 2026."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def working_days_before(day: date, working_days: int) -> date:
    """The day `working_days` working days (Monday to Friday) before `day`."""
    current = day
    left = working_days
    while left > 0:
        current -= timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def default_pre_read_due(meeting_day: date) -> date:
    return working_days_before(meeting_day, PRE_READ_WORKING_DAYS)


def months_later(moment: datetime, months: int) -> datetime:
    """The same time of day `months` later, on the same day of the month or the month's last day."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def next_meeting_start(local_start: datetime) -> datetime:
    """A quarter after the last meeting, at the same local time (the caller converts to and from UTC)."""
    return months_later(local_start, MONTHS_BETWEEN_MEETINGS)


@dataclass(frozen=True)
class Quorum:
    members: int
    present: int
    needed: int
    recorded: bool  # attendance recorded for every member

    @property
    def met(self) -> bool:
        return self.present >= self.needed


def quorum(attendance: list[tuple[MeetingRole, Attendance | None]], quorum_pct: int) -> Quorum:
    """The members present against the share needed (guests do not count); at least one member is needed."""
    members = [status for role, status in attendance if role is MeetingRole.MEMBER]
    needed = max(1, math.ceil(len(members) * quorum_pct / 100))
    present = sum(1 for status in members if status is Attendance.PRESENT)
    return Quorum(
        members=len(members),
        present=present,
        needed=needed,
        recorded=bool(members) and all(s is not None for s in members),
    )


# status -> the statuses a meeting may move to from it (minutes are approved by a decision of a later meeting)
MEETING_MOVES: dict[MeetingStatus, frozenset[MeetingStatus]] = {
    MeetingStatus.DRAFT: frozenset({MeetingStatus.AGENDA_PUBLISHED}),
    MeetingStatus.AGENDA_PUBLISHED: frozenset({MeetingStatus.HELD}),
    MeetingStatus.HELD: frozenset({MeetingStatus.MINUTES_APPROVED}),
    MeetingStatus.MINUTES_APPROVED: frozenset(),
}


@dataclass(frozen=True)
class SectionPlan:
    """A proposed section's suggested minutes and who presents it: the chair opens and closes, the secretary
    (the CX programme office) presents what the data says."""

    section: AgendaSection
    minutes: int
    presenter: str  # "chair" or "secretary"


PROPOSED_AGENDA: tuple[SectionPlan, ...] = (
    SectionPlan(AgendaSection.OPENING, 5, "chair"),
    SectionPlan(AgendaSection.DECISIONS_REQUESTED, 25, "secretary"),
    SectionPlan(AgendaSection.FOLLOW_UP, 10, "secretary"),
    SectionPlan(AgendaSection.SCORECARD, 15, "secretary"),
    SectionPlan(AgendaSection.PORTFOLIO, 10, "secretary"),
    SectionPlan(AgendaSection.CHANGES, 10, "secretary"),
    SectionPlan(AgendaSection.EXCEPTIONS, 20, "secretary"),
    SectionPlan(AgendaSection.LESSONS, 10, "secretary"),
    SectionPlan(AgendaSection.MONEY, 10, "secretary"),
    SectionPlan(AgendaSection.OTHER_BUSINESS, 5, "chair"),
)


@dataclass(frozen=True)
class SayDo:
    """Actions due by a meeting and how many of them were done on time (closed done on or before their due date)."""

    due: int
    done_on_time: int

    @property
    def ratio(self) -> float | None:
        return None if self.due == 0 else self.done_on_time / self.due


def say_do(actions: list[tuple[date, str, date | None]], by: date) -> SayDo:
    """The say/do ratio at `by` from (due date, status, closed on) of the actions: those due on or before `by`
    count; done on time means closed as done on or before the due date. Dropped actions count as not done."""
    due = [(due_on, status, closed_on) for due_on, status, closed_on in actions if due_on <= by]
    on_time = sum(
        1 for due_on, status, closed_on in due if status == ActionStatus.DONE and closed_on and closed_on <= due_on
    )
    return SayDo(due=len(due), done_on_time=on_time)
