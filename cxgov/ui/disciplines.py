"""A discipline page: what the discipline is, its initiatives (filterable) and its KPIs with their trend."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from cxgov import charts
from cxgov.models import Direction, Discipline, KpiKind, Lane, Phase, Status
from cxgov.queries import kpis as kpi_queries
from cxgov.queries import portfolio as queries
from cxgov.ui.initiative_table import health_text, initiative_table
from cxgov.ui.portfolio import read, render_summary, separators
from cxgov.ui.safe import chart_text
from cxgov.ui.text import day, label, number, tr

TREND_MONTHS = 24  # two years of months: enough to see seasonality and the move against last year
KPI_AREAS = ("kpis", "initiatives")  # a discipline's KPIs include those linked to its initiatives
# A discipline lead scans health and why first, then who, where it stands, the money and the dates.
INITIATIVE_COLUMNS = ("title", "health", "reason", "owner", "status", "phase", "target_date", "planned_cents",
                      "actual_cents", "lane")


def _enum_filter(enum_class) -> tuple[Callable, Callable]:
    return (lambda present: [m.value for m in enum_class if m.value in present],
            lambda code: label(enum_class(code)))


# Filter column → (options in display order from the values present, how an option is shown).
FILTERS: dict[str, tuple[Callable, Callable]] = {
    "status": _enum_filter(Status),
    "phase": _enum_filter(Phase),
    "health": (lambda present: [h for h in queries.HEALTH_ORDER if h in present], health_text),
    "lane": _enum_filter(Lane),
    "owner": (lambda present: sorted(present), str),
}


def render_discipline(discipline: Discipline) -> None:
    """The whole page of one of the six CX disciplines."""
    st.title(label(discipline))
    st.markdown(tr(f"discipline.{discipline.value}.about"))
    render_summary(discipline)
    heading = tr("discipline.initiatives.header")
    st.subheader(heading)
    frame = read(queries.initiatives, discipline=discipline)
    if frame.empty:
        st.info(tr("discipline.initiatives.none"))
    else:
        shown = _filtered(frame, discipline)
        st.caption(tr("discipline.initiatives.shown_one", shown=len(shown)) if len(frame) == 1
                   else tr("discipline.initiatives.shown", shown=len(shown), total=len(frame)))
        if shown.empty:
            st.info(tr("common.no_results"))
        else:
            initiative_table(shown, INITIATIVE_COLUMNS, key=f"{discipline.value}_initiatives", caption=heading)
    _render_kpis(discipline)


def _filtered(frame: pd.DataFrame, discipline: Discipline) -> pd.DataFrame:
    """The filter row (status, phase, health, lane, owner); an empty filter means all."""
    keep = pd.Series(True, index=frame.index)
    for cell, (column, (options, show)) in zip(st.columns(len(FILTERS)), FILTERS.items(), strict=True):
        present = set(frame[column].dropna())
        chosen = cell.multiselect(tr(f"discipline.filter.{column}"), options(present), format_func=show,
                                  placeholder=tr("common.all"), key=f"{discipline.value}_filter_{column}")
        if chosen:
            keep &= frame[column].isin(chosen)
    return frame[keep]


def _value(value, digits: int = 1) -> str:
    return "—" if value is None or pd.isna(value) else number(value, digits)


def _render_kpis(discipline: Discipline) -> None:
    """The discipline's KPIs: latest and last year's value with n, a sparkline, and one KPI's trend chart."""
    st.subheader(tr("discipline.kpis.header"))
    kpis = read(kpi_queries.discipline_kpis, areas=KPI_AREAS, discipline=discipline)
    if kpis.empty:
        st.info(tr("discipline.kpis.none"))
        return
    today = date.today()
    since = date(today.year - TREND_MONTHS // 12, today.month, 1)
    trends = read(kpi_queries.kpi_trends, areas=KPI_AREAS, discipline=discipline, since=since)
    series = trends.groupby("kpi_id")["value"].agg(list)
    table = pd.DataFrame({  # what a leader reads first comes first: value, last year, trend
        "name": kpis["name"],
        "latest": [_value(v) for v in kpis["latest_value"]],
        "unit": kpis["unit"],
        "previous_year": [_value(v) for v in kpis["previous_year_value"]],
        "trend": [series.get(kpi_id, []) for kpi_id in kpis["id"]],
        "period": [day(None if pd.isna(p) else p) for p in kpis["latest_period"]],
        "sample_size": [_value(n, 0) for n in kpis["sample_size"]],
        "direction": [label(Direction(d)) for d in kpis["direction"]],
        "kind": [label(KpiKind(k)) for k in kpis["kind"]],
        "initiatives": kpis["linked_initiatives"],
    })
    config = {column: st.column_config.TextColumn(tr(f"discipline.kpi.col.{column}")) for column in table.columns}
    config["initiatives"] = st.column_config.NumberColumn(tr("discipline.kpi.col.initiatives"))
    config["trend"] = st.column_config.LineChartColumn(tr("discipline.kpi.col.trend", months=TREND_MONTHS))
    st.dataframe(table, column_config=config, hide_index=True, width="stretch", key=f"{discipline.value}_kpis")
    _render_trend(discipline, kpis, trends)


def _render_trend(discipline: Discipline, kpis: pd.DataFrame, trends: pd.DataFrame) -> None:
    names = dict(zip(kpis["id"], kpis["name"], strict=True))
    units = dict(zip(kpis["id"], kpis["unit"], strict=True))
    kpi_id = st.selectbox(tr("discipline.kpi.choose"), list(names), format_func=names.get,
                          key=f"{discipline.value}_trend_kpi")
    readings = trends[trends["kpi_id"] == kpi_id]
    if readings.empty:
        st.caption(tr("discipline.kpi.no_readings"))
        return
    st.plotly_chart(charts.kpi_trend_chart(
        readings, title=tr("discipline.kpi.trend_title", name=chart_text(names[kpi_id]), months=TREND_MONTHS),
        value_label=chart_text(units[kpi_id]) or tr("discipline.kpi.col.latest"), separators=separators()),
        key=f"{discipline.value}_trend_chart")
