"""The company's PowerPoint template for board packs: an upload is checked before anything is stored
(cxgov.pack.template) and replaces the template in use; going back to the default retires it. The file's bytes live
once, in the row: its audit event records their size and SHA-256 instead."""

from __future__ import annotations

import hashlib
from pathlib import PureWindowsPath

from sqlmodel import Session, select

from cxgov import audit
from cxgov.errors import DomainError
from cxgov.models import PackTemplate
from cxgov.models.base import utcnow
from cxgov.pack.template import check_template
from cxgov.rules.permissions import Action, authorise
from cxgov.services.unit import Actor, acting_person, audit_actor

ENTITY = "pack_template"
NAME_MAX = 255  # PackTemplate.file_name
RECORDED = ("file_name", "size_bytes", "sha256", "uploaded_by_id", "retired_at")  # the row but its bytes


def upload_template(*, session: Session, actor: Actor, file_name: str, data: bytes) -> int:
    """Store a checked template as the one packs are drawn in (the one before it is retired); returns its id."""
    person = acting_person(session, actor)
    authorise(person, Action.MANAGE_PACK_TEMPLATE)
    name = _file_name(file_name)
    check_template(data, name)
    _retire_active(session, person)
    row = PackTemplate(
        file_name=name,
        content=data,
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        uploaded_by_id=person.id if person else None,
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor=audit_actor(person),
        entity=ENTITY,
        entity_id=row.id,
        action="create",
        new={name: audit.to_text(getattr(row, name)) for name in RECORDED},
    )
    return row.id


def use_default_template(*, session: Session, actor: Actor) -> None:
    """Draw packs in cxgov's own clean template again: the uploaded one is retired (and kept, as it was)."""
    person = acting_person(session, actor)
    authorise(person, Action.MANAGE_PACK_TEMPLATE)
    _retire_active(session, person)


def _retire_active(session: Session, person) -> None:
    now = utcnow()
    active = session.exec(select(PackTemplate).where(PackTemplate.retired_at.is_(None)).with_for_update()).all()
    for row in active:
        row.retired_at = now
        audit.record(
            session,
            actor=audit_actor(person),
            entity=ENTITY,
            entity_id=row.id,
            action="update",
            field="retired_at",
            old=None,
            new=audit.to_text(now),
        )
    session.flush()


def _file_name(file_name: str) -> str:
    """The name without the folders a browser may send ('C:\\fakepath\\…'), on one line, at most 255 characters."""
    name = "".join(c for c in PureWindowsPath(str(file_name)).name if c.isprintable()).strip()
    if not name or len(name) > NAME_MAX:
        raise DomainError("pack.template.error.name")
    return name
