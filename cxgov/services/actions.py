"""Action items: a meeting gives someone an action (what, who, by when), may change it while it is open, and
its owner reports it done — or the meeting drops it, with a reason. Closing goes on after the meeting's minutes
are approved: the follow-up continues at the next meeting."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session

from cxgov.dates import day_in, days_after, today_in
from cxgov.errors import DomainError, ValidationError
from cxgov.models import ActionItem, ActionStatus, AgendaItem, Decision, Initiative, Meeting
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_decisions import ActionInput, CloseActionInput, NewActionInput
from cxgov.rules.permissions import Action, Relation, authorise
from cxgov.services.decisions import RECORDING_STATUSES, meeting_day
from cxgov.services.initiatives import person_problems
from cxgov.services.meeting_access import meeting_relations, meeting_to_change
from cxgov.services.unit import Actor, acting_person, audit_created, check_version, get_or_404, versioned_update
from cxgov.settings import get_settings

CHANGEABLE = ("text", "owner_id", "due_on")

# An action done is reported within a week: a later report may not date it earlier than that, or a late action
# would be closed "on time" and flatter the say/do ratio.
BACKDATING_DAYS = 7


def add_action(
    *,
    session: Session,
    actor: Actor,
    meeting_id: int,
    text: str,
    owner_id: int,
    due_on: date,
    agenda_item_id: int | None = None,
    decision_id: int | None = None,
    initiative_id: int | None = None,
) -> int:
    """Give someone an action at a meeting that is running; returns its id."""
    values = parse_input(
        NewActionInput,
        {
            "text": text,
            "owner_id": owner_id,
            "due_on": due_on,
            "agenda_item_id": agenda_item_id,
            "decision_id": decision_id,
            "initiative_id": initiative_id,
        },
    )
    person, meeting = meeting_to_change(session, actor, meeting_id)
    if meeting.status not in RECORDING_STATUSES:
        raise DomainError("actions.error.meeting_not_running", status=f"enum.meetingstatus.{meeting.status.value}")
    errors = _action_problems(session, meeting, values) | _link_problems(session, meeting, values)
    if errors:
        raise ValidationError(errors)
    action = ActionItem(meeting_id=meeting.id, updated_by_id=person.id if person else None, **values.model_dump())
    session.add(action)
    session.flush()
    audit_created(session, person=person, entity="action_item", row=action)
    return action.id


def update_action(*, session: Session, actor: Actor, action_id: int, seen_version: int | None, changes: dict) -> None:
    """Change an open action's text, owner or due date, while its meeting is not locked."""
    action = get_or_404(session, ActionItem, "action_item", action_id)
    person, meeting = meeting_to_change(session, actor, action.meeting_id)  # the meeting is held first
    check_version(session, "action_item", action, seen_version)
    values = parse_input(ActionInput, {name: getattr(action, name) for name in CHANGEABLE} | changes)
    _refuse_closed(action)
    errors = _action_problems(session, meeting, values)
    if values.due_on != action.due_on and action.due_on < today_in(get_settings().time_zone):
        # an overdue action keeps its due date, so the say/do ratio still counts it; the board drops it instead
        errors["due_on"] = "actions.error.overdue_stays_due"
    if errors:
        raise ValidationError(errors)
    versioned_update(
        session,
        person=person,
        model=ActionItem,
        entity="action_item",
        row=action,
        seen_version=seen_version,
        values=values.model_dump(),
    )


def close_action(
    *,
    session: Session,
    actor: Actor,
    action_id: int,
    seen_version: int | None,
    outcome: ActionStatus | str,
    note: str = "",
    closed_on: date | None = None,
) -> None:
    """Close an open action: done (by its owner, or whoever runs its meeting) or dropped with a reason (by whoever
    runs its meeting only). Closed today unless another day that has come is given, never before it was set."""
    today = today_in(get_settings().time_zone)
    values = parse_input(CloseActionInput, {"outcome": outcome, "note": note, "closed_on": closed_on or today})
    person = acting_person(session, actor)
    action = get_or_404(session, ActionItem, "action_item", action_id, lock=True)
    meeting = get_or_404(session, Meeting, "meeting", action.meeting_id)
    relations = meeting_relations(session, meeting, person)
    if values.outcome is ActionStatus.DONE:
        owning = {Relation.OWNER} if person is not None and action.owner_id == person.id else set()
        authorise(person, Action.CLOSE_ACTION, relations | owning, target=("action_item", action_id))
    else:  # dropping an action is the meeting's to decide
        authorise(person, Action.RUN_MEETING, relations, target=("action_item", action_id))
    check_version(session, "action_item", action, seen_version)
    _refuse_closed(action)
    errors = {}
    if values.outcome is ActionStatus.DROPPED and not values.note:
        errors["note"] = "actions.error.drop_reason"
    if values.closed_on > today:
        errors["closed_on"] = "plan.error.date_in_future"
    elif values.closed_on < days_after(today, -BACKDATING_DAYS):
        errors["closed_on"] = ("actions.error.closed_long_ago", {"days": BACKDATING_DAYS})
    elif values.closed_on < day_in(action.created_at, get_settings().time_zone):
        errors["closed_on"] = "actions.error.closed_before_set"
    if errors:
        raise ValidationError(errors)
    versioned_update(
        session,
        person=person,
        model=ActionItem,
        entity="action_item",
        row=action,
        seen_version=seen_version,
        values={
            "status": values.outcome,
            "closed_on": values.closed_on,
            "closing_note": values.note,
            "closed_by_id": person.id if person else None,
        },
    )


def _refuse_closed(action: ActionItem) -> None:
    if action.status is not ActionStatus.OPEN:
        raise DomainError("actions.error.closed", status=f"enum.actionstatus.{action.status.value}")


def _action_problems(session: Session, meeting: Meeting, values: ActionInput) -> dict[str, Any]:
    """The owner is an active person; the action is due on or after the meeting that set it."""
    errors = person_problems(session, owner_id=values.owner_id)
    if values.due_on < meeting_day(meeting):
        errors["due_on"] = "actions.error.due_before_meeting"
    return errors


def _link_problems(session: Session, meeting: Meeting, values: NewActionInput) -> dict[str, Any]:
    """The agenda item and the decision it came from are this meeting's; the initiative exists."""
    errors: dict[str, Any] = {}
    for field, model in (("agenda_item_id", AgendaItem), ("decision_id", Decision)):
        ref_id = getattr(values, field)
        row = session.get(model, ref_id) if ref_id is not None else None
        if ref_id is not None and (row is None or row.meeting_id != meeting.id):
            errors[field] = "actions.error.link_of_other_meeting"
    if values.initiative_id is not None and session.get(Initiative, values.initiative_id) is None:
        errors["initiative_id"] = "error.unknown_reference"
    return errors
