"""Money is exact: integer cents summed in SQL (a Numeric column summed 1,000 × 0.10 to 99.9999999999986
on SQLite)."""

from datetime import date
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.models import Expense, Role
from cxgov.services.budget import record_expense
from tests.factories import add_initiative, add_person

EXPENSES = 1_000


def test_a_thousand_ten_cent_expenses_sum_to_exactly_one_hundred_euros(engine):
    owner = add_person(engine, Role.PROGRAMME_OFFICE)
    initiative_id = add_initiative(engine, owner_id=owner, actor=owner)
    with session_scope(engine, write=True) as session:
        for _ in range(EXPENSES):  # typed as a Dutch user would: "0,10" euro
            record_expense(
                session=session,
                actor=owner,
                initiative_id=initiative_id,
                data={"spent_on": date(2026, 11, 2), "amount_cents": "0,10", "category": "software"},
            )
    with session_scope(engine) as session:
        total = session.exec(select(func.sum(Expense.amount_cents)).where(Expense.initiative_id == initiative_id)).one()
        count = session.exec(select(func.count()).select_from(Expense)).one()
    assert count == EXPENSES
    assert not isinstance(total, float)  # int on SQLite, Decimal on PostgreSQL: both exact
    assert total == 10_000 and Decimal(total) == Decimal(10_000)


def test_amounts_are_stored_as_integers(engine):
    owner = add_person(engine, Role.PROGRAMME_OFFICE)
    initiative_id = add_initiative(engine, owner_id=owner, actor=owner)
    with session_scope(engine, write=True) as session:
        record_expense(
            session=session,
            actor=owner,
            initiative_id=initiative_id,
            data={"spent_on": date(2026, 11, 2), "amount_cents": "1.234,56"},
        )
    with engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT amount_cents FROM expense").scalar_one()
    assert stored == 123_456 and isinstance(stored, int)
