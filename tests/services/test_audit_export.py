"""The audit log export: every matching event as a formula-safe Excel file, and the export itself audited."""

from __future__ import annotations

import io
import json
from datetime import datetime

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from cxgov import audit
from cxgov.db import session_scope
from cxgov.errors import PermissionDenied
from cxgov.i18n import t
from cxgov.models import AuditEvent, Role
from cxgov.queries.audit import AuditFilter
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.audit_export import export_audit_log
from cxgov.services.reference import create_department, create_objective, update_department
from cxgov.settings import get_settings
from tests.admin_helpers import audit_count, audit_events, run
from tests.factories import add_person
from tests.io.test_export import HOSTILE

STORABLE = HOSTILE[:-1]  # PostgreSQL text cannot hold NUL at all (an input-layer matter, not the export's)
HEADERS = (
    "admin.audit.col.seq",
    "export.audit.occurred_at_utc",
    "admin.audit.col.actor_name",
    "admin.audit.col.entity",
    "admin.audit.col.entity_id",
    "admin.audit.col.action",
    "admin.audit.col.field",
    "export.audit.old",
    "export.audit.new",
    "admin.audit.col.reason",
)


def _rows(data: bytes) -> list[list]:
    """The workbook's cells, row by row (as Excel would show them: no formula is evaluated)."""
    sheet = load_workbook(io.BytesIO(data)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), "no formula cells"
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_export_is_formula_safe_and_complete(engine, lang):
    admin = add_person(engine, Role.ADMIN, name="Anne Admin")
    department = run(engine, create_department, admin, data={"name": "Finance"})
    for version, name in enumerate(STORABLE, start=1):  # a rename audits the old and new name as they are
        run(
            engine,
            update_department,
            admin,
            department_id=department,
            seen_version=version,
            data={"name": f"{name} dept"},
        )
    rows = _rows(run(engine, export_audit_log, admin, filters=AuditFilter(entity="department"), language=lang))
    assert rows[0] == [t(key, lang) for key in HEADERS]  # in the reader's language
    body = rows[1:]
    assert len(body) == len(audit_events(engine, "department")) >= len(STORABLE)  # every event, not one page
    seqs = [r[0] for r in body]
    assert seqs == sorted(seqs, reverse=True), "newest first"
    assert all(isinstance(r[1], datetime) for r in body), "moments as dates Excel can sort and filter"
    assert {r[2] for r in body} == {"Anne Admin"} and {r[3] for r in body} == {"department"}
    cells = [c for r in body for c in r if isinstance(c, str)]
    assert {"'" + name + " dept" for name in HOSTILE[:4]} <= set(cells), "shown as text, not dropped"
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n", "\0")), cell


def test_filters_are_respected_and_the_export_is_audited_once(engine):
    admin = add_person(engine, Role.ADMIN, name="Anne Admin")
    run(engine, create_department, admin, data={"name": "Finance"})
    run(engine, create_department, SYSTEM_ACTOR, data={"name": "Logistics"})
    run(engine, create_objective, admin, data={"title": "Effortless service"})
    before = audit_count(engine)
    rows = _rows(run(engine, export_audit_log, admin, filters=AuditFilter(actor="Anne Admin", entity="department")))[1:]
    assert rows and all(r[2] == "Anne Admin" and r[3] == "department" for r in rows)
    assert any("Finance" in str(cell) for r in rows for cell in r)
    assert not any("Logistics" in str(cell) or "Effortless" in str(cell) for r in rows for cell in r)
    assert audit_count(engine) == before + 1
    [(entity_id, action, field, old, new)] = audit_events(engine, "audit_log")
    assert (action, field, old) == ("export", None, None) and int(entity_id) == before
    assert json.loads(new) == {"filters": {"actor": "Anne Admin", "entity": "department"}, "rows": len(rows)}
    text = _rows(run(engine, export_audit_log, admin, filters=AuditFilter(text="finance")))[1:]
    assert text and all("finance" in " ".join(str(c) for c in r).lower() for r in text)
    with session_scope(engine) as session:
        assert audit.verify(session, get_settings().audit_key).ok, "the export's event is chained like any other"


def test_a_viewer_may_not_export_and_only_the_attempt_is_recorded(engine):
    viewer = add_person(engine, Role.VIEWER)
    run(engine, create_department, SYSTEM_ACTOR, data={"name": "Finance"})
    before = audit_count(engine)
    with pytest.raises(PermissionDenied):
        run(engine, export_audit_log, viewer, filters=AuditFilter())
    assert audit_count(engine) == before + 1
    with session_scope(engine) as session:
        last = session.exec(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()
    assert (last.action, last.actor_id, last.field) == (audit.DENIED, viewer, "view_audit")
