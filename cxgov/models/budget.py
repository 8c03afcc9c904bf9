"""Budget lines per quarter and expenses, in integer cents."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from cxgov.models.base import Money, utcnow
from cxgov.models.enums import ExpenseCategory, enum_type


class BudgetLine(SQLModel, table=True):
    __tablename__ = "budget_line"
    __table_args__ = (
        sa.UniqueConstraint("initiative_id", "year", "quarter", name="uq_budget_line_initiative_quarter"),
        sa.CheckConstraint("quarter BETWEEN 1 AND 4", name="quarter_range"),
        sa.CheckConstraint("planned_cents >= 0", name="planned_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id")
    year: int
    quarter: int
    planned_cents: int = Field(sa_type=Money)


class Expense(SQLModel, table=True):
    __table_args__ = (
        sa.CheckConstraint("amount_cents <> 0", name="amount_nonzero"),
        sa.CheckConstraint("amount_cents > 0 OR length(correction_reason) > 0", name="credit_has_reason"),
    )

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    spent_on: date
    amount_cents: int = Field(sa_type=Money)  # negative for a credit or correction
    category: ExpenseCategory = Field(default=ExpenseCategory.OTHER, sa_type=enum_type(ExpenseCategory))
    note: str = ""
    correction_reason: str = ""  # why a negative amount (a credit or correction) was booked: required then
    created_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow)
