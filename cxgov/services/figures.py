"""Recompute the figures of KPIs from their survey responses: per month and quarter, overall and per segment.

The responses are summed in SQL into tallies (n, sum, sum of squares, top and bottom group counts), one statement
per grouping; a quarter is the sum of its months' tallies (counts add up, percentages do not). The engine
(cxgov.rules.kpi_engine) turns each tally into a value with its 95 % interval. The overall month is also written
as the KPI's computed reading, replacing the previous computed readings, so every page reads one number.
Computed rows are derived data: no audit event of their own (the import that changed the responses has one).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.models import Kpi, KpiFigure, KpiKind, KpiReading, SurveyResponse
from cxgov.models.measurement import COMPUTED_SOURCE, DIMENSIONS
from cxgov.rules.kpi_engine import MEAN, SCORING, Tally, figures
from cxgov.settings import get_settings

TALLY_FIELDS = ("n", "total", "total_sq", "high", "low")
MEAN_DIGITS, POINT_DIGITS = 2, 1  # how a computed reading is rounded: KTV 7.62, NPS 33.3, CSAT 87.1
_TEXT_SEGMENTS = ("touchpoint", "region")  # free text: "" means none; the others are ids: NULL means none
_SEGMENT_COLUMNS = {
    "channel": SurveyResponse.channel_id,
    "touchpoint": SurveyResponse.touchpoint,
    "journey_stage": SurveyResponse.journey_stage_id,
    "department": SurveyResponse.department_id,
    "region": SurveyResponse.region,
}


def _threshold(side: str) -> sa.ColumnElement:
    """The kind's threshold of its top ("high_from") or bottom ("low_to") group, as SQL on the KPI's kind."""
    whens = [(Kpi.kind == kind.value, getattr(s, side)) for kind, s in SCORING.items() if getattr(s, side) is not None]
    return sa.case(*whens, else_=None)


def _cells(session: Session, kpi_ids: list[int]) -> pd.DataFrame:
    """The tallies of every KPI, month and combination of segments, in one pass over the responses."""
    score = SurveyResponse.score
    keys = [SurveyResponse.kpi_id, SurveyResponse.period, *_SEGMENT_COLUMNS.values()]
    query = (
        sa.select(
            *keys,
            sa.func.count().label("n"),
            sa.func.sum(score).label("total"),
            sa.func.sum(score * score).label("total_sq"),
            sa.func.sum(sa.case((score >= _threshold("high_from"), 1), else_=0)).label("high"),
            sa.func.sum(sa.case((score <= _threshold("low_to"), 1), else_=0)).label("low"),
        )
        .join(Kpi, Kpi.id == SurveyResponse.kpi_id)
        .where(SurveyResponse.kpi_id.in_(kpi_ids))
        .group_by(*keys)
    )
    rows = [tuple(row) for row in session.execute(query).all()]
    return pd.DataFrame(rows, columns=["kpi_id", "period", *_SEGMENT_COLUMNS, *TALLY_FIELDS])


def _tallies(cells: pd.DataFrame, dimension: str) -> pd.DataFrame:
    """One row per KPI and month (and segment of `dimension`; "" for overall) with its summed tally."""
    if not dimension:
        summed = cells.groupby(["kpi_id", "period"], as_index=False)[list(TALLY_FIELDS)].sum()
        return summed.assign(dimension="", segment="")
    present = cells[dimension] != "" if dimension in _TEXT_SEGMENTS else cells[dimension].notna()
    summed = cells[present].groupby(["kpi_id", "period", dimension], as_index=False)[list(TALLY_FIELDS)].sum()
    segments = summed[dimension] if dimension in _TEXT_SEGMENTS else summed[dimension].astype("int64").astype(str)
    return summed.drop(columns=[dimension]).assign(dimension=dimension, segment=segments.astype(str))


def _quarters(months: pd.DataFrame) -> pd.DataFrame:
    """The quarters' tallies: the sum of their months' (a quarter is dated by its first day)."""
    if months.empty:
        return months.assign(grain=pd.Series(dtype=str))
    quarter = months.assign(period=[date(p.year, (p.month - 1) // 3 * 3 + 1, 1) for p in months["period"]])
    summed = quarter.groupby(["kpi_id", "dimension", "segment", "period"], as_index=False)[list(TALLY_FIELDS)].sum()
    return summed.assign(grain="quarter")


def _figure_rows(cells: pd.DataFrame, kinds: dict[int, KpiKind], min_n: int) -> list[dict]:
    """Each tally with its engine figures, as kpi_figure rows."""
    rows = []
    for cell in cells.itertuples(index=False):
        tally = Tally(int(cell.n), float(cell.total), float(cell.total_sq), int(cell.high), int(cell.low))
        primary, second = figures(kinds[cell.kpi_id], tally, min_n=min_n)
        rows.append(
            {
                "kpi_id": int(cell.kpi_id),
                "grain": cell.grain,
                "period": cell.period,
                "dimension": cell.dimension,
                "segment": cell.segment,
                **{name: getattr(tally, name) for name in TALLY_FIELDS},
                "value": primary.value,
                "value_low": primary.low,
                "value_high": primary.high,
                "second_value": second.value if second else None,
                "second_low": second.low if second else None,
                "second_high": second.high if second else None,
                "indicative": primary.indicative,
            }
        )
    return rows


def recompute_figures(session: Session, kpi_ids: Iterable[int]) -> int:
    """Replace every computed figure and computed reading of `kpi_ids` by ones computed from their responses
    now; returns the number of figures written."""
    ids = sorted(set(kpi_ids))
    if not ids:
        return 0
    kinds = {
        kpi_id: KpiKind(kind) for kpi_id, kind in session.execute(sa.select(Kpi.id, Kpi.kind).where(Kpi.id.in_(ids)))
    }
    cells = _cells(session, ids)
    months = pd.concat([_tallies(cells, dimension) for dimension in ("", *DIMENSIONS)], ignore_index=True)
    months = months.assign(grain="month")
    rows = _figure_rows(
        pd.concat([months, _quarters(months)], ignore_index=True), kinds, get_settings().kpi_min_responses
    )
    session.execute(sa.delete(KpiFigure).where(KpiFigure.kpi_id.in_(ids)))
    session.execute(sa.delete(KpiReading).where(KpiReading.kpi_id.in_(ids), KpiReading.origin == "computed"))
    if rows:
        session.execute(sa.insert(KpiFigure), rows)
        readings = [
            _reading(row, kinds[row["kpi_id"]]) for row in rows if row["grain"] == "month" and row["dimension"] == ""
        ]
        if readings:
            session.execute(sa.insert(KpiReading), readings)
    return len(rows)


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _reading(figure: dict, kind: KpiKind) -> dict:
    """The computed reading of an overall month: its value, n, interval and indicative flag, rounded as the KPI is
    reported (a mean grade to two decimals, a percentage or net score to one: finer digits are noise at any n a
    survey has); the figures keep every digit."""
    scoring = SCORING[kind]
    digits = MEAN_DIGITS if scoring.primary == MEAN else POINT_DIGITS
    second = MEAN_DIGITS if scoring.second == MEAN else POINT_DIGITS
    return {
        "kpi_id": figure["kpi_id"],
        "period": figure["period"],
        "value": _rounded(figure["value"], digits),
        "sample_size": figure["n"],
        "source": COMPUTED_SOURCE,
        "origin": "computed",
        "value_low": _rounded(figure["value_low"], digits),
        "value_high": _rounded(figure["value_high"], digits),
        "indicative": figure["indicative"],
        "second_value": _rounded(figure["second_value"], second),
        "second_low": _rounded(figure["second_low"], second),
        "second_high": _rounded(figure["second_high"], second),
    }
