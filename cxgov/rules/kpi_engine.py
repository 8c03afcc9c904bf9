"""KPI figures from survey answers: how each kind is scored, the value with its 95% interval, and comparisons.

Pure: no database. A group of answers is summarised as a Tally (n, sum, sum of squares, high, low), which is
additive, so SQL can aggregate it and groups can be pooled by adding counts. Conventions:

- Scoring. NPS and eNPS: answers 0–10, promoters 9–10 ("high"), detractors 0–6 ("low"), value = % promoters −
  % detractors. CSAT: answers 1–5, value = % answering 4–5. KTV and MTV (the Dutch rapportcijfer): answers 1–10,
  value = the mean, second figure = % answering 8 or more. CES: answers 1–7, value = the mean, second figure =
  net CES, % answering 5–7 − % answering 1–3. A skipped answer (None) is left out; an answer outside the scale or
  not a whole number is refused with its position (1-based) — never silently dropped.
- Net (NPS, eNPS, net CES): each respondent scores +1, 0 or −1; with p = share high and d = share low, the
  variance of that score is p + d − (p − d)² (population form, divided by n), SE = 100·√(var/n), and the interval
  is value ± z·SE with z the normal 97.5% quantile, clipped to −100…100. All answers alike gives a zero-width
  interval (100 to 100 for all promoters): the normal approximation has nothing to spread.
- Shares (CSAT, % 8+): the Wilson score interval without continuity correction (statsmodels
  proportion_confint(method="wilson"); R's prop.test adds a continuity correction by default, the Wald interval
  p ± z·√(p(1−p)/n) collapses at 0% and 100% and is too narrow for small n, so neither is used). The standard
  error reported with a share is the Wald one, √(p(1−p)/n), used only where standard errors are combined.
- Means (KTV, MTV, CES): sample standard deviation (divided by n − 1) from the sum and the sum of squares (a
  tiny negative variance from float rounding counts as 0), SE = s/√n, Student's t interval with n − 1 degrees of
  freedom. One answer: the value without an interval.
- Every interval lies within what the measure can take (−100…100, 0…100, the answer scale). A figure is
  indicative when n < min n; with no answers its value is None (and it is indicative).
- Comparisons (after − before): net by the normal interval with both standard errors; shares by Newcombe's
  hybrid score interval (his method 10, built from the two Wilson intervals; statsmodels
  confint_proportions_2indep(method="newcomb")); means by Welch's t interval with Welch–Satterthwaite degrees of
  freedom. Verdict: "too_few" when either side is indicative or no interval can be formed, "significant" when
  the interval excludes 0, otherwise "noise".
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from functools import lru_cache
from numbers import Real
from statistics import NormalDist

from scipy.stats import t as student_t

from cxgov.errors import DomainError
from cxgov.i18n import format_measure, t
from cxgov.models.enums import KpiKind

CONFIDENCE = 0.95
UPPER = 1 - (1 - CONFIDENCE) / 2  # two-sided: the quantile with 2.5% above it
Z = NormalDist().inv_cdf(UPPER)
SHOWN_PROBLEMS = 5  # a file with thousands of bad answers names the first few and counts the rest

NET, SHARE_HIGH, MEAN = "net", "share_high", "mean"
METHODS = {NET: "kpi_engine.method.net", SHARE_HIGH: "kpi_engine.method.share_high", MEAN: "kpi_engine.method.mean"}
COMPARE_METHODS = {measure: key.replace(".method.", ".method.compare_") for measure, key in METHODS.items()}


@lru_cache(maxsize=4096)
def t_quantile(df: int) -> float:
    """Student's t quantile for the two-sided 95 % interval, per degrees of freedom (scipy's ppf is slow per call,
    and a recompute asks for the same few thousand again and again)."""
    return float(student_t.ppf(UPPER, df))


@dataclass(frozen=True)
class Scoring:
    """How the answers of a survey kind are scored: the answer scale, what counts as high and low, the figures."""

    scale_min: int
    scale_max: int
    high_from: int | None
    low_to: int | None
    primary: str
    second: str | None

    def limits(self, measure: str) -> tuple[float, float]:
        """The range a measure can take: −100…100 for net, 0…100 for a share, the answer scale for a mean."""
        return {NET: (-100.0, 100.0), SHARE_HIGH: (0.0, 100.0), MEAN: (self.scale_min, self.scale_max)}[measure]


# Promoters answer 9–10, detractors 0–6 (Reichheld); CSAT counts 4–5 of 5 as satisfied; a rapportcijfer of 8+ is
# "good"; CES counts 5–7 as easy and 1–3 as hard.
SCORING: dict[KpiKind, Scoring] = {
    KpiKind.NPS: Scoring(0, 10, 9, 6, NET, None),
    KpiKind.ENPS: Scoring(0, 10, 9, 6, NET, None),
    KpiKind.CSAT: Scoring(1, 5, 4, None, SHARE_HIGH, None),
    KpiKind.KTV: Scoring(1, 10, 8, None, MEAN, SHARE_HIGH),
    KpiKind.MTV: Scoring(1, 10, 8, None, MEAN, SHARE_HIGH),
    KpiKind.CES: Scoring(1, 7, 5, 3, MEAN, NET),
}


class ScoreError(DomainError):
    """Answers that are not whole numbers on the kind's scale; `problems` lists (position, score), 1-based."""

    def __init__(self, kind: KpiKind, problems: list[tuple[int, object]]):
        self.kind, self.problems = kind, problems
        super().__init__("kpi_engine.error.scores", kind=f"enum.kpikind.{kind.value}", problems=problems)

    def message(self, lang: str = "en") -> str:
        """The scale and the first few refused answers by position, e.g. "#3: 11, #7: 7.5"."""
        scoring = SCORING[self.kind]
        shown = [f"#{position}: {_written(score, lang)}" for position, score in self.problems[:SHOWN_PROBLEMS]]
        more = [] if len(self.problems) <= SHOWN_PROBLEMS else ["…"]
        return t(
            self.key,
            lang,
            count=format_measure(len(self.problems), lang),
            low=format_measure(scoring.scale_min, lang),
            high=format_measure(scoring.scale_max, lang),
            kind=t(f"enum.kpikind.{self.kind.value}", lang),
            answers=", ".join(shown + more),
        )


def _written(score: object, lang: str) -> str:
    return format_measure(score, lang) if _finite(score) else repr(score)


def _finite(score: object) -> bool:
    return isinstance(score, Real) and not isinstance(score, bool) and math.isfinite(score)


@dataclass(frozen=True)
class Tally:
    """An additive summary of a group of answers: count, sum, sum of squares, how many high and how many low."""

    n: int
    total: float
    total_sq: float
    high: int
    low: int

    def __add__(self, other: Tally) -> Tally:
        """Pooling two groups sums their counts."""
        return Tally(*(mine + theirs for mine, theirs in zip(astuple(self), astuple(other), strict=True)))

    @classmethod
    def of(cls, kind: KpiKind, scores: Iterable[float | None]) -> Tally:
        """The tally of one group's answers; None (skipped) is left out, any other answer off the scale refused."""
        scoring = SCORING[kind]
        n, total, total_sq, high, low = 0, 0.0, 0.0, 0, 0
        problems: list[tuple[int, object]] = []
        for position, score in enumerate(scores, start=1):
            if score is None:
                continue
            if not _on_scale(score, scoring):
                problems.append((position, score))
                continue
            score = float(score)  # a numpy integer too: the tally holds plain floats
            n, total, total_sq = n + 1, total + score, total_sq + score * score
            high += scoring.high_from is not None and score >= scoring.high_from
            low += scoring.low_to is not None and score <= scoring.low_to
        if problems:
            raise ScoreError(kind, problems)
        return cls(n, total, total_sq, high, low)


def _on_scale(score: object, scoring: Scoring) -> bool:
    return _finite(score) and float(score).is_integer() and scoring.scale_min <= score <= scoring.scale_max


EMPTY = Tally(0, 0.0, 0.0, 0, 0)


@dataclass(frozen=True)
class Figure:
    """One computed value with its 95% interval; `method` is the translation key naming formula and interval."""

    value: float | None
    low: float | None
    high: float | None
    n: int
    indicative: bool
    method: str
    standard_error: float | None = None

    @property
    def margin(self) -> float | None:
        """Half the interval's width (the "±" of the value)."""
        return None if self.low is None or self.high is None else (self.high - self.low) / 2


def figure(kind: KpiKind, tally: Tally, *, measure: str | None = None, min_n: int) -> Figure:
    """The value of one measure of a tally (default: the kind's primary) with its 95% interval."""
    scoring = SCORING[kind]
    measure = measure or scoring.primary
    if (measure == NET and scoring.low_to is None) or measure not in METHODS:
        raise ValueError(f"{kind.value} has no measure {measure!r}")
    n, method = tally.n, METHODS[measure]
    if n == 0:
        return Figure(None, None, None, 0, True, method)
    floor, ceiling = scoring.limits(measure)
    if measure == MEAN:
        value = tally.total / n
        if n == 1:
            return Figure(value, None, None, 1, min_n > 1, method)
        variance = max((tally.total_sq - tally.total * tally.total / n) / (n - 1), 0.0)
        se = math.sqrt(variance / n)
        half = t_quantile(n - 1) * se
        low, high = value - half, value + half
    elif measure == NET:
        p, d = tally.high / n, tally.low / n
        value = 100 * (p - d)
        se = 100 * math.sqrt(max(p + d - (p - d) ** 2, 0.0) / n)
        low, high = value - Z * se, value + Z * se
    else:
        p = tally.high / n
        value, se = 100 * p, 100 * math.sqrt(p * (1 - p) / n)
        low, high = (100 * bound for bound in wilson(tally.high, n))
    return Figure(value, max(low, floor), min(high, ceiling), n, n < min_n, method, se)


def wilson(count: int, n: int) -> tuple[float, float]:
    """The Wilson score interval of a proportion count/n (no continuity correction), as fractions."""
    p, z2 = count / n, Z * Z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = Z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
    # At 0 and at n one bound is exactly 0 or 1 (centre and half are equal there); float rounding would miss it.
    return (0.0 if count == 0 else centre - half), (1.0 if count == n else centre + half)


def figures(kind: KpiKind, tally: Tally, *, min_n: int) -> tuple[Figure, Figure | None]:
    """The kind's primary figure and its second (KTV/MTV: % 8+, CES: net CES; else None)."""
    second = SCORING[kind].second
    extra = None if second is None else figure(kind, tally, measure=second, min_n=min_n)
    return figure(kind, tally, min_n=min_n), extra


@dataclass(frozen=True)
class Comparison:
    """after − before with its 95% interval and the verdict: "significant", "noise" or "too_few"."""

    difference: float | None
    low: float | None
    high: float | None
    verdict: str
    method: str | None = None


def compare(kind: KpiKind, before: Tally, after: Tally, *, min_n: int, measure: str | None = None) -> Comparison:
    """after − before for one measure, with its 95% interval (net: normal; share: Newcombe; mean: Welch)."""
    measure = measure or SCORING[kind].primary
    old = figure(kind, before, measure=measure, min_n=min_n)
    new = figure(kind, after, measure=measure, min_n=min_n)
    method = COMPARE_METHODS[measure]
    if old.value is None or new.value is None:
        return Comparison(None, None, None, "too_few", method)
    difference = new.value - old.value
    low = high = None
    if measure == SHARE_HIGH:
        low, high = _newcombe(before, after)
    elif old.standard_error is not None and new.standard_error is not None:
        se = math.hypot(old.standard_error, new.standard_error)
        quantile = Z if measure == NET else _welch_quantile(old, new)
        low, high = difference - quantile * se, difference + quantile * se
    if old.indicative or new.indicative or low is None:
        verdict = "too_few"
    else:
        verdict = "significant" if low > 0 or high < 0 else "noise"
    return Comparison(difference, low, high, verdict, method)


def _newcombe(before: Tally, after: Tally) -> tuple[float, float]:
    """Newcombe's hybrid score interval (method 10) for p_after − p_before, in percentage points."""
    p1, p2 = after.high / after.n, before.high / before.n
    low1, high1 = wilson(after.high, after.n)
    low2, high2 = wilson(before.high, before.n)
    difference = p1 - p2
    low = difference - math.hypot(p1 - low1, high2 - p2)
    high = difference + math.hypot(high1 - p1, p2 - low2)
    return 100 * low, 100 * high


def _welch_quantile(old: Figure, new: Figure) -> float:
    """The t quantile at Welch–Satterthwaite degrees of freedom; both groups constant: no spread, quantile 0."""
    v_old, v_new = old.standard_error**2, new.standard_error**2
    if v_old + v_new == 0:
        return 0.0
    df = (v_old + v_new) ** 2 / (v_old**2 / (old.n - 1) + v_new**2 / (new.n - 1))
    return float(student_t.ppf(UPPER, df))


def shown_digits(margin: float) -> int:
    """The decimals a value with this 95 % margin is written with: one, or two where the margin is below a tenth
    (it would read as "± 0")."""
    return 1 if margin >= 0.1 or margin == 0 else 2
