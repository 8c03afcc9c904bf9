"""Hostile input triggers nothing in a real browser: safe by default.

The corpus (tests/hostile.py) is stored in every text field through the services, and a hostile title and a
100 kB description are typed into the initiative form. Then every page is visited, acting as an admin, while
the browser records each dialog (alert, confirm, prompt) and each request to a host other than the app's
(aborted, so nothing leaves the machine). Any of them, an exception box, or an element pointing at the foreign
host or at a javascript: URL fails the test.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from cxgov.i18n import t
from cxgov.ui.navigation import PAGES
from tests.e2e.test_journeys import choose, sidebar, wait_for_app
from tests.hostile import ADMIN_NAME, BY_KEY, FOREIGN_HOST, fit

FORM_TITLE = (
    f'<script>alert("form")</script><img src=x onerror=alert(2)> ![x](http://{FOREIGN_HOST}/f.png) '
    "[y](javascript:alert(3)) :red[typed]"
)
# Elements an injection would have made: an image or any reference to the foreign host, a javascript: link
# (SVG links included: plotly writes <a xlink:href> into chart titles).
INJECTED = {
    "img[src*=foreign]": f"img[src*='{FOREIGN_HOST}']",
    "[href*=foreign]": f"[*|href*='{FOREIGN_HOST}'], [src*='{FOREIGN_HOST}']",
    "[href^=javascript:]": "[*|href^='javascript:']",
}


DESCRIPTION_MAX = 20_000  # the input model's limit for the description
WORD_JOINER = "\u2060"
SHOW_CONTEXT = "e => (e.closest('[data-testid^=st]') || e).outerHTML"  # the Streamlit element around a find


class Watch:
    """What the page did that it must not: dialogs shown and requests to foreign hosts (aborted)."""

    def __init__(self, page: Page, app_url: str):
        self.app = urlsplit(app_url).netloc
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        page.on("dialog", self._dialog)
        page.on("request", self._request)
        page.context.route(self._is_foreign, lambda route: route.abort())

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _is_foreign(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.app

    def _request(self, request) -> None:
        if self._is_foreign(request.url) or request.url.startswith("javascript:"):
            self.foreign.append(request.url)

    def check(self, page: Page, where: str) -> None:
        """Nothing fired on the page shown now."""
        wait_for_app(page)
        assert not self.dialogs, f"{where}: dialogs {self.dialogs}"
        assert not self.foreign, f"{where}: requests to other hosts {self.foreign}"
        assert page.get_by_test_id("stException").count() == 0, f"{where}: an exception box"
        for what, selector in INJECTED.items():
            found = page.locator(selector)
            assert found.count() == 0, f"{where}: injected {what}: {found.first.evaluate(SHOW_CONTEXT)[:1500]}"


def act_as_admin(page: Page) -> None:
    choose(page, sidebar(page), t("frame.acting_as"), f"{ADMIN_NAME} · {t('enum.role.admin')}")
    wait_for_app(page)


def test_hostile_input_triggers_nothing_on_any_page(hostile_server, page, artifacts):
    watch = Watch(page, hostile_server.url)
    main = page.get_by_test_id("stMain")
    page.goto(f"{hostile_server.url}/initiatives")
    wait_for_app(page)
    act_as_admin(page)

    # Typed into the form: a hostile title and a 100 kB description (pasted: fill() inserts it at once).
    main.get_by_role("button", name=t("programs.new")).click()
    expect(page).to_have_url(re.compile(r"/initiative-form$"))
    wait_for_app(page)
    main.get_by_role("textbox", name=t("programs.field.title")).fill(FORM_TITLE)
    description = main.get_by_role("textbox", name=t("programs.field.description"))
    description.fill(BY_KEY["big"].text)
    choose(page, main, t("programs.field.discipline"), t("enum.discipline.measurement"))
    main.get_by_role("button", name=t("form.save")).click()  # a paste over the maximum is kept and named
    wait_for_app(page)
    expect(main.get_by_test_id("stAlert").filter(has_text=t("form.fix_fields"))).to_contain_text(
        re.compile(r"at most 20,000 characters")
    )
    expect(page).to_have_url(re.compile(r"/initiative-form$"))  # nothing saved
    expect(description).to_have_value(BY_KEY["big"].text)
    description.fill(fit(BY_KEY["big"].text, DESCRIPTION_MAX))  # the most the field takes, markup up front
    expect(description).to_have_value(fit(BY_KEY["big"].text, DESCRIPTION_MAX))
    watch.check(page, "initiative form, filled")
    main.get_by_role("button", name=t("form.save")).click()
    expect(page).to_have_url(re.compile(r"/initiative\?id=\d+$"))
    watch.check(page, "detail of the initiative typed in")
    # Shown as typed, as text (plain() adds invisible word joiners that stop bare URLs turning into links).
    assert main.locator("h1").first.inner_text().replace(WORD_JOINER, "") == FORM_TITLE
    expect(main).to_contain_text("<b>big</b> AAAA")  # the description's markup shown as text
    page.screenshot(path=artifacts / "hostile_detail.png", full_page=True)

    main.get_by_role("button", name=t("programs.edit")).click()
    expect(page).to_have_url(re.compile(r"/initiative-form\?id=\d+$"))
    expect(main.get_by_role("textbox", name=t("programs.field.title"))).to_have_value(FORM_TITLE)
    watch.check(page, "edit form of the initiative typed in")

    # Every sidebar page, through the sidebar (the session, and so the admin, stays).
    nav = sidebar(page).get_by_test_id("stSidebarNav")
    for spec in PAGES:
        if spec.hidden:
            continue
        nav.get_by_role("link", name=t(spec.title), exact=True).click()
        path = "" if spec.url_path == "portfolio" else spec.url_path  # the default page lives at /
        expect(page).to_have_url(re.compile(rf"{re.escape(hostile_server.url)}/{path}(\?.*)?$"))
        expect(main.get_by_role("heading", level=1).first).to_be_visible()
        watch.check(page, spec.url_path)

    # A seeded initiative holding the corpus by link (a new session), then its edit form as the admin.
    seeded_id = hostile_server.seed.initiative_id
    page.goto(f"{hostile_server.url}/initiative?id={seeded_id}")
    watch.check(page, "seeded initiative, read-only")
    act_as_admin(page)
    main.get_by_role("button", name=t("programs.edit")).click()
    expect(page).to_have_url(re.compile(rf"/initiative-form\?id={seeded_id}$"))
    watch.check(page, "seeded initiative, edit form")

    # A governance meeting holding the corpus in every text: each tab of its page, then every agenda item in
    # presentation mode with the side panel's forms, and a decision in the register.
    meeting_id = hostile_server.seed.meeting_id
    page.goto(f"{hostile_server.url}/meeting?id={meeting_id}")
    act_as_admin(page)
    for tab in ("agenda", "attendance", "asks", "minutes", "outcomes"):
        main.get_by_role("tab", name=t(f"meeting_page.tab.{tab}")).click()
        watch.check(page, f"meeting page, {tab}")
    page.goto(f"{hostile_server.url}/present?id={meeting_id}&item=1")
    act_as_admin(page)
    next_item = main.get_by_role("button", name=t("present.next"))
    item = 1
    while True:
        expect(page).to_have_url(re.compile(rf"/present\?id={meeting_id}&item={item}$"))
        watch.check(page, f"presentation mode, item {item}")
        if next_item.is_disabled():
            break
        next_item.click()
        item += 1
    assert item >= 12, "the proposed sections, a topic and an initiative are on the agenda"
    page.goto(f"{hostile_server.url}/decisions?id=1")
    watch.check(page, "a decision in the register")
