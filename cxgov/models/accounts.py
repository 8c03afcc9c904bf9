"""Local accounts: a password for people who sign in without the company's identity provider."""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from cxgov.models.base import utcnow
from cxgov.models.enums import SignInMode, enum_type


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


class SignInSession(SQLModel, table=True):
    """One sign-in: a browser holding a local-account session cookie, or one company sign-in round trip shared
    by the tabs of a browser. Ended (never deleted) by sign-out, deactivation, a password reset or expiry.

    Only hashes are stored: `token_hash` of the cookie's random token (local), `ticket_hash` of the one-time
    ticket a freshly signed-in page exchanges for that cookie, `identity_hash` of the provider's round trip
    (issuer, subject, issued-at, nonce) for company sign-in.
    """

    __tablename__ = "sign_in_session"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    mode: SignInMode = Field(sa_type=enum_type(SignInMode))
    token_hash: str | None = Field(default=None, max_length=64, unique=True)
    ticket_hash: str | None = Field(default=None, max_length=64, unique=True)
    ticket_expires_at: datetime | None = None
    identity_hash: str | None = Field(default=None, max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    ended_at: datetime | None = None
    end_reason: str = Field(default="", max_length=40)


class SsoIdentity(SQLModel, table=True):
    """A company identity (the provider's issuer and subject) bound to a person at their first sign-in; later
    sign-ins are matched by it, never again by an e-mail address the provider may let people change."""

    __tablename__ = "sso_identity"
    __table_args__ = (sa.UniqueConstraint("issuer", "subject", name="uq_sso_identity_issuer_subject"),)

    id: int | None = Field(default=None, primary_key=True)
    issuer: str = Field(max_length=500)
    subject: str = Field(max_length=255)
    person_id: int = Field(foreign_key="person.id", index=True)
    email_at_binding: str = Field(default="", max_length=254)
    bound_at: datetime = Field(default_factory=utcnow)
