"""Building blocks every service uses: the acting person, not-found, and the version-checked update."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, SQLModel, select

from cxgov import audit
from cxgov.errors import ConflictError, NotFound, PermissionDenied
from cxgov.i18n import format_moment
from cxgov.models import AuditEvent, Person
from cxgov.models.base import utcnow
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.settings import get_settings

Actor = int | str  # a person id, or SYSTEM_ACTOR


def acting_person(session: Session, actor: Actor) -> Person | None:
    """Re-read the acting person inside this transaction (role and active flag as they are now)."""
    if actor == SYSTEM_ACTOR:
        return None
    person = session.exec(select(Person).where(Person.id == actor).execution_options(populate_existing=True)).first()
    if person is None or not person.active:
        raise PermissionDenied(
            "error.actor_inactive",
            actor=(actor, person.name if person else f"person {actor}"),
            attempted="act while deactivated",
        )
    return person


def audit_actor(person: Person | None) -> audit.Actor:
    return audit.SYSTEM if person is None else audit.Actor(id=person.id, name=person.name)


def get_or_404(session: Session, model: type[SQLModel], entity: str, row_id: Any, *, lock: bool = False):
    """The row as it is now; `lock` holds it (PostgreSQL) so saves of the same row queue behind this one."""
    row = session.get(model, row_id, populate_existing=True, with_for_update=lock) if row_id is not None else None
    if row is None:
        raise NotFound("error.not_found", entity=f"entity.{entity}", id=row_id)
    return row


def get_versioned(session: Session, model: type[SQLModel], entity: str, row_id: Any, seen_version: int | None):
    """The row to change, once it is still at the version the user saw (see `check_version`)."""
    row = get_or_404(session, model, entity, row_id)
    check_version(session, entity, row, seen_version)
    return row


def conflict(session: Session, entity: str, row_id: Any, row: SQLModel | None = None) -> ConflictError:
    """'Changed by X at T — reload', named from the audit trail's latest event on this row; a move without an
    event of its own (a meeting whose agenda was reordered) is named from the row's own stamp."""
    last = session.exec(
        select(AuditEvent)
        .where(AuditEvent.entity == entity, AuditEvent.entity_id == str(row_id))
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    ).first()
    stamped = _stamp(session, row)
    if stamped is not None and (last is None or stamped[1] > _aware(last.occurred_at)):
        who, when = stamped
        return ConflictError("error.conflict", who=who, when=format_moment(when, zone=get_settings().time_zone))
    if last is None:
        return ConflictError("error.conflict", who="?", when="?")
    return ConflictError(
        "error.conflict", who=last.actor_name, when=format_moment(last.occurred_at, zone=get_settings().time_zone)
    )


def _stamp(session: Session, row: SQLModel | None) -> tuple[str, Any] | None:
    """Who last changed `row` and when, from its own columns, as the database holds them now."""
    if row is None or not hasattr(row, "updated_by_id") or not hasattr(row, "updated_at"):
        return None
    session.refresh(row)
    if row.updated_by_id is None:
        return None
    person = session.get(Person, row.updated_by_id)
    return (person.name if person else "?"), _aware(row.updated_at)


def _aware(moment: Any) -> Any:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # SQLite may hand back naive UTC values


def check_version(session: Session, entity: str, row: SQLModel, seen_version: int | None) -> None:
    """Refuse early (before any other work) a save without a version or based on an old one."""
    if seen_version is None:
        raise ConflictError("error.conflict_no_version")
    if row.version != seen_version:
        raise conflict(session, entity, row.id, row)


def changed_fields(row: SQLModel, values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """field -> (old, new) for the values that differ from the row."""
    return {name: (getattr(row, name), new) for name, new in values.items() if getattr(row, name) != new}


def versioned_update(
    session: Session,
    *,
    person: Person | None,
    model: type[SQLModel],
    entity: str,
    row: SQLModel,
    seen_version: int | None,
    values: dict[str, Any],
    extra_changes: dict[str, tuple[Any, Any]] | None = None,
    reason: str = "",
    move: bool = False,
) -> dict:
    """Write `values` only if the row is still at the version the user saw; audit each changed field.

    The caller loaded `row` and checked `seen_version` before any other work (`get_versioned`, or
    `initiative_to_change` in cxgov.services.initiative_access); here `UPDATE … WHERE id = :id AND version = :seen`
    with a row-count check catches a save that landed in between. A save that changes nothing writes nothing,
    except a `move` (status, phase, lane, the PDCA record): a move changes the row even when none of its fields
    does, so the version always moves on, and the caller records the move in its own history instead of this
    audit. Returns the changes made.
    """
    changes = changed_fields(row, values) | (extra_changes or {})
    if not changes and not move:
        return {}
    stamp = (
        {"updated_at": utcnow(), "updated_by_id": person.id if person else None} if hasattr(model, "updated_at") else {}
    )
    scalar_values = {name: new for name, (_, new) in changes.items() if name in values}
    result = session.execute(
        update(model)
        .where(model.id == row.id, model.version == seen_version)
        .values(**scalar_values, **stamp, version=seen_version + 1)
    )
    if result.rowcount != 1:
        raise conflict(session, entity, row.id, row)
    if not move:
        actor = audit_actor(person)
        for name, (old, new) in changes.items():
            audit.record(
                session,
                actor=actor,
                entity=entity,
                entity_id=row.id,
                action="update",
                field=name,
                old=old,
                new=new,
                reason=reason,
            )
    session.expire(row)
    return changes


def audit_created(session: Session, *, person: Person | None, entity: str, row: SQLModel, reason: str = "") -> None:
    """One 'create' event holding the new row's values."""
    values = {k: audit.to_text(v) for k, v in row.model_dump().items() if k not in ("id", "created_at", "updated_at")}
    audit.record(
        session, actor=audit_actor(person), entity=entity, entity_id=row.id, action="create", new=values, reason=reason
    )
