"""The facts the health rules (cxgov.rules.health) judge, for one initiative or many, in a fixed number of statements.

Read as Core rows through the session's connection, not ORM results: the initiatives list judges every listed
initiative, and for thousands of rows the ORM's result processing cost a third of the time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.models import (
    CLOSED_STATUSES,
    BudgetLine,
    CheckIn,
    Direction,
    Expense,
    Health,
    Initiative,
    InitiativeDependency,
    InitiativeKpi,
    Kpi,
    Milestone,
    PdcaCycle,
    Status,
)
from cxgov.queries.base import latest_check_ins
from cxgov.queries.impact import impacts
from cxgov.queries.readings import latest_counting_readings
from cxgov.rules.health import (
    RUNNING,
    Blocker,
    DeliveryFacts,
    EffectFacts,
    KpiProgress,
    Rules,
    Signal,
    delivery_signals,
    outcome_signals,
    worst,
)
from cxgov.settings import Settings

LONG_ID_LIST = 5_000  # ids; measured by bench/health_scale.py


def rules_from(settings: Settings) -> Rules:
    return Rules(cadence_days=settings.check_in_cadence_days, spend_tolerance_pct=settings.spend_tolerance_pct)


@dataclass(frozen=True)
class Assessment:
    """What the rules say about one initiative: delivery (None when it is not running) and outcome (not
    started until the work began: `work_began_on` None)."""

    delivery: tuple[Signal, ...]
    derived: Health | None
    outcome: tuple[Signal, ...]
    work_began_on: date | None = None

    @property
    def outcome_started(self) -> bool:
        return self.work_began_on is not None

    @property
    def outcome_health(self) -> Health | None:
        """The worst verdict on the linked KPIs; None when none can be judged (yet)."""
        return worst(self.outcome) if self.outcome else None


def assess(
    session: Session,
    *,
    initiative_ids: Collection[int] | None,
    today: date,
    cadence_days: int,
    spend_tolerance_pct: int,
) -> dict[int, Assessment]:
    """initiative id -> Assessment, for the given initiatives (None: all), judged with these settings."""
    rules = Rules(cadence_days=cadence_days, spend_tolerance_pct=spend_tolerance_pct)
    wanted = None if initiative_ids is None else set(initiative_ids)
    # A long list of ids costs more than reading every initiative (PostgreSQL, 10,000 ids: 1.3 s against 0.5 s;
    # 2,500 ids: 0.4 s against 0.7 s).
    scope = None if wanted is None or len(wanted) > LONG_ID_LIST else wanted
    facts = delivery_facts(session, scope, today)
    kpis = kpi_progress(session, scope)
    began = work_began(session, scope)
    return {
        initiative_id: Assessment(
            delivery=tuple(signals := delivery_signals(f, today, rules)),
            derived=worst(signals) if f.status in RUNNING else None,
            outcome=tuple(outcome_signals(kpis.get(initiative_id, []), today, began.get(initiative_id)) or ()),
            work_began_on=began.get(initiative_id),
        )
        for initiative_id, f in facts.items()
        if wanted is None or initiative_id in wanted
    }


def _only(column, ids: Collection[int] | None) -> list:
    return [] if ids is None else [column.in_(list(ids))]


def delivery_facts(session: Session, ids: Collection[int] | None, today: date) -> dict[int, DeliveryFacts]:
    """initiative id -> its DeliveryFacts; six statements whatever the number of initiatives."""
    rows = (
        session.connection()
        .execute(
            sa.select(
                Initiative.id, Initiative.status, Initiative.start_date, Initiative.created_at, Initiative.target_date
            ).where(*_only(Initiative.id, ids))
        )
        .all()
    )
    last = dict(
        session.connection()
        .execute(
            sa.select(CheckIn.initiative_id, sa.func.max(CheckIn.checkin_date))
            .where(*_only(CheckIn.initiative_id, ids))
            .group_by(CheckIn.initiative_id)
        )
        .all()
    )
    overdue = defaultdict(list)
    for initiative_id, title, due_on in session.connection().execute(
        sa.select(Milestone.initiative_id, Milestone.title, Milestone.due_on)
        .where(Milestone.done_on.is_(None), Milestone.due_on < today, *_only(Milestone.initiative_id, ids))
        .order_by(Milestone.due_on, Milestone.id)
    ):
        overdue[initiative_id].append((title, due_on))
    quarter = (today.month - 1) // 3 + 1
    planned = dict(
        session.connection()
        .execute(
            sa.select(BudgetLine.initiative_id, sa.func.sum(BudgetLine.planned_cents))
            .where(
                sa.or_(
                    BudgetLine.year < today.year, sa.and_(BudgetLine.year == today.year, BudgetLine.quarter <= quarter)
                ),
                *_only(BudgetLine.initiative_id, ids),
            )
            .group_by(BudgetLine.initiative_id)
        )
        .all()
    )
    actual = dict(
        session.connection()
        .execute(
            sa.select(Expense.initiative_id, sa.func.sum(Expense.amount_cents))
            .where(*_only(Expense.initiative_id, ids))
            .group_by(Expense.initiative_id)
        )
        .all()
    )
    blockers = _blockers(session, ids, today)
    return {
        initiative_id: DeliveryFacts(
            status=Status(status),
            started_on=start_date or created_at.date(),
            last_check_in=last.get(initiative_id),
            overdue_milestones=tuple(overdue[initiative_id]),
            planned_to_date_cents=int(planned.get(initiative_id) or 0),
            actual_cents=int(actual.get(initiative_id) or 0),
            blockers=tuple(blockers[initiative_id]),
            target_date=target_date,
        )
        for initiative_id, status, start_date, created_at, target_date in rows
    }


def _blockers(session: Session, ids: Collection[int] | None, today: date) -> dict[int, list[Blocker]]:
    latest = latest_check_ins()
    blocker = aliased(Initiative, name="blocker")
    found = defaultdict(list)
    for initiative_id, title, status, target_date, health in session.connection().execute(
        sa.select(
            InitiativeDependency.initiative_id, blocker.title, blocker.status, blocker.target_date, latest.c.health
        )
        .join(blocker, blocker.id == InitiativeDependency.blocked_by_id)
        .outerjoin(latest, latest.c.initiative_id == blocker.id)
        .where(*_only(InitiativeDependency.initiative_id, ids))
        .order_by(blocker.title)
    ):
        if Status(status) in CLOSED_STATUSES:
            continue  # delivered (or stopped): it blocks nothing any more
        late = target_date is not None and target_date < today
        found[initiative_id].append(Blocker(title=title, health=Health(health) if health else None, late=late))
    return found


def kpi_progress(session: Session, ids: Collection[int] | None) -> dict[int, list[KpiProgress]]:
    """initiative id -> its linked KPIs with baseline, target, latest reading that counts and the effect estimate
    where one with an interval exists (five statements: this one and cxgov.queries.impact's)."""
    latest = latest_counting_readings()
    effects = _effects(session, ids)
    found = defaultdict(list)
    for row in session.connection().execute(
        sa.select(
            InitiativeKpi.initiative_id,
            InitiativeKpi.kpi_id,
            Kpi.name,
            Kpi.direction,
            InitiativeKpi.baseline,
            InitiativeKpi.target,
            InitiativeKpi.target_date,
            latest.c.value,
        )
        .join(Kpi, Kpi.id == InitiativeKpi.kpi_id)
        .outerjoin(latest, latest.c.kpi_id == Kpi.id)
        .where(*_only(InitiativeKpi.initiative_id, ids))
        .order_by(Kpi.name)
    ):
        found[row.initiative_id].append(
            KpiProgress(
                name=row.name,
                direction=Direction(row.direction),
                baseline=row.baseline,
                target=row.target,
                target_date=row.target_date,
                latest=row.value,
                effect=effects.get((row.initiative_id, row.kpi_id)),
            )
        )
    return found


def _effects(session: Session, ids: Collection[int] | None) -> dict[tuple[int, int], EffectFacts]:
    """(initiative id, KPI id) -> the effect estimate, where it has an interval (a sample behind it)."""
    return {
        (impact.initiative_id, impact.kpi_id): EffectFacts(
            estimate.value, estimate.low, estimate.high, estimate.verdict
        )
        for impact in impacts(session, ids)
        if (estimate := impact.effect.estimate) is not None
        and estimate.low is not None
        and estimate.high is not None
        and estimate.verdict in ("significant", "noise")
    }


def work_began(session: Session, ids: Collection[int] | None) -> dict[int, date]:
    """initiative id -> the day its work began: the first day any of its cycles entered Do, or went on to Check
    or Act without a recorded Do (a finished quick fix skips Do). Absent: no work yet (one statement)."""
    began = sa.func.min(sa.func.coalesce(PdcaCycle.do_started_on, PdcaCycle.check_started_on, PdcaCycle.act_started_on))
    return {
        initiative_id: day
        for initiative_id, day in session.connection().execute(
            sa.select(PdcaCycle.initiative_id, began)
            .where(*_only(PdcaCycle.initiative_id, ids))
            .group_by(PdcaCycle.initiative_id)
        )
        if day is not None
    }
