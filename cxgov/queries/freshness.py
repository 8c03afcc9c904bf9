"""How fresh each source of the portfolio's data is: per KPI the latest month whose reading counts and when that
reading was entered; the latest check-in of the open work and how many running initiatives have not reported
within the cadence; the latest milestone reached and how many open ones are overdue; the latest expense booked.
One statement each, however large the portfolio."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.models import CheckIn, Expense, Initiative, KpiReading, Milestone
from cxgov.queries.base import CLOSED, read_frame
from cxgov.queries.readings import latest_counting_readings
from cxgov.rules.health import RUNNING


@dataclass(frozen=True)
class Freshness:
    """One source: its latest date, when its latest entry was made (None where not recorded) and how many of its
    items are out of date (None where no rule says when)."""

    latest: date | None
    entered_at: datetime | None
    stale: int | None


def kpi_readings_entered(session: Session) -> pd.DataFrame:
    """Per KPI with a reading that counts: the latest such month and when its reading was entered (or corrected)."""
    latest = latest_counting_readings()
    return read_frame(
        session,
        sa.select(
            latest.c.kpi_id,
            latest.c.period.label("latest_period"),
            sa.func.coalesce(KpiReading.updated_at, KpiReading.created_at).label("entered_at"),
        ).join(KpiReading, KpiReading.id == latest.c.id),
    )


def check_ins(session: Session, *, stale_before: date) -> Freshness:
    """The latest check-in of an open initiative, and the running initiatives without one on or after
    `stale_before` (none at all included)."""
    open_work = Initiative.status.not_in(CLOSED)
    reported = sa.exists().where(CheckIn.initiative_id == Initiative.id, CheckIn.checkin_date >= stale_before)
    latest, entered_at, stale = session.execute(
        sa.select(
            sa.select(sa.func.max(CheckIn.checkin_date)).join(Initiative).where(open_work).scalar_subquery(),
            sa.select(sa.func.max(CheckIn.created_at)).join(Initiative).where(open_work).scalar_subquery(),
            sa.select(sa.func.count())
            .select_from(Initiative)
            .where(Initiative.status.in_([s.value for s in RUNNING]), ~reported)
            .scalar_subquery(),
        )
    ).one()
    return Freshness(latest, entered_at, stale)


def milestones(session: Session, *, today: date) -> Freshness:
    """The latest day a milestone was reached, and the open initiatives' milestones not reached by their due day
    (before `today`)."""
    overdue = sa.and_(Milestone.done_on.is_(None), Milestone.due_on < today, Initiative.status.not_in(CLOSED))
    latest, stale = session.execute(
        sa.select(sa.func.max(Milestone.done_on), sa.func.count(sa.case((overdue, Milestone.id)))).join(Initiative)
    ).one()
    return Freshness(latest, None, stale)


def expenses(session: Session) -> Freshness:
    """The latest day an expense was spent on, and when the latest one was booked."""
    latest, entered_at = session.execute(
        sa.select(sa.func.max(Expense.spent_on), sa.func.max(Expense.created_at))
    ).one()
    return Freshness(latest, entered_at, None)
