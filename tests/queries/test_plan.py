"""Plan reads on both databases: overdue milestones, risks by score, the team, plan actions, and the flag of a
blocker (reported red, past its target date, a milestone overdue; never once it is completed)."""

from datetime import date, timedelta

import pytest
from sqlalchemy import update

from cxgov.db import session_scope
from cxgov.models import Initiative, Role, Status
from cxgov.queries import plan as queries
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services import plan
from cxgov.services.initiatives import current_cycle, record_check_in
from tests.factories import add_dependency, add_initiative, add_milestone, add_person, add_team_member

TODAY = date(2026, 11, 29)
YESTERDAY, TOMORROW = TODAY - timedelta(days=1), TODAY + timedelta(days=1)


def _read(engine, query, **params):
    with session_scope(engine) as session:
        return query(session, **params)


def _call(engine, function, **kwargs):
    with session_scope(engine, write=True) as session:
        return function(session=session, actor=SYSTEM_ACTOR, **kwargs)


@pytest.fixture
def pair(engine):
    """Initiative A waits for initiative B (on track: no check-in, target date ahead, no milestones)."""
    owner = add_person(engine, Role.MANAGER, name="Mila Manager")
    a = add_initiative(engine, owner_id=owner, title="Proactive delivery updates")
    b = add_initiative(engine, owner_id=owner, title="New carrier API", target_date=TOMORROW)
    add_dependency(engine, a, b, note="Needs the tracking events")
    return engine, owner, a, b


def _flag(engine, a):
    [row] = _read(engine, queries.blocked_by, initiative_id=a, today=TODAY).itertuples()
    return row.flag if isinstance(row.flag, str) else None


def test_a_blocker_on_track_is_not_flagged_and_both_directions_are_listed(pair):
    engine, _, a, b = pair
    frame = _read(engine, queries.blocked_by, initiative_id=a, today=TODAY)
    assert (frame.loc[0, "id"], frame.loc[0, "title"], frame.loc[0, "note"]) == (
        b,
        "New carrier API",
        "Needs the tracking events",
    )
    assert _flag(engine, a) is None
    waiting = _read(engine, queries.blocking, initiative_id=b)
    assert waiting["id"].tolist() == [a] and _read(engine, queries.blocking, initiative_id=a).empty


def test_a_blocker_reported_red_in_its_latest_check_in_is_flagged(pair):
    engine, _, a, b = pair
    _call(
        engine,
        record_check_in,
        initiative_id=b,
        data={"checkin_date": YESTERDAY - timedelta(days=7), "health": "green"},
    )
    assert _flag(engine, a) is None
    _call(
        engine,
        record_check_in,
        initiative_id=b,
        data={"checkin_date": YESTERDAY, "health": "red", "reason": "Vendor insolvent"},
    )
    assert _flag(engine, a) == queries.FLAG_RED
    frame = _read(engine, queries.blocked_by, initiative_id=a, today=TODAY)
    assert (frame.loc[0, "health"], frame.loc[0, "checkin_date"]) == ("red", YESTERDAY)
    _call(
        engine,
        record_check_in,
        initiative_id=b,
        data={"checkin_date": TODAY, "health": "amber", "reason": "New vendor found"},
    )
    assert _flag(engine, a) is None  # only the latest check-in counts


def test_a_blocker_past_its_target_date_is_late_until_completed(pair):
    engine, _, a, b = pair
    with session_scope(engine, write=True) as session:
        session.execute(update(Initiative).where(Initiative.id == b).values(target_date=YESTERDAY))
    assert _flag(engine, a) == queries.FLAG_LATE
    with session_scope(engine, write=True) as session:
        session.execute(update(Initiative).where(Initiative.id == b).values(status=Status.COMPLETED))
    assert _flag(engine, a) is None  # delivered


def test_a_blocker_with_an_overdue_milestone_is_flagged_until_it_is_done(pair):
    engine, _, a, b = pair
    add_milestone(engine, b, due_on=TODAY, title="Due today: not overdue yet")
    assert _flag(engine, a) is None
    late = add_milestone(engine, b, due_on=YESTERDAY, title="Test events")
    assert _flag(engine, a) == queries.FLAG_MILESTONE_OVERDUE
    _call(engine, plan.complete_milestone, initiative_id=b, milestone_id=late, seen_version=1)
    assert _flag(engine, a) is None


def test_red_is_the_reason_shown_when_several_rules_hold(pair):
    engine, _, a, b = pair
    add_milestone(engine, b, due_on=YESTERDAY)
    with session_scope(engine, write=True) as session:
        session.execute(update(Initiative).where(Initiative.id == b).values(target_date=YESTERDAY))
    assert _flag(engine, a) == queries.FLAG_LATE
    _call(engine, record_check_in, initiative_id=b, data={"checkin_date": TODAY, "health": "red", "reason": "Stuck"})
    assert _flag(engine, a) == queries.FLAG_RED


def test_milestones_are_marked_overdue_and_sorted_by_due_date(pair):
    engine, _, a, _ = pair
    add_milestone(engine, a, due_on=TOMORROW, title="Go live")
    add_milestone(engine, a, due_on=YESTERDAY, title="Texts approved")
    frame = _read(engine, queries.milestones, initiative_id=a, today=TODAY)
    assert list(zip(frame["title"], frame["overdue"], strict=True)) == [("Texts approved", True), ("Go live", False)]


def test_risks_open_first_then_by_score(pair):
    engine, owner, a, _ = pair
    for title, p, i in (("Low", 1, 2), ("Critical", 5, 4), ("Medium", 3, 3), ("Closed high", 5, 5)):
        risk = _call(
            engine,
            plan.add_risk,
            initiative_id=a,
            data={"title": title, "probability": p, "impact": i, "owner_id": owner},
        )
    _call(engine, plan.close_risk, initiative_id=a, risk_id=risk, seen_version=1)
    frame = _read(engine, queries.risks, initiative_id=a)
    assert frame["title"].tolist() == ["Critical", "Medium", "Low", "Closed high"]
    assert frame["score"].tolist() == [20, 9, 2, 25] and frame.loc[0, "owner"] == "Mila Manager"


def test_team_and_plan_actions(pair):
    engine, owner, a, _ = pair
    analyst = add_person(engine, Role.ANALYST, name="Ada Analyst")
    add_team_member(engine, a, analyst, role="Measures the NPS effect")
    assert _read(engine, queries.team, initiative_id=a)[["name", "role_on_initiative"]].values.tolist() == [
        ["Ada Analyst", "Measures the NPS effect"]
    ]
    for text, due in (("Undated", None), ("Late", YESTERDAY), ("Next", TOMORROW)):
        _call(
            engine,
            plan.add_plan_action,
            initiative_id=a,
            data={"description": text, "due_on": due, "owner_id": owner, "cost_cents": "250,00"},
        )
    with session_scope(engine) as session:
        cycle_id = current_cycle(session, a).id
    frame = _read(engine, queries.plan_actions, cycle_id=cycle_id, today=TODAY)
    assert list(zip(frame["description"], frame["overdue"], strict=True)) == [
        ("Late", True),
        ("Next", False),
        ("Undated", False),
    ]
    assert frame["cost_cents"].tolist() == [25000] * 3
