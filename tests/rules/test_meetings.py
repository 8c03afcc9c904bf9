"""The meeting rules, computed by hand: the quarter, the pre-read deadline over weekends, the next meeting on
month ends, the quorum (rounding up, guests not counted), the status moves and the say/do ratio."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from cxgov.models.enums import ActionStatus, AgendaSection, Attendance, MeetingRole, MeetingStatus
from cxgov.rules.meetings import (
    MEETING_MOVES,
    PROPOSED_AGENDA,
    default_pre_read_due,
    months_later,
    next_meeting_start,
    quarter_of,
    quorum,
    say_do,
    working_days_before,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
M, G = MeetingRole.MEMBER, MeetingRole.GUEST
PRESENT, APOLOGIES, ABSENT = Attendance.PRESENT, Attendance.APOLOGIES, Attendance.ABSENT


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2026, 1, 1), "2026-Q1"),
        (date(2026, 3, 31), "2026-Q1"),
        (date(2026, 4, 1), "2026-Q2"),
        (date(2026, 9, 30), "2026-Q3"),
        (date(2026, 10, 1), "2026-Q4"),
        (date(2026, 12, 31), "2026-Q4"),
    ],
)
def test_the_quarter_of_a_day(day, quarter):
    assert quarter_of(day) == quarter


@pytest.mark.parametrize(
    ("meeting_day", "due"),
    [
        # Monday 14 Dec 2026: the five working days before are Mon 7 … Fri 11, so the Monday a week before.
        (date(2026, 12, 14), date(2026, 12, 7)),
        # Wednesday 16 Dec: Tue 15, Mon 14, (weekend skipped) Fri 11, Thu 10, Wed 9.
        (date(2026, 12, 16), date(2026, 12, 9)),
        # Friday 18 Dec: Thu 17 … Mon 14, the same week's Monday.
        (date(2026, 12, 18), date(2026, 12, 11)),
        # A Saturday or Sunday meeting: the weekend days before it are not working days either.
        (date(2026, 12, 19), date(2026, 12, 14)),
        (date(2026, 12, 20), date(2026, 12, 14)),
        # Across the turn of the year: Tuesday 5 Jan 2027 → Mon 4, Fri 1, Thu 31, Wed 30, Tue 29 Dec.
        (date(2027, 1, 5), date(2026, 12, 29)),
    ],
)
def test_the_pre_read_is_due_five_working_days_before_the_meeting(meeting_day, due):
    assert default_pre_read_due(meeting_day) == due
    assert due.weekday() < 5


def test_no_working_days_before_is_the_day_itself():
    assert working_days_before(date(2026, 12, 19), 0) == date(2026, 12, 19)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime(2026, 1, 31, 10, 0), 1, datetime(2026, 2, 28, 10, 0)),  # February is shorter
        (datetime(2028, 1, 31, 10, 0), 1, datetime(2028, 2, 29, 10, 0)),  # a leap year
        (datetime(2026, 11, 30, 14, 30), 3, datetime(2027, 2, 28, 14, 30)),  # into the next year, to a month end
        (datetime(2026, 8, 31, 9, 0), 3, datetime(2026, 11, 30, 9, 0)),  # 31 → 30
        (datetime(2026, 12, 15, 9, 0), 3, datetime(2027, 3, 15, 9, 0)),  # December + 3 is March
        (datetime(2026, 10, 1, 9, 0), 12, datetime(2027, 10, 1, 9, 0)),
    ],
)
def test_months_later_keeps_the_day_or_takes_the_month_end(start, months, expected):
    assert months_later(start, months) == expected


def test_the_next_meeting_is_a_quarter_later_at_the_same_local_time_across_daylight_saving():
    winter = datetime(2027, 1, 12, 10, 0, tzinfo=AMSTERDAM)  # 09:00 UTC (CET)
    spring = next_meeting_start(winter)
    assert (spring.date(), spring.hour, spring.minute) == (date(2027, 4, 12), 10, 0)
    assert spring.utcoffset().total_seconds() == 2 * 3600  # CEST: 08:00 UTC, the same 10:00 on the wall


@pytest.mark.parametrize(
    ("attendance", "pct", "members", "present", "needed", "recorded", "met"),
    [
        # 5 members × 50 % = 2.5, rounded up: 3 needed.
        ([(M, PRESENT), (M, PRESENT), (M, ABSENT), (M, APOLOGIES), (M, ABSENT)], 50, 5, 2, 3, True, False),
        ([(M, PRESENT), (M, PRESENT), (M, PRESENT), (M, APOLOGIES), (M, ABSENT)], 50, 5, 3, 3, True, True),
        # 4 × 50 % = 2 exactly.
        ([(M, PRESENT), (M, PRESENT), (M, ABSENT), (M, ABSENT)], 50, 4, 2, 2, True, True),
        # 3 × 34 % = 1.02 → 2 needed.
        ([(M, PRESENT), (M, ABSENT), (M, ABSENT)], 34, 3, 1, 2, True, False),
        # Guests present do not make a quorum; a member not recorded leaves attendance unrecorded.
        ([(M, PRESENT), (M, None), (G, PRESENT), (G, PRESENT), (G, PRESENT)], 50, 2, 1, 1, False, True),
        ([(M, ABSENT), (M, ABSENT), (G, PRESENT), (G, PRESENT), (G, PRESENT)], 50, 2, 0, 1, True, False),
        # 1 % of one member still needs that member; no members at all: one needed, never recorded.
        ([(M, PRESENT)], 1, 1, 1, 1, True, True),
        ([(G, PRESENT)], 50, 0, 0, 1, False, False),
        ([], 50, 0, 0, 1, False, False),
        # 100 %: every member.
        ([(M, PRESENT), (M, PRESENT), (M, APOLOGIES)], 100, 3, 2, 3, True, False),
    ],
)
def test_quorum(attendance, pct, members, present, needed, recorded, met):
    counted = quorum(attendance, pct)
    assert (counted.members, counted.present, counted.needed, counted.recorded, counted.met) == (
        members,
        present,
        needed,
        recorded,
        met,
    )


def test_status_moves_go_one_way_and_end_at_approved_minutes():
    assert MEETING_MOVES[MeetingStatus.DRAFT] == {MeetingStatus.AGENDA_PUBLISHED}
    assert MEETING_MOVES[MeetingStatus.AGENDA_PUBLISHED] == {MeetingStatus.HELD}
    assert MEETING_MOVES[MeetingStatus.HELD] == {MeetingStatus.MINUTES_APPROVED}
    assert MEETING_MOVES[MeetingStatus.MINUTES_APPROVED] == frozenset()
    assert set(MEETING_MOVES) == set(MeetingStatus)


def test_the_proposed_agenda_names_every_section_once_opening_first_and_other_business_last():
    sections = [plan.section for plan in PROPOSED_AGENDA]
    assert sections == list(AgendaSection)
    assert (sections[0], sections[-1]) == (AgendaSection.OPENING, AgendaSection.OTHER_BUSINESS)
    assert sum(plan.minutes for plan in PROPOSED_AGENDA) == 120  # fits the default meeting of two hours
    assert {plan.presenter for plan in PROPOSED_AGENDA} == {"chair", "secretary"}


BY = date(2026, 10, 31)


def test_say_do_counts_done_on_time_among_the_actions_due():
    actions = [
        (date(2026, 10, 1), ActionStatus.DONE, date(2026, 9, 30)),  # done a day early: on time
        (date(2026, 10, 5), ActionStatus.DONE, date(2026, 10, 5)),  # done on the due date: on time
        (date(2026, 10, 5), ActionStatus.DONE, date(2026, 10, 6)),  # a day late: said, not done
        (date(2026, 10, 10), ActionStatus.DROPPED, date(2026, 10, 1)),  # dropped: not done
        (date(2026, 10, 15), ActionStatus.OPEN, None),  # overdue and open: not done
        (date(2026, 11, 1), ActionStatus.DONE, date(2026, 10, 20)),  # due after the meeting: not counted
        (date(2026, 11, 1), ActionStatus.OPEN, None),  # idem
    ]
    result = say_do(actions, BY)
    assert (result.due, result.done_on_time) == (5, 2)
    assert result.ratio == pytest.approx(2 / 5)


def test_say_do_counts_an_action_due_on_the_meeting_day_and_takes_status_codes_as_text():
    result = say_do([(BY, "done", BY), (BY, "open", None)], BY)
    assert (result.due, result.done_on_time, result.ratio) == (2, 1, 0.5)


def test_say_do_without_actions_due_has_no_ratio():
    assert say_do([], BY).ratio is None
    only_later = say_do([(date(2026, 11, 2), ActionStatus.DONE, date(2026, 10, 1))], BY)
    assert (only_later.due, only_later.ratio) == (0, None)


def test_say_do_only_dropped_is_zero_not_none():
    result = say_do([(date(2026, 10, 1), ActionStatus.DROPPED, date(2026, 9, 1))], BY)
    assert result.ratio == 0.0
