"""The month a reading covers, as spreadsheets write it: 2025-03, 03-2025, mrt 2025, maart 2025, Mar 2025, or the
first day of the month as a date (01-03-2025, 2025-03-01)."""

from __future__ import annotations

import re
from datetime import date

from cxgov.io.columns import normalise
from cxgov.io.dutch_values import FIRST_YEAR, LAST_YEAR, DateFormat, ValueProblem, parse_date

# Month names and abbreviations in Dutch and English, as normalised (case and accents dropped, "." gone).
MONTH_NAMES: dict[str, int] = {
    **dict.fromkeys(("jan", "januari", "january"), 1),
    **dict.fromkeys(("feb", "febr", "februari", "february"), 2),
    **dict.fromkeys(("mrt", "maart", "mar", "march"), 3),
    **dict.fromkeys(("apr", "april"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("jun", "juni", "june"), 6),
    **dict.fromkeys(("jul", "juli", "july"), 7),
    **dict.fromkeys(("aug", "augustus", "august"), 8),
    **dict.fromkeys(("sep", "sept", "september"), 9),
    **dict.fromkeys(("okt", "oktober", "oct", "october"), 10),
    **dict.fromkeys(("nov", "november"), 11),
    **dict.fromkeys(("dec", "december"), 12),
}
_YEAR_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")
_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{2}|\d{4})")
_NAMED = re.compile(r"([a-z]+)\s*'?(\d+)")


def parse_month(text: str, fmt: DateFormat) -> date:
    """The first day of the month `text` names; a full date must be the first of its month (`fmt` reads it)."""
    cleaned = text.strip()
    if match := _YEAR_MONTH.fullmatch(cleaned):
        return _month(cleaned, int(match[1]), int(match[2]))
    if match := _MONTH_YEAR.fullmatch(cleaned):
        return _month(cleaned, _full_year(cleaned, match[2]), int(match[1]))
    if (match := _NAMED.fullmatch(normalise(cleaned))) and match[1] in MONTH_NAMES:
        return _month(cleaned, _full_year(cleaned, match[2]), MONTH_NAMES[match[1]])
    try:
        day = parse_date(cleaned, fmt)
    except ValueProblem as problem:
        if problem.key == "import.date.unreadable":
            raise ValueProblem("import.period.unreadable", text=cleaned) from None
        raise
    if day.day != 1:
        raise ValueProblem("import.period.not_first_day", text=cleaned)
    return day


def _full_year(text: str, digits: str) -> int:
    if len(digits) != 4:
        raise ValueProblem("import.date.two_digit_year", text=text)
    return int(digits)


def _month(text: str, year: int, month: int) -> date:
    if not 1 <= month <= 12:
        raise ValueProblem("import.date.invalid", text=text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueProblem("import.date.out_of_range", text=text, first=FIRST_YEAR, last=LAST_YEAR)
    return date(year, month, 1)
