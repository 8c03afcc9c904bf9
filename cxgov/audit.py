"""Append-only, HMAC-chained audit events, and their verification.

Writers add events to the session with `record()`; `seal()` runs as the last step before commit: it locks
the one-row head (`SELECT … FOR UPDATE`; SQLite's BEGIN IMMEDIATE already serialises writers), numbers the
pending events gaplessly, chains each as HMAC(key, previous hash + canonical text) and moves the head.
Locking the head last keeps the lock order the same for every writer (DESIGN.md §4).
"""
from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from sqlmodel import Session, select

from cxgov.errors import PermissionDenied
from cxgov.models import AuditEvent, AuditHead
from cxgov.models.base import utcnow

DENIED = "denied"  # the action of the event that records a refused attempt
PENDING_KEY = "cxgov_pending_audit"
SEALED_KEY = "cxgov_sealed_audit_range"  # (head before, head after) of the last seal in a session


@dataclass(frozen=True)
class Actor:
    """Who is acting: the id and a name snapshot that survives renames and deactivation."""

    id: int | None
    name: str


SYSTEM = Actor(id=None, name="system")


def to_text(value: Any) -> str | None:
    """A stored value as audit text: None stays None, enums by value, everything else as str/JSON."""
    if value is None:
        return None
    if hasattr(value, "value") and isinstance(getattr(value, "value"), str):
        return value.value
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return str(value)


def record(session: Session, *, actor: Actor, entity: str, entity_id: Any, action: str,
           field: str | None = None, old: Any = None, new: Any = None, reason: str = "") -> None:
    """Queue one audit event in this transaction; `seal()` numbers and chains it before commit."""
    pending = session.info.setdefault(PENDING_KEY, [])
    pending.append(dict(actor_id=actor.id, actor_name=actor.name, entity=entity, entity_id=str(entity_id),
                        action=action, field=field, old_value=to_text(old), new_value=to_text(new),
                        reason=reason or ""))


def record_denial(session: Session, denied: PermissionDenied) -> None:
    """Queue the audit event of an attempt the permission policy refused: who, what, on which row, and why.

    The event's entity is the target (e.g. initiative 42) where there is one, else "permission"; its field
    names the action tried; its reason is the refusal as the person read it (in English).
    """
    actor = SYSTEM if denied.actor is None else Actor(id=denied.actor[0], name=denied.actor[1])
    entity, entity_id = denied.target if denied.target is not None else ("permission", "-")
    record(session, actor=actor, entity=entity, entity_id=entity_id, action=DENIED, field=denied.attempted or None,
           reason=denied.message("en"))


def canonical_text(event: AuditEvent) -> str:
    """The exact text an event's hash covers, rebuilt from its stored columns."""
    occurred = event.occurred_at
    if occurred.tzinfo is None:  # SQLite may hand back naive values in raw reads
        occurred = occurred.replace(tzinfo=UTC)
    payload = {
        "seq": event.seq, "occurred_at": occurred.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": event.actor_id, "actor_name": event.actor_name, "entity": event.entity,
        "entity_id": event.entity_id, "action": event.action, "field": event.field,
        "old_value": event.old_value, "new_value": event.new_value, "reason": event.reason,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def chain_hash(key: bytes, prev_hash: str, canonical: str) -> str:
    return hmac.new(key, (prev_hash + "\n" + canonical).encode(), hashlib.sha256).hexdigest()


def seal(session: Session, key: bytes) -> int:
    """Number, chain and insert the pending events; returns how many were written."""
    pending = session.info.pop(PENDING_KEY, [])
    if not pending:
        return 0
    session.flush()  # business rows first, so every writer takes the head lock last
    head = session.exec(select(AuditHead).where(AuditHead.id == 1).with_for_update()).one()
    now = utcnow()
    seq, prev = head.last_seq, head.last_hash
    for values in pending:
        seq += 1
        event = AuditEvent(seq=seq, occurred_at=now, prev_hash=prev, hash="", **values)
        event.hash = chain_hash(key, prev, canonical_text(event))
        prev = event.hash
        session.add(event)
    session.info[SEALED_KEY] = (head.last_seq, seq)  # lets the UI tell its own writes from other servers'
    head.last_seq, head.last_hash = seq, prev
    session.add(head)
    session.flush()
    return len(pending)


@dataclass
class VerifyReport:
    events: int = 0
    head_seq: int = 0
    head_hash: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session, key: bytes, batch_size: int = 5000) -> VerifyReport:
    """Check gapless numbering, every link and HMAC, and that the head matches the last event."""
    report = VerifyReport()
    expected_seq, prev = 1, ""
    last_seen = 0
    while True:
        rows = session.exec(
            select(AuditEvent).where(AuditEvent.seq > last_seen).order_by(AuditEvent.seq).limit(batch_size)
        ).all()
        if not rows:
            break
        for event in rows:
            report.events += 1
            if event.seq != expected_seq:
                report.problems.append(f"sequence gap: expected {expected_seq}, found {event.seq}")
            if event.prev_hash != prev:
                report.problems.append(f"event {event.seq}: broken link to the previous event")
            if not hmac.compare_digest(event.hash, chain_hash(key, event.prev_hash, canonical_text(event))):
                report.problems.append(f"event {event.seq}: content does not match its hash")
            expected_seq, prev, last_seen = event.seq + 1, event.hash, event.seq
        session.expunge_all()
    head = session.get(AuditHead, 1)
    report.head_seq, report.head_hash = (head.last_seq, head.last_hash) if head else (0, "")
    if head is None:
        report.problems.append("the audit head row is missing")
    elif (head.last_seq, head.last_hash) != (last_seen, prev):
        report.problems.append(
            f"head says event {head.last_seq} is last, the table ends at {last_seen}: events were removed or added"
        )
    return report
