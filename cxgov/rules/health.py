"""Derived health: what the data says about an initiative, each verdict with a plain-language reason.

Two separate questions: *delivery* health — are we executing (milestones, spend, updates,
blockers) — and *outcome* health — is the customer result coming (the linked KPIs against their targets).
A well-run initiative whose KPI is not moving is amber or red on outcome, not on delivery. Outcome health
waits for the work: before Do has begun nothing can have moved, so it is "not started" rather than red.
Pure functions: the facts come from cxgov.queries.health; reasons are translation keys with parameters.
The rules are total: no value a database can hold (any finite float, any date) makes them raise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from cxgov.models import Direction, Health, Status
from cxgov.rules.kpi_engine import shown_digits

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
    target_date: date | None = None  # the initiative's own target date


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
    signals = [
        *_target_date(facts, today),
        *_milestones(facts, today),
        *_spend(facts, rules),
        *_cadence(facts, today, rules),
        *_blocked(facts),
    ]
    return sorted(signals, key=lambda s: -SEVERITY[s.health])


def _late(today: date, due_on: date) -> Health:
    """Late up to the grace is amber; later than that, red."""
    return Health.RED if (today - due_on).days > MILESTONE_GRACE_DAYS else Health.AMBER


def _target_date(facts: DeliveryFacts, today: date) -> list[Signal]:
    if facts.target_date is None or facts.target_date >= today:
        return []
    return [
        Signal(
            "target_date_passed",
            _late(today, facts.target_date),
            "health.rule.target_date_passed",
            {"due_on": facts.target_date, "days": (today - facts.target_date).days},
        )
    ]


def _milestones(facts: DeliveryFacts, today: date) -> list[Signal]:
    return [
        Signal(
            "milestone_overdue",
            _late(today, due_on),
            "health.rule.milestone_overdue",
            {"title": title, "due_on": due_on, "days": (today - due_on).days},
        )
        for title, due_on in facts.overdue_milestones
    ]


def _spend(facts: DeliveryFacts, rules: Rules) -> list[Signal]:
    planned, actual = facts.planned_to_date_cents, facts.actual_cents
    if actual <= 0:
        return []
    if planned <= 0:
        return [Signal("spend_over_plan", Health.RED, "health.rule.spend_without_plan", {"actual": actual})]
    over_pct = (actual - planned) * 100 / planned
    if over_pct <= rules.spend_tolerance_pct:
        return []
    return [
        Signal(
            "spend_over_plan",
            Health.RED,
            "health.rule.spend_over_plan",
            {"actual": actual, "planned": planned, "pct": round(over_pct), "tolerance": rules.spend_tolerance_pct},
        )
    ]


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
class EffectFacts:
    """The initiative's effect on a KPI with its 95% interval and verdict ("significant" or "noise"), from
    survey answers (cxgov.queries.impact); a value without a sample behind it is not judged here."""

    value: float
    low: float
    high: float
    verdict: str


@dataclass(frozen=True)
class KpiProgress:
    """A linked KPI: where it started, where it should get to (by when), its latest reading that counts, and the
    initiative's effect on it where one can be estimated."""

    name: str
    direction: Direction
    baseline: float | None
    target: float | None
    target_date: date | None
    latest: float | None
    effect: EffectFacts | None = None


# An effect whose favourable end stays below half the expected gain is "far short": the interval rules out the
# promised gain and most of the way to it.
SHORT_SHARE = Fraction(1, 2)
SHARE_SHOWN = 10  # a share of the way beyond 1000 % is shown as 1000 %: the number only says "far beyond" then


def outcome_signals(kpis: list[KpiProgress], today: date, work_began_on: date | None) -> list[Signal] | None:
    """The verdicts on the linked KPIs that can be judged, worst first; None while the work has not begun
    (outcome health *not started*)."""
    if work_began_on is None:
        return None
    signals = [s for s in (outcome_signal(k, today, work_began_on) for k in kpis) if s is not None]
    return sorted(signals, key=lambda s: -SEVERITY[s.health])


def outcome_signal(kpi: KpiProgress, today: date, work_began_on: date | None) -> Signal | None:
    """The verdict on one KPI, or None when there is nothing to judge (no target, or no reading yet). The
    effect estimate speaks first where there is one: a significant change the wrong way, or an effect far short
    of the expected gain. Otherwise the latest reading is judged: the expected path runs straight from the
    baseline when the work began to the target on the target date."""
    if kpi.effect is not None and (signal := effect_signal(kpi, today)) is not None:
        return signal
    if kpi.target is None or kpi.latest is None:
        return None
    params = {"kpi": kpi.name, "latest": kpi.latest, "target": kpi.target, "baseline": kpi.baseline}
    if _beyond(kpi.direction, kpi.target, kpi.latest) >= 0:
        return Signal("kpi_on_target", Health.GREEN, "health.outcome.reached", params)
    if kpi.target_date is not None and today > kpi.target_date:
        return Signal("kpi_off_target", Health.RED, "health.outcome.missed", params | {"due_on": kpi.target_date})
    if kpi.baseline is None or _beyond(kpi.direction, kpi.baseline, kpi.target) <= 0:
        # No path to follow: no baseline, or a target that is no improvement on it (stored before targets were
        # checked against the KPI's direction).
        return Signal("kpi_off_target", Health.AMBER, "health.outcome.below_target", params)
    # Exact fractions: differences of stored floats may overflow a float (1e308 − −1e308); a ratio never does.
    share = (Fraction(kpi.latest) - Fraction(kpi.baseline)) / (Fraction(kpi.target) - Fraction(kpi.baseline))
    if share <= 0:
        return Signal("kpi_off_target", Health.RED, "health.outcome.not_moving", params)
    pct = round(min(share, SHARE_SHOWN) * 100)
    expected = _expected_share(work_began_on, kpi.target_date, today)
    if expected is not None and share + Fraction(1, 10**9) >= expected:
        return Signal("kpi_on_track", Health.GREEN, "health.outcome.on_track", params | {"pct": pct})
    if expected is None:
        return Signal("kpi_off_target", Health.AMBER, "health.outcome.partway", params | {"pct": pct})
    return Signal(
        "kpi_off_target",
        Health.AMBER,
        "health.outcome.behind",
        params | {"pct": pct, "expected": round(expected * 100)},
    )


def effect_signal(kpi: KpiProgress, today: date) -> Signal | None:
    """Red for a significant effect the wrong way; amber (red once the target date has passed) for an effect
    whose favourable end is below SHORT_SHARE of the expected gain; None when the estimate raises neither."""
    effect = kpi.effect
    if effect is None or effect.verdict not in ("significant", "noise"):
        return None
    sign = 1 if kpi.direction is Direction.HIGHER_IS_BETTER else -1
    margin = (effect.high - effect.low) / 2
    digits = shown_digits(margin)
    params = {"kpi": kpi.name, "effect": round(effect.value, digits), "margin": round(margin, digits)}
    if effect.verdict == "significant" and sign * effect.value < 0:
        return Signal("kpi_effect", Health.RED, "health.outcome.effect_wrong_way", params)
    if kpi.baseline is None or kpi.target is None:
        return None
    expected = sign * (Fraction(kpi.target) - Fraction(kpi.baseline))
    best = max(sign * Fraction(effect.low), sign * Fraction(effect.high))
    if expected <= 0 or best >= SHORT_SHARE * expected:
        return None
    late = kpi.target_date is not None and today > kpi.target_date
    return Signal(
        "kpi_effect",
        Health.RED if late else Health.AMBER,
        "health.outcome.effect_short",
        params | {"expected": kpi.target - kpi.baseline},
    )


def _beyond(direction: Direction, reference: float, value: float) -> int:
    """−1, 0 or 1: is `value` short of, at or beyond `reference` in the direction the KPI improves? (Compared,
    not subtracted: a difference of two stored floats may overflow.)"""
    beyond = (value > reference) - (value < reference)
    return beyond if direction is Direction.HIGHER_IS_BETTER else -beyond


def _expected_share(began_on: date | None, target_date: date | None, today: date) -> Fraction | None:
    """How far along the straight path from baseline to target the KPI should be today."""
    if began_on is None or target_date is None or target_date <= began_on:
        return None
    return min(max(Fraction((today - began_on).days, (target_date - began_on).days), Fraction(0)), Fraction(1))
