"""Local accounts: admin reset, own password change, sign-in with one generic error and a lockout that is stored."""

from datetime import timedelta

import pytest
from sqlmodel import select

from cxgov import audit
from cxgov.db import session_scope
from cxgov.errors import NotFound, PermissionDenied, ValidationError
from cxgov.models import AuditEvent, LocalAccount, Person, Role, base
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.accounts import (
    SignInFailed,
    SignInResult,
    change_own_password,
    reset_password,
    sign_in,
)
from cxgov.settings import get_settings
from tests.factories import add_person

GOOD = "Groene fiets op de kade"
OTHER = "Koffie met stroopwafels om tien"


def _email(engine, person_id: int) -> str:
    with session_scope(engine) as session:
        return session.get(Person, person_id).email


def _reset(engine, actor, person_id: int, password: str = GOOD) -> None:
    with session_scope(engine, write=True) as session:
        reset_password(session=session, actor=actor, person_id=person_id, new_password=password)


def _attempt(engine, email: str, password: str) -> SignInResult:
    """One sign-in attempt as the UI will make it: its own write unit, committed whatever the outcome."""
    with session_scope(engine, write=True) as session:
        return sign_in(session=session, email=email, password=password)


def _account(engine, person_id: int) -> LocalAccount:
    with session_scope(engine) as session:
        return session.get(LocalAccount, person_id)


def _events(engine, action: str | None = None) -> list[AuditEvent]:
    with session_scope(engine) as session:
        query = select(AuditEvent).where(AuditEvent.entity == "local_account").order_by(AuditEvent.seq)
        if action:
            query = query.where(AuditEvent.action == action)
        return list(session.exec(query).all())


@pytest.fixture
def people(engine):
    """An admin and a manager whose account the admin has set up (and who chose their own password)."""
    admin = add_person(engine, Role.ADMIN, name="Ada Admin")
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    _reset(engine, admin, manager, OTHER)
    with session_scope(engine, write=True) as session:
        change_own_password(session=session, actor=manager, current_password=OTHER, new_password=GOOD)
    return admin, manager


# --- reset by an admin ---------------------------------------------------------------------------------------


def test_admin_reset_creates_the_account_and_is_audited_without_the_password(engine):
    admin = add_person(engine, Role.ADMIN)
    person = add_person(engine, Role.CONTRIBUTOR)
    _reset(engine, admin, person)
    account = _account(engine, person)
    assert account.password_hash.startswith("$argon2id$") and account.must_change_password
    assert account.version == 1
    _reset(engine, admin, person, OTHER)
    account = _account(engine, person)
    assert account.version == 2
    events = _events(engine)
    assert [(e.action, e.field, e.old_value, e.new_value, e.actor_id) for e in events] == [
        ("create", "password", None, "***", admin),
        ("update", "password", "***", "***", admin),
    ]
    everything = " ".join(str(v) for e in events for v in e.model_dump().values())
    assert GOOD not in everything and OTHER not in everything and "argon2" not in everything
    assert account.password_hash not in everything
    with session_scope(engine) as session:
        assert audit.verify(session, get_settings().audit_key).ok


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.ADMIN])
def test_only_an_admin_can_reset(engine, role):
    actor = add_person(engine, role)
    person = add_person(engine)
    with pytest.raises(PermissionDenied), session_scope(engine, write=True) as session:
        reset_password(session=session, actor=actor, person_id=person, new_password=GOOD)
    assert _account(engine, person) is None


def test_reset_checks_the_password_rules_against_the_person(engine):
    admin = add_person(engine, Role.ADMIN)
    person = add_person(engine, name="Femke Bakker")
    for password, key in [
        ("kort", "error.account_password_too_short"),
        ("Wachtwoord2026!", "error.account_password_common"),
        ("Femke-heeft-een-fiets", "error.account_password_personal"),
    ]:
        with pytest.raises(ValidationError) as caught, session_scope(engine, write=True) as session:
            reset_password(session=session, actor=admin, person_id=person, new_password=password)
        assert caught.value.errors["new_password"][0] == key
    with pytest.raises(NotFound), session_scope(engine, write=True) as session:
        reset_password(session=session, actor=admin, person_id=99_999, new_password=GOOD)
    assert _events(engine) == []


def test_the_minimum_length_comes_from_the_setting(engine, monkeypatch):
    admin = add_person(engine, Role.ADMIN)
    person = add_person(engine)
    monkeypatch.setenv("CXGOV_PASSWORD_MIN_LENGTH", "30")
    get_settings.cache_clear()
    try:
        with pytest.raises(ValidationError) as caught, session_scope(engine, write=True) as session:
            reset_password(session=session, actor=admin, person_id=person, new_password=GOOD)
        assert caught.value.errors["new_password"] == ("error.account_password_too_short", {"min": 30})
    finally:
        monkeypatch.delenv("CXGOV_PASSWORD_MIN_LENGTH")
        get_settings.cache_clear()


# --- the person's own change ---------------------------------------------------------------------------------


def test_change_own_requires_the_current_password(engine, people):
    _, manager = people
    with pytest.raises(ValidationError) as caught, session_scope(engine, write=True) as session:
        change_own_password(
            session=session, actor=manager, current_password="wrong one entirely", new_password="Nieuwe zin voor later"
        )
    assert caught.value.errors == {"current_password": ("error.account_wrong_password", {})}
    with pytest.raises(ValidationError) as caught, session_scope(engine, write=True) as session:
        change_own_password(session=session, actor=manager, current_password=GOOD, new_password=GOOD)
    assert caught.value.errors == {"new_password": ("error.account_password_unchanged", {})}
    assert _attempt(engine, _email(engine, manager), GOOD).ok


def test_change_own_clears_must_change_and_is_audited(engine, people):
    _admin, manager = people
    account = _account(engine, manager)
    assert not account.must_change_password and account.version == 2
    last = _events(engine)[-1]
    assert (last.action, last.field, last.old_value, last.new_value, last.actor_id) == (
        "update",
        "password",
        "***",
        "***",
        manager,
    )
    assert _attempt(engine, _email(engine, manager), GOOD).ok
    assert not _attempt(engine, _email(engine, manager), OTHER).ok


def test_change_own_needs_a_person_with_an_account(engine):
    person = add_person(engine)
    with pytest.raises(NotFound), session_scope(engine, write=True) as session:
        change_own_password(session=session, actor=person, current_password=GOOD, new_password=OTHER)
    with pytest.raises(PermissionDenied), session_scope(engine, write=True) as session:
        change_own_password(session=session, actor=SYSTEM_ACTOR, current_password=GOOD, new_password=OTHER)


# --- sign-in -------------------------------------------------------------------------------------------------


def test_sign_in_success_is_audited_and_reports_a_required_change(engine, people):
    admin, manager = people
    result = _attempt(engine, "  " + _email(engine, manager).upper() + " ", GOOD)  # as typed: case, spaces
    assert (result.person_id, result.must_change_password) == (manager, False)
    assert result.sign_in_id is not None and result.ticket, "a sign-in session with the ticket for its cookie"
    assert result.ticket not in repr(result), "the ticket never reaches a log or traceback"
    assert result.person_id_or_raise() == manager
    assert [(e.actor_id, e.entity_id) for e in _events(engine, "sign_in")] == [(manager, str(manager))]
    _reset(engine, admin, manager, OTHER)
    assert _attempt(engine, _email(engine, manager), OTHER).must_change_password


def test_every_failure_gives_the_same_generic_error(engine, people):
    _admin, manager = people
    no_account = add_person(engine)
    email = _email(engine, manager)
    failures = [
        _attempt(engine, "nobody@example.nl", GOOD),
        _attempt(engine, email, "not the password at all"),
        _attempt(engine, _email(engine, no_account), GOOD),
    ]
    with session_scope(engine, write=True) as session:
        session.get(Person, manager).active = False
    failures.append(_attempt(engine, email, GOOD))  # right password, deactivated person
    messages = set()
    for result in failures:
        assert result == SignInResult()
        with pytest.raises(SignInFailed) as caught:
            result.person_id_or_raise()
        messages.add((caught.value.key, caught.value.message("en"), caught.value.message("nl")))
    assert len(messages) == 1 and next(iter(messages))[0] == "accounts.error.sign_in_failed"
    reasons = [(e.entity_id, e.reason) for e in _events(engine, "sign_in_failed")]
    assert reasons == [
        ("unknown", "unknown e-mail address"),
        (str(manager), "wrong password (1 in a row)"),
        (str(no_account), "no local account"),
        (str(manager), "deactivated"),
    ]


def test_an_unknown_email_is_audited_lower_case_and_never_the_password(engine):
    _attempt(engine, "Onbekend@Example.NL", "Geheim-wachtwoord-123")
    [event] = _events(engine, "sign_in_failed")
    assert (event.actor_id, event.actor_name, event.new_value) == (None, "system", "onbekend@example.nl")
    assert "Geheim-wachtwoord" not in " ".join(str(v) for v in event.model_dump().values())


def test_blank_fields_are_a_validation_error(engine):
    with pytest.raises(ValidationError) as caught, session_scope(engine, write=True) as session:
        sign_in(session=session, email=" ", password="")
    assert set(caught.value.errors) == {"email", "password"}


def test_nul_in_the_address_or_password_is_refused_naming_the_field_on_both_databases(engine, people):
    """PostgreSQL cannot even look up text holding NUL: sign-in failed there instead of saying what is wrong."""
    for email, password, field in (
        ("mila\x00@voltera.nl", GOOD, "email"),
        ("x@voltera.nl", "pass\x00word", "password"),
    ):
        with pytest.raises(ValidationError) as caught:
            _attempt(engine, email, password)
        assert caught.value.errors == {field: ("error.nul_character", {})}


def test_failures_are_stored_and_counted_across_attempts(engine, people):
    _, manager = people
    email = _email(engine, manager)
    for n in range(1, 4):
        assert not _attempt(engine, email, f"wrong guess number {n}").ok
        assert _account(engine, manager).failed_attempts == n
    assert len(_events(engine, "sign_in_failed")) == 3
    assert _attempt(engine, email, GOOD).ok
    assert _account(engine, manager).failed_attempts == 0  # a success resets the counter
    assert not _attempt(engine, email, "wrong again").ok
    assert _account(engine, manager).failed_attempts == 1
    with session_scope(engine) as session:
        assert audit.verify(session, get_settings().audit_key).ok


def test_lockout_after_five_failures_even_the_right_password_until_the_cool_down(engine, people, monkeypatch):
    _admin, manager = people
    email = _email(engine, manager)
    for n in range(5):
        assert not _attempt(engine, email, f"wrong guess number {n}").ok
    account = _account(engine, manager)
    assert account.failed_attempts == 5 and account.locked_until is not None
    [lock] = _events(engine, "lock")
    assert lock.actor_id == manager and lock.field == "locked_until"
    assert not _attempt(engine, email, GOOD).ok  # locked: the right password fails too
    assert _events(engine, "sign_in_failed")[-1].reason == "locked"
    assert _account(engine, manager).failed_attempts == 5  # attempts while locked do not extend anything

    real_now = base.utcnow
    monkeypatch.setattr(base, "utcnow", lambda: real_now() + timedelta(minutes=14))
    assert not _attempt(engine, email, GOOD).ok  # still inside the 15 minutes
    monkeypatch.setattr(base, "utcnow", lambda: real_now() + timedelta(minutes=16))
    assert _attempt(engine, email, GOOD).ok
    account = _account(engine, manager)
    assert account.failed_attempts == 0 and account.locked_until is None


def test_after_the_cool_down_a_wrong_password_starts_counting_again(engine, people, monkeypatch):
    _, manager = people
    email = _email(engine, manager)
    for n in range(5):
        _attempt(engine, email, f"wrong guess number {n}")
    real_now = base.utcnow
    monkeypatch.setattr(base, "utcnow", lambda: real_now() + timedelta(minutes=16))
    assert not _attempt(engine, email, "one more wrong guess").ok
    account = _account(engine, manager)
    assert account.failed_attempts == 1 and account.locked_until is None


def test_an_admin_reset_unlocks(engine, people):
    admin, manager = people
    email = _email(engine, manager)
    for n in range(5):
        _attempt(engine, email, f"wrong guess number {n}")
    _reset(engine, admin, manager, OTHER)
    [unlock] = _events(engine, "unlock")
    assert unlock.actor_id == admin and unlock.new_value is None
    result = _attempt(engine, email, OTHER)
    assert result.ok and result.must_change_password


def test_an_old_hash_is_replaced_at_sign_in(engine, people):
    from argon2 import PasswordHasher

    _, manager = people
    weak = PasswordHasher(time_cost=1, memory_cost=8_192, parallelism=1).hash(GOOD)
    with session_scope(engine, write=True) as session:
        session.get(LocalAccount, manager).password_hash = weak
    assert _attempt(engine, _email(engine, manager), GOOD).ok
    account = _account(engine, manager)
    assert account.password_hash.startswith("$argon2id$v=19$m=19456,t=2,p=1$") and account.version == 3
    assert _events(engine)[-2].reason == "rehashed with the current parameters"
    assert _attempt(engine, _email(engine, manager), GOOD).ok
