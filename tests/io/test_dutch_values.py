"""Numbers and dates as Dutch spreadsheets write them (cxgov.io.dutch_values): read exactly or refused."""

import math
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxgov.i18n import TEXTS
from cxgov.io.dutch_values import ValueProblem, date_format_of, parse_date, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7", 7.0),
        ("7,5", 7.5),
        ("7.5", 7.5),
        ("1.234,56", 1234.56),
        ("1,234.56", 1234.56),
        ("1.234.567", 1234567.0),
        ("1,234,567", 1234567.0),
        (" -3 ", -3.0),
        ("+4", 4.0),
        ("0,125", 0.125),
        ("1234,5", 1234.5),
        ("", None),
        ("  ", None),
    ],
)
def test_numbers_are_read_the_way_they_are_written(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("7,5,1", "import.value.not_a_number"),
        ("abc", "import.value.not_a_number"),
        ("1e400", "import.value.not_a_number"),
        ("inf", "import.value.not_a_number"),
        ("nan", "import.value.not_a_number"),
        ("€ 12,50", "import.value.not_a_number"),
        ("1.234", "import.value.ambiguous_number"),
        ("12,500", "import.value.ambiguous_number"),
        ("1" + "0" * 400, "import.value.too_large"),
    ],
)
def test_what_is_not_one_number_is_refused(text, key):
    with pytest.raises(ValueProblem) as refused:
        parse_number(text)
    assert refused.value.key == key and refused.value.key in TEXTS


@settings(max_examples=500, deadline=None, database=None)  # no example database left in the checkout
@given(st.text(max_size=20))
def test_any_text_is_a_number_none_or_a_problem(text):
    try:
        value, key = parse_number(text), None
    except ValueProblem as problem:
        value, key = None, problem.key
    if key:
        assert key in TEXTS
    else:
        assert value is None if not text.strip() else math.isfinite(value)


def _read(column: list[str]) -> list[date | str]:
    fmt = date_format_of(column)
    out: list[date | str] = []
    for text in column:
        try:
            out.append(parse_date(text, fmt))
        except ValueProblem as problem:
            out.append(problem.key)
    return out


def test_an_ambiguous_date_is_read_day_first_and_said_so():
    fmt = date_format_of(["01-02-2025", "03-04-2025"])
    assert fmt.description_key == "import.date_format.day_month_year_assumed"
    assert parse_date("01-02-2025", fmt) == date(2025, 2, 1)


def test_a_day_over_twelve_proves_day_first():
    assert _read(["13-01-2025", "01-02-2025"]) == [date(2025, 1, 13), date(2025, 2, 1)]
    assert date_format_of(["13-01-2025", "01-02-2025"]).description_key == "import.date_format.day_month_year"


def test_a_month_first_date_proves_month_first_for_the_column():
    fmt = date_format_of(["01/13/2025", "02/01/2025"])
    assert (fmt.order, fmt.params) == ("mdy", {"example": "01/13/2025"})
    assert _read(["01/13/2025", "02/01/2025"]) == [date(2025, 1, 13), date(2025, 2, 1)]


def test_a_mixed_column_refuses_the_dates_that_fit_both():
    column = ["13-01-2025", "01/13/2025", "02-03-2025", "04-04-2025"]
    assert date_format_of(column).order == "mixed"
    assert _read(column) == [date(2025, 1, 13), date(2025, 1, 13), "import.date.ambiguous", date(2025, 4, 4)]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-03-31", date(2025, 3, 31)),
        ("2025-03-31 23:30", date(2025, 3, 31)),  # late at night is still that day: no time zone shifting
        ("2025-03-31T23:30:00Z", date(2025, 3, 31)),
        ("31-03-2025 23:30", date(2025, 3, 31)),
        ("31.03.2025", date(2025, 3, 31)),
        ("1-4-2025", date(2025, 4, 1)),
        ("31/03/2025 09:12:45", date(2025, 3, 31)),
    ],
)
def test_date_formats(text, day):
    assert parse_date(text, date_format_of([text])) == day


def test_twelve_hour_clock_dates_of_a_survey_tool():
    column = ["03/14/2025 09:12:45 AM", "03/02/2025 11:59:00 PM"]
    assert _read(column) == [date(2025, 3, 14), date(2025, 3, 2)]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("31-02-2025", "import.date.invalid"),
        ("2025-13-01", "import.date.invalid"),
        ("31-03-2025 25:00", "import.date.invalid"),
        ("01-02-25", "import.date.two_digit_year"),
        ("01-01-1999", "import.date.out_of_range"),
        ("2101-01-01", "import.date.out_of_range"),
        ("gisteren", "import.date.unreadable"),
        ("45731", "import.date.unreadable"),
        ("", "import.date.unreadable"),
    ],
)
def test_bad_dates_are_refused(text, key):
    assert _read([text]) == [key]
    assert key in TEXTS


def test_every_description_is_a_text():
    for column in (["01-02-2025"], ["13-01-2025"], ["01/13/2025"], ["2025-01-01"], ["13-01-2025", "01/13/2025"]):
        fmt = date_format_of(column)
        assert fmt.description_key in TEXTS
        TEXTS[fmt.description_key]["nl"].format(**fmt.params)
