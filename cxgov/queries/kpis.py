"""KPI reads: a discipline's KPIs with latest and previous-year values, and their monthly trend.

A KPI may have several readings for one month (one per source); which one counts is decided once, in
cxgov.queries.readings.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.models import CLOSED_STATUSES, Direction, Discipline, Initiative, InitiativeKpi, Kpi, KpiFigure, KpiKind
from cxgov.queries.readings import counting_readings
from cxgov.rules.kpi_engine import Tally, compare
from cxgov.settings import get_settings

KPI_COLUMNS = (
    "id",
    "code",
    "name",
    "kind",
    "unit",
    "scale_min",
    "scale_max",
    "direction",
    "latest_period",
    "latest_value",
    "sample_size",
    "latest_low",
    "latest_high",
    "latest_indicative",
    "previous_year_value",
    "linked_initiatives",
)


def _one_reading_per_period(name: str = "reading") -> sa.Subquery:
    """The reading that counts per KPI and month, with its year and month (to find the same month a year earlier)."""
    counting = counting_readings(f"{name}_counting")
    return sa.select(
        counting.c.kpi_id,
        counting.c.period,
        counting.c.value,
        counting.c.sample_size,
        counting.c.value_low,
        counting.c.value_high,
        counting.c.indicative,
        sa.extract("year", counting.c.period).label("year"),
        sa.extract("month", counting.c.period).label("month"),
    ).subquery(name)


def _of_discipline(discipline: Discipline | str | None) -> list[sa.ColumnElement]:
    """KPIs of the discipline itself, plus those its initiatives are measured against (None: every KPI)."""
    if discipline is None:
        return []
    discipline = Discipline(discipline)
    linked = (
        sa.select(InitiativeKpi.kpi_id)
        .join(Initiative, Initiative.id == InitiativeKpi.initiative_id)
        .where(Initiative.discipline == discipline)
    )
    return [Kpi.id.in_(sa.select(Kpi.id).where(sa.or_(Kpi.discipline == discipline, Kpi.id.in_(linked))))]


def _initiatives_of(discipline: Discipline | str | None) -> list[sa.ColumnElement]:
    return [] if discipline is None else [Initiative.discipline == Discipline(discipline)]


def discipline_kpis(session: Session, discipline: Discipline | str | None) -> pd.DataFrame:
    """Active KPIs of `discipline` (None: every active KPI) with latest value, n and 95 % interval (computed
    readings), the value twelve months earlier, linked initiatives (of the discipline)."""
    reading = _one_reading_per_period()
    newest = sa.select(
        reading,
        sa.func.row_number().over(partition_by=reading.c.kpi_id, order_by=reading.c.period.desc()).label("recency"),
    ).subquery("newest")
    latest = sa.select(newest).where(newest.c.recency == 1).subquery("latest")
    year_before = _one_reading_per_period("year_before")
    links = (
        sa.select(InitiativeKpi.kpi_id, sa.func.count().label("n"))
        .join(Initiative, Initiative.id == InitiativeKpi.initiative_id)
        .where(*_initiatives_of(discipline))
        .group_by(InitiativeKpi.kpi_id)
        .subquery("links")
    )
    query = (
        sa.select(
            Kpi.id,
            Kpi.code,
            Kpi.name,
            sa.type_coerce(Kpi.kind, sa.String),
            Kpi.unit,
            Kpi.scale_min,
            Kpi.scale_max,
            sa.type_coerce(Kpi.direction, sa.String),
            latest.c.period,
            latest.c.value,
            latest.c.sample_size,
            latest.c.value_low,
            latest.c.value_high,
            latest.c.indicative,
            year_before.c.value,
            sa.func.coalesce(links.c.n, 0),
        )
        .outerjoin(latest, latest.c.kpi_id == Kpi.id)
        .outerjoin(
            year_before,
            sa.and_(
                year_before.c.kpi_id == Kpi.id,
                year_before.c.year == latest.c.year - 1,
                year_before.c.month == latest.c.month,
            ),
        )
        .outerjoin(links, links.c.kpi_id == Kpi.id)
        .where(Kpi.active, *_of_discipline(discipline))
        .order_by(Kpi.name, Kpi.id)
    )
    return pd.DataFrame([tuple(r) for r in session.execute(query).all()], columns=list(KPI_COLUMNS))


def kpi_trends(session: Session, discipline: Discipline | str | None, since: date) -> pd.DataFrame:
    """Monthly readings from `since` on of every active KPI of `discipline` (None: of every active KPI):
    kpi_id, period, value, n."""
    reading = _one_reading_per_period()
    query = (
        sa.select(reading.c.kpi_id, reading.c.period, reading.c.value, reading.c.sample_size)
        .join(Kpi, Kpi.id == reading.c.kpi_id)
        .where(Kpi.active, reading.c.period >= since, *_of_discipline(discipline))
        .order_by(reading.c.kpi_id, reading.c.period)
    )
    rows = session.execute(query).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=["kpi_id", "period", "value", "sample_size"])


TARGET_COLUMNS = ("kpi_id", "target", "target_date", "initiative_id", "initiative_title", "targets_set")


def discipline_targets(session: Session, discipline: Discipline | str | None) -> pd.DataFrame:
    """Per KPI, the target the discipline page draws: of the targets the discipline's open initiatives (None:
    all open initiatives) set for it (their KPI links, which a PDCA cycle's target keeps up to date), the most
    ambitious one — highest when higher is better, lowest when lower is — the earliest due first among equals;
    with how many set one."""
    ambition = sa.case(
        (Kpi.direction == Direction.LOWER_IS_BETTER.value, InitiativeKpi.target), else_=-InitiativeKpi.target
    )
    ranked = (
        sa.select(
            InitiativeKpi.kpi_id,
            InitiativeKpi.target,
            InitiativeKpi.target_date,
            Initiative.id.label("initiative_id"),
            Initiative.title,
            sa.func.count().over(partition_by=InitiativeKpi.kpi_id).label("targets_set"),
            sa.func.row_number()
            .over(
                partition_by=InitiativeKpi.kpi_id,
                order_by=(ambition, InitiativeKpi.target_date.is_(None), InitiativeKpi.target_date, Initiative.id),
            )
            .label("rank"),
        )
        .join(Initiative, Initiative.id == InitiativeKpi.initiative_id)
        .join(Kpi, Kpi.id == InitiativeKpi.kpi_id)
        .where(
            *_initiatives_of(discipline),
            Initiative.status.not_in(CLOSED_STATUSES),
            InitiativeKpi.target.is_not(None),
            Kpi.active,
        )
    ).subquery("ranked_target")
    query = (
        sa.select(
            ranked.c.kpi_id,
            ranked.c.target,
            ranked.c.target_date,
            ranked.c.initiative_id,
            ranked.c.title,
            ranked.c.targets_set,
        )
        .where(ranked.c.rank == 1)
        .order_by(ranked.c.kpi_id)
    )
    return pd.DataFrame([tuple(r) for r in session.execute(query).all()], columns=list(TARGET_COLUMNS))


def year_on_year_verdicts(session: Session) -> pd.DataFrame:
    """Per KPI computed from responses: its latest month against the same month a year earlier, compared by the
    engine (kpi_id, change, change_low, change_high, verdict); one statement for every KPI."""
    rows = session.execute(
        sa.select(
            KpiFigure.kpi_id, Kpi.kind, KpiFigure.period, *(getattr(KpiFigure, f) for f in Tally.__dataclass_fields__)
        )
        .join(Kpi, Kpi.id == KpiFigure.kpi_id)
        .where(KpiFigure.grain == "month", KpiFigure.dimension == "", Kpi.active)
        .order_by(KpiFigure.kpi_id, KpiFigure.period)
    ).all()
    tallies: dict[int, dict[date, Tally]] = {}
    kinds: dict[int, KpiKind] = {}
    for kpi_id, kind, period, *tally in rows:
        tallies.setdefault(kpi_id, {})[period] = Tally(*tally)
        kinds[kpi_id] = KpiKind(kind)
    found = []
    for kpi_id, by_month in tallies.items():
        latest = max(by_month)
        before = by_month.get(latest.replace(year=latest.year - 1))
        if before is None:
            continue
        compared = compare(kinds[kpi_id], before, by_month[latest], min_n=get_settings().kpi_min_responses)
        found.append((kpi_id, compared.difference, compared.low, compared.high, compared.verdict))
    return pd.DataFrame(found, columns=["kpi_id", "change", "change_low", "change_high", "verdict"])
