"""The KPI tiles above the portfolio and each discipline page: open, red and amber initiatives, the budget."""

from __future__ import annotations

import streamlit as st

from cxgov.models import Discipline
from cxgov.queries import portfolio as queries
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import money_whole, tr


def render_summary(discipline: Discipline | None = None) -> None:
    """KPI tiles: open initiatives, red, amber, budget planned and spent (with the variance)."""
    numbers = read(queries.summary, discipline=discipline).iloc[0]
    tiles = st.columns([1.5, 1, 1, 2, 2])  # amounts of millions need about twice a count's width
    tiles[0].metric(tr("portfolio.metric.open"), int(numbers["open"]), help=tr("portfolio.metric.open_help"))
    tiles[1].metric(tr("portfolio.metric.red"), int(numbers["red"]), help=tr("portfolio.metric.health_help"))
    tiles[2].metric(tr("portfolio.metric.amber"), int(numbers["amber"]), help=tr("portfolio.metric.health_help"))
    # Whole euros: with cents, Dutch millions are cut off in a tile ("€ 1.380.3…"); the tables keep the cents.
    tiles[3].metric(tr("portfolio.metric.planned"), money_whole(int(numbers["planned_cents"])))
    variance = int(numbers["variance_cents"])
    # st.metric reads the direction from a leading sign, but Dutch money puts the minus after the €: sign first.
    delta = f"{'-' if variance < 0 else '+'}{money_whole(abs(variance))}" if variance else None
    # Spending more than planned is the bad direction, hence the inverted delta colour.
    tiles[4].metric(
        tr("portfolio.metric.actual"),
        money_whole(int(numbers["actual_cents"])),
        delta=delta,
        delta_color="inverse",
        help=tr("portfolio.metric.variance_help"),
    )
