"""Importing aggregated readings from files, on both databases: a Dutch file read right, every problem named by its
row, nothing written until the file is clean, then every reading with its own audit event; a reading already
stored is known, a different one for its month and source refused."""

import json
from datetime import date

import pytest
import sqlalchemy as sa

from cxgov.db import session_scope
from cxgov.errors import PermissionDenied, ValidationError
from cxgov.io.problems import problem_text
from cxgov.io.reading_plan import ReadingOptions
from cxgov.models import AuditEvent, Kpi, KpiReading, Role, SurveyImport
from cxgov.services.kpis import record_kpi_reading
from cxgov.services.reading_import import import_readings, preview_readings
from tests.admin_helpers import audit_events, run
from tests.factories import add_person

DUTCH = (
    "KPI;Maand;Waarde;Aantal;Bron\n"
    "RNPS;mrt 2025;7,4;812;Panel Q\n"
    "Contactratio;01-04-2025;1.234,5;;\n"
    "contacts;2025-05;3,25;;Telefonie\n"
)


@pytest.fixture
def setup(engine):
    analyst = add_person(engine, Role.ANALYST)
    with session_scope(engine, write=True) as session:
        kpis = [
            Kpi(code="RNPS", name="Relationship NPS", kind="nps"),
            Kpi(code="CONTACTS", name="Contactratio", kind="operational", scale_min=0),
        ]
        session.add_all(kpis)
        session.flush()
        return analyst, {kpi.code: kpi.id for kpi in kpis}


def preview(engine, actor, text, encoding="utf-8", **options):
    return run(
        engine,
        preview_readings,
        actor,
        data=text.encode(encoding),
        file_name="readings.csv",
        options=ReadingOptions(**options),
    )


def do_import(engine, actor, text, encoding="utf-8", **options):
    return run(
        engine,
        import_readings,
        actor,
        data=text.encode(encoding),
        file_name="readings.csv",
        options=ReadingOptions(**options),
    )


def readings(engine):
    with session_scope(engine) as session:
        return session.execute(
            sa.select(KpiReading.kpi_id, KpiReading.period, KpiReading.value, KpiReading.sample_size, KpiReading.source)
            .where(KpiReading.withdrawn_at.is_(None))
            .order_by(KpiReading.period)
        ).all()


def test_a_dutch_file_is_previewed_then_imported_with_an_audit_event_per_reading(engine, setup):
    analyst, kpis = setup
    shown = preview(engine, analyst, DUTCH, encoding="cp1252")
    assert shown.plan.ok, [problem_text(p) for p in shown.plan.problems]
    assert (len(shown.plan.readings), shown.known) == (3, 0)
    result = do_import(engine, analyst, DUTCH, encoding="cp1252")
    assert (result.added, result.known, result.per_kpi) == (3, 0, {"CONTACTS": 2, "RNPS": 1})
    assert readings(engine) == [
        (kpis["RNPS"], date(2025, 3, 1), 7.4, 812, "Panel Q"),
        (kpis["CONTACTS"], date(2025, 4, 1), 1234.5, None, ""),
        (kpis["CONTACTS"], date(2025, 5, 1), 3.25, None, "Telefonie"),
    ]
    with session_scope(engine) as session:
        batch = session.execute(sa.select(SurveyImport)).scalar_one()
        origins = session.execute(sa.select(KpiReading.origin)).scalars().all()
        reasons = session.execute(sa.select(AuditEvent.reason).where(AuditEvent.entity == "kpi_reading")).scalars()
        assert set(reasons) == {f"imported from readings.csv (import {batch.id})"}
    assert (batch.kind, batch.rows_added, batch.rows_known, batch.imported_by_id) == ("readings", 3, 0, analyst)
    assert json.loads(batch.rows_per_kpi) == {"CONTACTS": 2, "RNPS": 1} and set(origins) == {"typed"}
    created = audit_events(engine, "kpi_reading")
    assert [action for _, action, *_ in created] == ["create"] * 3
    assert json.loads(created[0][4])["value"] == "7.4" and json.loads(created[0][4])["source"] == "Panel Q"
    files = audit_events(engine, "survey_import")
    assert len(files) == 1 and batch.sha256 in files[0][4] and "readings.csv" in files[0][4]


def test_a_file_with_any_problem_writes_nothing(engine, setup):
    analyst, _ = setup
    bad = DUTCH + "RNPS;15-06-2025;7;800;\nRNPS;2025-04;7;;\nRNPS;2025-03;6;700;Panel Q\nXYZ;2025-05;1;;\n"
    shown = preview(engine, analyst, bad)
    assert [(p.row, p.key) for p in shown.plan.problems] == [
        (5, "import.period.not_first_day"),
        (6, "kpi_rules.error.sample_required"),
        (7, "import.reading.repeated"),
        (8, "import.kpi.unknown"),
    ]
    with pytest.raises(ValidationError) as refused:
        do_import(engine, analyst, bad)
    assert refused.value.errors["file"] == ("import.refused", {"count": 4})
    assert readings(engine) == []
    with session_scope(engine) as session:
        assert session.execute(sa.select(sa.func.count()).select_from(SurveyImport)).scalar_one() == 0
        assert session.execute(sa.select(sa.func.count()).select_from(AuditEvent)).scalar_one() == 0


def test_a_reimport_is_known_and_a_different_value_is_refused_with_the_stored_one(engine, setup):
    analyst, _ = setup
    do_import(engine, analyst, DUTCH)
    again = do_import(engine, analyst, DUTCH + "RNPS;2025-04;7,9;640;Panel Q\n")
    assert (again.added, again.known, again.per_kpi) == (1, 3, {"RNPS": 1})
    changed = DUTCH.replace("7,4;812", "7,5;812")
    shown = preview(engine, analyst, changed)
    assert [problem_text(p) for p in shown.plan.problems] == [
        "row 2, Value: this month and source already have 7.4 (n 812): correct it in Admin → KPIs"
    ]
    assert shown.known == 2
    with pytest.raises(ValidationError):
        do_import(engine, analyst, changed)
    assert len(readings(engine)) == 4


def test_a_withdrawn_reading_frees_its_month_and_a_typed_one_is_matched(engine, setup):
    analyst, kpis = setup
    run(
        engine,
        record_kpi_reading,
        analyst,
        data={"kpi_id": kpis["CONTACTS"], "period": date(2025, 4, 1), "value": 9, "source": ""},
    )
    shown = preview(engine, analyst, DUTCH)
    assert [p.key for p in shown.plan.problems] == ["import.reading.conflict_no_n"]
    with session_scope(engine, write=True) as session:
        session.execute(sa.update(KpiReading).values(withdrawn_at=sa.func.now()))
    assert preview(engine, analyst, DUTCH).plan.ok


@pytest.mark.parametrize("role", [Role.MANAGER, Role.VIEWER])
def test_only_those_who_keep_the_measurements_may_import(engine, setup, role):
    person = add_person(engine, role)
    with pytest.raises(PermissionDenied):
        do_import(engine, person, DUTCH)
    with pytest.raises(PermissionDenied):
        preview(engine, person, DUTCH)
    assert readings(engine) == []


def test_an_unreadable_file_is_refused_as_a_file(engine, setup):
    analyst, _ = setup
    with pytest.raises(ValidationError) as refused:
        run(engine, import_readings, analyst, data=b"%PDF-1.7", file_name="x.pdf", options=ReadingOptions())
    assert refused.value.errors["file"][0] == "import.file.not_a_table"
