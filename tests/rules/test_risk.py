"""Risk levels: the bands of the 5 × 5 matrix."""

import pytest

from cxgov.rules.risk import LEVELS, SCALE, risk_level


@pytest.mark.parametrize(
    ("score", "level"),
    [(1, "low"), (4, "low"), (5, "medium"), (9, "medium"), (10, "high"), (25, "high")],
)
def test_each_score_falls_in_its_band(score, level):
    assert risk_level(score) == level


def test_every_product_of_the_scale_has_a_level():
    assert {risk_level(p * i) for p in SCALE for i in SCALE} == set(LEVELS)


def test_a_score_below_the_scale_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        risk_level(0)
