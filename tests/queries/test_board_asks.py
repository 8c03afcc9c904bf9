"""The board asks of a meeting: open initiatives reported red or amber, red first, with owner, sponsor and the
ask written for this meeting (not another's); an ask stays listed when its initiative is no longer red; one
statement however many initiatives."""

from __future__ import annotations

from datetime import date

from sqlalchemy import event

from cxgov.db import session_scope
from cxgov.models import BoardAsk, Role
from cxgov.queries.board_asks import board_asks
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.initiatives import record_check_in
from tests.factories import add_initiative, add_meeting, add_person
from tests.frames import rows

DAY = date(2026, 10, 1)


def check_in(engine, initiative_id: int, health: str, reason: str = "") -> None:
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"checkin_date": DAY, "health": health, "reason": reason, "override_reason": "test arrangement"},
            allow_closed=True,
        )


def asks(engine, meeting_id: int) -> list[tuple]:
    with session_scope(engine) as session:
        frame = board_asks(session, meeting_id)
    return rows(frame, "title", "owner", "sponsor", "health", "reason", "ask", "version")


def test_red_then_amber_with_this_meetings_asks_only(engine):
    owner = add_person(engine, Role.MANAGER, name="Mila Manager")
    sponsor = add_person(engine, Role.LEADER, name="Lotte Leader")
    amber = add_initiative(engine, owner_id=owner, title="A amber one", sponsor_id=sponsor)
    red = add_initiative(engine, owner_id=owner, title="B red one")
    green = add_initiative(engine, owner_id=owner, title="C green one")
    add_initiative(engine, owner_id=owner, title="D never checked in")
    check_in(engine, amber, "amber", "Supplier late")
    check_in(engine, red, "red", "Budget gone")
    check_in(engine, green, "green")
    with session_scope(engine, write=True) as session:
        this = add_meeting(session, chair_id=sponsor, secretary_id=owner)
        other = add_meeting(session, chair_id=sponsor, secretary_id=owner, body="Steering group")
        session.add(BoardAsk(meeting_id=this, initiative_id=red, ask="Two more developers"))
        session.add(BoardAsk(meeting_id=other, initiative_id=amber, ask="Asked elsewhere"))
    assert asks(engine, this) == [
        ("B red one", "Mila Manager", None, "red", "Budget gone", "Two more developers", 1),
        ("A amber one", "Mila Manager", "Lotte Leader", "amber", "Supplier late", "", None),
    ]


def test_an_ask_stays_when_its_initiative_turned_green_and_closed_ones_without_ask_leave(engine):
    owner = add_person(engine, Role.MANAGER)
    recovered = add_initiative(engine, owner_id=owner, title="Recovered")
    cancelled = add_initiative(engine, owner_id=owner, title="Cancelled red", status="cancelled")
    check_in(engine, recovered, "green")
    check_in(engine, cancelled, "red", "Stopped by the board")
    with session_scope(engine, write=True) as session:
        meeting = add_meeting(session, chair_id=owner, secretary_id=owner)
        session.add(BoardAsk(meeting_id=meeting, initiative_id=recovered, ask="Keep the team"))
    assert [(title, health, ask) for title, _, _, health, _, ask, _ in asks(engine, meeting)] == [
        ("Recovered", "green", "Keep the team")
    ]


def test_one_statement_however_many_initiatives(engine):
    owner = add_person(engine, Role.MANAGER)
    for n in range(12):
        initiative = add_initiative(engine, owner_id=owner, title=f"Red {n:02}")
        check_in(engine, initiative, "red", "Late")
    with session_scope(engine, write=True) as session:
        meeting = add_meeting(session, chair_id=owner, secretary_id=owner)
    statements = []
    with session_scope(engine) as session:
        connection = session.connection()
        event.listen(connection, "before_cursor_execute", lambda *args: statements.append(args[2]))
        frame = board_asks(session, meeting)
    assert len(frame) == 12
    assert len(statements) == 1
