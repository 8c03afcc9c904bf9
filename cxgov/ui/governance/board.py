"""The governance board's agenda, read from the data: proposals, red, on hold and overdue initiatives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from cxgov.queries import portfolio as queries
from cxgov.ui.kit.initiative_table import initiative_table
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import tr

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
