"""The actions of the open PDCA cycle's plan, shown in the PDCA record: what, who, by when, cost, done; added,
changed and marked done by who may edit the initiative."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from cxgov.queries import plan as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.services import plan as plan_service
from cxgov.ui.kit.initiative_table import day_cell, text_cell
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import money, tr
from cxgov.ui.programs.plan.pieces import AREAS, active_people, add_form, attention_table, change_or_finish, states


def render_plan_actions(d: InitiativeDetail, cycle_id: int, may_edit: bool) -> None:
    """The actions of the cycle's plan (what, who, by when, cost, done); add and mark done when `may_edit`."""
    st.markdown(f"**{tr('plan.actions')}**")
    frame = read(queries.plan_actions, AREAS, cycle_id=cycle_id, today=date.today())
    if frame.empty:
        st.caption(tr("plan.actions.none"))
    else:
        costs = [None if pd.isna(c) else int(c) for c in frame["cost_cents"]]
        table = pd.DataFrame(
            {
                tr("plan.field.description"): frame["description"],
                tr("plan.field.owner_id"): [text_cell(v) for v in frame["owner"]],
                tr("plan.field.due_on"): [day_cell(v) for v in frame["due_on"]],
                tr("plan.field.cost_cents"): [money(c) for c in costs],
                tr("plan.col.state"): states(frame),
            }
        )
        attention_table(table, frame["overdue"].tolist(), tr("plan.col.state"))
        done = int(frame["done_on"].notna().sum())
        st.caption(tr("plan.actions.summary", done=done, total=len(frame), cost=money(sum(c or 0 for c in costs))))
    if may_edit:
        _action_forms(d, frame)


def _action_fields(key: str, people: dict[int, str], row=None) -> dict:
    """What, who, by when and the cost of a plan action; empty for a new one, else as stored in `row`."""
    what, who = st.columns([2, 1])
    when, cost = st.columns([1, 1])
    owner = None if row is None or pd.isna(row.owner_id) else int(row.owner_id)
    cents = None if row is None or pd.isna(row.cost_cents) else int(row.cost_cents)
    return {
        "description": what.text_input(
            tr("plan.field.description"), value="" if row is None else row.description, key=f"{key}_description"
        ),
        "owner_id": who.selectbox(
            tr("plan.field.owner_id"),
            list(people),
            format_func=people.__getitem__,
            index=list(people).index(owner) if owner in people else None,
            key=f"{key}_owner",
            placeholder=tr("plan.choose"),
        ),
        "due_on": when.date_input(
            tr("plan.field.due_on"),
            format="DD-MM-YYYY",
            key=f"{key}_due",
            value=None if row is None or pd.isna(row.due_on) else row.due_on,
        ),
        # Typed back as the amount in euros with a decimal point, which the money parser reads unambiguously.
        "cost_cents": cost.text_input(
            tr("plan.field.cost_cents"),
            placeholder=tr("programs.amount_hint"),
            value="" if cents is None else f"{cents / 100:.2f}",
            key=f"{key}_cost",
        ),
    }


def _action_forms(d: InitiativeDetail, frame: pd.DataFrame) -> None:
    people = active_people()
    with st.expander(tr("plan.actions.change"), icon=":material/checklist:"):
        add_form(
            d,
            f"plan_action_new_{d.id}",
            "plan.actions.add",
            lambda key: _action_fields(key, people),
            plan_service.add_plan_action,
        )
        change_or_finish(
            d,
            frame,
            "action",
            "description",
            lambda key, row: _action_fields(key, people, row),
            plan_service.update_plan_action,
            plan_service.complete_plan_action,
            "action_id",
        )
