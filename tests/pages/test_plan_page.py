"""The "Plan & team" tab and the plan's actions in the PDCA record: the tab renders in both languages, a manager
adds a milestone and marks it done, a flagged dependency shows its reason, plan actions carry their cost, and
a viewer or a contributor on the team sees the lists without any control."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import Milestone, PlanAction, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.initiatives import record_check_in
from tests.factories import add_dependency, add_initiative, add_milestone, add_person, add_team_member
from tests.pages.harness import link_table, open_page, texts

TODAY = date.today()


@pytest.fixture
def setup(db):
    url, engine = db
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    contributor = add_person(engine, Role.CONTRIBUTOR, name="Cas Contributor")
    initiative = add_initiative(engine, owner_id=manager, title="Proactive delivery updates")
    add_team_member(engine, initiative, contributor, role="Customer service lead")
    return {"url": url, "engine": engine, "manager": manager, "contributor": contributor, "initiative": initiative}


def _page(monkeypatch, s, who, lang="en"):
    acting = s[who] if isinstance(who, str) else who
    return open_page(monkeypatch, s["url"], "initiative", lang=lang, acting=acting, query={"id": str(s["initiative"])})


def _button(at, label):
    return next(b for b in at.button if b.label == label)


@pytest.mark.parametrize(
    ("lang", "tab", "heading"), [("en", "Plan & team", "Milestones"), ("nl", "Planning & team", "Mijlpalen")]
)
def test_the_tab_renders_in_both_languages(monkeypatch, setup, lang, tab, heading):
    add_milestone(setup["engine"], setup["initiative"], due_on=TODAY - timedelta(days=3), title="Texts approved")
    at = _page(monkeypatch, setup, "manager", lang)
    assert not at.exception, at.exception
    assert tab in [t.label for t in at.tabs]
    assert heading in [s.value for s in at.subheader]
    shown = texts(at)
    assert "Texts approved" in shown and "Cas Contributor" in shown and "Customer service lead" in shown
    assert ("Overdue" if lang == "en" else "Over tijd") in shown  # the overdue milestone is marked


def test_a_manager_adds_a_milestone_and_marks_it_done(monkeypatch, setup):
    i = setup["initiative"]
    at = _page(monkeypatch, setup, "manager")
    at.text_input(key=f"plan_milestone_new_{i}_title").input("Pilot live in region North")
    at.date_input(key=f"plan_milestone_new_{i}_due_on").set_value(TODAY + timedelta(days=14))
    _button(at, "Add milestone").click().run()
    assert not at.exception, at.exception
    with session_scope(setup["engine"]) as session:
        [milestone] = session.exec(select(Milestone)).all()
    assert (milestone.title, milestone.due_on, milestone.done_on) == (
        "Pilot live in region North",
        TODAY + timedelta(days=14),
        None,
    )
    at = _page(monkeypatch, setup, "manager")
    assert "Pilot live in region North" in texts(at)
    _button(at, "Mark done").click().run()
    assert not at.exception, at.exception
    with session_scope(setup["engine"]) as session:
        assert session.get(Milestone, milestone.id).done_on == TODAY


def test_a_milestone_without_a_title_is_refused_with_the_field_named(monkeypatch, setup):
    at = _page(monkeypatch, setup, "manager")
    at.date_input(key=f"plan_milestone_new_{setup['initiative']}_due_on").set_value(TODAY)
    _button(at, "Add milestone").click().run()
    assert not at.exception, at.exception
    assert any("Title" in e.value and "is required" in e.value for e in at.error)


def test_a_flagged_dependency_shows_its_reason_and_links_to_the_blocker(monkeypatch, setup):
    e = setup["engine"]
    blocker = add_initiative(e, owner_id=setup["manager"], title="New carrier API")
    add_dependency(e, setup["initiative"], blocker, note="Needs the tracking events")
    with session_scope(e, write=True) as session:
        record_check_in(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=blocker,
            data={"checkin_date": TODAY, "health": "red", "reason": "Vendor insolvent"},
        )
    at = _page(monkeypatch, setup, "manager")
    assert not at.exception, at.exception
    assert any("1 initiative this one waits for needs attention." in w.value for w in at.warning)
    shown = link_table(at, f"plan_blocked_by_{setup['initiative']}")
    assert shown.frame.loc[0, "Attention"] == "Reported red" and shown.tints.loc[0, "Attention"] is not None
    assert (shown.frame.loc[0, "Initiative"], shown.hrefs[0]) == ("New carrier API", f"initiative?id={blocker}")
    at = open_page(monkeypatch, setup["url"], "initiative", acting=setup["manager"], query={"id": str(blocker)})
    waiting = link_table(at, f"plan_blocking_{blocker}")  # the other side: who waits
    assert (waiting.column("Initiative"), waiting.hrefs) == (
        ["Proactive delivery updates"],
        [f"initiative?id={setup['initiative']}"],
    )


def test_plan_actions_in_the_pdca_record(monkeypatch, setup):
    i = setup["initiative"]
    at = _page(monkeypatch, setup, "manager")
    at.text_input(key=f"plan_action_new_{i}_description").input("Brief the carrier")
    at.selectbox(key=f"plan_action_new_{i}_owner").set_value(setup["contributor"])
    at.text_input(key=f"plan_action_new_{i}_cost").input("1.250,50")
    _button(at, "Add action").click().run()
    assert not at.exception, at.exception
    with session_scope(setup["engine"]) as session:
        [action] = session.exec(select(PlanAction)).all()
    assert (action.cost_cents, action.owner_id) == (125050, setup["contributor"])
    at = _page(monkeypatch, setup, "manager", lang="nl")
    shown = texts(at)
    assert "Brief the carrier" in shown and "€\xa01.250,50" in shown and "0 van 1 gereed" in shown

    # Edit it: the form starts from what is stored (the cost typed back unambiguously), and saves the change.
    edit = f"plan_action_{action.id}_{action.version}_edit"
    assert at.text_input(key=f"{edit}_cost").value == "1250.50"
    at.text_input(key=f"{edit}_cost").input("1.400")
    at.date_input(key=f"{edit}_due").set_value(TODAY)
    next(b for b in at.button if b.label == "Opslaan").click().run()
    assert not at.exception, at.exception
    with session_scope(setup["engine"]) as session:
        [action] = session.exec(select(PlanAction)).all()
    assert (action.cost_cents, action.due_on, action.description, action.version) == (
        140000,
        TODAY,
        "Brief the carrier",
        2,
    )


@pytest.mark.parametrize("who", ["viewer", "contributor"])
def test_without_the_edit_right_the_lists_show_but_no_controls(monkeypatch, setup, who):
    add_milestone(setup["engine"], setup["initiative"], due_on=TODAY, title="Go live")
    person = add_person(setup["engine"], Role.VIEWER) if who == "viewer" else setup["contributor"]
    at = _page(monkeypatch, setup, person)
    assert not at.exception, at.exception
    assert "Go live" in texts(at) and "Cas Contributor" in texts(at)
    assert not [x for x in at.expander if x.label.startswith(("Add or", "Add actions"))]
    assert not [b for b in at.button if b.label in ("Add milestone", "Mark done", "Add risk", "Add action")]
    assert not [t for t in at.text_input if t.key and t.key.startswith("plan_")]
