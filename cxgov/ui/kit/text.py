"""The user's language and locale formatting, for pages (wraps cxgov.i18n): texts, counts, labels of fixed
lists and the names of journey stages and channels."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from cxgov import audit, i18n
from cxgov.ui.kit.runtime import settings

LANGUAGE_KEY = "cxgov_language"


def lang() -> str:
    """The chosen language: the sidebar switch, else the CXGOV_LANGUAGE setting."""
    return st.session_state.get(LANGUAGE_KEY) or settings().language


def tr(key: str, **params) -> str:
    """Translate `key` into the user's language."""
    return i18n.t(key, lang(), **params)


def counted(key: str, n: int, **params) -> str:
    """The text of `key` for a count `n`: `key.0`, `key.1` or `key.2` (2 and more), as both languages say 0, 1
    and many differently; only the forms a text needs exist (a count that cannot be 0 has no `key.0`)."""
    return tr(f"{key}.{min(n, 2)}", n=n, **params)


def labelled(names: dict) -> Callable:
    """A format_func over labels computed now, in the user's language (not later, when the widget is read).

    AppTest re-applies a widget's format_func outside the script run, where tr() cannot see the chosen
    language: a closure calling tr() would produce English labels that match no option on a Dutch page.
    """
    return lambda value: names.get(value, str(value))


def term_name_column() -> str:
    """The column holding a journey stage's or channel's name in the user's language."""
    return "name_nl" if lang() == "nl" else "name_en"


def term_name(term) -> str:
    """A journey stage's or channel's name in the user's language (a row, a named tuple or a term object)."""
    return getattr(term, term_name_column())


def label(value) -> str:
    """The translated label of an enum value."""
    return i18n.enum_label(value, lang())


def money(cents: int | None) -> str:
    return i18n.format_money(cents, lang())


def money_whole(cents: int | None) -> str:
    """Whole euros, for tiles (st.metric) where an amount with cents would be cut off."""
    return i18n.format_money_whole(cents, lang())


def day(value) -> str:
    return i18n.format_day(value, lang())


def month(value) -> str:
    """A monthly period by its month ('nov 2026'); '—' when missing."""
    return "—" if value is None or pd.isna(value) else i18n.format_month(value, lang())


def money_prefix() -> str:
    """The euro sign before an amount in the user's locale, for chart axes ('€ ' in Dutch)."""
    return i18n.MONEY_PREFIXES[lang()]


def moment(value) -> str:
    """An event time on the installation's clock (CXGOV_TIME_ZONE), with the zone named."""
    return i18n.format_moment(value, lang(), settings().time_zone)


def start_time(value) -> str:
    """When a meeting starts, on the installation's clock, to the minute, with the zone named."""
    return i18n.format_start(value, lang(), settings().time_zone)


def actor(name: str) -> str:
    """Who did something, as the audit trail recorded it: a person's name as stored, the system translated."""
    return tr("audit.actor.system") if name == audit.SYSTEM.name else name


def number(value, digits: int = 1) -> str:
    return i18n.format_number(value, lang(), digits)


def measure(value) -> str:
    """A measured value in the user's locale with its own decimals ('—' when missing)."""
    return "—" if value is None or pd.isna(value) else i18n.format_measure(value, lang())
