"""Single sign-on: the identity the company's provider vouched for → a person in cxgov, or a refusal.

An identity (the provider's issuer and subject) is bound to a person at its first sign-in, found by an e-mail
address the provider vouches for, and matched by that binding ever after: an address alone never moves an
identity to another person. Each provider round trip opens one sign-in session and is audited once; a refresh or
a new tab of the same round trip resumes that session without a new event.

Like local sign-in, a refusal is recorded and returned, not raised (a raise would roll its audit event back):

    with session_scope(engine, write=True) as session:
        outcome = sso_sign_in(session=session, claims=claims)
    if outcome.person_id is None: ...show outcome.refusal...
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import false, or_
from sqlmodel import Session, func, select

from cxgov import audit
from cxgov.auth.sso import ClaimedIdentity, Refusal, claimed_identity, display_name, round_trip_key
from cxgov.errors import ValidationError
from cxgov.models import Person, Role, SignInMode, SignInSession, SsoIdentity
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_admin import PersonInput
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.people import create_person
from cxgov.services.sessions import open_sign_in
from cxgov.services.unit import audit_actor
from cxgov.settings import get_settings

ENTITY = "sso_sign_in"  # entity id: the person's id, or UNKNOWN_PERSON; the address itself is the event's value
UNKNOWN_PERSON = "unknown"
# The refusal as the audit log states it, for admins (in English, like every audit reason).
REASONS = {
    Refusal.NO_SUBJECT: "no usable subject (sub) received",
    Refusal.NO_EMAIL: "no e-mail address received",
    Refusal.INVALID_EMAIL: "not a valid e-mail address",
    Refusal.UNVERIFIED: "not verified by the provider",
    Refusal.UNKNOWN: "unknown e-mail address",
    Refusal.ALREADY_BOUND: "address already bound to another identity of this provider",
    Refusal.DEACTIVATED: "deactivated",
}


@dataclass(frozen=True)
class SsoOutcome:
    email: str | None  # the address to name on the page (shown safely: no control characters, capped)
    person_id: int | None = None
    sign_in_id: int | None = None
    refusal: Refusal | None = None
    created: bool = False  # a viewer was created for this first sign-in (CXGOV_SSO_CREATE_VIEWERS)


def sso_sign_in(*, session: Session, claims: Mapping[str, object]) -> SsoOutcome:
    """Find the person behind a provider round trip and open its sign-in session; record the sign-in or refusal.

    The identity's binding decides who it is; without one, a verified address binds it to its person (an
    unknown address is refused, "ask your admin", or with CXGOV_SSO_CREATE_VIEWERS becomes a viewer created
    by the system). A round trip that already has its session (another tab got here first) resumes it.
    """
    settings = get_settings()
    identity = claimed_identity(
        claims, trust_email=settings.sso_trust_email, use_preferred_username=settings.sso_use_preferred_username
    )
    round_trip = round_trip_key(claims)
    resumed = session.exec(select(SignInSession).where(SignInSession.identity_hash == round_trip)).first()
    if resumed is not None:
        return SsoOutcome(email=identity.email, person_id=resumed.person_id, sign_in_id=resumed.id)
    if identity.problem is Refusal.NO_SUBJECT:
        return _refused(session, identity, Refusal.NO_SUBJECT)
    binding = session.exec(
        select(SsoIdentity).where(SsoIdentity.issuer == identity.issuer, SsoIdentity.subject == identity.subject)
    ).first()
    if binding is not None:
        found = session.get(Person, binding.person_id, populate_existing=True), False
    else:
        found = _first_sign_in(session, identity, claims)
    if isinstance(found, SsoOutcome):
        return found
    person, created = found
    if not person.active:
        return _refused(session, identity, Refusal.DEACTIVATED, person)
    if binding is None:
        session.add(
            SsoIdentity(
                issuer=identity.issuer, subject=identity.subject, person_id=person.id, email_at_binding=identity.email
            )
        )
    opened = open_sign_in(session, person.id, SignInMode.SSO, round_trip=round_trip)
    audit.record(
        session,
        actor=audit_actor(person),
        entity=ENTITY,
        entity_id=person.id,
        action="sign_in",
        new=person.email,
        reason="" if binding else "first sign-in: bound to this provider identity",
    )
    return SsoOutcome(email=person.email, person_id=person.id, sign_in_id=opened.sign_in_id, created=created)


def _first_sign_in(
    session: Session, identity: ClaimedIdentity, claims: Mapping[str, object]
) -> tuple[Person, bool] | SsoOutcome:
    """(the person a verified address belongs to, whether they were created now), or the refusal."""
    if identity.problem is not None:
        return _refused(session, identity, identity.problem)
    email = identity.email
    person = session.exec(
        select(Person).where(func.lower(Person.email) == email).execution_options(populate_existing=True)
    ).first()
    # Another subject of this provider already holds the address (or the person): at providers where people
    # pick their own user name, taking over someone's address would otherwise take over their access.
    taken = session.exec(
        select(SsoIdentity.id).where(
            SsoIdentity.issuer == identity.issuer,
            or_(SsoIdentity.email_at_binding == email, SsoIdentity.person_id == person.id if person else false()),
        )
    ).first()
    if taken is not None:
        return _refused(session, identity, Refusal.ALREADY_BOUND, person)
    if person is not None:
        return person, False
    if not get_settings().sso_create_viewers:
        return _refused(session, identity, Refusal.UNKNOWN)
    try:
        values = parse_input(PersonInput, {"name": display_name(claims, email), "email": email, "role": Role.VIEWER})
    except ValidationError:
        return _refused(session, identity, Refusal.INVALID_EMAIL)
    person_id = create_person(session=session, actor=SYSTEM_ACTOR, data=values)
    return session.get(Person, person_id), True


def _refused(session: Session, identity: ClaimedIdentity, refusal: Refusal, person: Person | None = None) -> SsoOutcome:
    """Audit a refusal (as the system: nobody is signed in) and name the address it was about."""
    email = person.email if refusal is Refusal.DEACTIVATED else identity.email or identity.shown
    audit.record(
        session,
        actor=audit.SYSTEM,
        entity=ENTITY,
        entity_id=person.id if person else UNKNOWN_PERSON,
        action="sign_in_refused",
        new=email or f"subject {identity.subject}",
        reason=REASONS[refusal],
    )
    return SsoOutcome(email=email or None, refusal=refusal)
