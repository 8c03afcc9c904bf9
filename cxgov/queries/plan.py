"""Plan and team reads for the initiative page: milestones, risks by score, dependencies both ways (the
blockers flagged when they endanger this initiative), the team, and the actions of a cycle's plan.

`today` is a parameter (not read inside) so the page's cache is keyed on the day: an overdue mark appears
the morning after the due date, not at the next write.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.models import (
    Health,
    Initiative,
    InitiativeDependency,
    InitiativeMember,
    Milestone,
    Person,
    PlanAction,
    Risk,
    Status,
)
from cxgov.queries.base import code_text, latest_check_ins, read_frame

# Why a blocker is flagged, in the order the rules are tried (the first that holds is the reason shown).
FLAG_RED, FLAG_LATE, FLAG_MILESTONE_OVERDUE = "blocker_red", "blocker_late", "blocker_milestone_overdue"


def _overdue(due, done, today: date) -> sa.ColumnElement:
    """Due before today and not done; false (not null) when there is no due date."""
    return sa.case((sa.and_(done.is_(None), due < today), True), else_=False)


def _with_overdue(frame: pd.DataFrame) -> pd.DataFrame:
    frame["overdue"] = frame["overdue"].astype(bool)  # SQLite hands back 0/1
    return frame


def milestones(session: Session, initiative_id: int, today: date) -> pd.DataFrame:
    """The initiative's milestones by due date, each with `overdue` (due before today and not done)."""
    return _with_overdue(
        read_frame(
            session,
            sa.select(
                Milestone.id,
                Milestone.title,
                Milestone.due_on,
                Milestone.done_on,
                Milestone.version,
                _overdue(Milestone.due_on, Milestone.done_on, today).label("overdue"),
            )
            .where(Milestone.initiative_id == initiative_id)
            .order_by(Milestone.due_on, Milestone.id),
        )
    )


def risks(session: Session, initiative_id: int) -> pd.DataFrame:
    """The initiative's risks, open ones first, each group by score (probability × impact) high to low."""
    score = (Risk.probability * Risk.impact).label("score")
    return read_frame(
        session,
        sa.select(
            Risk.id,
            Risk.title,
            Risk.probability,
            Risk.impact,
            score,
            Risk.mitigation,
            Risk.owner_id,
            Person.name.label("owner"),
            Risk.closed_on,
            Risk.version,
        )
        .outerjoin(Person, Person.id == Risk.owner_id)
        .where(Risk.initiative_id == initiative_id)
        .order_by(Risk.closed_on.is_not(None), sa.desc("score"), Risk.id),
    )


def blocked_by(session: Session, initiative_id: int, today: date) -> pd.DataFrame:
    """The initiatives this one waits for: title, status, target date, latest reported health, and `flag`
    (a FLAG_* reason key, or None). A completed blocker has delivered and is never flagged."""
    latest = latest_check_ins()
    overdue = (
        sa.select(Milestone.initiative_id, sa.func.count().label("n"))
        .where(Milestone.done_on.is_(None), Milestone.due_on < today)
        .group_by(Milestone.initiative_id)
        .subquery("overdue_milestones")
    )
    open_work = Initiative.status != Status.COMPLETED.value
    flag = sa.case(
        (sa.and_(open_work, code_text(latest.c.health) == Health.RED.value), FLAG_RED),
        (sa.and_(open_work, Initiative.target_date < today), FLAG_LATE),
        (sa.and_(open_work, overdue.c.n > 0), FLAG_MILESTONE_OVERDUE),
        else_=None,
    )
    return read_frame(
        session,
        sa.select(
            Initiative.id,
            Initiative.title,
            code_text(Initiative.status).label("status"),
            Initiative.target_date,
            code_text(latest.c.health).label("health"),
            latest.c.checkin_date,
            InitiativeDependency.note,
            flag.label("flag"),
        )
        .join(Initiative, Initiative.id == InitiativeDependency.blocked_by_id)
        .outerjoin(latest, latest.c.initiative_id == Initiative.id)
        .outerjoin(overdue, overdue.c.initiative_id == Initiative.id)
        .where(InitiativeDependency.initiative_id == initiative_id)
        .order_by(sa.func.lower(Initiative.title)),
    )


def blocking(session: Session, initiative_id: int) -> pd.DataFrame:
    """The initiatives that wait for this one: title, status, target date and the note of the dependency."""
    return read_frame(
        session,
        sa.select(
            Initiative.id,
            Initiative.title,
            code_text(Initiative.status).label("status"),
            Initiative.target_date,
            InitiativeDependency.note,
        )
        .join(Initiative, Initiative.id == InitiativeDependency.initiative_id)
        .where(InitiativeDependency.blocked_by_id == initiative_id)
        .order_by(sa.func.lower(Initiative.title)),
    )


def team(session: Session, initiative_id: int) -> pd.DataFrame:
    """The team: person id, name, whether they are still active, and their role on the initiative."""
    return read_frame(
        session,
        sa.select(
            Person.id.label("person_id"),
            Person.name,
            Person.active,
            InitiativeMember.role_on_initiative,
        )
        .join(Person, Person.id == InitiativeMember.person_id)
        .where(InitiativeMember.initiative_id == initiative_id)
        .order_by(Person.name, Person.id),
    )


def plan_actions(session: Session, cycle_id: int, today: date) -> pd.DataFrame:
    """The actions of one cycle's plan by due date (undated last), with owner, cost and `overdue`."""
    return _with_overdue(
        read_frame(
            session,
            sa.select(
                PlanAction.id,
                PlanAction.description,
                PlanAction.owner_id,
                Person.name.label("owner"),
                PlanAction.due_on,
                PlanAction.cost_cents,
                PlanAction.done_on,
                PlanAction.version,
                _overdue(PlanAction.due_on, PlanAction.done_on, today).label("overdue"),
            )
            .outerjoin(Person, Person.id == PlanAction.owner_id)
            .where(PlanAction.cycle_id == cycle_id)
            .order_by(PlanAction.due_on.is_(None), PlanAction.due_on, PlanAction.id),
        )
    )


def initiative_choices(session: Session, initiative_id: int) -> pd.DataFrame:
    """Other initiatives this one could be blocked by (id, title, status), by title."""
    return read_frame(
        session,
        sa.select(Initiative.id, Initiative.title, code_text(Initiative.status).label("status"))
        .where(Initiative.id != initiative_id)
        .order_by(sa.func.lower(Initiative.title), Initiative.id),
    )
