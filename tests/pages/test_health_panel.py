"""Derived health on the initiative page: delivery and outcome side by side, the rules' reasons where they
differ from what was reported, and the check-in form asking for an override reason."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import CheckIn, InitiativeKpi, Kpi, KpiKind, KpiReading, Milestone, Role
from cxgov.services.initiatives import record_check_in
from tests.factories import add_initiative, add_person, approve_and_move
from tests.pages.harness import open_page, texts


@pytest.fixture
def late_pilot(db):
    """A project in Do, reported green a week ago, with a milestone three weeks overdue and an NPS not moving."""
    url, engine = db
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    initiative = add_initiative(
        engine, owner_id=manager, title="Callback pilot", start_date=date.today() - timedelta(days=60)
    )
    approve_and_move(engine, initiative, 1)
    with session_scope(engine, write=True) as session:
        session.add(
            Milestone(initiative_id=initiative, title="Pilot in two stores", due_on=date.today() - timedelta(days=21))
        )
        nps = Kpi(code="NPS-SHOP", name="NPS shop", kind=KpiKind.NPS)
        session.add(nps)
        session.flush()
        session.add(InitiativeKpi(initiative_id=initiative, kpi_id=nps.id, baseline=20, target=30))
        session.add(KpiReading(kpi_id=nps.id, period=date.today().replace(day=1), value=19))
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=manager,
            initiative_id=initiative,
            data={
                "checkin_date": date.today() - timedelta(days=7),
                "health": "green",
                "override_reason": "Stores asked to wait for the new rota",
            },
        )
    return {"url": url, "engine": engine, "manager": manager, "initiative": initiative}


def shown(elements) -> str:
    """The text of these alerts as the user reads it (without the escapes that keep user text literal)."""
    return " ".join(e.value for e in elements).replace("\\", "")


def _page(monkeypatch, p, lang="en"):
    return open_page(
        monkeypatch, p["url"], "initiative", lang=lang, acting=p["manager"], query={"id": str(p["initiative"])}
    )


def test_reported_and_derived_health_are_both_shown_with_reasons(monkeypatch, late_pilot):
    at = _page(monkeypatch, late_pilot)
    assert not at.exception, at.exception
    assert shown(at.success).startswith("**Reported Green — on track on")
    red = shown(at.error)
    assert "By the rules: Red — off track" in red and "Pilot in two stores" in red and "21 days overdue" in red
    assert "NPS shop is at 19: no movement from the baseline 20" in red  # outcome, in its own panel
    assert "Outcome: Red — off track" in red
    assert "Stores asked to wait for the new rota" in texts(at)  # the override, beside the verdict


def test_the_panel_reads_in_dutch(monkeypatch, late_pilot):
    at = _page(monkeypatch, late_pilot, lang="nl")
    assert not at.exception, at.exception
    red = shown(at.error)
    assert "Volgens de regels: Rood" in red and "dagen te laat" in red


def test_the_check_in_form_asks_why_when_reporting_better_than_the_rules(monkeypatch, late_pilot):
    at = _page(monkeypatch, late_pilot)
    at.button(key="programs_btn_check_in").click().run()
    assert "The rules currently say **Red — off track** for delivery:" in texts(at).replace("\\", "")
    at.selectbox(key="programs_check_in.health").set_value("green")
    at = next(b for b in at.button if b.label == "Save").click().run()
    assert not at.exception, at.exception
    assert "Override reason** the rules say Red — off track: explain why" in shown(at.error)
    with session_scope(late_pilot["engine"]) as session:
        assert len(session.exec(select(CheckIn)).all()) == 1  # nothing new stored

    at.text_input(key="programs_check_in.override_reason").input("Sponsor moved the pilot; new date agreed")
    at = next(b for b in at.button if b.label == "Save").click().run()
    assert not at.exception, at.exception
    with session_scope(late_pilot["engine"]) as session:
        latest = session.exec(select(CheckIn).order_by(CheckIn.id.desc())).first()
        assert (latest.health, latest.derived_health, latest.override_reason) == (
            "green",
            "red",
            "Sponsor moved the pilot; new date agreed",
        )
