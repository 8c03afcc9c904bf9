"""The plan's forms protect tired people: the risk form starts with its title, and a milestone added twice is
refused with a message naming the field."""

from datetime import date

import pytest
from sqlmodel import func, select

from cxgov.db import session_scope
from cxgov.models import Milestone, Role
from tests.factories import add_initiative, add_milestone, add_person
from tests.pages.harness import open_page

DUE = date(2027, 3, 31)


@pytest.fixture
def plan(db):
    url, engine = db
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    initiative = add_initiative(engine, owner_id=manager, title="Proactive delivery updates")
    add_milestone(engine, initiative, due_on=DUE, title="Pilot live")
    return {"url": url, "engine": engine, "manager": manager, "initiative": initiative}


def _page(monkeypatch, p, lang="en"):
    return open_page(
        monkeypatch, p["url"], "initiative", lang=lang, acting=p["manager"], query={"id": str(p["initiative"])}
    )


def _keys_in_order(node) -> list[str]:
    """The widget keys of the element tree, in the order they are shown."""
    keys = [node.key] if getattr(node, "key", None) else []
    for child in getattr(node, "children", {}).values():
        keys += _keys_in_order(child)
    return keys


def test_the_risk_form_asks_for_the_title_first(monkeypatch, plan):
    at = _page(monkeypatch, plan)
    assert not at.exception, at.exception
    prefix = f"plan_risk_new_{plan['initiative']}."
    fields = [key.removeprefix(prefix) for key in _keys_in_order(at._tree) if key.startswith(prefix)]
    assert fields == ["title", "probability", "impact", "owner", "mitigation"]


@pytest.mark.parametrize(
    ("lang", "field", "reason"),
    [
        ("en", "Title", "is already a milestone of this initiative with the same due date"),
        ("nl", "Titel", "is al een mijlpaal van dit initiatief met dezelfde uiterste datum"),
    ],
)
def test_the_same_milestone_twice_is_refused_naming_the_field(monkeypatch, plan, lang, field, reason):
    i = plan["initiative"]
    at = _page(monkeypatch, plan, lang)
    at.text_input(key=f"plan_milestone_new_{i}_title").input("PILOT LIVE")
    at.date_input(key=f"plan_milestone_new_{i}_due_on").set_value(DUE)
    next(b for b in at.button if b.label == ("Add milestone" if lang == "en" else "Mijlpaal toevoegen")).click().run()
    assert not at.exception, at.exception
    assert any(f"**{field}** {reason}" in e.value for e in at.error), [e.value for e in at.error]
    with session_scope(plan["engine"]) as session:
        assert session.exec(select(func.count()).select_from(Milestone)).one() == 1
