"""An initiative's effect on a KPI: which months to compare, and the effect of typed readings.

Pure: no database. The "after" window runs from the first month that begins on or after the day the work began
(the current PDCA cycle entering Do) to the latest month with figures, at most the last 12 of those months. The
"before" window is the same calendar months one year earlier, so seasons cancel out: a naive before/after around
the start of Do would credit every initiative that started in October with the November peak.

States of an effect (`Effect.state`): "measured" (an estimate with its verdict), or one of the reasons it is not
yet measurable: "no_do" (the work has not begun), "no_data" (no figures or readings at all), "no_months_after"
(no full month after Do with figures yet), "no_year_earlier" (nothing in the same months a year earlier),
"no_control" (the initiative ran in segments, but the other segments of that dimension have no figures).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from cxgov.rules.kpi_effects import Estimate

WINDOW_MONTHS = 12  # a year at most: longer windows mix in changes that have nothing to do with the initiative
MEASURED = "measured"
NOT_MEASURABLE = ("no_do", "no_data", "no_months_after", "no_year_earlier", "no_control")
NO_SAMPLE = "no_sample"  # the verdict of typed readings: a value without answers behind it has no interval
FIRST_MONTH, LAST_MONTH = 12, 9999 * 12 + 11  # January of year 1 and December 9999, as month numbers
YOY, DID, YOY_TYPED = "yoy", "did", "yoy_typed"


@dataclass(frozen=True)
class Window:
    """The months compared: `first` to `last` (first days of months), and the same months a year earlier."""

    first: date
    last: date

    @property
    def year_earlier(self) -> Window:
        """The same calendar months one year before."""
        return Window(add_months(self.first, -12), add_months(self.last, -12))

    def holds(self, period: date) -> bool:
        """Is the month `period` in the window?"""
        return self.first <= period <= self.last


@dataclass(frozen=True)
class Effect:
    """The effect estimate of one initiative on one KPI, or why there is none yet."""

    state: str
    estimate: Estimate | None = None
    after: Window | None = None
    dimension: str = ""  # difference in differences: the dimension of the segments, else ""
    treated: tuple[str, ...] = ()
    control: tuple[str, ...] = ()

    @property
    def measured(self) -> bool:
        return self.state == MEASURED


def add_months(month: date, months: int) -> date:
    """The first day of the month `months` after (or before, when negative) the month of `month`."""
    index = month.year * 12 + month.month - 1 + months
    index = min(max(index, FIRST_MONTH), LAST_MONTH)  # held within the years Python knows, like cxgov.dates
    return date(index // 12, index % 12 + 1, 1)


def first_full_month(day: date) -> date:
    """The first month that begins on or after `day`: work that began on 15 March counts from April."""
    return day if day.day == 1 else add_months(day, 1)


def after_window(began_on: date, latest: date) -> Window | None:
    """The months after the work began up to `latest` (at most WINDOW_MONTHS); None when there are none."""
    first = first_full_month(began_on)
    if latest < first:
        return None
    return Window(max(first, add_months(latest, 1 - WINDOW_MONTHS)), latest.replace(day=1))


def typed_effect(before: Iterable[float], after: Iterable[float]) -> Estimate | None:
    """The change in the mean of typed readings between the two windows, without an interval (no sample behind
    it); None when either window has no reading."""
    old, new = list(before), list(after)
    if not old or not new:
        return None
    change = math.fsum(new) / len(new) - math.fsum(old) / len(old)
    return Estimate(change, None, None, NO_SAMPLE, YOY_TYPED)
