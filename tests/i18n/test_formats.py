"""Formatting in the locale: whole-euro amounts for summary tiles, and numbers of any size that may be stored."""

import pytest

from cxgov.i18n import format_money_whole, format_number


@pytest.mark.parametrize(
    ("cents", "en", "nl"),
    [
        (138_031_255, "€1,380,313", "€\xa01.380.313"),  # rounded half up, thousands separated
        (-138_031_255, "-€1,380,313", "€\xa0-1.380.313"),  # Dutch puts the minus after the sign
        (-40, "€0", "€\xa00"),  # never "-€0"
        (50, "€1", "€\xa01"),
        (-50, "-€1", "€\xa0-1"),
        (0, "€0", "€\xa00"),
    ],
)
def test_whole_euros_in_both_locales(cents, en, nl):
    assert format_money_whole(cents, "en") == en
    assert format_money_whole(cents, "nl") == nl


def test_missing_amount_is_a_dash():
    assert format_money_whole(None, "nl") == "—"


@pytest.mark.parametrize(
    ("value", "en", "nl"),
    [
        (1234.5, "1,234.5", "1.234,5"),
        (1e12, "1,000,000,000,000.0", "1.000.000.000.000,0"),
        (1e308, "1E308", "1E308"),
        (-2.5e20, "-2.5E20", "-2,5E20"),
        (float("inf"), "∞", "∞"),
        (float("nan"), "—", "—"),
    ],
)
def test_any_stored_number_can_be_shown(value, en, nl):
    """Values from elsewhere may lie far beyond what the inputs accept: written out, 1e308 could not be formatted."""
    assert (format_number(value, "en"), format_number(value, "nl")) == (en, nl)
