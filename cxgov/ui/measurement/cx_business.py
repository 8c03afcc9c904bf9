"""CX and business on the Measurement page: a CX KPI beside a business KPI some months later, both series on
their own axis, Pearson's r with its 95 % interval and n, and the caveat that a correlation is no cause."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov import kpi_charts
from cxgov.models import KpiKind
from cxgov.queries import measurement as queries
from cxgov.rules.kpi_effects import MIN_CORRELATION_PAIRS, lagged_correlation
from cxgov.ui.kit.chart_text import separators
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.safe import chart_text
from cxgov.ui.kit.text import counted, month, number, tr
from cxgov.ui.measurement.shared import AREAS, choose

BUSINESS_KINDS = (KpiKind.BUSINESS.value, KpiKind.OPERATIONAL.value)
MAX_LAG = 12  # a year: beyond it other causes pile up faster than the months paired


def _shifted(period, months: int):
    """The first of the month `months` after `period`."""
    index = period.year * 12 + period.month - 1 + months
    return period.replace(year=index // 12, month=index % 12 + 1)


def _lag() -> int:
    """The lag slider, starting from the URL (`lag`) and written back."""
    key = "measurement_lag"
    if key not in st.session_state:
        wanted = st.query_params.get("lag", "0")
        st.session_state[key] = int(wanted) if wanted.isdigit() and int(wanted) <= MAX_LAG else 0
    lag = st.slider(tr("measurement_page.cx.lag"), 0, MAX_LAG, key=key, help=tr("measurement_page.cx.lag_help"))
    if st.query_params.get("lag") != str(lag):
        st.query_params["lag"] = str(lag)
    return lag


def _first(kpis: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The KPIs of `kind` first, each group in its own order (by name)."""
    return kpis.sort_values("kind", key=lambda kinds: kinds != kind, kind="stable")


def render_cx_business(kpis: pd.DataFrame) -> None:
    """Choose the CX KPI, the business KPI and the lag; show them aligned, r and the caveat."""
    st.subheader(tr("measurement_page.cx.header"))
    # The usual question first: how NPS moves with a business result (operational KPIs further down the list).
    cx_kpis = _first(kpis[~kpis["kind"].isin(BUSINESS_KINDS)], KpiKind.NPS.value)
    business_kpis = _first(kpis[kpis["kind"].isin(BUSINESS_KINDS)], KpiKind.BUSINESS.value)
    if cx_kpis.empty or business_kpis.empty:
        st.info(tr("measurement_page.cx.need_both"))
        return
    names = dict(zip(kpis["id"], kpis["name"], strict=True))
    left, right = st.columns(2)
    cx = choose(
        tr("measurement_page.cx.cx_kpi"),
        list(cx_kpis["id"]),
        param="cx",
        key="measurement_cx",
        names=names,
        widget=left,
    )
    business = choose(
        tr("measurement_page.cx.business_kpi"),
        list(business_kpis["id"]),
        param="business",
        key="measurement_business",
        names=names,
        widget=right,
    )
    lag = _lag()
    cx_series = read(queries.kpi_series, AREAS, kpi_id=int(cx))
    business_series = read(queries.kpi_series, AREAS, kpi_id=int(business))
    cx_values = dict(zip(cx_series["period"], cx_series["value"], strict=True))
    business_values = dict(zip(business_series["period"], business_series["value"], strict=True))
    found = lagged_correlation(cx_values, business_values, lag_months=lag)
    if found.n < MIN_CORRELATION_PAIRS:
        st.info(tr("measurement_page.cx.too_few", n=found.n, needed=MIN_CORRELATION_PAIRS))
        return
    pairs = pd.DataFrame(
        {
            "period": list(cx_values),
            "cx": list(cx_values.values()),
            "business": [business_values.get(_shifted(p, lag)) for p in cx_values],
        }
    )
    pairs = pairs[pairs["business"].notna()].reset_index(drop=True)
    business_label = counted("measurement_page.cx.business_later", lag, name=chart_text(names[business]))
    st.plotly_chart(
        kpi_charts.cx_business_chart(
            pairs,
            title=tr("measurement_page.cx.title", cx=chart_text(names[cx]), business=chart_text(names[business])),
            cx_label=chart_text(names[cx]),
            business_label=business_label,
            period_labels={p: month(p) for p in pairs["period"]},
            separators=separators(),
        ),
        key="measurement_cx_chart",
    )
    _correlation(found)
    st.caption(tr("measurement_page.cx.caveat"))


def _correlation(found) -> None:
    """r with its interval and n, or why there is no r."""
    if found.r is None:
        st.info(tr("measurement_page.cx.no_r", n=found.n))
        return
    r = number(found.r, 2)
    if found.low is None:
        st.metric(tr("measurement_page.cx.r"), r, help=tr("measurement_page.cx.r_help"))
        st.caption(tr("measurement_page.cx.no_interval", n=found.n))
        return
    st.metric(tr("measurement_page.cx.r"), r, help=tr("measurement_page.cx.r_help"))
    st.caption(
        tr(
            "measurement_page.cx.interval",
            low=number(found.low, 2),
            high=number(found.high, 2),
            n=found.n,
            lag=found.lag,
        )
    )
