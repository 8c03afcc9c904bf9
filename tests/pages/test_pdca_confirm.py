"""A PDCA move is asked about before it happens ("Move X from Plan to Do?"): cancel leaves everything as it
was, yes moves against the version seen when the move was asked for."""

import pytest
from sqlalchemy import text
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import PdcaCycle, PhaseTransition, Role
from tests.factories import add_initiative, add_person, approve_and_move
from tests.pages.harness import open_page

TITLE = "Handwritten *recovery* cards"


@pytest.fixture
def proposal(db):
    url, engine = db
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    initiative = add_initiative(engine, owner_id=manager, title=TITLE)
    return {"url": url, "engine": engine, "manager": manager, "initiative": initiative}


@pytest.fixture
def approved(proposal):
    """Approved, in Plan: the move to Do is next (its criteria are not met)."""
    approve_and_move(proposal["engine"], proposal["initiative"], 0)
    return proposal


def _page(monkeypatch, a, lang="en"):
    return open_page(
        monkeypatch, a["url"], "initiative", lang=lang, acting=a["manager"], query={"id": str(a["initiative"])}
    )


def _moves(a) -> int:
    with session_scope(a["engine"]) as session:
        return len(
            session.exec(
                select(PhaseTransition).where(
                    PhaseTransition.initiative_id == a["initiative"], PhaseTransition.to_phase == "do"
                )
            ).all()
        )


def _question(at) -> list[str]:
    return [w.value for w in at.warning if "recovery" in w.value]


@pytest.mark.parametrize(
    ("lang", "asked", "yes", "cancel"),
    [
        ("en", r"Move *Handwritten \*recovery\* cards* from Plan to Do?", "Yes, move to Do", "Cancel"),
        ("nl", r"*Handwritten \*recovery\* cards* van Plan naar Do verplaatsen?", "Ja, naar Do", "Annuleren"),
    ],
)
def test_the_move_is_named_and_cancel_leaves_it_undone(monkeypatch, approved, lang, asked, yes, cancel):
    i = approved["initiative"]
    at = _page(monkeypatch, approved, lang)
    at.button(key=f"pdca_move_{i}").click().run()
    assert not at.exception, at.exception
    [question] = _question(at)
    assert question.startswith(asked)  # the title as text, its asterisks escaped
    assert [at.button(key=f"pdca_confirm_{i}").label, at.button(key=f"pdca_cancel_{i}").label] == [yes, cancel]
    assert _moves(approved) == 0  # asking moved nothing
    at.button(key=f"pdca_cancel_{i}").click().run()
    assert not _question(at) and _moves(approved) == 0
    assert f"pdca_move_{i}" in [b.key for b in at.button]


def test_yes_moves_and_the_criteria_are_checked_then(monkeypatch, approved):
    i = approved["initiative"]
    at = _page(monkeypatch, approved)
    at.button(key=f"pdca_move_{i}").click().run()
    at.button(key=f"pdca_confirm_{i}").click().run()
    assert not at.exception, at.exception
    assert any("if-then hypothesis" in w.value for w in at.warning)  # the move ran into its criteria
    at.text_input(key=f"pdca_override_reason_{i}").input("Pilot in one store first")
    next(b for b in at.button if b.label == "Proceed anyway").click().run()
    assert _moves(approved) == 1


@pytest.fixture
def ready_for_check(proposal):
    """In Do with a written result, so the move to Check meets its criteria."""
    approve_and_move(proposal["engine"], proposal["initiative"], 1)
    with session_scope(proposal["engine"], write=True) as session:  # arrangement: the record says what was done
        session.execute(
            text("UPDATE pdca_cycle SET done_summary = 'Cards in two stores' WHERE initiative_id = :id"),
            {"id": proposal["initiative"]},
        )
    return proposal


def _phase(a) -> str:
    with session_scope(a["engine"]) as session:
        return session.exec(select(PdcaCycle.phase).where(PdcaCycle.initiative_id == a["initiative"])).one()


def test_yes_moves_at_once_when_the_criteria_are_met(monkeypatch, ready_for_check):
    i = ready_for_check["initiative"]
    at = _page(monkeypatch, ready_for_check)
    at.button(key=f"pdca_move_{i}").click().run()
    assert _question(at)[0].startswith(r"Move *Handwritten \*recovery\* cards* from Do to Check?")
    at.button(key=f"pdca_confirm_{i}").click().run()
    assert not at.exception, at.exception
    assert _phase(ready_for_check) == "check"


def test_a_change_by_someone_else_between_asking_and_yes_is_a_conflict(monkeypatch, ready_for_check):
    i = ready_for_check["initiative"]
    at = _page(monkeypatch, ready_for_check)
    at.button(key=f"pdca_move_{i}").click().run()
    with session_scope(ready_for_check["engine"], write=True) as session:  # another session saves meanwhile
        session.execute(text("UPDATE initiative SET version = version + 1 WHERE id = :id"), {"id": i})
    at.button(key=f"pdca_confirm_{i}").click().run()
    assert any("after you opened it" in e.value for e in at.error)
    assert _phase(ready_for_check) == "do"
