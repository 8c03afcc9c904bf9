"""Sign-in sessions kept on the server: opened by a sign-in, given a cookie (local accounts) in exchange for a
one-time ticket, and ended — never deleted — by sign-out, deactivation or a new password.

Only hashes are stored (cxgov.auth.tokens): the cookie token and the ticket exist in clear only on their way
to the browser. Every page run checks the session again (cxgov.queries.sessions), so ending it here signs the
person out everywhere at their next click.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from cxgov import audit
from cxgov.auth.tokens import digest, new_token
from cxgov.errors import PermissionDenied
from cxgov.models import SignInMode, SignInSession
from cxgov.models.base import utcnow
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_sessions import TicketInput
from cxgov.queries.sessions import Ended
from cxgov.services.unit import Actor, acting_person, audit_actor
from cxgov.settings import get_settings

ENTITY = "sign_in_session"
TICKET_SECONDS = 120  # the page claims its ticket right after signing in; two minutes cover a slow browser


@dataclass(frozen=True)
class Opened:
    """A new sign-in session, and for local accounts the ticket its page exchanges for the cookie."""

    sign_in_id: int
    ticket: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class IssuedCookie:
    """The cookie token for a claimed ticket, and how many seconds its session has left."""

    token: str = field(repr=False)
    max_age: int


def open_sign_in(session: Session, person_id: int, mode: SignInMode, *, round_trip: str | None = None) -> Opened:
    """Open a session lasting CXGOV_SESSION_HOURS: a local one with a ticket, a company one keyed on its round
    trip (a hash, cxgov.auth.sso.round_trip_key). Part of the signing-in service's own write unit."""
    now = utcnow()
    ticket = new_token() if mode is SignInMode.LOCAL else None
    row = SignInSession(
        person_id=person_id,
        mode=mode,
        identity_hash=round_trip,
        created_at=now,
        expires_at=now + timedelta(hours=get_settings().session_hours),
        ticket_hash=digest(ticket) if ticket else None,
        ticket_expires_at=now + timedelta(seconds=TICKET_SECONDS) if ticket else None,
    )
    session.add(row)
    session.flush()
    return Opened(sign_in_id=row.id, ticket=ticket)


def end_sign_ins(session: Session, person_id: int, reason: Ended, *, keep: int | None = None) -> int:
    """End every open session of a person (but `keep`, the one they are using); returns how many ended."""
    statement = (
        update(SignInSession)
        .where(SignInSession.person_id == person_id, SignInSession.ended_at.is_(None))
        .values(ended_at=utcnow(), end_reason=reason.value, ticket_hash=None, ticket_expires_at=None)
    )
    if keep is not None:
        statement = statement.where(SignInSession.id != keep)
    return session.execute(statement).rowcount


def claim_sign_in_ticket(*, session: Session, ticket: str) -> IssuedCookie | None:
    """Exchange a fresh sign-in's one-time ticket for the cookie's token; None when the ticket is unknown, used,
    expired or its session has ended.

    The route that sets the cookie calls it (no acting person yet: the ticket is the proof). Not audited on its
    own: it is the second half of the sign-in, which is.
    """
    values = parse_input(TicketInput, {"ticket": ticket})
    row = session.exec(
        select(SignInSession)
        .where(SignInSession.ticket_hash == digest(values.ticket))
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()
    now = utcnow()
    if row is None or row.ended_at is not None or row.ticket_expires_at <= now or row.expires_at <= now:
        return None
    token = new_token()
    row.token_hash, row.ticket_hash, row.ticket_expires_at = digest(token), None, None
    session.add(row)
    return IssuedCookie(token=token, max_age=int((row.expires_at - now).total_seconds()))


def sign_out(*, session: Session, actor: Actor) -> int:
    """The acting person signs out: every session they have open ends, in every tab and browser."""
    person = acting_person(session, actor)
    if person is None:  # the command line is never signed in
        raise PermissionDenied("error.sign_out_own_only", attempted="sign out")
    ended = end_sign_ins(session, person.id, Ended.SIGNED_OUT)
    audit.record(
        session,
        actor=audit_actor(person),
        entity=ENTITY,
        entity_id=person.id,
        action="sign_out",
        reason=f"{ended} open sign-in session(s) ended",
    )
    return ended
