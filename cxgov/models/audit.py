"""Append-only, hash-chained audit events and the one-row chain head."""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class AuditEvent(SQLModel, table=True):
    """One change: field-level old/new values, actor id plus name snapshot (no foreign key)."""

    __tablename__ = "audit_event"
    # "changed by X at T" and the audit log filter look up an entity's latest events.
    __table_args__ = (sa.Index("ix_audit_event_entity", "entity", "entity_id", "seq"),)

    seq: int = Field(
        primary_key=True, sa_column_kwargs={"autoincrement": False}
    )  # gapless, assigned under the head lock
    occurred_at: datetime = Field(index=True)
    actor_id: int | None = Field(default=None, index=True)
    actor_name: str = ""
    entity: str = Field(max_length=40)
    entity_id: str = Field(max_length=40)
    action: str = Field(max_length=20)
    field: str | None = Field(default=None, max_length=60)
    old_value: str | None = None
    new_value: str | None = None
    reason: str = ""
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class AuditHead(SQLModel, table=True):
    """The chain head: last sequence number and hash; locked FOR UPDATE by every writer."""

    __tablename__ = "audit_head"

    id: int = Field(default=1, primary_key=True, sa_column_kwargs={"autoincrement": False})
    last_seq: int = 0
    last_hash: str = ""
