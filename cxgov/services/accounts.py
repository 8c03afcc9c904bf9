"""Local accounts: a password reset by an admin, a person's own change, and sign-in with lockout.

Passwords and hashes never reach the audit trail: a password event shows "***" as its old and new value.

Sign-in does not raise on a failed attempt, because the failure itself must be stored: the attempt counter,
the lockout and their audit events would be rolled back with the transaction. `sign_in` records the
attempt (a success opens a sign-in session, cxgov.services.sessions) and returns a SignInResult; the caller
raises after the write unit has committed:

    with session_scope(engine, write=True) as session:
        result = sign_in(session=session, email=email, password=password)
    person_id = result.person_id_or_raise()  # SignInFailed, one message for every reason
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session, select

from cxgov import audit
from cxgov.auth.passwords import dummy_hash, hash_password, needs_rehash, password_problem, verify_password
from cxgov.errors import DomainError, NotFound, PermissionDenied, ValidationError
from cxgov.models import LocalAccount, Person, SignInMode, base
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_accounts import PasswordChangeInput, PasswordResetInput, SignInInput
from cxgov.queries.sessions import Ended
from cxgov.rules.permissions import Action, authorise
from cxgov.services.sessions import end_sign_ins, open_sign_in
from cxgov.services.unit import Actor, acting_person, audit_actor, get_or_404
from cxgov.settings import get_settings

ENTITY = "local_account"
MASK = "***"  # what the audit trail shows for a password: that it changed, never what it is
UNKNOWN_ACCOUNT = "unknown"  # entity id of attempts with an e-mail address no person has


class SignInFailed(DomainError):
    """Unknown e-mail, wrong password, deactivated or locked: deliberately one message for all of them."""


@dataclass(frozen=True)
class SignInResult:
    """The outcome of one attempt: who signed in (None: nobody), whether they must pick a new password, and the
    sign-in session it opened with the one-time ticket its page exchanges for the cookie."""

    person_id: int | None = None
    must_change_password: bool = False
    sign_in_id: int | None = None
    ticket: str | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.person_id is not None

    def person_id_or_raise(self) -> int:
        """The signed-in person's id, or SignInFailed (call it after the attempt's write unit committed)."""
        if self.person_id is None:
            raise SignInFailed("accounts.error.sign_in_failed")
        return self.person_id


def reset_password(*, session: Session, actor: Actor, person_id: int, new_password: str) -> None:
    """An admin sets a person's password (creating their account if needed); it must be changed at sign-in.

    Also unlocks the account: a reset is how an admin lets a locked-out person back in early. Every session the
    person has open ends: whoever knew the old password is signed out too.
    """
    values = parse_input(PasswordResetInput, {"new_password": new_password})
    admin = acting_person(session, actor)
    authorise(admin, Action.MANAGE_ACCOUNTS)
    person = get_or_404(session, Person, "person", person_id)
    _check_new_password(values.new_password, person)
    account = _account_for_update(session, person_id)
    who = audit_actor(admin)
    end_sign_ins(session, person_id, Ended.PASSWORD_RESET)
    if account is None:
        now = base.utcnow()
        session.add(
            LocalAccount(
                person_id=person_id,
                password_hash=hash_password(values.new_password),
                must_change_password=True,
                password_changed_at=now,
                created_at=now,
            )
        )
        audit.record(
            session, actor=who, entity=ENTITY, entity_id=person_id, action="create", field="password", new=MASK
        )
        return
    if account.locked_until is not None and account.locked_until > base.utcnow():
        audit.record(
            session,
            actor=who,
            entity=ENTITY,
            entity_id=person_id,
            action="unlock",
            field="locked_until",
            old=account.locked_until,
            new=None,
        )
    _store_password(session, account, values.new_password, must_change=True)
    audit.record(
        session, actor=who, entity=ENTITY, entity_id=person_id, action="update", field="password", old=MASK, new=MASK
    )


def change_own_password(
    *, session: Session, actor: Actor, current_password: str, new_password: str, keep_sign_in: int | None = None
) -> None:
    """The acting person replaces their own password, proving they know the current one; their other sessions
    end (`keep_sign_in` is the one they are using)."""
    values = parse_input(PasswordChangeInput, {"current_password": current_password, "new_password": new_password})
    person = acting_person(session, actor)
    if person is None:  # the command line has no password of its own
        raise PermissionDenied("error.account_own_only", attempted="change own password")
    account = _account_for_update(session, person.id)
    if account is None:
        raise NotFound("error.not_found", entity="entity.local_account", id=person.id)
    if not verify_password(account.password_hash, values.current_password):
        raise ValidationError({"current_password": "error.account_wrong_password"})
    if values.new_password == values.current_password:
        raise ValidationError({"new_password": "error.account_password_unchanged"})
    _check_new_password(values.new_password, person)
    _store_password(session, account, values.new_password, must_change=False)
    end_sign_ins(session, person.id, Ended.PASSWORD_CHANGED, keep=keep_sign_in)
    audit.record(
        session,
        actor=audit_actor(person),
        entity=ENTITY,
        entity_id=person.id,
        action="update",
        field="password",
        old=MASK,
        new=MASK,
    )


def sign_in(*, session: Session, email: str, password: str) -> SignInResult:
    """Check an e-mail and password; record the attempt (counter, lockout, audit) and return its outcome.

    Never raises for a failed attempt (see the module docstring): every reason gives the same empty result,
    and every attempt costs one argon2 verification, so neither message nor timing tells an attacker which
    reason it was. After CXGOV_LOCKOUT_THRESHOLD consecutive failures the account refuses every attempt,
    even the right password, for CXGOV_LOCKOUT_MINUTES.
    """
    values = parse_input(SignInInput, {"email": email, "password": password})
    person = session.exec(
        select(Person).where(Person.email == values.email).execution_options(populate_existing=True)
    ).first()
    account = _account_for_update(session, person.id) if person is not None else None
    matches = verify_password(account.password_hash if account else dummy_hash(), values.password)
    if person is None:
        audit.record(
            session,
            actor=audit.SYSTEM,
            entity=ENTITY,
            entity_id=UNKNOWN_ACCOUNT,
            action="sign_in_failed",
            new=values.email,
            reason="unknown e-mail address",
        )
        return SignInResult()
    if account is None:
        return _failed(session, person, "no local account")
    now = base.utcnow()
    if account.locked_until is not None and account.locked_until <= now:  # cool-down over: a fresh start
        account.locked_until, account.failed_attempts = None, 0
    if account.locked_until is not None:
        return _failed(session, person, "locked")
    if not matches:
        return _count_failure(session, person, account, now)
    if not person.active:
        return _failed(session, person, "deactivated")
    account.failed_attempts = 0
    if needs_rehash(account.password_hash):  # parameters raised since this hash was made; same password
        account.password_hash = hash_password(values.password)
        account.version += 1
        audit.record(
            session,
            actor=audit_actor(person),
            entity=ENTITY,
            entity_id=person.id,
            action="update",
            field="password",
            old=MASK,
            new=MASK,
            reason="rehashed with the current parameters",
        )
    session.add(account)
    opened = open_sign_in(session, person.id, SignInMode.LOCAL)
    audit.record(session, actor=audit_actor(person), entity=ENTITY, entity_id=person.id, action="sign_in")
    return SignInResult(
        person_id=person.id,
        must_change_password=account.must_change_password,
        sign_in_id=opened.sign_in_id,
        ticket=opened.ticket,
    )


def _count_failure(session: Session, person: Person, account: LocalAccount, now: datetime) -> SignInResult:
    """One more wrong password; the one that reaches the threshold locks the account."""
    settings = get_settings()
    account.failed_attempts += 1
    result = _failed(session, person, f"wrong password ({account.failed_attempts} in a row)")
    if account.failed_attempts >= settings.lockout_threshold:
        account.locked_until = now + timedelta(minutes=settings.lockout_minutes)
        audit.record(
            session,
            actor=audit_actor(person),
            entity=ENTITY,
            entity_id=person.id,
            action="lock",
            field="locked_until",
            new=account.locked_until,
        )
    session.add(account)
    return result


def _failed(session: Session, person: Person, reason: str) -> SignInResult:
    """Audit a failed attempt on a known person (the reason is for admins; the user sees one message)."""
    audit.record(
        session, actor=audit_actor(person), entity=ENTITY, entity_id=person.id, action="sign_in_failed", reason=reason
    )
    return SignInResult()


def _account_for_update(session: Session, person_id: int) -> LocalAccount | None:
    """The account row, locked until commit (PostgreSQL; SQLite write units are serialised already)."""
    return session.exec(
        select(LocalAccount)
        .where(LocalAccount.person_id == person_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()


def _check_new_password(password: str, person: Person) -> None:
    problem = password_problem(
        password, min_length=get_settings().password_min_length, email=person.email, name=person.name
    )
    if problem is not None:
        raise ValidationError({"new_password": problem})


def _store_password(session: Session, account: LocalAccount, password: str, *, must_change: bool) -> None:
    """A new hash; a new password also ends any lockout and starts the failure count again."""
    account.password_hash = hash_password(password)
    account.must_change_password = must_change
    account.password_changed_at = base.utcnow()
    account.failed_attempts, account.locked_until = 0, None
    account.version += 1
    session.add(account)
