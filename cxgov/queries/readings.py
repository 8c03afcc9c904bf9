"""The reading that counts per KPI and month: the one SQL building block every read of KPI values uses.

Withdrawn readings never count. When a KPI has exactly one reading for a month, it counts. When several
sources report the same month, the one from the KPI's primary source counts and the others are shown beside
it, never mixed into the value; without a primary source, the reading computed from survey responses counts
(typed ones are shown beside it); otherwise none counts (the sources disagree until a primary source is set).
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from cxgov.models import Kpi, KpiReading

# How a reading stands in its month (Admin → KPIs shows it; `reading_standing` computes it).
ONLY, PRIMARY, BESIDE, DISAGREE, WITHDRAWN = "only", "primary", "beside", "disagree", "withdrawn"
COUNTING = (ONLY, PRIMARY)


def live_readings(name: str = "live_reading") -> sa.Subquery:
    """Readings not withdrawn, each with how many sources report its month, whether it is from the KPI's primary
    source, and whether any reading of its month is."""
    is_primary = sa.case(
        (sa.and_(Kpi.primary_source != "", KpiReading.source == Kpi.primary_source), 1),
        (sa.and_(Kpi.primary_source == "", KpiReading.origin == "computed"), 1),
        else_=0,
    )
    month = (KpiReading.kpi_id, KpiReading.period)
    return (
        sa.select(
            KpiReading.id,
            KpiReading.kpi_id,
            KpiReading.period,
            KpiReading.value,
            KpiReading.sample_size,
            KpiReading.source,
            KpiReading.origin,
            KpiReading.value_low,
            KpiReading.value_high,
            KpiReading.indicative,
            sa.func.count().over(partition_by=month).label("reports"),
            is_primary.label("is_primary"),
            sa.func.max(is_primary).over(partition_by=month).label("month_has_primary"),
        )
        .join(Kpi, Kpi.id == KpiReading.kpi_id)
        .where(KpiReading.withdrawn_at.is_(None))
        .subquery(name)
    )


def counting_readings(name: str = "counting_reading") -> sa.Subquery:
    """The reading that counts per KPI and month: id, kpi_id, period, value, sample_size, source, origin, its
    95 % interval (value_low, value_high; computed readings only) and whether it is indicative."""
    live = live_readings(f"{name}_live")
    return (
        sa.select(
            live.c.id,
            live.c.kpi_id,
            live.c.period,
            live.c.value,
            live.c.sample_size,
            live.c.source,
            live.c.origin,
            live.c.value_low,
            live.c.value_high,
            live.c.indicative,
        )
        .where(sa.or_(live.c.reports == 1, live.c.is_primary == 1))
        .subquery(name)
    )


def latest_counting_readings(
    name: str = "latest_reading", since: date | None = None, until: date | None = None
) -> sa.Subquery:
    """Per KPI, the newest month's reading that counts (from `since` on, up to `until`, when given)."""
    counting = counting_readings(f"{name}_counting")
    ranked = sa.select(
        counting,
        sa.func.row_number().over(partition_by=counting.c.kpi_id, order_by=counting.c.period.desc()).label("recency"),
    )
    if since is not None:
        ranked = ranked.where(counting.c.period >= since)
    if until is not None:
        ranked = ranked.where(counting.c.period <= until)
    ranked = ranked.subquery(f"{name}_ranked")
    return sa.select(*(c for c in ranked.c if c.name != "recency")).where(ranked.c.recency == 1).subquery(name)


def reading_standing(live: sa.Subquery) -> sa.ColumnElement:
    """ONLY / PRIMARY / BESIDE / DISAGREE for a row of `live_readings` (outer-joined: WITHDRAWN where missing)."""
    return sa.case(
        (live.c.id.is_(None), WITHDRAWN),
        (live.c.reports == 1, ONLY),
        (live.c.is_primary == 1, PRIMARY),
        (live.c.month_has_primary == 1, BESIDE),
        else_=DISAGREE,
    )
