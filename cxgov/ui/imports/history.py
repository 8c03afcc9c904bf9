"""The recent imports under the Import tab: which files went in, when, by whom and what they added — also how an
analyst who refreshed the page during an import sees that it finished."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from cxgov.queries import measurement as queries
from cxgov.ui.kit.initiative_table import text_cell
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import moment, number, tr

HISTORY_AREAS = ("kpis",)  # an import changes the KPIs' data version: the list is read again after one


def per_kpi_text(rows_per_kpi: str) -> str:
    """ "KTV 1,204, RNPS 996" from the stored JSON (KPI code → rows added); a dash when nothing was added."""
    added = json.loads(rows_per_kpi or "{}")
    return ", ".join(f"{code} {number(rows, 0)}" for code, rows in sorted(added.items())) or "—"


def render_recent_imports() -> None:
    """The latest imported files, newest first."""
    st.subheader(tr("imports.history"))
    frame = read(queries.recent_imports, HISTORY_AREAS)
    if frame.empty:
        st.caption(tr("imports.history.none"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                tr("imports.history.when"): [moment(v) for v in frame["imported_at"]],
                tr("imports.history.kind"): [tr(f"imports.kind.{kind}") for kind in frame["kind"]],
                tr("imports.history.file"): frame["file_name"],
                tr("imports.history.by"): [text_cell(name) for name in frame["imported_by"]],
                tr("imports.history.added"): [number(n, 0) for n in frame["added"]],
                tr("imports.history.known"): [number(n, 0) for n in frame["known"]],
                tr("imports.history.per_kpi"): [per_kpi_text(v) for v in frame["per_kpi"]],
            }
        ),
        hide_index=True,
        width="stretch",
        key="import_history",
    )
    st.caption(tr("imports.history.caption", n=len(frame)))
