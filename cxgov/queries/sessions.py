"""Who a sign-in session belongs to, and whether it still lasts: one statement, run at the start of every page run.

A session is found by its id (the browser session that signed in keeps it), by the hash of its cookie token (a
new tab or a refresh of local accounts) or by the hash of the company sign-in round trip it was opened for.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Session

from cxgov.auth.tokens import digest
from cxgov.models import LocalAccount, Person, Role, SignInSession
from cxgov.models.base import utcnow


class Ended(StrEnum):
    """Why a sign-in session no longer lets its person in (stored in `end_reason`, except EXPIRED)."""

    SIGNED_OUT = "signed_out"  # the person signed out, in this or another tab or browser
    DEACTIVATED = "deactivated"  # an admin deactivated the person
    PASSWORD_RESET = "password_reset"  # an admin set a new password
    PASSWORD_CHANGED = "password_changed"  # the person chose a new password in another session
    EXPIRED = "expired"  # CXGOV_SESSION_HOURS have passed since the sign-in


ENDINGS = frozenset(reason.value for reason in Ended)


@dataclass(frozen=True)
class SignInState:
    """A sign-in session as the app frame needs it: whose it is and, when it no longer lasts, why."""

    sign_in_id: int
    person_id: int
    name: str
    email: str
    role: Role
    must_change_password: bool  # a local account whose password was set by an admin
    ended: Ended | None  # None while the session lasts


def sign_in_state(
    session: Session, *, sign_in_id: int | None = None, token: str | None = None, round_trip: str | None = None
) -> SignInState | None:
    """The session with this id, cookie token or round-trip hash (exactly one is given); None when none has it."""
    if sign_in_id is not None:
        match = SignInSession.id == sign_in_id
    elif token is not None:
        match = SignInSession.token_hash == digest(token)
    elif round_trip is not None:
        match = SignInSession.identity_hash == round_trip
    else:
        raise ValueError("sign_in_state needs a sign_in_id, a token or a round_trip")
    row = session.execute(
        sa.select(
            SignInSession.id,
            SignInSession.person_id,
            SignInSession.ended_at,
            SignInSession.end_reason,
            SignInSession.expires_at,
            Person.name,
            Person.email,
            Person.role,
            Person.active,
            LocalAccount.must_change_password,
        )
        .join(Person, Person.id == SignInSession.person_id)
        .outerjoin(LocalAccount, LocalAccount.person_id == SignInSession.person_id)
        .where(match)
    ).first()
    if row is None:
        return None
    return SignInState(
        sign_in_id=row.id,
        person_id=row.person_id,
        name=row.name,
        email=row.email,
        role=Role(row.role),
        must_change_password=bool(row.must_change_password),
        ended=_ended(row),
    )


def _ended(row) -> Ended | None:
    """An ended session keeps the reason it was ended with; a deactivated person's session ends, whatever it says."""
    if row.ended_at is not None:
        return Ended(row.end_reason) if row.end_reason in ENDINGS else Ended.SIGNED_OUT
    if not row.active:
        return Ended.DEACTIVATED
    if row.expires_at <= utcnow():
        return Ended.EXPIRED
    return None
