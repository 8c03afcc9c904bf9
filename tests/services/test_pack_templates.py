"""Uploading the company's PowerPoint template for board packs and going back to the default: checked before
anything is stored, the one before retired, audited without the file's bytes (its SHA-256 stands for them), and
the template packs are drawn in is the latest upload still in use, on both databases."""

from __future__ import annotations

import hashlib
import json

import pytest
import sqlalchemy as sa

from cxgov.audit import rows as audit_rows
from cxgov.db import session_scope
from cxgov.errors import DomainError, PermissionDenied
from cxgov.models import PackTemplate, Role
from cxgov.pack.template import active_template, default_template
from cxgov.services.pack_templates import upload_template, use_default_template
from tests.admin_helpers import audit_count, audit_events, run
from tests.factories import add_person
from tests.pack.templates import company_template, default_with


def _active(engine) -> bytes | None:
    with session_scope(engine) as session:
        return active_template(session)


def _rows(engine) -> list[tuple]:
    with session_scope(engine) as session:
        return [
            (row.id, row.file_name, row.size_bytes, row.sha256, row.retired_at is not None)
            for row in session.exec(sa.select(PackTemplate).order_by(PackTemplate.id)).scalars()
        ]


def test_an_upload_is_stored_with_its_size_and_hash_and_audited_without_its_bytes(engine):
    office = add_person(engine, Role.PROGRAMME_OFFICE, name="Priya Ramdin")
    data = company_template()
    template_id = run(engine, upload_template, office, file_name="C:\\fakepath\\Voltera huisstijl.pptx", data=data)
    digest = hashlib.sha256(data).hexdigest()
    assert _rows(engine) == [(template_id, "Voltera huisstijl.pptx", len(data), digest, False)]
    assert _active(engine) == data
    [(entity_id, action, field, old, new)] = audit_events(engine, "pack_template")
    assert (entity_id, action, field, old) == (str(template_id), "create", None, None)
    assert json.loads(new) == {
        "file_name": "Voltera huisstijl.pptx",
        "size_bytes": str(len(data)),
        "sha256": digest,
        "uploaded_by_id": str(office),
        "retired_at": None,
    }


def test_a_new_upload_retires_the_one_before_and_the_default_retires_it_too(engine):
    admin = add_person(engine, Role.ADMIN)
    company = company_template()
    first = run(engine, upload_template, admin, file_name="2025.pptx", data=default_template())
    second = run(engine, upload_template, admin, file_name="2026.pptx", data=company)
    assert [(row[0], row[-1]) for row in _rows(engine)] == [(first, True), (second, False)]
    assert _active(engine) == company
    run(engine, use_default_template, admin)
    assert all(row[-1] for row in _rows(engine)) and _active(engine) is None
    retired = [(e[0], e[1], e[2]) for e in audit_events(engine, "pack_template") if e[1] == "update"]
    assert retired == [(str(first), "update", "retired_at"), (str(second), "update", "retired_at")]
    events = audit_count(engine)
    run(engine, use_default_template, admin)  # nothing in use: nothing to retire, nothing recorded
    assert audit_count(engine) == events


def _template_differences(engine) -> list:
    with session_scope(engine) as session:
        return [d for d in audit_rows.replay(session).differences if d.entity == "pack_template"]


def test_the_audit_trail_replays_the_templates_and_finds_a_row_changed_behind_cxgovs_back(engine):
    admin = add_person(engine, Role.ADMIN)
    first = run(engine, upload_template, admin, file_name="2025.pptx", data=default_template())
    run(engine, upload_template, admin, file_name="2026.pptx", data=company_template())
    run(engine, use_default_template, admin)
    assert _template_differences(engine) == []
    with engine.begin() as connection:
        connection.execute(sa.update(PackTemplate).where(PackTemplate.id == first).values(retired_at=None))
    [difference] = _template_differences(engine)
    assert (difference.row_id, difference.field, difference.row) == (str(first), "retired_at", None)


def test_a_refused_template_stores_nothing_and_the_one_in_use_stays(engine):
    admin = add_person(engine, Role.ADMIN)
    run(engine, upload_template, admin, file_name="2025.pptx", data=default_template())
    before, events = _rows(engine), audit_count(engine)
    with pytest.raises(DomainError) as refused:
        run(engine, upload_template, admin, file_name="macro.pptm", data=default_with({"ppt/vbaProject.bin": b"VBA"}))
    assert refused.value.key == "pack.template.error.macros"
    assert _rows(engine) == before and audit_count(engine) == events
    assert _active(engine) == default_template()


@pytest.mark.parametrize("name", ["", "   ", "x" * 252 + ".pptx"])
def test_a_file_name_that_is_empty_or_too_long_is_refused(engine, name):
    admin = add_person(engine, Role.ADMIN)
    with pytest.raises(DomainError) as refused:
        run(engine, upload_template, admin, file_name=name, data=default_template())
    assert refused.value.key == "pack.template.error.name"
    assert _rows(engine) == []


def test_a_file_name_keeps_no_control_characters(engine):
    admin = add_person(engine, Role.ADMIN)
    run(engine, upload_template, admin, file_name="huis\x00stijl\n.pptx", data=default_template())
    assert _rows(engine)[0][1] == "huisstijl.pptx"


def test_a_stored_template_changed_behind_cxgovs_back_is_not_used(engine):
    admin = add_person(engine, Role.ADMIN)
    template_id = run(engine, upload_template, admin, file_name="2026.pptx", data=default_template())
    with engine.begin() as connection:
        connection.execute(
            sa.update(PackTemplate).where(PackTemplate.id == template_id).values(content=company_template())
        )
    with pytest.raises(DomainError) as refused:
        _active(engine)
    assert refused.value.key == "pack.template.error.changed"
    assert "'2026.pptx'" in refused.value.message("en")


@pytest.mark.parametrize("role", [Role.LEADER, Role.ANALYST, Role.MANAGER, Role.CONTRIBUTOR, Role.VIEWER])
def test_only_admins_and_the_programme_office_change_the_template(engine, role):
    person = add_person(engine, role)
    with pytest.raises(PermissionDenied):
        run(engine, upload_template, person, file_name="2026.pptx", data=default_template())
    assert _rows(engine) == []
