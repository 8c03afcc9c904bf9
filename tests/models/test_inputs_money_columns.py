"""Every money column holds every amount its input allows, on both databases.

A money column is integer cents, named `…_cents` (the `Money` type, BigInteger). PostgreSQL's `integer` ends at
2,147,483,647 cents (€ 21 million): a plan-action cost that validation allowed failed to store there. The tests walk
every table and every input model, so a column or a field added later is held to the same rule.
"""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel, select

from cxgov.db import session_scope
from cxgov.errors import ValidationError
from cxgov.models import BudgetLine, Expense, PlanAction, Role
from cxgov.models.base import Money
from cxgov.models.inputs_budget import MAX_CENTS
from cxgov.models.inputs_rules import bounds, number_kind
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services import plan
from cxgov.services.budget import record_expense, set_budget_line
from cxgov.services.initiatives import record_check_in
from tests.factories import add_initiative, add_person, approve_and_move
from tests.input_models import MODELS

INT64 = (-(2**63), 2**63 - 1)
INT32 = (-(2**31), 2**31 - 1)  # PostgreSQL `integer`, which every other whole-number column is
# Input fields whose amount is stored under another name (a check-in's spend is booked as an expense).
STORED_AS = {"spend_cents": "expense.amount_cents"}
LARGEST = "9.999.999.999,99"  # the largest amount typed the Dutch way that the inputs allow (MAX_CENTS - 1)


def _money_columns() -> dict[str, sa.Column]:
    """table.column -> column, for every column that is money by name or by type."""
    return {
        f"{table.name}.{column.name}": column
        for table in SQLModel.metadata.tables.values()
        for column in table.columns
        if column.name.endswith("_cents") or isinstance(column.type, Money)
    }


def _money_fields() -> list[tuple[str, str]]:
    """(Model.field, table.column it is stored in) for every whole-number input field named `…_cents`."""
    columns = {name.split(".", 1)[1]: name for name in _money_columns()}
    return [
        (f"{model.__name__}.{field}", STORED_AS.get(field) or columns.get(field, "?"))
        for model in MODELS
        for field in model.model_fields
        if field.endswith("_cents")
    ]


def test_every_money_column_is_64_bit_and_named_as_money():
    columns = _money_columns()
    assert {"budget_line.planned_cents", "expense.amount_cents", "plan_action.cost_cents"} <= set(columns)
    assert [name for name, column in columns.items() if not isinstance(column.type, Money)] == []
    assert [name for name in columns if not name.endswith("_cents")] == []


def test_every_money_input_is_stored_in_a_money_column_that_holds_its_whole_range():
    fields = _money_fields()
    assert len(fields) >= 4
    assert [field for field, column in fields if column not in _money_columns()] == []
    written = {column for _, column in fields}
    assert set(_money_columns()) - written == set(), "a money column that no input writes: which bound applies?"
    for field, _ in fields:
        model, name = next((m, f) for m in MODELS for f in m.model_fields if f"{m.__name__}.{f}" == field)
        low, high = bounds(model, name)
        assert high == MAX_CENTS - 1, field
        assert INT64[0] <= (low if low is not None else -high) and high <= INT64[1], field


def test_no_other_whole_number_input_outgrows_a_32_bit_column():
    """Nothing slips through: a number field that is not money must fit PostgreSQL's `integer`."""
    too_wide = []
    for model in MODELS:
        for field in model.model_fields:
            low, high = bounds(model, field)
            if (
                number_kind(model, field) is int
                and not field.endswith("_cents")
                and ((low is not None and low < INT32[0]) or (high is not None and high > INT32[1]))
            ):
                too_wide.append(f"{model.__name__}.{field}")
    assert too_wide == []


def test_the_database_itself_has_64_bit_money_columns(engine):
    inspector = sa.inspect(engine)
    for name in _money_columns():
        table, column = name.split(".")
        [reflected] = [c for c in inspector.get_columns(table) if c["name"] == column]
        # SQLite's INTEGER is always 64-bit; PostgreSQL must say BIGINT.
        assert isinstance(reflected["type"], sa.BigInteger) or engine.dialect.name == "sqlite", name


def test_the_largest_allowed_amount_round_trips_through_every_service(engine):
    owner = add_person(engine, Role.PROGRAMME_OFFICE)
    initiative_id = add_initiative(engine, owner_id=owner, actor=owner)
    approve_and_move(engine, initiative_id, 0)
    with session_scope(engine, write=True) as session:
        plan.add_plan_action(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"description": "Carrier contract", "cost_cents": LARGEST},
        )
        set_budget_line(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"year": 2026, "quarter": 4, "planned_cents": LARGEST},
        )
        record_expense(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"spent_on": date(2026, 11, 2), "amount_cents": LARGEST},
        )
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"checkin_date": date.today(), "health": "green", "spend_cents": LARGEST},
        )
    with session_scope(engine) as session:
        stored = [
            session.exec(select(PlanAction.cost_cents)).one(),
            session.exec(select(BudgetLine.planned_cents)).one(),
            *session.exec(select(Expense.amount_cents)).all(),
        ]
    assert stored == [MAX_CENTS - 1] * 4


@pytest.mark.parametrize("typed", ["10.000.000.000,00", "10000000000"])
def test_one_cent_more_is_refused_naming_the_limit(engine, typed):
    owner = add_person(engine, Role.PROGRAMME_OFFICE)
    initiative_id = add_initiative(engine, owner_id=owner, actor=owner)
    with pytest.raises(ValidationError) as refused, session_scope(engine, write=True) as session:
        set_budget_line(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"year": 2026, "quarter": 4, "planned_cents": typed},
        )
    assert refused.value.field_messages("nl")["planned_cents"] == "is te groot (hoogstens €\xa09.999.999.999,99)"
    assert refused.value.field_messages("en")["planned_cents"] == "is too large (at most €9,999,999,999.99)"
