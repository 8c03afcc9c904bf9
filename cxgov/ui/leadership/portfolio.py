"""The portfolio overview: the programme at a glance, and what is off track and why (the default page)."""

from __future__ import annotations

import streamlit as st

from cxgov import charts
from cxgov.models import Discipline, Health, Status
from cxgov.queries import portfolio as queries
from cxgov.ui.kit.chart_text import labels_of, separators
from cxgov.ui.kit.initiative_table import initiative_table
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.summary import render_summary
from cxgov.ui.kit.text import money_prefix, tr

# What a leader reads first: which initiative, how bad and why, who to ask; then where and since when.
ATTENTION_COLUMNS = ("title", "health", "reason", "owner", "checkin_date", "discipline", "status")


def render_welcome() -> None:
    """The empty database: what cxgov is, and the one-click demo portfolio."""
    from cxgov.ui.leadership.demo_offer import render_demo_offer  # only needed on an empty database

    st.subheader(tr("portfolio.empty.title"))
    st.markdown(tr("portfolio.empty.body"))
    render_demo_offer()


def render_portfolio() -> None:
    """The default page: the programme at a glance, and what is off track and why."""
    st.title(tr("page.portfolio"))
    if read(queries.summary).iloc[0]["total"] == 0:
        render_welcome()
        return
    st.caption(tr("portfolio.subtitle"))
    render_summary()
    left, right = st.columns([3, 2])
    left.plotly_chart(
        charts.discipline_status_chart(
            read(queries.by_discipline_and_status),
            title=tr("portfolio.chart.by_discipline"),
            discipline_labels=labels_of(Discipline),
            status_labels=labels_of(Status),
            count_label=tr("portfolio.axis.initiatives"),
            separators=separators(),
        ),
        key="chart_discipline_status",
    )
    right.plotly_chart(
        charts.health_chart(
            read(queries.by_health),
            title=tr("portfolio.chart.by_health"),
            health_labels=labels_of(Health) | {queries.NO_UPDATE: tr("portfolio.no_update")},
            separators=separators(),
        ),
        key="chart_health",
    )
    st.plotly_chart(
        charts.budget_chart(
            read(queries.budget_by_discipline),
            title=tr("portfolio.chart.budget"),
            discipline_labels=labels_of(Discipline),
            planned_label=tr("portfolio.planned"),
            actual_label=tr("portfolio.actual"),
            amount_label=tr("portfolio.axis.amount"),
            separators=separators(),
            money_prefix=money_prefix(),
        ),
        key="chart_budget",
    )
    heading = tr("portfolio.attention.header")
    st.subheader(heading)
    attention = read(queries.needing_attention)
    if attention.empty:
        st.success(tr("portfolio.attention.none"))
        return
    initiative_table(attention, ATTENTION_COLUMNS, key="attention_table", caption=heading)


# What a leader reads first: which initiative, how bad and why, who to ask; then where and since when.
ATTENTION_COLUMNS = ("title", "health", "reason", "owner", "checkin_date", "discipline", "status")
