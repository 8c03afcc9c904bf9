"""The lifecycle: the status changes only through its moves (rights, rules, reasons), never as a form field — on
both databases. The edit form once let a manager fund their own proposal and then start Do."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import ConflictError, PermissionDenied, ValidationError
from cxgov.models import AuditEvent, Initiative, PdcaCycle, Role, Status, StatusMove, StatusTransition
from cxgov.queries.my_work import my_work
from cxgov.rules import lifecycle
from cxgov.rules.lifecycle import StatusFacts
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.initiatives import update_initiative
from cxgov.services.lifecycle import move_status
from cxgov.services.pdca import complete_quick_fix, decide_act, move_to_next_phase
from tests.factories import add_initiative, add_person, approve_and_move

# --- the rules ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "possible"),
    [
        (Status.PROPOSED, [StatusMove.APPROVE, StatusMove.ASK_INFO, StatusMove.REJECT, StatusMove.CANCEL]),
        (Status.APPROVED, [StatusMove.HOLD, StatusMove.CANCEL]),
        (Status.ACTIVE, [StatusMove.HOLD, StatusMove.CANCEL]),
        (Status.ON_HOLD, [StatusMove.RESUME, StatusMove.CANCEL]),
        (Status.COMPLETED, []),
        (Status.REJECTED, []),
        (Status.CANCELLED, []),
    ],
)
def test_moves_start_only_from_their_statuses(status, possible):
    assert lifecycle.possible_moves(StatusFacts(status=status)) == possible


def test_asking_waits_for_the_answer_and_resuming_returns_where_the_hold_came_from():
    asked = lifecycle.facts_from(Status.PROPOSED, [(StatusMove.ASK_INFO, Status.PROPOSED)])
    assert lifecycle.possible_moves(asked) == [
        StatusMove.APPROVE,
        StatusMove.REJECT,
        StatusMove.ANSWER_INFO,
        StatusMove.CANCEL,
    ]
    answered = lifecycle.facts_from(
        Status.PROPOSED, [(StatusMove.ANSWER_INFO, Status.PROPOSED), (StatusMove.ASK_INFO, Status.PROPOSED)]
    )
    assert StatusMove.ANSWER_INFO not in lifecycle.possible_moves(answered)
    held = lifecycle.facts_from(
        Status.ON_HOLD, [(StatusMove.HOLD, Status.APPROVED), (StatusMove.APPROVE, Status.PROPOSED)]
    )
    assert lifecycle.destination(StatusMove.RESUME, held) is Status.APPROVED


# --- the services ------------------------------------------------------------------------------------------


def _run(engine, function, actor, **kwargs):
    with session_scope(engine, write=True) as session:
        return function(session=session, actor=actor, **kwargs)


def _initiative(engine, initiative_id) -> Initiative:
    with session_scope(engine) as session:
        return session.get(Initiative, initiative_id)


def _move(engine, actor, initiative_id, move, reason="Recorded reason"):
    return _run(
        engine,
        move_status,
        actor,
        initiative_id=initiative_id,
        seen_version=_initiative(engine, initiative_id).version,
        move=move,
        reason=reason,
    )


def _history(engine, initiative_id) -> list[tuple]:
    with session_scope(engine) as session:
        return [
            (t.move.value, t.from_status.value, t.to_status.value, t.reason)
            for t in session.exec(
                select(StatusTransition)
                .where(StatusTransition.initiative_id == initiative_id)
                .order_by(StatusTransition.id)
            )
        ]


@pytest.fixture
def people(engine):
    return {
        "manager": add_person(engine, Role.MANAGER, name="Mila Manager"),
        "leader": add_person(engine, Role.LEADER, name="Lotte Leader"),
        "contributor": add_person(engine, Role.CONTRIBUTOR, name="Cas Contributor"),
    }


@pytest.mark.parametrize("status", ["approved", "active"])
def test_a_manager_cannot_fund_their_own_proposal_through_the_edit_form(engine, people, status):
    """The defect: update_initiative accepted status approved/active from the owner, and Plan → Do then skipped
    the funding gate. Now the status field of an edit must stay what it is, for every role."""
    owner = people["manager"]
    initiative_id = add_initiative(engine, owner_id=owner, title="Fund myself")
    data = {"title": "Fund myself", "discipline": "design", "owner_id": owner, "status": status, "phase": "plan"}
    for actor in (owner, SYSTEM_ACTOR):
        with pytest.raises(ValidationError) as refused:
            _run(
                engine,
                update_initiative,
                actor,
                initiative_id=initiative_id,
                seen_version=_initiative(engine, initiative_id).version,
                data=data,
            )
        assert refused.value.errors["status"][0] == "lifecycle.error.status_by_move"
    assert _initiative(engine, initiative_id).status is Status.PROPOSED
    with pytest.raises(ValidationError) as gate:
        _run(
            engine,
            move_to_next_phase,
            owner,
            initiative_id=initiative_id,
            seen_version=_initiative(engine, initiative_id).version,
            override_reason="in a hurry",
        )
    assert gate.value.errors["status"][0] == "pdca.error.needs_approval"
    with pytest.raises(PermissionDenied):  # and approving is not theirs either
        _move(engine, owner, initiative_id, "approve")


def test_each_move_records_who_when_from_to_and_why(engine, people):
    initiative_id = add_initiative(engine, owner_id=people["manager"])
    assert _move(engine, people["leader"], initiative_id, "approve", "Board of 12 Nov") is Status.APPROVED
    assert _move(engine, people["manager"], initiative_id, "hold", "Carrier contract delayed") is Status.ON_HOLD
    assert _move(engine, people["manager"], initiative_id, "resume", "Contract signed") is Status.APPROVED
    assert (
        _move(engine, people["manager"], initiative_id, "cancel", "Replaced by the returns portal") is Status.CANCELLED
    )
    assert _history(engine, initiative_id) == [
        ("approve", "proposed", "approved", "Board of 12 Nov"),
        ("hold", "approved", "on_hold", "Carrier contract delayed"),
        ("resume", "on_hold", "approved", "Contract signed"),
        ("cancel", "approved", "cancelled", "Replaced by the returns portal"),
    ]
    with session_scope(engine) as session:
        changes = session.exec(
            select(AuditEvent.actor_name, AuditEvent.old_value, AuditEvent.new_value, AuditEvent.reason)
            .where(AuditEvent.entity == "initiative", AuditEvent.field == "status")
            .order_by(AuditEvent.seq)
        ).all()
    assert changes[0] == ("Lotte Leader", "proposed", "approved", "Board of 12 Nov")
    assert len(changes) == 4


def test_a_hold_of_running_work_resumes_to_active(engine, people):
    initiative_id = add_initiative(engine, owner_id=people["manager"])
    approve_and_move(engine, initiative_id, 1)
    _move(engine, people["manager"], initiative_id, "hold")
    assert _move(engine, people["manager"], initiative_id, "resume") is Status.ACTIVE


def test_an_initiative_put_on_hold_before_holds_were_recorded_resumes_where_its_work_stood(engine, people):
    waiting = add_initiative(engine, owner_id=people["manager"], title="Held before start")
    started = add_initiative(engine, owner_id=people["manager"], title="Held while running")
    with session_scope(engine, write=True) as session:
        session.get(Initiative, waiting).status = Status.ON_HOLD
        session.get(Initiative, started).status = Status.ON_HOLD
        cycle = session.exec(select(PdcaCycle).where(PdcaCycle.initiative_id == started)).one()
        cycle.do_started_on = date(2026, 9, 1)
    assert _move(engine, people["manager"], waiting, "resume") is Status.APPROVED
    assert _move(engine, people["manager"], started, "resume") is Status.ACTIVE


@pytest.mark.parametrize(
    ("move", "status"),
    [
        ("approve", "approved"),
        ("reject", "rejected"),
        ("resume", "proposed"),
        ("hold", "proposed"),
        ("answer_info", "proposed"),
    ],
)
def test_a_move_from_the_wrong_status_is_refused_with_the_status_named(engine, people, move, status):
    initiative_id = add_initiative(engine, owner_id=people["manager"])
    if status != "proposed":
        _move(engine, people["leader"], initiative_id, "approve" if status == "approved" else "reject")
    actor = people["leader"] if move in ("approve", "reject") else people["manager"]
    version = _initiative(engine, initiative_id).version
    with pytest.raises(ValidationError) as refused:
        _move(engine, actor, initiative_id, move)
    assert refused.value.errors["move"][0] in ("lifecycle.error.not_from_status", "lifecycle.error.no_question")
    assert _initiative(engine, initiative_id).version == version


def test_a_move_needs_its_reason_and_the_version_the_person_saw(engine, people):
    initiative_id = add_initiative(engine, owner_id=people["manager"])
    with pytest.raises(ValidationError) as no_reason:
        _move(engine, people["leader"], initiative_id, "approve", reason="   ")
    assert no_reason.value.errors["reason"][0] == "error.required"
    stale = _initiative(engine, initiative_id).version
    _move(engine, people["manager"], initiative_id, "cancel", "Withdrawn")
    with pytest.raises(ConflictError):
        _run(
            engine,
            move_status,
            people["leader"],
            initiative_id=initiative_id,
            seen_version=stale,
            move="approve",
            reason="Board",
        )
    assert _initiative(engine, initiative_id).status is Status.CANCELLED


def _work(engine, person_id, may_approve=False):
    with session_scope(engine) as session:
        frame = my_work(
            session,
            person_id=person_id,
            may_approve=may_approve,
            today=date.today(),
            cadence_days=30,
            spend_tolerance_pct=10,
        )
    return [(kind, subject) for kind, subject in zip(frame["kind"], frame["subject"], strict=True)]


def test_a_question_goes_to_the_owner_and_the_answer_back_to_the_approvers(engine, people):
    """Any role may propose, so a contributor who owns a proposal answers the question about it."""
    owner = people["contributor"]
    initiative_id = add_initiative(engine, owner_id=owner, title="Callback within 24 hours")
    assert _work(engine, people["leader"], may_approve=True) == [("approval_waiting", "")]
    _move(engine, people["leader"], initiative_id, "ask_info", "What does the pilot cost?")
    assert _work(engine, owner) == [("info_requested", "What does the pilot cost?")]
    assert _work(engine, people["leader"], may_approve=True) == []  # waiting for the owner, not the board
    with pytest.raises(ValidationError) as twice:
        _move(engine, people["leader"], initiative_id, "ask_info", "And the timing?")
    assert twice.value.errors["move"][0] == "lifecycle.error.question_open"
    with pytest.raises(PermissionDenied):  # only those who manage the proposal answer for it
        _move(engine, people["manager"], initiative_id, "answer_info", "Not my proposal")
    _move(engine, owner, initiative_id, "answer_info", "€ 4.500 for one region")
    assert _work(engine, owner) == []
    assert _work(engine, people["leader"], may_approve=True) == [("approval_waiting", "€ 4.500 for one region")]
    assert _initiative(engine, initiative_id).status is Status.PROPOSED


def test_the_pdca_moves_that_change_the_status_are_in_the_status_history(engine, people):
    project = add_initiative(engine, owner_id=people["manager"], title="A project")
    approve_and_move(engine, project, 3)
    _run(
        engine,
        decide_act,
        people["manager"],
        initiative_id=project,
        seen_version=_initiative(engine, project).version,
        decision="standardise",
        lesson="Cards work",
    )
    assert [m for m, *_ in _history(engine, project)] == ["approve", "start", "complete"]
    stopped = add_initiative(engine, owner_id=people["manager"], title="Stopped project")
    approve_and_move(engine, stopped, 3)
    _run(
        engine,
        decide_act,
        people["manager"],
        initiative_id=stopped,
        seen_version=_initiative(engine, stopped).version,
        decision="abandon",
        lesson="No effect",
    )
    assert _history(engine, stopped)[-1][:3] == ("cancel", "active", "cancelled")
    quick = add_initiative(engine, owner_id=people["manager"], title="A quick fix", lane="quick_fix")
    _run(
        engine,
        complete_quick_fix,
        people["manager"],
        initiative_id=quick,
        seen_version=_initiative(engine, quick).version,
        result="Calls stopped",
    )
    assert _history(engine, quick) == [("complete", "proposed", "completed", "Calls stopped")]
