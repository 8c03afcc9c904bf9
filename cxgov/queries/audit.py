"""Audit log reads: one filtered page of events (filters and paging in SQL), filter choices, the chain head."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.dates import days_after
from cxgov.models import AuditEvent, AuditHead
from cxgov.queries.search import containing

EVENT_COLUMNS = (
    "seq",
    "occurred_at",
    "actor_name",
    "entity",
    "entity_id",
    "action",
    "field",
    "old_value",
    "new_value",
    "reason",
)


@dataclass(frozen=True)
class AuditFilter:
    """What the audit page filters on; empty values do not filter. Dates are days on the clock of `zone` (the
    one the page shows times in), both inclusive."""

    date_from: date | None = None
    date_to: date | None = None
    actor: str | None = None  # the actor's name as recorded (a snapshot: it survives renames)
    entity: str | None = None
    action: str | None = None
    text: str = ""  # searched in field, old and new value and reason, case-insensitively
    zone: str = "UTC"  # an IANA time zone name


def _start_of(day: date, zone: ZoneInfo) -> datetime:
    """The moment `day` begins on the clock of `zone`, in UTC (as the events are stored)."""
    return datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC)


def _conditions(f: AuditFilter) -> list[sa.ColumnElement]:
    conditions = []
    zone = ZoneInfo(f.zone)
    if f.date_from:
        conditions.append(AuditEvent.occurred_at >= _start_of(f.date_from, zone))
    if f.date_to and f.date_to < date.max:  # up to the last day Python knows: every event
        conditions.append(AuditEvent.occurred_at < _start_of(days_after(f.date_to, 1), zone))
    for column, value in (
        (AuditEvent.actor_name, f.actor),
        (AuditEvent.entity, f.entity),
        (AuditEvent.action, f.action),
    ):
        if value:
            conditions.append(column == value)
    searched = containing(f.text, AuditEvent.field, AuditEvent.old_value, AuditEvent.new_value, AuditEvent.reason)
    return conditions if searched is None else [*conditions, searched]


def events(session: Session, f: AuditFilter, *, limit: int, offset: int = 0) -> tuple[pd.DataFrame, int]:
    """One page of matching events, newest first, and how many match in total."""
    conditions = _conditions(f)
    total = session.execute(sa.select(sa.func.count()).select_from(AuditEvent).where(*conditions)).scalar_one()
    rows = session.execute(
        sa.select(*(getattr(AuditEvent, name) for name in EVENT_COLUMNS))
        .where(*conditions)
        .order_by(AuditEvent.seq.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS)), total


def all_events(session: Session, f: AuditFilter) -> list[sa.Row]:
    """Every matching event, newest first, with the columns of EVENT_COLUMNS (for an export: no paging)."""
    return list(
        session.execute(
            sa.select(*(getattr(AuditEvent, name) for name in EVENT_COLUMNS))
            .where(*_conditions(f))
            .order_by(AuditEvent.seq.desc())
        ).all()
    )


def filter_choices(session: Session) -> dict[str, list[str]]:
    """The actors, entities and actions that occur in the log, for the filter pickers."""
    return {
        name: list(session.execute(sa.select(column).distinct().order_by(column)).scalars())
        for name, column in (
            ("actor", AuditEvent.actor_name),
            ("entity", AuditEvent.entity),
            ("action", AuditEvent.action),
        )
    }


def chain_head(session: Session) -> tuple[int, str]:
    """The chain head: the last sequence number and its hash ((0, '') before the first event)."""
    head = session.execute(sa.select(AuditHead.last_seq, AuditHead.last_hash).where(AuditHead.id == 1)).first()
    return (head.last_seq, head.last_hash) if head else (0, "")
