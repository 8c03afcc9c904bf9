"""Budget services: the planned amount per quarter (upsert) and expenses, both in integer cents."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from cxgov import audit
from cxgov.models import BudgetLine, Expense, Initiative
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_budget import BudgetLineInput, ExpenseInput
from cxgov.rules.permissions import Action, authorise
from cxgov.services.initiatives import relations_to
from cxgov.services.unit import Actor, acting_person, audit_actor, audit_created, get_or_404


def _initiative_for_budget(session: Session, actor: Actor, initiative_id: int):
    """The acting person and the initiative, locked, once they may manage its budget."""
    person = acting_person(session, actor)
    initiative = get_or_404(session, Initiative, "initiative", initiative_id)
    authorise(
        person, Action.MANAGE_BUDGET, relations_to(session, initiative, person), target=("initiative", initiative_id)
    )
    # Lock the initiative row: two people setting the same quarter at once then queue instead of both
    # inserting (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises write units).
    session.exec(select(Initiative.id).where(Initiative.id == initiative_id).with_for_update()).one()
    return person, initiative


def set_budget_line(
    *, session: Session, actor: Actor, initiative_id: int, data: dict[str, Any] | BudgetLineInput
) -> int:
    """Set the planned amount of one quarter (create or replace); audits old → new. Returns the line id."""
    values = parse_input(BudgetLineInput, data)
    person, _ = _initiative_for_budget(session, actor, initiative_id)
    line = session.exec(
        select(BudgetLine).where(
            BudgetLine.initiative_id == initiative_id,
            BudgetLine.year == values.year,
            BudgetLine.quarter == values.quarter,
        )
    ).first()
    if line is None:
        line = BudgetLine(initiative_id=initiative_id, **values.model_dump())
        session.add(line)
        session.flush()
        audit_created(session, person=person, entity="budget_line", row=line)
        return line.id
    if line.planned_cents != values.planned_cents:
        audit.record(
            session,
            actor=audit_actor(person),
            entity="budget_line",
            entity_id=line.id,
            action="update",
            field="planned_cents",
            old=line.planned_cents,
            new=values.planned_cents,
        )
        line.planned_cents = values.planned_cents
        session.flush()
    return line.id


def record_expense(*, session: Session, actor: Actor, initiative_id: int, data: dict[str, Any] | ExpenseInput) -> int:
    """Book one expense against an initiative (negative for a credit); audited. Returns the expense id."""
    values = parse_input(ExpenseInput, data)
    person, _ = _initiative_for_budget(session, actor, initiative_id)
    expense = Expense(initiative_id=initiative_id, created_by_id=person.id if person else None, **values.model_dump())
    session.add(expense)
    session.flush()
    audit_created(session, person=person, entity="expense", row=expense)
    return expense.id
