"""Presentation mode (`present?id=N&item=K`): one agenda item at a time; previous / next kept in the URL; the
secretary's side panel records decisions that take effect (approve a proposal), refuses one on an initiative
changed since the item was shown (nothing recorded, Review & retry), adds actions, saves minutes and approves
the last meeting's minutes; viewers read it without any form; a locked meeting offers none; hostile text is
text; the timer's colours."""

from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.i18n import t
from cxgov.models import (
    ActionItem,
    AgendaItem,
    AgendaItemKind,
    AgendaSection,
    Attendance,
    Decision,
    Initiative,
    Meeting,
    MeetingMember,
    MeetingStatus,
    Role,
)
from cxgov.services.lifecycle import move_status
from cxgov.ui.governance.timer import clock, timer_state
from tests.factories import add_agenda_item, add_initiative, add_meeting, add_person
from tests.hostile import BY_KEY
from tests.pages.harness import open_page, texts
from tests.pages.test_hostile_rendering import assert_safe

HOSTILE = BY_KEY["img_onerror"].text


@pytest.fixture
def meeting(db):
    """The Q4 board, agenda published: opening, a proposal to decide on, a topic, the exceptions; the Q3 board
    held before it (its minutes to approve)."""
    url, engine = db
    secretary = add_person(engine, Role.PROGRAMME_OFFICE, name="Sam Secretary")
    chair = add_person(engine, Role.LEADER, name="Lotte Leader")
    viewer = add_person(engine, Role.VIEWER, name="Vera Viewer")
    owner = add_person(engine, Role.MANAGER, name="Mila Manager")
    proposal = add_initiative(engine, owner_id=owner, title="Callback within 24 hours")
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
            session,
            chair_id=chair,
            secretary_id=secretary,
            member_ids=[chair],
            status=MeetingStatus.AGENDA_PUBLISHED,
            previous_meeting_id=q3,
        )
        items = [
            add_agenda_item(
                session, meeting_id=q4, kind=AgendaItemKind.SECTION, section=AgendaSection.OPENING, position=1
            ),
            add_agenda_item(
                session,
                meeting_id=q4,
                kind=AgendaItemKind.INITIATIVE,
                initiative_id=proposal,
                position=2,
                duration_minutes=15,
                presenter_id=owner,
                commentary="Asks € 40,000 for two regions",
            ),
            add_agenda_item(session, meeting_id=q4, title=HOSTILE, commentary=HOSTILE, position=3),
            add_agenda_item(
                session, meeting_id=q4, kind=AgendaItemKind.SECTION, section=AgendaSection.EXCEPTIONS, position=4
            ),
        ]
    return {
        "url": url,
        "engine": engine,
        "secretary": secretary,
        "chair": chair,
        "viewer": viewer,
        "owner": owner,
        "proposal": proposal,
        "q3": q3,
        "q4": q4,
        "items": items,
    }


def _present(monkeypatch, m, who="secretary", lang="en", item=None, meeting="q4"):
    query = {"id": str(m[meeting])} | ({"item": str(item)} if item is not None else {})
    at = open_page(monkeypatch, m["url"], "present", lang=lang, acting=m[who], query=query)
    assert not at.exception, at.exception
    return at


def _decisions(m) -> list[tuple]:
    with session_scope(m["engine"]) as session:
        return [
            (d.kind.value, d.text, d.initiative_id, d.agenda_item_id, d.approves_minutes_of_id)
            for d in session.exec(select(Decision).order_by(Decision.id))
        ]


def _status(m, initiative="proposal") -> str:
    with session_scope(m["engine"]) as session:
        return session.get(Initiative, m[initiative]).status.value


def _record(at, item_id: int, kind: str, text: str) -> None:
    at.selectbox(key=f"present_decision_kind_{item_id}").set_value(kind)
    at.text_area(key=f"present_decision_text_{item_id}").input(text)
    at.button(key=f"present_decision_submit_{item_id}").click().run()
    assert not at.exception, at.exception


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_secretary_approves_a_proposal_and_it_is_approved(monkeypatch, meeting, lang):
    at = _present(monkeypatch, meeting, lang=lang, item=2)
    assert at.title[-1].value == "Callback within 24 hours"
    assert ("Item 2 of 4" if lang == "en" else "Agendapunt 2 van 4") in texts(at)
    assert "Asks € 40,000 for two regions" in texts(at).replace("\\", "")
    item = meeting["items"][1]
    _record(at, item, "approve", "Approved for two regions")
    assert _decisions(meeting) == [("approve", "Approved for two regions", meeting["proposal"], item, None)]
    assert _status(meeting) == "approved"
    assert at.query_params["item"] == "2"  # the place is kept after the save


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_decision_on_an_initiative_changed_since_is_refused_and_retried(monkeypatch, meeting, lang):
    at = _present(monkeypatch, meeting, lang=lang, item=2)
    with session_scope(meeting["engine"], write=True) as session:  # the chair asks the owner a question meanwhile
        version = session.get(Initiative, meeting["proposal"]).version
        move_status(
            session=session,
            actor=meeting["chair"],
            initiative_id=meeting["proposal"],
            seen_version=version,
            move="ask_info",
            reason="What does it cost per region?",
        )
    item = meeting["items"][1]
    _record(at, item, "approve", "Approved for two regions")
    assert _decisions(meeting) == []
    assert _status(meeting) == "proposed"
    shown = texts(at)
    assert ("This was changed by" if lang == "en" else "Dit is gewijzigd door") in shown  # who, from the trail
    assert ("Nothing was recorded" if lang == "en" else "Er is niets vastgelegd") in shown
    at.button(key=f"present_decision_retry_{item}").click().run()
    assert at.text_area(key=f"present_decision_text_{item}").value == "Approved for two regions"  # kept
    at.button(key=f"present_decision_submit_{item}").click().run()
    assert [d[:2] for d in _decisions(meeting)] == [("approve", "Approved for two regions")]
    assert _status(meeting) == "approved"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_secretary_adds_an_action_and_saves_minutes(monkeypatch, meeting, lang):
    at = _present(monkeypatch, meeting, lang=lang, item=2)
    item = meeting["items"][1]
    at.text_area(key=f"present_action_text_{item}").input("Cost per region by December")
    at.selectbox(key=f"present_action_owner_{item}").set_value(meeting["owner"])
    at.date_input(key=f"present_action_due_on_{item}").set_value(date(2026, 12, 1))
    at.button(key=f"present_action_submit_{item}").click().run()
    assert not at.exception, at.exception
    with session_scope(meeting["engine"]) as session:
        [action] = session.exec(select(ActionItem)).all()
        assert (action.text, action.owner_id, action.due_on, action.initiative_id, action.agenda_item_id) == (
            "Cost per region by December",
            meeting["owner"],
            date(2026, 12, 1),
            meeting["proposal"],
            item,
        )
    at.text_area(key=f"present_minutes_{item}").input("The board wants the cost per region.")
    at.button(key=f"present_minutes_save_{item}").click().run()
    at.button(key="present_mark_discussed").click().run()
    assert not at.exception, at.exception
    with session_scope(meeting["engine"]) as session:
        stored = session.get(AgendaItem, item)
        assert (stored.minutes, stored.status.value) == ("The board wants the cost per region.", "discussed")


def test_the_opening_item_approves_the_minutes_of_the_last_meeting(monkeypatch, meeting):
    at = _present(monkeypatch, meeting, item=1)
    [button] = [b for b in at.button if b.key == "present_approve_minutes"]
    assert button.label.replace("\\", "") == "Approve the minutes of CX board 2026-Q3"  # escaped as markdown
    button.click().run()
    assert _decisions(meeting) == [
        ("note", "The minutes of CX board 2026-Q3 are approved.", None, meeting["items"][0], meeting["q3"])
    ]
    with session_scope(meeting["engine"]) as session:
        assert session.get(Meeting, meeting["q3"]).status is MeetingStatus.MINUTES_APPROVED
    assert "present_approve_minutes" not in {b.key for b in at.button}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_viewer_reads_it_without_the_side_panel_and_moves_through_the_url(monkeypatch, meeting, lang):
    at = _present(monkeypatch, meeting, "viewer", lang=lang)
    assert at.query_params["item"] == "1"
    assert not at.text_area and not [b for b in at.button if (b.key or "").startswith("present_mark")]
    assert ("Running the meeting" if lang == "en" else "Vergadering leiden") not in texts(at)
    at.button(key="present_next").click().run()
    assert at.query_params["item"] == "2" and at.title[-1].value == "Callback within 24 hours"
    at.button(key="present_previous").click().run()
    assert at.query_params["item"] == "1"
    assert at.button(key="present_previous").disabled
    at = _present(monkeypatch, meeting, "viewer", lang=lang, item=99)  # past the end: the last item
    assert at.query_params["item"] == "4" and at.button(key="present_next").disabled


def test_a_locked_meeting_offers_no_forms_and_a_draft_is_not_found_for_a_viewer(monkeypatch, meeting):
    with session_scope(meeting["engine"], write=True) as session:
        session.get(Meeting, meeting["q4"]).status = MeetingStatus.MINUTES_APPROVED
    at = _present(monkeypatch, meeting, item=2)
    assert at.title[-1].value == "Callback within 24 hours"
    assert not at.text_area and not [s for s in at.selectbox if (s.key or "").startswith("present_decision")]
    assert t("meeting_page.banner.locked") in texts(at)
    with session_scope(meeting["engine"], write=True) as session:
        session.get(Meeting, meeting["q4"]).status = MeetingStatus.DRAFT
    at = _present(monkeypatch, meeting, "viewer")
    assert "does not exist" in texts(at)


def test_a_meeting_held_without_quorum_says_so_in_presentation_mode(monkeypatch, meeting):
    with session_scope(meeting["engine"], write=True) as session:
        session.get(Meeting, meeting["q4"]).status = MeetingStatus.HELD
        for member in session.exec(select(MeetingMember).where(MeetingMember.meeting_id == meeting["q4"])):
            member.attendance = Attendance.ABSENT
    at = _present(monkeypatch, meeting, item=2)
    assert "Held without quorum: 0 of" in texts(at)


def test_hostile_text_is_shown_as_text_and_sections_name_every_column(monkeypatch, meeting):
    at = _present(monkeypatch, meeting, item=3)
    assert_safe(at, "present topic")
    at = _present(monkeypatch, meeting, item=4)
    assert_safe(at, "present exceptions")
    assert "⟦" not in texts(at)


def test_the_timer_turns_amber_near_the_end_and_red_past_it():
    assert clock(0) == "00:00" and clock(754.9) == "12:34" and clock(3700) == "61:40"
    assert timer_state(0, 10) == "on_time"
    assert timer_state(7 * 60 + 59, 10) == "on_time"
    assert timer_state(8 * 60, 10) == "near_end"  # the last fifth
    assert timer_state(4 * 60, 5) == "near_end"  # at least the last minute
    assert timer_state(10 * 60, 10) == "near_end"
    assert timer_state(10 * 60 + 1, 10) == "over"
    assert timer_state(1, 0) == "over"
