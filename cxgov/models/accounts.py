"""Local accounts: a password for people who sign in without the company's identity provider."""
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from cxgov.models.base import utcnow


class LocalAccount(SQLModel, table=True):
    """One person's password (an argon2id hash, never the password) and their lockout state.

    `version` counts password changes (reset, own change, rehash); sign-in bookkeeping (failures,
    lockout) does not bump it, so a reset form is not refused because someone mistyped in between.
    """

    __tablename__ = "local_account"
    __table_args__ = (
        sa.CheckConstraint("failed_attempts >= 0", name="failed_attempts_not_negative"),
        sa.CheckConstraint("version >= 1", name="version_positive"),
    )

    # One account per person: the person's id is the key (never generated, hence no autoincrement).
    person_id: int = Field(foreign_key="person.id", primary_key=True, sa_column_kwargs={"autoincrement": False})
    password_hash: str = Field(max_length=255)
    failed_attempts: int = 0  # consecutive failures since the last success or expired lockout
    locked_until: datetime | None = None  # UTC; sign-in refused until then, even with the right password
    password_changed_at: datetime = Field(default_factory=utcnow)
    must_change_password: bool = False  # set by an admin reset: the person picks their own next
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
