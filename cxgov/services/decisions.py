"""The decisions register's write side: a meeting records a decision, which takes effect on its initiative in the
same transaction (through the status moves and the version-checked update), may supersede or reverse an earlier
decision of the same body, and may approve an earlier meeting's minutes, which locks that meeting.

Decisions are insert-only (the database refuses UPDATE and DELETE): a correction is a new decision superseding
the old one, and its status (active, superseded, reversed) is read from that chain.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from cxgov.dates import day_in
from cxgov.errors import DomainError, ValidationError
from cxgov.models import (
    AgendaItem,
    Decision,
    DecisionKind,
    Initiative,
    Kpi,
    Meeting,
    MeetingStatus,
    Person,
    Status,
    StatusMove,
)
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_decisions import DecisionInput
from cxgov.rules.meetings import MEETING_MOVES
from cxgov.rules.permissions import Action, authorise
from cxgov.services.initiative_access import initiative_to_change
from cxgov.services.lifecycle import move_status
from cxgov.services.meeting_access import meeting_relations, meeting_to_change, move_meeting_on
from cxgov.services.unit import Actor, audit_created, check_version, get_or_404, versioned_update
from cxgov.settings import get_settings

# The status move each kind of decision makes on its initiative (funding a running initiative moves nothing).
STATUS_MOVES: dict[DecisionKind, StatusMove] = {
    DecisionKind.APPROVE: StatusMove.APPROVE,
    DecisionKind.FUND: StatusMove.APPROVE,
    DecisionKind.REJECT: StatusMove.REJECT,
    DecisionKind.STOP: StatusMove.CANCEL,
    DecisionKind.HOLD: StatusMove.HOLD,
    DecisionKind.RESUME: StatusMove.RESUME,
}
# Decisions are taken in the meeting, so while its agenda is published or once it is held.
RECORDING_STATUSES = frozenset({MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD})


def meeting_day(meeting: Meeting) -> date:
    """The day the meeting is held, on the installation's clock."""
    return day_in(meeting.starts_at, get_settings().time_zone)


def record_decision(
    *,
    session: Session,
    actor: Actor,
    meeting_id: int,
    kind: DecisionKind | str,
    text: str,
    rationale: str = "",
    agenda_item_id: int | None = None,
    initiative_id: int | None = None,
    seen_initiative_version: int | None = None,
    kpi_id: int | None = None,
    review_on: date | None = None,
    new_target_date: date | None = None,
    supersedes_id: int | None = None,
    reverses: bool = False,
    approves_minutes_of_id: int | None = None,
) -> int:
    """Record one decision of the meeting and make its effects, all or nothing; returns the decision's id."""
    values = parse_input(
        DecisionInput,
        {
            "kind": kind,
            "text": text,
            "rationale": rationale,
            "agenda_item_id": agenda_item_id,
            "initiative_id": initiative_id,
            "seen_initiative_version": seen_initiative_version,
            "kpi_id": kpi_id,
            "review_on": review_on,
            "new_target_date": new_target_date,
            "supersedes_id": supersedes_id,
            "reverses": reverses,
            "approves_minutes_of_id": approves_minutes_of_id,
        },
    )
    _refuse_inconsistent(values)
    person, meeting = meeting_to_change(session, actor, meeting_id)
    if meeting.status not in RECORDING_STATUSES:
        raise DomainError("decisions.error.meeting_not_running", status=f"enum.meetingstatus.{meeting.status.value}")
    _check_references(session, meeting, values)
    _refuse_unless_active(session, person, meeting, values.supersedes_id)
    earlier = _meeting_to_approve(session, person, meeting, values.approves_minutes_of_id)
    if values.initiative_id is not None:
        _take_effect(session, actor, values)
    decision = Decision(
        meeting_id=meeting.id,
        body=meeting.body,
        chair_id=meeting.chair_id,
        decided_on=meeting_day(meeting),
        recorded_by_id=person.id if person else None,
        **values.model_dump(exclude={"seen_initiative_version"}),
    )
    session.add(decision)
    session.flush()
    audit_created(session, person=person, entity="decision", row=decision)
    if earlier is not None:
        move_meeting_on(session, person, earlier, earlier.version, status=MeetingStatus.MINUTES_APPROVED)
    return decision.id


def _refuse_inconsistent(values: DecisionInput) -> None:
    """Fields that only make sense together."""
    errors = {}
    if values.reverses and values.supersedes_id is None:
        errors["reverses"] = "decisions.error.reverses_what"
    if values.new_target_date is not None and values.initiative_id is None:
        errors["new_target_date"] = "decisions.error.target_needs_initiative"
    if values.kind in STATUS_MOVES and values.initiative_id is None:  # approving or stopping something names it
        errors["initiative_id"] = (
            "decisions.error.kind_needs_initiative",
            {"kind": f"enum.decisionkind.{values.kind.value}"},
        )
    if values.approves_minutes_of_id is not None and values.kind is not DecisionKind.NOTE:
        errors["approves_minutes_of_id"] = "decisions.error.minutes_by_note"
    if errors:
        raise ValidationError(errors)


def _check_references(session: Session, meeting: Meeting, values: DecisionInput) -> None:
    """The agenda item is one of this meeting's; the initiative and the KPI exist."""
    errors = {}
    if values.agenda_item_id is not None:
        item = session.get(AgendaItem, values.agenda_item_id)
        if item is None or item.meeting_id != meeting.id:
            errors["agenda_item_id"] = "decisions.error.item_of_other_meeting"
    for field, model in (("initiative_id", Initiative), ("kpi_id", Kpi)):
        ref_id = getattr(values, field)
        if ref_id is not None and session.get(model, ref_id) is None:
            errors[field] = "error.unknown_reference"
    if errors:
        raise ValidationError(errors)


def _refuse_unless_active(session: Session, person: Person | None, meeting: Meeting, decision_id: int | None) -> None:
    """The decision this one supersedes is the same body's, taken at this meeting or an earlier one that the
    acting person may run too (a body's name is free text: chairing a meeting of the same name is not enough),
    and still active (nothing supersedes it yet)."""
    if decision_id is None:
        return
    earlier = session.get(Decision, decision_id)
    if earlier is None:
        raise ValidationError({"supersedes_id": "error.unknown_reference"})
    if earlier.body != meeting.body:
        raise ValidationError({"supersedes_id": ("decisions.error.other_body", {"body": earlier.body})})
    if earlier.meeting_id is not None and earlier.meeting_id != meeting.id:
        taken_at = session.get(Meeting, earlier.meeting_id)
        if taken_at.starts_at > meeting.starts_at:
            raise ValidationError({"supersedes_id": "decisions.error.later_decision"})
        may_run_too(session, person, taken_at)
    successor = session.exec(select(Decision.id).where(Decision.supersedes_id == decision_id)).first()
    if successor is not None:
        raise ValidationError({"supersedes_id": ("decisions.error.already_superseded", {"by": successor})})


def may_run_too(session: Session, person: Person | None, other: Meeting) -> None:
    """The acting person may run that other meeting as well (the programme office, admins, its chair)."""
    authorise(person, Action.RUN_MEETING, meeting_relations(session, other, person), target=("meeting", other.id))


def _meeting_to_approve(session: Session, person, meeting: Meeting, earlier_id: int | None) -> Meeting | None:
    """The earlier meeting whose minutes this note approves: held (its minutes not yet approved), of the same
    body, and before this one. Held (PostgreSQL) so nothing changes it while its minutes are approved."""
    if earlier_id is None:
        return None
    earlier = get_or_404(session, Meeting, "meeting", earlier_id, lock=True)
    if earlier.body != meeting.body:
        problem = ("decisions.error.other_body", {"body": earlier.body})
    elif earlier.starts_at >= meeting.starts_at:
        problem = ("decisions.error.minutes_of_later_meeting", {})
    elif MeetingStatus.MINUTES_APPROVED not in MEETING_MOVES[earlier.status]:
        problem = ("decisions.error.minutes_not_held", {"status": f"enum.meetingstatus.{earlier.status.value}"})
    else:
        may_run_too(session, person, earlier)
        return earlier
    raise ValidationError({"approves_minutes_of_id": problem})


def _take_effect(session: Session, actor: Actor, values: DecisionInput) -> None:
    """The decision's status move and new target date on its initiative, with the decision's text as the reason,
    through the services that make them (their rights and rules apply). An effect needs the version of the
    initiative the secretary saw: an old page is a conflict before anything is decided."""
    initiative = get_or_404(session, Initiative, "initiative", values.initiative_id, lock=True)
    move = STATUS_MOVES.get(values.kind)
    if values.kind is DecisionKind.FUND and initiative.status is not Status.PROPOSED:
        move = None  # more money for running work: recorded, no status to change
    if move is None and values.new_target_date is None:
        return
    check_version(session, "initiative", initiative, values.seen_initiative_version)
    if values.kind is DecisionKind.APPROVE and initiative.status is not Status.PROPOSED:
        raise ValidationError(
            {"kind": ("decisions.error.approve_needs_proposal", {"status": f"enum.status.{initiative.status.value}"})}
        )
    version = values.seen_initiative_version
    if move is not None:
        move_status(
            session=session,
            actor=actor,
            initiative_id=initiative.id,
            seen_version=version,
            move=move,
            reason=values.text,
        )
        version += 1
    if values.new_target_date is not None:
        _change_target_date(session, actor, initiative.id, version, values.new_target_date, values.text)


def _change_target_date(
    session: Session, actor: Actor, initiative_id: int, seen_version: int, target: date, reason: str
) -> None:
    """The target date as the edit form changes it: the right to edit the initiative, its version, and never
    before its start date."""
    person, initiative = initiative_to_change(
        session, actor, initiative_id, (Action.EDIT_INITIATIVE,), seen_version=seen_version
    )
    if initiative.start_date is not None and target < initiative.start_date:
        raise ValidationError({"new_target_date": "error.dates_order"})
    versioned_update(
        session,
        person=person,
        model=Initiative,
        entity="initiative",
        row=initiative,
        seen_version=seen_version,
        values={"target_date": target},
        reason=reason,
    )
