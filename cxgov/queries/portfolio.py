"""Portfolio reads: initiatives with their phase, reported health and budget, and the leadership aggregates.

Every function runs a fixed number of SQL statements, however many initiatives there are. The *reported*
health is the latest check-in's; an initiative without check-ins has health NO_UPDATE.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.models import (
    Discipline,
    Health,
    Status,
)
from cxgov.queries.base import CLOSED, HEALTH_ORDER, INITIATIVE_COLUMNS, NO_UPDATE, initiatives_query, read_frame


def _is_open(base: sa.Subquery) -> sa.ColumnElement:
    return base.c.status.not_in(CLOSED)


def _count_where(condition) -> sa.ColumnElement:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def summary(session: Session, discipline: Discipline | str | None = None) -> pd.DataFrame:
    """One row: total and open initiatives; red, amber and not-updated open ones; planned and actual cents."""
    base = initiatives_query(discipline)
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
    frame = read_frame(session, query, ("total", "open", "red", "amber", "no_update", "planned_cents", "actual_cents"))
    frame = frame.astype("int64")
    frame["variance_cents"] = frame["actual_cents"] - frame["planned_cents"]
    return frame


def by_discipline_and_status(session: Session) -> pd.DataFrame:
    """Initiative counts per (discipline, status)."""
    base = initiatives_query()
    query = (
        sa.select(base.c.discipline, base.c.status, sa.func.count().label("initiatives"))
        .group_by(base.c.discipline, base.c.status)
        .order_by(base.c.discipline, base.c.status)
    )
    return read_frame(session, query, ("discipline", "status", "initiatives"))


def by_health(session: Session) -> pd.DataFrame:
    """Open initiatives per reported health (red, amber, green, no update), worst first."""
    base = initiatives_query()
    query = sa.select(base.c.health, sa.func.count().label("initiatives")).where(_is_open(base)).group_by(base.c.health)
    counts = read_frame(session, query, ("health", "initiatives"))
    return counts.set_index("health").reindex(HEALTH_ORDER, fill_value=0).reset_index()


def budget_by_discipline(session: Session) -> pd.DataFrame:
    """Planned and actual cents per discipline (all initiatives, closed ones included: money was spent)."""
    base = initiatives_query()
    query = (
        sa.select(
            base.c.discipline,
            sa.cast(sa.func.sum(base.c.planned_cents), sa.BigInteger).label("planned_cents"),
            sa.cast(sa.func.sum(base.c.actual_cents), sa.BigInteger).label("actual_cents"),
        )
        .group_by(base.c.discipline)
        .order_by(base.c.discipline)
    )
    return read_frame(session, query, ("discipline", "planned_cents", "actual_cents"))


def initiatives(session: Session, discipline: Discipline | str | None = None) -> pd.DataFrame:
    """Every initiative (of one discipline, if given) with phase, health, owner and budget; newest first."""
    base = initiatives_query(discipline)
    return read_frame(session, sa.select(base).order_by(base.c.created_at.desc(), base.c.id.desc()), INITIATIVE_COLUMNS)


def needing_attention(session: Session) -> pd.DataFrame:
    """Open initiatives reported red or amber, red first, longest-standing report first."""
    base = initiatives_query()
    worst_first = sa.case((base.c.health == Health.RED.value, 0), else_=1)
    query = (
        sa.select(base)
        .where(_is_open(base), base.c.health.in_([Health.RED.value, Health.AMBER.value]))
        .order_by(worst_first, base.c.checkin_date, base.c.id)
    )
    return read_frame(session, query, INITIATIVE_COLUMNS)


def awaiting_approval(session: Session) -> pd.DataFrame:
    """Proposed initiatives, oldest proposal first: the board's intake."""
    base = initiatives_query()
    query = sa.select(base).where(base.c.status == Status.PROPOSED.value).order_by(base.c.created_at, base.c.id)
    return read_frame(session, query, INITIATIVE_COLUMNS)


def reported_red(session: Session) -> pd.DataFrame:
    """Open initiatives whose latest check-in is red, longest-standing first."""
    base = initiatives_query()
    query = (
        sa.select(base)
        .where(_is_open(base), base.c.health == Health.RED.value)
        .order_by(base.c.checkin_date, base.c.id)
    )
    return read_frame(session, query, INITIATIVE_COLUMNS)


def on_hold(session: Session) -> pd.DataFrame:
    """Initiatives on hold: continue, re-plan or stop?"""
    base = initiatives_query()
    query = sa.select(base).where(base.c.status == Status.ON_HOLD.value).order_by(base.c.target_date, base.c.id)
    return read_frame(session, query, INITIATIVE_COLUMNS)


def overdue(session: Session, today: date) -> pd.DataFrame:
    """Initiatives past their target date and not closed, most overdue first."""
    base = initiatives_query()
    query = sa.select(base).where(_is_open(base), base.c.target_date < today).order_by(base.c.target_date, base.c.id)
    return read_frame(session, query, INITIATIVE_COLUMNS)
