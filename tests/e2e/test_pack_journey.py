"""The board pack in headless Chromium, on the full demo (its CX board's next meeting, in draft): the secretary
publishes the pack, downloads it as PPTX, PDF and XLSX (each opened and checked), an initiative changes, and the
meeting page says the live data now differs while the pack's files stay as they were."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from pptx import Presentation
from pypdf import PdfReader

from cxgov.db import make_engine, migrate, session_scope
from cxgov.i18n import t
from cxgov.models import Initiative
from cxgov.pack import formats  # noqa: F401 (registers the formats)
from cxgov.pack.render import render_pack
from cxgov.queries.board_pack import latest_pack_id, stored_pack
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio
from cxgov.services.initiatives import current_cycle, update_initiative
from cxgov.settings import get_settings
from tests.e2e.conftest import Database, Seed, start_server
from tests.e2e.test_journeys import choose, open_app, sidebar, wait_for_app

SECRETARY = "Thijs Bakker · CX programme office"  # the demo CX board's secretary
NEXT_QUARTER = "2026-Q4"  # the demo's next meeting, in draft with its proposed agenda
SUMMARY = "Three decisions this quarter; the single customer view needs the board's choice of supplier."
RENAMED = "Single customer view, second supplier (renamed after the pack)"


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory, browser_executable):
    """A server on the full demo portfolio with its meetings (the journeys' shared database has too few
    initiatives for them)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('pack') / 'cxgov.sqlite3'}"
    migrate(url)
    get_settings.cache_clear()
    engine = make_engine(url)
    try:
        with session_scope(engine, write=True) as session:
            load_demo_portfolio(session=session, actor=SYSTEM_ACTOR)
    finally:
        engine.dispose()
    database = Database(
        url=url,
        audit_key=get_settings().audit_key.decode(),
        seed=Seed(manager_name=SECRETARY, initiative_id=0, initiative_title=""),
    )
    server = start_server(database, tmp_path_factory.mktemp("logs") / "streamlit-pack.log")
    yield next(server), database
    next(server, None)


def _open_meeting(page: Page, url: str) -> None:
    open_app(page, url)
    choose(page, sidebar(page), t("frame.acting_as"), SECRETARY)
    wait_for_app(page)
    sidebar(page).get_by_test_id("stSidebarNav").get_by_role("link", name=t("page.meetings"), exact=True).click()
    wait_for_app(page)
    page.get_by_test_id("stMain").get_by_role("link", name=NEXT_QUARTER).first.click()
    wait_for_app(page)


def _download(page: Page, code: str, folder: Path, attempts: int = 3) -> bytes:
    """Prepare the file of `code` unless it is ready, wait for its download button, and save what it hands over.

    A tab switch runs the page again, and that run hands the button a new file: a click that lands before the
    run has begun asks for the old one and gets nothing. So a click that brought no file is repeated once the
    page is idle again."""
    main = page.get_by_test_id("stMain")
    wait_for_app(page)
    label = code.upper()
    prepare = main.get_by_role("button", name=t("pack_tab.produce", format=label))
    if prepare.count():  # a file drawn before (by anyone, in any session) is offered at once
        prepare.first.click()
    button = main.get_by_role("button", name=t("pack_tab.download", format=label)).first
    for attempt in range(1, attempts + 1):
        expect(button).to_be_visible(timeout=120_000)
        wait_for_app(page)
        try:
            with page.expect_download(timeout=20_000) as arrived:
                button.click()
            break
        except PlaywrightTimeoutError:
            if attempt == attempts:
                raise
    target = folder / arrived.value.suggested_filename
    arrived.value.save_as(target)
    return target.read_bytes()


def _slide_texts(data: bytes) -> str:
    deck = Presentation(io.BytesIO(data))
    return " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)


def test_the_secretary_publishes_downloads_and_sees_the_live_data_move_on(demo_server, page, tmp_path, artifacts):
    server, database = demo_server
    _open_meeting(page, server.url)
    main = page.get_by_test_id("stMain")
    main.get_by_role("tab", name=t("meeting_page.tab.pack")).click()
    expect(main.get_by_text(t("pack_tab.none"))).to_be_visible()

    # 1. Publish version 1, in English, with the chair's opening.
    main.get_by_text(t("pack_tab.publish"), exact=True).click()
    summary = main.get_by_role("textbox", name=t("pack_tab.field.summary"))
    summary.fill(SUMMARY)
    summary.blur()  # the form takes the text when the field loses focus, and redraws: wait for that first
    wait_for_app(page)
    expect(summary).to_have_value(SUMMARY)
    main.get_by_role("button", name=t("pack_tab.publish_button")).click()
    expect(main.get_by_text(t("pack_tab.published", n=1))).to_be_visible()
    wait_for_app(page)
    page.screenshot(path=artifacts / "pack_tab.png", full_page=True)
    engine = make_engine(database.url)
    try:
        with session_scope(engine) as session:
            pack = stored_pack(session, latest_pack_id(session, 3))
        assert pack.intact and pack.content.number == 1 and pack.content.language == "en"
        assert next(s for s in pack.content.sections if s.kind.value == "summary").commentary == SUMMARY

        # 2. The three files, each opened.
        main.get_by_role("tab", name=t("meeting_page.tab.pack")).click()
        pptx = _download(page, "pptx", tmp_path)
        slides = _slide_texts(pptx)
        assert SUMMARY in slides
        assert all(section.title in slides for section in pack.content.sections)
        pdf = _download(page, "pdf", tmp_path)
        text = " ".join(page_.extract_text() for page_ in PdfReader(io.BytesIO(pdf)).pages)
        assert "Executive summary" in text and "Three decisions this quarter" in " ".join(text.split())
        xlsx = _download(page, "xlsx", tmp_path)
        assert xlsx == render_pack(pack.content, "xlsx")  # the file is the stored snapshot's, byte for byte
        sheets = load_workbook(io.BytesIO(xlsx)).sheetnames
        assert len(sheets) == len(pack.content.sections) + 1  # the contents, then a sheet per section
        expect(main.get_by_text(t("pack_line.matches", n=1, cut_off="")[:20])).to_be_visible()

        # 3. An initiative of the pack changes after publishing.
        proposal = next(s for s in pack.content.sections if s.section == "decisions_requested")
        initiative_id = proposal.table("asks").rows[0][0]
        with session_scope(engine, write=True) as session:
            initiative = session.get(Initiative, initiative_id)
            form = initiative.model_dump(
                include={"discipline", "owner_id", "status", "lane", "priority", "progress_pct"}
            )
            phase = current_cycle(session, initiative_id).phase
            update_initiative(
                session=session,
                actor=SYSTEM_ACTOR,
                initiative_id=initiative_id,
                seen_version=initiative.version,
                data={**form, "phase": phase, "title": RENAMED},
            )
    finally:
        engine.dispose()

    # 4. A refresh: the meeting page says the live data differs; the pack's file is as it was.
    _open_meeting(page, server.url)
    differs = main.get_by_text(t("pack_line.differs", n=1, cut_off="", titles="")[:30])
    expect(differs).to_be_visible()
    page.screenshot(path=artifacts / "pack_differs.png", full_page=True)
    main.get_by_role("tab", name=t("meeting_page.tab.pack")).click()
    assert _download(page, "xlsx", tmp_path) == xlsx
    assert RENAMED not in _slide_texts(_download(page, "pptx", tmp_path))
