"""The status panel on the initiative page and the read-only status of the edit form: a leader asks the owner a
question, the owner answers it from their page, the leader approves; a manager never sees the status as a field."""

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import Initiative, Role, StatusTransition
from tests.factories import add_initiative, add_person
from tests.pages.harness import open_page, texts


@pytest.fixture
def proposal(db):
    url, engine = db
    owner = add_person(engine, Role.CONTRIBUTOR, name="Cas Contributor")
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    leader = add_person(engine, Role.LEADER, name="Lotte Leader")
    initiative = add_initiative(engine, owner_id=owner, title="Callback within 24 hours")
    managed = add_initiative(engine, owner_id=manager, title="Refund status e-mail")
    return {
        "url": url,
        "engine": engine,
        "owner": owner,
        "manager": manager,
        "leader": leader,
        "initiative": initiative,
        "managed": managed,
    }


def _page(monkeypatch, p, who, page="initiative", lang="en", initiative="initiative"):
    return open_page(monkeypatch, p["url"], page, lang=lang, acting=p[who], query={"id": str(p[initiative])})


def _make_move(at, p, move, text, initiative="initiative"):
    at.button(key=f"lifecycle_btn_{move}_{p[initiative]}").click().run()
    at.text_area(key=f"lifecycle_reason_{move}_{p[initiative]}").input(text)
    at.button(key=f"lifecycle_submit_{move}_{p[initiative]}").click().run()
    assert not at.exception, at.exception
    return at


def _moves(p) -> list[tuple[str, str]]:
    with session_scope(p["engine"]) as session:
        return [(t.move.value, t.reason) for t in session.exec(select(StatusTransition).order_by(StatusTransition.id))]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_question_to_the_owner_is_answered_on_their_page_and_then_approved(monkeypatch, proposal, lang):
    at = _page(monkeypatch, proposal, "leader", lang=lang)
    offered = {b.key for b in at.button if (b.key or "").startswith("lifecycle_btn_")}
    assert offered == {f"lifecycle_btn_{m}_{proposal['initiative']}" for m in ("approve", "ask_info", "reject")}
    _make_move(at, proposal, "ask_info", "What does the pilot cost?")

    at = open_page(monkeypatch, proposal["url"], "my-work", lang=lang, acting=proposal["owner"])
    assert "What does the pilot cost?" in texts(at)
    at = _page(monkeypatch, proposal, "owner", lang=lang)
    assert ("Waiting for the owner's answer" if lang == "en" else "Wacht op het antwoord") in texts(at)
    _make_move(at, proposal, "answer_info", "€ 4.500 for one region")

    at = _page(monkeypatch, proposal, "leader", lang=lang)
    assert ("Waiting for a decision" if lang == "en" else "Wacht op een besluit") in texts(at)
    _make_move(at, proposal, "approve", "Board of 12 Nov")
    assert (
        "Last status move: Approve — Lotte Leader" if lang == "en" else "Laatste statusstap: Goedkeuren — Lotte Leader"
    ) in texts(at)
    assert _moves(proposal) == [
        ("ask_info", "What does the pilot cost?"),
        ("answer_info", "€ 4.500 for one region"),
        ("approve", "Board of 12 Nov"),
    ]
    with session_scope(proposal["engine"]) as session:
        assert session.get(Initiative, proposal["initiative"]).status == "approved"


def test_a_move_without_its_reason_says_so_and_changes_nothing(monkeypatch, proposal):
    at = _page(monkeypatch, proposal, "leader")
    at.button(key=f"lifecycle_btn_reject_{proposal['initiative']}").click().run()
    at.button(key=f"lifecycle_submit_reject_{proposal['initiative']}").click().run()
    assert not at.exception, at.exception
    assert "**Reason \\(recorded\\)** is required" in " ".join(e.value for e in at.error)
    assert _moves(proposal) == []


def test_the_edit_form_shows_the_status_read_only_with_the_moves_as_links(monkeypatch, proposal):
    at = _page(monkeypatch, proposal, "manager", page="initiative-form", initiative="managed")
    assert not at.exception, at.exception
    assert not [s for s in at.selectbox if s.label == "Status"], "the status is not a field of the edit form"
    assert "**Status:** Proposed" in texts(at)
    links = at.get("page_link")
    assert [link.proto.label for link in links][:1] == ["Cancel the initiative"]  # the one move the owner may make
    assert "move=cancel" in links[0].proto.query_string


def test_a_manager_puts_their_initiative_on_hold_from_its_page(monkeypatch, proposal):
    at = _page(monkeypatch, proposal, "leader", initiative="managed")
    _make_move(at, proposal, "approve", "Funded", initiative="managed")
    at = _page(monkeypatch, proposal, "manager", initiative="managed")
    offered = {b.key for b in at.button if (b.key or "").startswith("lifecycle_btn_")}
    assert offered == {f"lifecycle_btn_{m}_{proposal['managed']}" for m in ("hold", "cancel")}
    _make_move(at, proposal, "hold", "Carrier contract delayed", initiative="managed")
    assert _moves(proposal)[-1] == ("hold", "Carrier contract delayed")
    with session_scope(proposal["engine"]) as session:
        assert session.get(Initiative, proposal["managed"]).status == "on_hold"
