"""Admin reads: people (with their local account), departments, objectives, list values, the KPI catalogue and KPI readings.

Each returns a DataFrame with the editable fields and the `version` (what an edit form starts from),
plus counts aggregated in SQL. Enum columns hold their string codes; the UI translates them.
"""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.models import (
    Department,
    Initiative,
    Kpi,
    KpiReading,
    LocalAccount,
    Person,
    StrategicObjective,
    TaxonomyTerm,
    base,
)
from cxgov.queries import readings
from cxgov.queries.base import code_text, read_frame

READINGS_SHOWN = 120  # ten years of monthly readings: plenty for the admin table, bounded for big imports


def _count_by(column) -> sa.Subquery:
    """key -> how many rows point at it, for 'people in this department' style counts."""
    return sa.select(column.label("key"), sa.func.count().label("n")).group_by(column).subquery()


def people(
    session: Session, *, role: str | None = None, department_id: int | None = None, active: bool | None = None
) -> pd.DataFrame:
    """People with their department name, how many initiatives they own and their local account, filtered in SQL.

    `has_account` and `locked` (locked out right now) describe the local account; its hash is never read.
    """
    owned = _count_by(Initiative.owner_id)
    locked = sa.case((LocalAccount.locked_until > base.utcnow(), sa.true()), else_=sa.false())
    query = (
        sa.select(
            Person.id,
            Person.name,
            Person.email,
            Person.department_id,
            Department.name.label("department"),
            code_text(Person.role).label("role"),
            Person.active,
            sa.func.coalesce(owned.c.n, 0).label("initiatives"),
            sa.type_coerce(LocalAccount.person_id.is_not(None), sa.Boolean).label("has_account"),
            sa.type_coerce(locked, sa.Boolean).label("locked"),
            Person.version,
        )
        .outerjoin(Department, Department.id == Person.department_id)
        .outerjoin(owned, owned.c.key == Person.id)
        .outerjoin(LocalAccount, LocalAccount.person_id == Person.id)
        .order_by(Person.name, Person.id)
    )
    if role:
        query = query.where(Person.role == role)
    if department_id is not None:
        query = query.where(Person.department_id == department_id)
    if active is not None:
        query = query.where(Person.active == active)
    return read_frame(session, query)


def departments(session: Session) -> pd.DataFrame:
    """Departments with their number of people and of initiatives they own."""
    staff, owned = _count_by(Person.department_id), _count_by(Initiative.owning_department_id)
    return read_frame(
        session,
        sa.select(
            Department.id,
            Department.name,
            Department.active,
            sa.func.coalesce(staff.c.n, 0).label("people"),
            sa.func.coalesce(owned.c.n, 0).label("initiatives"),
            Department.version,
        )
        .outerjoin(staff, staff.c.key == Department.id)
        .outerjoin(owned, owned.c.key == Department.id)
        .order_by(Department.name),
    )


def objectives(session: Session) -> pd.DataFrame:
    """Strategic objectives with their owner (also when deactivated) and number of initiatives."""
    linked = _count_by(Initiative.objective_id)
    return read_frame(
        session,
        sa.select(
            StrategicObjective.id,
            StrategicObjective.title,
            StrategicObjective.description,
            StrategicObjective.owner_id,
            Person.name.label("owner"),
            StrategicObjective.active,
            sa.func.coalesce(linked.c.n, 0).label("initiatives"),
            StrategicObjective.version,
        )
        .outerjoin(Person, Person.id == StrategicObjective.owner_id)
        .outerjoin(linked, linked.c.key == StrategicObjective.id)
        .order_by(StrategicObjective.title),
    )


def terms(session: Session, *, kind: str | None = None) -> pd.DataFrame:
    """Journey stages and channels in list order."""
    query = sa.select(
        TaxonomyTerm.id,
        code_text(TaxonomyTerm.kind).label("kind"),
        TaxonomyTerm.code,
        TaxonomyTerm.name_en,
        TaxonomyTerm.name_nl,
        TaxonomyTerm.position,
        TaxonomyTerm.active,
        TaxonomyTerm.version,
    ).order_by(TaxonomyTerm.kind, TaxonomyTerm.position, TaxonomyTerm.code)
    if kind:
        query = query.where(TaxonomyTerm.kind == kind)
    return read_frame(session, query)


def kpis(session: Session) -> pd.DataFrame:
    """The KPI catalogue with owner, readings recorded (not withdrawn), the latest month with a reading that
    counts, and the months whose sources disagree (several readings, none from the primary source)."""
    owner = aliased(Person)
    live = readings.live_readings()
    latest = readings.latest_counting_readings()
    disagreeing = sa.and_(live.c.reports > 1, live.c.month_has_primary == 0)
    counts = (
        sa.select(
            live.c.kpi_id,
            sa.func.count().label("n"),
            sa.func.count(sa.distinct(sa.case((disagreeing, live.c.period)))).label("disagreeing"),
        )
        .group_by(live.c.kpi_id)
        .subquery("reading_counts")
    )
    return read_frame(
        session,
        sa.select(
            Kpi.id,
            Kpi.code,
            Kpi.name,
            code_text(Kpi.kind).label("kind"),
            Kpi.unit,
            Kpi.scale_min,
            Kpi.scale_max,
            Kpi.method,
            code_text(Kpi.direction).label("direction"),
            code_text(Kpi.discipline).label("discipline"),
            Kpi.owner_id,
            owner.name.label("owner"),
            Kpi.description,
            Kpi.primary_source,
            Kpi.active,
            sa.func.coalesce(counts.c.n, 0).label("readings"),
            latest.c.period.label("latest_period"),
            sa.func.coalesce(counts.c.disagreeing, 0).label("disagreeing_months"),
            Kpi.version,
        )
        .outerjoin(owner, owner.id == Kpi.owner_id)
        .outerjoin(counts, counts.c.kpi_id == Kpi.id)
        .outerjoin(latest, latest.c.kpi_id == Kpi.id)
        .order_by(Kpi.code),
    )


def kpi_readings(session: Session, kpi_id: int, limit: int = READINGS_SHOWN) -> pd.DataFrame:
    """The latest readings of one KPI, newest first: source, how each stands in its month (counts as the only or
    the primary one, shown beside, sources disagree, withdrawn), who corrected or withdrew it and why."""
    live = readings.live_readings()
    corrector, withdrawer = aliased(Person, name="corrector"), aliased(Person, name="withdrawer")
    return read_frame(
        session,
        sa.select(
            KpiReading.id,
            KpiReading.period,
            KpiReading.value,
            KpiReading.sample_size,
            KpiReading.source,
            readings.reading_standing(live).label("standing"),
            KpiReading.version,
            KpiReading.updated_at,
            corrector.name.label("updated_by"),
            KpiReading.withdrawn_at,
            withdrawer.name.label("withdrawn_by"),
            KpiReading.withdrawal_reason,
        )
        .outerjoin(live, live.c.id == KpiReading.id)
        .outerjoin(corrector, corrector.id == KpiReading.updated_by_id)
        .outerjoin(withdrawer, withdrawer.id == KpiReading.withdrawn_by_id)
        .where(KpiReading.kpi_id == kpi_id)
        .order_by(KpiReading.period.desc(), KpiReading.source, KpiReading.id)
        .limit(limit),
    )
