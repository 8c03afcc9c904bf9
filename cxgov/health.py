"""Derived health: what the data says about an initiative, each verdict with a plain-language reason.

Two separate questions (issue 4): *delivery* health — are we executing (milestones, spend, updates,
blockers) — and *outcome* health — is the customer result coming (the linked KPIs against their targets).
A well-run initiative whose KPI is not moving is amber or red on outcome, not on delivery. Pure functions:
the facts come from cxgov.queries.health; reasons are translation keys with parameters.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cxgov.models import Direction, Health, Status

# Delivery rules apply while the work runs; a proposal has nothing to deliver yet, a closed one nothing left.
RUNNING = frozenset({Status.APPROVED, Status.ACTIVE})
MILESTONE_GRACE_DAYS = 14  # a milestone late by up to two weeks is amber; later than that, red
SEVERITY = {Health.GREEN: 0, Health.AMBER: 1, Health.RED: 2}


@dataclass(frozen=True)
class Signal:
    """One rule that fired: its severity and its reason (a translation key and the values it names)."""

    rule: str
    health: Health
    reason: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Blocker:
    """An initiative this one is blocked by, as far as the rules care."""

    title: str
    health: Health | None  # its latest reported health
    late: bool  # its target date has passed and it is not finished


@dataclass(frozen=True)
class DeliveryFacts:
    status: Status
    started_on: date  # the start date, or the day it was created
    last_check_in: date | None
    overdue_milestones: tuple[tuple[str, date], ...] = ()  # (title, due on), not done
    planned_to_date_cents: int = 0  # budget planned for the quarters up to and including this one
    actual_cents: int = 0
    blockers: tuple[Blocker, ...] = ()


@dataclass(frozen=True)
class Rules:
    """The settings the rules use (CXGOV_CHECK_IN_CADENCE_DAYS, CXGOV_SPEND_TOLERANCE_PCT)."""

    cadence_days: int = 30
    spend_tolerance_pct: int = 10


def worst(signals: list[Signal] | tuple[Signal, ...]) -> Health:
    """The derived health: the most severe signal, green when no rule fired."""
    return max((s.health for s in signals), key=SEVERITY.__getitem__, default=Health.GREEN)


def is_better(reported: Health, derived: Health) -> bool:
    """Does the reported health claim more than the rules see? (Then it needs an override reason.)"""
    return SEVERITY[reported] < SEVERITY[derived]


def delivery_signals(facts: DeliveryFacts, today: date, rules: Rules) -> list[Signal]:
    """Every delivery rule that fires, most severe first; none for initiatives that are not running."""
    if facts.status not in RUNNING:
        return []
    signals = [*_milestones(facts, today), *_spend(facts, rules), *_cadence(facts, today, rules),
               *_blocked(facts)]
    return sorted(signals, key=lambda s: -SEVERITY[s.health])


def _milestones(facts: DeliveryFacts, today: date) -> list[Signal]:
    signals = []
    for title, due_on in facts.overdue_milestones:
        late_days = (today - due_on).days
        health = Health.RED if late_days > MILESTONE_GRACE_DAYS else Health.AMBER
        signals.append(Signal("milestone_overdue", health, "health.rule.milestone_overdue",
                              {"title": title, "due_on": due_on, "days": late_days}))
    return signals


def _spend(facts: DeliveryFacts, rules: Rules) -> list[Signal]:
    planned, actual = facts.planned_to_date_cents, facts.actual_cents
    if actual <= 0:
        return []
    if planned <= 0:
        return [Signal("spend_over_plan", Health.RED, "health.rule.spend_without_plan", {"actual": actual})]
    over_pct = (actual - planned) * 100 / planned
    if over_pct <= rules.spend_tolerance_pct:
        return []
    return [Signal("spend_over_plan", Health.RED, "health.rule.spend_over_plan",
                   {"actual": actual, "planned": planned, "pct": round(over_pct), "tolerance": rules.spend_tolerance_pct})]


def _cadence(facts: DeliveryFacts, today: date, rules: Rules) -> list[Signal]:
    since = facts.last_check_in or facts.started_on
    days = (today - since).days
    if days <= rules.cadence_days:
        return []
    key = "health.rule.no_check_in_since" if facts.last_check_in else "health.rule.no_check_in_ever"
    return [Signal("no_check_in", Health.AMBER, key, {"days": days, "cadence": rules.cadence_days, "since": since})]


def _blocked(facts: DeliveryFacts) -> list[Signal]:
    signals = []
    for blocker in facts.blockers:
        if blocker.health is Health.RED:
            signals.append(Signal("blocked", Health.AMBER, "health.rule.blocked_by_red", {"title": blocker.title}))
        elif blocker.late:
            signals.append(Signal("blocked", Health.AMBER, "health.rule.blocked_by_late", {"title": blocker.title}))
    return signals


# --- outcome ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class KpiProgress:
    """A linked KPI: where it started, where it should get to (by when), and its latest reading."""

    name: str
    direction: Direction
    baseline: float | None
    target: float | None
    target_date: date | None
    latest: float | None
    started_on: date | None  # when the initiative started, for the expected path from baseline to target


def outcome_signal(kpi: KpiProgress, today: date) -> Signal | None:
    """The verdict on one KPI, or None when there is nothing to judge (no target, or no reading yet)."""
    if kpi.target is None or kpi.latest is None:
        return None
    sign = 1 if kpi.direction is Direction.HIGHER_IS_BETTER else -1
    params = {"kpi": kpi.name, "latest": kpi.latest, "target": kpi.target, "baseline": kpi.baseline}
    if sign * (kpi.latest - kpi.target) >= 0:
        return Signal("kpi_on_target", Health.GREEN, "health.outcome.reached", params)
    if kpi.target_date is not None and today > kpi.target_date:
        return Signal("kpi_off_target", Health.RED, "health.outcome.missed", params | {"due_on": kpi.target_date})
    if kpi.baseline is None or kpi.baseline == kpi.target:
        return Signal("kpi_off_target", Health.AMBER, "health.outcome.below_target", params)
    share = (kpi.latest - kpi.baseline) / (kpi.target - kpi.baseline)  # of the way from baseline to target
    if share <= 0:
        return Signal("kpi_off_target", Health.RED, "health.outcome.not_moving", params)
    expected = _expected_share(kpi.started_on, kpi.target_date, today)
    if expected is not None and share + 1e-9 >= expected:
        return Signal("kpi_on_track", Health.GREEN, "health.outcome.on_track", params | {"pct": round(share * 100)})
    if expected is None:
        return Signal("kpi_off_target", Health.AMBER, "health.outcome.partway", params | {"pct": round(share * 100)})
    return Signal("kpi_off_target", Health.AMBER, "health.outcome.behind",
                  params | {"pct": round(share * 100), "expected": round(expected * 100)})


def _expected_share(started_on: date | None, target_date: date | None, today: date) -> float | None:
    """How far along the straight path from baseline to target the KPI should be today."""
    if started_on is None or target_date is None or target_date <= started_on:
        return None
    return min(max((today - started_on).days / (target_date - started_on).days, 0.0), 1.0)


def outcome_signals(kpis: list[KpiProgress], today: date) -> list[Signal]:
    """The verdicts on the linked KPIs that can be judged, worst first."""
    signals = [s for s in (outcome_signal(k, today) for k in kpis) if s is not None]
    return sorted(signals, key=lambda s: -SEVERITY[s.health])
