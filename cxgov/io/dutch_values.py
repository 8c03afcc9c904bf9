"""Numbers and dates as Dutch (and English) spreadsheets write them, read exactly or refused with a reason."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

FIRST_YEAR, LAST_YEAR = 2000, 2100  # survey responses and readings of this century; anything else is a typo
_PLAIN = re.compile(r"\d+(?:[.,]\d+)?")
_DUTCH_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 1.234 or 1.234,56
_ENGLISH_GROUPS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 1,234 or 1,234.56
_AMBIGUOUS = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")  # 1.234 / 12,500: thousands, or three decimals?
_DATE = re.compile(
    r"(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})"
    r"(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?"
)


class ValueProblem(Exception):
    """A cell whose value cannot be read: a message key (import.value.*, import.date.*) and its parameters."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


def parse_number(text: str) -> float | None:
    """A number written with a decimal comma or point, with or without thousand separators; None when empty."""
    cleaned = text.strip().replace("\u2212", "-")
    if not cleaned:
        return None
    sign = "-" if cleaned[0] == "-" else ""
    digits = cleaned[1:] if cleaned[0] in "+-" else cleaned
    if _AMBIGUOUS.fullmatch(digits):
        raise ValueProblem("import.value.ambiguous_number", text=text.strip(), example=digits.replace(",", "."))
    if _PLAIN.fullmatch(digits):
        canonical = digits.replace(",", ".")
    elif _DUTCH_GROUPS.fullmatch(digits):
        canonical = digits.replace(".", "").replace(",", ".")
    elif _ENGLISH_GROUPS.fullmatch(digits):
        canonical = digits.replace(",", "")
    else:
        raise ValueProblem("import.value.not_a_number", text=text.strip())
    value = float(sign + canonical)
    if not math.isfinite(value):
        raise ValueProblem("import.value.too_large", text=text.strip())
    return value


@dataclass(frozen=True)
class DateFormat:
    """How a date column is read: the order of day and month in dates that do not start with the year."""

    order: str  # "dmy", "mdy" or "mixed" (both kinds appear: dates that fit both are refused)
    description_key: str  # import.date_format.*: tells the user how the column was read
    params: dict  # the description's parameters: dates from the file that prove the order


@dataclass(frozen=True)
class _Parts:
    first: int
    second: int
    third: int
    year_first: bool


def _parts(text: str) -> _Parts:
    match = _DATE.fullmatch(text.strip())
    if not match:
        raise ValueProblem("import.date.unreadable", text=text.strip())
    first, _, second, third, hour, minute, second_of_minute, half = match.groups()
    if len(first) == 4 and len(third) <= 2:
        year_first = True
    elif len(third) == 4 and len(first) <= 2:
        year_first = False
    elif len(third) == 2 or len(first) == 2:
        raise ValueProblem("import.date.two_digit_year", text=text.strip())
    else:
        raise ValueProblem("import.date.unreadable", text=text.strip())
    if hour is not None:
        hours = range(1, 13) if half else range(24)
        if int(hour) not in hours or int(minute) > 59 or int(second_of_minute or 0) > 59:
            raise ValueProblem("import.date.invalid", text=text.strip())
    return _Parts(int(first), int(second), int(third), year_first)


def date_format_of(column: Iterable[str]) -> DateFormat:
    """One way to read the whole column: day-first (the Dutch default) unless its dates prove month-first."""
    day_first = month_first = None
    year_first = other = False
    for text in column:
        try:
            parts = _parts(text)
        except ValueProblem:
            continue  # reported when the row is read
        year_first |= parts.year_first
        other |= not parts.year_first
        if not parts.year_first and parts.first > 12 >= parts.second:
            day_first = day_first or text.strip()
        elif not parts.year_first and parts.second > 12 >= parts.first:
            month_first = month_first or text.strip()
    if day_first and month_first:
        return DateFormat("mixed", "import.date_format.mixed", {"day_first": day_first, "month_first": month_first})
    if month_first:
        return DateFormat("mdy", "import.date_format.month_day_year", {"example": month_first})
    if day_first:
        return DateFormat("dmy", "import.date_format.day_month_year", {})
    if year_first and not other:
        return DateFormat("dmy", "import.date_format.year_month_day", {})
    return DateFormat("dmy", "import.date_format.day_month_year_assumed", {})


def parse_date(text: str, fmt: DateFormat) -> date:
    """The calendar date written in `text` (a time of day is dropped as written: no time zone is applied)."""
    parts = _parts(text)
    if parts.year_first:
        year, month, day = parts.first, parts.second, parts.third
    elif fmt.order == "mixed" and parts.first <= 12 and parts.second <= 12 and parts.first != parts.second:
        raise ValueProblem("import.date.ambiguous", text=text.strip())
    elif fmt.order == "mdy" or (fmt.order == "mixed" and parts.second > 12):
        month, day, year = parts.first, parts.second, parts.third
    else:
        day, month, year = parts.first, parts.second, parts.third
    try:
        value = date(year, month, day)
    except ValueError as error:
        raise ValueProblem("import.date.invalid", text=text.strip()) from error
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueProblem("import.date.out_of_range", text=text.strip(), first=FIRST_YEAR, last=LAST_YEAR)
    return value
