"""Small builders for test data, written through the services where one exists."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from cxgov.db import session_scope
from cxgov.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    AgendaItemKind,
    AgendaItemStatus,
    Decision,
    DecisionKind,
    Department,
    Initiative,
    Meeting,
    MeetingMember,
    MeetingRole,
    MeetingStatus,
    Person,
    Role,
)
from cxgov.rules.meetings import default_pre_read_due, quarter_of
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services import plan, team
from cxgov.services.initiatives import create_initiative
from cxgov.services.lifecycle import move_status
from cxgov.services.pdca import move_to_next_phase
from cxgov.settings import get_settings

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


MEETING_STARTS_AT = datetime(2026, 10, 15, 8, 0, tzinfo=UTC)  # 10:00 on a Thursday in Amsterdam


def add_meeting(
    session: Session,
    *,
    body: str = "CX board",
    status: MeetingStatus | str = MeetingStatus.DRAFT,
    starts_at: datetime = MEETING_STARTS_AT,
    chair_id: int,
    secretary_id: int,
    member_ids=(),
    guest_ids=(),
    previous_meeting_id: int | None = None,
) -> int:
    """A meeting inserted directly (the meetings services are tested on their own), with the quarter and pre-read
    deadline the service would give it; a meeting past its draft has its agenda published a week before."""
    status = MeetingStatus(status)
    day = starts_at.astimezone(ZoneInfo(get_settings().time_zone)).date()
    meeting = Meeting(
        body=body,
        quarter=quarter_of(day),
        starts_at=starts_at,
        chair_id=chair_id,
        secretary_id=secretary_id,
        pre_read_due=default_pre_read_due(day),
        status=status,
        agenda_published_at=None if status is MeetingStatus.DRAFT else starts_at - timedelta(days=7),
        previous_meeting_id=previous_meeting_id,
    )
    session.add(meeting)
    session.flush()
    session.add_all(MeetingMember(meeting_id=meeting.id, person_id=p, role=MeetingRole.MEMBER) for p in member_ids)
    session.add_all(MeetingMember(meeting_id=meeting.id, person_id=p, role=MeetingRole.GUEST) for p in guest_ids)
    session.flush()
    return meeting.id


def add_agenda_item(
    session: Session,
    *,
    meeting_id: int,
    kind: AgendaItemKind | str = AgendaItemKind.TOPIC,
    title: str = "",
    status: AgendaItemStatus | str = AgendaItemStatus.PLANNED,
    position: int = 0,
    **values,
) -> int:
    """An agenda item inserted directly (a topic gets a title unless given one); `values` sets any other column
    (section, initiative_id, created_at, …)."""
    kind = AgendaItemKind(kind)
    item = AgendaItem(
        meeting_id=meeting_id,
        kind=kind,
        title=title or (f"Topic {next(_n)}" if kind is AgendaItemKind.TOPIC else ""),
        status=AgendaItemStatus(status),
        position=position,
        **values,
    )
    session.add(item)
    session.flush()
    return item.id


def add_decision(
    session: Session,
    *,
    meeting_id: int,
    kind: DecisionKind | str = DecisionKind.NOTE,
    text: str = "",
    supersedes_id: int | None = None,
    reverses: bool = False,
    **values,
) -> int:
    """A decision inserted directly, taken by the meeting's body and chair on the meeting's day (UTC)."""
    meeting = session.get(Meeting, meeting_id)
    decision = Decision(
        meeting_id=meeting_id,
        kind=DecisionKind(kind),
        text=text or f"Decision {next(_n)}",
        body=meeting.body,
        chair_id=meeting.chair_id,
        decided_on=values.pop("decided_on", meeting.starts_at.date()),
        supersedes_id=supersedes_id,
        reverses=reverses,
        **values,
    )
    session.add(decision)
    session.flush()
    return decision.id


def add_action(
    session: Session,
    *,
    meeting_id: int,
    owner_id: int,
    due_on: date,
    status: ActionStatus | str = ActionStatus.OPEN,
    closed_on: date | None = None,
    text: str = "",
    **values,
) -> int:
    """An action item inserted directly; a dropped one gets a reason unless `values` gives its closing note."""
    status = ActionStatus(status)
    if status is ActionStatus.DROPPED:
        values.setdefault("closing_note", "No longer needed")
    action = ActionItem(
        meeting_id=meeting_id,
        owner_id=owner_id,
        due_on=due_on,
        status=status,
        closed_on=closed_on,
        text=text or f"Action {next(_n)}",
        **values,
    )
    session.add(action)
    session.flush()
    return action.id


def add_open_meeting(
    session: Session,
    *,
    body: str = "CX board",
    status: MeetingStatus | str = MeetingStatus.AGENDA_PUBLISHED,
    starts_at: datetime | None = None,
    chair_id: int,
    secretary_id: int,
    member_ids: tuple[int, ...] | list[int] = (),
) -> int:
    """A meeting that is running (its agenda published) today at noon UTC unless `starts_at` says otherwise, with
    its chair among the members: what decisions and actions are recorded in."""
    return add_meeting(
        session,
        body=body,
        status=status,
        starts_at=starts_at or datetime.combine(date.today(), time(12, 0), tzinfo=UTC),
        chair_id=chair_id,
        secretary_id=secretary_id,
        member_ids=tuple(dict.fromkeys([chair_id, *member_ids])),
    )
