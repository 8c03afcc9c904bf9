"""Measurement reads: the KPI catalogue with each KPI's latest value and margin, targets per period, one KPI's
monthly series beside last year's, and the latest quarter's figures per segment.

Values are the readings that count (cxgov.queries.readings): the computed one carries its 95 % interval, n and
whether it is indicative; a typed one has no interval.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.models import Department, Kpi, KpiFigure, KpiTarget, Person, SurveyImport, TaxonomyTerm
from cxgov.queries.base import code_text
from cxgov.queries.readings import counting_readings, latest_counting_readings

CATALOGUE_COLUMNS = (
    "id",
    "code",
    "name",
    "description",
    "kind",
    "unit",
    "scale_min",
    "scale_max",
    "method",
    "direction",
    "primary_source",
    "owner",
    "latest_period",
    "latest_value",
    "latest_low",
    "latest_high",
    "sample_size",
    "indicative",
)
SERIES_COLUMNS = ("period", "value", "value_low", "value_high", "sample_size", "indicative", "last_year")
SEGMENT_COLUMNS = ("period", "segment", "name_en", "name_nl", "value", "value_low", "value_high", "n", "indicative")
TERM_DIMENSIONS = ("channel", "journey_stage")  # segments that are ids of the editable lists


def _frame(session: Session, query, columns) -> pd.DataFrame:
    return pd.DataFrame([tuple(r) for r in session.execute(query).all()], columns=list(columns))


def kpi_catalogue(session: Session) -> pd.DataFrame:
    """Every active KPI with its definition, owner and latest counting value (with interval, n, indicative)."""
    latest = latest_counting_readings()
    owner = aliased(Person)
    query = (
        sa.select(
            Kpi.id,
            Kpi.code,
            Kpi.name,
            Kpi.description,
            code_text(Kpi.kind),
            Kpi.unit,
            Kpi.scale_min,
            Kpi.scale_max,
            Kpi.method,
            code_text(Kpi.direction),
            Kpi.primary_source,
            owner.name,
            latest.c.period,
            latest.c.value,
            latest.c.value_low,
            latest.c.value_high,
            latest.c.sample_size,
            latest.c.indicative,
        )
        .outerjoin(owner, owner.id == Kpi.owner_id)
        .outerjoin(latest, latest.c.kpi_id == Kpi.id)
        .where(Kpi.active)
        .order_by(Kpi.name, Kpi.id)
    )
    return _frame(session, query, CATALOGUE_COLUMNS)


def kpi_targets(session: Session) -> pd.DataFrame:
    """Every target of an active KPI, oldest month first: id, kpi_id, valid_from, target, version, set_by."""
    query = (
        sa.select(
            KpiTarget.id, KpiTarget.kpi_id, KpiTarget.valid_from, KpiTarget.target, KpiTarget.version, Person.name
        )
        .join(Kpi, Kpi.id == KpiTarget.kpi_id)
        .outerjoin(Person, Person.id == KpiTarget.set_by_id)
        .where(Kpi.active)
        .order_by(KpiTarget.kpi_id, KpiTarget.valid_from)
    )
    return _frame(session, query, ("id", "kpi_id", "valid_from", "target", "version", "set_by"))


def kpi_series(session: Session, kpi_id: int, since: date | None = None) -> pd.DataFrame:
    """The KPI's counting value per month from `since` on (None: all), with its interval, n, indicative and the
    value of the same month a year earlier (`last_year`, NaN where there was none)."""
    counting = counting_readings()
    query = (
        sa.select(
            counting.c.period,
            counting.c.value,
            counting.c.value_low,
            counting.c.value_high,
            counting.c.sample_size,
            counting.c.indicative,
        )
        .where(counting.c.kpi_id == kpi_id)
        .order_by(counting.c.period)
    )
    rows = _frame(session, query, SERIES_COLUMNS[:-1])
    earlier = dict(zip(rows["period"], rows["value"], strict=True))
    rows["last_year"] = [earlier.get(period.replace(year=period.year - 1)) for period in rows["period"]]
    rows["last_year"] = rows["last_year"].astype(float)
    return rows if since is None else rows[rows["period"] >= since].reset_index(drop=True)


def segment_breakdown(session: Session, kpi_id: int, dimension: str) -> pd.DataFrame:
    """The KPI's figure per segment of `dimension` in the latest quarter that has them: the segment, its name
    in English and Dutch (list terms and departments by their names, free text as it is), value, interval, n."""
    latest = (
        sa.select(sa.func.max(KpiFigure.period))
        .where(KpiFigure.kpi_id == kpi_id, KpiFigure.grain == "quarter", KpiFigure.dimension == dimension)
        .scalar_subquery()
    )
    name_en, name_nl, joins = KpiFigure.segment, KpiFigure.segment, []
    if dimension in TERM_DIMENSIONS:
        name_en, name_nl = TaxonomyTerm.name_en, TaxonomyTerm.name_nl
        joins = [(TaxonomyTerm, sa.cast(TaxonomyTerm.id, sa.String) == KpiFigure.segment)]
    elif dimension == "department":
        name_en = name_nl = Department.name
        joins = [(Department, sa.cast(Department.id, sa.String) == KpiFigure.segment)]
    query = sa.select(
        KpiFigure.period,
        KpiFigure.segment,
        sa.func.coalesce(name_en, KpiFigure.segment),
        sa.func.coalesce(name_nl, KpiFigure.segment),
        KpiFigure.value,
        KpiFigure.value_low,
        KpiFigure.value_high,
        KpiFigure.n,
        KpiFigure.indicative,
    ).select_from(KpiFigure)
    for table, on in joins:
        query = query.outerjoin(table, on)
    query = query.where(
        KpiFigure.kpi_id == kpi_id,
        KpiFigure.grain == "quarter",
        KpiFigure.dimension == dimension,
        KpiFigure.period == latest,
    ).order_by(KpiFigure.segment)
    return _frame(session, query, SEGMENT_COLUMNS)


RECENT_IMPORTS = 20  # the imports the Import tab lists: enough to see this month's files and whether one ran twice


def recent_imports(session: Session, limit: int = RECENT_IMPORTS) -> pd.DataFrame:
    """The latest imported files, newest first: when, kind, file name, preset, who, rows added and already known,
    and the rows added per KPI (JSON, KPI code → rows)."""
    query = (
        sa.select(
            SurveyImport.id,
            SurveyImport.imported_at,
            SurveyImport.kind,
            SurveyImport.file_name,
            SurveyImport.preset,
            Person.name,
            SurveyImport.rows_added,
            SurveyImport.rows_known,
            SurveyImport.rows_per_kpi,
        )
        .outerjoin(Person, Person.id == SurveyImport.imported_by_id)
        .order_by(SurveyImport.imported_at.desc(), SurveyImport.id.desc())
        .limit(limit)
    )
    columns = ("id", "imported_at", "kind", "file_name", "preset", "imported_by", "added", "known", "per_kpi")
    return _frame(session, query, columns)
