"""The minutes drafted from a meeting's record: attendance and quorum, each item not removed in order with its
commentary, notes and the decisions and actions taken on it, then the rest; in English and Dutch."""

from __future__ import annotations

from datetime import date

import pytest

from cxgov.db import make_engine, session_scope
from cxgov.minutes import agenda_item_title, draft_minutes, quorum_text
from cxgov.models import Attendance, MeetingMember, MeetingStatus, Role
from cxgov.queries.actions import action_list
from cxgov.queries.decisions import decision_register
from cxgov.queries.meetings import meeting_record
from tests.factories import add_action, add_agenda_item, add_decision, add_initiative, add_meeting, add_person

TODAY = date(2026, 10, 20)


@pytest.fixture
def held(sqlite_url):
    """A held meeting's record on SQLite (the drafter is pure; the record is read as the page reads it)."""
    engine = make_engine(sqlite_url)
    chair = add_person(engine, Role.LEADER, name="Lotte Leader")
    secretary = add_person(engine, Role.PROGRAMME_OFFICE, name="Pim Office")
    member = add_person(engine, Role.MANAGER, name="Mila Manager")
    guest = add_person(engine, Role.ANALYST, name="Anna Analyst")
    initiative = add_initiative(engine, owner_id=member, title="Callback within 24 hours")
    with session_scope(engine, write=True) as session:
        meeting = add_meeting(
            session,
            status=MeetingStatus.HELD,
            chair_id=chair,
            secretary_id=secretary,
            member_ids=[chair, secretary, member],
            guest_ids=[guest],
        )
        for person, attendance in ((chair, "present"), (secretary, "present"), (member, "apologies")):
            session.get(MeetingMember, (meeting, person)).attendance = Attendance(attendance)
        session.get(MeetingMember, (meeting, guest)).attendance = Attendance.PRESENT
        add_agenda_item(
            session, meeting_id=meeting, kind="section", section="opening", position=1, commentary="Welcome"
        )
        proposal = add_agenda_item(
            session,
            meeting_id=meeting,
            kind="initiative",
            initiative_id=initiative,
            position=2,
            minutes="Pilot in one region first",
            status="discussed",
        )
        add_agenda_item(session, meeting_id=meeting, title="Dropped topic", position=3, status="removed")
        add_agenda_item(session, meeting_id=meeting, title="Late topic", position=4, status="not_reached")
        add_decision(session, meeting_id=meeting, kind="approve", text="Fund the pilot", agenda_item_id=proposal)
        add_decision(session, meeting_id=meeting, kind="note", text="Noted the scorecard")
        add_action(
            session,
            meeting_id=meeting,
            owner_id=member,
            due_on=date(2026, 11, 1),
            text="Plan the pilot",
            agenda_item_id=proposal,
        )
    with session_scope(engine) as session:
        record = meeting_record(session, meeting)
        decisions = decision_register(session, meeting_id=meeting).sort_values("id")
        actions = action_list(session, meeting_id=meeting, today=TODAY)
    engine.dispose()
    return record, decisions, actions


def test_the_draft_follows_the_record_in_english(held):
    record, decisions, actions = held
    draft = draft_minutes(record, decisions, actions, lang="en", zone="Europe/Amsterdam")
    assert draft.splitlines()[:3] == [
        "# Minutes: CX board 2026-Q4",
        "When: 15 Oct 2026 10:00 CEST · Place: —",
        "Chair: Lotte Leader · Secretary: Pim Office",
    ]
    assert "- Present: Lotte Leader, Pim Office" in draft
    assert "- Apologies: Mila Manager" in draft
    assert "- Guests: Anna Analyst" in draft
    assert "2 of 3 members present; quorum 2" in draft
    body = draft[draft.index("## Agenda") :]
    assert body.index("### 1. Opening") < body.index("Welcome") < body.index("### 2. Callback within 24 hours")
    assert body.index("Pilot in one region first") < body.index("- Decision #1 (Approve): Fund the pilot")
    assert "- Action: Plan the pilot (owner Mila Manager, due 1 Nov 2026)" in body
    assert "Dropped topic" not in draft  # removed: in the backlog, not in the minutes
    assert "### 3. Late topic\nNot reached." in body
    other = body[body.index("## Other decisions and actions") :]
    assert other.splitlines()[1:] == ["- Decision #2 (Note): Noted the scorecard"]


def test_the_draft_is_in_the_readers_language(held):
    record, decisions, actions = held
    draft = draft_minutes(record, decisions, actions, lang="nl", zone="Europe/Amsterdam")
    assert draft.startswith("# Notulen: CX board 2026-Q4\nWanneer: 15-10-2026 10:00 CEST")
    assert "- Aanwezig: Lotte Leader, Pim Office" in draft
    assert "### 1. Opening: aanwezigheid en notulen van de vorige vergadering" in draft
    assert "- Besluit #1 (Goedkeuren): Fund the pilot" in draft
    assert "(eigenaar Mila Manager, uiterlijk 01-11-2026)" in draft
    assert quorum_text(record.quorum, "nl") == "2 van 3 leden aanwezig; quorum 2"


def test_items_are_named_by_kind():
    item = {"kind": "kpi", "section": None, "title": "", "initiative_title": None, "kpi_name": "Customer effort"}
    assert agenda_item_title(item, "en") == "Customer effort"
    assert agenda_item_title(item | {"kind": "section", "section": "money"}, "nl") == "Geld: gepland en besteed"
    assert agenda_item_title(item | {"kind": "topic", "title": "<b>AOB</b>"}, "en") == "<b>AOB</b>"  # as typed
