"""Shared helpers for the admin service tests: run a service in one write unit, count audit events."""

from __future__ import annotations

from sqlmodel import func, select

from cxgov.db import session_scope
from cxgov.models import AuditEvent


def run(engine, service, actor, **kwargs):
    """Call `service` as `actor` in one write unit, like the UI does."""
    with session_scope(engine, write=True) as session:
        return service(session=session, actor=actor, **kwargs)


def audit_events(engine, entity: str) -> list[tuple]:
    """(entity_id, action, field, old, new) of every event on `entity`, in order."""
    with session_scope(engine) as session:
        return [
            (e.entity_id, e.action, e.field, e.old_value, e.new_value)
            for e in session.exec(select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.seq)).all()
        ]


def audit_count(engine) -> int:
    with session_scope(engine) as session:
        return session.exec(select(func.count()).select_from(AuditEvent)).one()
