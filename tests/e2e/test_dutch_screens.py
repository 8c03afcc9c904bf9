"""What a Dutch reader sees in Chromium: chart axes write euros as "€ 1.200.000", and an empty date field reads
"dd-mm-jjjj" (English keeps "dd-mm-yyyy")."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from cxgov.i18n import t
from tests.e2e.test_accessibility import act_as_admin
from tests.e2e.test_journeys import open_app, sidebar, wait_for_app

AXIS_AMOUNTS = {"nl": re.compile("^€\u00a0\\d{1,3}(\\.\\d{3})*$"), "en": re.compile("^€\\d{1,3}(,\\d{3})*$")}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_budget_axis_writes_euros_as_the_locale_does(app_server, page: Page, lang):
    open_app(page, app_server.url)
    if lang == "nl":
        sidebar(page).get_by_role("radio", name="Nederlands").click()
    chart = page.get_by_test_id("stPlotlyChart").filter(has_text=t("portfolio.chart.budget", lang))
    expect(chart.locator(".ytick text").first).to_have_text(AXIS_AMOUNTS[lang])
    ticks = chart.locator(".ytick text").all_text_contents()
    assert len(ticks) > 2 and all(AXIS_AMOUNTS[lang].match(tick) for tick in ticks), ticks


@pytest.mark.parametrize(
    ("lang", "year_letters", "own_letters_size"), [("en", "none", "14px"), ("nl", '"jjjj"', "0px")]
)
def test_an_empty_date_field_spells_the_year_in_the_readers_language(
    app_server, page: Page, lang, year_letters, own_letters_size
):
    """The audit log's empty day filters, seen by an admin: in Dutch the year segment draws 'jjjj' instead of
    its own 'yyyy' (still the field's text, for typing and for screen readers)."""
    open_app(page, app_server.url)
    act_as_admin(page, lang)
    nav = sidebar(page).get_by_test_id("stSidebarNav")
    nav.get_by_role("link", name=t("page.people", lang), exact=True).click()  # the menu now lists the audit log
    wait_for_app(page)
    nav.get_by_role("link", name=t("page.audit_log", lang), exact=True).click()
    year = page.get_by_test_id("stDateInputField").first.locator("[data-type='year']")
    expect(year).to_have_text("yyyy")
    drawn = year.evaluate("e => [getComputedStyle(e, '::before').content, getComputedStyle(e).fontSize]")
    assert drawn == [year_letters, own_letters_size]
