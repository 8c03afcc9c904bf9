"""The customer scorecard: each CX KPI's latest value with its margin (marked when indicative) against its target
and the value a year before with the engine's verdict on the change, and the trend of the last twelve months
drawn in the row (green when improving, red when worsening)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov import written
from cxgov.models import Direction
from cxgov.queries.agenda_data import SectionData
from cxgov.ui.disciplines.kpis import SPARKLINE_COLOURS
from cxgov.ui.governance.sections import render_facts
from cxgov.ui.governance.sections.table import LARGE_ROW_PX
from cxgov.ui.kit.text import lang, measure, month, number, tr


def render_scorecard(section: SectionData, *, large: bool, key: str) -> None:
    render_facts(section, large=large)
    card = section.tables["scorecard"]
    if card.empty:
        st.caption(tr("present.none"))
        return
    table = pd.DataFrame(
        {
            "name": card["name"],
            "value": [
                written.value_with_margin(v, m, i, lang())
                for v, m, i in zip(card["value"], card["margin"], card["indicative"], strict=True)
            ],
            "target": [measure(v) for v in card["target"]],
            "year_before": [measure(v) for v in card["year_before"]],
            "verdict": [written.verdict_text(v, lang()) for v in card["verdict"]],
            "period": [month(p) for p in card["period"]],
            "n": ["—" if pd.isna(n) else number(n, 0) for n in card["n"]],
            "unit": card["unit"],
        }
    )
    config = {column: st.column_config.TextColumn(tr(f"present.col.{column}")) for column in table.columns}
    for direction, colour in SPARKLINE_COLOURS.items():
        mine = card["direction"] == direction.value
        column = f"trend_{direction.value}"
        table[column] = [list(t) if m else [] for t, m in zip(card["trend"], mine, strict=True)]
        config[column] = st.column_config.LineChartColumn(
            tr(f"discipline.kpi.col.trend.{Direction(direction).value}"), color=colour
        )
    st.dataframe(
        table,
        column_config=config,
        hide_index=True,
        width="stretch",
        row_height=LARGE_ROW_PX if large else None,
        key=f"{key}_scorecard",
    )
