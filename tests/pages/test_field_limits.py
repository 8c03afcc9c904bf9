"""Text longer than a field allows is not swallowed: the form keeps what was typed or pasted and the message names
the field and its limit (a widget limit used to refuse a long paste without a word). One form of each kind: an
inline form on the initiative page, the initiative form, an admin form and a plan form."""

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import CheckIn, Department, Initiative, Milestone, Role
from tests.factories import add_initiative, add_person
from tests.pages.harness import open_page


@pytest.fixture
def arranged(db):
    url, engine = db
    owner = add_person(engine, Role.MANAGER, name="Mila Manager")
    admin = add_person(engine, Role.ADMIN, name="Anne Admin")
    initiative = add_initiative(engine, owner_id=owner, title="Callback promise")
    return {"url": url, "engine": engine, "owner": owner, "admin": admin, "initiative": initiative}


def _errors(at) -> str:
    assert not at.exception, at.exception
    return " ".join(e.value for e in at.error)


def _count(engine, model) -> int:
    with session_scope(engine) as session:
        return len(session.exec(select(model)).all())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_check_in_reason_over_its_limit_names_the_limit(monkeypatch, arranged, lang):
    at = open_page(
        monkeypatch,
        arranged["url"],
        "initiative",
        lang=lang,
        acting=arranged["owner"],
        query={"id": str(arranged["initiative"])},
    )
    at.button(key="programs_btn_check_in").click().run()
    at.selectbox(key="programs_check_in.health").set_value("amber")
    at.text_input(key="programs_check_in.reason").input("x" * 2_001)
    next(
        b for b in at.main.button if b.key.startswith(f"FormSubmitter:programs_check_in_{arranged['initiative']}-")
    ).click().run()
    assert ("at most 2,000 characters" if lang == "en" else "maximaal 2\\.000 tekens") in _errors(at)
    assert at.text_input(key="programs_check_in.reason").value == "x" * 2_001  # what was pasted stays to be cut
    assert _count(arranged["engine"], CheckIn) == 0


def test_an_initiative_title_over_its_limit_names_the_limit(monkeypatch, arranged):
    at = open_page(
        monkeypatch,
        arranged["url"],
        "initiative-form",
        acting=arranged["owner"],
        query={"id": str(arranged["initiative"])},
    )
    title = next(t for t in at.text_input if t.key.endswith(".title"))
    title.input("Callback " * 30)
    next(b for b in at.button if b.label == "Save").click().run()
    assert "at most 200 characters" in _errors(at)
    with session_scope(arranged["engine"]) as session:
        assert session.get(Initiative, arranged["initiative"]).title == "Callback promise"


def test_an_admin_name_over_its_limit_names_the_limit(monkeypatch, arranged):
    at = open_page(monkeypatch, arranged["url"], "departments", acting=arranged["admin"])
    at.text_input(key="admin.departments.add.0.name").input("Returns " * 20)
    next(b for b in at.button if b.label == "Add").click().run()
    assert "at most 120 characters" in _errors(at)
    assert _count(arranged["engine"], Department) == 0


def test_a_milestone_title_over_its_limit_names_the_limit(monkeypatch, arranged):
    at = open_page(
        monkeypatch, arranged["url"], "initiative", acting=arranged["owner"], query={"id": str(arranged["initiative"])}
    )
    at.text_input(key=f"plan_milestone_new_{arranged['initiative']}_title").input("Pilot " * 40)
    next(
        b for b in at.button if b.key and b.key.startswith(f"FormSubmitter:plan_milestone_new_{arranged['initiative']}")
    ).click().run()
    assert "at most 200 characters" in _errors(at)
    assert _count(arranged["engine"], Milestone) == 0
