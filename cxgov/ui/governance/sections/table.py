"""A section's table and facts, readable on a projector: headers in the reader's language, codes as labels,
dates, times, amounts and measures in the reader's locale, initiatives as same-tab links, numbers as tiles."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

import pandas as pd
import streamlit as st

from cxgov import written
from cxgov.ui.kit.initiative_table import HEALTH_TINTS, text_cell
from cxgov.ui.kit.link_table import TableColumn, link, link_table, text
from cxgov.ui.kit.runtime import settings
from cxgov.ui.kit.text import lang, tr

CODE_COLUMNS = written.CODE_COLUMNS
HEALTH_COLUMNS = written.HEALTH_COLUMNS
# Which column links a row to its initiative's page, and the title the link shows.
LINKS = (("initiative_id", "initiative_title"), ("initiative_id", "title"))
LONG_TEXT = 60  # characters: a longer cell is drawn cut to three lines, whole on hover
LARGE_ROW_PX = 44  # rows a projector shows to the back of the room (Streamlit's default is 35 px)


def cell_text(column: str, value, codes: Mapping[str, type] = CODE_COLUMNS) -> str:
    """One cell as the reader writes it, in the user's language (cxgov.written)."""
    return written.cell_text(column, value, lang(), settings().time_zone, codes)


def shown_columns(frame: pd.DataFrame) -> list[str]:
    """The columns a reader sees: not ids or versions, not the title a link column already shows."""
    return written.shown_columns(frame.columns)


def header(column: str) -> str:
    return written.header(column, lang())


def _link_pair(frame: pd.DataFrame) -> tuple[str, str] | None:
    return next(((i, t) for i, t in LINKS if i in frame.columns and t in frame.columns), None)


def section_table(
    frame: pd.DataFrame,
    *,
    caption: str,
    key: str,
    large: bool = False,
    codes: Mapping[str, type] = CODE_COLUMNS,
    cells: Mapping[str, Callable[[object], str]] | None = None,
) -> None:
    """Draw `frame`: as a link table when its rows name initiatives, else as a plain table. `cells` overrides
    how a column's cells are written."""
    if frame.empty:
        st.caption(tr("present.none"))
        return
    written = dict(cells or {})

    def write(column: str, value) -> str:
        return written[column](value) if column in written else cell_text(column, value, codes)

    pair = _link_pair(frame)
    columns = shown_columns(frame)
    if pair is None:
        st.dataframe(
            pd.DataFrame({header(c): [write(c, v) for v in frame[c]] for c in columns}),
            hide_index=True,
            width="stretch",
            row_height=LARGE_ROW_PX if large else None,
            key=key,
        )
        return
    id_column, title_column = pair
    others = [c for c in columns if c != title_column]
    written = {c: [write(c, v) for v in frame[c]] for c in others}
    rows = [
        [
            link(text_cell(row[title_column]), "initiative", int(row[id_column]))
            if not pd.isna(row[id_column])
            else text(text_cell(row[title_column])),
            *(text(written[c][i], tint=_tint(c, row[c])) for c in others),
        ]
        for i, (_, row) in enumerate(frame.iterrows())
    ]
    table_columns = [
        TableColumn(header(title_column), "link"),
        *(TableColumn(header(c), _kind(frame, c, written[c])) for c in others),
    ]
    link_table(table_columns, rows, caption=caption, key=key)


def _tint(column: str, value) -> str | None:
    return HEALTH_TINTS.get(str(value)) if column in HEALTH_COLUMNS else None


def _kind(frame: pd.DataFrame, column: str, written: list[str]) -> str:
    if column.endswith("_cents"):
        return "money"
    if column in HEALTH_COLUMNS:
        return "tint"
    sample = frame[column].dropna()
    if not sample.empty and isinstance(sample.iloc[0], date):
        return "date"
    if any(len(cell) > LONG_TEXT for cell in written):  # cut to three lines, whole on hover
        return "long"
    return "text"


def facts_row(facts: Mapping[str, str], *, large: bool = False) -> None:
    """Facts as tiles side by side (`facts`: label -> value already written as text)."""
    if not facts:
        return
    tiles = st.columns(min(len(facts), 4 if large else 6))
    for i, (name, value) in enumerate(facts.items()):
        tiles[i % len(tiles)].metric(name, value)
