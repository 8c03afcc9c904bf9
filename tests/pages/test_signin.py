"""Sign-in with local accounts (CXGOV_AUTH_MODE=local): the form instead of the page, one generic failure
message that keeps the typed address, a forced first password change, the cookie asked for after sign-in, and
the sessions of other tabs ended — by sign-out, deactivation, a password reset or change, or expiry — at their
next interaction, with a page that says why."""

from datetime import timedelta

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from cxgov.auth.tokens import digest
from cxgov.db import make_engine, session_scope
from cxgov.models import Person, Role, SignInSession
from cxgov.models.base import utcnow
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.accounts import change_own_password, reset_password
from cxgov.services.people import update_person
from cxgov.ui.frame.acting import PICKER_KEYS
from cxgov.ui.frame.cookie import REQUEST_KEY
from cxgov.ui.frame.sessions import SIGN_IN_KEY
from tests.factories import add_person
from tests.pages.harness import open_page, texts

FIRST = "Groene fiets op de kade"  # set by the admin
OWN = "Koffie met stroopwafels om tien"  # chosen by the person


@pytest.fixture
def local(database_url, monkeypatch):
    """A local-sign-in installation with one manager whose admin-set password still has to be changed."""
    monkeypatch.setenv("CXGOV_AUTH_MODE", "local")
    engine = make_engine(database_url)
    person = add_person(engine, Role.MANAGER, name="Mila Manager")
    with session_scope(engine, write=True) as session:
        reset_password(session=session, actor=SYSTEM_ACTOR, person_id=person, new_password=FIRST)
        email = session.get(Person, person).email
    yield database_url, engine, person, email
    engine.dispose()


def _own_password(engine, person: int) -> None:
    with session_scope(engine, write=True) as session:
        change_own_password(session=session, actor=person, current_password=FIRST, new_password=OWN)


def _button(at: AppTest, text: str):
    return next(b for b in at.button if b.label == text)


def _sign_in(at: AppTest, email: str, password: str, submit: str = "Sign in") -> AppTest:
    at.text_input(key="cxgov_sign_in_email").set_value(email)
    at.text_input(key="cxgov_sign_in_password").set_value(password)
    return _button(at, submit).click().run()


def _signed_in_as(at: AppTest) -> str:
    return " ".join(m.value for m in at.sidebar.markdown)


@pytest.mark.parametrize(("lang", "title"), [("en", "Sign in to cxgov"), ("nl", "Inloggen bij cxgov")])
def test_nobody_signed_in_sees_only_the_sign_in_form(local, monkeypatch, lang, title):
    url, *_ = local
    at = open_page(monkeypatch, url, "portfolio", lang=lang, mode="local")
    assert not at.exception
    assert [t.value for t in at.title] == [title]
    assert {t.key for t in at.text_input} == {"cxgov_sign_in_email", "cxgov_sign_in_password"}
    assert "Portfolio" not in texts(at) and "Portfolio-overzicht" not in texts(at)
    assert not [s for s in at.sidebar.selectbox if s.key in PICKER_KEYS.values()], "no acting-as picker in local mode"


def test_a_wrong_password_gives_the_one_generic_message(local, monkeypatch):
    url, engine, person, email = local
    _own_password(engine, person)
    at = _sign_in(open_page(monkeypatch, url, "portfolio", mode="local"), email, "Not my password at all")
    assert not at.exception
    assert any("Signing in did not work" in e.value for e in at.error)
    unknown = _sign_in(at, "nobody@example.nl", OWN)
    assert [e.value for e in unknown.error] == [e.value for e in at.error], "same message for every reason"
    assert [t.value for t in unknown.title] == ["Sign in to cxgov"]


def test_sign_in_shows_the_page_and_sign_out_shows_the_form_again(local, monkeypatch):
    url, engine, person, email = local
    _own_password(engine, person)
    at = _sign_in(open_page(monkeypatch, url, "portfolio", mode="local"), email, OWN)
    assert not at.exception
    assert "Signed in as Mila Manager · Manager" in _signed_in_as(at)
    assert "Sign in to cxgov" not in [t.value for t in at.title]
    assert "Portfolio overview" in texts(at), "the page itself renders"
    assert not [s for s in at.sidebar.selectbox if s.key in PICKER_KEYS.values()]
    at = _button(at, "Sign out").click().run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Sign in to cxgov"]
    assert "Signed in as" not in _signed_in_as(at)


def test_an_admin_set_password_must_be_replaced_before_anything_else(local, monkeypatch):
    url, _, _, email = local
    at = _sign_in(open_page(monkeypatch, url, "portfolio", lang="nl", mode="local"), email, FIRST, submit="Inloggen")
    assert not at.exception
    assert [t.value for t in at.title] == ["Kies een nieuw wachtwoord"]
    fields = {"cxgov_current_password": FIRST, "cxgov_new_password": OWN, "cxgov_repeat_password": OWN + "!"}
    for key, value in fields.items():
        at.text_input(key=key).set_value(value)
    at = _button(at, "Nieuw wachtwoord opslaan").click().run()
    assert any("Herhaal het nieuwe wachtwoord" in e.value and "niet hetzelfde" in e.value for e in at.error)
    fields["cxgov_repeat_password"] = OWN
    fields["cxgov_current_password"] = "Verkeerd huidig wachtwoord"
    for key, value in fields.items():
        at.text_input(key=key).set_value(value)
    at = _button(at, "Nieuw wachtwoord opslaan").click().run()
    assert any("Huidig wachtwoord" in e.value for e in at.error), "validation errors name the field"
    fields["cxgov_current_password"] = FIRST
    for key, value in fields.items():
        at.text_input(key=key).set_value(value)
    at = _button(at, "Nieuw wachtwoord opslaan").click().run()
    assert not at.exception
    assert "Kies een nieuw wachtwoord" not in [t.value for t in at.title]
    assert "Portfolio-overzicht" in texts(at)
    assert "Ingelogd als Mila Manager" in _signed_in_as(at)


def _signed_in(monkeypatch, url, email, page="portfolio", password=OWN) -> AppTest:
    """A browser tab in which the person has signed in (each AppTest is a browser session of its own)."""
    at = _sign_in(open_page(monkeypatch, url, page, mode="local"), email, password)
    assert not at.exception, at.exception
    return at


def _signed_out_reason(at: AppTest) -> str:
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["You were signed out"], "the signed-out page, not the app"
    assert "Signed in as" not in _signed_in_as(at) and not at.dataframe and not at.metric
    return " ".join(w.value for w in at.warning)


def test_a_failed_attempt_keeps_the_typed_address_and_empties_the_password(local, monkeypatch):
    url, engine, person, email = local
    _own_password(engine, person)
    at = _sign_in(open_page(monkeypatch, url, "portfolio", mode="local"), email, "Not my password at all")
    assert at.text_input(key="cxgov_sign_in_email").value == email
    assert at.text_input(key="cxgov_sign_in_password").value == ""


def test_a_sign_in_asks_the_browser_for_its_cookie_and_sign_out_to_clear_it(local, monkeypatch):
    url, engine, person, email = local
    _own_password(engine, person)
    at = _signed_in(monkeypatch, url, email)
    request = at.session_state[REQUEST_KEY]
    with session_scope(engine) as session:
        opened = session.get(SignInSession, at.session_state[SIGN_IN_KEY])
    assert request["method"] == "POST" and digest(request["ticket"]) == opened.ticket_hash
    at = _button(at, "Sign out").click().run()
    assert at.session_state[REQUEST_KEY]["method"] == "DELETE"
    with session_scope(engine) as session:
        assert session.get(SignInSession, opened.id).end_reason == "signed_out"


def test_signing_out_in_one_tab_signs_the_other_tab_out_at_its_next_click(local, monkeypatch):
    url, engine, person, email = local
    _own_password(engine, person)
    first, second = _signed_in(monkeypatch, url, email), _signed_in(monkeypatch, url, email)
    _button(first, "Sign out").click().run()
    second.run()
    assert "signed out of cxgov, in this or another tab" in _signed_out_reason(second)
    second = _button(second, "Sign in again").click().run()
    assert [t.value for t in second.title] == ["Sign in to cxgov"]


def test_deactivation_signs_the_person_out_at_the_next_interaction(local, monkeypatch):
    url, engine, person, email = local
    _own_password(engine, person)
    admin = add_person(engine, Role.ADMIN)
    at = _signed_in(monkeypatch, url, email)
    assert "Signed in as Mila Manager" in _signed_in_as(at)
    with session_scope(engine, write=True) as session:
        update_person(
            session=session,
            actor=admin,
            person_id=person,
            seen_version=1,
            data={"name": "Mila Manager", "email": email, "role": "manager", "active": False},
        )
    at.run()
    assert "access to cxgov has ended" in _signed_out_reason(at)


def test_an_admin_password_reset_signs_every_tab_out(local, monkeypatch):
    url, engine, person, email = local
    _own_password(engine, person)
    admin = add_person(engine, Role.ADMIN)
    at = _signed_in(monkeypatch, url, email)
    with session_scope(engine, write=True) as session:
        reset_password(session=session, actor=admin, person_id=person, new_password="Drie kikkers op een tak")
    at.run()
    assert "An admin has set a new password" in _signed_out_reason(at)


def test_a_new_password_chosen_in_one_tab_signs_the_other_tabs_out(local, monkeypatch):
    url, _, _, email = local
    other = _signed_in(monkeypatch, url, email, password=FIRST)  # still on the "choose a new password" page
    at = _signed_in(monkeypatch, url, email, password=FIRST)
    fields = {"cxgov_current_password": FIRST, "cxgov_new_password": OWN, "cxgov_repeat_password": OWN}
    for key, value in fields.items():
        at.text_input(key=key).set_value(value)
    at = _button(at, "Save new password").click().run()
    assert "Portfolio overview" in texts(at), "the tab that chose it stays signed in"
    other.run()
    assert "password was changed in another tab" in _signed_out_reason(other)


def test_a_sign_in_ends_after_the_configured_hours(local, monkeypatch):
    url, engine, person, email = local
    _own_password(engine, person)
    monkeypatch.setenv("CXGOV_SESSION_HOURS", "8")
    at = _signed_in(monkeypatch, url, email)
    with session_scope(engine, write=True) as session:  # arrangement: eight hours later
        session.execute(update(SignInSession).values(expires_at=utcnow() - timedelta(seconds=1)))
    at.run()
    assert "a sign-in lasts 8 hours here" in _signed_out_reason(at)


@pytest.mark.parametrize(("role", "reaches"), [(Role.ADMIN, True), (Role.VIEWER, False)], ids=["admin", "viewer"])
def test_a_shared_link_to_a_page_for_some_roles_leads_there_after_sign_in(local, monkeypatch, role, reaches):
    url, engine, _, _ = local
    person = add_person(engine, role, name="Robin Role")
    with session_scope(engine, write=True) as session:
        reset_password(session=session, actor=SYSTEM_ACTOR, person_id=person, new_password=FIRST)
    with session_scope(engine, write=True) as session:
        change_own_password(session=session, actor=person, current_password=FIRST, new_password=OWN)
        email = session.get(Person, person).email
    at = open_page(monkeypatch, url, "audit-log", mode="local")
    assert [t.value for t in at.title] == ["Sign in to cxgov"]
    at = _sign_in(at, email, OWN)
    assert not at.exception, at.exception
    assert ("Audit log" in [t.value for t in at.title]) == reaches
