"""Sign-in sessions in Chromium: a local-account sign-in survives a new tab and a refresh through an HttpOnly,
SameSite cookie, reaches a page for admins only by its link, and a sign-out in one tab signs every other tab
out at its next click."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from cxgov.auth.tokens import COOKIE_NAME, ROUTE_PATH
from cxgov.db import make_engine, session_scope
from cxgov.i18n import t
from cxgov.models import Person, SignInSession
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.accounts import change_own_password, reset_password
from tests.e2e.conftest import start_server
from tests.e2e.test_journeys import sidebar, wait_for_app

ADMIN = "Anna Admin"
ADMIN_PASSWORD = "Zeven zwanen zwemmen zuidwaarts"


@pytest.fixture(scope="module")
def local_admin(e2e_database, tmp_path_factory):
    """The app with local accounts; the seeded admin has a password of her own (no forced change)."""
    engine = make_engine(e2e_database.url)
    try:
        with session_scope(engine) as session:
            admin = session.exec(select(Person).where(Person.name == ADMIN)).one()
        with session_scope(engine, write=True) as session:
            reset_password(session=session, actor=SYSTEM_ACTOR, person_id=admin.id, new_password=f"x{ADMIN_PASSWORD}")
        with session_scope(engine, write=True) as session:
            change_own_password(
                session=session, actor=admin.id, current_password=f"x{ADMIN_PASSWORD}", new_password=ADMIN_PASSWORD
            )
    finally:
        engine.dispose()
    for server in start_server(
        e2e_database, tmp_path_factory.mktemp("logs") / "streamlit-sessions.log", auth_mode="local"
    ):
        yield server, admin.email, admin.id


def _sign_in(page: Page, email: str, password: str) -> None:
    main = page.get_by_test_id("stMain")
    main.get_by_label(t("accounts.sign_in.email")).fill(email)
    main.get_by_label(t("accounts.sign_in.password"), exact=True).fill(password)
    main.get_by_role("button", name=t("accounts.sign_in.submit")).click()


def _cookie_route(method: str):
    """Matches the page's request to the sign-in cookie route (POST sets the cookie, DELETE clears it)."""
    return lambda response: ROUTE_PATH in response.url and response.request.method == method


def _sign_in_cookie(page: Page) -> list[dict]:
    return [c for c in page.context.cookies() if c["name"] == COOKIE_NAME]


def _signed_in_as(page: Page, name: str) -> None:
    expect(sidebar(page)).to_contain_text(f"{name} · {t('enum.role.admin')}")


def test_a_local_sign_in_lasts_across_tabs_and_refreshes_and_signing_out_ends_every_tab(
    local_admin, e2e_database, page, artifacts
):
    server, email, admin_id = local_admin
    page.goto(f"{server.url}/audit-log")  # a shared link to a page for admins only, opened while signed out
    wait_for_app(page)
    _sign_in(page, email, "a wrong password, surely")
    main = page.get_by_test_id("stMain")
    expect(main.get_by_test_id("stAlertContentError")).to_contain_text(t("accounts.error.sign_in_failed"))
    expect(main.get_by_label(t("accounts.sign_in.email"))).to_have_value(email)  # kept for the next try
    expect(main.get_by_label(t("accounts.sign_in.password"), exact=True)).to_have_value("")
    with page.expect_response(_cookie_route("POST")) as claimed:
        _sign_in(page, email, ADMIN_PASSWORD)
    assert claimed.value.status == 204
    expect(main.get_by_role("heading", name=t("page.audit_log"))).to_be_visible()
    _signed_in_as(page, ADMIN)

    [cookie] = _sign_in_cookie(page)
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Lax" and cookie["path"] == "/"
    assert cookie["expires"] > 0, "a persistent cookie (Max-Age), not one for this browser session only"
    assert page.evaluate("document.cookie").find(COOKIE_NAME) == -1, "no script on the page can read it"

    second = page.context.new_page()  # a new tab of the same browser
    second.goto(f"{server.url}/audit-log")
    wait_for_app(second)
    expect(second.get_by_test_id("stMain").get_by_role("heading", name=t("page.audit_log"))).to_be_visible()
    _signed_in_as(second, ADMIN)
    page.reload()
    wait_for_app(page)
    expect(main.get_by_role("heading", name=t("page.audit_log"))).to_be_visible()
    _signed_in_as(page, ADMIN)
    page.screenshot(path=artifacts / "session_after_refresh.png")

    with page.expect_response(_cookie_route("DELETE")):
        sidebar(page).get_by_role("button", name=t("accounts.sign_out")).click()
    expect(main.get_by_role("heading", name=t("accounts.sign_in.title"))).to_be_visible()
    assert _sign_in_cookie(page) == []
    second_main = second.get_by_test_id("stMain")
    sidebar(second).get_by_role("link", name=t("page.initiatives"), exact=True).click()  # the other tab's next click
    expect(second_main.get_by_role("heading", name=t("sessions.signed_out.title"))).to_be_visible()
    wait_for_app(second)
    expect(second_main).to_contain_text(t("sessions.ended.signed_out"))
    expect(second_main.get_by_role("heading", name=t("page.initiatives"))).to_have_count(0)
    expect(sidebar(second).get_by_role("button", name=t("accounts.sign_out"))).to_have_count(0)
    second.screenshot(path=artifacts / "session_signed_out_elsewhere.png")
    second.reload()
    wait_for_app(second)
    expect(second_main.get_by_role("heading", name=t("accounts.sign_in.title"))).to_be_visible()

    engine = make_engine(e2e_database.url)
    try:
        with session_scope(engine) as session:
            open_sessions = session.exec(
                select(SignInSession).where(SignInSession.person_id == admin_id, SignInSession.ended_at.is_(None))
            ).all()
    finally:
        engine.dispose()
    assert open_sessions == []
