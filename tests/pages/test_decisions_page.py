"""The decisions register (Governance → Decisions) and the initiative page's Decisions tab: newest first, the
filters kept in the URL, one decision's chain both ways (supersedes, superseded by, reversed by), hostile text as
text, and what the initiative's own tab lists."""

from datetime import UTC, date, datetime

import pytest

from cxgov.db import session_scope
from cxgov.models import DecisionKind, MeetingStatus, Role
from tests.factories import add_action, add_decision, add_initiative, add_meeting, add_person
from tests.hostile import BY_KEY
from tests.pages.harness import link_table, open_page, texts
from tests.pages.test_hostile_rendering import assert_safe

HOSTILE = BY_KEY["script"].text


@pytest.fixture
def register(db):
    """Two meetings of the CX board and one of a steering group; a chain approve → fund (supersedes) → stop
    (reverses); a note with hostile text; an open action on the first initiative."""
    url, engine = db
    secretary = add_person(engine, Role.PROGRAMME_OFFICE, name="Sam Secretary")
    chair = add_person(engine, Role.LEADER, name="Lotte Leader")
    viewer = add_person(engine, Role.VIEWER, name="Vera Viewer")
    owner = add_person(engine, Role.MANAGER, name="Mila Manager")
    callback = add_initiative(engine, owner_id=owner, title="Callback within 24 hours")
    refund = add_initiative(engine, owner_id=owner, title="Refund status e-mail")
    with session_scope(engine, write=True) as session:
        q3 = add_meeting(
            session,
            chair_id=chair,
            secretary_id=secretary,
            member_ids=[chair],
            status=MeetingStatus.HELD,
            starts_at=datetime(2026, 7, 9, 8, 0, tzinfo=UTC),
        )
        q4 = add_meeting(
            session, chair_id=chair, secretary_id=secretary, member_ids=[chair], status=MeetingStatus.AGENDA_PUBLISHED
        )
        steering = add_meeting(
            session, body="Steering group", chair_id=chair, secretary_id=secretary, status=MeetingStatus.HELD
        )
        first = add_decision(
            session,
            meeting_id=q3,
            kind=DecisionKind.APPROVE,
            text="Approve the callback pilot",
            rationale="Complaints about waiting doubled",
            initiative_id=callback,
        )
        second = add_decision(
            session,
            meeting_id=q4,
            kind=DecisionKind.FUND,
            text="Fund two more regions",
            supersedes_id=first,
            initiative_id=callback,
        )
        third = add_decision(
            session,
            meeting_id=q4,
            kind=DecisionKind.STOP,
            text="Stop the extra regions",
            supersedes_id=second,
            reverses=True,
            initiative_id=callback,
            review_on=date(2027, 1, 15),
        )
        hostile = add_decision(session, meeting_id=steering, kind=DecisionKind.NOTE, text=HOSTILE, rationale=HOSTILE)
        add_action(
            session,
            meeting_id=q4,
            owner_id=owner,
            due_on=date(2026, 11, 30),
            text="Report callbacks per region",
            initiative_id=callback,
        )
    ids = {"first": first, "second": second, "third": third, "hostile": hostile}
    return {
        "url": url,
        "engine": engine,
        "viewer": viewer,
        "secretary": secretary,
        "callback": callback,
        "refund": refund,
        "ids": ids,
        "q4": q4,
    }


def _register(monkeypatch, r, lang="en", **query):
    at = open_page(monkeypatch, r["url"], "decisions", lang=lang, acting=r["viewer"], query=query)
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_decision_newest_first_with_its_status_and_links(monkeypatch, register, lang):
    at = _register(monkeypatch, register, lang)
    table = link_table(at, "decisions_register")
    ids = register["ids"]
    # Newest first: the steering group's and the Q4 board's decisions on the meeting's day, the Q3 one last.
    assert table.frame.iloc[:, 0].tolist()[-1] == f"#{ids['first']}"
    assert set(table.frame.iloc[:, 0]) == {f"#{i}" for i in ids.values()}
    status = "Status"
    by_id = dict(zip(table.frame.iloc[:, 0], table.column(status), strict=True))
    expected = {
        "en": {"first": "Superseded", "second": "Reversed", "third": "Active"},
        "nl": {"first": "Vervangen", "second": "Teruggedraaid", "third": "Van kracht"},
    }[lang]
    assert {name: by_id[f"#{ids[name]}"] for name in expected} == expected
    assert f"initiative?id={register['callback']}" in table.hrefs
    meeting_links = set(table.frame["Meeting" if lang == "en" else "Vergadering"])
    assert meeting_links == {"2026-Q3", "2026-Q4"}
    assert not [b for b in at.button if (b.key or "").startswith("decisions")]  # read-only: nothing to press
    assert not at.text_area


def test_filters_come_from_the_url_and_narrow_the_register(monkeypatch, register):
    ids = register["ids"]
    at = _register(monkeypatch, register, kind="approve")
    assert link_table(at, "decisions_register").frame.iloc[:, 0].tolist() == [f"#{ids['first']}"]
    at = _register(monkeypatch, register, status="active")
    assert set(link_table(at, "decisions_register").frame.iloc[:, 0]) == {f"#{ids['third']}", f"#{ids['hostile']}"}
    at = _register(monkeypatch, register, body="Steering group")
    assert link_table(at, "decisions_register").frame.iloc[:, 0].tolist() == [f"#{ids['hostile']}"]
    at = _register(monkeypatch, register, initiative=str(register["callback"]))
    assert len(link_table(at, "decisions_register").frame) == 3
    at.selectbox(key="decisions_kind").set_value("stop").run()
    assert at.query_params["kind"] == "stop" and at.query_params["initiative"] == str(register["callback"])
    assert link_table(at, "decisions_register").frame.iloc[:, 0].tolist() == [f"#{ids['third']}"]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_decision_shows_its_chain_both_ways_and_its_rationale(monkeypatch, register, lang):
    ids = register["ids"]
    at = _register(monkeypatch, register, lang, id=str(ids["second"]))
    shown = texts(at)
    if lang == "en":
        assert f"Supersedes #{ids['first']} (Approve" in shown
        assert f"Reversed by #{ids['third']} (Stop" in shown
    else:
        assert f"Vervangt #{ids['first']} (Goedkeuren" in shown
        assert f"Teruggedraaid door #{ids['third']} (Stoppen" in shown
    at = _register(monkeypatch, register, lang, id=str(ids["first"]))
    shown = texts(at)
    assert "Complaints about waiting doubled" in shown
    assert (f"Superseded by #{ids['second']}" if lang == "en" else f"Vervangen door #{ids['second']}") in shown
    assert (f"Reversed by #{ids['third']}" if lang == "en" else f"Teruggedraaid door #{ids['third']}") in shown
    at.selectbox(key="decisions_id").set_value(ids["third"]).run()
    assert at.query_params["id"] == str(ids["third"])
    assert "Supersedes" in texts(at) or "Vervangt" in texts(at)


def test_hostile_text_is_shown_as_text(monkeypatch, register):
    at = _register(monkeypatch, register, id=str(register["ids"]["hostile"]))
    assert_safe(at, "decisions")
    assert HOSTILE in link_table(at, "decisions_register").column("Decision")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_initiative_page_lists_its_decisions_and_open_actions(monkeypatch, register, lang):
    at = open_page(
        monkeypatch,
        register["url"],
        "initiative",
        lang=lang,
        acting=register["viewer"],
        query={"id": str(register["callback"])},
    )
    assert not at.exception, at.exception
    decisions = link_table(at, f"initiative_decisions_{register['callback']}")
    assert len(decisions.frame) == 3
    assert decisions.hrefs[0] == f"decisions?id={register['ids']['third']}"
    actions = link_table(at, f"initiative_actions_{register['callback']}")
    assert actions.frame.iloc[:, 0].tolist() == ["Report callbacks per region"]
    at = open_page(
        monkeypatch,
        register["url"],
        "initiative",
        lang=lang,
        acting=register["viewer"],
        query={"id": str(register["refund"])},
    )
    assert ("No governance body has decided" if lang == "en" else "Nog geen governance-orgaan") in texts(at)
