"""The owners' asks of the board at one meeting: every open initiative reported red or amber (the board hears
about it among the exceptions, so its owner may ask for help), and any other initiative an ask was written for,
with its owner, sponsor, reported health and the ask as it stands. One statement, however large the portfolio."""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.models import BoardAsk, Health, Initiative, Person
from cxgov.queries.base import CLOSED, NO_UPDATE, code_text, latest_check_ins, read_frame

ASK_COLUMNS = (
    "initiative_id",
    "title",
    "owner_id",
    "owner",
    "sponsor_id",
    "sponsor",
    "health",
    "reason",
    "ask",
    "version",  # the ask's version; None while none is written
    "updated_at",
    "updated_by",
)
ASKING_HEALTH = (Health.RED.value, Health.AMBER.value)


def board_asks(session: Session, meeting_id: int) -> pd.DataFrame:
    """The initiatives that may ask the board something at `meeting_id`, red first, then amber, then the rest
    (an ask written while the initiative was red stays on the record), each by title."""
    latest = latest_check_ins()
    owner, sponsor, writer = aliased(Person, name="owner"), aliased(Person, name="sponsor"), aliased(Person)
    health = sa.func.coalesce(code_text(latest.c.health), NO_UPDATE)
    reported_trouble = sa.and_(code_text(Initiative.status).not_in(CLOSED), health.in_(ASKING_HEALTH))
    worst_first = sa.case((health == Health.RED.value, 0), (health == Health.AMBER.value, 1), else_=2)
    query = (
        sa.select(
            Initiative.id,
            Initiative.title,
            Initiative.owner_id,
            owner.name,
            Initiative.sponsor_id,
            sponsor.name,
            health,
            sa.func.coalesce(latest.c.reason, ""),
            sa.func.coalesce(BoardAsk.ask, ""),
            BoardAsk.version,
            BoardAsk.updated_at,
            writer.name,
        )
        .join(owner, owner.id == Initiative.owner_id)
        .outerjoin(sponsor, sponsor.id == Initiative.sponsor_id)
        .outerjoin(latest, latest.c.initiative_id == Initiative.id)
        .outerjoin(BoardAsk, sa.and_(BoardAsk.initiative_id == Initiative.id, BoardAsk.meeting_id == meeting_id))
        .outerjoin(writer, writer.id == BoardAsk.updated_by_id)
        .where(sa.or_(reported_trouble, BoardAsk.meeting_id.is_not(None)))
        .order_by(worst_first, Initiative.title, Initiative.id)
    )
    return read_frame(session, query, ASK_COLUMNS)
