"""A KPI's colour against its target (cxgov.rules.kpi_status): each branch, in both directions."""

from datetime import date

import pytest

from cxgov.errors import Number
from cxgov.models import Direction
from cxgov.rules.kpi_status import AMBER, GREEN, RED, Reading, kpi_status, target_in_force

UP, DOWN = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER


def status(value, low=None, high=None, *, target=7.8, direction=UP, n=400, indicative=False):
    return kpi_status("KTV", Reading(value, low, high, n, indicative), target, direction)


@pytest.mark.parametrize(
    ("value", "low", "high", "direction", "colour", "key"),
    [
        (7.9, 7.8, 8.0, UP, GREEN, "kpi_status.meets_margin"),
        (7.8, 7.7, 7.9, UP, GREEN, "kpi_status.meets_margin"),  # on the target meets it
        (7.7, 7.5, 7.9, UP, AMBER, "kpi_status.within_below"),
        (7.6, 7.5, 7.7, UP, RED, "kpi_status.misses_below_margin"),
        (7.7, 7.6, 7.8, DOWN, GREEN, "kpi_status.meets_margin"),
        (7.9, 7.7, 8.1, DOWN, AMBER, "kpi_status.within_above"),
        (8.0, 7.9, 8.1, DOWN, RED, "kpi_status.misses_above_margin"),
    ],
)
def test_an_interval_decides_between_noise_and_a_miss(value, low, high, direction, colour, key):
    found = status(value, low, high, direction=direction)
    assert found.colour == colour
    assert found.reason[0] == key
    assert found.reason[1]["kpi"] == "KTV" and found.reason[1]["target"] == Number(7.8)
    assert found.reason[1]["margin"] == Number(pytest.approx((high - low) / 2))


def test_the_interval_reaching_the_target_exactly_is_still_within_noise():
    assert status(7.6, 7.4, 7.8).colour == AMBER
    assert status(8.0, 7.8, 8.2, direction=DOWN).colour == AMBER


@pytest.mark.parametrize(
    ("value", "direction", "colour", "key"),
    [
        (7.9, UP, GREEN, "kpi_status.meets"),
        (7.7, UP, RED, "kpi_status.misses_below"),
        (7.7, DOWN, GREEN, "kpi_status.meets"),
        (7.9, DOWN, RED, "kpi_status.misses_above"),
    ],
)
def test_a_typed_reading_compares_its_value_only(value, direction, colour, key):
    found = status(value, direction=direction)
    assert (found.colour, found.reason[0]) == (colour, key)
    assert "margin" not in found.reason[1] and found.reason[1]["value"] == Number(value)


def test_a_nan_interval_counts_as_none():
    assert status(7.7, float("nan"), float("nan")).reason[0] == "kpi_status.misses_below"


@pytest.mark.parametrize("direction", [UP, DOWN])
def test_an_indicative_value_gets_no_colour(direction):
    found = status(7.0, 6.0, 8.0, direction=direction, n=12, indicative=True)
    assert found.colour is None
    assert found.reason == ("kpi_status.too_few", {"kpi": "KTV", "n": Number(12)})


@pytest.mark.parametrize("target", [None, float("nan")])
def test_without_a_target_there_is_nothing_to_compare(target):
    assert status(7.6, 7.5, 7.7, target=target).reason == ("kpi_status.no_target", {"kpi": "KTV"})
    assert status(7.6, target=target).colour is None


def test_without_a_value_there_is_no_colour():
    found = status(None)
    assert found.colour is None and found.reason[0] == "kpi_status.no_value"


def test_the_target_in_force_is_the_latest_that_has_begun():
    targets = [(date(2026, 1, 1), 7.5), (date(2026, 7, 1), 7.8), (date(2027, 1, 1), 8.0)]
    assert target_in_force(targets, date(2025, 12, 1)) is None
    assert target_in_force(targets, date(2026, 1, 1)) == 7.5
    assert target_in_force(targets, date(2026, 12, 1)) == 7.8
    assert target_in_force(reversed(targets), date(2027, 3, 1)) == 8.0
    assert target_in_force([], date(2027, 3, 1)) is None
