"""The KPI section of a discipline page: each KPI's latest value, its own target in force, the target its
initiatives aim for, last year's value and two-year trend (coloured by the KPI's direction), then one KPI's
monthly readings against the initiatives' target."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from cxgov import charts
from cxgov.models import Direction, Discipline, KpiKind
from cxgov.queries import kpis as kpi_queries
from cxgov.queries import measurement as measurement_queries
from cxgov.rules.kpi_status import target_in_force
from cxgov.ui.kit.chart_text import separators
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.safe import chart_text, plain
from cxgov.ui.kit.text import day, label, measure, month, number, tr

TREND_MONTHS = 24  # two years of months: enough to see seasonality and the move against last year
KPI_AREAS = ("kpis", "initiatives")  # a discipline's KPIs include those linked to its initiatives
# Streamlit colours a sparkline per column: "auto" is green when the line ends higher than it starts, red when
# lower; "auto-inverse" the other way round. One column per direction makes improving green and worsening red.
SPARKLINE_COLOURS = {Direction.HIGHER_IS_BETTER: "auto", Direction.LOWER_IS_BETTER: "auto-inverse"}


def render_discipline_kpis(discipline: Discipline) -> None:
    """The discipline's KPIs in a table, and the chosen KPI's trend with its target line."""
    st.subheader(tr("discipline.kpis.header"))
    kpis = read(kpi_queries.discipline_kpis, areas=KPI_AREAS, discipline=discipline)
    if kpis.empty:
        st.info(tr("discipline.kpis.none"))
        return
    today = date.today()
    since = date(today.year - TREND_MONTHS // 12, today.month, 1)
    trends = read(kpi_queries.kpi_trends, areas=KPI_AREAS, discipline=discipline, since=since)
    targets = read(kpi_queries.discipline_targets, areas=KPI_AREAS, discipline=discipline).set_index("kpi_id")
    in_force = _targets_now(read(measurement_queries.kpi_targets, areas=KPI_AREAS), today.replace(day=1))
    _kpi_table(discipline, kpis, trends.groupby("kpi_id")["value"].agg(list), targets, in_force)
    _render_trend(discipline, kpis, trends, targets)


def _targets_now(kpi_targets: pd.DataFrame, this_month: date) -> dict[int, float | None]:
    """Each KPI's own target in force this month (set on Measurement → KPIs), None where it has none."""
    return {
        int(kpi_id): target_in_force(zip(mine["valid_from"], mine["target"], strict=True), this_month)
        for kpi_id, mine in kpi_targets.groupby("kpi_id")
    }


def _kpi_table(
    discipline: Discipline,
    kpis: pd.DataFrame,
    series: pd.Series,
    targets: pd.DataFrame,
    in_force: dict[int, float | None],
) -> None:
    table = pd.DataFrame(
        {  # what a leader reads first comes first: value, targets, last year, trend
            "name": kpis["name"],
            "latest": [measure(v) for v in kpis["latest_value"]],
            "unit": kpis["unit"],
            "kpi_target": [measure(in_force.get(k)) for k in kpis["id"]],
            "target": [measure(targets["target"].get(k)) for k in kpis["id"]],
            "previous_year": [measure(v) for v in kpis["previous_year_value"]],
            "period": [month(p) for p in kpis["latest_period"]],
            "sample_size": ["—" if pd.isna(n) else number(n, 0) for n in kpis["sample_size"]],
            "direction": [label(Direction(d)) for d in kpis["direction"]],
            "kind": [label(KpiKind(k)) for k in kpis["kind"]],
            "initiatives": kpis["linked_initiatives"],
        }
    )
    config = {column: st.column_config.TextColumn(tr(f"discipline.kpi.col.{column}")) for column in table.columns}
    config["initiatives"] = st.column_config.NumberColumn(tr("discipline.kpi.col.initiatives"))
    config["target"] = st.column_config.TextColumn(
        tr("discipline.kpi.col.target"), help=tr("discipline.kpi.target_help")
    )
    config["kpi_target"] = st.column_config.TextColumn(
        tr("discipline.kpi.col.kpi_target"), help=tr("discipline.kpi.kpi_target_help")
    )
    position = table.columns.get_loc("previous_year") + 1
    for direction, colour in SPARKLINE_COLOURS.items():
        mine = kpis["direction"] == direction.value
        if not mine.any():
            continue
        column = f"trend_{direction.value}"
        table.insert(position, column, [series.get(k, []) if m else [] for k, m in zip(kpis["id"], mine, strict=True)])
        config[column] = st.column_config.LineChartColumn(
            tr(f"discipline.kpi.col.trend.{direction.value}"),
            color=colour,
            help=tr("discipline.kpi.trend_help", months=TREND_MONTHS),
        )
        position += 1
    st.dataframe(table, column_config=config, hide_index=True, width="stretch", key=f"{discipline.value}_kpis")


def axis_title(kpi: pd.Series) -> str:
    """The value axis says what the numbers are: the KPI's unit, else its scale, else just 'value'."""
    if kpi["unit"]:
        return chart_text(kpi["unit"])
    if not (pd.isna(kpi["scale_min"]) or pd.isna(kpi["scale_max"])):
        return tr("discipline.kpi.axis_scale", low=measure(kpi["scale_min"]), high=measure(kpi["scale_max"]))
    return tr("discipline.kpi.axis_value")


def _render_trend(discipline: Discipline, kpis: pd.DataFrame, trends: pd.DataFrame, targets: pd.DataFrame) -> None:
    names = dict(zip(kpis["id"], kpis["name"], strict=True))
    kpi_id = st.selectbox(
        tr("discipline.kpi.choose"), list(names), format_func=names.get, key=f"{discipline.value}_trend_kpi"
    )
    readings = trends[trends["kpi_id"] == kpi_id]
    if readings.empty:
        st.caption(tr("discipline.kpi.no_readings"))
        return
    target = targets.loc[kpi_id] if kpi_id in targets.index else None
    line = (
        None
        if target is None
        else charts.TargetLine(
            float(target["target"]), tr("discipline.kpi.target_legend", target=measure(target["target"]))
        )
    )
    st.plotly_chart(
        charts.kpi_trend_chart(
            readings,
            title=tr("discipline.kpi.trend_title", name=chart_text(names[kpi_id]), months=TREND_MONTHS),
            value_label=axis_title(kpis.set_index("id").loc[kpi_id]),
            series_label=tr("discipline.kpi.series"),
            period_labels={p: month(p) for p in readings["period"]},
            target=line,
            separators=separators(),
        ),
        key=f"{discipline.value}_trend_chart",
    )
    st.caption(_target_note(target))


def _target_note(target: pd.Series | None) -> str:
    """Which target the dashed line is, and whose; or that no open initiative of the discipline set one."""
    if target is None:
        return tr("discipline.kpi.no_target")
    due = target["target_date"]
    when = (
        tr("discipline.kpi.target_undated")
        if due is None or pd.isna(due)
        else tr("discipline.kpi.target_by", date=day(due))
    )
    return tr(
        "discipline.kpi.target_note",
        target=measure(target["target"]),
        when=when,
        initiative=plain(target["initiative_title"]),
        n=int(target["targets_set"]),
    )
