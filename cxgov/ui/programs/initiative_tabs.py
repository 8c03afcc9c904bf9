"""The check-ins, KPIs and budget tabs of the initiative page (read-only tables)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import ExpenseCategory, Health
from cxgov.queries import initiatives as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.ui.kit.initiative_table import health_text, text_cell
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import day, label, measure, money, month, tr
from cxgov.ui.programs.initiative_reads import DETAIL_AREAS


def render_check_ins(initiative_id: int) -> None:
    frame = read(queries.check_ins, DETAIL_AREAS, initiative_id=initiative_id)
    if frame.empty:
        st.caption(tr("programs.checkins.none"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                tr("programs.checkin.date"): [day(v) for v in frame["checkin_date"]],
                tr("programs.field.health"): [health_text(h) for h in frame["health"]],
                tr("programs.checkin.reason"): frame["reason"],
                tr("programs.field.progress"): [
                    text_cell(None if pd.isna(p) else int(p)) for p in frame["progress_pct"]
                ],
                tr("programs.checkin.summary"): frame["summary"],
                tr("programs.checkin.next_steps"): frame["next_steps"],
                tr("programs.checkin.blocker"): [text_cell(v) for v in frame["blocker"]],
                tr("health.col.derived"): [
                    text_cell(v) if pd.isna(v) else label(Health(v)) for v in frame["derived_health"]
                ],
                tr("health.col.override_reason"): [text_cell(v) for v in frame["override_reason"]],
                tr("programs.checkin.author"): frame["author"],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def render_kpis(initiative_id: int) -> None:
    frame = read(queries.kpi_links, DETAIL_AREAS, initiative_id=initiative_id)
    if frame.empty:
        st.caption(tr("programs.kpis.none"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                tr("programs.kpi.code"): frame["code"],
                tr("programs.kpi.name"): frame["name"],
                tr("programs.kpi.baseline"): [measure(v) for v in frame["baseline"]],
                tr("programs.kpi.target"): [measure(v) for v in frame["target"]],
                tr("programs.kpi.latest"): [measure(v) for v in frame["latest_value"]],
                tr("programs.kpi.latest_period"): [month(v) for v in frame["latest_period"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def render_budget(d: InitiativeDetail) -> None:
    tiles = st.columns(3)
    tiles[0].metric(tr("programs.col.planned"), money(d.planned_cents))
    tiles[1].metric(tr("programs.col.actual"), money(d.actual_cents))
    tiles[2].metric(tr("programs.budget.variance"), money(d.actual_cents - d.planned_cents))
    quarters = read(queries.budget_by_quarter, DETAIL_AREAS, initiative_id=d.id)
    if not quarters.empty:
        st.dataframe(
            pd.DataFrame(
                {
                    tr("programs.budget.period"): [
                        f"{y} Q{q}" for y, q in zip(quarters["year"], quarters["quarter"], strict=True)
                    ],
                    tr("programs.col.planned"): [money(int(v)) for v in quarters["planned_cents"]],
                    tr("programs.col.actual"): [money(int(v)) for v in quarters["actual_cents"]],
                    tr("programs.budget.variance"): [money(int(v)) for v in quarters["variance_cents"]],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    spent = read(queries.expenses, DETAIL_AREAS, initiative_id=d.id)
    st.markdown(f"**{tr('programs.expenses')}**")
    if spent.empty:
        st.caption(tr("programs.expenses.none"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                tr("programs.expense.date"): [day(v) for v in spent["spent_on"]],
                tr("programs.expense.amount"): [money(int(v)) for v in spent["amount_cents"]],
                tr("programs.expense.category"): [label(ExpenseCategory(c)) for c in spent["category"]],
                tr("programs.expense.note"): [_expense_note(r) for r in spent.itertuples()],
                tr("programs.expense.booked_by"): [text_cell(v) for v in spent["booked_by"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def _expense_note(expense) -> str:
    """The note, and for a credit first what it is and why ("Credit: supplier credit note")."""
    if expense.amount_cents >= 0:
        return expense.note
    credit = tr("credit.shown", reason=expense.correction_reason)
    return f"{credit} · {expense.note}" if expense.note else credit
