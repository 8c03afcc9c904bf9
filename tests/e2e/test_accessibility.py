"""Every page passes axe-core's WCAG 2.1 A and AA rules in Chromium, in English and in Dutch, with the demo
portfolio loaded, seen by an admin (who gets every page and every form).

axe-core comes bundled with axe-playwright-python (pinned in requirements-dev.txt) and is injected into the
page from disk: the scan needs no network.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from sqlmodel import select

from cxgov.db import make_engine, session_scope
from cxgov.i18n import t
from cxgov.models import Meeting, Person
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.agenda import propose_agenda
from cxgov.services.meetings import create_meeting, publish_agenda
from cxgov.ui.navigation import PAGES
from tests.e2e.test_journeys import choose, open_app, sidebar, wait_for_app

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Streamlit's own sidebar navigation puts its section headers and item groups as <div>s directly inside its
# <ul> (axe: "list", "listitem"). The markup is Streamlit's, not ours, and the links in it are named and
# reachable; only that list is left out, by its test id.
STREAMLIT_NAV_LIST = "[data-testid='stSidebarNavItems']"
ADMIN = "Anna Admin"  # seeded by tests/e2e/conftest.py


def _violations(page: Page) -> list[str]:
    """One line per axe violation on the page: rule, impact, and where."""
    results = Axe().run(
        page, context={"exclude": [[STREAMLIT_NAV_LIST]]}, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}}
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(str(n['target']) for n in v['nodes'][:5])}"
        for v in results.response["violations"]
    ]


def act_as_admin(page: Page, lang: str) -> None:
    """The language first, then the admin: the demo picker forgets its choice when its label changes language."""
    if lang == "nl":
        sidebar(page).get_by_role("radio", name="Nederlands").click()
        expect(sidebar(page).get_by_test_id("stSidebarNav")).to_contain_text(t("nav.leadership", "nl"))
        wait_for_app(page)
    choose(page, sidebar(page), t("frame.acting_as", lang), f"{ADMIN} · {t('enum.role.admin', lang)}")
    wait_for_app(page)


def _scan(page: Page, found: dict[str, list[str]], name: str) -> None:
    wait_for_app(page)
    expect(page.get_by_test_id("stMain").get_by_role("heading", level=1).first).to_be_visible()
    found[name] = _violations(page)


@pytest.fixture(scope="module")
def board_meeting(e2e_database) -> int:
    """A CX board meeting with its proposed agenda published, chaired by the admin: the meeting page and
    presentation mode have every section to show."""
    engine = make_engine(e2e_database.url)
    try:
        with session_scope(engine, write=True) as session:
            admin = session.exec(select(Person.id).where(Person.name == ADMIN)).one()
            meeting = create_meeting(
                session=session,
                actor=SYSTEM_ACTOR,
                body="Accessibility board",
                starts_at=datetime.now(UTC) + timedelta(days=14),
                chair_id=admin,
                secretary_id=admin,
                member_ids=[admin],
            )
            propose_agenda(session=session, actor=SYSTEM_ACTOR, meeting_id=meeting, seen_version=1)
            version = session.get(Meeting, meeting).version
            publish_agenda(session=session, actor=SYSTEM_ACTOR, meeting_id=meeting, seen_version=version)
    finally:
        engine.dispose()
    return meeting


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_page_passes_wcag_21_aa(app_server, board_meeting, page, lang):
    found: dict[str, list[str]] = {}
    open_app(page, app_server.url)
    act_as_admin(page, lang)
    nav = sidebar(page).get_by_test_id("stSidebarNav")
    for spec in (s for s in PAGES if not s.hidden):
        link = nav.get_by_role("link", name=t(spec.title, lang), exact=True)
        if spec.requires is not None:  # listed once the run after choosing the admin has built the menu
            expect(link).to_be_visible()
        link.click()
        expect(page).to_have_url(f"{app_server.url}/{'' if spec.url_path == 'portfolio' else spec.url_path}")
        _scan(page, found, spec.url_path)
    nav.get_by_role("link", name=t("page.initiatives", lang), exact=True).click()
    wait_for_app(page)
    page.get_by_test_id("stMain").get_by_role("button", name=t("programs.new", lang)).click()
    expect(page).to_have_url(f"{app_server.url}/initiative-form")
    _scan(page, found, "initiative-form")
    # An initiative by its link: a new session, so the admin is chosen again on that page.
    open_app(page, f"{app_server.url}/initiative?id={app_server.seed.initiative_id}")
    act_as_admin(page, lang)
    _scan(page, found, "initiative")
    # A meeting and its presentation mode by their links (the exceptions: the widest table), as its chair.
    open_app(page, f"{app_server.url}/meeting?id={board_meeting}")
    act_as_admin(page, lang)
    _scan(page, found, "meeting")
    open_app(page, f"{app_server.url}/present?id={board_meeting}&item=7")
    act_as_admin(page, lang)
    _scan(page, found, "present")
    assert len(found) == len(PAGES)
    assert {name: lines for name, lines in found.items() if lines} == {}
