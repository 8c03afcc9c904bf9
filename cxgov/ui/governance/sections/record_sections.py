"""The sections read from the board's own record: the opening (who attends, the quorum, the last meeting's
minutes), the follow-up (actions carried, say/do, decisions due for review) and any other business (the
agenda backlog)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import (
    ActionStatus,
    AgendaItemKind,
    AgendaItemStatus,
    Attendance,
    DecisionKind,
    DecisionStatus,
    MeetingRole,
    MeetingStatus,
)
from cxgov.queries.agenda_data import SectionData
from cxgov.ui.governance.sections.table import facts_row, section_table
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import label, tr

MEMBER_CODES = {"role": MeetingRole, "attendance": Attendance}
ACTION_CODES = {"status": ActionStatus}
REVIEW_CODES = {"kind": DecisionKind, "status": DecisionStatus}
BACKLOG_CODES = {"kind": AgendaItemKind, "status": AgendaItemStatus}
ACTION_COLUMNS = ("initiative_id", "initiative_title", "text", "owner", "due_on", "overdue", "meeting_quarter")
REVIEW_COLUMNS = ("initiative_id", "initiative_title", "kind", "text", "decided_on", "review_on", "status")
BACKLOG_COLUMNS = ("initiative_id", "initiative_title", "kind", "title", "kpi_name", "status", "meeting_quarter")


def _heading(text: str, large: bool) -> None:
    if large:
        st.subheader(text)
    else:
        st.markdown(f"**{text}**")


def _titled_table(section: SectionData, name: str, columns: tuple[str, ...], codes, *, large: bool, key: str) -> None:
    """One of the section's tables under its heading, with the columns the board reads, in their order."""
    frame = section.tables[name]
    _heading(tr(f"present.table.{name}"), large)
    section_table(
        frame[[c for c in columns if c in frame.columns]],
        caption=tr(f"present.table.{name}"),
        key=f"{key}_{name}",
        large=large,
        codes=codes,
    )


def _quorum(facts: dict) -> str:
    met = facts.get("quorum_met")
    return "—" if met is None else tr("present.yes") if met else tr("present.no")


def render_opening(section: SectionData, *, large: bool, key: str) -> None:
    facts = section.facts
    facts_row(
        {
            tr("present.fact.members"): str(facts.get("members", "—")),
            tr("present.fact.present"): str(facts.get("present", "—")),
            tr("present.fact.needed"): str(facts.get("needed", "—")),
            tr("present.fact.quorum_met"): _quorum(facts),
        },
        large=large,
    )
    # "name" heads the KPI's column elsewhere; here it is the person's
    members = section.tables["members"][["name", "role", "attendance"]].rename(columns={"name": "person"})
    section_table(members, caption=tr("present.table.members"), key=f"{key}_members", large=large, codes=MEMBER_CODES)
    if facts.get("previous_meeting_id") is None:
        st.caption(tr("present.opening.first"))
        return
    status = facts.get("previous_status")
    _heading(
        tr(
            "present.opening.minutes",
            quarter=plain(facts.get("previous_quarter")),
            status=label(MeetingStatus(status)) if status else "—",
        ),
        large,
    )
    minutes = facts.get("previous_minutes") or ""
    with st.container(border=True):
        st.markdown(plain(minutes) if minutes.strip() else f"*{tr('present.opening.no_minutes')}*")


def render_follow_up(section: SectionData, *, large: bool, key: str) -> None:
    facts = section.facts
    ratio = facts.get("say_do_ratio")
    facts_row(
        {
            tr("present.fact.actions_due"): str(facts.get("actions_due", 0)),
            tr("present.fact.done_on_time"): str(facts.get("done_on_time", 0)),
            tr("present.fact.say_do_ratio"): "—" if ratio is None or pd.isna(ratio) else f"{round(ratio * 100)}%",
        },
        large=large,
    )
    _titled_table(section, "actions", ACTION_COLUMNS, ACTION_CODES, large=large, key=key)
    _titled_table(section, "reviews", REVIEW_COLUMNS, REVIEW_CODES, large=large, key=key)


def render_other_business(section: SectionData, *, large: bool, key: str) -> None:
    _titled_table(section, "backlog", BACKLOG_COLUMNS, BACKLOG_CODES, large=large, key=key)
