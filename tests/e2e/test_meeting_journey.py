"""The quarterly governance meeting in headless Chromium, on SQLite (the "acting as" picker) and PostgreSQL (local
sign-in): the secretary plans a meeting, proposes, orders and publishes its agenda, records attendance, approves a
proposal in presentation mode and gives two actions; the owner of one reports it done on My work; the secretary
closes the meeting and proposes the next, whose follow-up carries the action still open and whose backlog offers
the topic taken off the agenda."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sqlmodel import Session, select

from cxgov.audit import verify
from cxgov.dates import today_in
from cxgov.db import make_engine, session_scope
from cxgov.i18n import enum_label, format_day, t
from cxgov.minutes import quorum_text
from cxgov.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    AgendaItemKind,
    AgendaItemStatus,
    AgendaSection,
    Attendance,
    AuditEvent,
    Decision,
    DecisionKind,
    Initiative,
    Meeting,
    MeetingStatus,
    Person,
    Role,
    Status,
    StatusTransition,
)
from cxgov.queries.actions import carried_actions
from cxgov.queries.meetings import agenda_backlog, meeting_record
from cxgov.rules.meetings import quarter_of
from cxgov.settings import get_settings
from tests.e2e.conftest import LOCAL_PASSWORD, Database, Server, give_local_account
from tests.e2e.test_journeys import choose, open_app, sidebar, wait_for_app
from tests.factories import add_initiative, add_person

BODY = "E2E CX board"  # not the demo's "CX board": its meetings stay out of this series
SECRETARY, LEADER = "Sietske Secretaris", "Lieke Leider"
PROPOSAL = "E2E complaint letters in plain language"
TOPIC = "E2E the complaints desk's opening hours"
DECISION = "Approved: plain-language letters from the next quarter on"
DONE_ACTION = "E2E rewrite the three most sent complaint letters"
OPEN_ACTION = "E2E report the complaint letters' reading scores"
DONE_NOTE = "Rewritten with the legal team; sent from Monday."


@dataclass(frozen=True)
class Actor:
    """Someone the journey acts as: how the sidebar names them and how they sign in."""

    id: int
    name: str
    role: Role
    email: str


@dataclass(frozen=True)
class Backend:
    """One database's server and the people of the journey there."""

    server: Server
    database: Database
    secretary: Actor
    leader: Actor
    manager: Actor
    proposal_id: int
    signs_in: bool  # local accounts (PostgreSQL) instead of the "acting as" picker (SQLite only)

    def act_as(self, page: Page, who: Actor) -> None:
        """On the page just opened: pick `who` (SQLite), or sign in as them (the form stands in for the page)."""
        role = t(f"enum.role.{who.role.value}")
        if not self.signs_in:
            choose(page, sidebar(page), t("frame.acting_as"), f"{who.name} · {role}")
        else:
            main = page.get_by_test_id("stMain")
            main.get_by_label(t("accounts.sign_in.email")).fill(who.email)
            main.get_by_label(t("accounts.sign_in.password"), exact=True).fill(LOCAL_PASSWORD)
            main.get_by_role("button", name=t("accounts.sign_in.submit")).click()
            expect(sidebar(page)).to_contain_text(t("accounts.signed_in_as", name=who.name, role=role))
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


def _person(session: Session, person_id: int) -> Actor:
    p = session.get(Person, person_id)
    return Actor(id=p.id, name=p.name, role=p.role, email=p.email)


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request) -> Backend:
    """The journey on both databases: a secretary of the programme office (a local account on PostgreSQL), a
    leader, and a proposal of the seeded manager waiting for the board."""
    signs_in = request.param == "postgres"
    server = request.getfixturevalue("postgres_server" if signs_in else "app_server")
    database = request.getfixturevalue("postgres_e2e_database" if signs_in else "e2e_database")
    engine = make_engine(database.url)
    try:
        secretary_id = add_person(engine, Role.PROGRAMME_OFFICE, name=SECRETARY)
        leader_id = add_person(engine, Role.LEADER, name=LEADER)
        if signs_in:
            give_local_account(engine, secretary_id)
        with session_scope(engine) as session:
            manager_id = session.exec(select(Person.id).where(Person.name == database.seed.manager_name)).one()
        proposal_id = add_initiative(
            engine,
            owner_id=manager_id,
            title=PROPOSAL,
            discipline="design",
            description="Letters a customer understands the first time.",
        )
        with session_scope(engine) as session:
            people = [_person(session, i) for i in (secretary_id, leader_id, manager_id)]
    finally:
        engine.dispose()
    return Backend(server, database, *people, proposal_id=proposal_id, signs_in=signs_in)


def _url_id(page: Page) -> int:
    """The meeting the page shows, from its address (which also names the open tab)."""
    return int(parse_qs(urlparse(page.url).query)["id"][0])


def _local_today() -> date:
    return today_in(get_settings().time_zone)


def _flash(main, message: str) -> None:
    """The success box a save leaves on the page it leads to, then an idle app."""
    expect(main.get_by_test_id("stAlertContentSuccess").filter(has_text=message)).to_be_visible()
    wait_for_app(main.page)


def _toast(page: Page, message: str) -> None:
    expect(page.get_by_test_id("stToast").filter(has_text=message)).to_be_visible()
    wait_for_app(page)


def _keyed(page: Page, key: str):
    """The widget Streamlit drew with `key`: it marks the widget's element with the class st-key-<key>, every
    character but letters, digits, _ and - written as -."""
    return page.locator(f".st-key-{re.sub(r'[^a-zA-Z0-9_-]', '-', key)}")


def _type(box, text: str) -> None:
    """Fill a text field and leave it. A field inside a form hands its text to the form when it loses focus, which
    redraws the form: leaving it first keeps a quick next click from landing on a button being redrawn."""
    box.fill(text)
    box.blur()


def _choose(page: Page, scope, label: str, option: str) -> None:
    """`choose` in a form just typed into: the form redraws once the typed text reaches it, which may close the
    list just opened, so the list is opened again until the option shows (three tries)."""
    box = scope.get_by_role("combobox", name=label)
    for _ in range(3):
        box.click()
        box.fill(option)
        found = page.get_by_role("option", name=option, exact=True)
        try:
            found.click(timeout=3_000)
            break
        except PlaywrightTimeout:
            continue
    expect(box).to_have_value(option)


def _type_day(page: Page, key: str, day: date) -> None:
    """Type a day into the date input drawn with `key` (DD-MM-YYYY segments); close the calendar it opened."""
    _type_into(page, _keyed(page, key), day)
    wait_for_app(page)


def _type_into(page: Page, scope, day: date) -> None:
    """Each segment on its own: the fields order day, month and year as their format says."""
    field = scope.get_by_test_id("stDateInputField")
    for segment, digits in (("day", f"{day.day:02d}"), ("month", f"{day.month:02d}"), ("year", str(day.year))):
        field.locator(f"[data-type='{segment}']").click()
        page.keyboard.type(digits)
    page.keyboard.press("Escape")


def _pick_many(page: Page, scope, label: str, options: list[str]) -> None:
    """Pick each of `options` in the multiselect labelled `label`, then close its list."""
    box = scope.get_by_role("combobox", name=label)
    for option in options:
        box.click()
        box.fill(option)
        page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")


def _agenda_line(main, number: int, title: str):
    """The numbered title of an agenda item on the tab shown (the minutes' tab, hidden, numbers them too)."""
    return main.get_by_role("tabpanel").get_by_text(f"{number}. {title}", exact=True)


def _unfold(main, title: str) -> None:
    """Open the expander titled `title` unless it is open (it stays open across the reruns of a save)."""
    expander = main.get_by_test_id("stExpander").filter(has_text=title).locator("details")
    if expander.get_attribute("open") is None:
        expander.locator("summary").click()
    expect(expander).to_have_attribute("open", "")


def _status_badge(main):
    """The meeting's status badge under its title (its icon's name is part of its text)."""
    return main.locator("p").filter(has=main.page.get_by_role("img", name="event icon"))


def _section(section: AgendaSection) -> str:
    return enum_label(section)


def test_secretary_runs_a_meeting_from_plan_to_the_next_agenda(backend, page, browser, artifacts):
    """Plan, agenda, attendance, an approval in presentation mode with its effect in the database, two actions (the
    manager reports one done on My work), close, and the next meeting's agenda carrying what is still open."""
    started = datetime.now(UTC) - timedelta(seconds=1)
    b = backend
    main = page.get_by_test_id("stMain")
    suffix = "pg" if b.signs_in else "sqlite"

    # 1. Governance → Meetings: a new meeting a week ahead, chaired by the leader; land on its page.
    open_app(page, b.server.url)
    b.act_as(page, b.secretary)
    sidebar(page).get_by_test_id("stSidebarNav").get_by_role("link", name=t("page.meetings"), exact=True).click()
    expect(main.get_by_role("heading", name=t("page.meetings"))).to_be_visible()
    wait_for_app(page)
    main.get_by_text(t("meetings_page.new")).click()
    body = main.get_by_role("textbox", name=t("meetings_page.field.body"))
    _type(body, BODY)
    meeting_day = _local_today() + timedelta(days=7)
    _type_day(page, "new_meeting.day", meeting_day)
    choose(page, main, t("meetings_page.field.chair"), b.leader.name)
    expect(main.get_by_role("combobox", name=t("meetings_page.field.secretary"))).to_have_value(b.secretary.name)
    _pick_many(page, main, t("meetings_page.field.members"), [b.secretary.name, b.leader.name, b.manager.name])
    main.get_by_role("button", name=t("meetings_page.create")).click()
    quarter = quarter_of(meeting_day)
    expect(main.get_by_role("heading", name=t("meeting_page.title", body=BODY, quarter=quarter))).to_be_visible()
    _flash(main, t("meetings_page.created"))
    expect(page).to_have_url(re.compile(r"/meeting\?id=\d+"))
    meeting_id = _url_id(page)
    with _stored(b.database) as session:
        meeting = session.get(Meeting, meeting_id)
        assert (meeting.body, meeting.status, meeting.chair_id, meeting.secretary_id) == (
            BODY,
            MeetingStatus.DRAFT,
            b.leader.id,
            b.secretary.id,
        )
        zone = ZoneInfo(get_settings().time_zone)
        assert meeting.starts_at.replace(tzinfo=UTC).astimezone(zone).date() == meeting_day
        assert {m.person_id for m in meeting_record(session, meeting_id).members.itertuples()} == {
            b.secretary.id,
            b.leader.id,
            b.manager.id,
        }

    # 2. The agenda: propose the ten sections, move Money above Lessons, add a topic and take it off again,
    # publish.
    main.get_by_role("button", name=t("agenda_tab.propose")).click()
    _flash(main, t("agenda_tab.proposed.2", n=len(AgendaSection)))
    for number, section in enumerate(AgendaSection, start=1):
        expect(_agenda_line(main, number, _section(section))).to_be_visible()
    items = _items(b.database, meeting_id)
    _keyed(page, f"agenda_up_{items[AgendaSection.MONEY]}").get_by_role("button").click()
    _flash(main, t("agenda_tab.reordered"))
    expect(_agenda_line(main, 8, _section(AgendaSection.MONEY))).to_be_visible()
    expect(_agenda_line(main, 9, _section(AgendaSection.LESSONS))).to_be_visible()

    main.get_by_text(t("agenda_tab.add"), exact=True).click()
    adding = main.get_by_test_id("stForm").filter(has_text=t("agenda_tab.add_submit"))
    _type(adding.get_by_role("textbox", name=t("agenda_tab.field.title")), TOPIC)
    adding.get_by_role("button", name=t("agenda_tab.add_submit")).click()
    _flash(main, t("agenda_tab.added"))
    expect(_agenda_line(main, 10, TOPIC)).to_be_visible()  # before any other business
    expect(_agenda_line(main, 11, _section(AgendaSection.OTHER_BUSINESS))).to_be_visible()
    topic_id = _topic_id(b.database, meeting_id)
    _keyed(page, f"agenda_remove_{topic_id}").get_by_role("button").click()
    _flash(main, t("agenda_tab.removed"))
    expect(_agenda_line(main, 10, _section(AgendaSection.OTHER_BUSINESS))).to_be_visible()
    removed = main.get_by_test_id("stExpander").filter(has_text=t("agenda_tab.removed_heading", n=1))
    removed.get_by_text(t("agenda_tab.removed_heading", n=1)).click()
    expect(removed.get_by_text(TOPIC, exact=True)).to_be_visible()

    main.get_by_role("button", name=t("agenda_tab.publish")).click()
    _flash(main, t("agenda_tab.published"))
    expect(_status_badge(main)).to_have_text(re.compile(f"{enum_label(MeetingStatus.AGENDA_PUBLISHED)}$"))
    expect(main.get_by_role("button", name=t("agenda_tab.publish"))).to_have_count(0)
    page.screenshot(path=artifacts / f"meeting_agenda_{suffix}.png", full_page=True)

    # 3. Attendance: every member present; the quorum line says so.
    main.get_by_role("tab", name=t("meeting_page.tab.attendance")).click()
    form = main.get_by_test_id("stForm").filter(has_text=t("attendance_tab.record"))
    for who in (b.secretary, b.leader, b.manager):
        member = f"{who.name} · {t('enum.meetingrole.member')}"
        form.get_by_test_id("stRadio").filter(has_text=member).get_by_text(
            enum_label(Attendance.PRESENT), exact=True
        ).click()
    form.get_by_role("button", name=t("attendance_tab.save")).click()
    _flash(main, t("attendance_tab.saved"))
    with _stored(b.database) as session:
        quorum = meeting_record(session, meeting_id).quorum
    assert (quorum.present, quorum.members, quorum.met) == (3, 3, True)
    main.get_by_role("tab", name=t("meeting_page.tab.attendance")).click()
    expect(main.get_by_role("tabpanel")).to_contain_text(t("attendance_tab.quorum_met", line=quorum_text(quorum, "en")))

    # 4. Presentation mode: on to "Decisions requested", approve the proposal there.
    main.get_by_role("link", name=t("meeting_page.present")).click()
    expect(page).to_have_url(re.compile(rf"/present\?id={meeting_id}&item=1$"))
    expect(main.get_by_role("heading", name=_section(AgendaSection.OPENING))).to_be_visible()
    wait_for_app(page)
    main.get_by_role("button", name=t("present.next")).click()
    expect(main.get_by_role("heading", name=_section(AgendaSection.DECISIONS_REQUESTED))).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/present\?id={meeting_id}&item=2$"))
    wait_for_app(page)
    expect(main.locator("table").filter(has_text=PROPOSAL)).to_have_count(1)  # the proposals awaiting approval
    _unfold(main, t("present.record_decision"))
    deciding = main.get_by_test_id("stForm").filter(has_text=t("present.decision.record"))
    choose(page, deciding, t("present.decision.kind"), enum_label(DecisionKind.APPROVE))
    _type(deciding.get_by_role("textbox", name=t("present.decision.text"), exact=True), DECISION)
    choose(page, deciding, t("present.decision.initiative"), PROPOSAL)
    deciding.get_by_role("button", name=t("present.decision.record")).click()
    recorded = page.get_by_test_id("stToast").filter(has_text=re.compile(r"Decision #\d+ recorded"))
    expect(recorded).to_be_visible()
    with _stored(b.database) as session:
        decision_id = _decision_id(session, meeting_id)
    expect(recorded).to_contain_text(t("present.decision.recorded", id=decision_id))
    wait_for_app(page)
    expect(main.locator("table").filter(has_text=PROPOSAL)).to_have_count(0)  # no longer awaiting approval
    expect(deciding.get_by_role("textbox", name=t("present.decision.text"), exact=True)).to_have_value("")
    page.screenshot(path=artifacts / f"meeting_present_{suffix}.png", full_page=True)
    _assert_approved(b, decision_id, started)

    # 5. Two actions: one for the manager due a few days after the meeting (never before it: the service refuses
    # that), one for the leader that stays open.
    done_due = meeting_day + timedelta(days=3)
    _add_action(page, main, DONE_ACTION, b.manager.name, done_due)
    _add_action(page, main, OPEN_ACTION, b.leader.name, None)
    _manager_reports_done(b, browser, done_due)
    with _stored(b.database) as session:
        actions = {a.text: a for a in session.exec(select(ActionItem).where(ActionItem.meeting_id == meeting_id))}
        done, still_open = actions[DONE_ACTION], actions[OPEN_ACTION]
        assert (done.owner_id, done.due_on, done.status, done.closing_note, done.closed_by_id) == (
            b.manager.id,
            done_due,
            ActionStatus.DONE,
            DONE_NOTE,
            b.manager.id,
        )
        assert (still_open.owner_id, still_open.status) == (b.leader.id, ActionStatus.OPEN)

    # 6. Close the meeting (the item decided on was discussed, the rest still planned not reached), look at the
    # minutes, propose the next meeting and its agenda: its follow-up carries the open action, its backlog offers
    # the topic taken off.
    main.get_by_role("link", name=t("present.back_to_meeting")).click()
    expect(main.get_by_role("heading", name=t("meeting_page.title", body=BODY, quarter=quarter))).to_be_visible()
    wait_for_app(page)
    main.get_by_role("tab", name=t("meeting_page.tab.attendance")).click()
    main.get_by_role("button", name=t("attendance_tab.close")).click()
    _flash(main, t("attendance_tab.closed"))
    expect(_status_badge(main)).to_have_text(re.compile(f"{enum_label(MeetingStatus.HELD)}$"))
    with _stored(b.database) as session:
        items = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all()
        decided = {i.status for i in items if i.section is AgendaSection.DECISIONS_REQUESTED}
        assert decided == {AgendaItemStatus.DISCUSSED}  # the decision and the actions were recorded on it
        assert {i.status for i in items if i.section is not AgendaSection.DECISIONS_REQUESTED} == {
            AgendaItemStatus.NOT_REACHED,
            AgendaItemStatus.REMOVED,
        }
        assert session.get(Meeting, meeting_id).status is MeetingStatus.HELD
    main.get_by_role("tab", name=t("meeting_page.tab.minutes")).click()
    minutes = main.get_by_role("tabpanel")
    expect(minutes).to_contain_text(t("minutes_tab.awaiting_approval"))
    expect(minutes).to_contain_text(DECISION)
    expect(minutes).to_contain_text(DONE_ACTION)
    wait_for_app(page)
    page.screenshot(path=artifacts / f"meeting_minutes_{suffix}.png", full_page=True)

    main.get_by_role("button", name=t("meetings_page.propose_next", body=BODY, quarter=quarter)).click()
    _flash(main, t("meetings_page.proposed"))
    next_id = _url_id(page)
    assert next_id != meeting_id
    main.get_by_role("tab", name=t("meeting_page.tab.agenda")).click()
    main.get_by_role("button", name=t("agenda_tab.propose")).click()
    _flash(main, t("agenda_tab.proposed.2", n=len(AgendaSection)))
    follow_up = _agenda_line(main, 3, _section(AgendaSection.FOLLOW_UP))
    expect(follow_up).to_be_visible()
    data = main.get_by_test_id("stExpander").filter(has_text=t("agenda_tab.live_data")).nth(2)
    data.get_by_text(t("agenda_tab.live_data")).click()
    carried = data.locator("table").filter(has_text=OPEN_ACTION)
    expect(carried).to_have_count(1)
    expect(carried).to_contain_text(b.leader.name)
    expect(data).not_to_contain_text(DONE_ACTION)
    backlog = main.get_by_test_id("stExpander").filter(has_text=t("agenda_tab.backlog", n=1))
    backlog.get_by_text(t("agenda_tab.backlog", n=1)).click()
    expect(backlog).to_contain_text(TOPIC)
    expect(backlog.get_by_role("button", name=t("agenda_tab.take_up"))).to_be_visible()
    page.screenshot(path=artifacts / f"meeting_next_agenda_{suffix}.png", full_page=True)
    with _stored(b.database) as session:
        assert session.get(Meeting, next_id).previous_meeting_id == meeting_id
        assert list(carried_actions(session, next_id, today=_local_today())["text"]) == [OPEN_ACTION]
        assert list(agenda_backlog(session, next_id)["title"]) == [TOPIC]
        report = verify(session, get_settings().audit_key)
        assert report.ok, report.problems[:5]


def _items(database: Database, meeting_id: int) -> dict[AgendaSection, int]:
    with _stored(database) as session:
        rows = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all()
        return {AgendaSection(i.section): i.id for i in rows if i.kind is AgendaItemKind.SECTION}


def _topic_id(database: Database, meeting_id: int) -> int:
    with _stored(database) as session:
        return session.exec(
            select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id, AgendaItem.title == TOPIC)
        ).one()


def _decision_id(session: Session, meeting_id: int) -> int:
    return session.exec(select(Decision.id).where(Decision.meeting_id == meeting_id, Decision.text == DECISION)).one()


def _assert_approved(b: Backend, decision_id: int, started: datetime) -> None:
    """The decision took effect in its own transaction: the proposal approved, with the decision's text as the
    status move's reason, in the move and in the audit event of the status change."""
    with _stored(b.database) as session:
        decision = session.get(Decision, decision_id)
        assert (decision.kind, decision.initiative_id, decision.recorded_by_id, decision.body) == (
            DecisionKind.APPROVE,
            b.proposal_id,
            b.secretary.id,
            BODY,
        )
        assert session.get(Initiative, b.proposal_id).status is Status.APPROVED
        move = session.exec(
            select(StatusTransition)
            .where(StatusTransition.initiative_id == b.proposal_id)
            .order_by(StatusTransition.id.desc())
        ).first()
        assert (move.from_status, move.to_status, move.reason, move.moved_by_id) == (
            Status.PROPOSED,
            Status.APPROVED,
            DECISION,
            b.secretary.id,
        )
        event = session.exec(
            select(AuditEvent).where(
                AuditEvent.entity == "initiative",
                AuditEvent.entity_id == str(b.proposal_id),
                AuditEvent.field == "status",
                AuditEvent.occurred_at >= started,
            )
        ).one()
        assert (event.old_value, event.new_value, event.reason, event.actor_id) == (
            Status.PROPOSED.value,
            Status.APPROVED.value,
            DECISION,
            b.secretary.id,
        )


def _add_action(page: Page, main, text: str, owner: str, due_on: date | None) -> None:
    """Add an action in the side panel (`due_on` None: the form's own default)."""
    _unfold(main, t("present.add_action"))
    adding = main.get_by_test_id("stForm").filter(has_text=t("present.action.add"))
    _type(adding.get_by_role("textbox", name=t("present.action.text"), exact=True), text)
    _choose(page, adding, t("present.action.owner"), owner)
    if due_on is not None:
        _type_into(page, adding, due_on)
    adding.get_by_role("button", name=t("present.action.add")).click()
    _toast(page, t("present.action.added", owner=owner))
    expect(adding.get_by_role("textbox", name=t("present.action.text"), exact=True)).to_have_value("")  # cleared


def _manager_reports_done(b: Backend, browser: Browser, due_on: date) -> None:
    """The manager, in a browser of their own, finds the action on My work and reports it done with a note."""
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, locale="en-GB")
    try:
        page = context.new_page()
        main = page.get_by_test_id("stMain")
        open_app(page, b.server.url)
        b.act_as(page, b.manager)
        expect(main.get_by_role("heading", name=t("page.my_work"))).to_be_visible()
        wait_for_app(page)
        actions = main.locator("table").filter(has_text=DONE_ACTION)
        expect(actions).to_contain_text(f"{BODY} · ")
        expect(actions).to_contain_text(format_day(due_on))
        form = main.get_by_test_id("stForm").filter(has_text=t("work.meeting_action.form"))
        choose(page, form, t("work.meeting_action.which"), f"{DONE_ACTION} · {format_day(due_on)}")
        _type(form.get_by_role("textbox", name=t("work.meeting_action.note")), DONE_NOTE)
        form.get_by_role("button", name=t("work.meeting_action.mark_done")).click()
        _flash(main, t("work.meeting_action.done"))
        expect(main.locator("table").filter(has_text=DONE_ACTION)).to_have_count(0)
    finally:
        context.close()
