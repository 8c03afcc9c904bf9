"""Company single sign-on: the [auth] configuration check, the claims read strictly, and an identity bound to
its person at the first sign-in (known, unknown, created as a viewer, deactivated, already bound elsewhere),
one audited sign-in per provider round trip, on both databases."""

import pytest
from sqlmodel import func, select

from cxgov.auth.sso import (
    MAX_SHOWN,
    REQUIRED_KEYS,
    claimed_identity,
    config_problems,
    display_name,
    read_auth_section,
    round_trip_key,
)
from cxgov.db import session_scope
from cxgov.models import AuditEvent, Person, Role, SignInSession, SsoIdentity
from cxgov.services.sso import ENTITY, Refusal, sso_sign_in
from cxgov.settings import get_settings
from tests.factories import add_person

GOOD = {
    "redirect_uri": "https://cxgov.voltera.nl/oauth2callback",
    "cookie_secret": "s" * 32,
    "client_id": "cxgov",
    "client_secret": "from-the-provider",
    "server_metadata_url": "https://login.microsoftonline.com/TENANT/v2.0/.well-known/openid-configuration",
}


# --- configuration -----------------------------------------------------------------------------------------


def test_a_complete_https_section_passes_in_production():
    assert config_problems(GOOD, production=True) == []


def test_a_missing_section_names_every_key():
    [problem] = config_problems(None, production=False)
    assert all(key in problem for key in REQUIRED_KEYS)


@pytest.mark.parametrize("key", REQUIRED_KEYS)
def test_each_missing_key_is_named(key):
    assert any(f"[auth] {key} is missing" in p for p in config_problems(GOOD | {key: ""}, production=False))


def test_short_cookie_secret_and_wrong_callback_are_refused_without_showing_the_secret():
    problems = config_problems(
        GOOD | {"cookie_secret": "tiny-secret", "redirect_uri": "https://cxgov.nl/cb"}, production=False
    )
    assert any("cookie_secret is shorter than 32" in p for p in problems)
    assert any("must end with /oauth2callback" in p for p in problems)
    assert not any("tiny-secret" in p for p in problems)


def test_plain_http_is_refused_in_production_except_on_the_local_machine():
    remote = GOOD | {"redirect_uri": "http://cxgov.voltera.nl/oauth2callback"}
    local = GOOD | {"redirect_uri": "http://localhost:8501/oauth2callback"}
    assert config_problems(remote, production=False) == []
    assert any("https" in p for p in config_problems(remote, production=True))
    assert config_problems(local, production=True) == []


def test_the_project_secrets_file_wins_over_the_home_one(tmp_path):
    (tmp_path / "home" / ".streamlit").mkdir(parents=True)
    (tmp_path / "project" / ".streamlit").mkdir(parents=True)
    (tmp_path / "home" / ".streamlit" / "secrets.toml").write_text('[auth]\nclient_id = "home"\nclient_secret = "h"\n')
    (tmp_path / "project" / ".streamlit" / "secrets.toml").write_text('[auth]\nclient_id = "project"\n')
    section = read_auth_section(tmp_path / "project", home=tmp_path / "home")
    assert section == {"client_id": "project", "client_secret": "h"}
    assert read_auth_section(tmp_path / "nowhere", home=tmp_path / "nobody") is None


# --- the claims, read strictly ------------------------------------------------------------------------------

ISSUER = "https://login.voltera.example"


def _read(claims, trust_email=False, use_preferred_username=False):
    return claimed_identity(
        {"iss": ISSUER, "sub": "s-1"} | claims, trust_email=trust_email, use_preferred_username=use_preferred_username
    )


def test_only_the_json_boolean_true_verifies_an_address():
    identity = _read({"email": "Mila.Manager@Voltera.NL", "email_verified": True})
    assert (identity.email, identity.problem) == ("mila.manager@voltera.nl", None)


@pytest.mark.parametrize("verified", [False, 0, 1, "true", "yes", "no", "false", None, [True]], ids=repr)
def test_anything_but_true_leaves_the_address_unverified(verified):
    identity = _read({"email": "mila@voltera.nl", "email_verified": verified})
    assert (identity.email, identity.problem, identity.shown) == (None, Refusal.UNVERIFIED, "mila@voltera.nl")
    assert _read({"email": "mila@voltera.nl"}).problem is Refusal.UNVERIFIED  # the claim absent altogether


def test_a_provider_marked_as_vouching_verifies_its_addresses():
    assert _read({"email": "mila@voltera.nl"}, trust_email=True).email == "mila@voltera.nl"


def test_the_sign_in_name_is_used_only_with_its_setting():
    claims = {"preferred_username": "Mila@Voltera.nl", "name": "Mila"}  # Entra ID without an email claim
    assert _read(claims).problem is Refusal.NO_EMAIL
    assert _read(claims, use_preferred_username=True).email == "mila@voltera.nl"
    assert _read({"preferred_username": "mila"}, use_preferred_username=True).problem is Refusal.NO_EMAIL


@pytest.mark.parametrize(
    "address",
    [
        "<img src=x onerror=alert(1)>@voltera.nl",
        "mila\x00@voltera.nl",
        "mila\x07@voltera.nl",
        "m" * 5_000 + "@voltera.nl",
        "no-at-sign.voltera.nl",
    ],
    ids=["markup", "nul", "bell", "5000 characters", "no @"],
)
def test_an_address_cxgov_could_not_store_is_invalid_and_shown_without_control_characters(address):
    identity = _read({"email": address, "email_verified": True}, trust_email=True)
    assert (identity.email, identity.problem) == (None, Refusal.INVALID_EMAIL)
    assert "\x00" not in identity.shown and "\x07" not in identity.shown
    assert len(identity.shown) <= MAX_SHOWN + 1


@pytest.mark.parametrize("claims", [{"sub": ""}, {"sub": "s" * 256}, {"iss": ""}, {"sub": "a\x00b"}])
def test_an_identity_without_a_usable_subject_is_refused(claims):
    assert _read({"email": "mila@voltera.nl", "email_verified": True} | claims).problem is Refusal.NO_SUBJECT


def test_a_round_trip_is_its_issuer_subject_issued_at_and_nonce():
    trip = {"iss": ISSUER, "sub": "s-1", "iat": 1796600000, "nonce": "n-1", "email": "mila@voltera.nl"}
    assert round_trip_key(trip) == round_trip_key(dict(reversed(trip.items())) | {"email": "other@voltera.nl"})
    assert round_trip_key(trip) != round_trip_key(trip | {"iat": 1796600001})
    assert round_trip_key(trip) != round_trip_key(trip | {"nonce": "n-2"})
    assert round_trip_key(trip) != round_trip_key(trip | {"sub": "s-2"})


def test_display_name_falls_back_to_the_address():
    assert display_name({"name": " Mila de Wit "}, "mila@voltera.nl") == "Mila de Wit"
    assert display_name({}, "mila@voltera.nl") == "mila"
    assert display_name({"name": "Mi\x00la" + "x" * 200}, "mila@voltera.nl").startswith("Milax")


# --- identity → person -----------------------------------------------------------------------------------


def _trip(email, *, sub="s-1", verified=True, n=1, **claims):
    return {
        "iss": ISSUER,
        "sub": sub,
        "iat": 1796600000 + n,
        "nonce": f"n-{n}",
        "email": email,
        "email_verified": verified,
    } | claims


def _sign_in(engine, claims):
    with session_scope(engine, write=True) as session:
        return sso_sign_in(session=session, claims=claims)


def _events(engine, action=None):
    with session_scope(engine) as session:
        query = select(AuditEvent).where(AuditEvent.entity == ENTITY).order_by(AuditEvent.seq)
        return session.exec(query.where(AuditEvent.action == action) if action else query).all()


def _email(engine, person_id):
    with session_scope(engine) as session:
        return session.get(Person, person_id).email


def _count(engine, model):
    with session_scope(engine) as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_a_first_sign_in_binds_the_identity_and_opens_one_audited_session(engine):
    person = add_person(engine, Role.MANAGER, name="Mila Manager")
    outcome = _sign_in(engine, _trip(_email(engine, person).upper()))
    assert (outcome.person_id, outcome.refusal, outcome.created) == (person, None, False)
    with session_scope(engine) as session:
        binding = session.exec(select(SsoIdentity)).one()
        opened = session.get(SignInSession, outcome.sign_in_id)
    assert (binding.issuer, binding.subject, binding.person_id) == (ISSUER, "s-1", person)
    assert opened.identity_hash == round_trip_key(_trip("x")) and opened.token_hash is None
    [event] = _events(engine)
    assert (event.action, event.actor_id, event.entity_id) == ("sign_in", person, str(person))


def test_refreshes_and_new_tabs_of_one_round_trip_are_one_sign_in(engine):
    person = add_person(engine, Role.MANAGER)
    first = _sign_in(engine, _trip(_email(engine, person)))
    again = _sign_in(engine, _trip(_email(engine, person)))
    assert again.sign_in_id == first.sign_in_id and again.person_id == person
    assert len(_events(engine, "sign_in")) == 1 and _count(engine, SignInSession) == 1
    _sign_in(engine, _trip(_email(engine, person), n=2))  # a new round trip at the provider
    assert len(_events(engine, "sign_in")) == 2 and _count(engine, SignInSession) == 2


def test_later_sign_ins_are_matched_by_the_binding_not_the_address(engine):
    mila, noor = add_person(engine, Role.MANAGER), add_person(engine, Role.VIEWER)
    _sign_in(engine, _trip(_email(engine, mila)))
    # The provider now sends Noor's address for Mila's identity (a renamed mailbox, or a changed profile).
    outcome = _sign_in(engine, _trip(_email(engine, noor), verified=False, n=2))
    assert outcome.person_id == mila


def test_an_unverified_address_is_refused_and_named_with_the_reason(engine):
    person = add_person(engine, Role.ADMIN)
    outcome = _sign_in(engine, _trip(_email(engine, person), verified="true"))
    assert (outcome.person_id, outcome.refusal, outcome.email) == (None, Refusal.UNVERIFIED, _email(engine, person))
    [event] = _events(engine)
    assert (event.action, event.new_value, event.reason) == (
        "sign_in_refused",
        _email(engine, person),
        "not verified by the provider",
    )
    assert _count(engine, SsoIdentity) == 0 and _count(engine, SignInSession) == 0


def test_an_address_bound_to_another_subject_of_the_same_provider_is_refused(engine):
    person = add_person(engine, Role.ADMIN)
    email = _email(engine, person)
    _sign_in(engine, _trip(email, sub="the-real-admin"))
    outcome = _sign_in(engine, _trip(email, sub="someone-who-chose-that-address", n=2))
    assert (outcome.person_id, outcome.refusal, outcome.email) == (None, Refusal.ALREADY_BOUND, email)
    assert _events(engine)[-1].reason == "address already bound to another identity of this provider"
    other_provider = _sign_in(engine, _trip(email, sub="the-real-admin", n=3, iss="https://other.example"))
    assert other_provider.person_id == person, "another provider's identity is another binding"


def test_an_unknown_address_is_refused_and_the_refusal_is_stored(engine):
    outcome = _sign_in(engine, _trip("stranger@elsewhere.com"))
    assert outcome.person_id is None and outcome.refusal is Refusal.UNKNOWN
    assert outcome.email == "stranger@elsewhere.com"
    [event] = _events(engine)
    assert (event.action, event.actor_name, event.new_value, event.reason) == (
        "sign_in_refused",
        "system",
        "stranger@elsewhere.com",
        "unknown e-mail address",
    )


def test_with_the_setting_an_unknown_address_becomes_a_viewer(engine, monkeypatch):
    monkeypatch.setenv("CXGOV_SSO_CREATE_VIEWERS", "true")
    get_settings.cache_clear()
    outcome = _sign_in(engine, _trip("Nieuw@Voltera.nl", name="Noor Nieuw"))
    assert outcome.created and outcome.person_id is not None
    with session_scope(engine) as session:
        person = session.get(Person, outcome.person_id)
        created = session.exec(select(AuditEvent).where(AuditEvent.entity == "person")).all()
    assert (person.name, person.email, person.role, person.active) == (
        "Noor Nieuw",
        "nieuw@voltera.nl",
        Role.VIEWER,
        True,
    )
    assert created and {e.actor_name for e in created} == {"system"}
    assert _sign_in(engine, _trip("nieuw@voltera.nl", n=2)).created is False  # the second time: known


@pytest.mark.parametrize(
    "address",
    [
        "<img src=x onerror=alert(1)>@voltera.nl",
        "nul\x00byte@voltera.nl",
        "m" * 5_000 + "@voltera.nl",
    ],
    ids=["markup", "nul", "5000 characters"],
)
def test_an_address_that_fails_validation_creates_nobody_and_the_refusal_is_audited(engine, monkeypatch, address):
    monkeypatch.setenv("CXGOV_SSO_CREATE_VIEWERS", "true")
    get_settings.cache_clear()
    people = _count(engine, Person)
    outcome = _sign_in(engine, _trip(address))
    assert (outcome.person_id, outcome.refusal) == (None, Refusal.INVALID_EMAIL)
    assert _count(engine, Person) == people
    [event] = _events(engine)
    assert (event.action, event.reason) == ("sign_in_refused", "not a valid e-mail address")
    assert "\x00" not in event.new_value and len(event.new_value) <= MAX_SHOWN + 1


def test_a_deactivated_person_is_refused_even_with_the_viewer_setting(engine, monkeypatch):
    monkeypatch.setenv("CXGOV_SSO_CREATE_VIEWERS", "true")
    get_settings.cache_clear()
    person = add_person(engine, Role.ADMIN, active=False)
    outcome = _sign_in(engine, _trip(_email(engine, person)))
    assert outcome.person_id is None and outcome.refusal is Refusal.DEACTIVATED
    assert (_events(engine)[-1].entity_id, _events(engine)[-1].reason) == (str(person), "deactivated")
    assert _count(engine, SsoIdentity) == 0


def test_an_identity_without_an_address_is_refused_naming_its_subject(engine):
    outcome = _sign_in(engine, {"iss": ISSUER, "sub": "00u1abcd"})
    assert outcome.refusal is Refusal.NO_EMAIL and outcome.email is None
    assert (_events(engine)[-1].new_value, _events(engine)[-1].reason) == (
        "subject 00u1abcd",
        "no e-mail address received",
    )
