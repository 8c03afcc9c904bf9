"""Small builders for test data, written through the services where one exists."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time

from cxgov.db import session_scope
from cxgov.models import Department, Initiative, Meeting, MeetingMember, MeetingRole, MeetingStatus, Person, Role
from cxgov.rules.meetings import default_pre_read_due, quarter_of
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services import plan, team
from cxgov.services.initiatives import create_initiative
from cxgov.services.lifecycle import move_status
from cxgov.services.pdca import move_to_next_phase

_n = itertools.count(1)


def add_person(
    engine, role: Role = Role.MANAGER, *, name: str | None = None, active: bool = True, department_id: int | None = None
) -> int:
    """A person inserted directly (the people service is tested on its own)."""
    n = next(_n)
    with session_scope(engine, write=True) as session:
        person = Person(
            name=name or f"Person {n}",
            email=f"person{n}@example.nl",
            role=role,
            active=active,
            department_id=department_id,
        )
        session.add(person)
        session.flush()
        return person.id


def add_department(engine, name: str | None = None) -> int:
    with session_scope(engine, write=True) as session:
        department = Department(name=name or f"Department {next(_n)}")
        session.add(department)
        session.flush()
        return department.id


def add_initiative(engine, *, owner_id: int, actor=SYSTEM_ACTOR, **values) -> int:
    data = {"title": f"Initiative {next(_n)}", "discipline": "design", "owner_id": owner_id} | values
    with session_scope(engine, write=True) as session:
        return create_initiative(session=session, actor=actor, data=data)


def approve_and_move(engine, initiative_id: int, moves: int) -> int:
    """Approve a proposal and move it `moves` phases on, as the system with reasons given (so the criteria do
    not matter); returns the initiative's version afterwards."""

    def version() -> int:
        with session_scope(engine) as session:
            return session.get(Initiative, initiative_id).version

    with session_scope(engine, write=True) as session:
        move_status(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            seen_version=version(),
            move="approve",
            reason="test arrangement",
        )
    for _ in range(moves):
        with session_scope(engine, write=True) as session:
            move_to_next_phase(
                session=session,
                actor=SYSTEM_ACTOR,
                initiative_id=initiative_id,
                seen_version=version(),
                override_reason="test arrangement",
            )
    return version()


def add_milestone(engine, initiative_id: int, *, due_on, title: str | None = None, actor=SYSTEM_ACTOR) -> int:
    """A milestone added through the plan service."""
    with session_scope(engine, write=True) as session:
        return plan.add_milestone(
            session=session,
            actor=actor,
            initiative_id=initiative_id,
            data={"title": title or f"Milestone {next(_n)}", "due_on": due_on},
        )


def add_team_member(engine, initiative_id: int, person_id: int, role: str = "Journey owner") -> None:
    """A team member added through the team service (as the system)."""
    with session_scope(engine, write=True) as session:
        team.add_team_member(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"person_id": person_id, "role_on_initiative": role},
        )


def add_dependency(engine, initiative_id: int, blocked_by_id: int, note: str = "") -> None:
    """`initiative_id` waits for `blocked_by_id`, through the team service (as the system)."""
    with session_scope(engine, write=True) as session:
        team.add_dependency(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"blocked_by_id": blocked_by_id, "note": note},
        )


def add_meeting(
    session,
    *,
    body: str = "CX board",
    status: MeetingStatus = MeetingStatus.AGENDA_PUBLISHED,
    starts_at: datetime | None = None,
    chair_id: int,
    secretary_id: int,
    member_ids: tuple[int, ...] | list[int] = (),
) -> int:
    """A meeting inserted directly in `session` (the meetings service is tested on its own), with its chair and
    `member_ids` as members; it starts today at noon UTC unless `starts_at` says otherwise."""
    starts_at = starts_at or datetime.combine(date.today(), time(12, 0), tzinfo=UTC)
    meeting = Meeting(
        body=body,
        quarter=quarter_of(starts_at.date()),
        starts_at=starts_at,
        chair_id=chair_id,
        secretary_id=secretary_id,
        pre_read_due=default_pre_read_due(starts_at.date()),
        status=status,
    )
    session.add(meeting)
    session.flush()
    for person_id in dict.fromkeys([chair_id, *member_ids]):
        session.add(MeetingMember(meeting_id=meeting.id, person_id=person_id, role=MeetingRole.MEMBER))
    session.flush()
    return meeting.id
