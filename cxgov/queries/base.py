"""Building blocks every query module shares: the initiative row, the latest check-ins, codes and sums.

The *reported* health is the latest check-in's; an initiative without check-ins has health NO_UPDATE.
"""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.models import (
    CLOSED_STATUSES,
    BudgetLine,
    CheckIn,
    Department,
    Discipline,
    Expense,
    Health,
    Initiative,
    PdcaCycle,
    Person,
)

NO_UPDATE = "no_update"  # the health of an initiative that has no check-in yet
HEALTH_ORDER = (Health.RED.value, Health.AMBER.value, Health.GREEN.value, NO_UPDATE)
CLOSED = tuple(s.value for s in CLOSED_STATUSES)
INITIATIVE_COLUMNS = (
    "id",
    "title",
    "discipline",
    "status",
    "lane",
    "priority",
    "phase",
    "health",
    "reason",
    "checkin_date",
    "owner_id",
    "owner",
    "owning_department",
    "requesting_department",
    "planned_cents",
    "actual_cents",
    "start_date",
    "target_date",
    "created_at",
)


def code_text(column) -> sa.ColumnElement:
    """An enum column as its plain string code (DataFrames hold codes; the UI translates them)."""
    return sa.type_coerce(column, sa.String)


def cents_sum(column) -> sa.ColumnElement:
    # PostgreSQL's sum(bigint) is numeric (a Decimal in Python): cast back to exact integer cents.
    return sa.cast(sa.func.coalesce(sa.func.sum(column), 0), sa.BigInteger)


def latest_check_ins() -> sa.Subquery:
    ranked = sa.select(
        CheckIn.initiative_id,
        CheckIn.health,
        CheckIn.reason,
        CheckIn.checkin_date,
        CheckIn.blocker,
        sa.func.row_number()
        .over(partition_by=CheckIn.initiative_id, order_by=(CheckIn.checkin_date.desc(), CheckIn.id.desc()))
        .label("rank"),
    ).subquery("ranked_check_in")
    return sa.select(ranked).where(ranked.c.rank == 1).subquery("latest_check_in")


def initiatives_query(discipline: Discipline | str | None = None) -> sa.Subquery:
    """One row per initiative with its open cycle's phase, latest check-in and budget totals."""
    latest = latest_check_ins()
    planned = (
        sa.select(BudgetLine.initiative_id, cents_sum(BudgetLine.planned_cents).label("cents"))
        .group_by(BudgetLine.initiative_id)
        .subquery("planned")
    )
    actual = (
        sa.select(Expense.initiative_id, cents_sum(Expense.amount_cents).label("cents"))
        .group_by(Expense.initiative_id)
        .subquery("actual")
    )
    owner = aliased(Person, name="owner")
    owning, requesting = aliased(Department, name="owning"), aliased(Department, name="requesting")
    query = (
        sa.select(
            Initiative.id,
            Initiative.title,
            code_text(Initiative.discipline).label("discipline"),
            code_text(Initiative.status).label("status"),
            code_text(Initiative.lane).label("lane"),
            code_text(Initiative.priority).label("priority"),
            code_text(PdcaCycle.phase).label("phase"),
            sa.func.coalesce(code_text(latest.c.health), NO_UPDATE).label("health"),
            sa.func.coalesce(latest.c.reason, "").label("reason"),
            latest.c.checkin_date,
            Initiative.owner_id,
            owner.name.label("owner"),
            owning.name.label("owning_department"),
            requesting.name.label("requesting_department"),
            sa.func.coalesce(planned.c.cents, 0).label("planned_cents"),
            sa.func.coalesce(actual.c.cents, 0).label("actual_cents"),
            Initiative.start_date,
            Initiative.target_date,
            Initiative.created_at,
        )
        .join(owner, owner.id == Initiative.owner_id)
        .outerjoin(PdcaCycle, sa.and_(PdcaCycle.initiative_id == Initiative.id, PdcaCycle.closed_on.is_(None)))
        .outerjoin(latest, latest.c.initiative_id == Initiative.id)
        .outerjoin(planned, planned.c.initiative_id == Initiative.id)
        .outerjoin(actual, actual.c.initiative_id == Initiative.id)
        .outerjoin(owning, owning.id == Initiative.owning_department_id)
        .outerjoin(requesting, requesting.id == Initiative.requesting_department_id)
    )
    if discipline is not None:
        query = query.where(Initiative.discipline == Discipline(discipline))
    return query.subquery("initiatives")


def read_frame(session: Session, query: sa.Select, columns=None) -> pd.DataFrame:
    """The query's rows as a DataFrame, with the given column names or else the query's own labels."""
    result = session.execute(query)
    return pd.DataFrame([tuple(r) for r in result.all()], columns=list(columns or result.keys()))
