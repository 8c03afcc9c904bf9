"""My work: what needs a person — each kind of item, only on their own initiatives, most urgent first."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pandas as pd
import pytest
from sqlalchemy import event

from cxgov.dates import days_after
from cxgov.db import session_scope
from cxgov.models import (
    ActionItem,
    ActionStatus,
    CheckIn,
    Initiative,
    InitiativeDependency,
    InitiativeMember,
    Milestone,
    PlanAction,
    Role,
)
from cxgov.queries.my_work import MEETING_ACTION_COLUMNS, meeting_actions_due, my_work
from cxgov.services.initiatives import current_cycle, record_check_in
from tests.factories import add_initiative, add_open_meeting, add_person, approve_and_move

TODAY = date.today()


def work(engine, person_id, *, may_approve=False, cadence_days=30):
    with session_scope(engine) as session:
        frame = my_work(
            session,
            person_id=person_id,
            may_approve=may_approve,
            today=TODAY,
            cadence_days=cadence_days,
            spend_tolerance_pct=10,
        )
    return list(frame.itertuples(index=False, name=None))


@pytest.fixture
def team(engine):
    manager = add_person(engine, Role.MANAGER, name="Mila")
    contributor = add_person(engine, Role.CONTRIBUTOR, name="Cas")
    other = add_person(engine, Role.MANAGER, name="Otto")
    return manager, contributor, other


def running(engine, owner, title, started_days_ago=10):
    initiative_id = add_initiative(
        engine, owner_id=owner, title=title, start_date=TODAY - timedelta(days=started_days_ago)
    )
    approve_and_move(engine, initiative_id, 1)
    return initiative_id


def test_nothing_needs_a_person_without_initiatives(engine, team):
    assert work(engine, team[0]) == []


def test_a_check_in_is_due_a_cadence_after_the_last_one_and_shown_a_week_ahead(engine, team):
    manager = team[0]
    late = running(engine, manager, "Late one", started_days_ago=40)
    soon = running(engine, manager, "Soon one", started_days_ago=25)
    running(engine, manager, "Fresh one", started_days_ago=5)
    rows = work(engine, manager)
    assert [(kind, title, when) for kind, _, title, when, _ in rows] == [
        ("check_in_due", "Late one", TODAY - timedelta(days=10)),
        ("check_in_due", "Soon one", TODAY + timedelta(days=5)),
    ]
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session, actor=manager, initiative_id=late, data={"checkin_date": TODAY, "health": "green"}
        )
    assert [title for _, _, title, _, _ in work(engine, manager)] == ["Soon one"]
    assert soon


def test_milestones_and_own_plan_actions_within_two_weeks_overdue_first(engine, team):
    manager, contributor, _ = team
    initiative_id = running(engine, manager, "Recovery cards")
    with session_scope(engine, write=True) as session:
        session.add(InitiativeMember(initiative_id=initiative_id, person_id=contributor, role_on_initiative="analyst"))
        session.add(Milestone(initiative_id=initiative_id, title="Pilot", due_on=TODAY - timedelta(days=3)))
        session.add(Milestone(initiative_id=initiative_id, title="Rollout", due_on=TODAY + timedelta(days=10)))
        session.add(Milestone(initiative_id=initiative_id, title="Far away", due_on=TODAY + timedelta(days=60)))
        session.add(
            Milestone(
                initiative_id=initiative_id,
                title="Done",
                due_on=TODAY - timedelta(days=9),
                done_on=TODAY - timedelta(days=9),
            )
        )
        cycle_id = current_cycle(session, initiative_id).id
        session.add(
            PlanAction(
                cycle_id=cycle_id, description="Print cards", owner_id=contributor, due_on=TODAY + timedelta(days=2)
            )
        )
        session.add(
            PlanAction(cycle_id=cycle_id, description="Not mine", owner_id=manager, due_on=TODAY + timedelta(days=1))
        )
    assert [(kind, subject) for kind, _, _, _, subject in work(engine, contributor)] == [
        ("milestone_due", "Pilot"),
        ("action_due", "Print cards"),
        ("milestone_due", "Rollout"),
    ]


def test_moves_waiting_act_decisions_approved_plans_and_approvals_for_approvers(engine, team):
    manager, _, other = team
    approve_and_move(engine, add_initiative(engine, owner_id=manager, title="In Act"), 3)
    approve_and_move(engine, add_initiative(engine, owner_id=manager, title="Approved, in Plan"), 0)
    add_initiative(engine, owner_id=other, title="Someone's proposal")
    mine = {(kind, title) for kind, _, title, _, _ in work(engine, manager)}
    assert mine == {("decision_waiting", "In Act"), ("ready_for_do", "Approved, in Plan")}
    approvals = [
        (kind, title) for kind, _, title, _, _ in work(engine, other, may_approve=True) if kind == "approval_waiting"
    ]
    assert approvals == [("approval_waiting", "Someone's proposal")]
    assert not [kind for kind, *_ in work(engine, other) if kind == "approval_waiting"]


def test_blocked_by_a_named_blocker_or_a_red_dependency(engine, team):
    manager, _, other = team
    named = running(engine, manager, "Named blocker")
    waiting = running(engine, manager, "Waits for billing")
    billing = running(engine, other, "Billing platform")
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=manager,
            initiative_id=named,
            data={"checkin_date": TODAY, "health": "amber", "reason": "IT", "blocker": "IT release moved a month"},
        )
        record_check_in(
            session=session,
            actor=other,
            initiative_id=billing,
            data={"checkin_date": TODAY, "health": "red", "reason": "vendor"},
        )
        session.add(InitiativeDependency(initiative_id=waiting, blocked_by_id=billing))
    blocked = sorted((title, subject) for kind, _, title, _, subject in work(engine, manager) if kind == "blocked")
    assert blocked == [("Named blocker", "IT release moved a month"), ("Waits for billing", "Billing platform")]


def test_closed_initiatives_ask_nothing(engine, team):
    manager = team[0]
    add_initiative(
        engine,
        owner_id=manager,
        title="Done and dusted",
        status="completed",
        phase="act",
        start_date=TODAY - timedelta(days=90),
    )
    assert work(engine, manager) == []


@pytest.mark.parametrize("end", [date.min, date.max])
def test_dates_at_either_end_of_the_calendar_stored_by_another_tool_do_not_break_my_work(engine, team, end):
    """A check-in dated 9999-12-31 made My work fail (`date + timedelta` overflowed); the inputs refuse such
    dates now, but rows stored before, or by other tools, still hold them."""
    manager = team[0]
    started = running(engine, manager, "Started at the end")
    checked = running(engine, manager, "Checked in at the end")
    with session_scope(engine, write=True) as session:
        session.get(Initiative, started).start_date = end
        session.add(CheckIn(initiative_id=checked, checkin_date=end, health="green", author_id=manager))
        session.add(Milestone(initiative_id=checked, title="Milestone at the end", due_on=end))
        session.add(
            PlanAction(
                cycle_id=current_cycle(session, checked).id,
                description="Action at the end",
                owner_id=manager,
                due_on=end,
            )
        )
    rows = {(kind, title, when) for kind, _, title, when, _ in work(engine, manager)}
    if end == date.max:  # due long after the look-ahead: nothing to do yet
        assert rows == set()
    else:
        assert rows == {
            ("check_in_due", "Started at the end", date(1, 1, 31)),
            ("check_in_due", "Checked in at the end", date(1, 1, 31)),
            ("milestone_due", "Checked in at the end", end),
            ("action_due", "Checked in at the end", end),
        }


@pytest.mark.parametrize(
    ("day", "days", "expected"),
    [
        (date(2026, 1, 31), 30, date(2026, 3, 2)),
        (date(2026, 3, 2), -30, date(2026, 1, 31)),
        (date.max, 30, date.max),
        (date(9999, 12, 20), 14, date.max),
        (date.min, -7, date.min),
    ],
)
def test_days_after_stops_at_the_ends_of_the_calendar(day, days, expected):
    assert days_after(day, days) == expected


# --- action items from governance meetings ------------------------------------------------------------------


def meeting_actions(engine, person_id, today=TODAY):
    """The query's frame, checked to be read in one statement (counted inside the open unit)."""
    statements = []

    def count(*_):
        statements.append(1)

    with session_scope(engine) as session:
        session.connection()
        event.listen(engine, "before_cursor_execute", count)
        try:
            frame = meeting_actions_due(session, person_id=person_id, today=today)
        finally:
            event.remove(engine, "before_cursor_execute", count)
    assert len(statements) == 1
    return frame


def test_open_meeting_actions_overdue_or_due_within_two_weeks_earliest_first(engine, team):
    manager, contributor, other = team
    initiative_id = add_initiative(engine, owner_id=other, title="Callback pilot")
    with session_scope(engine, write=True) as session:
        meeting = add_open_meeting(
            session,
            starts_at=datetime.combine(TODAY - timedelta(days=30), time(12), tzinfo=UTC),
            chair_id=other,
            secretary_id=other,
        )
        for text, owner, due, status in (
            ("Overdue script", contributor, -3, ActionStatus.OPEN),
            ("Due in ten days", contributor, 10, ActionStatus.OPEN),
            ("Next quarter", contributor, 40, ActionStatus.OPEN),
            ("Already done", contributor, -1, ActionStatus.DONE),
            ("Someone else's", manager, 1, ActionStatus.OPEN),
        ):
            session.add(
                ActionItem(
                    meeting_id=meeting,
                    text=text,
                    owner_id=owner,
                    due_on=TODAY + timedelta(days=due),
                    status=status,
                    closed_on=TODAY if status is ActionStatus.DONE else None,
                    initiative_id=initiative_id if due == 10 else None,
                )
            )
    frame = meeting_actions(engine, contributor)
    assert list(frame.columns) == list(MEETING_ACTION_COLUMNS)
    rows = [
        (r.text, r.due_on, None if pd.isna(r.initiative_title) else r.initiative_title, r.body)
        for r in frame.itertuples()
    ]
    assert rows == [
        ("Overdue script", TODAY - timedelta(days=3), None, "CX board"),
        ("Due in ten days", TODAY + timedelta(days=10), "Callback pilot", "CX board"),
    ]
    assert pd.isna(frame["initiative_id"].iloc[0]) and frame["initiative_id"].iloc[1] == initiative_id
    assert list(meeting_actions(engine, other)["text"]) == []
    assert work(engine, contributor) == []  # the initiatives' list stays about initiatives
