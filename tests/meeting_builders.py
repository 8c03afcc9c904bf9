"""Builders for governance-meeting tests: the people of a board, and meetings planned through the services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import AgendaItem, AuditEvent, Meeting, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.meetings import create_meeting
from tests.factories import add_person

AMSTERDAM = ZoneInfo("Europe/Amsterdam")  # the installation's time zone in the tests (the settings' default)


@dataclass(frozen=True)
class Board:
    """A CX board: its chair (a leader), its secretary (the programme office), three members and a guest, and
    people without a part in it."""

    engine: object
    chair: int
    secretary: int
    members: tuple[int, ...]
    guest: int
    admin: int
    other_leader: int
    manager: int


def make_board(engine) -> Board:
    chair = add_person(engine, Role.LEADER, name="Carla Chair")
    members = (chair, add_person(engine, Role.LEADER, name="Mo Member"), add_person(engine, Role.MANAGER))
    return Board(
        engine=engine,
        chair=chair,
        secretary=add_person(engine, Role.PROGRAMME_OFFICE, name="Sam Secretary"),
        members=members,
        guest=add_person(engine, Role.ANALYST, name="Gus Guest"),
        admin=add_person(engine, Role.ADMIN, name="Ada Admin"),
        other_leader=add_person(engine, Role.LEADER, name="Lea Leader"),
        manager=add_person(engine, Role.MANAGER, name="Max Manager"),
    )


def run(engine, function, actor=SYSTEM_ACTOR, **kwargs):
    with session_scope(engine, write=True) as session:
        return function(session=session, actor=actor, **kwargs)


def plan_meeting(board: Board, *, starts_at: datetime | None = None, body: str = "CX board", **over) -> int:
    """A draft meeting of `body` chaired by the board's chair, planned by the secretary (a month ahead unless
    `starts_at` says when)."""
    values = {
        "body": body,
        "starts_at": starts_at or datetime.combine(date.today() + timedelta(days=30), datetime.min.time(), AMSTERDAM),
        "chair_id": board.chair,
        "secretary_id": board.secretary,
        "member_ids": list(board.members),
        "guest_ids": [board.guest],
    } | over
    return run(board.engine, create_meeting, board.secretary, **values)


def meeting_row(engine, meeting_id: int) -> Meeting:
    with session_scope(engine) as session:
        return session.get(Meeting, meeting_id)


def item_row(engine, item_id: int) -> AgendaItem:
    with session_scope(engine) as session:
        return session.get(AgendaItem, item_id)


def agenda_rows(engine, meeting_id: int) -> list[AgendaItem]:
    """Every item of the meeting (removed ones too), in agenda order."""
    with session_scope(engine) as session:
        return session.exec(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.position, AgendaItem.id)
        ).all()


def events(engine, entity: str, entity_id=None) -> list[AuditEvent]:
    with session_scope(engine) as session:
        query = select(AuditEvent).where(AuditEvent.entity == entity)
        if entity_id is not None:
            query = query.where(AuditEvent.entity_id == str(entity_id))
        return session.exec(query.order_by(AuditEvent.seq)).all()


def set_status(engine, meeting_id: int, status) -> None:
    """Set a meeting's status in the database directly (e.g. minutes approved, which a decision does)."""
    with session_scope(engine, write=True) as session:
        meeting = session.get(Meeting, meeting_id)
        meeting.status = status
        session.add(meeting)
