"""Claimed against actual, for the Measurement page: per KPI how many open initiatives claim a gain and how much,
against how the KPI moved year on year, with a sentence per KPI and the double-counting caption."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.queries import impact as queries
from cxgov.ui.kit.runtime import READ_AREAS, read
from cxgov.ui.kit.text import counted, tr
from cxgov.ui.programs.impact import estimate_text, signed

CLAIM_AREAS = (*READ_AREAS, "kpis")


def movement_text(row) -> str:
    """ "+3 ± 5 (within noise)", "+2 (no sample behind it: no interval)" or "not measurable"."""
    if row.moved is None or pd.isna(row.moved):
        return tr("claims.not_measurable")
    moved = estimate_text(row.moved, row.low, row.high)
    return f"{moved} ({tr(f'impact.verdict.{row.verdict}')})"


def claim_sentence(row) -> str:
    """ "9 initiatives claim +14 NPS; NPS moved +3 ± 5 (within noise)"."""
    claim = counted("claims.claim", int(row.initiatives), gain=signed(row.claimed), kpi=row.code)
    return tr("claims.sentence", claim=claim, kpi=row.code, moved=movement_text(row))


def render_claimed_vs_actual() -> None:
    """The table of claimed gains against each KPI's movement, a sentence per KPI and the caption."""
    frame = read(queries.claimed_vs_actual, CLAIM_AREAS)
    if frame.empty:
        st.caption(tr("claims.none"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                tr("claims.col.kpi"): [f"{r.code} · {r.name}" for r in frame.itertuples()],
                tr("claims.col.initiatives"): frame["initiatives"],
                tr("claims.col.claimed"): [signed(v) for v in frame["claimed"]],
                tr("claims.col.moved"): [movement_text(r) for r in frame.itertuples()],
                tr("claims.col.exceeds"): [tr("common.yes") if v else "" for v in frame["claims_exceed"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    for row in frame.itertuples():
        st.text(claim_sentence(row))
    st.caption(tr("claims.caption"))
