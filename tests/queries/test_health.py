"""Derived health: each delivery rule and each outcome verdict, the facts read from both databases, and the
override a check-in needs when it reports better than the rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import ValidationError
from cxgov.models import (
    AuditEvent,
    BudgetLine,
    CheckIn,
    Direction,
    Expense,
    Health,
    InitiativeDependency,
    InitiativeKpi,
    Kpi,
    KpiKind,
    KpiReading,
    Milestone,
    Role,
    Status,
)
from cxgov.queries.health import assess
from cxgov.rules.health import (
    Blocker,
    DeliveryFacts,
    KpiProgress,
    Rules,
    delivery_signals,
    is_better,
    outcome_signal,
    outcome_signals,
    worst,
)
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.initiatives import record_check_in
from tests.factories import add_initiative, add_person, approve_and_move

TODAY = date(2026, 11, 29)
RULES = Rules(cadence_days=30, spend_tolerance_pct=10)


def facts(**changes) -> DeliveryFacts:
    base = {
        "status": Status.ACTIVE,
        "started_on": TODAY - timedelta(days=90),
        "last_check_in": TODAY - timedelta(days=3),
    }
    return DeliveryFacts(**(base | changes))


def rules_fired(**changes) -> list[tuple[str, Health]]:
    return [(s.rule, s.health) for s in delivery_signals(facts(**changes), TODAY, RULES)]


# --- delivery rules (pure) -----------------------------------------------------------------------------------


def test_a_running_initiative_with_nothing_wrong_is_green():
    assert rules_fired() == []
    assert worst([]) is Health.GREEN


def test_a_milestone_overdue_is_amber_then_red_after_two_weeks():
    assert rules_fired(overdue_milestones=(("Pilot live", TODAY - timedelta(days=14)),)) == [
        ("milestone_overdue", Health.AMBER)
    ]
    signals = delivery_signals(facts(overdue_milestones=(("Pilot live", TODAY - timedelta(days=15)),)), TODAY, RULES)
    assert [(s.rule, s.health) for s in signals] == [("milestone_overdue", Health.RED)]
    assert signals[0].params == {"title": "Pilot live", "due_on": TODAY - timedelta(days=15), "days": 15}


def test_spend_above_plan_by_more_than_the_tolerance_is_red():
    assert rules_fired(planned_to_date_cents=100_000, actual_cents=110_000) == []  # exactly the tolerance
    signals = delivery_signals(facts(planned_to_date_cents=100_000, actual_cents=110_001), TODAY, RULES)
    assert [(s.rule, s.health, s.params["pct"]) for s in signals] == [("spend_over_plan", Health.RED, 10)]
    strict = delivery_signals(
        facts(planned_to_date_cents=100_000, actual_cents=100_001), TODAY, Rules(spend_tolerance_pct=0)
    )
    assert [s.rule for s in strict] == ["spend_over_plan"]


def test_spend_without_any_plan_is_red_and_no_spend_is_never_over():
    signals = delivery_signals(facts(actual_cents=5_000), TODAY, RULES)
    assert [(s.reason, s.health) for s in signals] == [("health.rule.spend_without_plan", Health.RED)]
    assert rules_fired(planned_to_date_cents=0, actual_cents=0) == []


def test_no_check_in_within_the_cadence_is_amber():
    assert rules_fired(last_check_in=TODAY - timedelta(days=30)) == []
    signals = delivery_signals(facts(last_check_in=TODAY - timedelta(days=31)), TODAY, RULES)
    assert [(s.reason, s.health, s.params["days"]) for s in signals] == [
        ("health.rule.no_check_in_since", Health.AMBER, 31)
    ]
    never = delivery_signals(facts(last_check_in=None, started_on=TODAY - timedelta(days=45)), TODAY, RULES)
    assert [(s.reason, s.params["days"]) for s in never] == [("health.rule.no_check_in_ever", 45)]
    assert rules_fired(last_check_in=None, started_on=TODAY - timedelta(days=10)) == []
    assert delivery_signals(facts(last_check_in=TODAY - timedelta(days=8)), TODAY, Rules(cadence_days=7))


def test_a_blocker_that_is_red_or_late_makes_amber():
    assert rules_fired(blockers=(Blocker("Billing", Health.GREEN, late=False),)) == []
    assert rules_fired(blockers=(Blocker("Billing", Health.RED, late=False),)) == [("blocked", Health.AMBER)]
    late = delivery_signals(facts(blockers=(Blocker("Billing", None, late=True),)), TODAY, RULES)
    assert [(s.reason, s.params["title"]) for s in late] == [("health.rule.blocked_by_late", "Billing")]


def test_the_worst_rule_wins_and_is_listed_first():
    signals = delivery_signals(facts(last_check_in=TODAY - timedelta(days=60), actual_cents=1), TODAY, RULES)
    assert [s.health for s in signals] == [Health.RED, Health.AMBER]
    assert worst(signals) is Health.RED


@pytest.mark.parametrize("status", [Status.PROPOSED, Status.ON_HOLD, Status.COMPLETED, Status.CANCELLED])
def test_rules_apply_only_while_the_work_runs(status):
    assert (
        rules_fired(
            status=status,
            last_check_in=None,
            actual_cents=9_999,
            overdue_milestones=(("x", TODAY - timedelta(days=60)),),
        )
        == []
    )


def test_better_means_less_severe():
    assert is_better(Health.GREEN, Health.AMBER) and is_better(Health.AMBER, Health.RED)
    assert not is_better(Health.RED, Health.GREEN) and not is_better(Health.AMBER, Health.AMBER)


# --- outcome (pure) ------------------------------------------------------------------------------------------


def kpi(latest, *, baseline=20.0, target=30.0, direction=Direction.HIGHER_IS_BETTER, target_date=None) -> KpiProgress:
    return KpiProgress("NPS", direction, baseline, target, target_date, latest)


BEGAN = TODAY - timedelta(days=50)  # the work began 50 days ago


@pytest.mark.parametrize(
    ("progress", "began", "verdict"),
    [
        (kpi(31), BEGAN, ("health.outcome.reached", Health.GREEN)),
        (kpi(30), BEGAN, ("health.outcome.reached", Health.GREEN)),
        (kpi(19), BEGAN, ("health.outcome.not_moving", Health.RED)),
        (kpi(20), BEGAN, ("health.outcome.not_moving", Health.RED)),
        (kpi(25), BEGAN, ("health.outcome.partway", Health.AMBER)),  # no target date: no path to compare with
        (kpi(25, baseline=None), BEGAN, ("health.outcome.below_target", Health.AMBER)),
        (kpi(25, target_date=TODAY - timedelta(days=1)), BEGAN, ("health.outcome.missed", Health.RED)),
        # Half the time since the work began gone: half the way is on track, a quarter of it is behind.
        (kpi(25, target_date=TODAY + timedelta(days=50)), BEGAN, ("health.outcome.on_track", Health.GREEN)),
        (kpi(22.5, target_date=TODAY + timedelta(days=50)), BEGAN, ("health.outcome.behind", Health.AMBER)),
        # The path starts when the work began, not before: 10 days into 100, a tenth of the way is on track.
        (
            kpi(21, target_date=TODAY + timedelta(days=90)),
            TODAY - timedelta(days=10),
            ("health.outcome.on_track", Health.GREEN),
        ),
        # Lower is better: a wait time of 4 minutes against a target of 5 is reached; 7 against a baseline of 6 is not moving.
        (
            kpi(4, baseline=6, target=5, direction=Direction.LOWER_IS_BETTER),
            BEGAN,
            ("health.outcome.reached", Health.GREEN),
        ),
        (
            kpi(7, baseline=6, target=5, direction=Direction.LOWER_IS_BETTER),
            BEGAN,
            ("health.outcome.not_moving", Health.RED),
        ),
        (
            kpi(5.5, baseline=6, target=5, direction=Direction.LOWER_IS_BETTER),
            BEGAN,
            ("health.outcome.partway", Health.AMBER),
        ),
    ],
)
def test_outcome_verdicts(progress, began, verdict):
    signal = outcome_signal(progress, TODAY, began)
    assert (signal.reason, signal.health) == verdict


def test_nothing_to_judge_without_a_target_or_a_reading():
    assert outcome_signal(kpi(None), TODAY, BEGAN) is None
    assert outcome_signal(kpi(25, target=None), TODAY, BEGAN) is None


def test_outcome_waits_for_the_work():
    """Before Do nothing can have moved: not started (None), never red for 'no movement from baseline'."""
    assert outcome_signals([kpi(20), kpi(31)], TODAY, None) is None
    assert [s.health for s in outcome_signals([kpi(20), kpi(31)], TODAY, BEGAN)] == [Health.RED, Health.GREEN]


def test_behind_names_the_share_expected_by_now():
    signal = outcome_signal(kpi(22.5, target_date=TODAY + timedelta(days=50)), TODAY, BEGAN)
    assert (signal.params["pct"], signal.params["expected"]) == (25, 50)


def test_the_measured_crash_is_a_verdict_now():
    """A lower-is-better KPI with baseline −1e308, target 0 and a reading of 1e308 raised 'cannot convert float
    infinity to integer' and broke the initiatives list. Its target is no improvement on its baseline (lower is
    better), so there is no path to follow: judged against the target alone."""
    signal = outcome_signal(
        kpi(
            1e308,
            baseline=-1e308,
            target=0.0,
            direction=Direction.LOWER_IS_BETTER,
            target_date=TODAY + timedelta(days=30),
        ),
        TODAY,
        BEGAN,
    )
    assert (signal.reason, signal.health) == ("health.outcome.below_target", Health.AMBER)
    far = outcome_signal(
        kpi(1e308, baseline=-1e308, target=1.7e308, target_date=TODAY + timedelta(days=30)), TODAY, BEGAN
    )
    assert far.health is Health.GREEN and far.params["pct"] == 74  # on track: 74 % of the way, 63 % expected


# --- facts from the database ---------------------------------------------------------------------------------


@pytest.fixture
def running(engine):
    """An approved project in Do (so the rules apply), owned by a manager; returns (initiative id, owner id)."""
    owner = add_person(engine, Role.MANAGER)
    initiative_id = add_initiative(engine, owner_id=owner, start_date=date.today() - timedelta(days=60))
    approve_and_move(engine, initiative_id, 1)
    return initiative_id, owner


def judged(engine, initiative_id, **rules):
    with session_scope(engine) as session:
        return assess(
            session,
            initiative_ids=[initiative_id],
            today=date.today(),
            cadence_days=rules.get("cadence_days", 30),
            spend_tolerance_pct=rules.get("tolerance", 10),
        )[initiative_id]


def test_the_database_facts_fire_every_delivery_rule(engine, running):
    initiative_id, owner = running
    today = date.today()
    quarter = (today.month - 1) // 3 + 1
    blocker = add_initiative(
        engine,
        owner_id=owner,
        title="Billing platform",
        target_date=today - timedelta(days=5),
        start_date=today - timedelta(days=100),
    )
    with session_scope(engine, write=True) as session:
        session.add(Milestone(initiative_id=initiative_id, title="Pilot live", due_on=today - timedelta(days=20)))
        session.add(
            Milestone(
                initiative_id=initiative_id,
                title="Done one",
                due_on=today - timedelta(days=40),
                done_on=today - timedelta(days=41),
            )
        )
        session.add(Milestone(initiative_id=initiative_id, title="Future", due_on=today + timedelta(days=5)))
        session.add(BudgetLine(initiative_id=initiative_id, year=today.year, quarter=quarter, planned_cents=100_000))
        session.add(BudgetLine(initiative_id=initiative_id, year=today.year + 1, quarter=1, planned_cents=900_000))
        session.add(Expense(initiative_id=initiative_id, spent_on=today, amount_cents=150_000))
        session.add(InitiativeDependency(initiative_id=initiative_id, blocked_by_id=blocker))
    found = judged(engine, initiative_id)
    by_rule = {s.rule: s for s in found.delivery}
    assert set(by_rule) == {"milestone_overdue", "spend_over_plan", "no_check_in", "blocked"}
    assert by_rule["milestone_overdue"].params["title"] == "Pilot live"  # not the done one, not the future one
    assert (by_rule["spend_over_plan"].params["planned"], by_rule["spend_over_plan"].params["actual"]) == (
        100_000,
        150_000,
    )
    assert by_rule["blocked"].reason == "health.rule.blocked_by_late"
    assert found.derived is Health.RED


def test_a_fresh_check_in_and_a_finished_blocker_clear_the_rules(engine, running):
    initiative_id, owner = running
    blocker = add_initiative(
        engine,
        owner_id=owner,
        title="Done elsewhere",
        status="completed",
        phase="act",
        target_date=date.today() - timedelta(days=5),
        start_date=date.today() - timedelta(days=50),
    )
    with session_scope(engine, write=True) as session:
        session.add(InitiativeDependency(initiative_id=initiative_id, blocked_by_id=blocker))
        record_check_in(
            session=session,
            actor=owner,
            initiative_id=initiative_id,
            data={"checkin_date": date.today(), "health": "green"},
        )
    found = judged(engine, initiative_id)
    assert found.delivery == () and found.derived is Health.GREEN


def test_a_blocker_reported_red_flags_the_blocked_one(engine, running):
    initiative_id, owner = running
    blocker = add_initiative(engine, owner_id=owner, title="Red one")
    approve_and_move(engine, blocker, 1)
    with session_scope(engine, write=True) as session:
        session.add(InitiativeDependency(initiative_id=initiative_id, blocked_by_id=blocker))
        record_check_in(
            session=session,
            actor=owner,
            initiative_id=blocker,
            data={"checkin_date": date.today(), "health": "red", "reason": "supplier gone"},
        )
    assert [s.reason for s in judged(engine, initiative_id).delivery if s.rule == "blocked"] == [
        "health.rule.blocked_by_red"
    ]


def test_outcome_comes_from_the_latest_reading_of_each_linked_kpi(engine, running):
    initiative_id, _ = running
    with session_scope(engine, write=True) as session:
        nps = Kpi(code="NPS-T", name="NPS", kind=KpiKind.NPS)
        wait = Kpi(code="WAIT-T", name="Wait", kind=KpiKind.OPERATIONAL, direction=Direction.LOWER_IS_BETTER)
        session.add_all([nps, wait])
        session.flush()
        session.add(InitiativeKpi(initiative_id=initiative_id, kpi_id=nps.id, baseline=20, target=30))
        session.add(InitiativeKpi(initiative_id=initiative_id, kpi_id=wait.id, baseline=6, target=5))
        session.add(KpiReading(kpi_id=nps.id, period=date(2026, 9, 1), value=35))
        session.add(KpiReading(kpi_id=nps.id, period=date(2026, 10, 1), value=18))  # the latest: below baseline
        session.add(KpiReading(kpi_id=wait.id, period=date(2026, 10, 1), value=4.5))
    found = judged(engine, initiative_id)
    assert [(s.params["kpi"], s.health) for s in found.outcome] == [("NPS", Health.RED), ("Wait", Health.GREEN)]
    assert found.outcome_health is Health.RED
    assert found.delivery and found.derived is Health.AMBER  # no check-in for 60 days: delivery is a separate matter


def test_settings_change_what_the_rules_see(engine, running):
    initiative_id, _ = running
    assert judged(engine, initiative_id, cadence_days=30).derived is Health.AMBER
    assert judged(engine, initiative_id, cadence_days=90).derived is Health.GREEN


# --- the override on check-in --------------------------------------------------------------------------------


def check_in(engine, actor, initiative_id, **data):
    with session_scope(engine, write=True) as session:
        return record_check_in(
            session=session, actor=actor, initiative_id=initiative_id, data={"checkin_date": date.today()} | data
        )


def overdue(engine, initiative_id, days=20):
    with session_scope(engine, write=True) as session:
        session.add(Milestone(initiative_id=initiative_id, title="Pilot", due_on=date.today() - timedelta(days=days)))


def test_reporting_better_than_the_rules_needs_an_override_reason(engine, running):
    initiative_id, owner = running
    overdue(engine, initiative_id)
    with pytest.raises(ValidationError) as refused:
        check_in(engine, owner, initiative_id, health="green")
    assert refused.value.errors["override_reason"][0] == "health.error.override_needed"
    with pytest.raises(ValidationError):
        check_in(engine, owner, initiative_id, health="amber", reason="slipping")  # amber is still better than red
    with session_scope(engine) as session:
        assert session.exec(select(CheckIn).where(CheckIn.initiative_id == initiative_id)).all() == []
    check_in_id = check_in(
        engine, owner, initiative_id, health="green", override_reason="The pilot moved by agreement with the sponsor"
    )
    with session_scope(engine) as session:
        stored = session.get(CheckIn, check_in_id)
        assert (stored.health, stored.derived_health) == (Health.GREEN, Health.RED)
        event = session.exec(
            select(AuditEvent).where(AuditEvent.entity == "check_in", AuditEvent.entity_id == str(check_in_id))
        ).one()
        assert "The pilot moved by agreement" in event.new_value and "red" in event.new_value


def test_reporting_as_bad_as_the_rules_or_worse_needs_no_override_and_keeps_none(engine, running):
    initiative_id, owner = running
    overdue(engine, initiative_id)
    check_in_id = check_in(
        engine,
        owner,
        initiative_id,
        health="red",
        reason="pilot late",
        override_reason="given, but nothing is overridden",
    )
    with session_scope(engine) as session:
        stored = session.get(CheckIn, check_in_id)
        assert (stored.derived_health, stored.override_reason) == (Health.RED, "")


def test_a_backdated_check_in_is_still_todays_update(engine, running):
    initiative_id, owner = running
    check_in_id = check_in(engine, owner, initiative_id, health="green", checkin_date=date.today() - timedelta(days=45))
    with session_scope(engine) as session:
        assert session.get(CheckIn, check_in_id).derived_health is Health.GREEN


def test_the_check_in_itself_answers_the_cadence_rule(engine, running):
    initiative_id, owner = running  # 60 days without a check-in: amber by the rules, but this check-in is the update
    check_in_id = check_in(engine, owner, initiative_id, health="green")
    with session_scope(engine) as session:
        assert session.get(CheckIn, check_in_id).derived_health is Health.GREEN


def test_a_proposal_has_no_derived_health(engine):
    owner = add_person(engine, Role.MANAGER)
    initiative_id = add_initiative(engine, owner_id=owner)
    check_in_id = check_in(engine, SYSTEM_ACTOR, initiative_id, health="green")
    with session_scope(engine) as session:
        assert session.get(CheckIn, check_in_id).derived_health is None
    assert judged(engine, initiative_id).derived is None


def test_a_long_id_list_reads_everything_but_answers_only_for_those_asked(engine, running, monkeypatch):
    initiative_id, owner = running
    other = add_initiative(engine, owner_id=owner)
    third = add_initiative(engine, owner_id=owner)
    monkeypatch.setattr("cxgov.queries.health.LONG_ID_LIST", 1)
    with session_scope(engine) as session:
        found = assess(
            session, initiative_ids=[initiative_id, other], today=date.today(), cadence_days=30, spend_tolerance_pct=10
        )
    assert set(found) == {initiative_id, other} and third not in found
    assert found[initiative_id].derived is Health.AMBER  # judged as when asked for alone
