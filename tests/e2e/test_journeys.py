"""End-to-end journeys in headless Chromium against a real Streamlit server."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from cxgov.i18n import t
from cxgov.ui.navigation import PAGES

APP_IDLE = "[data-testid='stApp'][data-test-connection-state='CONNECTED'][data-test-script-state='notRunning']"
LOADING = "[data-testid='stSkeleton'], [data-testid='stSkeletonElement'], [data-testid='stAppSkeleton']"


def wait_for_app(page: Page) -> None:
    """Wait until the script run has finished and lazily loaded elements (charts, tables) are drawn."""
    page.wait_for_selector(APP_IDLE, state="attached")
    expect(page.locator(LOADING)).to_have_count(0)


def open_app(page: Page, url: str) -> None:
    """Open `url` as a new browser session (a new Streamlit session: session state starts empty)."""
    page.goto(url)
    wait_for_app(page)


def sidebar(page: Page):
    return page.get_by_test_id("stSidebar")


def test_deep_link_on_a_fresh_server_renders_inside_the_app_frame(fresh_server, page, artifacts):
    """The very first visitor of a new server opens an initiative by link: no 'Page not found', full frame."""
    seed = fresh_server.seed
    open_app(page, f"{fresh_server.url}/initiative?id={seed.initiative_id}")
    page.screenshot(path=artifacts / "deep_link_first_visit.png", full_page=True)
    nav = sidebar(page).get_by_test_id("stSidebarNav")
    expect(nav).to_be_visible()
    expect(nav).to_contain_text(t("nav.programs"))
    expect(nav).to_contain_text(t("nav.leadership"))
    expect(page.get_by_test_id("stMain").get_by_role("heading", name=seed.initiative_title)).to_be_visible()
    expect(page.locator("body")).not_to_contain_text(re.compile("page not found", re.I))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page).to_have_url(re.compile(rf"/initiative\?id={seed.initiative_id}$"))


def choose(page: Page, scope, label: str, option: str) -> None:
    """Pick `option` in the select box labelled `label` (Streamlit's select box is a combobox + listbox).

    Typing filters the list first: the listbox is virtualised, so a long list renders only its top options.
    """
    box = scope.get_by_role("combobox", name=label)
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=True).click()
    expect(scope.get_by_role("combobox", name=label)).to_have_value(option)


def test_propose_an_initiative_then_find_it_in_the_list(app_server, page, artifacts):
    """Act as a manager, propose an initiative through the form, land on its page, find it by search."""
    seed = app_server.seed
    title = "E2E callback within one working day"
    main = page.get_by_test_id("stMain")
    open_app(page, f"{app_server.url}/initiatives")
    choose(page, sidebar(page), t("frame.acting_as"), f"{seed.manager_name} · {t('enum.role.manager')}")
    main.get_by_role("button", name=t("programs.new")).click()

    expect(main.get_by_role("heading", name=t("programs.form.new_title"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"/initiative-form$"))
    wait_for_app(page)
    main.get_by_role("textbox", name=t("programs.field.title")).fill(title)
    main.get_by_role("textbox", name=t("programs.field.description")).fill("Call back every customer who asks.")
    choose(page, main, t("programs.field.discipline"), t("enum.discipline.design"))
    page.screenshot(path=artifacts / "journey_1_form_filled.png", full_page=True)
    main.get_by_role("button", name=t("form.save")).click()

    expect(main.get_by_role("heading", name=title)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/initiative\?id=\d+$"))
    expect(main).to_contain_text(seed.manager_name)  # the owner defaults to the acting person
    wait_for_app(page)
    page.screenshot(path=artifacts / "journey_2_detail.png", full_page=True)

    main.get_by_role("link", name=t("programs.back_to_list")).click()
    search = main.get_by_role("textbox", name=t("programs.filter.text"))
    search.fill(title)
    search.press("Enter")
    expect(main).to_contain_text(t("programs.list.count.1"))
    expect(main.locator("table").get_by_role("link", name=title, exact=True)).to_be_visible()  # a real link
    wait_for_app(page)
    page.screenshot(path=artifacts / "journey_3_list_search.png", full_page=True)


def test_dutch_switch_translates_navigation_and_formats(app_server, page, artifacts):
    """Choosing Nederlands in the sidebar turns navigation, dates and amounts Dutch, and it sticks across pages."""
    seed = app_server.seed
    open_app(page, f"{app_server.url}/initiative?id={seed.initiative_id}")
    nav = sidebar(page).get_by_test_id("stSidebarNav")
    main = page.get_by_test_id("stMain")
    expect(nav).to_contain_text(t("nav.programs"))
    expect(main).to_contain_text("5 Mar 2026")  # the seeded start date (conftest.START_DATE)
    sidebar(page).get_by_role("radio", name="Nederlands").click()
    expect(nav).to_contain_text("Programma's")
    expect(nav).to_contain_text(t("nav.leadership", "nl"))
    expect(main).to_contain_text("05-03-2026")  # dd-mm-jjjj
    main.get_by_role("tab", name=t("programs.tab.budget", "nl")).click()
    planned = main.get_by_test_id("stMetric").filter(has=page.get_by_text(t("programs.col.planned", "nl"), exact=True))
    expect(planned).to_contain_text("€ 12.345,67")  # conftest.PLANNED_CENTS with Dutch separators
    wait_for_app(page)
    page.screenshot(path=artifacts / "initiative_nl.png", full_page=True)
    nav.get_by_role("link", name=t("page.portfolio", "nl")).click()
    expect(main.get_by_role("heading", name=t("page.portfolio", "nl"))).to_be_visible()
    wait_for_app(page)
    expect(sidebar(page).get_by_role("radio", name="Nederlands")).to_be_checked()
    page.screenshot(path=artifacts / "portfolio_nl.png", full_page=True)


def test_every_page_renders_by_link_without_errors(app_server, page, artifacts):
    """Each page of the sidebar opened by its URL: the frame, no 'Page not found', no exception box; a page
    the visitor (nobody picked: read only) may not use does not exist for them."""
    for spec in PAGES:
        if spec.hidden:
            continue  # reached with ?id= (covered above)
        if spec.requires is not None:
            open_app(page, f"{app_server.url}/{spec.url_path}")
            expect(page.get_by_text("Page not found")).to_be_visible()
            expect(sidebar(page).get_by_test_id("stSidebarNav")).not_to_contain_text(t(spec.title))
            continue
        # Streamlit serves the default page at the root only: /portfolio itself answers "Page not found".
        path = "" if spec.url_path == "portfolio" else spec.url_path
        open_app(page, f"{app_server.url}/{path}")
        main = page.get_by_test_id("stMain")
        expect(main.get_by_role("heading", level=1).first).to_be_visible()
        assert page.get_by_test_id("stException").count() == 0, f"{spec.url_path}: {main.inner_text()[:500]}"
        assert page.get_by_text("Page not found").count() == 0, spec.url_path
        assert page.get_by_test_id("stAlertContentError").count() == 0, f"{spec.url_path}: {main.inner_text()[:500]}"
        assert "⟦" not in main.inner_text(), f"{spec.url_path}: a text key without translation"
        page.screenshot(path=artifacts / f"page_{spec.url_path}.png", full_page=True)
