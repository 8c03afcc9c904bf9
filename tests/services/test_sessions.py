"""Sign-in sessions on the server, on both databases: a sign-in opens one with a one-time ticket, the ticket buys
the cookie's token once, only hashes are stored, and sign-out, deactivation, a password reset or change and
expiry end them — everywhere at once."""

from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlmodel import select

from cxgov.auth.tokens import digest
from cxgov.db import session_scope
from cxgov.errors import PermissionDenied, ValidationError
from cxgov.models import AuditEvent, Person, Role, SignInMode, SignInSession
from cxgov.models.base import utcnow
from cxgov.queries.sessions import Ended, sign_in_state
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.accounts import change_own_password, reset_password, sign_in
from cxgov.services.people import update_person
from cxgov.services.sessions import claim_sign_in_ticket, open_sign_in, sign_out
from cxgov.settings import SettingsError, get_settings, load_settings
from tests.factories import add_person

PASSWORD = "Groene fiets op de kade"
NEW_PASSWORD = "Koffie met stroopwafels om tien"


@pytest.fixture
def people(engine):
    """An admin, and a manager with a local account whose password is their own."""
    admin = add_person(engine, Role.ADMIN, name="Ada Admin")
    manager = add_person(engine, name="Mila Manager")
    with session_scope(engine, write=True) as session:
        reset_password(session=session, actor=SYSTEM_ACTOR, person_id=manager, new_password=f"x{PASSWORD}")
    with session_scope(engine, write=True) as session:
        change_own_password(session=session, actor=manager, current_password=f"x{PASSWORD}", new_password=PASSWORD)
    return admin, manager


def _email(engine, person_id):
    with session_scope(engine) as session:
        return session.get(Person, person_id).email


def _sign_in(engine, person_id, password=PASSWORD):
    with session_scope(engine, write=True) as session:
        return sign_in(session=session, email=_email(engine, person_id), password=password)


def _claim(engine, ticket):
    with session_scope(engine, write=True) as session:
        return claim_sign_in_ticket(session=session, ticket=ticket)


def _state(engine, **by):
    with session_scope(engine) as session:
        return sign_in_state(session, **by)


def _row(engine, sign_in_id) -> SignInSession:
    with session_scope(engine) as session:
        return session.get(SignInSession, sign_in_id)


def test_a_sign_in_opens_a_session_that_stores_only_the_hash_of_its_ticket(engine, people):
    _, manager = people
    result = _sign_in(engine, manager)
    row = _row(engine, result.sign_in_id)
    assert (row.person_id, row.mode, row.token_hash, row.ended_at) == (manager, SignInMode.LOCAL, None, None)
    assert row.ticket_hash == digest(result.ticket) and result.ticket not in str(row.model_dump())
    hours = get_settings().session_hours
    assert row.expires_at - row.created_at == timedelta(hours=hours)
    assert timedelta(seconds=0) < row.ticket_expires_at - row.created_at <= timedelta(minutes=2)


def test_the_ticket_buys_the_cookie_token_once(engine, people):
    _, manager = people
    result = _sign_in(engine, manager)
    issued = _claim(engine, result.ticket)
    assert issued is not None and issued.token != result.ticket
    assert get_settings().session_hours * 3600 - 60 < issued.max_age <= get_settings().session_hours * 3600
    row = _row(engine, result.sign_in_id)
    assert (row.token_hash, row.ticket_hash, row.ticket_expires_at) == (digest(issued.token), None, None)
    assert _claim(engine, result.ticket) is None, "a ticket is good for one cookie only"
    state = _state(engine, token=issued.token)
    assert (state.sign_in_id, state.person_id, state.name, state.ended) == (
        result.sign_in_id,
        manager,
        "Mila Manager",
        None,
    )
    assert _state(engine, token=result.ticket) is None and _state(engine, token="made-up") is None


def test_an_old_ticket_or_one_of_an_ended_session_buys_nothing(engine, people):
    _, manager = people
    late, ended = _sign_in(engine, manager), _sign_in(engine, manager)
    with session_scope(engine, write=True) as session:  # arrangement: the first ticket is three minutes old
        session.execute(
            update(SignInSession)
            .where(SignInSession.id == late.sign_in_id)
            .values(ticket_expires_at=utcnow() - timedelta(minutes=1))
        )
        session.execute(
            update(SignInSession)
            .where(SignInSession.id == ended.sign_in_id)
            .values(ended_at=utcnow(), end_reason="signed_out")
        )
    assert _claim(engine, late.ticket) is None and _claim(engine, ended.ticket) is None


@pytest.mark.parametrize("ticket", ["", "   ", "t" * 101, "nul\x00ticket"])
def test_a_ticket_that_cannot_be_one_is_refused_before_any_lookup(engine, ticket):
    with pytest.raises(ValidationError) as refused:
        _claim(engine, ticket)
    assert set(refused.value.errors) == {"ticket"}


def test_sign_out_ends_every_session_of_that_person_and_nobody_elses(engine, people):
    admin, manager = people
    first, second = _sign_in(engine, manager), _sign_in(engine, manager)
    with session_scope(engine, write=True) as session:
        company = open_sign_in(session, manager, SignInMode.SSO, round_trip=digest("a round trip"))
        others = open_sign_in(session, admin, SignInMode.SSO, round_trip=digest("another round trip"))
    with session_scope(engine, write=True) as session:
        assert sign_out(session=session, actor=manager) == 3
    for sign_in_id in (first.sign_in_id, second.sign_in_id, company.sign_in_id):
        assert _state(engine, sign_in_id=sign_in_id).ended is Ended.SIGNED_OUT
    assert _state(engine, sign_in_id=others.sign_in_id).ended is None
    assert _claim(engine, second.ticket) is None, "an ended session's ticket buys no cookie afterwards"
    with session_scope(engine) as session:
        [event] = session.exec(select(AuditEvent).where(AuditEvent.action == "sign_out")).all()
    assert (event.actor_id, event.entity, event.entity_id) == (manager, "sign_in_session", str(manager))


def test_the_command_line_cannot_sign_out(engine):
    with pytest.raises(PermissionDenied), session_scope(engine, write=True) as session:
        sign_out(session=session, actor=SYSTEM_ACTOR)


def test_deactivation_ends_every_session_and_reactivation_revives_none(engine, people):
    admin, manager = people
    result = _sign_in(engine, manager)
    issued = _claim(engine, result.ticket)
    values = {"name": "Mila Manager", "email": _email(engine, manager), "role": "manager"}
    for version, active in ((1, False), (2, True)):
        with session_scope(engine, write=True) as session:
            update_person(
                session=session, actor=admin, person_id=manager, seen_version=version, data=values | {"active": active}
            )
    row = _row(engine, result.sign_in_id)
    assert row.ended_at is not None and row.end_reason == "deactivated"
    assert _state(engine, token=issued.token).ended is Ended.DEACTIVATED


def test_a_person_deactivated_behind_the_apps_back_is_signed_out_too(engine, people):
    _, manager = people
    result = _sign_in(engine, manager)
    with session_scope(engine, write=True) as session:
        session.execute(update(Person).where(Person.id == manager).values(active=False))
    assert _state(engine, sign_in_id=result.sign_in_id).ended is Ended.DEACTIVATED


def test_an_admin_password_reset_ends_every_session(engine, people):
    admin, manager = people
    result = _sign_in(engine, manager)
    with session_scope(engine, write=True) as session:
        reset_password(session=session, actor=admin, person_id=manager, new_password=NEW_PASSWORD)
    assert _state(engine, sign_in_id=result.sign_in_id).ended is Ended.PASSWORD_RESET


def test_an_own_password_change_ends_the_other_sessions_only(engine, people):
    _, manager = people
    here, elsewhere = _sign_in(engine, manager), _sign_in(engine, manager)
    with session_scope(engine, write=True) as session:
        change_own_password(
            session=session,
            actor=manager,
            current_password=PASSWORD,
            new_password=NEW_PASSWORD,
            keep_sign_in=here.sign_in_id,
        )
    assert _state(engine, sign_in_id=here.sign_in_id).ended is None
    assert _state(engine, sign_in_id=elsewhere.sign_in_id).ended is Ended.PASSWORD_CHANGED


def test_a_session_expires_after_the_configured_hours(engine, people, monkeypatch):
    _, manager = people
    monkeypatch.setenv("CXGOV_SESSION_HOURS", "1")
    get_settings.cache_clear()
    result = _sign_in(engine, manager)
    row = _row(engine, result.sign_in_id)
    assert row.expires_at - row.created_at == timedelta(hours=1)
    with session_scope(engine, write=True) as session:  # arrangement: an hour and a minute later
        session.execute(
            update(SignInSession)
            .where(SignInSession.id == result.sign_in_id)
            .values(expires_at=utcnow() - timedelta(minutes=1))
        )
    assert _state(engine, sign_in_id=result.sign_in_id).ended is Ended.EXPIRED
    assert _claim(engine, result.ticket) is None


@pytest.mark.parametrize(
    ("value", "message"), [("0", "between 1 and 720"), ("721", "between 1 and 720"), ("a day", "whole number")]
)
def test_session_hours_are_bounded(monkeypatch, value, message):
    monkeypatch.setenv("CXGOV_SESSION_HOURS", value)
    with pytest.raises(SettingsError, match=f"CXGOV_SESSION_HOURS must be .*{message}"):
        load_settings()
