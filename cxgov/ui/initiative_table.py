"""The initiatives table that the initiatives list, the portfolio, the board and the discipline pages share:
the title links to the initiative's page, every other cell in the user's language, health tinted RAG."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

import pandas as pd
import streamlit as st

from cxgov.models import Discipline, Health, Lane, Phase, Status
from cxgov.queries.portfolio import NO_UPDATE
from cxgov.ui.text import day, label, money, tr

# Light RAG tints behind the health cell: readable text, and no reliance on an emoji font.
HEALTH_TINTS = {Health.RED.value: "#f8d7d7", Health.AMBER.value: "#fdefc3", Health.GREEN.value: "#d9eedb",
                NO_UPDATE: "#eceff1"}
TITLE_WIDTH = 320  # px: with discipline, status, phase, health and owner it fits a 1400 px screen


def _tint(code: str) -> str:
    return f"background-color: {HEALTH_TINTS[code]}" if code in HEALTH_TINTS else ""


def derived_text(code: str) -> str:
    """What the health rules say; a dash where they do not apply (not approved, or closed)."""
    return label(Health(code)) if code else "—"


def health_text(code: str) -> str:
    """A reported health's label; 'no update' for initiatives without check-ins."""
    return tr("portfolio.no_update") if code == NO_UPDATE else label(Health(code))


def text_cell(value) -> str:
    """A text cell; a dash for a missing (None, NaN) or empty value."""
    return "—" if value is None or pd.isna(value) or value == "" else str(value)


def day_cell(value) -> str:
    """A date cell; pandas may hand over NaT for a missing one."""
    return day(None if value is None or pd.isna(value) else value)


def _text_column(title: str, width: int) -> dict:
    return st.column_config.TextColumn(title, width=width)


def _progress_column(title: str, width: int) -> dict:
    return st.column_config.ProgressColumn(title, width=width, min_value=0, max_value=100, format="%d%%")


@dataclass(frozen=True)
class Column:
    """How one initiative column is shown: its label key, its cell formatter, its width (px), its kind."""
    label_key: str
    cell: Callable[[object], object]
    width: int
    config: Callable[[str, int], dict] = _text_column


COLUMNS: dict[str, Column] = {
    "discipline": Column("portfolio.col.discipline", lambda v: label(Discipline(v)), 165),
    "status": Column("portfolio.col.status", lambda v: label(Status(v)), 100),
    "phase": Column("portfolio.col.phase", lambda v: label(Phase(v)) if v else "—", 90),
    "health": Column("portfolio.col.health", health_text, 125),
    "derived": Column("health.col.derived", derived_text, 125),
    "lane": Column("portfolio.col.lane", lambda v: label(Lane(v)), 90),
    "owner": Column("portfolio.col.owner", text_cell, 150),
    "owning_department": Column("portfolio.col.owning_department", text_cell, 160),
    "requesting_department": Column("portfolio.col.requesting_department", text_cell, 160),
    "reason": Column("portfolio.col.reason", text_cell, 300),
    "checkin_date": Column("portfolio.col.reported_on", day_cell, 105),
    "progress_pct": Column("portfolio.col.progress", int, 110, _progress_column),
    "planned_cents": Column("portfolio.col.planned", lambda v: money(int(v)), 125),
    "actual_cents": Column("portfolio.col.actual", lambda v: money(int(v)), 125),
    "start_date": Column("portfolio.col.start", day_cell, 105),
    "target_date": Column("portfolio.col.target", day_cell, 105),
    "created_at": Column("portfolio.col.proposed_on", lambda v: day(pd.Timestamp(v).date()), 110),
    # the lessons library: one row per cycle with an Act decision
    "act_decision": Column("lessons.decision", lambda v: tr(f"lessons.decision.{v}"), 130),
    "lesson": Column("lessons.col.lesson", text_cell, 420),
    "decided_on": Column("lessons.col.decided_on", day_cell, 105),
    # My work: one row per thing that needs the person
    "work_urgency": Column("work.col.urgency", str, 140),
    "work_kind": Column("work.col.kind", lambda v: tr(f"work.kind.{v}"), 190),
    "work_subject": Column("work.col.subject", text_cell, 230),
    "work_when": Column("work.col.when", day_cell, 105),
}


def initiative_table(frame: pd.DataFrame, columns: Sequence[str], *, key: str) -> None:
    """Initiatives as a table: the linked title first, then `columns` (keys of COLUMNS) in that order."""
    # The link's display text is taken from the URL by a regex, so the title rides along after '#'.
    shown = {"title": [f"initiative?id={i}#{quote(t)}" for i, t in zip(frame["id"], frame["title"], strict=True)]}
    config = {"title": st.column_config.LinkColumn(tr("portfolio.col.title"), display_text=r"#(.*)$",
                                                   width=TITLE_WIDTH)}
    for name in columns:
        column = COLUMNS[name]
        shown[name] = [column.cell(v) for v in frame[name]]
        config[name] = column.config(tr(column.label_key), column.width)
    table = pd.DataFrame(shown)
    tinted = [name for name in ("health", "derived") if name in columns]
    if tinted:
        table = table.style.apply(lambda column: [_tint(code) for code in frame[column.name]], subset=tinted)
    st.dataframe(table, column_config=config, hide_index=True, width="stretch", key=key)
