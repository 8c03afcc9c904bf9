"""A KPI agenda item: the KPI's monthly readings that count, as the discipline pages draw them, with the target
the scorecard shows for it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov import charts
from cxgov.models import AgendaSection
from cxgov.queries import admin as kpi_catalogue
from cxgov.queries.agenda_data import AgendaData
from cxgov.queries.readings import COUNTING
from cxgov.ui.disciplines.kpis import TREND_MONTHS, axis_title
from cxgov.ui.kit.chart_text import separators
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.safe import chart_text
from cxgov.ui.kit.text import measure, month, tr

KPI_AREAS = ("kpis",)
LARGE_CHART_PX = 520  # a projector's chart: taller than a laptop page's, still one screen with the title


def _scorecard_target(data: AgendaData, kpi_id: int) -> float | None:
    """The target the scorecard shows for the KPI, when it is on the scorecard and has one."""
    scorecard = data.sections.get(AgendaSection.SCORECARD)
    if scorecard is None:
        return None
    for frame in scorecard.tables.values():
        if {"kpi_id", "target"} <= set(frame.columns):
            row = frame[frame["kpi_id"] == kpi_id]
            if not row.empty and not pd.isna(row.iloc[0]["target"]):
                return float(row.iloc[0]["target"])
    return None


def render_kpi_trend(kpi_id: int | None, data: AgendaData, *, large: bool, key: str) -> None:
    """The KPI's last two years of readings that count, oldest first, with its target line."""
    catalogue = read(kpi_catalogue.kpis, KPI_AREAS)
    found = catalogue[catalogue["id"] == kpi_id] if kpi_id is not None else catalogue.iloc[0:0]
    if found.empty:
        st.caption(tr("present.kpi_gone"))
        return
    kpi = found.iloc[0]
    readings = read(kpi_catalogue.kpi_readings, KPI_AREAS, kpi_id=kpi_id, limit=TREND_MONTHS)
    readings = readings[readings["standing"].isin(COUNTING)].sort_values("period")
    if readings.empty:
        st.caption(tr("discipline.kpi.no_readings"))
        return
    target = _scorecard_target(data, kpi_id)
    line = (
        None
        if target is None
        else charts.TargetLine(target, tr("discipline.kpi.target_legend", target=measure(target)))
    )
    figure = charts.kpi_trend_chart(
        readings,
        title=tr("discipline.kpi.trend_title", name=chart_text(kpi["name"]), months=TREND_MONTHS),
        value_label=axis_title(kpi),
        series_label=tr("discipline.kpi.series"),
        period_labels={p: month(p) for p in readings["period"]},
        target=line,
        separators=separators(),
    )
    if large:
        figure.update_layout(height=LARGE_CHART_PX, font={"size": 18})
    st.plotly_chart(figure, key=f"{key}_kpi_trend")
    latest = readings.iloc[-1]
    st.metric(tr("present.kpi.latest", period=month(latest["period"])), measure(latest["value"]))
