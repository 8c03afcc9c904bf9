"""What an initiative did to a KPI: year on year, difference in differences, lagged correlation, pooled rates.

Pure: no database. Conventions (95% intervals throughout, as in cxgov.rules.kpi_engine):

- Year on year compares the same calendar months a year apart (the caller tallies them), so seasons cancel out;
  the change and its interval are kpi_engine.compare's (after − before).
- Difference in differences: (treated after − treated before) − (control after − control before). The four
  groups are taken as independent samples, so SE = √ of the sum of the four squared standard errors, and the
  interval is the normal one, estimate ± z·SE. A panel that follows the same respondents has a smaller SE than
  this (Card & Krueger 1994 report 1.36 where independence gives 1.80): the independent form is the cautious
  one. A share's standard error here is the Wald one, √(p(1−p)/n). "too_few" when any group is indicative.
- Lagged correlation: the business KPI at month m + lag paired with the CX KPI at month m, Pearson's r over the
  months both have. r is None below 3 pairs or when either series is constant; its interval is Fisher's
  (tanh(atanh r ± z/√(n − 3))), from 4 pairs. A correlation is no proof of cause: the lag only orders the months.
- Pooled rates add numerators and denominators and divide once (never an average of rates, which weighs a
  small group as much as a large one).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from cxgov.models.enums import KpiKind
from cxgov.rules.kpi_engine import Tally, Z, compare, figure

MIN_CORRELATION_PAIRS = 3  # two points always lie on a line: r = ±1 says nothing
MIN_FISHER_PAIRS = 4  # Fisher's standard error 1/√(n − 3) needs n > 3


@dataclass(frozen=True)
class Estimate:
    """An effect on a KPI with its 95% interval, the verdict ("significant", "noise", "too_few") and the method
    ("yoy" or "did")."""

    value: float | None
    low: float | None
    high: float | None
    verdict: str
    method: str
    standard_error: float | None = None


def year_on_year(kind: KpiKind, before: Tally, after: Tally, *, min_n: int, measure: str | None = None) -> Estimate:
    """The change from the months a year earlier to the same calendar months now."""
    change = compare(kind, before, after, min_n=min_n, measure=measure)
    return Estimate(change.difference, change.low, change.high, change.verdict, "yoy")


def difference_in_differences(
    kind: KpiKind,
    *,
    treated_before: Tally,
    treated_after: Tally,
    control_before: Tally,
    control_after: Tally,
    min_n: int,
    measure: str | None = None,
) -> Estimate:
    """The change where the initiative ran minus the change where it did not, for one measure of the kind."""
    groups = [
        figure(kind, tally, measure=measure, min_n=min_n)
        for tally in (treated_before, treated_after, control_before, control_after)
    ]
    if any(group.value is None for group in groups):
        return Estimate(None, None, None, "too_few", "did")
    if any(group.standard_error is None for group in groups):  # a mean of one answer has no spread
        value = (groups[1].value - groups[0].value) - (groups[3].value - groups[2].value)
        return Estimate(value, None, None, "too_few", "did")
    tb, ta, cb, ca = ((group.value, group.standard_error) for group in groups)
    estimate = did_from_means(treated_before=tb, treated_after=ta, control_before=cb, control_after=ca)
    if any(group.indicative for group in groups):
        return Estimate(estimate.value, estimate.low, estimate.high, "too_few", "did", estimate.standard_error)
    return estimate


def did_from_means(
    *,
    treated_before: tuple[float, float],
    treated_after: tuple[float, float],
    control_before: tuple[float, float],
    control_after: tuple[float, float],
) -> Estimate:
    """Difference in differences from four (value, standard error) pairs of independent samples."""
    pairs = (treated_before, treated_after, control_before, control_after)
    value = (treated_after[0] - treated_before[0]) - (control_after[0] - control_before[0])
    se = math.sqrt(math.fsum(error * error for _, error in pairs))
    low, high = value - Z * se, value + Z * se
    return Estimate(value, low, high, "significant" if low > 0 or high < 0 else "noise", "did", se)


@dataclass(frozen=True)
class Correlation:
    """Pearson's r of two monthly series, the business one `lag` months later, with Fisher's 95% interval."""

    r: float | None
    low: float | None
    high: float | None
    n: int
    lag: int


def lagged_correlation(
    cx: Mapping[date, float | None], business: Mapping[date, float | None], *, lag_months: int
) -> Correlation:
    """r between the CX KPI at month m and the business KPI at month m + lag, over the months both have."""
    cx_months, business_months = _by_month(cx), _by_month(business)
    pairs = [
        (value, business_months[month + lag_months])
        for month, value in sorted(cx_months.items())
        if business_months.get(month + lag_months) is not None and value is not None
    ]
    n = len(pairs)
    r = _pearson(pairs) if n >= MIN_CORRELATION_PAIRS else None
    if r is None or n < MIN_FISHER_PAIRS:
        return Correlation(r, None, None, n, lag_months)
    if abs(r) == 1:  # atanh(±1) is infinite: a perfect relation has a zero-width interval
        return Correlation(r, r, r, n, lag_months)
    centre, half = math.atanh(r), Z / math.sqrt(n - 3)
    return Correlation(r, math.tanh(centre - half), math.tanh(centre + half), n, lag_months)


def _by_month(series: Mapping[date, float | None]) -> dict[int, float | None]:
    """Values by month number (year·12 + month); one value per month, else the pairing would be ambiguous."""
    months: dict[int, float | None] = {}
    for day, value in series.items():
        month = day.year * 12 + day.month - 1
        if month in months:
            raise ValueError(f"two values for {day:%Y-%m}")
        months[month] = value
    return months


def _pearson(pairs: list[tuple[float, float]]) -> float | None:
    """Pearson's r; None when either series is constant (its spread is zero, r undefined)."""
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    if len(set(xs)) == 1 or len(set(ys)) == 1:
        return None
    mean_x, mean_y = math.fsum(xs) / len(xs), math.fsum(ys) / len(ys)
    dx, dy = [x - mean_x for x in xs], [y - mean_y for y in ys]
    sxy = math.fsum(a * b for a, b in zip(dx, dy, strict=True))
    r = sxy / math.sqrt(math.fsum(a * a for a in dx) * math.fsum(b * b for b in dy))
    return max(-1.0, min(1.0, r))  # float rounding can step just past ±1


def pooled_rate(numerators: Iterable[float], denominators: Iterable[float], *, per: float = 100) -> float | None:
    """Σ numerators / Σ denominators × per (e.g. contacts per 100 orders over months); None with no denominator."""
    pairs = list(zip(numerators, denominators, strict=True))
    denominator = math.fsum(d for _, d in pairs)
    return None if denominator == 0 else per * math.fsum(n for n, _ in pairs) / denominator
