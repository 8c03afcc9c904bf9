"""The rules a KPI's numbers keep: the scale a KPI may have, what a reading may say, where a target may lie.

One rule for every path that writes a number (Admin → KPIs, a check-in, the PDCA record, any later import):
each path loads the KPI and asks this module, so a Relationship NPS of 500 is refused everywhere alike.
Pure: no database. Problems come back as {field: (message key, params)}, the shape of ValidationError.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cxgov.errors import Number
from cxgov.models.enums import Direction, KpiKind

Problem = tuple[str, dict]

# The scale a kind has by definition: NPS and eNPS are % promoters − % detractors, CSAT a share in %, KTV and
# MTV a Dutch rapportcijfer. A catalogue scale must fit in it, and it applies where the catalogue sets none.
# CES has two definitions (a mean of 1–7, or net CES: % 5–7 minus % 1–3, from −100 to 100): only the wider
# range is certain.
KIND_SCALES: dict[KpiKind, tuple[float, float]] = {
    KpiKind.NPS: (-100, 100),
    KpiKind.ENPS: (-100, 100),
    KpiKind.CSAT: (0, 100),
    KpiKind.CES: (-100, 100),
    KpiKind.KTV: (1, 10),
    KpiKind.MTV: (1, 10),
}
# Business and operational KPIs are entered as they are (revenue growth in %, cost per contact in €, contacts per
# 100 orders). A trillion in either direction holds any of them, revenue in whole euros included, while a slipped
# key (1e15, 1e300) is caught; it also keeps every difference the health rules take far from float overflow.
MAGNITUDE = 1e12
SAMPLED_KINDS = frozenset({KpiKind.NPS, KpiKind.ENPS, KpiKind.CSAT, KpiKind.CES, KpiKind.KTV, KpiKind.MTV})
MAX_SAMPLE = 1_000_000_000  # a sample larger than a billion answers is a typo, not a survey


@dataclass(frozen=True)
class KpiScale:
    """What the rules need to know of a KPI: its name (for messages), kind, catalogue scale and direction."""

    name: str
    kind: KpiKind
    scale_min: float | None = None
    scale_max: float | None = None
    direction: Direction = Direction.HIGHER_IS_BETTER

    @classmethod
    def of(cls, kpi) -> KpiScale:
        """From anything carrying a KPI's fields: the catalogue row, or the KPI form being saved."""
        return cls(
            name=kpi.name,
            kind=KpiKind(kpi.kind),
            scale_min=kpi.scale_min,
            scale_max=kpi.scale_max,
            direction=Direction(kpi.direction),
        )


@dataclass(frozen=True)
class Bounds:
    """The range a KPI's values must lie in, and where it comes from: "kpi" (its catalogue scale, completed by
    its kind's), "kind" (its kind's scale only) or "limit" (no scale on at least one side: MAGNITUDE)."""

    low: float
    high: float
    origin: str

    def holds(self, value: float) -> bool:
        return self.low <= value <= self.high


def bounds(kpi: KpiScale) -> Bounds:
    """The effective scale: each side from the catalogue where set, else from the kind, else ±MAGNITUDE; never
    wider than the kind's (a catalogue scale saved before scales had to fit their kind is narrowed to it)."""
    kind_scale = kpi.kind in KIND_SCALES
    kind_low, kind_high = KIND_SCALES.get(kpi.kind, (-MAGNITUDE, MAGNITUDE))
    low = kind_low if kpi.scale_min is None else max(kpi.scale_min, kind_low)
    high = kind_high if kpi.scale_max is None else min(kpi.scale_max, kind_high)
    if low > high:  # such a saved scale holds nothing at all: its kind's is the better guess
        low, high = kind_low, kind_high
    set_here = (kpi.scale_min is not None) + (kpi.scale_max is not None)
    origin = "kpi" if set_here == 2 or (set_here and kind_scale) else "kind" if kind_scale else "limit"
    return Bounds(low, high, origin)


def _outside(kpi: KpiScale, scale: Bounds) -> Problem:
    params = {
        "low": Number(scale.low),
        "high": Number(scale.high),
        "kpi": kpi.name,
        "kind": f"enum.kpikind.{kpi.kind.value}",
    }
    return f"kpi_rules.error.outside_{scale.origin}", params


# --- the catalogue ------------------------------------------------------------------------------------------


def scale_problems(kind: KpiKind, scale_min: float | None, scale_max: float | None) -> dict[str, Problem]:
    """A catalogue scale must fit its kind: an NPS KPI cannot get 0…1000, no KPI ±1e15."""
    low, high = KIND_SCALES.get(kind, (-MAGNITUDE, MAGNITUDE))
    key = "kpi_rules.error.scale_outside_kind" if kind in KIND_SCALES else "kpi_rules.error.scale_outside_limit"
    params = {"low": Number(low), "high": Number(high), "kind": f"enum.kpikind.{kind.value}"}
    return {
        field: (key, params)
        for field, value in (("scale_min", scale_min), ("scale_max", scale_max))
        if value is not None and not low <= value <= high
    }


# --- readings -----------------------------------------------------------------------------------------------


def value_problem(kpi: KpiScale, value: float) -> Problem | None:
    """A reading's value lies within the KPI's scale (the message names the range and whose scale it is)."""
    scale = bounds(kpi)
    return None if scale.holds(value) else _outside(kpi, scale)


def sample_problem(kind: KpiKind, sample_size: int | None) -> Problem | None:
    """n is a positive whole number where given, and required for a sampled kind (NPS, eNPS, CSAT, CES, KTV, MTV)."""
    if sample_size is None:
        return (
            ("kpi_rules.error.sample_required", {"kind": f"enum.kpikind.{kind.value}"})
            if kind in SAMPLED_KINDS
            else None
        )
    return sample_range_problem(sample_size)


def sample_range_problem(sample_size: int | None) -> Problem | None:
    """n, where given, is a whole number from 1 to MAX_SAMPLE (whatever the KPI: forms check it at once)."""
    if sample_size is not None and not 1 <= sample_size <= MAX_SAMPLE:
        return "kpi_rules.error.sample_range", {"high": Number(MAX_SAMPLE)}
    return None


def period_problem(period: date, today: date) -> Problem | None:
    """A reading covers a month (its first day) that has begun: never one after the current month."""
    if period.day != 1:
        return "admin.error.period_first_day", {}
    if period > today.replace(day=1):
        return "kpi_rules.error.period_future", {}
    return None


def reading_problems(
    kpi: KpiScale, *, value: float, sample_size: int | None, period: date | None, today: date
) -> dict[str, Problem]:
    """Every problem of one reading, by field ("value", "sample_size", "period"); `period` None: not checked
    (a correction keeps the reading's month)."""
    found = {
        "value": value_problem(kpi, value),
        "sample_size": sample_problem(kpi.kind, sample_size),
        "period": None if period is None else period_problem(period, today),
    }
    return {field: problem for field, problem in found.items() if problem is not None}


def renamed(problems: dict[str, Problem], names: dict[str, str]) -> dict[str, Problem]:
    """The problems under the field names of a form (e.g. "value" → "kpi_value" in the check-in)."""
    return {names.get(field, field): problem for field, problem in problems.items()}


# --- targets ------------------------------------------------------------------------------------------------


def target_problems(kpi: KpiScale | None, *, baseline: float | None, target: float | None) -> dict[str, Problem]:
    """Baseline and target lie within the KPI's scale (±MAGNITUDE without a KPI), and the target is on the
    improving side of the baseline for the KPI's direction (equal is allowed)."""
    checked = kpi or KpiScale(name="", kind=KpiKind.BUSINESS)
    problems = {
        field: value_problem(checked, value)
        for field, value in (("baseline", baseline), ("target", target))
        if value is not None
    }
    problems = {field: problem for field, problem in problems.items() if problem is not None}
    if kpi is None or baseline is None or target is None or problems:
        return problems
    higher = kpi.direction is Direction.HIGHER_IS_BETTER
    if (target < baseline) if higher else (target > baseline):
        way = "higher" if higher else "lower"
        return {"target": (f"kpi_rules.error.target_{way}", {"kpi": kpi.name, "baseline": Number(baseline)})}
    return {}
