"""Whole-euro amounts for summary tiles: the locale's own currency pattern, without the cents."""
import pytest

from cxgov.i18n import format_money_whole


@pytest.mark.parametrize(("cents", "en", "nl"), [
    (138_031_255, "€1,380,313", "€\xa01.380.313"),  # rounded half up, thousands separated
    (-138_031_255, "-€1,380,313", "€\xa0-1.380.313"),  # Dutch puts the minus after the sign
    (-40, "€0", "€\xa00"),  # never "-€0"
    (50, "€1", "€\xa01"),
    (-50, "-€1", "€\xa0-1"),
    (0, "€0", "€\xa00"),
])
def test_whole_euros_in_both_locales(cents, en, nl):
    assert format_money_whole(cents, "en") == en
    assert format_money_whole(cents, "nl") == nl


def test_missing_amount_is_a_dash():
    assert format_money_whole(None, "nl") == "—"
