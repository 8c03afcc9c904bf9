"""Team services: who works on an initiative (and in which role), and which initiatives it is blocked by.

Both are links without an id of their own: the audit log names them `initiative id:other id`, and a removal is
recorded with what was removed. Changing them is changing the plan (the edit right on the initiative).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from cxgov import audit
from cxgov.errors import NotFound, ValidationError
from cxgov.models import Initiative, InitiativeDependency, InitiativeMember, Person
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_plan import DependencyInput, TeamMemberInput
from cxgov.services.initiative_access import initiative_to_change
from cxgov.services.plan import check_people
from cxgov.services.unit import Actor, audit_actor

# PostgreSQL advisory-lock key serialising dependency additions: two people adding A→B and B→A (or the last
# link of a longer loop) at the same moment would each see no cycle. SQLite's BEGIN IMMEDIATE already
# serialises write units. Any constant works, as long as nothing else uses it.
DEPENDENCY_LOCK = 0x6378_6465_70  # "cxdep"


def add_team_member(
    *, session: Session, actor: Actor, initiative_id: int, data: dict[str, Any] | TeamMemberInput
) -> None:
    """Put an active person on the initiative's team with their role on it (once)."""
    values = parse_input(TeamMemberInput, data)
    person, _ = initiative_to_change(session, actor, initiative_id)
    check_people(session, person_id=values.person_id)
    already = ValidationError(
        {"person_id": ("plan.error.already_member", {"name": session.get(Person, values.person_id).name})}
    )
    if session.get(InitiativeMember, (initiative_id, values.person_id)) is not None:
        raise already
    session.add(InitiativeMember(initiative_id=initiative_id, **values.model_dump()))
    try:
        session.flush()
    except IntegrityError:  # added by someone else a moment ago: the primary key is the backstop
        raise already from None
    _audit_link(
        session,
        person,
        "initiative_member",
        (initiative_id, values.person_id),
        "create",
        {"role_on_initiative": values.role_on_initiative},
    )


def remove_team_member(*, session: Session, actor: Actor, initiative_id: int, person_id: int) -> None:
    """Take a person off the initiative's team (recorded with the role they had)."""
    _remove(session, actor, InitiativeMember, "initiative_member", (initiative_id, person_id), "role_on_initiative")


def add_dependency(
    *, session: Session, actor: Actor, initiative_id: int, data: dict[str, Any] | DependencyInput
) -> None:
    """Record that the initiative is blocked by another; refused for itself, twice, or when it closes a loop."""
    values = parse_input(DependencyInput, data)
    person, _ = initiative_to_change(session, actor, initiative_id)
    blocker_id = values.blocked_by_id
    if session.get(Initiative, blocker_id) is None:
        raise ValidationError({"blocked_by_id": "error.unknown_reference"})
    if blocker_id == initiative_id:
        raise ValidationError({"blocked_by_id": "plan.error.depends_on_itself"})
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.select(sa.func.pg_advisory_xact_lock(DEPENDENCY_LOCK)))
    if session.get(InitiativeDependency, (initiative_id, blocker_id)) is not None:
        raise ValidationError({"blocked_by_id": "plan.error.dependency_exists"})
    if initiative_id in _blockers_of(session, blocker_id):
        raise ValidationError({"blocked_by_id": "plan.error.dependency_cycle"})
    session.add(InitiativeDependency(initiative_id=initiative_id, **values.model_dump()))
    session.flush()
    _audit_link(session, person, "initiative_dependency", (initiative_id, blocker_id), "create", {"note": values.note})


def remove_dependency(*, session: Session, actor: Actor, initiative_id: int, blocked_by_id: int) -> None:
    """The initiative no longer waits for `blocked_by_id` (recorded with the note it had)."""
    _remove(session, actor, InitiativeDependency, "initiative_dependency", (initiative_id, blocked_by_id), "note")


def _blockers_of(session: Session, initiative_id: int) -> set[int]:
    """Every initiative `initiative_id` waits for, directly or through others (one recursive query)."""
    direct = sa.select(InitiativeDependency.blocked_by_id.label("id")).where(
        InitiativeDependency.initiative_id == initiative_id
    )
    chain = direct.cte("blocker_chain", recursive=True)
    chain = chain.union(
        sa.select(InitiativeDependency.blocked_by_id).join(chain, InitiativeDependency.initiative_id == chain.c.id)
    )
    return set(session.execute(sa.select(chain.c.id)).scalars())


def _remove(session: Session, actor: Actor, model, entity: str, key: tuple[int, int], kept: str) -> None:
    """Delete the link `key` (initiative id, other id); the audit event keeps its `kept` field's value."""
    person, _ = initiative_to_change(session, actor, key[0])
    row = session.get(model, key)
    if row is None:
        raise NotFound("error.not_found", entity=f"entity.{entity}", id=f"{key[0]}:{key[1]}")
    value = getattr(row, kept)
    session.delete(row)
    session.flush()
    _audit_link(session, person, entity, key, "delete", {kept: value})


def _audit_link(
    session: Session, person: Person | None, entity: str, key: tuple[int, int], action: str, values: dict[str, str]
) -> None:
    """A link has no id of its own: the audit names it by both ends; a removal keeps what was removed."""
    old, new = (values, None) if action == "delete" else (None, values)
    audit.record(
        session,
        actor=audit_actor(person),
        entity=entity,
        entity_id=f"{key[0]}:{key[1]}",
        action=action,
        old=old,
        new=new,
    )
