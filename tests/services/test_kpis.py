"""The KPI catalogue and KPI readings."""

from datetime import date

import pytest

from cxgov.db import session_scope
from cxgov.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from cxgov.models import Kpi, Role
from cxgov.queries import admin as admin_queries
from cxgov.services.kpis import create_kpi, record_kpi_reading, update_kpi
from tests.admin_helpers import audit_count, audit_events, run
from tests.factories import add_person

NPS = {
    "code": "nps_rel",
    "name": "Relationship NPS",
    "kind": "nps",
    "unit": "pt",
    "scale_min": -100,
    "scale_max": 100,
    "method": "100 × (promoters − detractors) / answers",
    "discipline": "measurement",
}


def test_create_and_edit_a_kpi(engine):
    analyst = add_person(engine, Role.ANALYST)
    kpi_id = run(engine, create_kpi, analyst, data=NPS | {"owner_id": analyst})
    with session_scope(engine) as session:
        assert session.get(Kpi, kpi_id).code == "NPS_REL"
    changes = run(
        engine,
        update_kpi,
        analyst,
        kpi_id=kpi_id,
        seen_version=1,
        data=NPS | {"owner_id": analyst, "direction": "lower_is_better"},
    )
    assert changes == {"direction": ("higher_is_better", "lower_is_better")}
    assert audit_events(engine, "kpi")[-1] == (
        str(kpi_id),
        "update",
        "direction",
        "higher_is_better",
        "lower_is_better",
    )


def test_kpi_validation_and_unique_code(engine):
    office = add_person(engine, Role.PROGRAMME_OFFICE)
    run(engine, create_kpi, office, data=NPS)
    with pytest.raises(ValidationError) as caught:
        run(engine, create_kpi, office, data=NPS | {"code": "NPS_Rel"})
    assert caught.value.errors == {"code": ("error.name_taken", {})}
    with pytest.raises(ValidationError) as caught:
        run(engine, create_kpi, office, data=NPS | {"code": "X", "scale_min": 10, "scale_max": 0})
    assert caught.value.errors["scale_max"][0] == "admin.error.scale_order"


@pytest.mark.parametrize("role", [Role.LEADER, Role.MANAGER, Role.CONTRIBUTOR, Role.VIEWER])
def test_only_kpi_managers_write(engine, role):
    analyst, actor = add_person(engine, Role.ANALYST), add_person(engine, role)
    kpi_id = run(engine, create_kpi, analyst, data=NPS)
    with pytest.raises(PermissionDenied):
        run(engine, create_kpi, actor, data=NPS | {"code": "OTHER"})
    with pytest.raises(PermissionDenied):
        run(engine, update_kpi, actor, kpi_id=kpi_id, seen_version=1, data=NPS)
    with pytest.raises(PermissionDenied):
        run(engine, record_kpi_reading, actor, data={"kpi_id": kpi_id, "period": date(2026, 10, 1), "value": 30})


def test_stale_edit_conflicts_and_no_op_writes_nothing(engine):
    analyst = add_person(engine, Role.ANALYST)
    kpi_id = run(engine, create_kpi, analyst, data=NPS)
    before = audit_count(engine)
    assert run(engine, update_kpi, analyst, kpi_id=kpi_id, seen_version=1, data=NPS) == {}
    assert audit_count(engine) == before
    run(engine, update_kpi, analyst, kpi_id=kpi_id, seen_version=1, data=NPS | {"name": "rNPS"})
    with pytest.raises(ConflictError):
        run(engine, update_kpi, analyst, kpi_id=kpi_id, seen_version=1, data=NPS | {"name": "NPS"})


def test_readings_are_recorded_and_duplicates_refused_with_a_field_message(engine):
    analyst = add_person(engine, Role.ANALYST)
    kpi_id = run(engine, create_kpi, analyst, data=NPS)
    reading = {"kpi_id": kpi_id, "period": date(2026, 10, 1), "value": 28.4, "sample_size": 812, "source": "panel"}
    reading_id = run(engine, record_kpi_reading, analyst, data=reading)
    assert audit_events(engine, "kpi_reading")[-1][:2] == (str(reading_id), "create")
    before = audit_count(engine)
    with pytest.raises(ValidationError) as caught:
        run(engine, record_kpi_reading, analyst, data=reading | {"value": 30})
    assert caught.value.errors["period"] == ("admin.error.reading_exists", {"period": "2026-10-01", "source": "panel"})
    assert audit_count(engine) == before
    run(engine, record_kpi_reading, analyst, data=reading | {"source": "survey tool"})  # another source is fine
    with session_scope(engine) as session:
        # Two sources for October and no primary source: the sources disagree, so no month counts yet.
        assert admin_queries.kpis(session)[["readings", "latest_period", "disagreeing_months"]].values.tolist() == [
            [2, None, 1]
        ]
        assert len(admin_queries.kpi_readings(session, kpi_id)) == 2


def test_reading_validation(engine):
    analyst = add_person(engine, Role.ANALYST)
    kpi_id = run(engine, create_kpi, analyst, data=NPS)
    with pytest.raises(ValidationError) as caught:
        run(
            engine,
            record_kpi_reading,
            analyst,
            data={"kpi_id": kpi_id, "period": date(2026, 10, 15), "value": float("nan"), "sample_size": -1},
        )
    assert set(caught.value.errors) == {"period", "value", "sample_size"}
    assert caught.value.errors["period"][0] == "admin.error.period_first_day"
    with pytest.raises(NotFound):
        run(engine, record_kpi_reading, analyst, data={"kpi_id": 999, "period": date(2026, 10, 1), "value": 1})
