"""The portfolio on one page: open initiatives per discipline by reported health (a chart), per journey stage,
and what started, finished or stopped since the last meeting."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov import charts
from cxgov.models import Discipline
from cxgov.queries.agenda_data import SectionData
from cxgov.queries.base import HEALTH_ORDER
from cxgov.ui.governance.sections import render_facts, render_tables
from cxgov.ui.kit.chart_text import labels_of, separators
from cxgov.ui.kit.initiative_table import health_text
from cxgov.ui.kit.text import lang, tr

LARGE_CHART_PX = 480


def render_portfolio(section: SectionData, *, large: bool, key: str) -> None:
    render_facts(section, large=large)
    counts = section.tables["by_discipline"]
    if not counts.empty:
        figure = charts.discipline_health_chart(
            counts,
            title=tr("present.portfolio.chart"),
            discipline_labels=labels_of(Discipline),
            health_labels={code: health_text(code) for code in HEALTH_ORDER},
            count_label=tr("present.portfolio.count"),
            separators=separators(),
        )
        if large:
            figure.update_layout(height=LARGE_CHART_PX, font={"size": 16})
        st.plotly_chart(figure, key=f"{key}_portfolio_chart")
    stages = section.tables["by_journey_stage"]
    if not stages.empty:
        heading = tr("present.table.by_journey_stage")
        st.subheader(heading) if large else st.markdown(f"**{heading}**")
        st.dataframe(_stage_grid(stages), width="stretch", key=f"{key}_stages")
    render_tables(section, large=large, key=key, skip=("by_discipline", "by_journey_stage"))


def _stage_grid(stages: pd.DataFrame) -> pd.DataFrame:
    """Journey stages down, reported health across, counts in the cells (no stage: 'none')."""
    named = stages.assign(
        journey_stage=stages[f"journey_stage_{lang()}"].map(
            lambda s: s if isinstance(s, str) else tr("present.no_stage")
        ),
        health=stages["health"].map(health_text),
    )
    grid = named.pivot_table(
        index="journey_stage", columns="health", values="initiatives", aggfunc="sum", fill_value=0, sort=False
    )
    shown = [health_text(code) for code in HEALTH_ORDER if health_text(code) in grid.columns]
    grid = grid[shown]
    grid.index.name = tr("present.col.journey_stage")
    return grid
