"""Plan services: an initiative's milestones and risks, and the actions of its open PDCA cycle's plan.

Each row carries its own version (the page keeps the one the user saw), so editing a milestone never
conflicts with someone editing the initiative itself. Everything here is changing the plan: the edit right
on the initiative (owner or sponsor as manager, programme office, admin) — a team member checks in, but
does not re-plan.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlmodel import Session, SQLModel, select

from cxgov.errors import DomainError, NotFound, ValidationError
from cxgov.models import Initiative, Milestone, PdcaCycle, Person, PlanAction, Risk
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_plan import CloseRiskInput, DoneInput, MilestoneInput, PlanActionInput, RiskInput
from cxgov.services.initiative_access import initiative_to_change
from cxgov.services.initiatives import current_cycle, person_problems
from cxgov.services.unit import Actor, audit_created, check_version, get_or_404, versioned_update

# --- building blocks the team services share ----------------------------------------------------------------


def check_people(session: Session, **person_ids: int | None) -> None:
    """Each named person (field -> id, None skipped) must exist and be active: one error per field."""
    errors = person_problems(session, **person_ids)
    if errors:
        raise ValidationError(errors)


def _day(value: date | str | None) -> date | str:
    return date.today() if value is None else value


# --- milestones ---------------------------------------------------------------------------------------------


def add_milestone(*, session: Session, actor: Actor, initiative_id: int, data: dict[str, Any] | MilestoneInput) -> int:
    """Add a dated milestone to an initiative; returns its id."""
    values = parse_input(MilestoneInput, data)
    person, _ = initiative_to_change(session, actor, initiative_id)
    _refuse_twin_milestone(session, initiative_id, values)
    return _create(session, person, "milestone", Milestone(initiative_id=initiative_id, **values.model_dump()))


def update_milestone(
    *,
    session: Session,
    actor: Actor,
    initiative_id: int,
    milestone_id: int,
    seen_version: int | None,
    data: dict[str, Any] | MilestoneInput,
) -> dict:
    """Change a milestone's title or due date if nobody saved it since `seen_version`; returns the changes."""
    values = parse_input(MilestoneInput, data)
    person, _ = initiative_to_change(session, actor, initiative_id)
    milestone = _milestone(session, initiative_id, milestone_id, seen_version)
    _refuse_twin_milestone(session, initiative_id, values, other_than=milestone_id)
    return versioned_update(
        session,
        person=person,
        model=Milestone,
        entity="milestone",
        row=milestone,
        seen_version=seen_version,
        values=values.model_dump(),
    )


def complete_milestone(
    *,
    session: Session,
    actor: Actor,
    initiative_id: int,
    milestone_id: int,
    seen_version: int | None,
    done_on: date | str | None = None,
) -> None:
    """Mark a milestone done (today unless `done_on` says when)."""
    values = parse_input(DoneInput, {"done_on": _day(done_on)})
    person, _ = initiative_to_change(session, actor, initiative_id)
    _finish(
        session,
        person,
        "milestone",
        _milestone(session, initiative_id, milestone_id, seen_version),
        seen_version,
        values,
    )


def _refuse_twin_milestone(
    session: Session, initiative_id: int, values: MilestoneInput, other_than: int | None = None
) -> None:
    """Refuse a second milestone with the same title (case and outer spaces aside) and due date on one
    initiative: a double submit by a tired person, not a plan.

    The initiative's row is locked first, so two such saves at once take turns and the second sees the first
    (PostgreSQL; SQLite write units already run one at a time). Titles are compared in Python: SQLite's
    lower() folds ASCII letters only."""
    session.exec(select(Initiative.id).where(Initiative.id == initiative_id).with_for_update()).one()
    same_day = session.exec(
        select(Milestone.id, Milestone.title).where(
            Milestone.initiative_id == initiative_id, Milestone.due_on == values.due_on
        )
    ).all()
    wanted = values.title.strip().casefold()
    if any(title.strip().casefold() == wanted and row_id != other_than for row_id, title in same_day):
        raise ValidationError({"title": "plan.error.milestone_twin"})


def _milestone(session: Session, initiative_id: int, milestone_id: int, seen_version: int | None) -> Milestone:
    return _of_initiative(session, Milestone, "milestone", milestone_id, initiative_id, seen_version)


# --- risks --------------------------------------------------------------------------------------------------


def add_risk(*, session: Session, actor: Actor, initiative_id: int, data: dict[str, Any] | RiskInput) -> int:
    """Add a risk (probability × impact, mitigation, owner) to an initiative; returns its id."""
    values = parse_input(RiskInput, data)
    person, _ = initiative_to_change(session, actor, initiative_id)
    check_people(session, owner_id=values.owner_id)
    return _create(session, person, "risk", Risk(initiative_id=initiative_id, **values.model_dump()))


def update_risk(
    *,
    session: Session,
    actor: Actor,
    initiative_id: int,
    risk_id: int,
    seen_version: int | None,
    data: dict[str, Any] | RiskInput,
) -> dict:
    """Re-assess a risk if nobody saved it since `seen_version`; returns the changes."""
    values = parse_input(RiskInput, data)
    person, _ = initiative_to_change(session, actor, initiative_id)
    risk = _of_initiative(session, Risk, "risk", risk_id, initiative_id, seen_version)
    check_people(session, owner_id=values.owner_id if values.owner_id != risk.owner_id else None)
    return versioned_update(
        session,
        person=person,
        model=Risk,
        entity="risk",
        row=risk,
        seen_version=seen_version,
        values=values.model_dump(),
    )


def close_risk(
    *,
    session: Session,
    actor: Actor,
    initiative_id: int,
    risk_id: int,
    seen_version: int | None,
    closed_on: date | str | None = None,
) -> None:
    """Close a risk that no longer threatens the initiative (today unless `closed_on` says when)."""
    values = parse_input(CloseRiskInput, {"closed_on": _day(closed_on)})
    person, _ = initiative_to_change(session, actor, initiative_id)
    risk = _of_initiative(session, Risk, "risk", risk_id, initiative_id, seen_version)
    _finish(session, person, "risk", risk, seen_version, values)


# --- plan actions of the open cycle ------------------------------------------------------------------------


def add_plan_action(
    *, session: Session, actor: Actor, initiative_id: int, data: dict[str, Any] | PlanActionInput
) -> int:
    """Add an action (what, who, by when, cost) to the plan of the initiative's open cycle; returns its id."""
    values = parse_input(PlanActionInput, data)
    person, _ = initiative_to_change(session, actor, initiative_id)
    check_people(session, owner_id=values.owner_id)
    cycle = current_cycle(session, initiative_id)
    return _create(session, person, "plan_action", PlanAction(cycle_id=cycle.id, **values.model_dump()))


def update_plan_action(
    *,
    session: Session,
    actor: Actor,
    initiative_id: int,
    action_id: int,
    seen_version: int | None,
    data: dict[str, Any] | PlanActionInput,
) -> dict:
    """Change an action of the open cycle's plan if nobody saved it since `seen_version`; returns the changes."""
    values = parse_input(PlanActionInput, data)
    person, _ = initiative_to_change(session, actor, initiative_id)
    action = _open_action(session, initiative_id, action_id, seen_version)
    check_people(session, owner_id=values.owner_id if values.owner_id != action.owner_id else None)
    return versioned_update(
        session,
        person=person,
        model=PlanAction,
        entity="plan_action",
        row=action,
        seen_version=seen_version,
        values=values.model_dump(),
    )


def complete_plan_action(
    *,
    session: Session,
    actor: Actor,
    initiative_id: int,
    action_id: int,
    seen_version: int | None,
    done_on: date | str | None = None,
) -> None:
    """Mark an action of the open cycle's plan done (today unless `done_on` says when)."""
    values = parse_input(DoneInput, {"done_on": _day(done_on)})
    person, _ = initiative_to_change(session, actor, initiative_id)
    _finish(
        session,
        person,
        "plan_action",
        _open_action(session, initiative_id, action_id, seen_version),
        seen_version,
        values,
    )


def _open_action(session: Session, initiative_id: int, action_id: int, seen_version: int | None) -> PlanAction:
    """An action of the initiative's open cycle (a closed cycle's plan is history, kept as it was), as the user
    saw it."""
    action = get_or_404(session, PlanAction, "plan_action", action_id)
    cycle = session.get(PdcaCycle, action.cycle_id)
    if cycle.initiative_id != initiative_id:
        raise NotFound("error.not_found", entity="entity.plan_action", id=action_id)
    if cycle.closed_on is not None:
        raise DomainError("plan.error.cycle_closed")
    check_version(session, "plan_action", action, seen_version)
    return action


# --- helpers ------------------------------------------------------------------------------------------------


def _of_initiative(
    session: Session, model: type[SQLModel], entity: str, row_id: int, initiative_id: int, seen_version: int | None
):
    """The row, if it belongs to this initiative (another initiative's row is not found here), as the user saw it."""
    row = get_or_404(session, model, entity, row_id)
    if row.initiative_id != initiative_id:
        raise NotFound("error.not_found", entity=f"entity.{entity}", id=row_id)
    check_version(session, entity, row, seen_version)
    return row


def _finish(
    session: Session,
    person: Person | None,
    entity: str,
    row: SQLModel,
    seen_version: int | None,
    values: DoneInput | CloseRiskInput,
) -> None:
    """Set the day a row was done (or closed), once: a second time would rewrite when it happened."""
    [(field, day)] = values.model_dump().items()
    if getattr(row, field) is not None:
        raise ValidationError({field: f"plan.error.already_{'closed' if field == 'closed_on' else 'done'}"})
    versioned_update(
        session, person=person, model=type(row), entity=entity, row=row, seen_version=seen_version, values={field: day}
    )


def _create(session: Session, person: Person | None, entity: str, row: SQLModel) -> int:
    session.add(row)
    session.flush()
    audit_created(session, person=person, entity=entity, row=row)
    return row.id
