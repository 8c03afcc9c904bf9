"""Effects on a KPI (cxgov.rules.kpi_effects): year on year, difference in differences, lagged correlation, pooled
rates — against hand computations, a published study and scipy."""

import math
from datetime import date

import pytest
from scipy import stats

from cxgov.models import KpiKind
from cxgov.rules.kpi_effects import (
    did_from_means,
    difference_in_differences,
    lagged_correlation,
    pooled_rate,
    year_on_year,
)
from cxgov.rules.kpi_engine import EMPTY, Tally, compare

NPS, KTV = KpiKind.NPS, KpiKind.KTV


def nps_tally(promoters: int, passives: int, detractors: int) -> Tally:
    return Tally.of(NPS, [10] * promoters + [8] * passives + [3] * detractors)


def months(values: list[float | None], start: date = date(2025, 1, 1)) -> dict[date, float | None]:
    """A monthly series from `start`, one value per month's first day."""
    firsts = (date(start.year + (start.month - 1 + i) // 12, (start.month - 1 + i) % 12 + 1, 1) for i in range(99))
    return dict(zip(firsts, values, strict=False))


# --- year on year ------------------------------------------------------------------------------------------------


def test_year_on_year_is_the_comparison_of_the_same_months():
    last_year, this_year = nps_tally(400, 300, 300), nps_tally(500, 300, 200)
    change = year_on_year(NPS, last_year, this_year, min_n=30)
    expected = compare(NPS, last_year, this_year, min_n=30)
    assert (change.value, change.low, change.high, change.verdict) == (
        expected.difference,
        expected.low,
        expected.high,
        "significant",
    )
    assert change.method == "yoy" and change.value == pytest.approx(20)
    assert year_on_year(NPS, EMPTY, this_year, min_n=30).verdict == "too_few"


# --- difference in differences -----------------------------------------------------------------------------------


def test_card_and_krueger_table_3():
    """Full-time-equivalent employment per store, New Jersey (minimum wage raised) vs Pennsylvania, before and
    after (Card & Krueger 1994, Table 3, rows 1–2). They report 2.76 from unrounded means (2.75 from the printed); their SE of 1.36
    uses each store's own change, while independent samples give √(.51² + .52² + 1.35² + .94²) = 1.80."""
    did = did_from_means(
        treated_before=(20.44, 0.51),
        treated_after=(21.03, 0.52),
        control_before=(23.33, 1.35),
        control_after=(21.17, 0.94),
    )
    assert did.value == pytest.approx(2.76, abs=0.015)  # 2.75 from the means as printed (two decimals)
    assert did.value == pytest.approx((21.03 - 20.44) - (21.17 - 23.33))
    assert did.standard_error == pytest.approx(math.sqrt(0.51**2 + 0.52**2 + 1.35**2 + 0.94**2))
    assert did.standard_error == pytest.approx(1.80, abs=0.005)
    assert (did.low, did.high) == pytest.approx(
        (did.value - 1.959964 * 1.7991, did.value + 1.959964 * 1.7991), abs=1e-3
    )
    assert did.verdict == "noise" and did.method == "did"  # under independence the interval includes 0


def test_did_of_nps_tallies_by_hand():
    """Treated 10 → 30, control 10 → 15: the initiative's share of the change is 15 points."""
    treated = nps_tally(400, 300, 300), nps_tally(500, 300, 200)
    control = nps_tally(400, 300, 300), nps_tally(450, 250, 300)
    did = difference_in_differences(
        NPS,
        treated_before=treated[0],
        treated_after=treated[1],
        control_before=control[0],
        control_after=control[1],
        min_n=30,
    )
    ses = [100 * math.sqrt((p + d - (p - d) ** 2) / 1000) for p, d in [(0.4, 0.3), (0.5, 0.2), (0.4, 0.3), (0.45, 0.3)]]
    assert did.value == pytest.approx(15)
    assert did.standard_error == pytest.approx(math.sqrt(sum(se * se for se in ses)))
    assert did.low == pytest.approx(15 - 1.959964 * did.standard_error, abs=1e-4)
    assert did.verdict == "significant"  # 15 ± 10.2 with 1,000 answers per group


def test_did_with_a_small_or_empty_group_is_not_judged():
    big, small = nps_tally(500, 300, 200), nps_tally(10, 5, 5)
    few = difference_in_differences(
        NPS, treated_before=big, treated_after=big, control_before=big, control_after=small, min_n=30
    )
    assert few.verdict == "too_few" and few.value == pytest.approx(0 - (25 - 30)) and few.low is not None
    empty = difference_in_differences(
        NPS, treated_before=big, treated_after=EMPTY, control_before=big, control_after=big, min_n=30
    )
    assert (empty.value, empty.low, empty.verdict) == (None, None, "too_few")
    one = Tally.of(KTV, [9])
    spread = Tally.of(KTV, [7, 8, 9])
    lone = difference_in_differences(
        KTV, treated_before=spread, treated_after=one, control_before=spread, control_after=spread, min_n=1
    )
    assert (lone.value, lone.low, lone.verdict) == (1, None, "too_few")


def test_did_of_a_mean_by_measure():
    low, high = Tally.of(KTV, [6, 7, 8] * 20), Tally.of(KTV, [8, 9, 10] * 20)
    did = difference_in_differences(
        KTV, treated_before=low, treated_after=high, control_before=low, control_after=low, min_n=30
    )
    assert did.value == pytest.approx(2) and did.verdict == "significant"
    share = difference_in_differences(
        KTV,
        treated_before=low,
        treated_after=high,
        control_before=low,
        control_after=low,
        min_n=30,
        measure="share_high",
    )
    assert share.value == pytest.approx(100 - 100 / 3)


# --- lagged correlation ------------------------------------------------------------------------------------------


def test_a_perfect_two_month_lag_shows_at_lag_two():
    cx = [12, 15, 11, 18, 20, 17, 22, 25, 21, 27]
    business = [0, 0] + [3 * value + 5 for value in cx]  # the business KPI follows the CX KPI two months later
    at_two = lagged_correlation(months(cx), months(business), lag_months=2)
    assert (at_two.r, at_two.low, at_two.high, at_two.n, at_two.lag) == (pytest.approx(1), 1, 1, 10, 2)
    at_zero = lagged_correlation(months(cx), months(business), lag_months=0)
    assert at_zero.n == 10 and at_zero.r < 0.9


def test_fisher_interval_by_hand_and_as_scipy():
    """x 1..5, y 2 1 4 3 5: sxy = 8, sxx = syy = 10, r = .8; z = atanh .8 = 1.0986, SE = 1/√2,
    interval tanh(1.0986 ± 1.3859) = (−.2797, .9862)."""
    x, y = [1, 2, 3, 4, 5], [2, 1, 4, 3, 5]
    found = lagged_correlation(months(x), months(y), lag_months=0)
    assert found.r == pytest.approx(0.8)
    assert (found.low, found.high) == pytest.approx((-0.2797, 0.9862), abs=1e-4)
    expected = stats.pearsonr(x, y).confidence_interval(0.95)
    assert (found.low, found.high) == pytest.approx((expected.low, expected.high))


def test_too_short_or_constant_series_have_no_correlation():
    three = lagged_correlation(months([1, 2, 4]), months([1, 3, 2]), lag_months=0)
    assert three.r is not None and (three.low, three.high, three.n) == (None, None, 3)
    two = lagged_correlation(months([1, 2, 4]), months([None, 3, 2]), lag_months=0)
    assert (two.r, two.n) == (None, 2)
    flat = lagged_correlation(months([0.1] * 6), months([1, 2, 3, 4, 5, 6]), lag_months=0)
    assert (flat.r, flat.low, flat.n) == (None, None, 6)
    gap = lagged_correlation(months([1, 2, 3, 4]), months([5, 6, 7, 8]), lag_months=3)
    assert (gap.r, gap.n) == (None, 1)


def test_two_values_in_one_month_are_refused():
    with pytest.raises(ValueError, match="2025-01"):
        lagged_correlation({date(2025, 1, 1): 1, date(2025, 1, 15): 2}, {}, lag_months=0)


def test_a_lag_crosses_the_year():
    cx = {date(2025, 11, 1): 1.0, date(2025, 12, 1): 2.0, date(2026, 1, 1): 4.0, date(2026, 2, 1): 3.0}
    business = {date(2026, 1, 1): 10.0, date(2026, 2, 1): 20.0, date(2026, 3, 1): 40.0, date(2026, 4, 1): 30.0}
    assert lagged_correlation(cx, business, lag_months=2).r == pytest.approx(1)


# --- pooled rates --------------------------------------------------------------------------------------------------


def test_a_pooled_rate_is_not_an_average_of_rates():
    """Contacts per 100 orders: 10 of 100 in a small month, 500 of 10,000 in a big one. Averaging the rates
    (10 and 5) gives 7.5; the pooled rate is 510 of 10,100 = 5.05."""
    contacts, orders = [10, 500], [100, 10_000]
    assert sum(100 * c / o for c, o in zip(contacts, orders, strict=True)) / 2 == pytest.approx(7.5)
    assert pooled_rate(contacts, orders) == pytest.approx(510 / 10_100 * 100)
    assert pooled_rate(contacts, orders, per=1) == pytest.approx(0.0505, abs=1e-4)


def test_a_pooled_rate_without_a_denominator_is_none():
    assert pooled_rate([], []) is None
    assert pooled_rate([3], [0]) is None
    with pytest.raises(ValueError, match="shorter"):
        pooled_rate([1, 2], [3])
