"""Trustworthy numbers in Chromium: an analyst corrects a KPI reading and then withdraws it, each with a reason,
on Admin → KPIs; a manager books a credit with its reason on the initiative page."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import Page, expect
from sqlmodel import select

from cxgov.db import make_engine, session_scope
from cxgov.i18n import format_day, format_measure, t
from cxgov.models import AuditEvent, Expense, Kpi, KpiReading
from cxgov.queries import kpis as kpi_queries
from tests.e2e.test_journeys import choose, open_app, sidebar, wait_for_app

ANALYST = "Daan Meijer"  # a CX analyst of the demo: keeps the KPI catalogue and its readings


def _latest_review(url: str) -> KpiReading:
    engine = make_engine(url)
    try:
        with session_scope(engine) as session:
            # A typed KPI: the survey KPIs' readings are computed from their answers and never edited by hand.
            kpi_id = session.exec(select(Kpi.id).where(Kpi.code == "REVIEW")).one()
            return session.exec(
                select(KpiReading).where(KpiReading.kpi_id == kpi_id).order_by(KpiReading.period.desc())
            ).first()
    finally:
        engine.dispose()


def _tab(page: Page, main, key: str):
    """Open the tab (a click reruns the page: its tabs keep their state) and return its panel."""
    tab = main.get_by_role("tab", name=t(key))
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")
    wait_for_app(page)
    return main.get_by_role("tabpanel")  # only the open tab's panel has the role


def _saved(page: Page, main) -> None:
    expect(main.get_by_test_id("stAlertContentSuccess").filter(has_text=t("form.saved"))).to_be_visible()
    wait_for_app(page)


def test_an_analyst_corrects_then_withdraws_a_reading_with_reasons(app_server, e2e_database, page, artifacts):
    reading = _latest_review(e2e_database.url)
    title = f"{format_day(reading.period, 'en')} · demo · {format_measure(reading.value, 'en')}"
    main = page.get_by_test_id("stMain")
    open_app(page, f"{app_server.url}/kpis")
    choose(page, sidebar(page), t("frame.acting_as"), f"{ANALYST} · {t('enum.role.analyst')}")
    choose(page, main, t("admin.field.kpi"), "REVIEW · Review score (1–5)")

    panel = _tab(page, main, "readings.correct_tab")
    choose(page, panel, t("admin.choose_entry"), title)
    wait_for_app(page)  # the form is drawn again for the reading chosen
    panel.get_by_role("spinbutton", name=t("admin.field.value")).fill("12")
    panel.get_by_role("textbox", name=t("readings.field.reason")).fill("Pulse export doubled the decimals")
    panel.get_by_role("button", name=t("form.save"), exact=True).click()
    expect(panel).to_contain_text("must lie between 1 and 5 (the scale of Review score (1–5))")
    panel.get_by_role("spinbutton", name=t("admin.field.value")).fill("4.2")
    panel.get_by_role("button", name=t("form.save"), exact=True).click()
    _saved(page, main)
    page.screenshot(path=artifacts / "numbers_1_corrected.png", full_page=True)

    panel = _tab(page, main, "readings.withdraw_tab")
    choose(page, panel, t("admin.choose_entry"), f"{format_day(reading.period, 'en')} · demo · 4.2")
    wait_for_app(page)
    panel.get_by_role("textbox", name=t("readings.field.reason")).fill("The pulse ran on half the teams")
    panel.get_by_role("button", name=t("form.save"), exact=True).click()
    _saved(page, main)
    page.screenshot(path=artifacts / "numbers_2_withdrawn.png", full_page=True)

    engine = make_engine(e2e_database.url)
    try:
        with session_scope(engine) as session:
            stored = session.get(KpiReading, reading.id)
            assert (stored.value, stored.withdrawal_reason, stored.version) == (
                4.2,
                "The pulse ran on half the teams",
                3,
            )
            reasons = session.exec(
                select(AuditEvent.field, AuditEvent.reason).where(
                    AuditEvent.entity == "kpi_reading", AuditEvent.entity_id == str(reading.id)
                )
            ).all()
            discipline = kpi_queries.discipline_kpis(session, "customer_understanding").set_index("code").loc["REVIEW"]
    finally:
        engine.dispose()
    assert ("value", "Pulse export doubled the decimals") in reasons
    assert ("withdrawal_reason", "The pulse ran on half the teams") in reasons
    assert discipline["latest_period"] < reading.period  # the withdrawn month no longer counts


def test_a_manager_books_a_credit_with_its_reason(app_server, e2e_database, page, artifacts):
    seed = app_server.seed
    main = page.get_by_test_id("stMain")
    open_app(page, f"{app_server.url}/initiative?id={seed.initiative_id}")
    choose(page, sidebar(page), t("frame.acting_as"), f"{seed.manager_name} · {t('enum.role.manager')}")
    main.get_by_role("button", name=t("programs.open.expense")).click()
    form = main.get_by_test_id("stForm").filter(has_text=t("programs.open.expense"))
    form.get_by_role("textbox", name=t("programs.expense.amount")).fill("-125,50")
    form.get_by_role("button", name=t("form.save"), exact=True).click()
    expect(main).to_contain_text(t("credit.field.reason"))
    expect(main.get_by_test_id("stAlertContentError")).to_contain_text("is required for a credit")
    form.get_by_role("textbox", name=t("credit.field.reason")).fill("Supplier credit note 2026-117")
    form.get_by_role("button", name=t("form.save"), exact=True).click()
    expect(page.get_by_test_id("stToast").filter(has_text=t("form.saved"))).to_be_visible()
    wait_for_app(page)
    main.get_by_role("tab", name=t("programs.tab.budget")).click()
    grid = main.get_by_role("tabpanel").get_by_test_id("data-grid-canvas").last
    expect(grid).to_contain_text("Credit: Supplier credit note 2026-117")
    page.screenshot(path=artifacts / "numbers_3_credit.png", full_page=True)
    engine = make_engine(e2e_database.url)
    try:
        with session_scope(engine) as session:
            credits = session.exec(
                select(Expense).where(Expense.amount_cents < 0, Expense.initiative_id == seed.initiative_id)
            ).all()
    finally:
        engine.dispose()
    assert [(c.amount_cents, c.correction_reason, c.spent_on) for c in credits] == [
        (-12550, "Supplier credit note 2026-117", date.today())
    ]
