"""The PDCA learning cycle's rules (plan → do → check → act, each cycle recorded A3-style): which phase comes
next, and what each move expects. Criteria warn, they do not block: a person may proceed with a reason, which is recorded. Only
funding blocks (Plan → Do needs an approved initiative), and only for projects: a quick fix has no gates.

Pure: the service gathers the facts in its transaction and asks this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cxgov.models.enums import Lane, Phase, Status

NEXT_PHASE = {Phase.PLAN: Phase.DO, Phase.DO: Phase.CHECK, Phase.CHECK: Phase.ACT}
FUNDED_STATUSES = frozenset({Status.APPROVED, Status.ACTIVE})  # a proposal is not funded; on hold is paused
# The statuses in which a project moves on to its next phase: not on hold (paused), not closed.
MOVING_STATUSES = frozenset({Status.PROPOSED, Status.APPROVED, Status.ACTIVE})


@dataclass(frozen=True)
class CycleFacts:
    """What the criteria look at, read from the open cycle and around it."""

    lane: Lane
    status: Status
    hypothesis: str
    target_kpi_id: int | None
    baseline_value: float | None
    target_value: float | None
    has_budget: bool  # a budget line with a planned amount for the initiative
    reading_since_do: bool  # a reading of the target KPI for a period on or after Do started
    done_summary: str
    check_result: str
    # The verdict of the target KPI's effect estimate (cxgov.queries.impact) where one exists: "significant",
    # "noise", "too_few" or "no_sample"; None where none can be estimated yet (then the reading above counts).
    effect_verdict: str | None = None


# criterion key → the move it belongs to. The keys are stored with an overriding transition and name the
# warning text (`pdca.criterion.<key>`).
CRITERIA: dict[str, Phase] = {
    "hypothesis": Phase.DO,
    "kpi_baseline_target": Phase.DO,
    "budget_line": Phase.DO,
    "reading_or_result": Phase.CHECK,
    "effect_or_result": Phase.CHECK,
    "check_result": Phase.ACT,
}


def unmet_criteria(to_phase: Phase, facts: CycleFacts) -> list[str]:
    """The criteria of the move to `to_phase` that are not met (none for a quick fix), in a fixed order."""
    if facts.lane is Lane.QUICK_FIX:
        return []
    met = {
        "hypothesis": bool(facts.hypothesis.strip()),
        "kpi_baseline_target": facts.target_kpi_id is not None
        and facts.baseline_value is not None
        and facts.target_value is not None,
        "budget_line": facts.has_budget,
        # Where an effect can be estimated, a reading is not enough: the estimate must have enough answers behind
        # it (one month of twelve answers since Do says nothing), else the written result stands in.
        "reading_or_result": facts.effect_verdict is not None
        or facts.reading_since_do
        or bool(facts.done_summary.strip()),
        "effect_or_result": facts.effect_verdict in (None, "significant", "noise", "no_sample")
        or bool(facts.done_summary.strip()),
        "check_result": bool(facts.check_result.strip()),
    }
    return [key for key, phase in CRITERIA.items() if phase is to_phase and not met[key]]


def needs_funding(to_phase: Phase, facts: CycleFacts) -> bool:
    """Plan → Do of a project that is not approved: the one thing that blocks (approval is a governance decision)."""
    return to_phase is Phase.DO and facts.lane is Lane.PROJECT and facts.status not in FUNDED_STATUSES


def reading_period_since(do_started_on: date) -> date:
    """The first reading period that counts as "since Do started": readings are per month (or quarter) and
    dated by their first day, so the month in which Do started counts."""
    return do_started_on.replace(day=1)


@dataclass(frozen=True)
class Reading:
    period: date
    value: float
    sample_size: int | None


def check_summary(kpi_name: str, baseline: float | None, target: float | None, latest: Reading | None) -> str:
    """A first draft of the check result from the target KPI's readings, e.g.
    "NPS: 12 → 18.5 (2026-10-01, n = 812); target 20". Empty when there is no reading to report."""
    if latest is None:
        return ""
    sample = f", n = {latest.sample_size}" if latest.sample_size is not None else ""
    start = f"{baseline:g} → " if baseline is not None else ""
    goal = f"; target {target:g}" if target is not None else ""
    return f"{kpi_name}: {start}{latest.value:g} ({latest.period.isoformat()}{sample}){goal}"
