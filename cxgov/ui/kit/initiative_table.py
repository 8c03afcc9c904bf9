"""The initiatives table that the initiatives list, the portfolio, the board, the discipline pages, My work
and the lessons library share: the title is a real link to the initiative's page (in the same session), every
other cell in the user's language, health as text on its RAG tint."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from cxgov import written
from cxgov.io import export
from cxgov.models import Discipline, Health, Lane, Phase, Status
from cxgov.queries.base import NO_UPDATE
from cxgov.ui.kit.link_table import TableColumn, link, link_table, progress, text
from cxgov.ui.kit.text import day, label, lang, money, tr

# Rows drawn at once. A list of 40 uses the page's height; 10,000 initiatives would be 4 MB of table sent and
# drawn on every run, so a long list is shown a hundred rows at a time (the export has them all).
PAGE_SIZE = 100
# Light RAG tints behind the health cell: readable text, and no reliance on an emoji font.
HEALTH_TINTS = {
    Health.RED.value: "#f8d7d7",
    Health.AMBER.value: "#fdefc3",
    Health.GREEN.value: "#d9eedb",
    NO_UPDATE: "#eceff1",
}


def derived_text(code: str) -> str:
    """What the health rules say; a dash where they do not apply (not approved, or closed)."""
    return label(Health(code)) if code else "—"


def health_text(code: str) -> str:
    """A reported health's label; 'no update' for initiatives without check-ins."""
    return written.health_text(code, lang())


def text_cell(value) -> str:
    """A text cell; a dash for a missing (None, NaN) or empty value."""
    return "—" if value is None or pd.isna(value) or value == "" else str(value)


def day_cell(value) -> str:
    """A date cell; pandas may hand over NaT for a missing one."""
    return day(None if value is None or pd.isna(value) else value)


@dataclass(frozen=True)
class Column:
    """How one initiative column is shown: its label key, its cell text, how it is drawn, and its tint."""

    label_key: str
    cell: Callable[[object], str]
    kind: str = "text"
    tint: Callable[[object], str | None] | None = None

    def exported(self, value) -> object:
        """The cell for a spreadsheet: euros for money, a date for a date, text otherwise; None when empty."""
        if value is None or value == "" or (not isinstance(value, str) and pd.isna(value)):
            return None
        if self.kind == "money":
            return export.euros(int(value))
        if self.kind == "date":
            return pd.Timestamp(value).date()
        return int(value) if self.kind == "progress" else self.cell(value)


def _money(value) -> str:
    return money(int(value))


def _created_on(value) -> str:
    return day(pd.Timestamp(value).date())


COLUMNS: dict[str, Column] = {
    "discipline": Column("portfolio.col.discipline", lambda v: label(Discipline(v))),
    "status": Column("portfolio.col.status", lambda v: label(Status(v))),
    "phase": Column("portfolio.col.phase", lambda v: label(Phase(v)) if v else "—"),
    "health": Column("portfolio.col.health", health_text, "tint", HEALTH_TINTS.get),
    "derived": Column("health.col.derived", derived_text, "tint", HEALTH_TINTS.get),
    "lane": Column("portfolio.col.lane", lambda v: label(Lane(v))),
    "owner": Column("portfolio.col.owner", text_cell),
    "owning_department": Column("portfolio.col.owning_department", text_cell),
    "requesting_department": Column("portfolio.col.requesting_department", text_cell),
    "reason": Column("portfolio.col.reason", text_cell, "long"),
    "checkin_date": Column("portfolio.col.reported_on", day_cell, "date"),
    "progress_pct": Column("portfolio.col.progress", lambda v: f"{int(v)}%", "progress"),
    "planned_cents": Column("portfolio.col.planned", _money, "money"),
    "actual_cents": Column("portfolio.col.actual", _money, "money"),
    "start_date": Column("portfolio.col.start", day_cell, "date"),
    "target_date": Column("portfolio.col.target", day_cell, "date"),
    "created_at": Column("portfolio.col.proposed_on", _created_on, "date"),
    # the lessons library: one row per cycle with an Act decision
    "act_decision": Column("lessons.decision", lambda v: tr(f"lessons.decision.{v}")),
    "lesson": Column("lessons.col.lesson", text_cell, "long"),
    "decided_on": Column("lessons.col.decided_on", day_cell, "date"),
    # My work: one row per thing that needs the person
    "work_urgency": Column("work.col.urgency", str),
    "work_kind": Column("work.col.kind", lambda v: tr(f"work.kind.{v}")),
    "work_subject": Column("work.col.subject", text_cell, "long"),
    "work_when": Column("work.col.when", day_cell, "date"),
}


def _cell(column: Column, value) -> dict:
    if column.kind == "progress":
        return progress(int(value))
    return text(column.cell(value), tint=column.tint(value) if column.tint else None)


EXPORT_KINDS = {"money": "money", "date": "date", "progress": "percent"}  # anything else is text


def initiative_sheet(frame: pd.DataFrame, columns: Sequence[str], name: str) -> export.Sheet:
    """The rows and `columns` of a table as an export sheet: headers in the user's language, titles as text."""
    shown = [
        export.Column(tr("portfolio.col.title"), wide=True)
        if c == "title"
        else export.Column(
            tr(COLUMNS[c].label_key), EXPORT_KINDS.get(COLUMNS[c].kind, "text"), wide=COLUMNS[c].kind == "long"
        )
        for c in columns
    ]
    rows = [
        [str(record["title"]) if c == "title" else COLUMNS[c].exported(record[c]) for c in columns]
        for record in frame.to_dict("records")
    ]
    return export.Sheet(name, shown, rows, lang())


def _page(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """The rows of the page chosen below a long table (a page picker appears beyond PAGE_SIZE rows)."""
    if len(frame) <= PAGE_SIZE:
        return frame
    pages = -(-len(frame) // PAGE_SIZE)
    picker = f"{key}_page"
    if st.session_state.get(picker, 1) > pages:  # fewer rows since the filters changed
        st.session_state[picker] = pages
    left, right = st.columns([1, 3], vertical_alignment="bottom")
    page = left.number_input(tr("tables.page", pages=pages), min_value=1, max_value=pages, value=1, step=1, key=picker)
    first = (page - 1) * PAGE_SIZE
    right.caption(tr("tables.showing", first=first + 1, last=min(first + PAGE_SIZE, len(frame)), total=len(frame)))
    return frame.iloc[first : first + PAGE_SIZE]


def _offer_download(frame: pd.DataFrame, columns: Sequence[str], key: str, name: str) -> None:
    """A button that downloads every row of `frame` with `columns` as an Excel file.

    The file is written only when the button is clicked (a deferred download): the sheet is plain data, made
    now in the user's language.
    """
    sheet = initiative_sheet(frame, columns, name)
    st.download_button(
        tr("export.initiatives"),
        data=partial(export.to_xlsx, sheet),
        mime=export.XLSX_MIME,
        file_name=f"cxgov-{name.lower()}-{date.today():%Y-%m-%d}.xlsx",
        icon=":material/download:",
        on_click="ignore",
        key=f"{key}_export",
        help=tr("export.initiatives.help"),
    )


def initiative_table(
    frame: pd.DataFrame, columns: Sequence[str], *, key: str, caption: str, download: bool = False
) -> None:
    """Initiatives as a table of `columns` in that order: "title" (the link) or keys of COLUMNS; with
    `download`, a button above it offers all its rows as an Excel file named after `caption`."""
    if download:
        _offer_download(frame, columns, key, caption)
    frame = _page(frame, key)
    shown = [
        TableColumn(tr("portfolio.col.title"), "link")
        if name == "title"
        else TableColumn(tr(COLUMNS[name].label_key), COLUMNS[name].kind)
        for name in columns
    ]
    rows = [
        [
            link(str(record["title"]), "initiative", int(record["id"]))
            if name == "title"
            else _cell(COLUMNS[name], record[name])
            for name in columns
        ]
        for record in frame.to_dict("records")
    ]
    link_table(shown, rows, caption=caption, key=key)
