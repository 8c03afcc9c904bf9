"""My work: the landing page for managers and contributors — what needs them, most urgent first, and the
action items governance meetings gave them."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from cxgov.queries import my_work as queries
from cxgov.rules.permissions import Action
from cxgov.ui.frame.acting import acting_person, can
from cxgov.ui.kit.flash import show_flash
from cxgov.ui.kit.initiative_table import initiative_table
from cxgov.ui.kit.runtime import read, settings
from cxgov.ui.kit.text import counted, tr
from cxgov.ui.programs.health import HEALTH_AREAS
from cxgov.ui.programs.my_meeting_actions import MEETING_ACTION_AREAS, render_meeting_actions

WORK_AREAS = HEALTH_AREAS  # check-ins, milestones, plan actions, moves and dependencies
# The tiles: one per group of kinds, in the order a manager scans them.
TILES = (
    ("work.tile.check_ins", ("check_in_due",)),
    ("work.tile.due", ("milestone_due", "action_due", "meeting_action_due")),
    ("work.tile.waiting", ("info_requested", "decision_waiting", "ready_for_do", "approval_waiting")),
    ("work.tile.blocked", ("blocked",)),
)


WAITING_KINDS = frozenset({"info_requested", "decision_waiting", "ready_for_do", "approval_waiting", "blocked"})


def urgency(kind: str, when: date, today: date) -> str:
    """'3 days overdue', 'due today', 'due in 4 days' — or, for what is waiting, 'waiting 12 days'."""
    days = (when - today).days
    if kind in WAITING_KINDS:
        return counted("work.waiting", max(-days, 0))
    return counted("work.overdue", -days) if days < 0 else counted("work.due", days)


def render_my_work() -> None:
    st.title(tr("page.my_work"))
    show_flash()  # an action item just reported done
    person = acting_person()
    if person is None:
        st.info(tr("work.nobody"), icon=":material/person:")
        return
    current = settings()
    today = date.today()
    work = read(
        queries.my_work,
        WORK_AREAS,
        person_id=person.id,
        may_approve=can(Action.APPROVE_INITIATIVE),
        today=today,
        cadence_days=current.check_in_cadence_days,
        spend_tolerance_pct=current.spend_tolerance_pct,
    )
    actions = read(queries.meeting_actions_due, MEETING_ACTION_AREAS, person_id=person.id, today=today)
    st.caption(tr("work.caption", cadence=current.check_in_cadence_days, days=queries.LOOK_AHEAD_DAYS))
    counts = work["kind"].value_counts().to_dict() | {"meeting_action_due": len(actions)}
    tiles = st.columns(len(TILES))
    for tile, (key, kinds) in zip(tiles, TILES, strict=True):
        tile.metric(tr(key), sum(int(counts.get(kind, 0)) for kind in kinds))
    if work.empty and actions.empty:
        st.success(tr("work.nothing"), icon=":material/check_circle:")
        return
    if not work.empty:
        _initiative_work(work, today)
    if not actions.empty:
        render_meeting_actions(actions, [urgency("meeting_action_due", due_on, today) for due_on in actions["due_on"]])


def _initiative_work(work: pd.DataFrame, today: date) -> None:
    """What needs the person on their initiatives, one linked row each."""
    shown = pd.DataFrame(
        {
            "id": work["id"],
            "title": work["title"],
            "work_kind": work["kind"],
            "work_urgency": [urgency(k, w, today) for k, w in zip(work["kind"], work["when"], strict=True)],
            "work_when": work["when"],
            "work_subject": work["subject"],
        }
    )
    # How urgent comes first: the list is read top-down as a to-do list, then what and on which initiative.
    initiative_table(
        shown,
        ("work_urgency", "work_kind", "title", "work_subject", "work_when"),
        key="my_work_table",
        caption=tr("page.my_work"),
    )
