"""Journeys in Chromium for the gates and the forms people trust: a manager cannot fund their own proposal (the
edit form shows the status read-only; a leader approves it on the status panel with a reason); a reason pasted
beyond its limit is named, not swallowed; switching the language keeps the person acted as."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from cxgov.db import make_engine, session_scope
from cxgov.i18n import enum_label, t
from cxgov.models import Health, Initiative, Person, Role, Status, StatusMove, StatusTransition
from tests.e2e.test_journeys import choose, open_app, sidebar, wait_for_app
from tests.factories import add_initiative


def _person(database, role: Role) -> tuple[int, str]:
    engine = make_engine(database.url)
    try:
        with session_scope(engine) as session:
            person = session.exec(select(Person).where(Person.role == role, Person.active).order_by(Person.id)).first()
            return person.id, person.name
    finally:
        engine.dispose()


def _act_as(page, name: str, role: Role) -> None:
    choose(page, sidebar(page), t("frame.acting_as"), f"{name} · {enum_label(role)}")
    wait_for_app(page)


@pytest.fixture
def proposal(e2e_database) -> tuple[int, str]:
    """A fresh proposal owned by the seeded manager."""
    engine = make_engine(e2e_database.url)
    title = "E2E proposal the owner cannot fund"
    try:
        with session_scope(engine) as session:
            manager = session.exec(select(Person.id).where(Person.name == e2e_database.seed.manager_name)).one()
        return add_initiative(engine, owner_id=manager, title=title, discipline="design"), title
    finally:
        engine.dispose()


def test_the_owner_sees_the_status_read_only_and_a_leader_approves_it_with_a_reason(
    app_server, e2e_database, page, proposal, artifacts
):
    initiative_id, _title = proposal
    main = page.get_by_test_id("stMain")
    open_app(page, f"{app_server.url}/initiative-form?id={initiative_id}")
    _act_as(page, e2e_database.seed.manager_name, Role.MANAGER)
    expect(main.get_by_role("heading", name=t("programs.form.edit_title"))).to_be_visible()
    expect(main.get_by_role("combobox", name=t("programs.field.status"))).to_have_count(0)
    expect(main).to_contain_text(f"{t('programs.field.status')}: {enum_label(Status.PROPOSED)}")
    expect(main.get_by_role("link", name=enum_label(StatusMove.APPROVE))).to_have_count(0)
    page.screenshot(path=artifacts / "trust_edit_form_status_read_only.png", full_page=True)

    _, leader = _person(e2e_database, Role.LEADER)
    open_app(page, f"{app_server.url}/initiative?id={initiative_id}")
    _act_as(page, leader, Role.LEADER)
    main.get_by_role("button", name=enum_label(StatusMove.APPROVE), exact=True).click()
    wait_for_app(page)
    main.get_by_role("textbox", name=t("lifecycle.field.reason")).fill("Board of 12 Nov: funded from the CX budget")
    main.get_by_test_id("stForm").get_by_role("button", name=enum_label(StatusMove.APPROVE), exact=True).click()
    wait_for_app(page)
    expect(main).to_contain_text(f"{t('programs.field.status')}: {enum_label(Status.APPROVED)}")
    page.screenshot(path=artifacts / "trust_status_panel_approved.png", full_page=True)
    engine = make_engine(e2e_database.url)
    try:
        with session_scope(engine) as session:
            assert session.get(Initiative, initiative_id).status is Status.APPROVED
            [move] = session.exec(select(StatusTransition).where(StatusTransition.initiative_id == initiative_id)).all()
            assert (move.move, move.reason) == (StatusMove.APPROVE, "Board of 12 Nov: funded from the CX budget")
    finally:
        engine.dispose()


def test_a_reason_beyond_its_limit_is_named_and_kept(app_server, page):
    seed = app_server.seed
    main = page.get_by_test_id("stMain")
    open_app(page, f"{app_server.url}/initiative?id={seed.initiative_id}")
    _act_as(page, seed.manager_name, Role.MANAGER)
    main.get_by_role("button", name=t("programs.open.check_in")).click()
    wait_for_app(page)
    choose(page, main, t("programs.field.health"), enum_label(Health.AMBER))
    reason = main.get_by_role("textbox", name=t("programs.checkin.reason"))
    reason.fill("Supplier late. " * 150)  # 2,250 characters: more than a reason may hold
    main.get_by_test_id("stForm").get_by_role("button", name=t("form.save")).click()
    wait_for_app(page)
    expect(main.get_by_test_id("stAlert").filter(has_text=t("form.fix_fields"))).to_contain_text(
        re.compile(r"at most 2,?000 characters")
    )
    expect(reason).to_have_value("Supplier late. " * 150)


def test_switching_the_language_keeps_the_person_acted_as(app_server, e2e_database, page):
    _, admin = _person(e2e_database, Role.ADMIN)
    open_app(page, f"{app_server.url}/initiatives")
    _act_as(page, admin, Role.ADMIN)
    nav = sidebar(page).get_by_test_id("stSidebarNav")
    expect(nav).to_contain_text(t("page.audit_log"))
    sidebar(page).get_by_role("radio", name="Nederlands").click()
    wait_for_app(page)
    expect(nav).to_contain_text(t("page.audit_log", "nl"))
    expect(sidebar(page).get_by_role("combobox", name=t("frame.acting_as", "nl"))).to_have_value(
        f"{admin} · {enum_label(Role.ADMIN, 'nl')}"
    )
