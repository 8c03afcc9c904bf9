"""The milestones of an initiative (Plan & team tab): due, done or overdue; added, changed and marked done by
who may edit the initiative."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from cxgov.queries import plan as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.services import plan as plan_service
from cxgov.ui.kit.initiative_table import day_cell
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import counted, tr
from cxgov.ui.programs.plan.pieces import AREAS, add_form, attention_table, change_or_finish, states


def render_milestones(d: InitiativeDetail, may_edit: bool) -> None:
    st.subheader(tr("plan.milestones"))
    frame = read(queries.milestones, AREAS, initiative_id=d.id, today=date.today())
    if frame.empty:
        st.caption(tr("plan.milestones.none"))
    else:
        late = int(frame["overdue"].sum())
        if late:
            st.warning(counted("plan.milestones.overdue_count", late), icon=":material/schedule:")
        table = pd.DataFrame(
            {
                tr("plan.field.title"): frame["title"],
                tr("plan.field.due_on"): [day_cell(v) for v in frame["due_on"]],
                tr("plan.col.state"): states(frame),
                tr("plan.field.done_on"): [day_cell(v) for v in frame["done_on"]],
            }
        )
        attention_table(table, frame["overdue"].tolist(), tr("plan.col.state"))
    if may_edit:
        _milestone_forms(d, frame)


def _milestone_forms(d: InitiativeDetail, frame: pd.DataFrame) -> None:
    with st.expander(tr("plan.milestones.change"), icon=":material/flag:"):
        add_form(d, f"plan_milestone_new_{d.id}", "plan.milestones.add", _milestone_fields, plan_service.add_milestone)
        change_or_finish(
            d,
            frame,
            "milestone",
            "title",
            _milestone_fields,
            plan_service.update_milestone,
            plan_service.complete_milestone,
            "milestone_id",
        )


def _milestone_fields(key: str, row=None) -> dict:
    """The title and due date of a milestone; empty for a new one, else as stored in `row`."""
    return {
        "title": st.text_input(tr("plan.field.title"), value="" if row is None else row.title, key=f"{key}_title"),
        "due_on": st.date_input(
            tr("plan.field.due_on"), value=None if row is None else row.due_on, format="DD-MM-YYYY", key=f"{key}_due_on"
        ),
    }
