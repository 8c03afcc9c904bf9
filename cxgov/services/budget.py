"""Budget services: the planned amount per quarter (upsert) and expenses, both in integer cents."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from cxgov import audit
from cxgov.models import BudgetLine, Expense
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_budget import BudgetLineInput, ExpenseInput
from cxgov.rules.permissions import Action
from cxgov.services.initiative_access import initiative_to_change
from cxgov.services.unit import Actor, audit_actor, audit_created

# What both services check. The initiative is locked as it is loaded (lock=True): two people setting the same
# quarter at once then queue instead of both inserting.
BUDGET = (Action.MANAGE_BUDGET,)


def set_budget_line(
    *, session: Session, actor: Actor, initiative_id: int, data: dict[str, Any] | BudgetLineInput
) -> int:
    """Set the planned amount of one quarter (create or replace); audits old → new. Returns the line id."""
    values = parse_input(BudgetLineInput, data)
    person, _ = initiative_to_change(session, actor, initiative_id, BUDGET, lock=True)
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
    person, _ = initiative_to_change(session, actor, initiative_id, BUDGET, lock=True)
    expense = Expense(initiative_id=initiative_id, created_by_id=person.id if person else None, **values.model_dump())
    session.add(expense)
    session.flush()
    audit_created(session, person=person, entity="expense", row=expense)
    return expense.id
