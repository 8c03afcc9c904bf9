"""The chosen KPI per segment on the Measurement page: the latest quarter's value per channel, touchpoint,
journey stage, department or store/region, with its 95 % interval, best first, indicative ones hollow."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov import kpi_charts
from cxgov.models import Direction, KpiKind
from cxgov.models.measurement import DIMENSIONS
from cxgov.queries import measurement as queries
from cxgov.rules.kpi_engine import SCORING
from cxgov.ui.kit.chart_text import separators
from cxgov.ui.kit.runtime import read, settings
from cxgov.ui.kit.safe import chart_text, plain
from cxgov.ui.kit.text import lang, month, number, tr
from cxgov.ui.measurement.shared import AREAS, choose, with_margin


def _quarter(period) -> str:
    """'Q3 2026' (the quarter a figure covers, named by its first month's year)."""
    return tr("measurement_page.quarter", quarter=(period.month - 1) // 3 + 1, year=period.year)


def _named(breakdown: pd.DataFrame) -> pd.DataFrame:
    """Each segment's name in the reader's language, made unique (two segments may share a name): `shown` as
    written, `name` made safe for the chart."""
    names = breakdown["name_nl" if lang() == "nl" else "name_en"].fillna("").astype(str)
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    shown = [n or "—" for n in unique]
    return breakdown.assign(shown=shown, name=[chart_text(n) for n in shown])


def render_segments(kpi: pd.Series) -> None:
    """The dimension picker and the latest quarter per segment, as a chart and a table."""
    st.subheader(tr("measurement_page.segments.header"))
    if KpiKind(kpi["kind"]) not in SCORING:  # typed in per month: there are no answers to split
        st.info(tr("measurement_page.segments.typed", name=plain(kpi["name"])), icon=":material/info:")
        return
    names = {d: tr(f"measurement_page.dimension.{d}") for d in DIMENSIONS}
    dimension = choose(
        tr("measurement_page.segments.by"), list(DIMENSIONS), param="by", key="measurement_dimension", names=names
    )
    breakdown = read(queries.segment_breakdown, AREAS, kpi_id=int(kpi["id"]), dimension=dimension)
    if breakdown.empty:
        st.info(tr("measurement_page.segments.none", dimension=names[dimension].lower()))
        return
    named = _named(breakdown)
    quarter = _quarter(named["period"].iloc[0])
    higher = Direction(kpi["direction"]) is Direction.HIGHER_IS_BETTER
    min_n = number(settings().kpi_min_responses, 0)
    st.plotly_chart(
        kpi_charts.segment_chart(
            named,
            title=tr(
                "measurement_page.segments.title",
                name=chart_text(kpi["name"]),
                dimension=names[dimension],
                quarter=quarter,
            ),
            value_label=chart_text(kpi["name"]),
            firm_label=tr("measurement_page.legend.firm"),
            indicative_label=tr("measurement_page.legend.indicative", min_n=min_n),
            higher_is_better=higher,
            separators=separators(),
        ),
        key="measurement_segments_chart",
    )
    ordered = named.sort_values("value", ascending=not higher, kind="stable")
    table = pd.DataFrame(
        {
            tr("measurement_page.col.segment"): list(ordered["shown"]),
            tr("measurement_page.col.latest"): [
                with_margin(r.value, r.value_low, r.value_high) for r in ordered.itertuples()
            ],
            tr("measurement_page.col.n"): [number(n, 0) for n in ordered["n"]],
            tr("measurement_page.col.indicative"): [
                tr("measurement_page.indicative_mark") if bool(i) else "" for i in ordered["indicative"]
            ],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch", key="measurement_segments_table")
    st.caption(tr("measurement_page.segments.note", quarter=quarter, first=month(named["period"].iloc[0])))
    st.caption(tr("measurement_page.segments.consistency"))
