"""Shared metadata (constraint naming convention) and column helpers."""

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import SQLModel

# Stable constraint names, so migrations can drop and alter them on both databases.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Money = sa.BigInteger  # integer cents: exact on SQLite and PostgreSQL alike (floats would round)


def utcnow() -> datetime:
    """Now, UTC-aware, at microsecond precision (what both databases store)."""
    return datetime.now(UTC)
