"""One translation mechanism for every user-visible text (English and Dutch), plus locale formatting.

Texts live in catalogs per area (cxgov/i18n/catalog_*.py), each a dict `key -> {"en": ..., "nl": ...}`.
tests/i18n/test_catalogs.py fails when a text exists in one language only or a key is defined twice.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.dates import get_timezone
from babel.numbers import format_currency, format_decimal, format_scientific

from cxgov.settings import LANGUAGES as LANGUAGES  # defined once with the settings, which validate CXGOV_LANGUAGE

LOCALES = {"en": "en_GB", "nl": "nl_NL"}
DATE_PATTERNS = {"en": "d MMM yyyy", "nl": "dd-MM-yyyy"}
MONTH_PATTERN = "MMM yyyy"  # a reading's period: "Nov 2026" (en), "nov 2026" (nl)
# The euro sign as each locale writes it before an amount (babel's currency patterns; Dutch adds a no-break
# space), for chart axes, which plotly formats itself.
MONEY_PREFIXES = {"en": "€", "nl": "€\xa0"}
# The locales' own currency patterns without the cents (Dutch: no-break space, minus after the sign).
WHOLE_MONEY_PATTERNS = {"en": "¤#,##0", "nl": "¤\xa0#,##0;¤\xa0-#,##0"}
SCIENTIFIC_FROM = 1e15  # a thousand times the largest KPI value an input accepts (cxgov.rules.kpi_numbers.MAGNITUDE)


def _load_catalogs() -> tuple[dict[str, dict[str, str]], list[str]]:
    texts: dict[str, dict[str, str]] = {}
    duplicates: list[str] = []
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("catalog_")):
        catalog = importlib.import_module(f"{__name__}.{module}").TEXTS
        duplicates += [key for key in catalog if key in texts]
        texts.update(catalog)
    return texts, duplicates


TEXTS, DUPLICATE_KEYS = _load_catalogs()


def t(key: str, lang: str = "en", **params) -> str:
    """The text for `key` in `lang`, with `{params}` filled in. An unknown key shows itself, visibly."""
    entry = TEXTS.get(key)
    if entry is None:
        return f"⟦{key}⟧"
    text = entry.get(lang) or entry["en"]
    return text.format(**params) if params else text


def enum_label(value, lang: str = "en") -> str:
    """The label of an enum value, e.g. Status.ON_HOLD → 'On hold' / 'Gepauzeerd' (key `enum.status.on_hold`)."""
    if value is None:
        return "—"
    return t(f"enum.{type(value).__name__.lower()}.{value.value}", lang)


def format_money(cents: int | None, lang: str = "en") -> str:
    """Integer cents as euros in the locale: € 1.234,56 (nl) or €1,234.56 (en)."""
    if cents is None:
        return "—"
    return format_currency(Decimal(cents) / 100, "EUR", locale=LOCALES[lang])


def format_money_whole(cents: int | None, lang: str = "en") -> str:
    """Integer cents as whole euros (half a euro rounds away from zero): € 1.234 (nl) or €1,234 (en).

    For summary tiles, where millions with cents do not fit; tables keep the cents."""
    if cents is None:
        return "—"
    # int() first: a Decimal rounded to zero may be -0, which babel would show as "-€0".
    euros = int((Decimal(cents) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return format_currency(euros, "EUR", format=WHOLE_MONEY_PATTERNS[lang], currency_digits=False, locale=LOCALES[lang])


def format_number(value: float | int | None, lang: str = "en", digits: int = 1) -> str:
    """A number in the locale (1.234,5 / 1,234.5); beyond what any input accepts, as 1E308 (a stored value from
    elsewhere: written out in full it cannot even be formatted)."""
    if value is None or math.isnan(value):
        return "—"
    return _written_out(value, f"#,##0.{'0' * digits}" if digits else "#,##0", lang)


def _written_out(value: float | int, pattern: str, lang: str) -> str:
    """`value` in the locale's `pattern`; beyond what any input accepts (a value stored by other means), as 1E308:
    written out in full it cannot even be formatted."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if abs(value) >= SCIENTIFIC_FROM:
        return format_scientific(value, format="0.###E0", locale=LOCALES[lang])
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def format_measure(value: float | int | None, lang: str = "en") -> str:
    """A measured value (a KPI reading, a target, a scale end, a limit in a message) with the decimals it has:
    29,4 (nl), 29.4 (en).

    At most three decimals: readings are typed with fewer, so more would only show float noise."""
    if value is None or math.isnan(value):
        return "—"
    return _written_out(value, "#,##0.###", lang)


def format_day(value: date | None, lang: str = "en") -> str:
    """A business date: dd-mm-jjjj in Dutch, '5 Mar 2026' in English."""
    if value is None:
        return "—"
    return _babel_date(value, DATE_PATTERNS[lang], locale=LOCALES[lang])


def format_month(value: date | None, lang: str = "en") -> str:
    """A monthly period (stored as its first day) by its month: 'Nov 2026' in English, 'nov 2026' in Dutch."""
    if value is None:
        return "—"
    return _babel_date(value, MONTH_PATTERN, locale=LOCALES[lang])


def format_moment(value: datetime | None, lang: str = "en", zone: str = "UTC") -> str:
    """An event time on the clock of `zone` (an IANA name), the zone named: '05-03-2026 14:03:00 CET' (nl)."""
    return _clock_time(value, f"{DATE_PATTERNS[lang]} HH:mm:ss z", lang, zone)


def format_start(value: datetime | None, lang: str = "en", zone: str = "UTC") -> str:
    """When a meeting starts, on the clock of `zone`, to the minute, the zone named: '05-03-2026 14:00 CET' (nl)."""
    return _clock_time(value, f"{DATE_PATTERNS[lang]} HH:mm z", lang, zone)


def _clock_time(value: datetime | None, pattern: str, lang: str, zone: str) -> str:
    if value is None:
        return "—"
    if value.tzinfo is None:  # SQLite hands back naive values in raw reads; every stored time is UTC
        value = value.replace(tzinfo=UTC)
    try:
        return _babel_datetime(value, pattern, tzinfo=get_timezone(zone), locale=LOCALES[lang])
    except OverflowError:  # a time stored at the very end of Python's range (another tool wrote it): on the zone's
        # clock it would fall past the last year Python knows, so it is shown in UTC, as stored, the zone named
        return _babel_datetime(value, pattern, tzinfo=get_timezone("UTC"), locale=LOCALES[lang])
