"""PDCA journeys in headless Chromium: a manager's check-in with a KPI reading carries a project from
Do through Check to an Act decision that opens a new cycle, and the lesson turns up in the lessons library;
a quick fix is proposed through the form and finished in its three steps on its page."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from cxgov.audit import verify
from cxgov.db import make_engine, session_scope
from cxgov.i18n import enum_label, format_day, t
from cxgov.models import (
    ActDecision,
    AuditEvent,
    CheckIn,
    Discipline,
    Health,
    Initiative,
    KpiReading,
    Lane,
    PdcaCycle,
    Person,
    Phase,
    PhaseTransition,
    Status,
)
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.budget import set_budget_line
from cxgov.services.initiatives import record_check_in
from cxgov.services.kpis import create_kpi
from cxgov.services.lifecycle import move_status
from cxgov.services.pdca import move_to_next_phase, save_cycle_record
from cxgov.settings import get_settings
from tests.e2e.conftest import LOCAL_PASSWORD, Database, Server
from tests.e2e.test_journeys import choose, open_app, sidebar, wait_for_app
from tests.factories import add_initiative

KPI_CODE, KPI_NAME = "E2E_CSAT_COMPLAINTS", "CSAT after a complaint"
BASELINE, TARGET = 62, 75  # % satisfied (CSAT 4–5) before the pilot, and the aim
READING, SAMPLE = 71, 240  # what this month's survey says: better, not there yet
LESSON = "Callbacks lift CSAT only when the first agent may refund on the spot"


@dataclass(frozen=True)
class Backend:
    """One database's server, the seeded manager there, and how that manager starts acting."""

    server: Server
    database: Database
    manager_id: int
    manager_email: str
    signs_in: bool  # local accounts (PostgreSQL) instead of the "acting as" picker (SQLite only)

    def act_as_manager(self, page: Page) -> None:
        """Act as the manager on the page just opened: pick them (SQLite), or sign in (the form stands in for
        the page, which then shows with their rights)."""
        name = self.database.seed.manager_name
        if not self.signs_in:
            choose(page, sidebar(page), t("frame.acting_as"), f"{name} · {t('enum.role.manager')}")
        else:
            main = page.get_by_test_id("stMain")
            main.get_by_label(t("accounts.sign_in.email")).fill(self.manager_email)
            main.get_by_label(t("accounts.sign_in.password"), exact=True).fill(LOCAL_PASSWORD)
            main.get_by_role("button", name=t("accounts.sign_in.submit")).click()
            expect(sidebar(page)).to_contain_text(t("accounts.signed_in_as", name=name, role=t("enum.role.manager")))
        wait_for_app(page)


@contextmanager
def _stored(database: Database) -> Iterator[Session]:
    """A read session on the journey's database, as the server left it."""
    engine = make_engine(database.url)
    try:
        with session_scope(engine) as session:
            yield session
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request) -> Backend:
    """The journeys run on both databases."""
    signs_in = request.param == "postgres"
    server = request.getfixturevalue("postgres_server" if signs_in else "app_server")
    database = request.getfixturevalue("postgres_e2e_database" if signs_in else "e2e_database")
    with _stored(database) as session:
        manager = session.exec(select(Person).where(Person.name == database.seed.manager_name)).one()
        return Backend(server, database, manager.id, manager.email, signs_in)


@dataclass(frozen=True)
class ProjectInDo:
    """A funded project in Do, owned by the seeded manager, measured against its own KPI."""

    initiative_id: int
    title: str


def _version(session, initiative_id: int) -> int:
    return session.get(Initiative, initiative_id).version


@pytest.fixture
def project_in_do(backend) -> ProjectInDo:
    """Arranged through the services, with every Plan → Do criterion met (no override) and the derived health
    green: a planned budget and no spend, no milestones, a check-in a few days ago."""
    engine = make_engine(backend.database.url)
    title = "E2E callback after every complaint"
    try:
        initiative_id = add_initiative(
            engine,
            owner_id=backend.manager_id,
            title=title,
            discipline="measurement",
            start_date=date.today() - timedelta(days=30),
            target_date=date.today() + timedelta(days=180),
        )
        with session_scope(engine, write=True) as session:
            kpi_id = create_kpi(
                session=session,
                actor=SYSTEM_ACTOR,
                data={
                    "code": KPI_CODE,
                    "name": KPI_NAME,
                    "kind": "csat",
                    "unit": "%",
                    "scale_min": 0,
                    "scale_max": 100,
                },
            )
            save_cycle_record(
                session=session,
                actor=SYSTEM_ACTOR,
                initiative_id=initiative_id,
                seen_version=_version(session, initiative_id),
                data={
                    "background": "Complainants wait days for an answer.",
                    "hypothesis": "If an agent calls back within a day, then CSAT rises.",
                    "target_kpi_id": kpi_id,
                    "baseline_value": BASELINE,
                    "target_value": TARGET,
                    "target_date": date.today() + timedelta(days=180),
                },
            )
            set_budget_line(
                session=session,
                actor=SYSTEM_ACTOR,
                initiative_id=initiative_id,
                data={
                    "year": date.today().year,
                    "quarter": (date.today().month - 1) // 3 + 1,
                    "planned_cents": 1_500_000,
                },
            )
        with session_scope(engine, write=True) as session:
            move_status(
                session=session,
                actor=SYSTEM_ACTOR,
                initiative_id=initiative_id,
                seen_version=_version(session, initiative_id),
                move="approve",
                reason="Board of the month",
            )
        with session_scope(engine, write=True) as session:
            move_to_next_phase(
                session=session,
                actor=SYSTEM_ACTOR,
                initiative_id=initiative_id,
                seen_version=_version(session, initiative_id),
            )  # no reason: the criteria are met
            record_check_in(
                session=session,
                actor=SYSTEM_ACTOR,
                initiative_id=initiative_id,
                data={
                    "checkin_date": date.today() - timedelta(days=3),
                    "health": "green",
                    "progress_pct": 10,
                    "summary": "Callback team trained.",
                },
            )
    finally:
        engine.dispose()
    return ProjectInDo(initiative_id=initiative_id, title=title)


def _form(main, title_key: str):
    """The open Streamlit form whose bold heading or first field names it."""
    return main.get_by_test_id("stForm").filter(has_text=t(title_key))


def _saved(page: Page, message: str) -> None:
    """The toast of a save, then an idle app (the rerun after the save has drawn the page)."""
    expect(page.get_by_test_id("stToast").filter(has_text=message)).to_be_visible()
    wait_for_app(page)


def _box(main, title_key: str, text: str):
    """A bordered box (a column) with its bold title and `text`: the A3 and the quick fix draw their boxes so."""
    return main.get_by_test_id("stColumn").filter(has_text=t(title_key)).filter(has_text=text)


def _cycle_heading(main, number: int, phase: Phase):
    return main.get_by_role("heading", name=t("pdca.cycle_title", n=number, phase=enum_label(phase)))


def _move(page: Page, main, to_phase: Phase) -> None:
    """Press "Move to …" and confirm the move it names: every criterion is met, so it happens without a warning."""
    main.get_by_role("button", name=t("pdca.move_to", phase=enum_label(to_phase))).click()
    confirm = main.get_by_role("button", name=t("pdca.confirm_yes", phase=enum_label(to_phase)))
    expect(confirm).to_be_visible()
    # Idle only once the button is there: waiting before it appears could pass while the run that draws it has not
    # begun, and a click during that run may land on an element being replaced.
    wait_for_app(page)
    confirm.click()
    _saved(page, t("pdca.moved", phase=enum_label(to_phase)))
    expect(main).not_to_contain_text(t("pdca.unmet_intro"))
    expect(main.get_by_role("textbox", name=t("pdca.proceed_reason"))).to_have_count(0)


def test_manager_checks_in_with_a_reading_moves_to_act_and_adjusts(backend, page, project_in_do, tmp_path):
    """Check in with a KPI reading, Do → Check (met by the reading), check result, Check → Act, adjust: cycle 2
    opens in Plan with the lesson, which the lessons library finds."""
    started = datetime.now(UTC) - timedelta(seconds=1)
    p = project_in_do
    main = page.get_by_test_id("stMain")
    open_app(page, f"{backend.server.url}/initiative?id={p.initiative_id}")
    backend.act_as_manager(page)
    expect(main.get_by_role("heading", name=p.title)).to_be_visible()
    expect(_cycle_heading(main, 1, Phase.DO)).to_be_visible()

    # The check-in: amber with a reason (never better than the green the rules derive), progress, a reading.
    main.get_by_role("button", name=t("programs.open.check_in")).click()
    check_in = _form(main, "programs.open.check_in")
    expect(check_in).to_be_visible()
    choose(page, check_in, t("programs.field.health"), enum_label(Health.AMBER))
    check_in.get_by_role("textbox", name=t("programs.checkin.reason")).fill("Callback team one agent short")
    check_in.get_by_role("spinbutton", name=t("programs.field.progress")).fill("40")
    check_in.get_by_role("textbox", name=t("programs.checkin.summary")).fill("Called back 180 complainants.")
    choose(page, check_in, t("programs.checkin.kpi"), f"{KPI_CODE} · {KPI_NAME}")
    check_in.get_by_role("spinbutton", name=t("programs.checkin.kpi_value")).fill(str(READING))
    check_in.get_by_role("spinbutton", name=t("programs.checkin.kpi_sample_size")).fill(str(SAMPLE))
    page.screenshot(path=tmp_path / "1_check_in_filled.png", full_page=True)
    check_in.get_by_role("button", name=t("form.save"), exact=True).click()
    _saved(page, t("form.saved"))
    expect(_form(main, "programs.open.check_in")).to_have_count(0)  # the form closes after the save
    expect(main).to_contain_text("Callback team one agent short")  # the reported health's reason, on top

    main.get_by_role("tab", name=t("programs.tab.check_ins")).click()
    grid = main.get_by_role("tabpanel").get_by_test_id("data-grid-canvas")  # hidden tabs have no role
    expect(grid).to_contain_text("Callback team one agent short")
    expect(grid).to_contain_text(enum_label(Health.AMBER))
    expect(grid).to_contain_text("Called back 180 complainants.")  # the author's column is off-screen: see the database
    page.screenshot(path=tmp_path / "2_check_ins_tab.png", full_page=True)
    main.get_by_role("tab", name=t("programs.tab.pdca")).click()

    # Do → Check: this month's reading of the target KPI meets the criterion.
    _move(page, main, Phase.CHECK)
    expect(_cycle_heading(main, 1, Phase.CHECK)).to_be_visible()

    # The check result starts as a draft from the reading; the manager completes it and saves.
    record = main.get_by_test_id("stExpander").filter(has_text=t("pdca.edit_record"))
    record.get_by_text(t("pdca.edit_record")).click()
    result_box = record.get_by_role("textbox", name=t("pdca.field.check_result"))
    expect(result_box).to_have_value(
        f"{KPI_NAME}: {BASELINE} → {READING} ({date.today().replace(day=1).isoformat()}, n = {SAMPLE}); target {TARGET}"
    )
    result_box.fill(
        f"CSAT after a complaint {BASELINE} → {READING}; target {TARGET} not reached: refunds still wait "
        "for a second agent."
    )
    record.get_by_role("spinbutton", name=t("pdca.field.check_sample_size")).fill(str(SAMPLE))
    result_box.scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "3_check_result.png", full_page=True)
    record.get_by_role("button", name=t("pdca.save_record")).click()
    _saved(page, t("form.saved"))
    checked = _box(main, "pdca.field.check_result", f"refunds still wait for a second agent. (n = {SAMPLE})")
    expect(checked).to_have_count(1)

    # Check → Act, then adjust with the lesson: cycle 2 opens in Plan with the lesson and the same target.
    _move(page, main, Phase.ACT)
    decision = _form(main, "pdca.decide")
    decision.get_by_text(enum_label(ActDecision.ADJUST)).click()
    decision.get_by_role("textbox", name=t("pdca.field.lesson")).fill(LESSON)
    decision.get_by_role("button", name=t("pdca.decide")).click()
    _saved(page, t("pdca.decided"))
    expect(_cycle_heading(main, 2, Phase.PLAN)).to_be_visible()
    expect(_box(main, "pdca.field.background", f"Lesson from cycle 1: {LESSON}")).to_have_count(1)
    target = t(
        "pdca.target_line",
        kpi=KPI_NAME,
        baseline=BASELINE,
        target=TARGET,
        date=format_day(date.today() + timedelta(days=180)),
    )
    expect(main).to_contain_text(target)
    expect(main.get_by_text(t("pdca.earlier_cycles"))).to_be_visible()
    page.screenshot(path=tmp_path / "4_cycle_two.png", full_page=True)

    # The lessons library finds the lesson by a word from it.
    sidebar(page).get_by_test_id("stSidebarNav").get_by_role("link", name=t("page.lessons"), exact=True).click()
    expect(main.get_by_role("heading", name=t("page.lessons"))).to_be_visible()
    wait_for_app(page)
    search = main.get_by_role("textbox", name=t("lessons.search"))
    search.fill("refund on the spot")
    search.press("Enter")
    expect(main).to_contain_text(t("lessons.count.1"))
    lessons = main.locator("table")
    expect(lessons).to_contain_text(LESSON)
    expect(lessons).to_contain_text(t("lessons.decision.adjust"))
    wait_for_app(page)
    page.screenshot(path=tmp_path / "5_lessons_library.png", full_page=True)

    _assert_stored(backend, p, started)


def _assert_stored(backend: Backend, p: ProjectInDo, started: datetime) -> None:
    """What the journey left in the database: the check-in and its reading, the moves with who/when/from/to,
    both cycles, and the audit events, in an intact audit chain."""
    with _stored(backend.database) as session:
        check_in = session.exec(
            select(CheckIn).where(CheckIn.initiative_id == p.initiative_id).order_by(CheckIn.id.desc())
        ).first()
        assert (check_in.health, check_in.reason, check_in.progress_pct, check_in.author_id) == (
            Health.AMBER,
            "Callback team one agent short",
            40,
            backend.manager_id,
        )
        reading = session.exec(select(KpiReading).where(KpiReading.source == f"initiative {p.initiative_id}")).one()
        assert (reading.value, reading.sample_size, reading.period) == (READING, SAMPLE, date.today().replace(day=1))

        moves = session.exec(
            select(PhaseTransition).where(PhaseTransition.initiative_id == p.initiative_id).order_by(PhaseTransition.id)
        ).all()
        assert [(m.from_phase, m.to_phase) for m in moves] == [
            (Phase.PLAN, Phase.DO),
            (Phase.DO, Phase.CHECK),
            (Phase.CHECK, Phase.ACT),
            (Phase.ACT, Phase.PLAN),
        ]
        ours = moves[1:]  # the first was the arrangement's
        assert all(m.moved_by_id == backend.manager_id and m.moved_at >= started for m in ours)
        assert [m.overridden for m in ours] == ["", "", ""]  # every criterion met: nothing overridden
        assert ours[-1].reason == f"Act: adjust — {LESSON}"

        first, second = session.exec(
            select(PdcaCycle).where(PdcaCycle.initiative_id == p.initiative_id).order_by(PdcaCycle.number)
        ).all()
        assert (first.act_decision, first.lesson, first.closed_on) == (ActDecision.ADJUST, LESSON, date.today())
        assert first.check_sample_size == SAMPLE and "second agent" in first.check_result
        assert (second.phase, second.closed_on, second.target_kpi_id, second.baseline_value, second.target_value) == (
            Phase.PLAN,
            None,
            first.target_kpi_id,
            BASELINE,
            TARGET,
        )
        assert session.get(Initiative, p.initiative_id).status is Status.ACTIVE

        events = session.exec(
            select(AuditEvent).where(AuditEvent.actor_id == backend.manager_id, AuditEvent.occurred_at >= started)
        ).all()
        phases = [(e.old_value, e.new_value) for e in events if e.entity == "pdca_cycle" and e.field == "phase"]
        assert phases == [("do", "check"), ("check", "act")]
        done = {(e.entity, e.action, e.field) for e in events}
        assert {
            ("check_in", "create", None),
            ("kpi_reading", "create", None),
            ("pdca_cycle", "update", "check_result"),
            ("pdca_cycle", "update", "act_decision"),
            ("pdca_cycle", "create", None),
        } <= done, done  # the next cycle, created whole
        assert all(e.actor_name == backend.database.seed.manager_name for e in events)
        report = verify(session, get_settings().audit_key)
        assert report.ok, report.problems[:5]


def test_quick_fix_is_proposed_then_done_in_three_steps(backend, page, tmp_path):
    """A manager proposes a quick fix through the form, writes problem and change, records the result: done."""
    title = "E2E invoice PDF opens on phones"
    problem, change = "Customers on phones cannot open the invoice PDF.", "Invoices are sent as mobile-friendly PDF/A."
    result = "Calls about unreadable invoices fell from 40 to 3 a week."
    main = page.get_by_test_id("stMain")
    open_app(page, backend.server.url)
    backend.act_as_manager(page)
    expect(main.get_by_role("heading", name=t("page.my_work"))).to_be_visible()  # a manager lands there first
    sidebar(page).get_by_test_id("stSidebarNav").get_by_role("link", name=t("page.initiatives"), exact=True).click()
    main.get_by_role("button", name=t("programs.new")).click()
    expect(main.get_by_role("heading", name=t("programs.form.new_title"))).to_be_visible()
    main.get_by_role("textbox", name=t("programs.field.title")).fill(title)
    main.get_by_role("textbox", name=t("programs.field.description")).fill("A fix for the billing journey.")
    choose(page, main, t("programs.field.discipline"), enum_label(Discipline.DESIGN))
    choose(page, main, t("programs.field.lane"), enum_label(Lane.QUICK_FIX))
    main.get_by_role("button", name=t("form.save"), exact=True).click()

    expect(main.get_by_role("heading", name=title)).to_be_visible()
    _saved(page, t("form.saved"))
    expect(main.get_by_role("heading", name=t("pdca.quick.title"))).to_be_visible()
    expect(main).to_contain_text(f"{t('programs.field.lane')}: {enum_label(Lane.QUICK_FIX)}")

    steps = _form(main, "pdca.quick.save")
    steps.get_by_role("textbox", name=t("pdca.quick.problem"), exact=True).fill(problem)
    steps.get_by_role("textbox", name=t("pdca.quick.change"), exact=True).fill(change)
    steps.get_by_role("button", name=t("pdca.quick.save")).click()
    _saved(page, t("form.saved"))  # the same words as the creation's toast: the boxes prove this save
    expect(_box(main, "pdca.quick.problem", problem)).to_have_count(1)
    expect(_box(main, "pdca.quick.change", change)).to_have_count(1)
    expect(_box(main, "pdca.quick.result", t("pdca.empty_box"))).to_have_count(1)
    page.screenshot(path=tmp_path / "6_quick_fix_two_steps.png", full_page=True)

    done = _form(main, "pdca.quick.done")
    done.get_by_role("textbox", name=t("pdca.quick.result"), exact=True).fill(result)
    done.get_by_role("button", name=t("pdca.quick.done")).click()
    _saved(page, t("pdca.quick.completed"))
    expect(main).to_contain_text(f"{t('programs.field.status')}: {enum_label(Status.COMPLETED)}")
    for key, text in (("pdca.quick.problem", problem), ("pdca.quick.change", change), ("pdca.quick.result", result)):
        expect(_box(main, key, text)).to_have_count(1)
    page.screenshot(path=tmp_path / "7_quick_fix_done.png", full_page=True)
    for form in ("pdca.quick.save", "pdca.quick.done"):  # finished: the steps are no longer offered
        expect(_form(main, form)).to_have_count(0)

    with _stored(backend.database) as session:
        fix = session.exec(select(Initiative).where(Initiative.title == title)).one()
        cycle = session.exec(select(PdcaCycle).where(PdcaCycle.initiative_id == fix.id)).one()
        assert (fix.lane, fix.status, fix.owner_id) == (Lane.QUICK_FIX, Status.COMPLETED, backend.manager_id)
        assert (
            cycle.background,
            cycle.done_summary,
            cycle.check_result,
            cycle.phase,
            cycle.act_decision,
            cycle.lesson,
        ) == (problem, change, result, Phase.ACT, ActDecision.STANDARDISE, result)
