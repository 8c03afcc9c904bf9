"""Budget writes: who may, exact cents from Dutch or English text, audit old → new, clear errors."""

from datetime import date

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import PermissionDenied, ValidationError
from cxgov.models import AuditEvent, BudgetLine, Expense, Role
from cxgov.models.inputs import FieldProblem
from cxgov.models.inputs_budget import parse_cents
from cxgov.services.budget import record_expense, set_budget_line
from cxgov.services.initiatives import record_check_in
from tests.factories import add_initiative, add_person


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("1.234,56", 123456),
        ("1,234.56", 123456),
        ("1234.56", 123456),
        ("1234,5", 123450),
        ("€ 1.234", 123400),
        ("1,234", 123400),
        ("12.345.678", 1234567800),
        ("-12,50", -1250),
        (",5", 50),
        ("0.01", 1),
    ],
)
def test_amounts_are_parsed_exactly(text, cents):
    assert parse_cents(text) == cents


@pytest.mark.parametrize("text", ["abc", "1.2.3", "12,345,67", "1,234.567", "1e5", "--5", ".", "1.234,56.7"])
def test_bad_amounts_are_refused(text):
    with pytest.raises(FieldProblem):
        parse_cents(text)


def _write(engine, service, actor, **kwargs):
    with session_scope(engine, write=True) as session:
        return service(session=session, actor=actor, **kwargs)


def _events(engine, entity: str) -> list[tuple]:
    with session_scope(engine) as session:
        rows = session.exec(select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.seq)).all()
        return [(e.action, e.field, e.old_value, e.new_value) for e in rows]


def test_owner_sets_a_quarter_and_changes_it_with_audit(engine):
    owner = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner)
    line = _write(
        engine,
        set_budget_line,
        owner,
        initiative_id=initiative,
        data={"year": 2026, "quarter": 4, "planned_cents": "1.234,56"},
    )
    again = _write(
        engine,
        set_budget_line,
        owner,
        initiative_id=initiative,
        data={"year": 2026, "quarter": 4, "planned_cents": "2000"},
    )
    _write(
        engine,
        set_budget_line,
        owner,
        initiative_id=initiative,
        data={"year": 2026, "quarter": 4, "planned_cents": "2.000,00"},
    )  # unchanged: no event
    assert again == line
    with session_scope(engine) as session:
        assert session.get(BudgetLine, line).planned_cents == 200000
    events = _events(engine, "budget_line")
    assert [e[0] for e in events] == ["create", "update"]
    assert events[1][1:] == ("planned_cents", "123456", "200000")


def test_expense_is_stored_in_cents_and_audited(engine):
    owner = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner)
    expense_id = _write(
        engine,
        record_expense,
        owner,
        initiative_id=initiative,
        data={"spent_on": date(2026, 11, 3), "amount_cents": "1.234,56", "category": "external", "note": "Copywriter"},
    )
    with session_scope(engine) as session:
        expense = session.get(Expense, expense_id)
        assert (expense.amount_cents, expense.created_by_id, expense.category.value) == (123456, owner, "external")
    assert [e[0] for e in _events(engine, "expense")] == ["create"]


@pytest.mark.parametrize(
    ("amount", "key"),
    [
        ("12,345,67", "programs.error.amount_invalid"),
        ("0,00", "programs.error.amount_zero"),
        ("", "error.required"),
        (12.5, "programs.error.amount_invalid"),
    ],
)
def test_bad_expense_amount_names_the_field_and_saves_nothing(engine, amount, key):
    owner = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner)
    with pytest.raises(ValidationError) as caught:
        _write(
            engine,
            record_expense,
            owner,
            initiative_id=initiative,
            data={"spent_on": date(2026, 11, 3), "amount_cents": amount},
        )
    assert caught.value.errors["amount_cents"][0] == key
    assert "amount_cents" in caught.value.field_messages("nl")
    assert _events(engine, "expense") == []


def test_negative_plan_is_refused(engine):
    owner = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner)
    with pytest.raises(ValidationError) as caught:
        _write(
            engine,
            set_budget_line,
            owner,
            initiative_id=initiative,
            data={"year": 2026, "quarter": 1, "planned_cents": "-5"},
        )
    assert caught.value.errors["planned_cents"][0] == "programs.error.amount_negative"


@pytest.mark.parametrize("role", [Role.CONTRIBUTOR, Role.VIEWER, Role.ANALYST, Role.MANAGER])
def test_only_managers_of_the_initiative_and_the_office_manage_budget(engine, role):
    owner = add_person(engine, Role.MANAGER)
    other = add_person(engine, role)
    office = add_person(engine, Role.PROGRAMME_OFFICE)
    initiative = add_initiative(engine, owner_id=owner)
    with pytest.raises(PermissionDenied):
        _write(
            engine,
            record_expense,
            other,
            initiative_id=initiative,
            data={"spent_on": date(2026, 11, 3), "amount_cents": "10"},
        )
    with pytest.raises(PermissionDenied):
        _write(
            engine,
            set_budget_line,
            other,
            initiative_id=initiative,
            data={"year": 2026, "quarter": 1, "planned_cents": "10"},
        )
    assert _write(
        engine,
        record_expense,
        office,
        initiative_id=initiative,
        data={"spent_on": date(2026, 11, 3), "amount_cents": "10"},
    )
    assert _events(engine, "budget_line") == []


def test_sponsor_may_manage_budget(engine):
    owner, sponsor = add_person(engine, Role.MANAGER), add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner, sponsor_id=sponsor)
    assert _write(
        engine,
        set_budget_line,
        sponsor,
        initiative_id=initiative,
        data={"year": 2026, "quarter": 2, "planned_cents": "5000"},
    )


# --- a negative expense is a credit with a reason -------------------------------------------------------------


def test_a_credit_needs_its_reason_and_keeps_it(engine):
    owner = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner)
    credit = {"spent_on": date(2026, 11, 3), "amount_cents": "-250,00", "note": "Order 4711"}
    with pytest.raises(ValidationError) as caught:
        _write(engine, record_expense, owner, initiative_id=initiative, data=credit)
    assert caught.value.field_messages()["correction_reason"].startswith("is required for a credit (a negative amount)")
    assert _events(engine, "expense") == []
    expense_id = _write(
        engine,
        record_expense,
        owner,
        initiative_id=initiative,
        data=credit | {"correction_reason": "Supplier credit note"},
    )
    with session_scope(engine) as session:
        expense = session.get(Expense, expense_id)
        assert (expense.amount_cents, expense.correction_reason) == (-25000, "Supplier credit note")
    assert "Supplier credit note" in _events(engine, "expense")[0][3]


def test_a_reason_on_a_cost_points_at_a_missing_minus(engine):
    owner = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner)
    with pytest.raises(ValidationError) as caught:
        _write(
            engine,
            record_expense,
            owner,
            initiative_id=initiative,
            data={"spent_on": date(2026, 11, 3), "amount_cents": "250,00", "correction_reason": "Supplier credit note"},
        )
    assert caught.value.errors["correction_reason"][0] == "credit.error.reason_only_for_credit"


@pytest.mark.parametrize("spend", ["-45,00", "0"])
def test_a_check_in_books_no_credit_and_says_where_it_goes(engine, spend):
    owner = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner)
    with pytest.raises(ValidationError) as caught:
        _write(
            engine,
            record_check_in,
            owner,
            initiative_id=initiative,
            data={"checkin_date": date(2026, 11, 27), "health": "green", "spend_cents": spend},
        )
    message = caught.value.field_messages()["spend_cents"]
    assert "Book a credit (a negative amount) as an expense" in message and "with its reason" in message
    with session_scope(engine) as session:
        assert session.exec(select(Expense)).all() == []
