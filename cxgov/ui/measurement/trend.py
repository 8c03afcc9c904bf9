"""One KPI on the Measurement page: what it is, its colour against the target and why, and its monthly trend
with the 95 % band, indicative months, last year and the target per month."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from cxgov import kpi_charts
from cxgov.queries import measurement as queries
from cxgov.ui.disciplines.kpis import axis_title
from cxgov.ui.kit.chart_text import separators
from cxgov.ui.kit.runtime import read, settings
from cxgov.ui.kit.safe import chart_text, plain
from cxgov.ui.kit.text import month, number, tr
from cxgov.ui.measurement.shared import AREAS, reason_text, status_of, targets_per_period

TREND_MONTHS = 24  # two years: a season shows twice, and this year's months sit beside last year's
STATUS_BOXES = {"green": st.success, "amber": st.warning, "red": st.error}


def render_kpi(kpi: pd.Series, targets: pd.DataFrame) -> None:
    """The chosen KPI (a catalogue row): definition, colour and reason, trend."""
    if kpi["description"]:
        st.markdown(plain(kpi["description"]))
    if kpi["method"]:
        st.caption(tr("measurement_page.method", method=plain(kpi["method"])))
    status = status_of(next(pd.DataFrame([kpi]).itertuples()), targets)
    show = STATUS_BOXES.get(status.colour, st.info)
    show(plain(reason_text(status)))
    today = date.today()
    since = date(today.year - TREND_MONTHS // 12, today.month, 1)
    series = read(queries.kpi_series, AREAS, kpi_id=int(kpi["id"]), since=since)
    if series.empty:
        st.caption(tr("measurement_page.no_readings"))
        return
    series = kpi_charts.every_month(series)
    mine = targets[targets["kpi_id"] == kpi["id"]]
    min_n = number(settings().kpi_min_responses, 0)
    labels = kpi_charts.TrendLabels(
        value=chart_text(kpi["name"]),
        band=tr("measurement_page.legend.band"),
        indicative=tr("measurement_page.legend.indicative", min_n=min_n),
        last_year=tr("measurement_page.legend.last_year"),
        target=tr("measurement_page.legend.target"),
    )
    st.plotly_chart(
        kpi_charts.kpi_margin_trend(
            series,
            title=tr("measurement_page.trend_title", name=chart_text(kpi["name"]), months=TREND_MONTHS),
            value_label=axis_title(kpi),
            labels=labels,
            period_labels={p: month(p) for p in series["period"]},
            targets=None if mine.empty else targets_per_period(mine, list(series["period"])),
            separators=separators(),
        ),
        key="measurement_trend_chart",
    )
    st.caption(tr("measurement_page.trend_note", min_n=min_n))
