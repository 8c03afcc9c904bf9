"""Action item reads: the actions list (by meeting, owner or body), the open actions a meeting's follow-up carries
from the earlier meetings of its body, and the say/do ratio of those due by the meeting. A fixed number of
statements each, however many actions exist.

`today` is a parameter (not read inside) so a page's cache is keyed on the day: an action turns overdue the
morning after its due date, not at the next write.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.dates import day_in
from cxgov.errors import NotFound
from cxgov.models import ActionItem, ActionStatus, Initiative, Meeting, Person
from cxgov.queries.base import code_text, read_frame
from cxgov.queries.meetings import earlier_meeting_ids, with_integer_ids
from cxgov.rules.meetings import SayDo, say_do
from cxgov.settings import get_settings

COLUMNS = (
    "id",
    "meeting_id",
    "meeting_quarter",
    "text",
    "owner_id",
    "owner",
    "due_on",
    "status",
    "closed_on",
    "closing_note",
    "overdue",
    "initiative_id",
    "initiative_title",
    "decision_id",
    "agenda_item_id",
    "version",
)


def _actions(session: Session, today: date, *conditions) -> pd.DataFrame:
    """The actions meeting `conditions`, the earliest due first; overdue: still open and due before today."""
    owner = aliased(Person, name="owner")
    overdue = sa.and_(ActionItem.status == ActionStatus.OPEN, ActionItem.due_on < today)
    frame = read_frame(
        session,
        sa.select(
            ActionItem.id,
            ActionItem.meeting_id,
            Meeting.quarter,
            ActionItem.text,
            ActionItem.owner_id,
            owner.name,
            ActionItem.due_on,
            code_text(ActionItem.status),
            ActionItem.closed_on,
            ActionItem.closing_note,
            sa.case((overdue, True), else_=False),
            ActionItem.initiative_id,
            Initiative.title,
            ActionItem.decision_id,
            ActionItem.agenda_item_id,
            ActionItem.version,
        )
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .join(owner, owner.id == ActionItem.owner_id)
        .outerjoin(Initiative, Initiative.id == ActionItem.initiative_id)
        .where(*conditions)
        .order_by(ActionItem.due_on, ActionItem.id),
        COLUMNS,
    )
    frame["overdue"] = frame["overdue"].astype(bool)  # SQLite hands back 0/1
    return with_integer_ids(frame, "initiative_id", "decision_id", "agenda_item_id")


def action_list(
    session: Session,
    *,
    meeting_id: int | None = None,
    owner_id: int | None = None,
    body: str | None = None,
    initiative_ids: Collection[int] | None = None,
    open_only: bool = False,
    today: date,
) -> pd.DataFrame:
    """The actions of a meeting, an owner, a body or some initiatives (None: any), open ones only when asked."""
    conditions = []
    if initiative_ids is not None:
        conditions.append(ActionItem.initiative_id.in_(list(initiative_ids)))
    if meeting_id is not None:
        conditions.append(ActionItem.meeting_id == meeting_id)
    if owner_id is not None:
        conditions.append(ActionItem.owner_id == owner_id)
    if body is not None:
        conditions.append(Meeting.body == body)
    if open_only:
        conditions.append(ActionItem.status == ActionStatus.OPEN)
    return _actions(session, today, *conditions)


def carried_actions(session: Session, meeting_id: int, *, today: date) -> pd.DataFrame:
    """The open actions of the earlier meetings of the meeting's body: what its follow-up section carries."""
    return _actions(
        session,
        today,
        ActionItem.meeting_id.in_(earlier_meeting_ids(meeting_id)),
        ActionItem.status == ActionStatus.OPEN,
    )


def say_do_ratio(session: Session, meeting_id: int) -> SayDo:
    """Of the actions the earlier meetings of the body gave, those due by this meeting's day (on the
    installation's clock) and how many were done on time; two statements. Raises NotFound."""
    starts_at = session.execute(sa.select(Meeting.starts_at).where(Meeting.id == meeting_id)).scalar_one_or_none()
    if starts_at is None:
        raise NotFound("error.not_found", entity="entity.meeting", id=meeting_id)
    by = day_in(starts_at, get_settings().time_zone)
    actions = session.execute(
        sa.select(ActionItem.due_on, ActionItem.status, ActionItem.closed_on).where(
            ActionItem.meeting_id.in_(earlier_meeting_ids(meeting_id)), ActionItem.due_on <= by
        )
    ).all()
    return say_do([tuple(action) for action in actions], by)
