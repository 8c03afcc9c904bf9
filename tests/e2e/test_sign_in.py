"""Sign-in journeys in Chromium: company single sign-on through a real OpenID Connect round trip against a
local provider (oidc-provider-mock, in this process, no network), and local accounts with the forced first
password change. Both end with sign-out."""

from __future__ import annotations

import json
import re
import urllib.request
from contextlib import contextmanager
from urllib.parse import quote

import oidc_provider_mock
import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from cxgov.db import make_engine, session_scope
from cxgov.i18n import t
from cxgov.models import AuditEvent, Person
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.accounts import reset_password
from tests.e2e.conftest import free_port, start_server
from tests.e2e.test_journeys import sidebar, wait_for_app

FIRST_PASSWORD = "Groene fiets op de kade"  # set by the admin
OWN_PASSWORD = "Koffie met stroopwafels om tien"  # chosen at the first sign-in


@pytest.fixture(scope="module")
def oidc_provider():
    """http://localhost:PORT of a running OpenID Connect provider that signs in whoever is typed in."""
    with oidc_provider_mock.run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


def _claims(provider: str, email: str, name: str) -> None:
    """The claims the provider will send for `email` (its subject): as a company directory would, which vouches
    for the address."""
    request = urllib.request.Request(
        f"{provider}/users/{quote(email)}",
        method="PUT",
        data=json.dumps({"email": email, "name": name, "email_verified": True}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 204


def _email_of(database_url: str, name: str) -> str:
    engine = make_engine(database_url)
    try:
        with session_scope(engine) as session:
            return session.exec(select(Person.email).where(Person.name == name)).one()
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def sso_server(e2e_database, oidc_provider, tmp_path_factory):
    """The app with CXGOV_AUTH_MODE=sso, its [auth] section pointing at the local provider.

    It listens on localhost (not 127.0.0.1): the identity cookie belongs to the redirect URI's host.
    """
    port = free_port()
    secrets = tmp_path_factory.mktemp("sso") / "secrets.toml"
    secrets.write_text(f"""[auth]
redirect_uri = "http://localhost:{port}/oauth2callback"
cookie_secret = "{"e2e-cookie-secret-" * 3}"
client_id = "cxgov-e2e"
client_secret = "e2e-client-secret"
server_metadata_url = "{oidc_provider}/.well-known/openid-configuration"
""")
    yield from start_server(
        e2e_database,
        tmp_path_factory.mktemp("logs") / "streamlit-sso.log",
        auth_mode="sso",
        host="localhost",
        port=port,
        options=("--secrets.files", str(secrets)),
    )


@contextmanager
def _only_local_requests(page: Page):
    """Abort requests to other hosts (the mock provider's page links a CDN stylesheet) and list them."""
    foreign: list[str] = []

    def is_foreign(url: str) -> bool:
        local = re.match(r"https?://(localhost|127\.0\.0\.1)(:\d+)?/", url) is not None
        if not local and not url.startswith(("data:", "blob:")):
            foreign.append(url)
        return not local

    page.context.route(is_foreign, lambda route: route.abort())
    yield foreign


def _sign_in_at_provider(page: Page, app_url: str, subject: str) -> None:
    main = page.get_by_test_id("stMain")
    main.get_by_role("button", name=t("sso.sign_in.button")).click()
    page.wait_for_url(re.compile(r"/oauth2/authorize"))  # the provider's own page
    page.locator("input[name=sub]").fill(subject)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(re.compile(rf"^{re.escape(app_url)}/?$"))
    wait_for_app(page)


def _sign_out(page: Page, app_url: str) -> None:
    """Sign out in cxgov; the provider asks to end its session too, then sends the browser back."""
    page.get_by_role("button", name=t("accounts.sign_out")).click()
    page.wait_for_url(re.compile(r"/oauth2/end_session"))
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(re.compile(rf"^{re.escape(app_url)}/?$"))
    wait_for_app(page)


def test_company_sign_in_round_trip(sso_server, oidc_provider, e2e_database, page, artifacts):
    """Unknown address → "ask your admin" → sign out; a known manager → their page, their rights → sign out."""
    app = sso_server.url
    manager_email = _email_of(e2e_database.url, sso_server.seed.manager_name)
    _claims(oidc_provider, manager_email, sso_server.seed.manager_name)
    _claims(oidc_provider, "stranger@elsewhere.example", "A Stranger")
    main = page.get_by_test_id("stMain")
    with _only_local_requests(page) as foreign:
        page.goto(app)
        wait_for_app(page)
        expect(main.get_by_role("heading", name=t("accounts.sign_in.title"))).to_be_visible()
        expect(sidebar(page).get_by_test_id("stSidebarNav")).to_have_count(0)
        page.screenshot(path=artifacts / "sso_sign_in.png")

        _sign_in_at_provider(page, app, "stranger@elsewhere.example")
        expect(main.get_by_role("heading", name=t("sso.refused.unknown.title"))).to_be_visible()
        expect(main).to_contain_text("stranger@")
        page.screenshot(path=artifacts / "sso_unknown_address.png")
        _sign_out(page, app)
        expect(main.get_by_role("heading", name=t("accounts.sign_in.title"))).to_be_visible()

        _sign_in_at_provider(page, app, manager_email)
        expect(sidebar(page)).to_contain_text(f"{sso_server.seed.manager_name} · {t('enum.role.manager')}")
        page.goto(f"{app}/initiative?id={sso_server.seed.initiative_id}")  # a new session: the cookie carries on
        wait_for_app(page)
        expect(main.get_by_role("heading", name=sso_server.seed.initiative_title)).to_be_visible()
        expect(main.get_by_role("button", name=re.compile(t("programs.edit")))).to_be_visible()
        page.screenshot(path=artifacts / "sso_signed_in_manager.png")
        _sign_out(page, app)
        expect(main.get_by_role("heading", name=t("accounts.sign_in.title"))).to_be_visible()
        page.goto(f"{app}/initiative?id={sso_server.seed.initiative_id}")  # the cookie is gone
        wait_for_app(page)
        expect(main.get_by_role("heading", name=t("accounts.sign_in.title"))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert all("cdn.jsdelivr.net" in url for url in foreign), foreign  # only the provider page's stylesheet


def _audited_sign_ins(database_url: str, name: str) -> int:
    """How many company sign-ins of this person the audit log holds."""
    engine = make_engine(database_url)
    try:
        with session_scope(engine) as session:
            return len(
                session.exec(
                    select(AuditEvent.seq).where(
                        AuditEvent.entity == "sso_sign_in",
                        AuditEvent.action == "sign_in",
                        AuditEvent.actor_name == name,
                    )
                ).all()
            )
    finally:
        engine.dispose()


def test_company_sign_in_lasts_across_tabs_is_audited_once_and_sign_out_ends_every_tab(
    sso_server, oidc_provider, e2e_database, page, artifacts
):
    app, admin = sso_server.url, "Anna Admin"
    admin_email = _email_of(e2e_database.url, admin)
    _claims(oidc_provider, admin_email, admin)
    before = _audited_sign_ins(e2e_database.url, admin)
    main = page.get_by_test_id("stMain")
    page.goto(app)
    wait_for_app(page)
    _sign_in_at_provider(page, app, admin_email)
    expect(sidebar(page)).to_contain_text(f"{admin} · {t('enum.role.admin')}")
    page.goto(f"{app}/audit-log")  # a page for admins only, by its link, in a new browser session
    wait_for_app(page)
    expect(main.get_by_role("heading", name=t("page.audit_log"))).to_be_visible()
    second = page.context.new_page()  # a new tab
    second.goto(f"{app}/initiatives")
    wait_for_app(second)
    expect(sidebar(second)).to_contain_text(f"{admin} · {t('enum.role.admin')}")
    page.reload()
    wait_for_app(page)
    expect(main.get_by_role("heading", name=t("page.audit_log"))).to_be_visible()
    assert _audited_sign_ins(e2e_database.url, admin) == before + 1, "one round trip, one 'Signed in'"

    _sign_out(page, app)
    expect(main.get_by_role("heading", name=t("accounts.sign_in.title"))).to_be_visible()
    second_main = second.get_by_test_id("stMain")
    sidebar(second).get_by_role("link", name=t("page.portfolio")).click()  # the other tab's next click
    expect(second_main.get_by_role("heading", name=t("sessions.signed_out.title"))).to_be_visible()
    wait_for_app(second)
    expect(sidebar(second).get_by_role("button", name=t("accounts.sign_out"))).to_have_count(0)
    second.screenshot(path=artifacts / "sso_signed_out_elsewhere.png")


@pytest.fixture(scope="module")
def local_server(e2e_database, tmp_path_factory):
    """The app with CXGOV_AUTH_MODE=local; the manager has a password set by an admin."""
    engine = make_engine(e2e_database.url)
    try:
        with session_scope(engine, write=True) as session:
            manager = session.exec(select(Person.id).where(Person.name == "Mark Manager")).one()
            reset_password(session=session, actor=SYSTEM_ACTOR, person_id=manager, new_password=FIRST_PASSWORD)
    finally:
        engine.dispose()
    yield from start_server(e2e_database, tmp_path_factory.mktemp("logs") / "streamlit-local.log", auth_mode="local")


def test_local_account_first_sign_in_new_password_and_sign_out(local_server, e2e_database, page, artifacts):
    app = local_server.url
    email = _email_of(e2e_database.url, local_server.seed.manager_name)
    main = page.get_by_test_id("stMain")
    page.goto(app)
    wait_for_app(page)
    main.get_by_label(t("accounts.sign_in.email")).fill(email)
    main.get_by_label(t("accounts.sign_in.password"), exact=True).fill("a wrong password, surely")
    main.get_by_role("button", name=t("accounts.sign_in.submit")).click()
    expect(main.get_by_test_id("stAlertContentError")).to_contain_text(t("accounts.error.sign_in_failed"))

    main.get_by_label(t("accounts.sign_in.email")).fill(email)
    main.get_by_label(t("accounts.sign_in.password"), exact=True).fill(FIRST_PASSWORD)
    main.get_by_role("button", name=t("accounts.sign_in.submit")).click()
    expect(main.get_by_role("heading", name=t("accounts.new_password.title"))).to_be_visible()
    main.get_by_label(t("accounts.new_password.current"), exact=True).fill(FIRST_PASSWORD)
    main.get_by_label(t("accounts.new_password.new"), exact=True).fill(OWN_PASSWORD)
    main.get_by_label(t("accounts.new_password.repeat"), exact=True).fill(OWN_PASSWORD)
    main.get_by_role("button", name=t("accounts.new_password.submit")).click()
    # A manager who opens the app at its root lands on My work.
    expect(main.get_by_role("heading", name=t("page.my_work"))).to_be_visible()
    expect(sidebar(page)).to_contain_text(f"{local_server.seed.manager_name} · {t('enum.role.manager')}")
    page.screenshot(path=artifacts / "local_signed_in.png")
    assert FIRST_PASSWORD not in page.content() and OWN_PASSWORD not in page.content()

    sidebar(page).get_by_role("button", name=t("accounts.sign_out")).click()
    expect(main.get_by_role("heading", name=t("accounts.sign_in.title"))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    # A shared link opened while signed out leads to that page once signed in, not to the landing page.
    page.goto(f"{app}/initiative?id={local_server.seed.initiative_id}")
    wait_for_app(page)
    main.get_by_label(t("accounts.sign_in.email")).fill(email)
    main.get_by_label(t("accounts.sign_in.password"), exact=True).fill(OWN_PASSWORD)
    main.get_by_role("button", name=t("accounts.sign_in.submit")).click()
    expect(main.get_by_role("heading", name=local_server.seed.initiative_title)).to_be_visible()
    assert "id=" in page.url and "initiative" in page.url
