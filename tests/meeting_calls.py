"""Realistic calls of the meeting, agenda and board-ask services for the permission matrix: each builder gets the
matrix's arrangement (engine, acting person, their relation, a neutral person) and returns the call's keyword
arguments. A meeting's relation (chair, member) is arranged here and checked as it is arranged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import AgendaItem, Meeting, MeetingMember, Person
from cxgov.rules.permissions import SYSTEM_ACTOR, Action, Relation
from cxgov.services import agenda, meetings
from cxgov.services.meeting_access import meeting_relations

MEETING_RELATIONS = (Relation.CHAIR, Relation.MEMBER)  # how a person relates to a meeting
START = datetime(2026, 12, 14, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _system(engine, function, **kwargs):
    with session_scope(engine, write=True) as session:
        return function(session=session, actor=SYSTEM_ACTOR, **kwargs)


def _version(engine, meeting_id: int) -> int:
    with session_scope(engine) as session:
        return session.get(Meeting, meeting_id).version


def _invitation(a) -> dict:
    """Who chairs and who is invited, so that the acting person has exactly the arranged relation."""
    return {
        "chair_id": a.person_id if a.relation is Relation.CHAIR else a.neutral_owner_id,
        "secretary_id": a.neutral_owner_id,
        "member_ids": [a.neutral_owner_id] + ([a.person_id] if a.relation is Relation.MEMBER else []),
    }


def arranged_meeting(a, stage: str = "draft", pre_read_due: date | None = None) -> int:
    """A meeting the system planned (a topic on its agenda), moved on to `stage`: draft, published, attended; the
    acting person is its chair or a member as arranged (any other relation, such as owning an action, is not one
    to the meeting)."""
    meeting_id = _system(
        a.engine, meetings.create_meeting, body="CX board", starts_at=START, pre_read_due=pre_read_due, **_invitation(a)
    )
    _system(a.engine, agenda.add_agenda_item, meeting_id=meeting_id, seen_version=1, kind="topic", title="Complaints")
    if stage != "draft":
        _system(a.engine, meetings.publish_agenda, meeting_id=meeting_id, seen_version=2)
    if stage == "attended":
        with session_scope(a.engine) as session:
            invited = session.exec(select(MeetingMember.person_id).where(MeetingMember.meeting_id == meeting_id)).all()
        _system(
            a.engine,
            meetings.record_attendance,
            meeting_id=meeting_id,
            seen_version=3,
            attendance=dict.fromkeys(invited, "present"),
        )
    if a.person_id == a.neutral_owner_id:  # the system actor's call: nobody's relation is tested
        return meeting_id
    with session_scope(a.engine) as session:  # the arrangement gives exactly the relation being tested
        got = meeting_relations(session, session.get(Meeting, meeting_id), session.get(Person, a.person_id))
    expected = {a.relation} if a.relation in MEETING_RELATIONS else set()
    assert got == expected, f"arranged {a.relation}, got {got}"
    return meeting_id


def _first_item(engine, meeting_id: int) -> AgendaItem:
    with session_scope(engine) as session:
        return session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).first()


def _on_meeting(stage: str = "draft", **call) -> Callable:
    def build(a) -> dict:
        meeting_id = arranged_meeting(a, stage)
        return {"meeting_id": meeting_id, "seen_version": _version(a.engine, meeting_id)} | call

    return build


def _on_item(stage: str, by_meeting_version: bool = False, **call) -> Callable:
    def build(a) -> dict:
        meeting_id = arranged_meeting(a, stage)
        item = _first_item(a.engine, meeting_id)
        version = _version(a.engine, meeting_id) if by_meeting_version else item.version
        return {"item_id": item.id, "seen_version": version} | call

    return build


def _pack(a) -> dict:
    return {"meeting_id": arranged_meeting(a, "published"), "language": "en"}


def _new_meeting(a) -> dict:
    return {"body": "CX board", "starts_at": START, **_invitation(a)}


def _edit_meeting(a) -> dict:
    meeting_id = arranged_meeting(a)
    invitation = _invitation(a)
    return {
        "meeting_id": meeting_id,
        "seen_version": _version(a.engine, meeting_id),
        "body": "CX board",
        "starts_at": START,
        **invitation,
        "guest_ids": [],
        "duration_minutes": 90,
        "place": "Board room",
        "quarter": None,
        "pre_read_due": None,
    }


def _reorder(a) -> dict:
    meeting_id = arranged_meeting(a)
    _system(a.engine, agenda.add_agenda_item, meeting_id=meeting_id, seen_version=2, kind="topic", title="Second")
    with session_scope(a.engine) as session:
        ids = session.exec(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id)).all()
    return {"meeting_id": meeting_id, "seen_version": 3, "item_ids": list(reversed(ids))}


def _board_ask(a) -> dict:
    """The acting person's relation here is to the initiative (owner, sponsor, team member)."""
    initiative_id, _ = a.initiative()
    meeting_id = _system(
        a.engine,
        meetings.create_meeting,
        body="CX board",
        starts_at=datetime(2100, 12, 14, 10, 0, tzinfo=START.tzinfo),  # the pre-read deadline is far ahead
        chair_id=a.neutral_owner_id,
        secretary_id=a.neutral_owner_id,
        member_ids=[a.neutral_owner_id],
    )
    return {"meeting_id": meeting_id, "initiative_id": initiative_id, "ask": "Budget for the pilot"}


def _attendance(a) -> dict:
    return _on_meeting("published")(a) | {"attendance": {a.neutral_owner_id: "present"}}


def _next_meeting(a) -> dict:
    return {"after_meeting_id": arranged_meeting(a)}


# service -> (the actions it checks, the builder); every one depends on the relation to the meeting
MEETING_CALLS: dict[str, tuple[tuple[Action, ...], Callable]] = {
    "meetings.create_meeting": ((Action.RUN_MEETING,), _new_meeting),
    "meetings.update_meeting": ((Action.RUN_MEETING,), _edit_meeting),
    "meetings.propose_next_meeting": ((Action.RUN_MEETING,), _next_meeting),
    "meetings.record_attendance": ((Action.RUN_MEETING,), _attendance),
    "meetings.publish_agenda": ((Action.RUN_MEETING,), _on_meeting("draft")),
    "meetings.close_meeting": ((Action.RUN_MEETING,), _on_meeting("attended")),
    "meetings.save_minutes": ((Action.RUN_MEETING,), _on_meeting("published", minutes="Opened at ten")),
    "board_pack.publish_pack": ((Action.RUN_MEETING,), _pack),
    "agenda.propose_agenda": ((Action.RUN_MEETING,), _on_meeting("draft")),
    "agenda.add_agenda_item": ((Action.RUN_MEETING,), _on_meeting("draft", kind="topic", title="Store complaints")),
    "agenda.update_agenda_item": ((Action.RUN_MEETING,), _on_item("draft", changes={"commentary": "From the data"})),
    "agenda.reorder_agenda": ((Action.RUN_MEETING,), _reorder),
    "agenda.remove_agenda_item": ((Action.RUN_MEETING,), _on_item("draft", by_meeting_version=True)),
    "agenda.set_agenda_item_status": ((Action.RUN_MEETING,), _on_item("published", status="discussed")),
}
BOARD_ASK_CALL = ((Action.WRITE_BOARD_ASK,), _board_ask)  # relation to the initiative, as the other initiative rows
