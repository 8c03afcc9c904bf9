"""What every admin page shows: its table with enums, yes/no and numbers in the user's language, and why there
are no forms for someone who may only look."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from cxgov.i18n import TEXTS
from cxgov.ui.kit.text import day, label, measure, tr

MAX_EXACT_FLOAT = 2**53  # above this a float is no exact whole number (and no id comes near it)


def plain_value(value):
    """A DataFrame cell as a plain Python value (NaN → None, 3.0 id → 3; a float too large to be an id stays one)."""
    if value is None or (not isinstance(value, (list, dict)) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value.is_integer() and abs(value) < MAX_EXACT_FLOAT:
        return int(value)
    return value


def _cell(value, enum_class=None):
    value = plain_value(value)
    if value is None:
        return tr("common.none")
    if isinstance(value, bool):
        return tr("common.yes") if value else tr("common.no")
    if enum_class is not None:
        return label(enum_class(value))
    if isinstance(value, date):
        return day(value)
    if isinstance(value, int | float):  # readings, scale ends, counts: in the reader's locale (29,4)
        return measure(value)
    return value


def show_table(frame: pd.DataFrame, columns: dict[str, str], enums: dict[str, type] | None = None) -> None:
    """Show `columns` (column -> label key) of `frame`: enums and yes/no translated, headers in the language."""
    enums = enums or {}
    view = pd.DataFrame({tr(key): [_cell(v, enums.get(col)) for v in frame[col]] for col, key in columns.items()})
    st.dataframe(view, hide_index=True, width="stretch")


def show_listing(frame: pd.DataFrame, empty_key: str, columns: dict[str, str], enums: dict | None = None) -> None:
    """The count, then the table of `frame`, or `empty_key`'s text when there is nothing."""
    st.caption(tr("admin.count", count=len(frame)))
    if frame.empty:
        st.info(tr(empty_key))
    else:
        show_table(frame, columns, enums)


def known_label(key: str, fallback: str) -> str:
    """`tr(key)` if the catalog has it, else `fallback` (audit rows may name things added later)."""
    return tr(key) if key in TEXTS else fallback


def read_only_note() -> None:
    """Why there are no forms: the acting person may only look."""
    st.info(tr("admin.read_only"), icon=":material/visibility:")
