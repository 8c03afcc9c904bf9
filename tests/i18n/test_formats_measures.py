"""Measured values (readings, targets, scale ends) in the reader's locale, with the decimals they have."""

from datetime import date

import pytest

from cxgov.i18n import MONEY_PREFIXES, format_measure, format_money_whole, format_month


@pytest.mark.parametrize(
    ("value", "en", "nl"),
    [
        (29.4, "29.4", "29,4"),
        (7.25, "7.25", "7,25"),
        (28.0, "28", "28"),
        (-12.5, "-12.5", "-12,5"),
        (0.1 + 0.2, "0.3", "0,3"),  # float noise is not a decimal anybody typed
        (184_000, "184,000", "184.000"),
    ],
)
def test_measures_in_both_locales(value, en, nl):
    assert (format_measure(value, "en"), format_measure(value, "nl")) == (en, nl)


def test_a_missing_measure_is_a_dash():
    assert format_measure(None, "nl") == "—"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_chart_money_prefix_is_the_one_amounts_use(lang):
    whole = format_money_whole(150_000_000, lang)  # € 1.500.000 (nl), €1,500,000 (en)
    assert whole.startswith(MONEY_PREFIXES[lang]) and whole[len(MONEY_PREFIXES[lang])].isdigit()


@pytest.mark.parametrize(("lang", "shown"), [("en", "Nov 2026"), ("nl", "nov 2026")])
def test_a_period_reads_as_its_month(lang, shown):
    assert format_month(date(2026, 11, 1), lang) == shown
