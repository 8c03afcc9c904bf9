"""The decisions register's write side: a decision and its effect on the initiative commit or roll back together,
supersession and reversal form a chain of the same body, approving minutes locks the earlier meeting, and the
database itself refuses to change or delete a decision — on both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DBAPIError

from cxgov.db import session_scope
from cxgov.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from cxgov.models import (
    AuditEvent,
    Decision,
    DecisionKind,
    Initiative,
    Meeting,
    MeetingStatus,
    Role,
    Status,
    StatusTransition,
)
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.decisions import record_decision
from cxgov.services.lifecycle import move_status
from cxgov.services.meeting_access import meeting_to_change
from tests.factories import add_initiative, add_open_meeting, add_person
from tests.hostile import CORPUS, fit

MEETING_START = datetime(2026, 12, 10, 23, 30, tzinfo=UTC)  # 11 December in Amsterdam


@pytest.fixture
def board(engine):
    """An office secretary, a leader chairing a published meeting of the CX board, and a manager's proposal."""
    secretary = add_person(engine, Role.PROGRAMME_OFFICE, name="Sara Secretary")
    chair = add_person(engine, Role.LEADER, name="Lotte Leader")
    owner = add_person(engine, Role.MANAGER, name="Mila Manager")
    with session_scope(engine, write=True) as session:
        meeting = add_open_meeting(session, starts_at=MEETING_START, chair_id=chair, secretary_id=secretary)
    proposal = add_initiative(engine, owner_id=owner, title="Callback pilot", start_date=date(2026, 10, 1))
    return {"secretary": secretary, "chair": chair, "owner": owner, "meeting": meeting, "proposal": proposal}


def decide(engine, actor, meeting_id, kind, text="Decided in the meeting", **more) -> int:
    with session_scope(engine, write=True) as session:
        return record_decision(session=session, actor=actor, meeting_id=meeting_id, kind=kind, text=text, **more)


def initiative(engine, initiative_id) -> Initiative:
    with session_scope(engine) as session:
        return session.get(Initiative, initiative_id)


def decisions(engine) -> int:
    with session_scope(engine) as session:
        return session.execute(select(func.count()).select_from(Decision)).scalar_one()


def in_status(engine, initiative_id, *moves) -> int:
    """Make `moves` on the initiative as the system; returns its version."""
    for move in moves:
        with session_scope(engine, write=True) as session:
            move_status(
                session=session,
                actor=SYSTEM_ACTOR,
                initiative_id=initiative_id,
                seen_version=initiative(engine, initiative_id).version,
                move=move,
                reason="arrangement",
            )
    return initiative(engine, initiative_id).version


# --- effects ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "arranged", "expected"),
    [
        (DecisionKind.APPROVE, (), Status.APPROVED),
        (DecisionKind.FUND, (), Status.APPROVED),
        (DecisionKind.REJECT, (), Status.REJECTED),
        (DecisionKind.STOP, ("approve",), Status.CANCELLED),
        (DecisionKind.HOLD, ("approve",), Status.ON_HOLD),
        (DecisionKind.RESUME, ("approve", "hold"), Status.APPROVED),
    ],
)
def test_each_kind_takes_effect_with_the_decision_as_the_reason(engine, board, kind, arranged, expected):
    version = in_status(engine, board["proposal"], *arranged)
    decision_id = decide(
        engine,
        board["secretary"],
        board["meeting"],
        kind,
        text=f"The board decides: {kind.value}",
        initiative_id=board["proposal"],
        seen_initiative_version=version,
    )
    assert initiative(engine, board["proposal"]).status is expected
    with session_scope(engine) as session:
        decision = session.get(Decision, decision_id)
        assert (decision.body, decision.chair_id, decision.decided_on) == (
            "CX board",
            board["chair"],
            date(2026, 12, 11),
        )
        assert decision.recorded_by_id == board["secretary"]
        move = session.exec(select(StatusTransition).order_by(StatusTransition.id.desc()).limit(1)).scalar_one()
        assert (move.to_status, move.reason, move.moved_by_id) == (
            expected,
            f"The board decides: {kind.value}",
            board["secretary"],
        )
        created = session.exec(
            select(AuditEvent).where(AuditEvent.entity == "decision", AuditEvent.entity_id == str(decision_id))
        ).scalar_one()
        assert created.action == "create"


def test_a_new_target_date_goes_with_any_kind_and_after_the_status_move(engine, board):
    version = in_status(engine, board["proposal"], "approve")
    decide(
        engine,
        board["secretary"],
        board["meeting"],
        DecisionKind.HOLD,
        text="Pause until the supplier delivers",
        initiative_id=board["proposal"],
        seen_initiative_version=version,
        new_target_date=date(2027, 6, 30),
    )
    after = initiative(engine, board["proposal"])
    assert (after.status, after.target_date, after.version) == (Status.ON_HOLD, date(2027, 6, 30), version + 2)
    with session_scope(engine) as session:
        event = session.exec(
            select(AuditEvent).where(AuditEvent.entity == "initiative", AuditEvent.field == "target_date")
        ).scalar_one()
        assert (event.new_value, event.reason) == ("2027-06-30", "Pause until the supplier delivers")
    decide(
        engine,
        board["secretary"],
        board["meeting"],
        DecisionKind.NOTE,
        initiative_id=board["proposal"],
        seen_initiative_version=version + 2,
        new_target_date=date(2027, 9, 30),
    )
    assert initiative(engine, board["proposal"]).target_date == date(2027, 9, 30)


def test_funding_running_work_records_without_a_status_move_and_needs_no_version(engine, board):
    in_status(engine, board["proposal"], "approve")
    decide(engine, board["secretary"], board["meeting"], DecisionKind.FUND, initiative_id=board["proposal"])
    assert initiative(engine, board["proposal"]).status is Status.APPROVED
    assert decisions(engine) == 1


def test_approving_what_is_not_a_proposal_is_refused_with_its_reason(engine, board):
    version = in_status(engine, board["proposal"], "approve")
    with pytest.raises(ValidationError) as caught:
        decide(
            engine,
            board["secretary"],
            board["meeting"],
            DecisionKind.APPROVE,
            initiative_id=board["proposal"],
            seen_initiative_version=version,
        )
    assert caught.value.errors["kind"][0] == "decisions.error.approve_needs_proposal"
    assert "Approved" in caught.value.message("en")
    assert decisions(engine) == 0


@pytest.mark.parametrize("seen", [None, 1])
def test_a_stale_or_missing_initiative_version_is_a_conflict_and_nothing_is_recorded(engine, board, seen):
    version = in_status(engine, board["proposal"], "approve")
    assert version != seen
    with pytest.raises(ConflictError):
        decide(
            engine,
            board["secretary"],
            board["meeting"],
            DecisionKind.HOLD,
            initiative_id=board["proposal"],
            seen_initiative_version=seen,
            new_target_date=date(2027, 1, 31),
        )
    after = initiative(engine, board["proposal"])
    assert (after.status, after.target_date, after.version) == (Status.APPROVED, None, version)
    assert decisions(engine) == 0


def test_a_refused_effect_leaves_no_decision(engine, board):
    """A leader chairs the meeting (so may record decisions) but may not put an initiative on hold."""
    version = in_status(engine, board["proposal"], "approve")
    with pytest.raises(PermissionDenied):
        decide(
            engine,
            board["chair"],
            board["meeting"],
            DecisionKind.HOLD,
            initiative_id=board["proposal"],
            seen_initiative_version=version,
        )
    assert decisions(engine) == 0
    assert initiative(engine, board["proposal"]).status is Status.APPROVED
    # … while approving a proposal is a leader's right: the chair records that one.
    other = add_initiative(engine, owner_id=board["owner"], title="Chat pilot")
    decide(
        engine, board["chair"], board["meeting"], DecisionKind.APPROVE, initiative_id=other, seen_initiative_version=1
    )
    assert initiative(engine, other).status is Status.APPROVED


def test_a_target_date_before_the_start_is_refused(engine, board):
    with pytest.raises(ValidationError) as caught:
        decide(
            engine,
            board["secretary"],
            board["meeting"],
            DecisionKind.NOTE,
            initiative_id=board["proposal"],
            seen_initiative_version=1,
            new_target_date=date(2026, 9, 1),
        )
    assert set(caught.value.errors) == {"new_target_date"}
    assert decisions(engine) == 0


# --- who may record, and when ------------------------------------------------------------------------------


def test_only_who_runs_the_meeting_records_and_only_while_it_runs(engine, board):
    other_leader = add_person(engine, Role.LEADER)
    with pytest.raises(PermissionDenied):
        decide(engine, other_leader, board["meeting"], DecisionKind.NOTE)
    with session_scope(engine, write=True) as session:
        draft = add_open_meeting(
            session, status=MeetingStatus.DRAFT, chair_id=board["chair"], secretary_id=board["secretary"]
        )
    with pytest.raises(DomainError) as caught:
        decide(engine, board["secretary"], draft, DecisionKind.NOTE)
    assert caught.value.key == "decisions.error.meeting_not_running"
    decide(engine, board["chair"], board["meeting"], DecisionKind.NOTE)
    assert decisions(engine) == 1


def test_inconsistent_fields_are_refused_per_field(engine, board):
    with pytest.raises(ValidationError) as caught:
        decide(
            engine,
            board["secretary"],
            board["meeting"],
            DecisionKind.HOLD,
            reverses=True,
            new_target_date=date(2027, 1, 1),
            approves_minutes_of_id=board["meeting"],
        )
    assert set(caught.value.errors) == {"reverses", "new_target_date", "approves_minutes_of_id", "initiative_id"}
    with pytest.raises(ValidationError) as caught:
        decide(engine, board["secretary"], board["meeting"], DecisionKind.NOTE, text="  ")
    assert set(caught.value.errors) == {"text"}


# --- supersession ------------------------------------------------------------------------------------------


def test_supersede_and_reverse_form_a_chain_and_a_decision_is_superseded_once(engine, board):
    first = decide(engine, board["secretary"], board["meeting"], DecisionKind.DEFER, text="Defer the chat pilot")
    second = decide(
        engine, board["secretary"], board["meeting"], DecisionKind.NOTE, text="Correction", supersedes_id=first
    )
    with pytest.raises(ValidationError) as caught:
        decide(engine, board["secretary"], board["meeting"], DecisionKind.NOTE, supersedes_id=first)
    assert caught.value.errors["supersedes_id"] == ("decisions.error.already_superseded", {"by": second})
    third = decide(engine, board["secretary"], board["meeting"], DecisionKind.NOTE, supersedes_id=second, reverses=True)
    with session_scope(engine) as session:
        chain = session.exec(select(Decision.id, Decision.supersedes_id, Decision.reverses).order_by(Decision.id)).all()
    assert [tuple(row) for row in chain] == [(first, None, False), (second, first, False), (third, second, True)]


def test_only_a_decision_of_the_same_body_is_superseded(engine, board):
    with session_scope(engine, write=True) as session:
        steering = add_open_meeting(
            session, body="Service steering group", chair_id=board["chair"], secretary_id=board["secretary"]
        )
    theirs = decide(engine, board["secretary"], steering, DecisionKind.NOTE)
    with pytest.raises(ValidationError) as caught:
        decide(engine, board["secretary"], board["meeting"], DecisionKind.NOTE, supersedes_id=theirs)
    assert caught.value.errors["supersedes_id"][0] == "decisions.error.other_body"
    with pytest.raises(ValidationError) as caught:
        decide(engine, board["secretary"], board["meeting"], DecisionKind.NOTE, supersedes_id=999_999)
    assert caught.value.errors["supersedes_id"][0] == "error.unknown_reference"


# --- minutes -----------------------------------------------------------------------------------------------


def test_approving_minutes_locks_the_earlier_meeting(engine, board):
    with session_scope(engine, write=True) as session:
        earlier = add_open_meeting(
            session,
            status=MeetingStatus.HELD,
            starts_at=MEETING_START - timedelta(days=91),
            chair_id=board["chair"],
            secretary_id=board["secretary"],
        )
    decide(
        engine,
        board["secretary"],
        board["meeting"],
        DecisionKind.NOTE,
        text="The minutes of the September meeting are approved",
        approves_minutes_of_id=earlier,
    )
    with session_scope(engine) as session:
        locked = session.get(Meeting, earlier)
        assert (locked.status, locked.version) == (MeetingStatus.MINUTES_APPROVED, 2)
        event = session.exec(
            select(AuditEvent).where(AuditEvent.entity == "meeting", AuditEvent.entity_id == str(earlier))
        ).scalar_one()
        assert (event.field, event.new_value) == ("status", "minutes_approved")
    with pytest.raises(DomainError) as caught, session_scope(engine, write=True) as session:
        meeting_to_change(session, board["secretary"], earlier)
    assert caught.value.key == "meeting.error.locked"
    with pytest.raises(ValidationError) as caught:  # approved once: the meeting is no longer held
        decide(engine, board["secretary"], board["meeting"], DecisionKind.NOTE, approves_minutes_of_id=earlier)
    assert caught.value.errors["approves_minutes_of_id"][0] == "decisions.error.minutes_not_held"


@pytest.mark.parametrize(
    ("body", "status", "days", "problem"),
    [
        ("CX board", MeetingStatus.AGENDA_PUBLISHED, -91, "decisions.error.minutes_not_held"),
        ("Service steering group", MeetingStatus.HELD, -91, "decisions.error.other_body"),
        ("CX board", MeetingStatus.HELD, 7, "decisions.error.minutes_of_later_meeting"),
    ],
)
def test_minutes_are_approved_only_of_an_earlier_held_meeting_of_the_body(engine, board, body, status, days, problem):
    with session_scope(engine, write=True) as session:
        other = add_open_meeting(
            session,
            body=body,
            status=status,
            starts_at=MEETING_START + timedelta(days=days),
            chair_id=board["chair"],
            secretary_id=board["secretary"],
        )
    with pytest.raises(ValidationError) as caught:
        decide(engine, board["secretary"], board["meeting"], DecisionKind.NOTE, approves_minutes_of_id=other)
    assert caught.value.errors["approves_minutes_of_id"][0] == problem
    with session_scope(engine) as session:
        assert session.get(Meeting, other).status is status
    with pytest.raises(ValidationError) as caught:
        decide(engine, board["secretary"], board["meeting"], DecisionKind.APPROVE, approves_minutes_of_id=other)
    assert set(caught.value.errors) == {"approves_minutes_of_id", "initiative_id"}  # minutes by a note, of nothing
    assert decisions(engine) == 0


def test_no_decision_is_recorded_at_a_locked_meeting(engine, board):
    with session_scope(engine, write=True) as session:
        locked = add_open_meeting(
            session,
            status=MeetingStatus.MINUTES_APPROVED,
            chair_id=board["chair"],
            secretary_id=board["secretary"],
        )
    with pytest.raises(DomainError) as caught:
        decide(engine, board["secretary"], locked, DecisionKind.NOTE)
    assert caught.value.key == "meeting.error.locked"


# --- insert-only ---------------------------------------------------------------------------------------------


def test_the_database_refuses_to_change_or_delete_a_decision(engine, board):
    decision_id = decide(engine, board["secretary"], board["meeting"], DecisionKind.NOTE, text="As decided")
    for statement in (
        update(Decision).where(Decision.id == decision_id).values(text="As we would rather have decided"),
        delete(Decision).where(Decision.id == decision_id),
    ):
        with pytest.raises(DBAPIError, match="insert-only"), session_scope(engine, write=True) as session:
            session.execute(statement)
    with session_scope(engine) as session:
        assert session.exec(select(Decision.text)).scalars().all() == ["As decided"]


# --- hostile text ------------------------------------------------------------------------------------------


def test_hostile_text_and_rationale_are_stored_as_typed(engine, board):
    for hostile in CORPUS:
        decision_id = decide(
            engine,
            board["secretary"],
            board["meeting"],
            DecisionKind.NOTE,
            text=fit(hostile.text, 2_000),
            rationale=fit(hostile.text, 10_000),
        )
        with session_scope(engine) as session:
            stored = session.get(Decision, decision_id)
            assert (stored.text, stored.rationale) == (
                fit(hostile.text, 2_000).strip(),
                fit(hostile.text, 10_000).strip(),
            ), hostile.key
    with pytest.raises(ValidationError) as caught:
        decide(engine, board["secretary"], board["meeting"], DecisionKind.NOTE, text="a\x00b", rationale="x" * 10_001)
    assert set(caught.value.errors) == {"text", "rationale"}
