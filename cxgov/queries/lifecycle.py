"""The status history of an initiative: every status move, newest first."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.models import Person, StatusTransition

HISTORY_COLUMNS = ("moved_at", "move", "from_status", "to_status", "moved_by", "reason")


def status_history(session: Session, initiative_id: int) -> pd.DataFrame:
    """The initiative's status moves (when, which, from, to, by whom, why), newest first."""
    rows = session.execute(
        sa.select(
            StatusTransition.moved_at,
            sa.type_coerce(StatusTransition.move, sa.String),
            sa.type_coerce(StatusTransition.from_status, sa.String),
            sa.type_coerce(StatusTransition.to_status, sa.String),
            Person.name,
            StatusTransition.reason,
        )
        .outerjoin(Person, Person.id == StatusTransition.moved_by_id)
        .where(StatusTransition.initiative_id == initiative_id)
        .order_by(StatusTransition.id.desc())
    ).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=list(HISTORY_COLUMNS))
