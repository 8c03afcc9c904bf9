"""A KPI's colour against its target, with the reason: the analyst's RAG of a measured number.

Pure: no database. The value is compared direction-aware: higher-is-better meets its target at or above it,
lower-is-better at or below it. A value with a 95 % interval (computed from survey responses) that misses the
target is amber while the interval still reaches the target (the miss may be noise) and red when the whole
interval lies on the wrong side. A typed reading has no interval: its value alone decides, green or red. An
indicative value (fewer responses than the minimum) gets no colour at all. The reason comes back as a
(message key, params) pair; numbers as cxgov.errors.Number, so they are written the reader's way.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from cxgov.errors import Number
from cxgov.models.enums import Direction

GREEN, AMBER, RED = "green", "amber", "red"


@dataclass(frozen=True)
class Reading:
    """The value a KPI's colour is decided on: its 95 % interval where it has one, n and whether it is indicative."""

    value: float | None
    low: float | None = None
    high: float | None = None
    n: int | None = None
    indicative: bool = False


@dataclass(frozen=True)
class KpiStatus:
    """A colour (GREEN, AMBER, RED, or None: none can be given) and its reason as (message key, params)."""

    colour: str | None
    reason: tuple[str, dict]


def _missing(number: float | None) -> bool:
    return number is None or (isinstance(number, float) and math.isnan(number))


def target_in_force(targets: Iterable[tuple[date, float]], period: date) -> float | None:
    """The target valid in `period`: the one with the latest valid-from month not after it (None: none yet)."""
    valid = [(start, target) for start, target in targets if start <= period]
    return max(valid)[1] if valid else None


def kpi_status(kpi: str, reading: Reading, target: float | None, direction: Direction) -> KpiStatus:
    """The colour of `reading` against `target` for a KPI named `kpi`, and why."""
    if _missing(target):
        return KpiStatus(None, ("kpi_status.no_target", {"kpi": kpi}))
    if _missing(reading.value):
        return KpiStatus(None, ("kpi_status.no_value", {"kpi": kpi}))
    if reading.indicative:
        return KpiStatus(None, ("kpi_status.too_few", {"kpi": kpi, "n": Number(reading.n or 0)}))
    higher = Direction(direction) is Direction.HIGHER_IS_BETTER
    interval = not (_missing(reading.low) or _missing(reading.high))
    params = {"kpi": kpi, "value": Number(reading.value), "target": Number(target)}
    with_margin = ""
    if interval:
        params["margin"] = Number((reading.high - reading.low) / 2)
        with_margin = "_margin"
    if (reading.value >= target) if higher else (reading.value <= target):
        return KpiStatus(GREEN, (f"kpi_status.meets{with_margin}", params))
    side = "below" if higher else "above"
    reaches = interval and ((reading.high >= target) if higher else (reading.low <= target))
    if reaches:
        return KpiStatus(AMBER, (f"kpi_status.within_{side}", params))
    return KpiStatus(RED, (f"kpi_status.misses_{side}{with_margin}", params))
