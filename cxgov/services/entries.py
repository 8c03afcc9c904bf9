"""Create and edit simple catalogue entries (people, departments, objectives, list values, KPIs) one way.

Each kind is described once by an `EntrySpec`: its table, audit entity name, input model, the permission
it needs and which fields must be unique. `create_entry`/`update_entry` then run the service pattern of
cxgov/services/initiatives.py: parse → acting person → authorise → database checks → write → audit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, SQLModel

from cxgov.errors import ValidationError
from cxgov.models import Department, Person
from cxgov.models.inputs import parse_input
from cxgov.rules.permissions import Action, authorise
from cxgov.services.uniqueness import flush_refusing_duplicates, other_with_same
from cxgov.services.unit import Actor, acting_person, audit_created, get_versioned, versioned_update

Problems = dict[str, tuple[str, dict] | str]
# Extra checks a kind needs: (session, acting person, parsed values, the row being edited or None) -> problems
Check = Callable[[Session, Person | None, BaseModel, SQLModel | None], Problems]


@dataclass(frozen=True)
class Unique:
    """Fields that together must be unique; text compared case-insensitively; reported on `fields[-1]`."""

    fields: tuple[str, ...]
    message: Callable[[SQLModel], tuple[str, dict]] = lambda other: ("error.name_taken", {})


@dataclass(frozen=True)
class EntrySpec:
    model: type[SQLModel]
    entity: str  # the audit log's entity name (and `entity.<name>` in messages)
    input_model: type[BaseModel]
    action: Action
    unique: tuple[Unique, ...] = ()
    checks: tuple[Check, ...] = field(default=())


def create_entry(spec: EntrySpec, *, session: Session, actor: Actor, data: dict[str, Any] | BaseModel) -> int:
    """Insert a new entry of `spec`'s kind after the checks; one 'create' audit event. Returns its id."""
    values = parse_input(spec.input_model, data)
    person = acting_person(session, actor)
    authorise(person, spec.action, target=(spec.entity, "new"))
    _check(spec, session, person, values, row=None)
    row = spec.model(**values.model_dump())
    session.add(row)
    flush_refusing_duplicates(session, _backstops(spec))
    audit_created(session, person=person, entity=spec.entity, row=row)
    return row.id


def update_entry(
    spec: EntrySpec,
    *,
    session: Session,
    actor: Actor,
    row_id: int,
    seen_version: int | None,
    data: dict[str, Any] | BaseModel,
    reason: str = "",
) -> dict:
    """Save an edit if nobody saved since `seen_version`; returns field -> (old, new), {} for a no-op."""
    values = parse_input(spec.input_model, data)
    person = acting_person(session, actor)
    authorise(person, spec.action, target=(spec.entity, row_id))
    row = get_versioned(session, spec.model, spec.entity, row_id, seen_version)
    _check(spec, session, person, values, row=row)
    changes = versioned_update(
        session,
        person=person,
        model=spec.model,
        entity=spec.entity,
        row=row,
        seen_version=seen_version,
        values=values.model_dump(),
        reason=reason,
    )
    flush_refusing_duplicates(session, _backstops(spec))
    return changes


def _check(spec: EntrySpec, session: Session, person: Person | None, values: BaseModel, row: SQLModel | None) -> None:
    problems: Problems = {}
    for rule in spec.unique:
        same = {name: getattr(values, name) for name in rule.fields}
        other = other_with_same(session, spec.model, same, None if row is None else row.id)
        if other is not None:
            problems[rule.fields[-1]] = rule.message(other)
    for check in spec.checks:
        problems = check(session, person, values, row) | problems
    if problems:
        raise ValidationError(problems)


def _backstops(spec: EntrySpec) -> list[tuple[tuple[str, ...], str, str]]:
    """Each unique rule's index, as SQLite (`table.field`) and PostgreSQL (`uq_table_…`) name it."""
    table = spec.model.__tablename__
    return [
        ((*(f"{table}.{name}" for name in rule.fields), f"uq_{table}_"), rule.fields[-1], "error.name_taken")
        for rule in spec.unique
    ]


def referenced_person_ok(field_name: str) -> Check:
    """A check: the person in `field_name` exists, and is active unless the entry already had them."""

    def check(session: Session, _actor: Person | None, values: BaseModel, row: SQLModel | None) -> Problems:
        return _reference_problem(
            session, Person, field_name, values, row, inactive=lambda p: ("error.person_inactive", {"name": p.name})
        )

    return check


def referenced_department_ok(field_name: str) -> Check:
    """A check: the department in `field_name` exists, and is active unless the entry already had it."""

    def check(session: Session, _actor: Person | None, values: BaseModel, row: SQLModel | None) -> Problems:
        return _reference_problem(
            session, Department, field_name, values, row, inactive=lambda d: ("error.inactive_reference", {})
        )

    return check


def _reference_problem(session, model, field_name, values, row, inactive) -> Problems:
    ref_id = getattr(values, field_name)
    if ref_id is None:
        return {}
    target = session.get(model, ref_id)
    if target is None:
        return {field_name: "error.unknown_reference" if model is not Person else "error.person_unknown"}
    # Keeping a reference that was deactivated later is fine: deactivation must not block other edits.
    unchanged = row is not None and getattr(row, field_name) == ref_id
    if not target.active and not unchanged:
        return {field_name: inactive(target)}
    return {}
