"""The initiative page's Decisions tab: what the governance bodies decided about the initiative (with each
decision's status) and the actions still open on it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.dates import today_in
from cxgov.models import DecisionKind, DecisionStatus
from cxgov.queries.actions import action_list
from cxgov.queries.decisions import decision_register
from cxgov.ui.governance.decisions import REGISTER_AREAS, STATUS_TINTS
from cxgov.ui.kit.initiative_table import day_cell, text_cell
from cxgov.ui.kit.link_table import TableColumn, link, link_table, text
from cxgov.ui.kit.runtime import read, settings
from cxgov.ui.kit.text import label, tr
from cxgov.ui.navigation import page_file

OVERDUE_TINT = "#f8d7d7"


def render_initiative_decisions(initiative_id: int) -> None:
    decisions = read(decision_register, REGISTER_AREAS, initiative_id=initiative_id)
    st.markdown(f"**{tr('decisions.of_initiative')}**")
    if decisions.empty:
        st.caption(tr("decisions.of_initiative.none"))
    else:
        _decisions(decisions, initiative_id)
    actions = read(action_list, REGISTER_AREAS, open_only=True, today=today_in(settings().time_zone))
    actions = actions[(actions["initiative_id"] == initiative_id).fillna(False).astype(bool)]
    st.markdown(f"**{tr('decisions.open_actions')}**")
    if actions.empty:
        st.caption(tr("decisions.open_actions.none"))
    else:
        _actions(actions, initiative_id)


def _decisions(frame: pd.DataFrame, initiative_id: int) -> None:
    columns = [
        TableColumn(tr("decisions.col.id"), "link"),
        TableColumn(tr("decisions.col.decided_on"), "date"),
        TableColumn(tr("decisions.col.kind")),
        TableColumn(tr("decisions.col.text"), "long"),
        TableColumn(tr("decisions.col.status"), "tint"),
        TableColumn(tr("decisions.col.review_on"), "date"),
        TableColumn(tr("decisions.col.meeting"), "link"),
    ]
    rows = [
        [
            link(f"#{int(d['id'])}", "decisions", int(d["id"])),
            text(day_cell(d["decided_on"])),
            text(label(DecisionKind(d["kind"]))),
            text(d["text"]),
            text(label(DecisionStatus(d["status"])), tint=STATUS_TINTS.get(d["status"])),
            text(day_cell(d["review_on"])),
            link(text_cell(d["meeting_quarter"]), "meeting", int(d["meeting_id"]))
            if not pd.isna(d["meeting_id"])
            else text("—"),
        ]
        for _, d in frame.iterrows()
    ]
    link_table(columns, rows, caption=tr("decisions.of_initiative"), key=f"initiative_decisions_{initiative_id}")
    st.page_link(
        page_file("decisions"),
        label=tr("decisions.open_register"),
        icon=":material/gavel:",
        query_params={"initiative": str(initiative_id)},
    )


def _actions(frame: pd.DataFrame, initiative_id: int) -> None:
    columns = [
        TableColumn(tr("decisions.action.text"), "long"),
        TableColumn(tr("decisions.action.owner")),
        TableColumn(tr("decisions.action.due_on"), "date"),
        TableColumn(tr("decisions.col.meeting"), "link"),
    ]
    rows = [
        [
            text(a["text"]),
            text(text_cell(a["owner"])),
            text(
                tr("decisions.action.overdue", day=day_cell(a["due_on"])) if a["overdue"] else day_cell(a["due_on"]),
                tint=OVERDUE_TINT if a["overdue"] else None,
            ),
            link(text_cell(a["meeting_quarter"]), "meeting", int(a["meeting_id"])),
        ]
        for _, a in frame.iterrows()
    ]
    link_table(columns, rows, caption=tr("decisions.open_actions"), key=f"initiative_actions_{initiative_id}")
