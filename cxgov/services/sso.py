"""Single sign-on: the identity the company's provider vouched for → a person in cxgov, or a refusal.

Like local sign-in, a refusal is recorded and returned, not raised (a raise would roll its audit event back):

    with session_scope(engine, write=True) as session:
        outcome = sso_sign_in(session=session, claims=claims)
    if outcome.person_id is None: ...show outcome.refusal...
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from sqlmodel import Session, func, select

from cxgov import audit
from cxgov.models import Person, Role
from cxgov.permissions import SYSTEM_ACTOR
from cxgov.services.people import create_person
from cxgov.services.unit import audit_actor
from cxgov.settings import get_settings
from cxgov.sso import display_name, email_of

ENTITY = "sso_sign_in"  # entity id: the person's id, or UNKNOWN_PERSON; the address itself is the event's value
UNKNOWN_PERSON = "unknown"


class Refusal(StrEnum):
    """Why an identity signed in at the provider gets no access to cxgov (each has its own page text)."""

    NO_EMAIL = "no_email"  # the provider sent no (verified) e-mail address
    UNKNOWN = "unknown"  # no person has this address: an admin must add them
    DEACTIVATED = "deactivated"  # the person's access has ended


@dataclass(frozen=True)
class SsoOutcome:
    email: str | None
    person_id: int | None = None
    refusal: Refusal | None = None
    created: bool = False  # a viewer was created for this first sign-in (CXGOV_SSO_CREATE_VIEWERS)


def sso_sign_in(*, session: Session, claims: Mapping[str, object]) -> SsoOutcome:
    """Map the identity's verified e-mail address to an active person; record the sign-in or the refusal.

    An unknown address is refused ("ask your admin"), or, with CXGOV_SSO_CREATE_VIEWERS, becomes a viewer
    (created by the system, audited). Addresses compare case-insensitively: they are stored lower-case.
    """
    email = email_of(claims)
    if email is None:
        return _refused(session, SsoOutcome(email=None, refusal=Refusal.NO_EMAIL), person=None,
                        identity=f"subject {str(claims.get('sub') or '?')[:200]}")
    person = session.exec(select(Person).where(func.lower(Person.email) == email)
                          .execution_options(populate_existing=True)).first()
    if person is None and get_settings().sso_create_viewers:
        person_id = create_person(session=session, actor=SYSTEM_ACTOR, data={
            "name": display_name(claims, email), "email": email, "role": Role.VIEWER})
        person = session.get(Person, person_id)
        created = True
    else:
        created = False
    if person is None:
        return _refused(session, SsoOutcome(email=email, refusal=Refusal.UNKNOWN), person=None, identity=email)
    if not person.active:
        return _refused(session, SsoOutcome(email=email, refusal=Refusal.DEACTIVATED), person=person,
                        identity=email)
    audit.record(session, actor=audit_actor(person), entity=ENTITY, entity_id=person.id, action="sign_in",
                 new=email)
    return SsoOutcome(email=email, person_id=person.id, created=created)


def _refused(session: Session, outcome: SsoOutcome, person: Person | None, identity: str) -> SsoOutcome:
    audit.record(session, actor=audit.SYSTEM, entity=ENTITY, entity_id=UNKNOWN_PERSON if person is None else person.id,
                 action="sign_in_refused", new=identity, reason=outcome.refusal.value)
    return outcome
