"""Company single sign-on in the app (AppTest's `at.user` stands in for Streamlit's identity cookie; a new
AppTest with the same identity is a refresh or a new tab): the sign-in page, "signed in as", the refusal pages,
a viewer created on first sign-in, one audited sign-in per round trip, deactivation and sign-out ending every
tab, a deep link to a page for some roles, the configuration check, and what each role is offered."""

import pytest
import streamlit as st
from sqlalchemy import text
from sqlmodel import func, select

from cxgov.db import session_scope
from cxgov.models import AuditEvent, Person, Role
from cxgov.services.people import update_person
from cxgov.ui.frame.acting import PICKER_KEYS
from cxgov.ui.kit.safe import plain
from cxgov.ui.navigation import page_file
from tests.factories import add_initiative, add_person
from tests.hostile import CORPUS
from tests.pages.harness import TEST_AUTH, open_page, sso_user, texts
from tests.pages.test_hostile_rendering import markdown_leaks


@pytest.fixture
def people(db):
    url, engine = db
    return {
        "url": url,
        "engine": engine,
        "manager": add_person(engine, Role.MANAGER, name="Mila Manager"),
        "admin": add_person(engine, Role.ADMIN, name="Anouk Admin"),
    }


def _identity(at, **claims):
    at.user = {"is_logged_in": True, "iss": "http://localhost:9400", "sub": "s-1", "email_verified": True} | claims
    return at.run()


def _sign_ins(engine) -> int:
    with session_scope(engine) as session:
        return session.exec(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.entity == "sso_sign_in", AuditEvent.action == "sign_in")
        ).one()


@pytest.mark.parametrize(
    ("lang", "title", "button"),
    [
        ("en", "Sign in to cxgov", "Sign in with company account"),
        ("nl", "Inloggen bij cxgov", "Inloggen met bedrijfsaccount"),
    ],
)
def test_nobody_signed_in_sees_only_the_sign_in_page(monkeypatch, people, lang, title, button):
    at = open_page(monkeypatch, people["url"], "portfolio", lang=lang, mode="sso", run=False)
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [title]
    assert [b.label for b in at.main.button] == [button]
    assert not at.dataframe and not at.metric and not at.text_input
    assert not [s for s in at.sidebar.selectbox if s.key in PICKER_KEYS.values()]


def test_a_known_person_sees_the_page_and_who_is_signed_in(monkeypatch, people):
    at = open_page(monkeypatch, people["url"], "portfolio", acting=people["manager"])
    assert not at.exception, at.exception
    assert "Signed in as Mila Manager · Manager" in " ".join(m.value for m in at.sidebar.markdown)
    assert at.sidebar.button(key="cxgov_sign_out").label == "Sign out"
    assert at.title[0].value == "Portfolio overview"


def test_an_unknown_address_is_asked_to_see_the_admin_and_can_try_again(monkeypatch, people):
    url, engine = people["url"], people["engine"]
    at = open_page(monkeypatch, url, "portfolio", acting=people["manager"], run=False)
    at = _identity(at, email="Noor@Voltera.nl")
    assert not at.exception, at.exception
    assert at.title[0].value == "No access to cxgov yet"
    assert plain("noor@voltera.nl") in at.warning[0].value and "Admin → People" in at.warning[0].value
    assert "Portfolio" not in texts(at).replace("Portfolio overview", "")
    with engine.begin() as conn:  # the admin adds her meanwhile
        conn.execute(
            text(
                "INSERT INTO person (name, email, role, active, version, created_at) "
                "VALUES ('Noor Nieuw', 'noor@voltera.nl', 'contributor', true, 1, CURRENT_TIMESTAMP)"
            )
        )
    st.cache_data.clear()
    at.button(key="cxgov_sso_try_again").click().run()
    assert not at.exception, at.exception
    assert "Signed in as Noor Nieuw · Contributor" in " ".join(m.value for m in at.sidebar.markdown)


@pytest.mark.parametrize("attack", CORPUS[:8], ids=lambda a: a.key)
def test_a_hostile_address_from_the_provider_is_shown_as_text(monkeypatch, people, attack):
    at = open_page(monkeypatch, people["url"], "portfolio", acting=people["manager"], run=False)
    at = _identity(at, email=f"{attack.text}@voltera.nl")
    assert not at.exception, at.exception
    # Unknown, or (with spaces, or longer than any address) not an address cxgov can use at all.
    assert at.title[0].value in ("No access to cxgov yet", "E-mail address not usable")
    assert markdown_leaks(at) == []


def test_an_unverified_address_gets_its_own_page_naming_it(monkeypatch, people):
    at = open_page(monkeypatch, people["url"], "portfolio", acting=people["manager"], run=False)
    at = _identity(at, email="noor@voltera.nl", email_verified="true")  # a string, not the JSON boolean
    assert not at.exception, at.exception
    assert at.title[0].value == "E-mail address not verified"
    assert plain("noor@voltera.nl") in at.warning[0].value and "not verified by the provider" in at.warning[0].value


@pytest.mark.parametrize(
    "address",
    ["nul\x00byte@voltera.nl", "m" * 5_000 + "@voltera.nl", "<img src=x onerror=alert(1)>@voltera.nl"],
    ids=["nul", "long", "markup"],
)
def test_an_address_that_fails_validation_gets_a_clear_page_and_creates_nobody(monkeypatch, people, address):
    monkeypatch.setenv("CXGOV_SSO_CREATE_VIEWERS", "true")
    at = open_page(monkeypatch, people["url"], "portfolio", acting=people["manager"], run=False)
    at = _identity(at, email=address)
    assert not at.exception, at.exception
    assert at.title[0].value == "E-mail address not usable"
    assert "\x00" not in texts(at) and len(texts(at)) < 2_000
    assert markdown_leaks(at) == []
    with session_scope(people["engine"]) as session:
        assert session.exec(select(func.count()).select_from(Person)).one() == 2  # the manager and the admin


def test_a_refresh_or_new_tab_resumes_the_sign_in_without_a_second_audit_event(monkeypatch, people):
    first = open_page(monkeypatch, people["url"], "portfolio", acting=people["manager"])
    first.run()
    again = open_page(monkeypatch, people["url"], "initiatives", acting=people["manager"])  # the same round trip
    assert "Signed in as Mila Manager" in " ".join(m.value for m in again.sidebar.markdown)
    assert _sign_ins(people["engine"]) == 1


def test_signing_out_in_one_tab_signs_the_other_tab_out_at_its_next_click(monkeypatch, people):
    first = open_page(monkeypatch, people["url"], "portfolio", acting=people["manager"])
    second = open_page(monkeypatch, people["url"], "portfolio", acting=people["manager"])
    first.sidebar.button(key="cxgov_sign_out").click().run()
    second.run()
    assert not second.exception, second.exception
    assert second.title[0].value == "You were signed out"
    assert "Signed in as" not in " ".join(m.value for m in second.sidebar.markdown)
    assert [b.label for b in second.main.button] == ["Sign in again"]


def test_a_shared_link_to_a_page_for_some_roles_opens_on_the_first_run_after_sign_in(monkeypatch, people):
    at = open_page(monkeypatch, people["url"], "portfolio", run=False, acting=people["admin"])
    at.user = {"is_logged_in": False}
    at.run()  # signed out: the sign-in page, whatever the link
    at.switch_page(page_file("audit-log"))  # the shared link; it must exist before anyone has signed in
    at.user = sso_user(people["url"], people["admin"])  # back from the provider
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Audit log"


def test_with_the_setting_a_first_sign_in_creates_a_viewer(monkeypatch, people):
    monkeypatch.setenv("CXGOV_SSO_CREATE_VIEWERS", "true")
    at = open_page(monkeypatch, people["url"], "portfolio", acting=people["manager"], run=False)
    at = _identity(at, email="noor@voltera.nl", name="Noor Nieuw")
    assert not at.exception, at.exception
    assert "Signed in as Noor Nieuw · Viewer" in " ".join(m.value for m in at.sidebar.markdown)
    with session_scope(people["engine"]) as session:
        assert session.exec(select(Person.role).where(Person.email == "noor@voltera.nl")).one() == Role.VIEWER


def test_deactivation_ends_access_at_the_next_interaction(monkeypatch, people):
    url, engine, manager = people["url"], people["engine"], people["manager"]
    at = open_page(monkeypatch, url, "portfolio", acting=manager)
    assert "Signed in as Mila Manager" in " ".join(m.value for m in at.sidebar.markdown)
    with session_scope(engine) as session:
        email = session.get(Person, manager).email
    with session_scope(engine, write=True) as session:
        update_person(
            session=session,
            actor=people["admin"],
            person_id=manager,
            seen_version=1,
            data={"name": "Mila Manager", "email": email, "role": "manager", "active": False},
        )
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Your access has ended"
    assert not [b for b in at.button if b.key == "cxgov_sso_try_again"]
    at = _identity(at, email=email, sub=f"subject-{manager}", iat=2)  # a new round trip at the provider
    assert at.title[0].value == "Your access has ended"
    with session_scope(engine) as session:
        refused = session.exec(select(AuditEvent).where(AuditEvent.action == "sign_in_refused")).all()
    assert [(e.entity_id, e.reason) for e in refused] == [(str(manager), "deactivated")]


def test_sign_out_returns_to_the_sign_in_page(monkeypatch, people):
    at = open_page(monkeypatch, people["url"], "portfolio", acting=people["manager"])
    at.sidebar.button(key="cxgov_sign_out").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Sign in to cxgov"


def test_an_incomplete_auth_section_stops_the_app_naming_what_is_missing(monkeypatch, people):
    at = open_page(monkeypatch, people["url"], "portfolio", acting=people["manager"], run=False)
    at.secrets["auth"] = {k: v for k, v in TEST_AUTH.items() if k != "client_secret"}
    at.run()
    assert not at.exception, at.exception
    assert plain("[auth] client_secret is missing or empty.") in at.error[0].value
    assert TEST_AUTH["cookie_secret"] not in at.error[0].value


# --- what each role is offered, signed in through at.user ---------------------------------------------------

OFFERS = {  # role → (may propose an initiative, may edit the manager's initiative, may add people)
    Role.ADMIN: (True, True, True),
    Role.PROGRAMME_OFFICE: (True, True, False),
    Role.LEADER: (True, False, False),
    Role.ANALYST: (True, False, False),
    Role.MANAGER: (True, False, False),
    Role.CONTRIBUTOR: (True, False, False),
    Role.VIEWER: (False, False, False),
}


@pytest.mark.parametrize("role", list(OFFERS), ids=lambda r: r.value)
def test_each_role_is_offered_only_what_it_may_do(monkeypatch, people, role):
    url, engine = people["url"], people["engine"]
    initiative = add_initiative(engine, owner_id=people["manager"], title="Clearer invoices")
    person = add_person(engine, role)
    propose, edit, add_people = OFFERS[role]
    listing = open_page(monkeypatch, url, "initiatives", acting=person)
    assert ("New initiative" in [b.label for b in listing.main.button]) == propose
    detail = open_page(monkeypatch, url, "initiative", acting=person, query={"id": str(initiative)})
    assert ("programs_btn_edit" in [b.key for b in detail.main.button]) == edit
    admin_page = open_page(monkeypatch, url, "people", acting=person)
    assert not admin_page.exception, admin_page.exception
    assert any(b.label == "Add" for b in admin_page.main.button) == add_people
