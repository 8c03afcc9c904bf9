"""Leadership views: the portfolio overview and the governance board, plus the cached reads and summary tiles
that the discipline and programs pages share (the initiatives table lives in cxgov.ui.initiative_table)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import pandas as pd
import streamlit as st

from cxgov import charts
from cxgov.models import Discipline, Health, Status
from cxgov.queries import portfolio as queries
from cxgov.ui.initiative_table import initiative_table
from cxgov.ui.runtime import data_version, read_session, settings
from cxgov.ui.text import label, lang, money_prefix, money_whole, tr

READ_AREAS = ("initiatives", "budget", "people", "reference")  # what an initiative row is made of
SEPARATORS = {"en": ".,", "nl": ",."}  # plotly: decimal mark, then thousands separator


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(name: str, versions: tuple[int, ...], url: str, params: dict, _query: Callable) -> pd.DataFrame:
    with read_session() as session:
        return _query(session, **params)


def read(query: Callable[..., pd.DataFrame], areas: Sequence[str] = READ_AREAS, **params) -> pd.DataFrame:
    """`query(session, **params)`, cached per query, parameters, data versions of `areas` and database URL."""
    versions = tuple(data_version(area) for area in areas)
    return _cached(f"{query.__module__}.{query.__qualname__}", versions, settings().database_url, params, _query=query)


def separators() -> str:
    """Plotly's number separators for the user's language."""
    return SEPARATORS[lang()]


def labels_of(enum_class) -> dict[str, str]:
    """Code → translated label for every member of `enum_class` (for chart builders)."""
    return {member.value: label(member) for member in enum_class}


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


def render_welcome() -> None:
    """The empty database: what cxgov is, and the one-click demo portfolio."""
    from cxgov.ui.demo import render_demo_offer  # only needed on an empty database

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
# The board decides: for a proposal what it asks (money) and for whom; for the others why, and by when.
BOARD_SECTIONS: tuple[tuple[str, Callable, tuple[str, ...]], ...] = (
    (
        "board.proposals",
        queries.awaiting_approval,
        ("title", "planned_cents", "requesting_department", "owner", "discipline", "lane", "created_at"),
    ),
    (
        "board.red",
        queries.reported_red,
        ("title", "reason", "checkin_date", "owner", "target_date", "status", "discipline"),
    ),
    ("board.on_hold", queries.on_hold, ("title", "health", "reason", "owner", "target_date", "phase", "discipline")),
    ("board.overdue", queries.overdue, ("title", "target_date", "health", "status", "phase", "owner", "discipline")),
)


def render_board() -> None:
    """The governance board's agenda from the data: proposals, red, on hold and overdue initiatives."""
    st.title(tr("page.board"))
    st.caption(tr("board.subtitle"))
    for key, query, columns in BOARD_SECTIONS:
        params = {"today": date.today()} if query is queries.overdue else {}
        frame = read(query, **params)
        heading = tr(f"{key}.header", n=len(frame))
        st.subheader(heading)
        st.caption(tr(f"{key}.help"))
        if frame.empty:
            st.info(tr("board.none"))
        else:
            initiative_table(frame, columns, key=f"{key}_table", caption=heading)
