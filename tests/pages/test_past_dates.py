"""A date in the past where the future is expected asks first: a new milestone due two years ago, a target date
already passed on the initiative form and in the PDCA record. Nothing is saved until the person ticks that they
mean it; then it is. A date that was already stored in the past does not ask again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import Initiative, Milestone, PdcaCycle, Role
from tests.factories import add_initiative, add_milestone, add_person
from tests.pages.harness import open_page

TODAY = date.today()
TWO_YEARS_AGO = TODAY - timedelta(days=730)


@pytest.fixture
def setup(db):
    url, engine = db
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    initiative = add_initiative(engine, owner_id=manager, title="Proactive delivery updates")
    return {"url": url, "engine": engine, "manager": manager, "initiative": initiative}


def _initiative_page(monkeypatch, s, lang="en"):
    return open_page(
        monkeypatch, s["url"], "initiative", lang=lang, acting=s["manager"], query={"id": str(s["initiative"])}
    )


def _submit(at, form_key: str):
    """Click the submit button of the form `form_key` and run."""
    next(b for b in at.button if b.proto.form_id == form_key).click().run()
    assert not at.exception, at.exception


def _asked(at) -> bool:
    return any("is in the past" in w.value or "ligt in het verleden" in w.value for w in at.warning)


def _milestones(engine) -> list[tuple[str, date]]:
    with session_scope(engine) as session:
        return [(m.title, m.due_on) for m in session.exec(select(Milestone).order_by(Milestone.id))]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_new_milestone_due_two_years_ago_is_saved_only_when_confirmed(monkeypatch, setup, lang):
    i, engine = setup["initiative"], setup["engine"]
    at = _initiative_page(monkeypatch, setup, lang)
    at.text_input(key=f"plan_milestone_new_{i}_title").input("Pilot live")
    at.date_input(key=f"plan_milestone_new_{i}_due_on").set_value(TWO_YEARS_AGO)
    _submit(at, f"plan_milestone_new_{i}_form")
    assert _asked(at) and _milestones(engine) == []
    assert at.text_input(key=f"plan_milestone_new_{i}_title").value == "Pilot live"  # kept as typed
    _submit(at, f"plan_milestone_new_{i}_form")  # saving again without the tick: still asks, still nothing saved
    assert _asked(at) and _milestones(engine) == []
    at.checkbox(key=f"plan_milestone_new_{i}_past_date_confirmed").check()
    _submit(at, f"plan_milestone_new_{i}_form")
    assert _milestones(engine) == [("Pilot live", TWO_YEARS_AGO)]
    assert not _asked(at) and at.text_input(key=f"plan_milestone_new_{i}_title").value == ""  # empty again


def test_a_milestone_due_in_the_future_or_today_does_not_ask(monkeypatch, setup):
    i = setup["initiative"]
    at = _initiative_page(monkeypatch, setup)
    at.text_input(key=f"plan_milestone_new_{i}_title").input("Go live")
    at.date_input(key=f"plan_milestone_new_{i}_due_on").set_value(TODAY)
    _submit(at, f"plan_milestone_new_{i}_form")
    assert not _asked(at) and _milestones(setup["engine"]) == [("Go live", TODAY)]


def test_editing_a_milestone_already_due_in_the_past_does_not_ask_again_but_moving_it_back_does(monkeypatch, setup):
    engine = setup["engine"]
    milestone = add_milestone(engine, setup["initiative"], due_on=TWO_YEARS_AGO, title="Texts approved")
    at = _initiative_page(monkeypatch, setup)
    edit = f"plan_milestone_{milestone}_1_edit"
    at.text_input(key=f"{edit}_title").input("Texts approved by legal")
    _submit(at, edit)
    assert not _asked(at) and _milestones(engine) == [("Texts approved by legal", TWO_YEARS_AGO)]
    at = _initiative_page(monkeypatch, setup)
    edit = f"plan_milestone_{milestone}_2_edit"
    at.date_input(key=f"{edit}_due_on").set_value(TWO_YEARS_AGO - timedelta(days=1))
    _submit(at, edit)
    assert _asked(at) and _milestones(engine) == [("Texts approved by legal", TWO_YEARS_AGO)]


def _target_date(engine, title: str) -> date | None:
    with session_scope(engine) as session:
        found = session.exec(select(Initiative).where(Initiative.title == title)).first()
        return None if found is None else found.target_date


def test_a_new_initiative_with_a_target_date_already_passed_asks_first(monkeypatch, setup):
    engine = setup["engine"]
    at = open_page(monkeypatch, setup["url"], "initiative-form", acting=setup["manager"])
    at.text_input(key="programs_form_new.title").input("Refund status in My Account")
    at.selectbox(key="programs_form_new.discipline").set_value("design")
    at.date_input(key="programs_form_new.target_date").set_value(TODAY - timedelta(days=1))
    _submit(at, "programs_form_new")
    assert _asked(at) and _target_date(engine, "Refund status in My Account") is None
    at.checkbox(key="programs_form_new_past_date_confirmed").check()
    _submit(at, "programs_form_new")
    assert _target_date(engine, "Refund status in My Account") == TODAY - timedelta(days=1)


def test_editing_an_initiative_whose_target_date_passed_does_not_ask_again(monkeypatch, setup):
    engine = setup["engine"]
    with session_scope(engine, write=True) as session:
        session.get(Initiative, setup["initiative"]).target_date = TWO_YEARS_AGO
    at = open_page(
        monkeypatch, setup["url"], "initiative-form", acting=setup["manager"], query={"id": str(setup["initiative"])}
    )
    key = f"programs_form_{setup['initiative']}_1"
    at.text_input(key=f"{key}.title").input("Proactive delivery updates by SMS")
    _submit(at, key)
    assert not _asked(at) and _target_date(engine, "Proactive delivery updates by SMS") == TWO_YEARS_AGO


def _cycle_target(engine, initiative_id: int) -> date | None:
    with session_scope(engine) as session:
        return session.exec(select(PdcaCycle.target_date).where(PdcaCycle.initiative_id == initiative_id)).one()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_pdca_target_date_in_the_past_asks_first_and_not_again_once_stored(monkeypatch, setup, lang):
    engine, i = setup["engine"], setup["initiative"]
    at = _initiative_page(monkeypatch, setup, lang)
    key = f"pdca_record_{i}_1"
    at.date_input(key=f"{key}.target_date").set_value(TWO_YEARS_AGO)
    _submit(at, key)
    assert _asked(at) and _cycle_target(engine, i) is None
    at.checkbox(key=f"{key}_past_date_confirmed").check()
    _submit(at, key)
    assert _cycle_target(engine, i) == TWO_YEARS_AGO
    at = _initiative_page(monkeypatch, setup, lang)  # saved: the version moved on, the form starts from the record
    key = f"pdca_record_{i}_2"
    at.text_area(key=f"{key}.background").input("Customers call to ask where their parcel is")
    _submit(at, key)
    assert not _asked(at)
    with session_scope(engine) as session:
        cycle = session.exec(select(PdcaCycle).where(PdcaCycle.initiative_id == i)).one()
    assert (cycle.background, cycle.target_date) == ("Customers call to ask where their parcel is", TWO_YEARS_AGO)
