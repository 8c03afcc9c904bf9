"""The A3 of a PDCA cycle: two columns of boxes (background to root cause; hypothesis to lesson), read-only."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import ActDecision
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import day, label, measure, number, tr

LEFT_BOXES = ("background", "current_condition", "target", "root_cause")
RIGHT_BOXES = ("hypothesis", "done_summary", "check_result", "lesson")


def render_a3(cycle: pd.Series) -> None:
    """The cycle's boxes; an empty box says so."""
    left, right = st.columns(2, border=True)
    for column, boxes in ((left, LEFT_BOXES), (right, RIGHT_BOXES)):
        for box in boxes:
            column.markdown(f"**{tr('pdca.field.target_kpi_id') if box == 'target' else tr(f'pdca.field.{box}')}**")
            column.markdown(_box_text(cycle, box))


def _box_text(cycle: pd.Series, box: str) -> str:
    empty = f"*{tr('pdca.empty_box')}*"
    if box == "target":
        if pd.isna(cycle["target_kpi_id"]):
            return empty
        return plain(
            tr(
                "pdca.target_line",
                kpi=cycle["target_kpi"],
                baseline=measure(cycle["baseline_value"]),
                target=measure(cycle["target_value"]),
                date=_day(cycle["target_date"]),
            )
        )
    if box == "lesson":
        if pd.isna(cycle["act_decision"]):
            return empty
        return f"{label(ActDecision(cycle['act_decision']))}: {plain(cycle['lesson'])}"
    text = cycle[box]
    if box == "background" and text and not pd.isna(cycle["lesson_from_cycle"]):
        text = tr("pdca.lesson_from_cycle", n=int(cycle["lesson_from_cycle"]), lesson=text)
    if box == "check_result" and text and not pd.isna(cycle["check_sample_size"]):
        text = f"{text} (n = {number(cycle['check_sample_size'], 0)})"
    return plain(text) if text else empty


def _day(value) -> str:
    return "—" if value is None or pd.isna(value) else day(value)
