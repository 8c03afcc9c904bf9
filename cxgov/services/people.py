"""People services: add people and change their details, role and active flag. Nobody is ever deleted."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, SQLModel

from cxgov.models import Person
from cxgov.models.inputs_admin import PersonInput
from cxgov.queries.sessions import Ended
from cxgov.rules.permissions import Action
from cxgov.services.entries import EntrySpec, Problems, Unique, create_entry, referenced_department_ok, update_entry
from cxgov.services.sessions import end_sign_ins
from cxgov.services.unit import Actor


def _not_own_role(_session: Session, actor: Person | None, values: BaseModel, row: SQLModel | None) -> Problems:
    """An admin cannot demote or deactivate themselves: there is always an admin left to fix things."""
    if actor is None or row is None or row.id != actor.id:
        return {}
    problems: Problems = {}
    if values.role != row.role:
        problems["role"] = "error.own_role"
    if not values.active:
        problems["active"] = "error.own_role"
    return problems


PERSON = EntrySpec(
    Person,
    "person",
    PersonInput,
    Action.MANAGE_PEOPLE,
    unique=(Unique(("email",), message=lambda other: ("error.email_taken", {"other": other.name})),),
    checks=(referenced_department_ok("department_id"), _not_own_role),
)


def create_person(*, session: Session, actor: Actor, data: dict[str, Any] | PersonInput) -> int:
    """Add a person (e-mail unique, stored lower-case)."""
    return create_entry(PERSON, session=session, actor=actor, data=data)


def update_person(
    *, session: Session, actor: Actor, person_id: int, seen_version: int | None, data: dict[str, Any] | PersonInput
) -> dict:
    """Change a person's details, role or active flag; deactivating keeps everything they own or did and ends
    every session they have open (their open tabs are signed out at the next click)."""
    changes = update_entry(PERSON, session=session, actor=actor, row_id=person_id, seen_version=seen_version, data=data)
    if "active" in changes and not changes["active"][1]:  # (old, new): deactivated by this save
        end_sign_ins(session, person_id, Ended.DEACTIVATED)
    return changes
