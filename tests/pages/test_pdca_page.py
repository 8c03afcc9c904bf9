"""The PDCA record on the initiative page: the A3 boxes, approval with a reason, a move whose criteria are not
met (warnings, then proceed anyway with a reason), the Act decision opening a new cycle, and the history."""

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import Initiative, PdcaCycle, PhaseTransition, Role
from tests.factories import add_initiative, add_person
from tests.pages.harness import open_page, texts


@pytest.fixture
def proposal(db):
    url, engine = db
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    leader = add_person(engine, Role.LEADER, name="Lotte Leader")
    initiative = add_initiative(engine, owner_id=manager, title="Handwritten recovery cards")
    return {"url": url, "engine": engine, "manager": manager, "leader": leader, "initiative": initiative}


def _page(monkeypatch, p, who, lang="en"):
    return open_page(monkeypatch, p["url"], "initiative", lang=lang, acting=p[who], query={"id": str(p["initiative"])})


def _state(p):
    with session_scope(p["engine"]) as session:
        initiative = session.get(Initiative, p["initiative"])
        cycles = session.exec(
            select(PdcaCycle).where(PdcaCycle.initiative_id == p["initiative"]).order_by(PdcaCycle.number)
        ).all()
        moves = session.exec(select(PhaseTransition).order_by(PhaseTransition.id)).all()
        return initiative, cycles, moves


def _move(at, initiative_id: int) -> None:
    """Press the move button, then confirm the move it asks about."""
    at.button(key=f"pdca_move_{initiative_id}").click().run()
    at.button(key=f"pdca_confirm_{initiative_id}").click().run()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_record_shows_the_a3_boxes_and_the_approval_note(monkeypatch, proposal, lang):
    at = _page(monkeypatch, proposal, "manager", lang)
    assert not at.exception, at.exception
    shown = texts(at)
    for box in (
        ("Background", "Achtergrond"),
        ("Root cause", "Grondoorzaak"),
        ("Countermeasure (if … then …)", "Tegenmaatregel (als … dan …)"),
        ("Check result", "Resultaat van de check"),
    ):
        assert box[lang == "nl"] in shown
    assert ("needs approval" if lang == "en" else "moet worden goedgekeurd") in shown
    assert "Approve" not in [b.label for b in at.button]  # a manager does not approve


def test_approve_move_with_warnings_proceed_anyway_and_decide(monkeypatch, proposal):
    at = _page(monkeypatch, proposal, "leader")
    at.button(key=f"lifecycle_btn_approve_{proposal['initiative']}").click().run()
    at.text_area(key=f"lifecycle_reason_approve_{proposal['initiative']}").input("Board of 12 Nov")
    at.button(key=f"lifecycle_submit_approve_{proposal['initiative']}").click().run()
    assert not at.exception, at.exception
    assert _state(proposal)[0].status == "approved"

    at = _page(monkeypatch, proposal, "manager")
    _move(at, proposal["initiative"])
    assert not at.exception, at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "if-then hypothesis" in warning and "budget line" in warning
    assert _state(proposal)[1][0].phase == "plan"  # nothing moved yet
    at.text_input(key=f"pdca_override_reason_{proposal['initiative']}").input("Pilot in one store first")
    next(b for b in at.button if b.label == "Proceed anyway").click().run()
    assert not at.exception, at.exception
    initiative, [cycle], [move] = _state(proposal)
    assert (initiative.status, cycle.phase, move.reason) == ("active", "do", "Pilot in one store first")
    assert "Pilot in one store first" in texts(at)  # the moves table on the page

    for _ in range(2):  # Do → Check → Act, each with a reason
        at = _page(monkeypatch, proposal, "manager")
        _move(at, proposal["initiative"])
        at.text_input(key=f"pdca_override_reason_{proposal['initiative']}").input("Qualitative result in the check-ins")
        next(b for b in at.button if b.label == "Proceed anyway").click().run()
        assert not at.exception, at.exception
    at = _page(monkeypatch, proposal, "manager")
    at.radio(key=f"pdca_decision_{proposal['initiative']}").set_value("adjust")
    at.text_area(key=f"pdca_lesson_{proposal['initiative']}").input("Cards work when the store manager signs them")
    next(b for b in at.button if b.label == "Record the Act decision").click().run()
    assert not at.exception, at.exception
    _, (first, second), _ = _state(proposal)
    assert (first.act_decision, second.number, second.phase) == ("adjust", 2, "plan")
    at = _page(monkeypatch, proposal, "manager")
    assert "Cycle 2 · Plan" in texts(at) and "Earlier cycles" in [e.label for e in at.expander]


def test_a_viewer_sees_the_record_but_no_moves(monkeypatch, proposal):
    viewer = add_person(proposal["engine"], Role.VIEWER)
    at = open_page(monkeypatch, proposal["url"], "initiative", acting=viewer, query={"id": str(proposal["initiative"])})
    assert not at.exception, at.exception
    assert "Background" in texts(at)
    assert not [b for b in at.button if b.key.startswith("pdca_")]
    assert not [e for e in at.expander if e.label == "Edit the record"]


def test_a_quick_fix_in_three_steps_on_its_page(monkeypatch, proposal):
    fix = add_initiative(
        proposal["engine"], owner_id=proposal["manager"], title="Clearer invoice line", lane="quick_fix"
    )
    at = open_page(monkeypatch, proposal["url"], "initiative", acting=proposal["manager"], query={"id": str(fix)})
    assert not at.exception, at.exception
    assert "Quick fix" in [s.value for s in at.subheader] and "Problem" in texts(at)
    version_key = next(t.key for t in at.text_area if t.key.endswith(".problem"))
    at.text_area(key=version_key).input("Customers call about 'adm. fee'")
    at.text_area(key=version_key.replace(".problem", ".change")).input("Renamed it 'Delivery costs'")
    next(b for b in at.button if b.label == "Save problem and change").click().run()
    assert not at.exception, at.exception
    at.text_area(key=f"pdca_quick_result_{fix}").input("Calls about the line stopped within a week")
    next(b for b in at.button if b.label == "Record the result: done").click().run()
    assert not at.exception, at.exception
    with session_scope(proposal["engine"]) as session:
        done = session.get(Initiative, fix)
        cycle = session.exec(select(PdcaCycle).where(PdcaCycle.initiative_id == fix)).one()
    assert (done.status, cycle.background, cycle.done_summary, cycle.lesson) == (
        "completed",
        "Customers call about 'adm. fee'",
        "Renamed it 'Delivery costs'",
        "Calls about the line stopped within a week",
    )


def test_changing_the_lane_asks_for_a_reason(monkeypatch, proposal):
    at = _page(monkeypatch, proposal, "manager")
    next(b for b in at.button if b.label == "Make it a Quick fix").click().run()
    assert not at.exception, at.exception
    assert "Reason" in at.error[0].value  # nothing changed without a reason
    at.text_input(key=f"pdca_lane_reason_{proposal['initiative']}").input("One template change is enough")
    next(b for b in at.button if b.label == "Make it a Quick fix").click().run()
    assert not at.exception, at.exception
    assert _state(proposal)[0].lane == "quick_fix"
