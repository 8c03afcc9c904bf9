"""My work: what needs one person on their initiatives — check-ins due, milestones and plan actions due, moves
waiting, blockers — most urgent first; and the action items governance meetings gave them. A fixed number of
statements, whatever the portfolio's size."""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.dates import days_after
from cxgov.models import (
    CLOSED_STATUSES,
    ActionItem,
    ActionStatus,
    CheckIn,
    Initiative,
    InitiativeMember,
    Lane,
    Meeting,
    Milestone,
    PdcaCycle,
    Phase,
    PlanAction,
    Status,
    StatusMove,
    StatusTransition,
)
from cxgov.queries.base import latest_check_ins
from cxgov.queries.health import assess
from cxgov.rules.health import RUNNING

COLUMNS = ("kind", "id", "title", "when", "subject")
# Kinds of work, in the order they are listed when equally urgent.
KINDS = (
    "check_in_due",
    "milestone_due",
    "action_due",
    "info_requested",
    "decision_waiting",
    "ready_for_do",
    "approval_waiting",
    "blocked",
)
LOOK_AHEAD_DAYS = 14  # milestones and actions due within two weeks are shown; a check-in due within a week
CHECK_IN_LOOK_AHEAD_DAYS = 7


def my_work(
    session: Session, *, person_id: int, may_approve: bool, today: date, cadence_days: int, spend_tolerance_pct: int
) -> pd.DataFrame:
    """One row per thing that needs the person: its kind, the initiative, the date that makes it urgent (a due
    date, or the day it started waiting) and its subject (a milestone's title, a blocker). Earliest first."""
    mine = _my_open_initiatives(session, person_id)
    titles = {row.id: row.title for row in mine}
    items = [
        *_check_ins_due(session, mine, today, cadence_days),
        *_milestones_due(session, list(titles), today),
        *_actions_due(session, person_id, today),
        *_questions_waiting(session, list(titles)),
        *_moves_waiting(session, list(titles)),
        *_blocked(session, list(titles), today, cadence_days, spend_tolerance_pct),
    ]
    if may_approve:
        items += _approvals_waiting(session)
    titles |= _titles(session, {initiative_id for _, initiative_id, *_ in items} - set(titles))
    rows = [(kind, initiative_id, titles[initiative_id], when, subject) for kind, initiative_id, when, subject in items]
    rows.sort(key=lambda r: (r[3], KINDS.index(r[0]), r[2].lower()))
    return pd.DataFrame(rows, columns=list(COLUMNS))


MEETING_ACTION_COLUMNS = (
    "id",
    "text",
    "due_on",
    "meeting_id",
    "body",
    "quarter",
    "initiative_id",
    "initiative_title",
    "version",
)


def meeting_actions_due(session: Session, *, person_id: int, today: date) -> pd.DataFrame:
    """The person's open meeting action items that are overdue or due within LOOK_AHEAD_DAYS, earliest first,
    with the meeting that gave them and the initiative they concern (if any). One statement."""
    rows = session.execute(
        sa.select(
            ActionItem.id,
            ActionItem.text,
            ActionItem.due_on,
            ActionItem.meeting_id,
            Meeting.body,
            Meeting.quarter,
            ActionItem.initiative_id,
            Initiative.title,
            ActionItem.version,
        )
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .outerjoin(Initiative, Initiative.id == ActionItem.initiative_id)
        .where(
            ActionItem.owner_id == person_id,
            ActionItem.status == ActionStatus.OPEN,
            ActionItem.due_on <= days_after(today, LOOK_AHEAD_DAYS),
        )
        .order_by(ActionItem.due_on, ActionItem.id)
    ).all()
    frame = pd.DataFrame([tuple(row) for row in rows], columns=list(MEETING_ACTION_COLUMNS))
    return frame.astype({"initiative_id": "Int64"})


def _my_open_initiatives(session: Session, person_id: int) -> list:
    member = sa.select(InitiativeMember.initiative_id).where(InitiativeMember.person_id == person_id)
    return session.execute(
        sa.select(
            Initiative.id, Initiative.title, Initiative.status, Initiative.start_date, Initiative.created_at
        ).where(
            sa.or_(Initiative.owner_id == person_id, Initiative.sponsor_id == person_id, Initiative.id.in_(member)),
            Initiative.status.not_in(list(CLOSED_STATUSES)),
        )
    ).all()


def _titles(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(sa.select(Initiative.id, Initiative.title).where(Initiative.id.in_(ids))).all())


def _check_ins_due(session: Session, mine: list, today: date, cadence_days: int) -> list[tuple]:
    running = [row for row in mine if Status(row.status) in RUNNING]
    if not running:
        return []
    last = dict(
        session.execute(
            sa.select(CheckIn.initiative_id, sa.func.max(CheckIn.checkin_date))
            .where(CheckIn.initiative_id.in_([r.id for r in running]))
            .group_by(CheckIn.initiative_id)
        ).all()
    )
    items = []
    for row in running:
        due = days_after(last.get(row.id) or row.start_date or row.created_at.date(), cadence_days)
        if due <= days_after(today, CHECK_IN_LOOK_AHEAD_DAYS):
            items.append(("check_in_due", row.id, due, ""))
    return items


def _milestones_due(session: Session, ids: list[int], today: date) -> list[tuple]:
    return [
        ("milestone_due", initiative_id, due_on, title)
        for initiative_id, due_on, title in session.execute(
            sa.select(Milestone.initiative_id, Milestone.due_on, Milestone.title).where(
                Milestone.initiative_id.in_(ids),
                Milestone.done_on.is_(None),
                Milestone.due_on <= days_after(today, LOOK_AHEAD_DAYS),
            )
        )
    ]


def _actions_due(session: Session, person_id: int, today: date) -> list[tuple]:
    """Plan actions the person owns, on any initiative's open cycle."""
    return [
        ("action_due", initiative_id, due_on, description)
        for initiative_id, due_on, description in session.execute(
            sa.select(PdcaCycle.initiative_id, PlanAction.due_on, PlanAction.description)
            .join(PdcaCycle, PdcaCycle.id == PlanAction.cycle_id)
            .join(Initiative, Initiative.id == PdcaCycle.initiative_id)
            .where(
                PlanAction.owner_id == person_id,
                PlanAction.done_on.is_(None),
                PdcaCycle.closed_on.is_(None),
                PlanAction.due_on <= days_after(today, LOOK_AHEAD_DAYS),
                Initiative.status.not_in(list(CLOSED_STATUSES)),
            )
        )
    ]


def _moves_waiting(session: Session, ids: list[int]) -> list[tuple]:
    """A project in Act waits for its decision; an approved project still in Plan may start Do."""
    items = []
    for initiative_id, status, phase, plan_on, act_on in session.execute(
        sa.select(
            Initiative.id, Initiative.status, PdcaCycle.phase, PdcaCycle.plan_started_on, PdcaCycle.act_started_on
        )
        .join(PdcaCycle, sa.and_(PdcaCycle.initiative_id == Initiative.id, PdcaCycle.closed_on.is_(None)))
        .where(Initiative.id.in_(ids), Initiative.lane == Lane.PROJECT)
    ):
        if Phase(phase) is Phase.ACT:
            items.append(("decision_waiting", initiative_id, act_on or plan_on, ""))
        elif Phase(phase) is Phase.PLAN and Status(status) is Status.APPROVED:
            items.append(("ready_for_do", initiative_id, plan_on, ""))
    return [item for item in items if item[2] is not None]


def _latest_status_moves() -> sa.Subquery:
    """Each initiative's newest status move (its move and reason)."""
    ranked = sa.select(
        StatusTransition.initiative_id,
        StatusTransition.move,
        StatusTransition.reason,
        StatusTransition.moved_at,
        sa.func.row_number()
        .over(partition_by=StatusTransition.initiative_id, order_by=StatusTransition.id.desc())
        .label("rank"),
    ).subquery("ranked_move")
    return sa.select(ranked).where(ranked.c.rank == 1).subquery("latest_move")


def _questions_waiting(session: Session, ids: list[int]) -> list[tuple]:
    """Proposals of the person's whose approver asked a question that is not answered yet."""
    latest = _latest_status_moves()
    return [
        ("info_requested", initiative_id, moved_at.date(), question)
        for initiative_id, moved_at, question in session.execute(
            sa.select(latest.c.initiative_id, latest.c.moved_at, latest.c.reason)
            .join(Initiative, Initiative.id == latest.c.initiative_id)
            .where(
                latest.c.initiative_id.in_(ids),
                latest.c.move == StatusMove.ASK_INFO,
                Initiative.status == Status.PROPOSED,
            )
        )
    ]


def _approvals_waiting(session: Session) -> list[tuple]:
    """Project proposals waiting to be funded, for the people who approve — not while a question to the owner is
    open (then the proposal waits for the owner); an answer given is shown as the subject."""
    latest = _latest_status_moves()
    return [
        ("approval_waiting", initiative_id, created_at.date(), answer or "")
        for initiative_id, created_at, answer in session.execute(
            sa.select(
                Initiative.id,
                Initiative.created_at,
                sa.case((latest.c.move == StatusMove.ANSWER_INFO, latest.c.reason), else_=None),
            )
            .outerjoin(latest, latest.c.initiative_id == Initiative.id)
            .where(
                Initiative.status == Status.PROPOSED,
                Initiative.lane == Lane.PROJECT,
                sa.or_(latest.c.move.is_(None), latest.c.move != StatusMove.ASK_INFO),
            )
        )
    ]


def _blocked(session: Session, ids: list[int], today: date, cadence_days: int, spend_tolerance_pct: int) -> list[tuple]:
    """A blocker named in the latest check-in, or an initiative this one waits for that is red or late."""
    if not ids:
        return []
    latest = latest_check_ins()
    items = [
        ("blocked", initiative_id, checkin_date, blocker)
        for initiative_id, checkin_date, blocker in session.execute(
            sa.select(latest.c.initiative_id, latest.c.checkin_date, latest.c.blocker).where(
                latest.c.initiative_id.in_(ids), latest.c.blocker != ""
            )
        )
    ]
    judged = assess(
        session, initiative_ids=ids, today=today, cadence_days=cadence_days, spend_tolerance_pct=spend_tolerance_pct
    )
    for initiative_id, assessment in judged.items():
        items += [
            ("blocked", initiative_id, today, signal.params["title"])
            for signal in assessment.delivery
            if signal.rule == "blocked"
        ]
    return items
