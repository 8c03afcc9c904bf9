"""Pure plotly builders for measured KPIs: a DataFrame in, a Figure out (conventions of cxgov.charts).

Builders never translate: the caller passes every text already in the reader's language and made safe for
plotly (cxgov.ui.kit.safe.chart_text), plus the locale's number separators.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from cxgov.charts import CHART_HEIGHT, TARGET_COLOUR, TREND_COLOUR, period_ticks, standard_layout

BAND_COLOUR = "rgba(21, 101, 192, 0.15)"  # the trend's blue, faint: the band reads as the line's uncertainty
LAST_YEAR_COLOUR = "#90a4ae"  # grey-blue: last year is context, not the news
BUSINESS_COLOUR = "#6d4c41"  # brown: apart from the CX blue and from the RAG colours
FIRM, HOLLOW = "circle", "circle-open"


@dataclass(frozen=True)
class TrendLabels:
    """The legend texts of a KPI's trend."""

    value: str
    band: str
    indicative: str
    last_year: str
    target: str


def _clean(values) -> list:
    """Plotly draws None as a gap; pandas hands NaN for a missing number."""
    return [None if pd.isna(v) else float(v) for v in values]


def every_month(series: pd.DataFrame) -> pd.DataFrame:
    """The series with a row for each month between its first and last, empty where nothing was measured: the
    line and the band break there instead of drawing a slope through months without responses."""
    if series.empty:
        return series
    first, last = min(series["period"]), max(series["period"])
    months = [first]
    while months[-1] < last:
        month = months[-1]
        months.append(month.replace(year=month.year + month.month // 12, month=month.month % 12 + 1))
    present = series.set_index("period")
    return present.reindex(months).rename_axis("period").reset_index().astype({"indicative": object})


def kpi_margin_trend(
    series: pd.DataFrame,
    *,
    title: str,
    value_label: str,
    labels: TrendLabels,
    period_labels: Mapping,
    targets: pd.Series | None = None,
    separators: str = ".,",
) -> go.Figure:
    """A KPI's monthly value with its 95 % band, indicative months hollow, last year dashed, the target a step
    (pass the series through `every_month` first, so months without responses break the line).

    `series` has period, value, value_low, value_high, indicative and last_year (the same month a year
    earlier); `targets` the target in force per period (NaN before the first), or None when the KPI has none."""
    periods = pd.to_datetime(series["period"]).tolist()
    names = [period_labels[p] for p in series["period"]]
    indicative = [flag is True or (not pd.isna(flag) and bool(flag)) for flag in series["indicative"]]
    figure = go.Figure()
    if series["value_high"].notna().any():
        figure.add_scatter(
            x=periods,
            y=_clean(series["value_high"]),
            mode="lines",
            line={"width": 0},
            hoverinfo="skip",
            showlegend=False,
        )
        figure.add_scatter(
            x=periods,
            y=_clean(series["value_low"]),
            mode="lines",
            line={"width": 0},
            fill="tonexty",
            fillcolor=BAND_COLOUR,
            name=labels.band,
            hoverinfo="skip",
        )
    if series["last_year"].notna().any():
        figure.add_scatter(
            x=periods,
            y=_clean(series["last_year"]),
            mode="lines",
            name=labels.last_year,
            customdata=names,
            line={"color": LAST_YEAR_COLOUR, "width": 2, "dash": "dash"},
            hovertemplate=f"%{{customdata}}: %{{y:,.4~f}}<extra>{labels.last_year}</extra>",
        )
    if targets is not None and targets.notna().any():
        figure.add_scatter(
            x=periods,
            y=_clean(targets),
            mode="lines",
            name=labels.target,
            line={"color": TARGET_COLOUR, "width": 2, "shape": "hv"},
            hovertemplate=f"%{{y:,.4~f}}<extra>{labels.target}</extra>",
        )
    figure.add_scatter(
        x=periods,
        y=_clean(series["value"]),
        mode="lines+markers",
        name=labels.value,
        customdata=names,
        line={"color": TREND_COLOUR, "width": 2},
        marker={"size": 7, "symbol": [HOLLOW if i else FIRM for i in indicative], "color": TREND_COLOUR},
        hovertemplate="%{customdata}: %{y:,.4~f}<extra></extra>",
    )
    if any(indicative):
        shown = series[indicative]
        figure.add_scatter(
            x=pd.to_datetime(shown["period"]).tolist(),
            y=_clean(shown["value"]),
            mode="markers",
            name=labels.indicative,
            marker={"size": 11, "symbol": HOLLOW, "color": TREND_COLOUR, "line": {"width": 2}},
            hoverinfo="skip",
        )
    figure.update_xaxes(**period_ticks(periods, dict(zip(periods, names, strict=True))))
    figure.update_yaxes(title_text=value_label)
    return standard_layout(figure, title, separators)


def segment_chart(
    segments: pd.DataFrame,
    *,
    title: str,
    value_label: str,
    firm_label: str,
    indicative_label: str,
    higher_is_better: bool = True,
    separators: str = ".,",
) -> go.Figure:
    """Each segment's value as a dot with its 95 % interval as whiskers, best at the top, indicative hollow.

    `segments` has name (unique, safe for plotly), value, value_low, value_high, n and indicative."""
    ordered = segments.sort_values("value", ascending=higher_is_better, kind="stable")
    figure = go.Figure()
    for indicative, name, symbol in ((False, firm_label, FIRM), (True, indicative_label, HOLLOW)):
        part = ordered[ordered["indicative"].astype(bool) == indicative]
        if part.empty:
            continue
        values = _clean(part["value"])
        figure.add_scatter(
            x=values,
            y=part["name"].tolist(),
            mode="markers",
            name=name,
            customdata=[int(n) for n in part["n"]],
            marker={"size": 10, "symbol": symbol, "color": TREND_COLOUR, "line": {"width": 2}},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": [
                    None if h is None or v is None else h - v
                    for h, v in zip(_clean(part["value_high"]), values, strict=True)
                ],
                "arrayminus": [
                    None if lo is None or v is None else v - lo
                    for lo, v in zip(_clean(part["value_low"]), values, strict=True)
                ],
                "color": TREND_COLOUR,
            },
            hovertemplate="%{y}: %{x:,.4~f} (n = %{customdata})<extra></extra>",
        )
    figure.update_yaxes(categoryorder="array", categoryarray=ordered["name"].tolist(), type="category")
    figure.update_xaxes(title_text=value_label)
    rows = max(len(ordered), 1)
    return standard_layout(
        figure, title, separators, height=max(CHART_HEIGHT - 100, 120 + 32 * rows)
    )  # 32 px a segment


def cx_business_chart(
    pairs: pd.DataFrame,
    *,
    title: str,
    cx_label: str,
    business_label: str,
    period_labels: Mapping,
    separators: str = ".,",
) -> go.Figure:
    """The CX KPI and the business KPI on their own y-axes, aligned by the lag: `pairs` has period (the CX
    month), cx and business (the business value `lag` months later, as the caller paired them)."""
    periods = pd.to_datetime(pairs["period"]).tolist()
    names = [period_labels[p] for p in pairs["period"]]
    figure = go.Figure()
    figure.add_scatter(
        x=periods,
        y=_clean(pairs["cx"]),
        mode="lines+markers",
        name=cx_label,
        customdata=names,
        line={"color": TREND_COLOUR, "width": 2},
        hovertemplate=f"%{{customdata}}: %{{y:,.4~f}}<extra>{cx_label}</extra>",
    )
    figure.add_scatter(
        x=periods,
        y=_clean(pairs["business"]),
        mode="lines+markers",
        name=business_label,
        yaxis="y2",
        customdata=names,
        line={"color": BUSINESS_COLOUR, "width": 2, "dash": "dot"},
        hovertemplate=f"%{{customdata}}: %{{y:,.4~f}}<extra>{business_label}</extra>",
    )
    # Each axis in its line's colour instead of a title: two long KPI names do not fit beside the plot, and the
    # legend names both. Ticks on their own (not synced to the left axis), so they stay round numbers.
    figure.update_layout(
        yaxis={"tickfont": {"color": TREND_COLOUR}},
        yaxis2={
            "tickfont": {"color": BUSINESS_COLOUR},
            "overlaying": "y",
            "side": "right",
            "showgrid": False,
            "tickmode": "auto",
            "nticks": 6,
        },
    )
    figure.update_xaxes(**period_ticks(periods, dict(zip(periods, names, strict=True))))
    return standard_layout(figure, title, separators)
