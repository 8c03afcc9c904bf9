"""Claimed against actual, for the Measurement page: per KPI how many open initiatives claim a gain and how much,
against how the KPI moved year on year; the KPIs whose claims outrun the movement spelled out first."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.queries import impact as queries
from cxgov.ui.kit.runtime import READ_AREAS, read
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import counted, tr
from cxgov.ui.programs.impact import estimate_text, signed

CLAIM_AREAS = (*READ_AREAS, "kpis")
SHOWN_SENTENCES = 5  # the most-claimed KPIs spelled out; the table has every one


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
    """Where the claims outrun the movement (the most-claimed KPIs first, in a sentence each), the table of every
    KPI claimed on, and the caption."""
    frame = read(queries.claimed_vs_actual, CLAIM_AREAS)
    if frame.empty:
        st.caption(tr("claims.none"))
        return
    exceeding = frame[frame["claims_exceed"].astype(bool)].sort_values("initiatives", ascending=False, kind="stable")
    if not exceeding.empty:
        sentences = "\n".join(f"- {plain(claim_sentence(row))}" for row in exceeding.head(SHOWN_SENTENCES).itertuples())
        st.warning(
            counted("claims.exceeding", len(exceeding), total=len(frame)) + "\n\n" + sentences,
            icon=":material/warning:",
        )
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
    st.caption(tr("claims.caption"))
