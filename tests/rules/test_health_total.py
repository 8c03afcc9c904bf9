"""The health rules are total: no input a database can hold makes them raise.

A lower-is-better KPI with baseline −1e308, target 0 and a reading of 1e308 raised "cannot convert float
infinity to integer" and broke the initiatives list and the bulk grid. KPI values are bounded by their scale
from now on, but values stored before must still be judged: every finite float, every date, every amount a
BigInteger column (or a sum of them) holds.
"""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from cxgov.models import Direction, Health, Status
from cxgov.rules.health import (
    MILESTONE_GRACE_DAYS,
    Blocker,
    DeliveryFacts,
    KpiProgress,
    Rules,
    delivery_signals,
    outcome_signals,
    worst,
)

floats = st.floats(allow_nan=False, allow_infinity=False)
optional_floats = st.none() | floats
dates = st.dates()
optional_dates = st.none() | dates
cents = st.integers(min_value=-(2**63) * 1000, max_value=2**63 * 1000)  # a SQL sum of many BigInteger amounts

kpi_progress = st.builds(
    KpiProgress,
    name=st.text(max_size=20),
    direction=st.sampled_from(Direction),
    baseline=optional_floats,
    target=optional_floats,
    target_date=optional_dates,
    latest=optional_floats,
)
delivery_facts = st.builds(
    DeliveryFacts,
    status=st.sampled_from(Status),
    started_on=dates,
    last_check_in=optional_dates,
    overdue_milestones=st.lists(st.tuples(st.text(max_size=20), dates), max_size=3).map(tuple),
    planned_to_date_cents=cents,
    actual_cents=cents,
    blockers=st.lists(
        st.builds(Blocker, title=st.text(max_size=20), health=st.none() | st.sampled_from(Health), late=st.booleans()),
        max_size=3,
    ).map(tuple),
    target_date=optional_dates,
)
rules = st.builds(Rules, cadence_days=st.integers(7, 365), spend_tolerance_pct=st.integers(0, 100))


@settings(max_examples=1_000, deadline=None, database=None)  # no example database left in the checkout
@given(kpis=st.lists(kpi_progress, max_size=4), today=dates, began=optional_dates)
def test_outcome_rules_are_total(kpis, today, began):
    signals = outcome_signals(kpis, today, began)
    if began is None:
        assert signals is None  # not started
        return
    assert len(signals) <= len(kpis)
    for signal in signals:
        assert signal.health in Health and signal.reason.startswith("health.outcome.")
        assert all(-1000 <= signal.params[p] <= 1000 for p in ("pct", "expected") if p in signal.params)
    worst(signals)


@settings(max_examples=1_000, deadline=None, database=None)  # no example database left in the checkout
@given(facts=delivery_facts, today=dates, rules=rules)
def test_delivery_rules_are_total(facts, today, rules):
    signals = delivery_signals(facts, today, rules)
    assert worst(signals) in Health
    assert (signals == []) if facts.status not in (Status.APPROVED, Status.ACTIVE) else True


def _running(target_date, today) -> list:
    facts = DeliveryFacts(
        status=Status.ACTIVE, started_on=today - timedelta(days=90), last_check_in=today, target_date=target_date
    )
    return [(s.rule, s.health, s.params.get("days")) for s in delivery_signals(facts, today, Rules())]


def test_an_initiative_past_its_own_target_date_turns_amber_then_red():
    today = date(2026, 12, 7)
    assert _running(today, today) == []  # the target date itself is still on time
    assert _running(today - timedelta(days=1), today) == [("target_date_passed", Health.AMBER, 1)]
    assert _running(today - timedelta(days=MILESTONE_GRACE_DAYS), today)[0][1] is Health.AMBER
    assert _running(today - timedelta(days=MILESTONE_GRACE_DAYS + 1), today) == [
        ("target_date_passed", Health.RED, MILESTONE_GRACE_DAYS + 1)
    ]
    proposal = DeliveryFacts(
        status=Status.PROPOSED, started_on=today, last_check_in=today, target_date=today - timedelta(days=60)
    )
    assert delivery_signals(proposal, today, Rules()) == []
