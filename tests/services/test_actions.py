"""Action items: given at a running meeting, changed while open and the meeting unlocked, closed by their owner
(done) or by whoever runs the meeting (done or dropped with a reason) — audited, on both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from cxgov.dates import today_in
from cxgov.db import session_scope
from cxgov.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from cxgov.models import ActionItem, ActionStatus, AuditEvent, Meeting, MeetingStatus, Role
from cxgov.services.actions import add_action, close_action, update_action
from cxgov.services.decisions import record_decision
from cxgov.settings import get_settings
from tests.factories import add_initiative, add_open_meeting, add_person
from tests.hostile import CORPUS, fit

TODAY = today_in(get_settings().time_zone)


@pytest.fixture
def board(engine):
    secretary = add_person(engine, Role.PROGRAMME_OFFICE, name="Sara Secretary")
    chair = add_person(engine, Role.LEADER, name="Lotte Leader")
    owner = add_person(engine, Role.CONTRIBUTOR, name="Cas Contributor")
    with session_scope(engine, write=True) as session:
        meeting = add_open_meeting(session, chair_id=chair, secretary_id=secretary, member_ids=[owner])
    return {"secretary": secretary, "chair": chair, "owner": owner, "meeting": meeting}


def give(engine, actor, meeting_id, owner_id, *, text="Send the callback script to the stores", days=14, **links):
    with session_scope(engine, write=True) as session:
        return add_action(
            session=session,
            actor=actor,
            meeting_id=meeting_id,
            text=text,
            owner_id=owner_id,
            due_on=TODAY + timedelta(days=days),
            **links,
        )


def close(engine, actor, action_id, outcome="done", seen_version=1, **more) -> None:
    with session_scope(engine, write=True) as session:
        close_action(
            session=session, actor=actor, action_id=action_id, seen_version=seen_version, outcome=outcome, **more
        )


def action(engine, action_id) -> ActionItem:
    with session_scope(engine) as session:
        return session.get(ActionItem, action_id)


def events(engine, action_id) -> list[tuple]:
    with session_scope(engine) as session:
        return [
            (e.action, e.field, e.new_value)
            for e in session.exec(
                select(AuditEvent)
                .where(AuditEvent.entity == "action_item", AuditEvent.entity_id == str(action_id))
                .order_by(AuditEvent.seq)
            ).scalars()
        ]


def test_an_action_is_given_linked_and_audited(engine, board):
    initiative = add_initiative(engine, owner_id=board["owner"])
    with session_scope(engine, write=True) as session:
        decision = record_decision(
            session=session, actor=board["secretary"], meeting_id=board["meeting"], kind="note", text="Noted"
        )
    action_id = give(
        engine, board["chair"], board["meeting"], board["owner"], decision_id=decision, initiative_id=initiative
    )
    given = action(engine, action_id)
    assert (given.status, given.owner_id, given.due_on, given.decision_id, given.initiative_id) == (
        ActionStatus.OPEN,
        board["owner"],
        TODAY + timedelta(days=14),
        decision,
        initiative,
    )
    [(verb, field, values)] = events(engine, action_id)
    assert (verb, field) == ("create", None)
    assert '"text": "Send the callback script to the stores"' in values


def test_giving_an_action_is_checked(engine, board):
    with pytest.raises(PermissionDenied):
        give(engine, board["owner"], board["meeting"], board["owner"])
    gone = add_person(engine, Role.MANAGER, active=False)
    with pytest.raises(ValidationError) as caught:
        give(engine, board["secretary"], board["meeting"], gone, days=-1)
    assert set(caught.value.errors) == {"owner_id", "due_on"}
    with session_scope(engine, write=True) as session:
        other = add_open_meeting(session, chair_id=board["chair"], secretary_id=board["secretary"])
        draft = add_open_meeting(
            session, status=MeetingStatus.DRAFT, chair_id=board["chair"], secretary_id=board["secretary"]
        )
        theirs = record_decision(session=session, actor=board["secretary"], meeting_id=other, kind="note", text="x")
    with pytest.raises(ValidationError) as caught:
        give(engine, board["secretary"], board["meeting"], board["owner"], decision_id=theirs)
    assert caught.value.errors == {"decision_id": ("actions.error.link_of_other_meeting", {})}
    with pytest.raises(DomainError) as caught:
        give(engine, board["secretary"], draft, board["owner"])
    assert caught.value.key == "actions.error.meeting_not_running"


def test_an_open_action_is_changed_version_checked_until_the_meeting_is_locked(engine, board):
    action_id = give(engine, board["secretary"], board["meeting"], board["owner"])
    with session_scope(engine, write=True) as session:
        update_action(
            session=session,
            actor=board["chair"],
            action_id=action_id,
            seen_version=1,
            changes={"due_on": TODAY + timedelta(days=30), "text": "Send the script"},
        )
    changed = action(engine, action_id)
    assert (changed.text, changed.due_on, changed.version) == ("Send the script", TODAY + timedelta(days=30), 2)
    assert [field for _, field, _ in events(engine, action_id)][1:] == ["text", "due_on"]
    with pytest.raises(ConflictError), session_scope(engine, write=True) as session:
        update_action(session=session, actor=board["chair"], action_id=action_id, seen_version=1, changes={"text": "y"})
    with pytest.raises(ValidationError) as caught, session_scope(engine, write=True) as session:
        update_action(
            session=session, actor=board["chair"], action_id=action_id, seen_version=2, changes={"status": "done"}
        )
    assert set(caught.value.errors) == {"status"}
    with session_scope(engine, write=True) as session:
        session.execute(
            update(Meeting).where(Meeting.id == board["meeting"]).values(status=MeetingStatus.MINUTES_APPROVED)
        )
    with pytest.raises(DomainError) as caught, session_scope(engine, write=True) as session:
        update_action(session=session, actor=board["chair"], action_id=action_id, seen_version=2, changes={"text": "z"})
    assert caught.value.key == "meeting.error.locked"
    close(engine, board["owner"], action_id, seen_version=2, note="Sent on Monday")  # the follow-up goes on
    assert action(engine, action_id).status is ActionStatus.DONE


def test_the_owner_marks_done_but_only_who_runs_the_meeting_drops(engine, board):
    mine = give(engine, board["secretary"], board["meeting"], board["owner"])
    with pytest.raises(PermissionDenied):
        close(engine, board["owner"], mine, "dropped", note="No longer needed")
    stranger = add_person(engine, Role.MANAGER)
    with pytest.raises(PermissionDenied):
        close(engine, stranger, mine)
    close(engine, board["owner"], mine, note="Sent to all 40 stores")
    done = action(engine, mine)
    assert (done.status, done.closed_on, done.closing_note, done.closed_by_id, done.version) == (
        ActionStatus.DONE,
        TODAY,
        "Sent to all 40 stores",
        board["owner"],
        2,
    )
    assert ("update", "status", "done") in events(engine, mine)
    with pytest.raises(DomainError) as caught:
        close(engine, board["owner"], mine, seen_version=2)
    assert caught.value.key == "actions.error.closed"
    dropped = give(engine, board["secretary"], board["meeting"], board["owner"])
    with pytest.raises(ValidationError) as caught:
        close(engine, board["chair"], dropped, "dropped")
    assert caught.value.errors == {"note": ("actions.error.drop_reason", {})}
    close(engine, board["chair"], dropped, "dropped", note="The supplier took it over")
    assert action(engine, dropped).status is ActionStatus.DROPPED


def test_closed_on_is_a_day_that_has_come_since_the_action_was_given(engine, board):
    action_id = give(engine, board["secretary"], board["meeting"], board["owner"])
    for day, problem in (
        (TODAY + timedelta(days=1), "plan.error.date_in_future"),
        (TODAY - timedelta(days=1), "actions.error.closed_before_set"),
    ):
        with pytest.raises(ValidationError) as caught:
            close(engine, board["owner"], action_id, closed_on=day)
        assert caught.value.errors == {"closed_on": (problem, {})}
    with pytest.raises(ValidationError) as caught:
        close(engine, board["owner"], action_id, outcome="open")
    assert set(caught.value.errors) == {"outcome"}
    close(engine, board["owner"], action_id, closed_on=TODAY)
    assert action(engine, action_id).closed_on == TODAY


def test_hostile_action_text_and_notes_are_stored_as_typed(engine, board):
    for hostile in CORPUS:
        action_id = give(engine, board["secretary"], board["meeting"], board["owner"], text=fit(hostile.text, 500))
        close(engine, board["chair"], action_id, "dropped", note=fit(hostile.text, 2_000))
        stored = action(engine, action_id)
        assert (stored.text, stored.closing_note) == (
            fit(hostile.text, 500).strip(),
            fit(hostile.text, 2_000).strip(),
        ), hostile.key
    with pytest.raises(ValidationError) as caught:
        give(engine, board["secretary"], board["meeting"], board["owner"], text="x" * 501)
    assert set(caught.value.errors) == {"text"}
