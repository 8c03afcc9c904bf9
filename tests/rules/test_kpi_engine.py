"""KPI figures and comparisons (cxgov.rules.kpi_engine): hand-computed values and published implementations."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint
from statsmodels.stats.weightstats import DescrStatsW

from cxgov.models import KpiKind
from cxgov.rules.kpi_engine import EMPTY, SCORING, ScoreError, Tally, compare, figure, figures, wilson

NPS, CSAT, CES, KTV = KpiKind.NPS, KpiKind.CSAT, KpiKind.CES, KpiKind.KTV
KTV_ANSWERS = [7, 8, 6, 9, 8, 7, 10, 5, 8, 7, 6, 8]


def nps_tally(promoters: int, passives: int, detractors: int) -> Tally:
    return Tally.of(NPS, [10] * promoters + [8] * passives + [3] * detractors)


def csat_tally(satisfied: int, n: int) -> Tally:
    return Tally.of(CSAT, [5] * satisfied + [2] * (n - satisfied))


# --- answers and tallies -----------------------------------------------------------------------------------------


def test_a_tally_counts_high_and_low_by_the_kinds_scoring():
    assert Tally.of(NPS, [10, 9, 8, 7, 6, 0]) == Tally(6, 40.0, 330.0, 2, 2)
    assert Tally.of(CES, [1, 3, 4, 5, 7]) == Tally(5, 20.0, 100.0, 2, 2)
    assert Tally.of(KTV, [7, 8, 10]) == Tally(3, 25.0, 213.0, 2, 0)
    assert Tally.of(CSAT, [3, 4, 5]).high == 2
    assert SCORING[KpiKind.ENPS] == SCORING[NPS] and SCORING[KpiKind.MTV] == SCORING[KTV]


def test_answers_from_numpy_are_tallied_as_plain_numbers():
    tally = Tally.of(KTV, np.array([7, 8, 9]))
    assert tally == Tally(3, 24.0, 194.0, 2, 0) and type(tally.total) is float


def test_skipped_answers_are_left_out():
    assert Tally.of(NPS, [10, None, 0, None]) == Tally.of(NPS, [10, 0])
    assert Tally.of(NPS, []) == Tally.of(NPS, [None, None]) == EMPTY


def test_an_answer_off_the_scale_is_refused_with_its_position():
    with pytest.raises(ScoreError) as refused:
        Tally.of(NPS, [10, None, 11, 7.5, 9, float("nan"), True, -1])
    assert refused.value.problems[:2] == [(3, 11), (4, 7.5)]
    assert [position for position, _ in refused.value.problems] == [3, 4, 6, 7, 8]
    assert refused.value.message() == (
        "5 answers are not whole numbers from 0 to 10 (the scale of NPS): #3: 11, #4: 7.5, #6: nan, #7: True, #8: -1"
    )
    assert "#4: 7,5" in refused.value.message("nl")


def test_a_long_list_of_refused_answers_names_the_first_five():
    with pytest.raises(ScoreError) as refused:
        Tally.of(CSAT, [0] * 8)
    assert len(refused.value.problems) == 8
    assert refused.value.message().startswith("8 answers are not whole numbers from 1 to 5")
    assert refused.value.message().endswith("#5: 0, …")


answers = st.lists(st.none() | st.integers(min_value=0, max_value=10), max_size=60)


@settings(max_examples=300, deadline=None, database=None)  # no example database left in the checkout
@given(answers, answers)
def test_pooling_two_groups_is_adding_their_tallies(first, second):
    assert Tally.of(NPS, first + second) == Tally.of(NPS, first) + Tally.of(NPS, second)
    assert Tally.of(NPS, first) + EMPTY == Tally.of(NPS, first)


# --- net: NPS, eNPS, net CES ---------------------------------------------------------------------------------------


def test_nps_and_its_margin_by_hand():
    """50 promoters, 30 passives, 20 detractors: NPS 30, var = .5 + .2 − .3² = .61, SE = 100·√(.61/100) = 7.81."""
    nps = figure(NPS, nps_tally(50, 30, 20), min_n=30)
    assert nps.value == pytest.approx(30)
    assert nps.standard_error == pytest.approx(7.8102, abs=1e-4)
    assert nps.margin == pytest.approx(1.959964 * 7.8102, abs=1e-3)
    assert round(nps.margin, 1) == 15.3
    assert (nps.low, nps.high) == pytest.approx((30 - nps.margin, 30 + nps.margin))
    assert not nps.indicative and nps.method == "kpi_engine.method.net"


def test_all_promoters_is_100_with_a_zero_width_interval():
    nps = figure(NPS, nps_tally(40, 0, 0), min_n=30)
    assert (nps.value, nps.low, nps.high, nps.margin, nps.standard_error) == (100, 100, 100, 0, 0)


def test_a_net_interval_is_clipped_to_its_scale():
    nps = figure(NPS, nps_tally(9, 0, 1), min_n=30)  # 80 ± 1.96·100·√(.36/10) = 80 ± 37.2
    assert nps.value == pytest.approx(80) and nps.high == 100 and nps.low == pytest.approx(80 - 37.19, abs=0.01)


def test_no_answers_and_few_answers():
    empty = figure(NPS, EMPTY, min_n=30)
    assert (empty.value, empty.low, empty.high, empty.margin, empty.n, empty.indicative) == (
        None,
        None,
        None,
        None,
        0,
        True,
    )
    assert figure(NPS, nps_tally(20, 5, 4), min_n=30).indicative
    assert not figure(NPS, nps_tally(20, 6, 4), min_n=30).indicative
    one = figure(NPS, nps_tally(1, 0, 0), min_n=1)
    assert (one.value, one.n, one.indicative) == (100, 1, False)


def test_ces_has_a_mean_and_a_net_score():
    mean, net = figures(CES, Tally.of(CES, [1, 2, 3, 4, 5, 6, 7, 7]), min_n=5)
    assert mean.value == pytest.approx(35 / 8)
    assert net.value == pytest.approx(100 * (4 - 3) / 8)  # 5–7 easy, 1–3 hard
    assert net.standard_error == pytest.approx(100 * math.sqrt((7 / 8 - (1 / 8) ** 2) / 8))  # p + d − (p − d)²
    assert figures(NPS, nps_tally(5, 5, 5), min_n=5)[1] is None


def test_a_measure_the_kind_does_not_have_is_a_programming_error():
    with pytest.raises(ValueError, match="csat has no measure 'net'"):
        figure(CSAT, csat_tally(3, 5), measure="net", min_n=1)
    with pytest.raises(ValueError, match="median"):
        figure(KTV, Tally.of(KTV, [8]), measure="median", min_n=1)


# --- shares: Wilson ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "n"), [(0, 10), (10, 10), (1, 1), (0, 1), (7, 12), (81, 263), (412, 500)])
def test_a_share_has_the_wilson_interval_of_statsmodels(count, n):
    share = figure(CSAT, csat_tally(count, n), min_n=1)
    low, high = proportion_confint(count, n, alpha=0.05, method="wilson")
    assert share.value == pytest.approx(100 * count / n)
    assert (share.low, share.high) == pytest.approx((100 * low, 100 * high), abs=1e-9)


@settings(max_examples=300, deadline=None, database=None)  # no example database left in the checkout
@given(st.integers(min_value=1, max_value=5_000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_equals_statsmodels_for_any_count(count_n):
    low, high = proportion_confint(*count_n, method="wilson")
    assert wilson(*count_n) == pytest.approx((low, high), abs=1e-12)


def test_wilson_is_not_the_wald_interval():
    """Wald collapses to a point at 0 of 10 and is too narrow for small n; the Wilson interval is used."""
    share = figure(CSAT, csat_tally(0, 10), min_n=1)
    assert proportion_confint(0, 10, method="normal") == (0, 0)
    assert share.low == 0 and share.high == pytest.approx(27.75, abs=0.01)
    wald = proportion_confint(7, 12, method="normal")
    seven = figure(CSAT, csat_tally(7, 12), min_n=1)
    assert abs(seven.low - 100 * wald[0]) > 1 and abs(seven.high - 100 * wald[1]) > 1


def test_ktv_has_its_share_of_eights_and_above():
    mean, share = figures(KTV, Tally.of(KTV, KTV_ANSWERS), min_n=10)
    assert share.value == pytest.approx(100 * 6 / 12)
    assert (share.low, share.high) == pytest.approx(tuple(100 * b for b in proportion_confint(6, 12, method="wilson")))
    assert share.method == "kpi_engine.method.share_high" and mean.method == "kpi_engine.method.mean"


# --- means: Student's t ------------------------------------------------------------------------------------------


def test_a_mean_has_the_t_interval_of_scipy_and_statsmodels():
    mean = figure(KTV, Tally.of(KTV, KTV_ANSWERS), min_n=10)
    sample = stats.tmean(KTV_ANSWERS), stats.sem(KTV_ANSWERS)
    expected = stats.t.interval(0.95, len(KTV_ANSWERS) - 1, loc=sample[0], scale=sample[1])
    assert mean.value == pytest.approx(sample[0]) and mean.standard_error == pytest.approx(sample[1])
    assert (mean.low, mean.high) == pytest.approx(expected)
    assert (mean.low, mean.high) == pytest.approx(DescrStatsW(KTV_ANSWERS).tconfint_mean(alpha=0.05))


def test_one_answer_has_a_mean_without_an_interval():
    mean = figure(KTV, Tally.of(KTV, [8]), min_n=1)
    assert (mean.value, mean.low, mean.high, mean.margin, mean.indicative) == (8, None, None, None, False)
    assert figure(KTV, Tally.of(KTV, [8]), min_n=2).indicative


def test_a_rounding_error_below_zero_variance_counts_as_no_spread():
    mean = figure(KTV, Tally(3, 24.0, 192.0 - 1e-12, 3, 0), min_n=1)
    assert (mean.value, mean.low, mean.high, mean.standard_error) == (8, 8, 8, 0)


def test_a_mean_interval_stays_on_the_answer_scale():
    mean = figure(KTV, Tally.of(KTV, [1, 10]), min_n=1)  # 5.5 ± 12.7·4.5
    assert (mean.value, mean.low, mean.high) == (5.5, 1, 10)


# --- comparisons ---------------------------------------------------------------------------------------------------


def test_an_nps_change_uses_both_standard_errors():
    before, after = nps_tally(40, 30, 30), nps_tally(50, 30, 20)  # NPS 10 → 30
    change = compare(NPS, before, after, min_n=30)
    se = math.hypot(100 * math.sqrt((0.7 - 0.01) / 100), 100 * math.sqrt(0.61 / 100))
    assert change.difference == pytest.approx(20)
    assert (change.low, change.high) == pytest.approx((20 - 1.959964 * se, 20 + 1.959964 * se), abs=1e-4)
    assert change.verdict == "noise" and change.low < 0  # 20 points on 100 answers each is not yet sure
    assert compare(NPS, nps_tally(400, 300, 300), nps_tally(500, 300, 200), min_n=30).verdict == "significant"
    assert compare(NPS, after, before, min_n=30).difference == pytest.approx(-20)


@pytest.mark.parametrize(("before", "after"), [((20, 50), (30, 50)), ((0, 12), (12, 12)), ((45, 80), (44, 90))])
def test_a_share_change_has_newcombes_interval_as_statsmodels(before, after):
    change = compare(CSAT, csat_tally(*before), csat_tally(*after), min_n=10)
    low, high = confint_proportions_2indep(after[0], after[1], before[0], before[1], method="newcomb")
    assert change.difference == pytest.approx(100 * (after[0] / after[1] - before[0] / before[1]))
    assert (change.low, change.high) == pytest.approx((100 * low, 100 * high), abs=1e-9)
    assert change.method == "kpi_engine.method.compare_share_high"


def test_a_mean_change_has_welchs_interval_as_scipy():
    before, after = [6, 7, 7, 8, 5, 6, 7, 9, 6, 7], [8, 9, 7, 8, 9, 10, 8, 7, 9, 8, 9, 8, 10]
    change = compare(KTV, Tally.of(KTV, before), Tally.of(KTV, after), min_n=10)
    expected = stats.ttest_ind(after, before, equal_var=False).confidence_interval(0.95)
    assert (change.low, change.high) == pytest.approx((expected.low, expected.high))
    assert change.verdict == "significant"
    assert compare(KTV, Tally.of(KTV, [7, 8] * 5), Tally.of(KTV, [7, 8] * 5), min_n=10).verdict == "noise"


def test_a_change_from_or_to_too_few_answers_is_not_judged():
    assert compare(NPS, nps_tally(20, 5, 4), nps_tally(290, 5, 4), min_n=30).verdict == "too_few"
    empty = compare(NPS, EMPTY, nps_tally(50, 30, 20), min_n=30)
    assert (empty.difference, empty.low, empty.high, empty.verdict) == (None, None, None, "too_few")
    one = compare(KTV, Tally.of(KTV, [9]), Tally.of(KTV, KTV_ANSWERS), min_n=1)  # one answer has no spread
    assert one.difference == pytest.approx(7.416667 - 9, abs=1e-5) and one.low is None and one.verdict == "too_few"


def test_constant_groups_differ_without_spread():
    change = compare(KTV, Tally.of(KTV, [7] * 10), Tally.of(KTV, [8] * 10), min_n=10)
    assert (change.difference, change.low, change.high, change.verdict) == (1, 1, 1, "significant")


def test_every_sampled_kind_but_business_and_operational_is_scored():
    assert set(SCORING) == set(KpiKind) - {KpiKind.BUSINESS, KpiKind.OPERATIONAL}
