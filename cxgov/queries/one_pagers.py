"""Reads for the board pack's one-pagers that no other module batches: the last check-ins and the open milestones
of several initiatives at once, one statement each however many initiatives are asked for."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.models import CheckIn, Milestone
from cxgov.queries.base import code_text, read_frame


def recent_check_ins(session: Session, initiative_ids: Collection[int], *, per_initiative: int) -> pd.DataFrame:
    """The latest `per_initiative` check-ins of each initiative, newest first: what was reported, what happened and
    what comes next."""
    ranked = sa.select(
        CheckIn.initiative_id,
        CheckIn.checkin_date.label("date"),
        code_text(CheckIn.health).label("health"),
        CheckIn.reason,
        CheckIn.summary,
        CheckIn.next_steps,
        sa.func.row_number()
        .over(partition_by=CheckIn.initiative_id, order_by=(CheckIn.checkin_date.desc(), CheckIn.id.desc()))
        .label("recency"),
    ).where(CheckIn.initiative_id.in_(list(initiative_ids)))
    ranked = ranked.subquery("ranked_check_in")
    return read_frame(
        session,
        sa.select(*(c for c in ranked.c if c.name != "recency"))
        .where(ranked.c.recency <= per_initiative)
        .order_by(ranked.c.initiative_id, ranked.c.recency),
    )


def open_milestones(session: Session, initiative_ids: Collection[int], *, today: date) -> pd.DataFrame:
    """The milestones not yet reached of each initiative, the earliest due first; overdue: due before `today`."""
    frame = read_frame(
        session,
        sa.select(
            Milestone.initiative_id,
            Milestone.title.label("milestone"),
            Milestone.due_on,
            sa.case((Milestone.due_on < today, True), else_=False).label("overdue"),
        )
        .where(Milestone.initiative_id.in_(list(initiative_ids)), Milestone.done_on.is_(None))
        .order_by(Milestone.initiative_id, Milestone.due_on, Milestone.id),
    )
    return frame.astype({"overdue": bool})  # SQLite hands back 0/1
