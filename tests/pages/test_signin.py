"""Sign-in with local accounts (CXGOV_AUTH_MODE=local): the form instead of the page, one generic failure
message, a forced first password change, sign-out, and deactivation ending access at the next interaction."""
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from cxgov.db import make_engine, session_scope
from cxgov.models import Person, Role
from cxgov.permissions import SYSTEM_ACTOR
from cxgov.services.accounts import change_own_password, reset_password
from cxgov.ui.acting import ACTING_KEY
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


@pytest.mark.parametrize("lang, title", [("en", "Sign in to cxgov"), ("nl", "Inloggen bij cxgov")])
def test_nobody_signed_in_sees_only_the_sign_in_form(local, monkeypatch, lang, title):
    url, *_ = local
    at = open_page(monkeypatch, url, "portfolio", lang=lang, mode="local")
    assert not at.exception
    assert [t.value for t in at.title] == [title]
    assert {t.key for t in at.text_input} == {"cxgov_sign_in_email", "cxgov_sign_in_password"}
    assert "Portfolio" not in texts(at) and "Portfolio-overzicht" not in texts(at)
    assert not [s for s in at.sidebar.selectbox if s.key == ACTING_KEY], "no acting-as picker in local mode"


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
    assert not [s for s in at.sidebar.selectbox if s.key == ACTING_KEY]
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


def test_deactivation_signs_the_person_out_at_the_next_interaction(local, monkeypatch):
    url, engine, person, email = local
    _own_password(engine, person)
    at = _sign_in(open_page(monkeypatch, url, "portfolio", mode="local"), email, OWN)
    assert "Signed in as Mila Manager" in _signed_in_as(at)
    with session_scope(engine, write=True) as session:  # test arrangement: deactivated behind the app's back
        session.get(Person, person).active = False
    st.cache_data.clear()  # what the people service's data_changed("people") does for a real deactivation
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Sign in to cxgov"]
    assert any("access to cxgov has ended" in w.value for w in at.warning)
