"""Status moves: approve, reject, ask the owner for more information (and their answer), put on hold, resume,
cancel — each with its right, its rule (cxgov.rules.lifecycle) and a reason, guarded by the initiative's version and
recorded in the initiative's status history and the audit log.

The PDCA services record their own status moves here too (work started, completed, stopped), so the history is
complete whichever service changed the status.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func
from sqlmodel import Session, select

from cxgov import audit
from cxgov.errors import ValidationError
from cxgov.models import Initiative, PdcaCycle, Person, Status, StatusMove, StatusTransition
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_pdca import StatusMoveInput
from cxgov.rules import lifecycle
from cxgov.rules.lifecycle import MOVES, StatusFacts
from cxgov.services.initiative_access import initiative_to_change, move_initiative_on
from cxgov.services.unit import Actor, audit_actor, audit_created


def move_status(
    *, session: Session, actor: Actor, initiative_id: int, seen_version: int | None, move: StatusMove | str, reason: str
) -> Status:
    """Make one status move with its reason (the question or the answer, for asking and answering); returns the
    status after it. Refused when the move does not start from the current status or the person lacks its right."""
    values = parse_input(StatusMoveInput, {"move": move, "reason": reason})
    person, initiative = initiative_to_change(  # an old page is a conflict, not a rule
        session, actor, initiative_id, (MOVES[values.move].action,), seen_version=seen_version
    )
    facts = status_facts(session, initiative)
    why = lifecycle.problem(values.move, facts)
    if why is not None:
        raise ValidationError(
            {
                "move": (
                    why,
                    {"move": f"enum.statusmove.{values.move.value}", "status": f"enum.status.{facts.status.value}"},
                )
            }
        )
    to_status = lifecycle.destination(values.move, facts)
    move_initiative_on(session, person, initiative, seen_version, status=to_status)
    record_status_move(session, person, initiative_id, values.move, facts.status, to_status, values.reason)
    return to_status


def status_facts(session: Session, initiative: Initiative) -> StatusFacts:
    """The facts the moves look at, from the initiative's status history."""
    history = session.exec(
        select(StatusTransition.move, StatusTransition.from_status)
        .where(StatusTransition.initiative_id == initiative.id)
        .order_by(StatusTransition.id.desc())
    ).all()
    facts = lifecycle.facts_from(initiative.status, [(StatusMove(m), Status(f)) for m, f in history])
    if facts.status is Status.ON_HOLD and facts.held_from is None:
        facts = replace(facts, held_from=_status_before_unrecorded_hold(session, initiative))
    return facts


def _status_before_unrecorded_hold(session: Session, initiative: Initiative) -> Status:
    """An initiative put on hold before holds were recorded: active if its work ever started, else approved."""
    started = session.exec(
        select(func.count())
        .select_from(PdcaCycle)
        .where(PdcaCycle.initiative_id == initiative.id, PdcaCycle.do_started_on.is_not(None))
    ).one()
    return Status.ACTIVE if started else Status.APPROVED


def record_status_move(
    session: Session,
    person: Person | None,
    initiative_id: int,
    move: StatusMove,
    from_status: Status,
    to_status: Status,
    reason: str,
) -> None:
    """Add the move to the initiative's status history and the audit log (with the status change, if any)."""
    transition = StatusTransition(
        initiative_id=initiative_id,
        move=move,
        from_status=from_status,
        to_status=to_status,
        moved_by_id=person.id if person else None,
        reason=reason,
    )
    session.add(transition)
    session.flush()
    audit_created(session, person=person, entity="status_transition", row=transition)
    if to_status is not from_status:
        audit.record(
            session,
            actor=audit_actor(person),
            entity="initiative",
            entity_id=initiative_id,
            action="update",
            field="status",
            old=from_status,
            new=to_status,
            reason=reason,
        )
