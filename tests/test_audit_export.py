"""The audit log export: every matching event as formula-safe CSV for Excel, and the export itself audited."""
from __future__ import annotations

import csv
import io
import json

import pytest
from sqlmodel import select

from cxgov import audit
from cxgov.db import session_scope
from cxgov.errors import PermissionDenied
from cxgov.models import AuditEvent, Role
from cxgov.permissions import SYSTEM_ACTOR
from cxgov.queries.audit import AuditFilter
from cxgov.services.audit_export import HEADER, export_audit_log, formula_safe
from cxgov.services.reference import create_department, create_objective, update_department
from cxgov.settings import get_settings
from tests.admin_helpers import audit_count, audit_events, run
from tests.factories import add_person

HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+31 20 123", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "\nLF",
           "\0NUL"]
STORABLE = HOSTILE[:-1]  # PostgreSQL text cannot hold NUL at all (an input-layer matter, not the export's)


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode()), "a BOM, so Excel reads UTF-8"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_starts_are_prefixed(text):
    assert formula_safe(text) == "'" + text
    assert formula_safe("Plain – €1.250 ë") == "Plain – €1.250 ë"
    assert formula_safe(12) == 12 and formula_safe(None) is None


def test_export_is_formula_safe_and_complete(engine):
    admin = add_person(engine, Role.ADMIN, name="Anne Admin")
    department = run(engine, create_department, admin, data={"name": "Finance"})
    for version, name in enumerate(STORABLE, start=1):  # a rename audits the old and new name as they are
        run(engine, update_department, admin, department_id=department, seen_version=version,
            data={"name": f"{name} dept"})
    rows = _rows(run(engine, export_audit_log, admin, filters=AuditFilter(entity="department")))
    assert tuple(rows[0]) == HEADER
    body = rows[1:]
    assert len(body) == len(audit_events(engine, "department")) >= len(STORABLE)  # every event, not one page
    seqs = [int(r[0]) for r in body]
    assert seqs == sorted(seqs, reverse=True), "newest first"
    assert all(r[1].endswith("+00:00") for r in body), "UTC ISO timestamps"
    assert {r[2] for r in body} == {"Anne Admin"} and {r[3] for r in body} == {"department"}
    cells = [c for r in body for c in r]
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
    assert any("Finance" in cell for r in rows for cell in r)
    assert not any("Logistics" in cell or "Effortless" in cell for r in rows for cell in r)
    assert audit_count(engine) == before + 1
    [(entity_id, action, field, old, new)] = audit_events(engine, "audit_log")
    assert (action, field, old) == ("export", None, None) and int(entity_id) == before
    assert json.loads(new) == {"filters": {"actor": "Anne Admin", "entity": "department"}, "rows": len(rows)}
    text = _rows(run(engine, export_audit_log, admin, filters=AuditFilter(text="finance")))[1:]
    assert text and all("finance" in " ".join(r).lower() for r in text)
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
