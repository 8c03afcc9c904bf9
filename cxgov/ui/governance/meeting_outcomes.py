"""The meeting's Decisions & actions tab: what the meeting decided (with the initiative each decision is about
and whether it still stands) and the actions it gave, with their owners, due dates and what is overdue. The
forms recording them belong to presentation mode."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import ActionStatus, DecisionKind
from cxgov.queries.actions import action_list
from cxgov.queries.decisions import decision_register
from cxgov.queries.meetings import MeetingRecord
from cxgov.ui.governance.meeting_reads import MEETING_AREAS, today
from cxgov.ui.kit.link_table import TableColumn, link, link_table, text
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import day, label, tr

OVERDUE_TINT = "#f8d7d7"  # the health tables' red


def decisions_of(meeting_id: int) -> pd.DataFrame:
    """The meeting's decisions, oldest first (the order they were taken in)."""
    return read(decision_register, MEETING_AREAS, meeting_id=meeting_id).sort_values("id")


def actions_of(meeting_id: int) -> pd.DataFrame:
    """The meeting's actions, oldest first."""
    return read(action_list, MEETING_AREAS, meeting_id=meeting_id, today=today()).sort_values("id")


def _initiative(row) -> dict:
    if pd.isna(row.initiative_id):
        return text("—")
    return link(str(row.initiative_title), "initiative", int(row.initiative_id))


def _decisions(decisions: pd.DataFrame) -> None:
    columns = [
        TableColumn(tr("outcomes_tab.col.number")),
        TableColumn(tr("outcomes_tab.col.kind")),
        TableColumn(tr("outcomes_tab.col.decision"), "long"),
        TableColumn(tr("outcomes_tab.col.initiative"), "link"),
        TableColumn(tr("outcomes_tab.col.status")),
    ]
    rows = [
        [
            text(f"#{int(d.id)}"),
            text(label(DecisionKind(d.kind))),
            text(str(d.text)),
            _initiative(d),
            text(tr(f"enum.decisionstatus.{d.status}")),
        ]
        for d in decisions.itertuples()
    ]
    link_table(columns, rows, caption=tr("outcomes_tab.decisions"), key="meeting_decisions")


def _actions(actions: pd.DataFrame) -> None:
    columns = [
        TableColumn(tr("outcomes_tab.col.action"), "long"),
        TableColumn(tr("outcomes_tab.col.owner")),
        TableColumn(tr("outcomes_tab.col.due"), "date"),
        TableColumn(tr("outcomes_tab.col.status"), "tint"),
        TableColumn(tr("outcomes_tab.col.initiative"), "link"),
    ]
    rows = []
    for a in actions.itertuples():
        status = label(ActionStatus(a.status))
        overdue = bool(a.overdue)
        rows.append(
            [
                text(str(a.text)),
                text(str(a.owner)),
                text(day(a.due_on)),
                text(
                    tr("outcomes_tab.overdue", status=status) if overdue else status,
                    tint=OVERDUE_TINT if overdue else None,
                ),
                _initiative(a),
            ]
        )
    link_table(columns, rows, caption=tr("outcomes_tab.actions"), key="meeting_actions")


def render_outcomes(rec: MeetingRecord) -> None:
    decisions, actions = decisions_of(rec.id), actions_of(rec.id)
    st.subheader(tr("outcomes_tab.decisions_n", n=len(decisions)))
    if decisions.empty:
        st.caption(tr("outcomes_tab.no_decisions"))
    else:
        _decisions(decisions)
    st.subheader(tr("outcomes_tab.actions_n", n=len(actions)))
    if actions.empty:
        st.caption(tr("outcomes_tab.no_actions"))
    else:
        _actions(actions)
