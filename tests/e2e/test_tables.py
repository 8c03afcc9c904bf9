"""The initiatives tables in Chromium: titles are real links that open the initiative in the same tab and
session (mouse and keyboard), a new tab only when asked for (Ctrl+Enter, middle click), and every table page
readable at 1440 × 900 in English and Dutch (screenshots in tests/artifacts/)."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from cxgov.i18n import t
from tests.e2e.test_hostile_input import Watch, act_as_admin
from tests.e2e.test_journeys import choose, open_app, sidebar, wait_for_app
from tests.hostile import CORPUS, fit

DIRECTOR_WINDOW = {"width": 1440, "height": 900}
DEMO_MANAGER = "Yvonne Kok"  # owns three demo initiatives, so her My work is not empty
MAX_TABS = 40  # the list page has about 15 filters and controls before its table
# Every page with an initiatives table, by its URL path ("" is the portfolio, the default page).
TABLE_PAGES = (
    "",
    "initiatives",
    "board",
    "my-work",
    "lessons",
    "strategy",
    "customer-understanding",
    "design",
    "measurement",
    "governance-discipline",
    "culture",
)


def _act_as_manager(page: Page, name: str, lang: str = "en") -> str:
    who = f"{name} · {t('enum.role.manager', lang)}"
    choose(page, sidebar(page), t("frame.acting_as", lang), who)
    wait_for_app(page)
    return who


def _title_link(page: Page, title: str):
    """The title's link in the initiatives table (inside the component's shadow root, which Playwright pierces)."""
    return page.get_by_test_id("stMain").get_by_role("link", name=title, exact=True)


def _still_acting(page: Page, who: str) -> None:
    expect(sidebar(page).get_by_role("combobox", name=t("frame.acting_as"))).to_have_value(who)


def _on_initiative(page: Page, url: str, seed) -> None:
    expect(page).to_have_url(f"{url}/initiative?id={seed.initiative_id}")
    expect(page.get_by_test_id("stMain").get_by_role("heading", name=seed.initiative_title)).to_be_visible()


def test_a_click_on_a_title_opens_the_initiative_in_the_same_session(app_server, page):
    seed = app_server.seed
    open_app(page, f"{app_server.url}/initiatives")
    who = _act_as_manager(page, seed.manager_name)
    pages_before = len(page.context.pages)
    link = _title_link(page, seed.initiative_title)
    expect(link).to_have_attribute("href", f"initiative?id={seed.initiative_id}")
    expect(link).not_to_have_attribute("target", re.compile("."))
    link.click()
    _on_initiative(page, app_server.url, seed)
    _still_acting(page, who)  # the same Streamlit session: the person chosen before is still acting
    assert len(page.context.pages) == pages_before, "no new tab"


def test_tab_to_a_title_and_enter_opens_it_in_the_same_session(app_server, page):
    seed = app_server.seed
    open_app(page, f"{app_server.url}/initiatives?q={seed.initiative_title.replace(' ', '+')}")
    who = _act_as_manager(page, seed.manager_name)
    link = _title_link(page, seed.initiative_title)
    expect(link).to_be_visible()
    # From the search box above the filters, Tab walks through the page's controls into the table.
    page.get_by_test_id("stMain").get_by_role("textbox", name=t("programs.filter.text")).focus()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if link.evaluate("e => e.getRootNode().activeElement === e"):
            break
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    _on_initiative(page, app_server.url, seed)
    _still_acting(page, who)


@pytest.mark.parametrize("how", ["ctrl+enter", "middle click"])
def test_a_new_tab_only_when_asked_for(app_server, page, how):
    seed = app_server.seed
    open_app(page, f"{app_server.url}/initiatives")
    link = _title_link(page, seed.initiative_title)
    with page.context.expect_page() as opened:
        if how == "ctrl+enter":
            link.focus()
            page.keyboard.press("Control+Enter")
        else:
            link.click(button="middle")
    new_tab = opened.value
    new_tab.wait_for_load_state()
    assert new_tab.url == f"{app_server.url}/initiative?id={seed.initiative_id}"
    expect(page).to_have_url(f"{app_server.url}/initiatives")  # the first tab stays where it was
    wait_for_app(new_tab)
    expect(new_tab.get_by_test_id("stMain").get_by_role("heading", name=seed.initiative_title)).to_be_visible()
    new_tab.close()


@pytest.fixture
def director(browser):
    """A browser tab of 1440 × 900, the window of a director's laptop."""
    context = browser.new_context(viewport=DIRECTOR_WINDOW, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_table_page_at_1440_has_real_links_and_no_new_tab_links(app_server, director, artifacts, lang):
    open_app(director, app_server.url)
    if lang == "nl":
        sidebar(director).get_by_role("radio", name="Nederlands").click()
        wait_for_app(director)
    _act_as_manager(director, DEMO_MANAGER, lang)  # a demo owner: My work has rows for her
    expect(director).to_have_url(re.compile(r"/my-work$"))  # a manager lands on My work first
    main = director.get_by_test_id("stMain")
    nav = sidebar(director).get_by_test_id("stSidebarNav")
    for path in TABLE_PAGES:
        nav.locator(f"a[href$='/{path}']").first.click()
        expect(director).to_have_url(re.compile(rf"/{path}(\?.*)?$"))
        wait_for_app(director)
        if path in ("", "initiatives", "board"):  # the 12 demo initiatives leave some other pages empty
            expect(main.locator("table a[href^='initiative?id=']").first).to_be_visible()
        assert main.locator("a[target=_blank]").count() == 0, f"/{path}: a link that opens a new tab"
        _screenshot(director, artifacts / f"table_{path or 'portfolio'}_{lang}.png")


def _screenshot(page: Page, path) -> None:
    """The whole page at the window's width: Streamlit scrolls inside its main block, so a "full page"
    screenshot would show one window; the window grows to the content's height for the picture only."""
    height = page.get_by_test_id("stMain").evaluate("e => e.scrollHeight")
    page.set_viewport_size({"width": DIRECTOR_WINDOW["width"], "height": max(height, DIRECTOR_WINDOW["height"])})
    page.screenshot(path=path)
    page.set_viewport_size(DIRECTOR_WINDOW)


def test_the_list_downloads_as_an_excel_file_with_the_rows_shown(app_server, page, tmp_path):
    seed = app_server.seed
    open_app(page, f"{app_server.url}/initiatives?q={seed.initiative_title.replace(' ', '+')}")
    expect(_title_link(page, seed.initiative_title)).to_be_visible()
    with page.expect_download() as download:
        page.get_by_test_id("stMain").get_by_role("button", name=t("export.initiatives")).click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.suffix == ".xlsx"
    rows = list(load_workbook(saved).active.iter_rows(values_only=True))
    assert rows[0][:2] == (t("portfolio.col.title"), t("portfolio.col.health"))
    assert [row[0] for row in rows[1:]] == [seed.initiative_title]
    assert 12345.67 in rows[1]  # the seeded plan in euros (conftest.PLANNED_CENTS), a number


def test_the_hostile_corpus_stays_text_in_the_tables(hostile_server, page):
    """Every corpus entry as a title, a reason and a lesson: shown as typed, no dialog, no foreign request, no
    element made of it; the only links are the app's own."""
    watch = Watch(page, hostile_server.url)
    main = page.get_by_test_id("stMain")
    open_app(page, f"{hostile_server.url}/initiatives")
    act_as_admin(page)
    for path in ("initiatives", "", "board", "design"):
        page.goto(f"{hostile_server.url}/{path}")
        wait_for_app(page)
        act_as_admin(page)
        expect(main.locator("table a").first).to_be_visible()  # the component has drawn its rows
        watch.check(page, f"/{path}")
        hrefs = main.locator("table a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert all(re.fullmatch(r"initiative\?id=\d+", href) for href in hrefs), hrefs
        assert main.locator("table script, table img, table svg, table b, table iframe").count() == 0
    page.goto(f"{hostile_server.url}/initiatives")
    wait_for_app(page)
    expect(main.locator("table a").first).to_be_visible()
    shown = main.locator("table a").evaluate_all("links => links.map(a => a.textContent)")
    titles = {fit(h.text, 200).strip() for h in CORPUS}
    assert titles <= set(shown), titles - set(shown)  # every title shown, exactly as typed
