"""The bulk update grid itself: the title, owner and derived health read-only beside the editable reported
health, reason, progress and target date."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import Health
from cxgov.rules.bulk import EDITABLE, cell
from cxgov.ui.kit.initiative_table import derived_text
from cxgov.ui.kit.text import label, tr
from cxgov.ui.programs.bulk_grid import Grid
from cxgov.ui.programs.health import derived_codes

TITLE_WIDTH = 320  # px: the title, owner, both healths, reason, progress and date fit a 1440 px window


def _frame(grid: Grid) -> pd.DataFrame:
    """The grid's data: the draft values, indexed by initiative id."""
    ids = list(grid.seen)
    derived = derived_codes(ids)  # what the rules say, beside the health the person reports
    frame = pd.DataFrame(
        {
            "title": [grid.seen[i].title for i in ids],
            "owner": [grid.seen[i].owner for i in ids],
            "derived": [derived_text(derived[i]) for i in ids],
            **{name: [grid.draft[i][name] for i in ids] for name in EDITABLE},
        },
        index=pd.Index(ids, name="id"),
    )
    frame["progress_pct"] = frame["progress_pct"].astype("Int64")
    return frame


def column_labels() -> dict[str, str]:
    return {
        "health": tr("programs.field.health"),
        "reason": tr("programs.checkin.reason"),
        "progress_pct": tr("programs.field.progress"),
        "target_date": tr("programs.field.target_date"),
        "override_reason": tr("bulk.field.override_reason"),
    }


def render_editor(grid: Grid) -> dict[int, dict]:
    """The grid; returns initiative id -> the values now shown in its row."""
    labels = column_labels()
    healths = {h.value: label(h) for h in Health}
    config = {
        # Text, not a LinkColumn: a grid link opens a new tab, a new session (the links are below the grid).
        "title": st.column_config.TextColumn(tr("portfolio.col.title"), width=TITLE_WIDTH),
        "owner": st.column_config.TextColumn(tr("programs.field.owner"), width=150),
        "derived": st.column_config.TextColumn(tr("health.col.derived"), width=120, help=tr("bulk.derived_help")),
        "health": st.column_config.SelectboxColumn(
            labels["health"], options=list(healths), format_func=healths.get, width=120
        ),
        "reason": st.column_config.TextColumn(labels["reason"], width=320),
        "progress_pct": st.column_config.NumberColumn(
            labels["progress_pct"], min_value=0, max_value=100, step=1, format="%d%%", width=110
        ),
        "target_date": st.column_config.DateColumn(labels["target_date"], format="DD-MM-YYYY", width=120),
    }
    edited = st.data_editor(
        _frame(grid),
        key=grid.editor_key(),
        column_config=config,
        hide_index=True,
        disabled=["title", "owner", "derived"],
        num_rows="fixed",
        width="stretch",
    )
    # The returned frame keeps the index it was given: the frozen snapshot's ids, whatever the row positions.
    return {int(i): {name: cell(name, row[name]) for name in EDITABLE} for i, row in edited.iterrows()}
