"""What changed since the last meeting: each line's from → to written in the reader's words — a status, a health,
a phase as its label, a budget as an amount, a target date as a date, a KPI's value as a measure — instead of the
codes the change feed holds."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from cxgov.queries.agenda_data import SectionData
from cxgov.ui.governance.sections import render_facts, render_tables
from cxgov.ui.kit.text import lang
from cxgov.written import change_value as written_value


def change_value(change: str, value) -> str:
    """One side of a change line in the user's language (cxgov.written)."""
    return written_value(change, value, lang())


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
