"""Company single sign-on: the [auth] configuration check, the identity's e-mail address, and the mapping of
an identity to a person (known, unknown, created as a viewer, deactivated), audited on both databases."""
import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import AuditEvent, Person, Role
from cxgov.services.sso import ENTITY, Refusal, sso_sign_in
from cxgov.settings import get_settings
from cxgov.sso import REQUIRED_KEYS, config_problems, display_name, email_of, read_auth_section
from tests.factories import add_person

GOOD = {"redirect_uri": "https://cxgov.voltera.nl/oauth2callback", "cookie_secret": "s" * 32,
        "client_id": "cxgov", "client_secret": "from-the-provider",
        "server_metadata_url": "https://login.microsoftonline.com/TENANT/v2.0/.well-known/openid-configuration"}


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
    problems = config_problems(GOOD | {"cookie_secret": "tiny-secret", "redirect_uri": "https://cxgov.nl/cb"},
                               production=False)
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


# --- the identity's address ------------------------------------------------------------------------------

@pytest.mark.parametrize(("claims", "email"), [
    ({"email": "Mila.Manager@Voltera.NL", "email_verified": True}, "mila.manager@voltera.nl"),  # Google, Okta
    ({"preferred_username": "mila@voltera.nl", "name": "Mila"}, "mila@voltera.nl"),  # Entra ID without email
    ({"email": "mila@voltera.nl", "email_verified": False}, None),  # anybody could have typed it
    ({"email": "mila@voltera.nl", "email_verified": "false"}, None),
    ({"preferred_username": "mila", "sub": "abc"}, None),  # a user name, not an address
    ({}, None),
])
def test_email_of(claims, email):
    assert email_of(claims) == email


def test_display_name_falls_back_to_the_address():
    assert display_name({"name": " Mila de Wit "}, "mila@voltera.nl") == "Mila de Wit"
    assert display_name({}, "mila@voltera.nl") == "mila"


# --- identity → person -----------------------------------------------------------------------------------

def _sign_in(engine, claims):
    with session_scope(engine, write=True) as session:
        return sso_sign_in(session=session, claims=claims)


def _events(engine):
    with session_scope(engine) as session:
        return session.exec(select(AuditEvent).where(AuditEvent.entity == ENTITY).order_by(AuditEvent.seq)).all()


def _email(engine, person_id):
    with session_scope(engine) as session:
        return session.get(Person, person_id).email


def test_a_known_address_signs_in_case_insensitively_and_is_audited(engine):
    person = add_person(engine, Role.MANAGER, name="Mila Manager")
    outcome = _sign_in(engine, {"email": _email(engine, person).upper(), "email_verified": True})
    assert outcome.person_id == person and outcome.refusal is None and not outcome.created
    [event] = _events(engine)
    assert (event.action, event.actor_id, event.entity_id) == ("sign_in", person, str(person))


def test_an_unknown_address_is_refused_and_the_refusal_is_stored(engine):
    outcome = _sign_in(engine, {"email": "stranger@elsewhere.com"})
    assert outcome.person_id is None and outcome.refusal is Refusal.UNKNOWN
    assert outcome.email == "stranger@elsewhere.com"
    [event] = _events(engine)
    assert (event.action, event.actor_name, event.new_value, event.reason) == (
        "sign_in_refused", "system", "stranger@elsewhere.com", "unknown")


def test_with_the_setting_an_unknown_address_becomes_a_viewer(engine, monkeypatch):
    monkeypatch.setenv("CXGOV_SSO_CREATE_VIEWERS", "true")
    get_settings.cache_clear()
    outcome = _sign_in(engine, {"email": "Nieuw@Voltera.nl", "name": "Noor Nieuw"})
    assert outcome.created and outcome.person_id is not None
    with session_scope(engine) as session:
        person = session.get(Person, outcome.person_id)
        created = session.exec(select(AuditEvent).where(AuditEvent.entity == "person")).all()
    assert (person.name, person.email, person.role, person.active) == ("Noor Nieuw", "nieuw@voltera.nl",
                                                                       Role.VIEWER, True)
    assert created and {e.actor_name for e in created} == {"system"}
    assert _sign_in(engine, {"email": "nieuw@voltera.nl"}).created is False  # the second time: known


def test_a_deactivated_person_is_refused_even_with_the_viewer_setting(engine, monkeypatch):
    monkeypatch.setenv("CXGOV_SSO_CREATE_VIEWERS", "true")
    get_settings.cache_clear()
    person = add_person(engine, Role.ADMIN, active=False)
    outcome = _sign_in(engine, {"email": _email(engine, person)})
    assert outcome.person_id is None and outcome.refusal is Refusal.DEACTIVATED
    assert _events(engine)[-1].entity_id == str(person)


def test_an_identity_without_a_verified_address_is_refused(engine):
    outcome = _sign_in(engine, {"sub": "00u1abcd", "email": "mila@voltera.nl", "email_verified": False})
    assert outcome.refusal is Refusal.NO_EMAIL and outcome.email is None
    assert _events(engine)[-1].new_value == "subject 00u1abcd"
