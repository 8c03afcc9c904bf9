"""Append-only, HMAC-chained audit events, and their verification.

Writers add events to the session with `record()`; `seal()` runs as the last step before commit: it locks
the one-row head (`SELECT … FOR UPDATE`; SQLite's BEGIN IMMEDIATE already serialises writers), numbers the
pending events gaplessly, chains each as HMAC(key, previous hash + canonical text) and moves the head.
Locking the head last keeps the lock order the same for every writer, so writers never deadlock on it.
`verify()` recomputes the chain; anchors (cxgov.audit.anchors) kept outside the database prove its length.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

from sqlmodel import Session, func, select

from cxgov.audit.anchors import Anchor
from cxgov.errors import PermissionDenied
from cxgov.models import AuditEvent, AuditHead
from cxgov.models.base import utcnow
from cxgov.settings import SettingsError

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
    if hasattr(value, "value") and isinstance(value.value, str):
        return value.value
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return str(value)


def record(
    session: Session,
    *,
    actor: Actor,
    entity: str,
    entity_id: Any,
    action: str,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
    reason: str = "",
) -> None:
    """Queue one audit event in this transaction; `seal()` numbers and chains it before commit."""
    pending = session.info.setdefault(PENDING_KEY, [])
    pending.append(
        {
            "actor_id": actor.id,
            "actor_name": actor.name,
            "entity": entity,
            "entity_id": str(entity_id),
            "action": action,
            "field": field,
            "old_value": to_text(old),
            "new_value": to_text(new),
            "reason": reason or "",
        }
    )


def record_denial(session: Session, denied: PermissionDenied) -> None:
    """Queue the audit event of an attempt the permission policy refused: who, what, on which row, and why.

    The event's entity is the target (e.g. initiative 42) where there is one, else "permission"; its field
    names the action tried; its reason is the refusal as the person read it (in English).
    """
    actor = SYSTEM if denied.actor is None else Actor(id=denied.actor[0], name=denied.actor[1])
    entity, entity_id = denied.target if denied.target is not None else ("permission", "-")
    record(
        session,
        actor=actor,
        entity=entity,
        entity_id=entity_id,
        action=DENIED,
        field=denied.attempted or None,
        reason=denied.message("en"),
    )


def canonical_text(event: AuditEvent) -> str:
    """The exact text an event's hash covers, rebuilt from its stored columns."""
    occurred = event.occurred_at
    if occurred.tzinfo is None:  # SQLite may hand back naive values in raw reads
        occurred = occurred.replace(tzinfo=UTC)
    payload = {
        "seq": event.seq,
        "occurred_at": occurred.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "action": event.action,
        "field": event.field,
        "old_value": event.old_value,
        "new_value": event.new_value,
        "reason": event.reason,
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def chain_hash(key: bytes, prev_hash: str, canonical: str) -> str:
    return hmac.new(key, (prev_hash + "\n" + canonical).encode(), hashlib.sha256).hexdigest()


def seal(session: Session, key: bytes) -> int:
    """Number, chain and insert the pending events; returns how many were written."""
    pending = session.info.pop(PENDING_KEY, [])
    if not pending:
        return 0
    if not key:  # a chain sealed with no key proves nothing
        raise SettingsError(
            "there is no audit key: set CXGOV_AUDIT_KEY, or run `python -m cxgov migrate` to create local "
            "SQLite mode's key file"
        )
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
    anchors: int = 0  # anchors checked against the chain
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session, key: bytes, batch_size: int = 5000, anchors: Iterable[Anchor] = ()) -> VerifyReport:
    """Check gapless numbering, every link and HMAC, that the head matches the last event, and that every
    anchor (a head kept outside the database earlier) is still in the chain with its hash.

    The head is read first and the walk stops there, so events that writers commit meanwhile (each
    statement of a PostgreSQL read sees new commits) are not mistaken for events added behind the head.
    """
    report = VerifyReport()
    head = session.exec(select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)).first()
    report.head_seq, report.head_hash = tuple(head) if head else (0, "")
    wanted: dict[int, list[Anchor]] = {}
    for anchor in anchors:
        wanted.setdefault(anchor.seq, []).append(anchor)
        report.anchors += 1
    last_seen, prev = _walk(session, key, report, wanted, None if head is None else head.last_seq, batch_size)
    for seq, missing in sorted(wanted.items()):
        where = (
            f"the chain ends at event {last_seen}: events were removed from its end"
            if seq > last_seen
            else f"event {seq} is missing from the chain"
        )
        report.problems.extend(f"anchor {anchor}{_origin(anchor)}: {where}" for anchor in missing)
    if head is None:
        report.problems.append("the audit head row is missing")
    elif (head.last_seq, head.last_hash) != (last_seen, prev):
        report.problems.append(
            f"head says event {head.last_seq} is last, the table ends at {last_seen}: events were removed or added"
        )
    elif _events_behind_the_head(session, head.last_seq):
        report.problems.append(f"the table holds events after event {head.last_seq}, which the head says is last")
    return report


def _walk(
    session: Session,
    key: bytes,
    report: VerifyReport,
    wanted: dict[int, list[Anchor]],
    upto: int | None,
    batch_size: int,
) -> tuple[int, str]:
    """Check every event up to `upto` (all without a head) in batches; returns the last event's seq and hash."""
    expected_seq, prev, last_seen = 1, "", 0
    while True:
        query = select(AuditEvent).where(AuditEvent.seq > last_seen)
        if upto is not None:
            query = query.where(AuditEvent.seq <= upto)
        rows = session.exec(query.order_by(AuditEvent.seq).limit(batch_size)).all()
        if not rows:
            return last_seen, prev
        for event in rows:
            report.events += 1
            if event.seq != expected_seq:
                report.problems.append(f"sequence gap: expected {expected_seq}, found {event.seq}")
            if event.prev_hash != prev:
                report.problems.append(f"event {event.seq}: broken link to the previous event")
            if not hmac.compare_digest(event.hash, chain_hash(key, event.prev_hash, canonical_text(event))):
                report.problems.append(f"event {event.seq}: content does not match its hash")
            for anchor in wanted.pop(event.seq, ()):
                if not hmac.compare_digest(event.hash, anchor.hash):
                    report.problems.append(
                        f"anchor {anchor}{_origin(anchor)}: event {event.seq} has another hash "
                        f"({event.hash}): the chain was rewritten since the anchor was taken"
                    )
            expected_seq, prev, last_seen = event.seq + 1, event.hash, event.seq
        session.expunge_all()


def _events_behind_the_head(session: Session, head_seq: int) -> bool:
    """Events beyond the head while the head stays put were added without moving it. The last event is read
    before the head again: a writer committing in between moves the head too, so it is never mistaken."""
    last = session.exec(select(func.max(AuditEvent.seq))).one() or 0
    head_now = session.exec(select(AuditHead.last_seq).where(AuditHead.id == 1)).first()
    return last > head_seq and head_now == head_seq


def _origin(anchor: Anchor) -> str:
    return f" (from {anchor.origin})" if anchor.origin else ""
