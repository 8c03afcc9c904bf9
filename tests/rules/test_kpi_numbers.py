"""The rules a KPI's numbers keep (cxgov.rules.kpi_numbers), pure: scales, readings, targets, and their messages."""

from datetime import date

import pytest

from cxgov.errors import ValidationError
from cxgov.i18n import format_measure
from cxgov.models import Direction, KpiKind
from cxgov.rules.kpi_numbers import (
    MAGNITUDE,
    KpiScale,
    bounds,
    period_problem,
    reading_problems,
    sample_problem,
    scale_problems,
    target_problems,
    value_problem,
)

TODAY = date(2026, 12, 7)
RNPS = KpiScale("Relationship NPS", KpiKind.NPS, -100, 100)
CPO = KpiScale("Contacts per 100 orders", KpiKind.OPERATIONAL, 0, None, Direction.LOWER_IS_BETTER)


def message(problem, lang="en") -> str:
    key, params = problem
    return ValidationError({"field": (key, params)}).field_messages(lang)["field"]


def test_the_reviewed_typo_is_refused_with_the_range_named():
    """Relationship NPS 500 for a month three months ahead with n = 3: the value and the month are refused."""
    problems = reading_problems(RNPS, value=500, sample_size=3, period=date(2027, 3, 1), today=TODAY)
    assert set(problems) == {"value", "period"}
    assert message(problems["value"]) == "must lie between -100 and 100 (the scale of Relationship NPS)"
    assert message(problems["value"], "nl") == "moet tussen -100 en 100 liggen (de schaal van Relationship NPS)"
    assert "after the current month" in message(problems["period"])
    assert value_problem(RNPS, 250) is not None
    assert value_problem(RNPS, -100) is None and value_problem(RNPS, 100) is None


@pytest.mark.parametrize(
    ("kpi", "expected"),
    [
        (RNPS, (-100, 100, "kpi")),
        (KpiScale("NPS without a scale", KpiKind.NPS), (-100, 100, "kind")),
        (KpiScale("KTV", KpiKind.KTV), (1, 10, "kind")),
        (KpiScale("CSAT", KpiKind.CSAT, scale_min=50), (50, 100, "kpi")),  # completed by the kind's scale
        (KpiScale("CES 2.0", KpiKind.CES, 1, 7), (1, 7, "kpi")),
        (KpiScale("CES, no scale", KpiKind.CES), (-100, 100, "kind")),  # only the wider definition is certain
        (CPO, (0, MAGNITUDE, "limit")),
        (KpiScale("Revenue growth", KpiKind.BUSINESS), (-MAGNITUDE, MAGNITUDE, "limit")),
    ],
)
def test_the_effective_scale_and_where_it_comes_from(kpi, expected):
    scale = bounds(kpi)
    assert (scale.low, scale.high, scale.origin) == expected


def test_messages_name_whose_scale_it_is():
    kind_only = value_problem(KpiScale("eNPS stores", KpiKind.ENPS), 101)
    assert (
        message(kind_only) == "must lie between -100 and 100 (the scale of the kind eNPS; eNPS stores has no "
        "scale of its own)"
    )
    open_above = value_problem(CPO, 2e12)
    assert message(open_above).startswith("must lie between 0 and 1,000,000,000,000: without a scale on that side")
    assert message(open_above, "nl").startswith("moet tussen 0 en 1.000.000.000.000 liggen")
    assert message(value_problem(KpiScale("KTV", KpiKind.KTV, 1, 10), 7.5 + 5), "nl").startswith("moet tussen 1 en 10")


def test_numbers_in_messages_are_written_the_readers_way():
    assert (format_measure(7.5, "nl"), format_measure(7.5, "en")) == ("7,5", "7.5")
    assert (format_measure(1234567, "nl"), format_measure(-1e12, "en")) == ("1.234.567", "-1,000,000,000,000")
    assert format_measure(1e300, "nl") == "1E300"  # beyond what babel can write out


@pytest.mark.parametrize("kind", [KpiKind.NPS, KpiKind.ENPS, KpiKind.CSAT, KpiKind.CES, KpiKind.KTV, KpiKind.MTV])
def test_a_sampled_kind_needs_its_n(kind):
    problem = sample_problem(kind, None)
    assert problem[0] == "kpi_rules.error.sample_required"
    assert "comes from a sample" in message(problem)
    assert sample_problem(kind, 1) is None


@pytest.mark.parametrize("kind", [KpiKind.BUSINESS, KpiKind.OPERATIONAL])
def test_n_is_optional_elsewhere_but_positive_where_given(kind):
    assert sample_problem(kind, None) is None
    assert message(sample_problem(kind, 0)) == "must be a whole number from 1 to 1,000,000,000"
    assert sample_problem(kind, -3) is not None and sample_problem(kind, 1_000_000_001) is not None


def test_the_month_has_begun_and_is_named_by_its_first_day():
    assert period_problem(date(2026, 12, 1), TODAY) is None  # the current month
    assert period_problem(date(2026, 1, 1), TODAY) is None
    assert period_problem(date(2027, 1, 1), TODAY)[0] == "kpi_rules.error.period_future"
    assert period_problem(date(2026, 11, 15), TODAY)[0] == "admin.error.period_first_day"


def test_a_correction_keeps_its_month():
    assert reading_problems(RNPS, value=28, sample_size=800, period=None, today=TODAY) == {}


@pytest.mark.parametrize(
    ("kind", "low", "high", "refused"),
    [
        (KpiKind.NPS, 0, 1000, {"scale_max"}),
        (KpiKind.NPS, -100, 100, set()),
        (KpiKind.NPS, 0, 10, set()),  # narrower is allowed
        (KpiKind.CSAT, 1, 5, set()),
        (KpiKind.KTV, 0, 10, {"scale_min"}),
        (KpiKind.CES, 1, 7, set()),
        (KpiKind.BUSINESS, None, 1e15, {"scale_max"}),
        (KpiKind.OPERATIONAL, 0, None, set()),
    ],
)
def test_a_catalogue_scale_fits_its_kind(kind, low, high, refused):
    problems = scale_problems(kind, low, high)
    assert set(problems) == refused
    if kind is KpiKind.NPS and refused:
        assert (
            message(problems["scale_max"]) == "must lie between -100 and 100: a KPI of the kind NPS cannot "
            "have a wider scale"
        )


def test_a_target_lies_within_the_scale_and_on_the_improving_side():
    assert target_problems(RNPS, baseline=28, target=35) == {}
    assert target_problems(RNPS, baseline=28, target=28) == {}  # holding the level is allowed
    assert set(target_problems(RNPS, baseline=28, target=350)) == {"target"}
    assert set(target_problems(RNPS, baseline=-250, target=35)) == {"baseline"}
    wrong_way = target_problems(RNPS, baseline=28, target=20)
    assert (
        message(wrong_way["target"]) == "must not be below the baseline (28): Relationship NPS improves upwards "
        "(higher is better)"
    )
    lower = target_problems(CPO, baseline=24, target=30)
    assert message(lower["target"], "nl").startswith("mag niet boven de nulmeting (24) liggen")
    assert target_problems(CPO, baseline=24, target=18) == {}


def test_without_a_kpi_a_target_only_has_to_be_a_sane_number():
    assert target_problems(None, baseline=50, target=10) == {}  # no direction to check against
    assert set(target_problems(None, baseline=None, target=5e12)) == {"target"}


def test_a_scale_saved_before_scales_had_to_fit_their_kind_is_narrowed_to_it():
    legacy = KpiScale("Old NPS", KpiKind.NPS, 0, 1000)
    assert (bounds(legacy).low, bounds(legacy).high) == (0, 100)
    assert value_problem(legacy, 500) is not None
