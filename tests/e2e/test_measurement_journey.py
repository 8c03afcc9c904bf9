"""Measurement in headless Chromium, on SQLite (the demo picker) and PostgreSQL (a local sign-in): an analyst
uploads a Dutch survey export, chooses the column the file did not name, sees the bad row named, uploads the
corrected file, imports it, and sees the NPS trend with its margin band and an initiative's year-on-year effect."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from cxgov.db import make_engine, migrate, session_scope
from cxgov.i18n import t
from cxgov.models import InitiativeKpi, Person, PhaseTransition, Role, TaxonomyKind
from cxgov.settings import get_settings
from tests.conftest import postgres_copy
from tests.e2e.conftest import LOCAL_PASSWORD, Database, Seed, give_local_account, start_server
from tests.e2e.test_journeys import choose, open_app, sidebar, wait_for_app
from tests.factories import add_initiative, add_person, approve_and_move
from tests.measurement.builders import add_responses, add_survey_kpi
from tests.measurement.page_data import add_term, months_back

ANALYST = "Ada Analyst"
INITIATIVE = "Call back every detractor within 48 hours"
DO_MONTHS = 3  # the initiative entered Do three months ago: three months to compare with a year earlier
HEADER = "Respondent;Ingevuld op;KPI;Hoe waarschijnlijk;Kanaal;Opmerking\r\n"


def _months() -> list[date]:
    return [months_back(DO_MONTHS - i) for i in range(DO_MONTHS)]


def _export(*, bad: bool) -> bytes:
    """This year's answers since Do: NPS around +40 (a year earlier it was around +10); one row 11 when `bad`."""
    lines = []
    for month in _months():
        for i in range(60):
            score = (10, 9, 10, 8, 3, 10, 9, 7, 2, 10)[i % 10]
            lines.append(f"R{month:%Y%m}{i:03d};{month.replace(day=1 + i % 27):%d-%m-%Y};RNPS;{score};Winkel;")
    if bad:
        lines[4] = lines[4].rsplit(";", 3)[0] + ";11;Winkel;Bel me: 06-12345678"
    return (HEADER + "\r\n".join(lines) + "\r\n").encode("cp1252")


def _seed(url: str) -> int:
    """The analyst, the store channel, RNPS with last year's answers, and an initiative in Do measured on it."""
    engine = make_engine(url)
    try:
        analyst = add_person(engine, Role.ANALYST, name=ANALYST)
        add_term(engine, TaxonomyKind.CHANNEL, "store", "Store", "Winkel")
        kpi = add_survey_kpi(engine, "RNPS", "nps", name="Relationship NPS")
        last_year = [(m.replace(year=m.year - 1, day=5), s, {}) for m in _months() for s in (10, 9, 8, 7, 3, 2) * 10]
        add_responses(engine, kpi, last_year)
        owner = add_person(engine, Role.MANAGER, name="Lotte de Boer")
        initiative = add_initiative(engine, owner_id=owner, title=INITIATIVE, discipline="measurement")
        approve_and_move(engine, initiative, 1)
        with session_scope(engine, write=True) as session:
            session.add(InitiativeKpi(initiative_id=initiative, kpi_id=kpi, baseline=10, target=25))
            do_started = months_back(DO_MONTHS)  # the move into Do, dated to the first of that month
            session.execute(
                sa.update(PhaseTransition)
                .where(PhaseTransition.initiative_id == initiative)
                .values(moved_at=datetime(do_started.year, do_started.month, 1, 9, tzinfo=UTC))
            )
        return analyst
    finally:
        engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def measured_server(request, tmp_path_factory, browser_executable):
    """A fresh database of each kind with the seed above and a server on it (PostgreSQL signs in locally)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('measure') / 'cxgov.sqlite3'}"
        migrate(url)
        get_settings.cache_clear()
        _seed(url)
        database = Database(url=url, audit_key=get_settings().audit_key.decode(), seed=Seed(ANALYST, 0, ""))
        server = start_server(database, tmp_path_factory.mktemp("logs") / "streamlit-measure.log")
        yield next(server), None
        next(server, None)
        return
    template = request.getfixturevalue("postgres_template")
    if template is None:
        pytest.skip("PostgreSQL browser journeys need CXGOV_TEST_POSTGRES_URL")
    with postgres_copy(template, "cxgov_measure") as url:
        analyst = _seed(url)
        engine = make_engine(url)
        try:
            give_local_account(engine, analyst)
            with session_scope(engine) as session:
                email = session.get(Person, analyst).email
        finally:
            engine.dispose()
        database = Database(url=url, audit_key=get_settings().audit_key.decode(), seed=Seed(ANALYST, 0, ""))
        server = start_server(database, tmp_path_factory.mktemp("logs") / "streamlit-measure-pg.log", auth_mode="local")
        yield next(server), email
        next(server, None)


def _sign_in(page: Page, server, email: str | None) -> None:
    open_app(page, server.url)
    if email is None:
        choose(page, sidebar(page), t("frame.acting_as"), f"{ANALYST} · {t('enum.role.analyst')}")
    else:
        main = page.get_by_test_id("stMain")
        main.get_by_label(t("accounts.sign_in.email")).fill(email)
        main.get_by_label(t("accounts.sign_in.password"), exact=True).fill(LOCAL_PASSWORD)
        main.get_by_role("button", name=t("accounts.sign_in.submit")).click()
    wait_for_app(page)


def _upload(page: Page, folder: Path, name: str, data: bytes) -> None:
    path = folder / name
    path.write_bytes(data)
    page.get_by_test_id("stFileUploader").locator("input[type=file]").set_input_files(path)
    wait_for_app(page)


def test_an_analyst_imports_a_dutch_export_and_sees_the_trend_and_the_effect(
    measured_server, page, tmp_path, artifacts
):
    server, email = measured_server
    _sign_in(page, server, email)
    nav = sidebar(page).get_by_test_id("stSidebarNav")
    measurement = nav.get_by_role("link", name=t("enum.discipline.measurement"), exact=True)
    expect(measurement).to_be_visible(timeout=60_000)  # signed in: the page list is the analyst's
    measurement.click()
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    import_tab = main.get_by_role("tab", name=t("measurement_page.tab.import"))
    expect(import_tab).to_be_visible(timeout=60_000)
    import_tab.click()
    wait_for_app(page)

    _upload(page, tmp_path, "enquete-export.csv", _export(bad=True))
    expect(main.get_by_text("no column holds “Score”").first).to_be_visible(timeout=60_000)
    choose(page, main, t("import.field.score"), "4. Hoe waarschijnlijk")
    wait_for_app(page)
    expect(
        main.get_by_text("row 6, Score: 11 lies outside the answer scale 0–10 of Relationship NPS").first
    ).to_be_visible(timeout=60_000)
    importing = main.get_by_role("button", name=t("imports.import.responses", rows=179))
    expect(importing).to_be_disabled()
    page.screenshot(path=artifacts / "measurement_import_problem.png", full_page=True)

    _upload(page, tmp_path, "enquete-export-verbeterd.csv", _export(bad=False))
    expect(main.get_by_text("no column holds “Score”").first).to_be_visible(timeout=60_000)  # previewed again
    choose(page, main, t("import.field.score"), "4. Hoe waarschijnlijk")
    wait_for_app(page)
    importing = main.get_by_role("button", name=t("imports.import.responses", rows=180))
    expect(importing).to_be_enabled(timeout=60_000)
    importing.click()
    expect(main.get_by_text("Imported 180 new responses (0 already known): RNPS 180").first).to_be_visible(
        timeout=120_000
    )
    page.screenshot(path=artifacts / "measurement_imported.png", full_page=True)

    main.get_by_role("tab", name=t("measurement_page.tab.kpis")).click()
    wait_for_app(page)
    expect(main.get_by_text("95% margin").first).to_be_visible(timeout=60_000)
    page.screenshot(path=artifacts / "measurement_trend.png", full_page=True)

    nav.get_by_role("link", name=t("page.initiatives"), exact=True).click()
    wait_for_app(page)
    main.get_by_role("link", name=INITIATIVE).first.click()
    wait_for_app(page)
    main.get_by_role("tab", name=t("programs.tab.kpis")).click()
    wait_for_app(page)
    effect = main.get_by_role("listitem").filter(has_text="Relationship NPS +")
    expect(effect.first).to_contain_text("year on year", timeout=60_000)
    expect(effect.first).to_contain_text(t("impact.verdict.significant"))
    page.screenshot(path=artifacts / "initiative_effect.png", full_page=True)
