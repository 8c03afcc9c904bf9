"""Figures recomputed from stored survey responses, on both databases: per month and quarter, overall and per
segment, the same values the engine gives for the same answers; the overall month becomes the computed reading
that counts; a typed reading cannot take its source, and a computed one cannot be edited by hand."""

from datetime import date

import pytest
import sqlalchemy as sa

from cxgov.db import session_scope
from cxgov.errors import ValidationError
from cxgov.models import KpiFigure, KpiKind, KpiReading, Role
from cxgov.queries import kpis as kpi_queries
from cxgov.rules.kpi_engine import Tally, figures
from cxgov.services.figures import recompute_figures
from cxgov.services.kpis import correct_kpi_reading, record_kpi_reading, withdraw_kpi_reading
from tests.admin_helpers import run
from tests.factories import add_person
from tests.measurement.builders import add_responses, add_survey_kpi

JAN, FEB, APR = date(2025, 1, 1), date(2025, 2, 1), date(2025, 4, 1)


def _figures(engine, kpi_id):
    with session_scope(engine) as session:
        rows = session.execute(sa.select(KpiFigure).where(KpiFigure.kpi_id == kpi_id)).scalars().all()
        return {(f.grain, f.period, f.dimension, f.segment): f for f in rows}


def test_months_quarters_and_segments_match_the_engine(engine):
    kpi = add_survey_kpi(engine)
    jan = [10] * 40 + [8] * 30 + [3] * 30
    feb = [9] * 20 + [5] * 10
    answers = [(date(2025, 1, 5), s, {"touchpoint": "Kassa" if i % 2 else "Web"}) for i, s in enumerate(jan)]
    answers += [(date(2025, 2, 27), s, {"touchpoint": "Kassa"}) for s in feb]
    answers += [(date(2025, 4, 1), 10, {})]
    add_responses(engine, kpi, answers)
    stored = _figures(engine, kpi)

    january = stored[("month", JAN, "", "")]
    expected, _ = figures(KpiKind.NPS, Tally.of(KpiKind.NPS, jan), min_n=30)
    assert (january.n, january.value) == (100, pytest.approx(10.0))
    assert january.value_low == pytest.approx(expected.low) and january.value_high == pytest.approx(expected.high)
    assert january.indicative is False
    quarter = stored[("quarter", JAN, "", "")]
    pooled, _ = figures(KpiKind.NPS, Tally.of(KpiKind.NPS, jan + feb), min_n=30)
    assert (quarter.n, quarter.value) == (130, pytest.approx(pooled.value))
    assert stored[("quarter", APR, "", "")].n == 1
    assert stored[("month", JAN, "touchpoint", "Kassa")].n == 50
    assert stored[("month", FEB, "touchpoint", "Kassa")].n == 30
    assert ("month", APR, "touchpoint", "") not in stored  # no segment: counted overall only
    assert (stored[("month", FEB, "", "")].n, stored[("month", FEB, "", "")].indicative) == (
        30,
        False,
    )  # at the minimum
    assert stored[("month", FEB, "touchpoint", "Kassa")].indicative is False
    assert stored[("month", JAN, "touchpoint", "Web")].indicative is False
    assert stored[("quarter", APR, "", "")].indicative is True


def test_the_overall_month_is_the_computed_reading_that_counts(engine):
    kpi = add_survey_kpi(engine, "KTV", "ktv")
    add_responses(engine, kpi, [(date(2025, 1, 3), s, {}) for s in [8] * 50 + [6] * 50])
    with session_scope(engine) as session:
        reading = session.execute(sa.select(KpiReading).where(KpiReading.kpi_id == kpi)).scalar_one()
        assert (reading.origin, reading.value, reading.sample_size, reading.second_value) == (
            "computed",
            7.0,
            100,
            50.0,
        )
        assert reading.value_low < 7.0 < reading.value_high
        trend = kpi_queries.kpi_trends(session, None, date(2024, 1, 1))
    assert trend["value"].tolist() == [7.0]


def test_recomputing_replaces_and_leaves_typed_readings(engine):
    analyst = add_person(engine, Role.ANALYST)
    kpi = add_survey_kpi(engine)
    run(
        engine,
        record_kpi_reading,
        analyst,
        data={"kpi_id": kpi, "period": JAN, "value": 20, "sample_size": 500, "source": "panel"},
    )
    add_responses(engine, kpi, [(date(2025, 1, 3), 10, {})] * 40)
    add_responses(engine, kpi, [(date(2025, 1, 9), 0, {})] * 40)
    with session_scope(engine) as session:
        readings = session.execute(sa.select(KpiReading.origin, KpiReading.value, KpiReading.sample_size)).all()
        assert sorted(readings) == [("computed", 0.0, 80), ("typed", 20.0, 500)]
        trend = kpi_queries.kpi_trends(session, None, date(2024, 1, 1))
        assert trend["value"].tolist() == [0.0]  # computed counts when the KPI names no primary source
        assert recompute_figures(session, []) == 0


def test_a_typed_reading_cannot_take_the_computed_source_nor_edit_a_computed_one(engine):
    analyst = add_person(engine, Role.ANALYST)
    kpi = add_survey_kpi(engine)
    with pytest.raises(ValidationError) as refused:
        run(
            engine,
            record_kpi_reading,
            analyst,
            data={"kpi_id": kpi, "period": JAN, "value": 1, "sample_size": 9, "source": " Responses"},
        )
    assert "source" in refused.value.errors
    add_responses(engine, kpi, [(date(2025, 1, 3), 10, {})] * 40)
    with session_scope(engine) as session:
        reading = session.execute(sa.select(KpiReading.id, KpiReading.version)).one()
    for service, data in (
        (correct_kpi_reading, {"value": 5, "sample_size": 40, "reason": "typo"}),
        (withdraw_kpi_reading, {"reason": "wrong"}),
    ):
        with pytest.raises(ValidationError) as refused:
            run(engine, service, analyst, reading_id=reading.id, seen_version=reading.version, data=data)
        assert "reason" in refused.value.errors
