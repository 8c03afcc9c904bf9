"""Portfolio reads: initiatives with their phase, reported health and budget, and the leadership aggregates.

Every function runs a fixed number of SQL statements, however many initiatives there are. The *reported*
health is the latest check-in's; an initiative without check-ins has health NO_UPDATE.
"""

from __future__ import annotations

from datetime import date

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
    Status,
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


def _text(column) -> sa.ColumnElement:
    """An enum column as its plain string code (DataFrames hold codes; the UI translates them)."""
    return sa.type_coerce(column, sa.String)


def _cents_sum(column) -> sa.ColumnElement:
    # PostgreSQL's sum(bigint) is numeric (a Decimal in Python): cast back to exact integer cents.
    return sa.cast(sa.func.coalesce(sa.func.sum(column), 0), sa.BigInteger)


def _latest_check_ins() -> sa.Subquery:
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


def _initiatives(discipline: Discipline | str | None = None) -> sa.Subquery:
    """One row per initiative with its open cycle's phase, latest check-in and budget totals."""
    latest = _latest_check_ins()
    planned = (
        sa.select(BudgetLine.initiative_id, _cents_sum(BudgetLine.planned_cents).label("cents"))
        .group_by(BudgetLine.initiative_id)
        .subquery("planned")
    )
    actual = (
        sa.select(Expense.initiative_id, _cents_sum(Expense.amount_cents).label("cents"))
        .group_by(Expense.initiative_id)
        .subquery("actual")
    )
    owner = aliased(Person, name="owner")
    owning, requesting = aliased(Department, name="owning"), aliased(Department, name="requesting")
    query = (
        sa.select(
            Initiative.id,
            Initiative.title,
            _text(Initiative.discipline).label("discipline"),
            _text(Initiative.status).label("status"),
            _text(Initiative.lane).label("lane"),
            _text(Initiative.priority).label("priority"),
            _text(PdcaCycle.phase).label("phase"),
            sa.func.coalesce(_text(latest.c.health), NO_UPDATE).label("health"),
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


def _frame(session: Session, query: sa.Select, columns) -> pd.DataFrame:
    rows = session.execute(query).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=list(columns))


def _is_open(base: sa.Subquery) -> sa.ColumnElement:
    return base.c.status.not_in(CLOSED)


def _count_where(condition) -> sa.ColumnElement:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def summary(session: Session, discipline: Discipline | str | None = None) -> pd.DataFrame:
    """One row: total and open initiatives; red, amber and not-updated open ones; planned and actual cents."""
    base = _initiatives(discipline)
    is_open = _is_open(base)
    query = sa.select(
        sa.func.count().label("total"),
        _count_where(is_open).label("open"),
        _count_where(sa.and_(is_open, base.c.health == Health.RED.value)).label("red"),
        _count_where(sa.and_(is_open, base.c.health == Health.AMBER.value)).label("amber"),
        _count_where(sa.and_(is_open, base.c.health == NO_UPDATE)).label("no_update"),
        sa.cast(sa.func.coalesce(sa.func.sum(base.c.planned_cents), 0), sa.BigInteger).label("planned_cents"),
        sa.cast(sa.func.coalesce(sa.func.sum(base.c.actual_cents), 0), sa.BigInteger).label("actual_cents"),
    )
    frame = _frame(session, query, ("total", "open", "red", "amber", "no_update", "planned_cents", "actual_cents"))
    frame = frame.astype("int64")
    frame["variance_cents"] = frame["actual_cents"] - frame["planned_cents"]
    return frame


def by_discipline_and_status(session: Session) -> pd.DataFrame:
    """Initiative counts per (discipline, status)."""
    base = _initiatives()
    query = (
        sa.select(base.c.discipline, base.c.status, sa.func.count().label("initiatives"))
        .group_by(base.c.discipline, base.c.status)
        .order_by(base.c.discipline, base.c.status)
    )
    return _frame(session, query, ("discipline", "status", "initiatives"))


def by_health(session: Session) -> pd.DataFrame:
    """Open initiatives per reported health (red, amber, green, no update), worst first."""
    base = _initiatives()
    query = sa.select(base.c.health, sa.func.count().label("initiatives")).where(_is_open(base)).group_by(base.c.health)
    frame = _frame(session, query, ("health", "initiatives"))
    return frame.set_index("health").reindex(HEALTH_ORDER, fill_value=0).reset_index()


def budget_by_discipline(session: Session) -> pd.DataFrame:
    """Planned and actual cents per discipline (all initiatives, closed ones included: money was spent)."""
    base = _initiatives()
    query = (
        sa.select(
            base.c.discipline,
            sa.cast(sa.func.sum(base.c.planned_cents), sa.BigInteger).label("planned_cents"),
            sa.cast(sa.func.sum(base.c.actual_cents), sa.BigInteger).label("actual_cents"),
        )
        .group_by(base.c.discipline)
        .order_by(base.c.discipline)
    )
    return _frame(session, query, ("discipline", "planned_cents", "actual_cents"))


def initiatives(session: Session, discipline: Discipline | str | None = None) -> pd.DataFrame:
    """Every initiative (of one discipline, if given) with phase, health, owner and budget; newest first."""
    base = _initiatives(discipline)
    return _frame(session, sa.select(base).order_by(base.c.created_at.desc(), base.c.id.desc()), INITIATIVE_COLUMNS)


def needing_attention(session: Session) -> pd.DataFrame:
    """Open initiatives reported red or amber, red first, longest-standing report first."""
    base = _initiatives()
    worst_first = sa.case((base.c.health == Health.RED.value, 0), else_=1)
    query = (
        sa.select(base)
        .where(_is_open(base), base.c.health.in_([Health.RED.value, Health.AMBER.value]))
        .order_by(worst_first, base.c.checkin_date, base.c.id)
    )
    return _frame(session, query, INITIATIVE_COLUMNS)


def awaiting_approval(session: Session) -> pd.DataFrame:
    """Proposed initiatives, oldest proposal first: the board's intake."""
    base = _initiatives()
    query = sa.select(base).where(base.c.status == Status.PROPOSED.value).order_by(base.c.created_at, base.c.id)
    return _frame(session, query, INITIATIVE_COLUMNS)


def reported_red(session: Session) -> pd.DataFrame:
    """Open initiatives whose latest check-in is red, longest-standing first."""
    base = _initiatives()
    query = (
        sa.select(base)
        .where(_is_open(base), base.c.health == Health.RED.value)
        .order_by(base.c.checkin_date, base.c.id)
    )
    return _frame(session, query, INITIATIVE_COLUMNS)


def on_hold(session: Session) -> pd.DataFrame:
    """Initiatives on hold: continue, re-plan or stop?"""
    base = _initiatives()
    query = sa.select(base).where(base.c.status == Status.ON_HOLD.value).order_by(base.c.target_date, base.c.id)
    return _frame(session, query, INITIATIVE_COLUMNS)


def overdue(session: Session, today: date) -> pd.DataFrame:
    """Initiatives past their target date and not closed, most overdue first."""
    base = _initiatives()
    query = sa.select(base).where(_is_open(base), base.c.target_date < today).order_by(base.c.target_date, base.c.id)
    return _frame(session, query, INITIATIVE_COLUMNS)
