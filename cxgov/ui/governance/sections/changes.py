"""What changed since the last meeting: each line's from → to written in the reader's words — a status, a health,
a phase as its label, a budget as an amount, a target date as a date, a KPI's value as a measure — instead of the
codes the change feed holds."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from cxgov.models import Phase, Status
from cxgov.queries.agenda_data import SectionData
from cxgov.ui.governance.sections import render_facts, render_tables
from cxgov.ui.kit.initiative_table import health_text
from cxgov.ui.kit.text import day, label, measure, money

STATUS_CHANGES = frozenset({"created", "approved", "rejected", "on_hold", "resumed", "completed", "cancelled"})
HEALTH_CHANGES = frozenset({"reported_health", "derived_health"})


def change_value(change: str, value) -> str:
    """One side of a change line as the reader writes it; '—' where there was none (a new initiative's 'from')."""
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return "—"
    if change in STATUS_CHANGES:
        return label(Status(value))
    if change in HEALTH_CHANGES:
        return health_text(str(value))
    if change == "phase":
        return label(Phase(value))
    if change == "budget":
        return money(int(value))
    if change == "target_date":
        return day(value if isinstance(value, date) else date.fromisoformat(str(value)))
    if change == "kpi":
        return measure(float(value))
    return str(value)


def written(frame: pd.DataFrame) -> pd.DataFrame:
    """The change lines with both sides written out (other tables as they are)."""
    if not {"change", "from_value", "to_value"} <= set(frame.columns):
        return frame
    shown = frame.copy()
    for side in ("from_value", "to_value"):
        shown[side] = [change_value(c, v) for c, v in zip(shown["change"], shown[side], strict=True)]
    return shown


def render_changes(section: SectionData, *, large: bool, key: str) -> None:
    render_facts(section, large=large)
    lines = replace(section, tables={name: written(frame) for name, frame in section.tables.items()})
    render_tables(lines, large=large, key=key)
