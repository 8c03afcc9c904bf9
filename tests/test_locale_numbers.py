"""Measured values (readings, targets, scale ends) in the reader's locale, with the decimals they have."""
import pytest

from cxgov.i18n import format_measure


@pytest.mark.parametrize(("value", "en", "nl"), [
    (29.4, "29.4", "29,4"),
    (7.25, "7.25", "7,25"),
    (28.0, "28", "28"),
    (-12.5, "-12.5", "-12,5"),
    (0.1 + 0.2, "0.3", "0,3"),  # float noise is not a decimal anybody typed
    (184_000, "184,000", "184.000"),
])
def test_measures_in_both_locales(value, en, nl):
    assert (format_measure(value, "en"), format_measure(value, "nl")) == (en, nl)


def test_a_missing_measure_is_a_dash():
    assert format_measure(None, "nl") == "—"
