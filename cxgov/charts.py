"""Pure plotly builders: a DataFrame of codes and amounts in, a Figure out.

Builders never translate: the caller passes the title and a label for every code it will show, plus the
locale's number separators (plotly's `separators`: decimal then thousands, "," + "." for Dutch).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from cxgov.models import Discipline, Health, Status
from cxgov.queries.base import NO_UPDATE

RAG_COLOURS = {
    Health.GREEN.value: "#2e7d32",
    Health.AMBER.value: "#f9a825",
    Health.RED.value: "#c62828",
    NO_UPDATE: "#9e9e9e",
}
# Lifecycle colours stay clear of the RAG colours, so nobody reads a status as a health.
STATUS_COLOURS = {
    Status.PROPOSED.value: "#90a4ae",
    Status.APPROVED.value: "#64b5f6",
    Status.ACTIVE.value: "#1565c0",
    Status.ON_HOLD.value: "#8e24aa",
    Status.COMPLETED.value: "#00897b",
    Status.REJECTED.value: "#6d4c41",
    Status.CANCELLED.value: "#cfd8dc",
}
PLANNED_COLOUR, ACTUAL_COLOUR = "#90caf9", "#1565c0"
TREND_COLOUR = "#1565c0"
TARGET_COLOUR = "#37474f"  # dark slate: reads as a reference line, not as good or bad
MAX_PERIOD_TICKS = 8  # month labels such as "Sept 2026" fit side by side on a laptop-width chart
CHART_HEIGHT = 340  # px: two charts side by side stay readable on a laptop screen without scrolling


def standard_layout(figure: go.Figure, title: str, separators: str, height: int = CHART_HEIGHT) -> go.Figure:
    """Every cxgov chart's frame: the title top left, the same margins and height."""
    # The legend sits between the title and the plot, where it cannot collide with axis titles.
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "y": 0.97, "yanchor": "top"},
        separators=separators,
        height=height,
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )
    return figure


def _whole_counts(axis: str, largest: int) -> dict:
    """Axis settings for counts of things: from zero, integer ticks only, at most ~8 of them.

    Without a fixed step plotly picks 0.2 for small counts and, with no decimals shown, labels "0 0 0 1 1 1"."""
    return {
        f"{axis}axis": {"rangemode": "tozero", "tick0": 0, "dtick": max(1, math.ceil(largest / 8)), "tickformat": ",d"}
    }


def discipline_status_chart(
    counts: pd.DataFrame,
    *,
    title: str,
    discipline_labels: Mapping[str, str],
    status_labels: Mapping[str, str],
    count_label: str,
    separators: str = ".,",
) -> go.Figure:
    """Horizontal bars per discipline, stacked by status; `counts` has discipline, status, initiatives.

    Every discipline has its row, in the canonical order, also when it has no initiatives (yet): plotly
    draws only categories that occur in the data, so each status trace carries all six, with zeros."""
    order = [d.value for d in Discipline]
    table = (
        counts.pivot_table(
            index="discipline", columns="status", values="initiatives", aggfunc="sum", fill_value=0
        ).reindex(order, fill_value=0)
        if not counts.empty
        else pd.DataFrame(index=order)
    )
    disciplines = [discipline_labels[d] for d in order]
    figure = go.Figure()
    for status in Status:
        if status.value not in table.columns:
            continue
        figure.add_bar(
            name=status_labels[status.value],
            orientation="h",
            marker_color=STATUS_COLOURS[status.value],
            y=disciplines,
            x=[int(n) for n in table[status.value]],
            hovertemplate="%{y}: %{x}<extra>" + status_labels[status.value] + "</extra>",
        )
    figure.update_layout(
        barmode="stack", legend_traceorder="normal", **_whole_counts("x", int(table.sum(axis=1).max()))
    )
    figure.update_yaxes(categoryorder="array", categoryarray=disciplines[::-1], type="category")
    figure.update_xaxes(title_text=count_label)
    return standard_layout(figure, title, separators)


def discipline_health_chart(
    counts: pd.DataFrame,
    *,
    title: str,
    discipline_labels: Mapping[str, str],
    health_labels: Mapping[str, str],
    count_label: str,
    separators: str = ".,",
) -> go.Figure:
    """Horizontal bars per discipline, stacked by reported health in RAG colours; `counts` has discipline,
    health, initiatives. Every discipline has its row, in the canonical order, also without initiatives."""
    order = [d.value for d in Discipline]
    table = counts.pivot_table(
        index="discipline", columns="health", values="initiatives", aggfunc="sum", fill_value=0
    ).reindex(order, fill_value=0)
    disciplines = [discipline_labels[d] for d in order]
    figure = go.Figure()
    for health in RAG_COLOURS:
        if health not in table.columns:
            continue
        figure.add_bar(
            name=health_labels[health],
            orientation="h",
            marker_color=RAG_COLOURS[health],
            y=disciplines,
            x=[int(n) for n in table[health]],
            hovertemplate="%{y}: %{x}<extra>" + health_labels[health] + "</extra>",
        )
    figure.update_layout(
        barmode="stack", legend_traceorder="normal", **_whole_counts("x", int(table.sum(axis=1).max()))
    )
    figure.update_yaxes(categoryorder="array", categoryarray=disciplines[::-1], type="category")
    figure.update_xaxes(title_text=count_label)
    return standard_layout(figure, title, separators)


def health_chart(
    counts: pd.DataFrame, *, title: str, health_labels: Mapping[str, str], separators: str = ".,"
) -> go.Figure:
    """A donut of open initiatives by reported health in RAG colours; `counts` has health, initiatives."""
    shown = counts[counts["initiatives"] > 0]
    figure = go.Figure(
        go.Pie(
            labels=[health_labels[h] for h in shown["health"]],
            values=shown["initiatives"].tolist(),
            hole=0.55,
            marker={"colors": [RAG_COLOURS[h] for h in shown["health"]]},
            sort=False,
            direction="clockwise",
            textinfo="value",
            hovertemplate="%{label}: %{value}<extra></extra>",
        )
    )
    return standard_layout(figure, title, separators)


def budget_chart(
    budget: pd.DataFrame,
    *,
    title: str,
    discipline_labels: Mapping[str, str],
    planned_label: str,
    actual_label: str,
    amount_label: str,
    separators: str = ".,",
    money_prefix: str = "€",
) -> go.Figure:
    """Planned vs actual euros per discipline, side by side; `budget` has discipline, planned/actual_cents.

    `money_prefix` is the euro sign as the locale writes it before an amount ("€ " in Dutch)."""
    labels = [discipline_labels[d] for d in budget["discipline"]]
    figure = go.Figure()
    for name, column, colour in (
        (planned_label, "planned_cents", PLANNED_COLOUR),
        (actual_label, "actual_cents", ACTUAL_COLOUR),
    ):
        figure.add_bar(
            name=name,
            x=labels,
            y=(budget[column] / 100).tolist(),
            marker_color=colour,
            hovertemplate=f"%{{x}}: {money_prefix}%{{y:,.2f}}<extra>{name}</extra>",
        )
    figure.update_layout(barmode="group")
    figure.update_xaxes(
        categoryorder="array", type="category", categoryarray=[discipline_labels[d.value] for d in Discipline]
    )
    figure.update_yaxes(title_text=amount_label, tickprefix=money_prefix, tickformat=",.0f", rangemode="tozero")
    return standard_layout(figure, title, separators)


@dataclass(frozen=True)
class TargetLine:
    """A KPI's target, drawn as a dashed line across the trend, with its legend text."""

    value: float
    label: str


def period_ticks(periods: list, labels: Mapping) -> dict:
    """At most MAX_PERIOD_TICKS evenly spaced periods, labelled by the caller (plotly's month names are English)."""
    step = max(1, math.ceil(len(periods) / MAX_PERIOD_TICKS))
    shown = periods[::step]
    return {"tickmode": "array", "tickvals": shown, "ticktext": [labels[p] for p in shown]}


def kpi_trend_chart(
    readings: pd.DataFrame,
    *,
    title: str,
    value_label: str,
    series_label: str,
    period_labels: Mapping,
    target: TargetLine | None = None,
    separators: str = ".,",
) -> go.Figure:
    """Monthly readings of one KPI as a line, with its target as a dashed line where it has one.

    `readings` has period and value; `value_label` titles the value axis (the KPI's unit or scale);
    `period_labels` names each period as the reader writes a month ("nov 2026")."""
    periods = pd.to_datetime(readings["period"]).tolist()
    names = [period_labels[p] for p in readings["period"]]
    figure = go.Figure(
        go.Scatter(
            x=periods,
            y=readings["value"].tolist(),
            mode="lines+markers",
            customdata=names,
            name=series_label,
            line={"color": TREND_COLOUR, "width": 2},
            marker={"size": 5},
            hovertemplate="%{customdata}: %{y:,.4~f}<extra></extra>",
        )
    )
    if target is not None and periods:
        figure.add_scatter(
            x=[periods[0], periods[-1]],
            y=[target.value, target.value],
            mode="lines",
            name=target.label,
            line={"color": TARGET_COLOUR, "width": 2, "dash": "dash"},
            hovertemplate=f"{target.label}<extra></extra>",
        )
    figure.update_layout(showlegend=target is not None)
    figure.update_xaxes(**period_ticks(periods, dict(zip(periods, names, strict=True))))
    figure.update_yaxes(title_text=value_label)
    return standard_layout(figure, title, separators, height=CHART_HEIGHT - 60)
