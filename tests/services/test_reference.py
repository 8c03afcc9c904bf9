"""Departments, strategic objectives and list values: one generic write path, checked per kind."""

import pytest

from cxgov.db import session_scope
from cxgov.errors import ConflictError, PermissionDenied, ValidationError
from cxgov.models import Department, Person, Role, TaxonomyTerm
from cxgov.queries import admin as admin_queries
from cxgov.services.reference import (
    create_department,
    create_objective,
    create_term,
    update_department,
    update_objective,
    update_term,
)
from tests.admin_helpers import audit_count, audit_events, run
from tests.factories import add_initiative, add_person

STAGE = {
    "kind": "journey_stage",
    "code": "delivery",
    "name_en": "Delivery & installation",
    "name_nl": "Bezorgen & installeren",
    "position": 4,
}


def test_department_create_edit_and_audit(engine):
    office = add_person(engine, Role.PROGRAMME_OFFICE)
    department_id = run(engine, create_department, office, data={"name": "Returns & Aftersales"})
    changes = run(
        engine,
        update_department,
        office,
        department_id=department_id,
        seen_version=1,
        data={"name": "Returns & Aftersales", "active": False},
    )
    assert changes == {"active": (True, False)}
    assert [e[1:] for e in audit_events(engine, "department")] == [
        ("create", None, None, '{"active": "True", "name": "Returns & Aftersales", "version": "1"}'),
        ("update", "active", "True", "False"),
    ]


def test_department_name_unique_case_insensitively(engine):
    admin = add_person(engine, Role.ADMIN)
    first = run(engine, create_department, admin, data={"name": "Finance"})
    with pytest.raises(ValidationError) as caught:
        run(engine, create_department, admin, data={"name": "FINANCE"})
    assert caught.value.errors == {"name": ("error.name_taken", {})}
    other = run(engine, create_department, admin, data={"name": "Stores"})
    with pytest.raises(ValidationError):
        run(engine, update_department, admin, department_id=other, seen_version=1, data={"name": "finance "})
    assert run(engine, update_department, admin, department_id=first, seen_version=1, data={"name": "finance"})


@pytest.mark.parametrize("role", [Role.LEADER, Role.ANALYST, Role.MANAGER, Role.CONTRIBUTOR, Role.VIEWER])
def test_only_admin_and_programme_office_manage_reference_data(engine, role):
    actor = add_person(engine, role)
    for service, data in (
        (create_department, {"name": "IT"}),
        (create_objective, {"title": "Effortless service"}),
        (create_term, STAGE),
    ):
        with pytest.raises(PermissionDenied):
            run(engine, service, actor, data=data)


def test_stale_and_missing_versions_are_conflicts_without_side_effects(engine):
    admin = add_person(engine, Role.ADMIN, name="Admin Anne")
    department_id = run(engine, create_department, admin, data={"name": "IT"})
    run(engine, update_department, admin, department_id=department_id, seen_version=1, data={"name": "IT & Data"})
    before = audit_count(engine)
    with pytest.raises(ConflictError) as caught:
        run(engine, update_department, admin, department_id=department_id, seen_version=1, data={"name": "ICT"})
    assert "Admin Anne" in caught.value.message("nl")
    with pytest.raises(ConflictError):
        run(engine, update_department, admin, department_id=department_id, seen_version=None, data={"name": "ICT"})
    assert audit_count(engine) == before
    with session_scope(engine) as session:
        assert session.get(Department, department_id).name == "IT & Data"


def test_no_op_edit_writes_nothing(engine):
    admin = add_person(engine, Role.ADMIN)
    term_id = run(engine, create_term, admin, data=STAGE)
    before = audit_count(engine)
    assert run(engine, update_term, admin, term_id=term_id, seen_version=1, data=STAGE) == {}
    assert audit_count(engine) == before


def test_term_code_unique_within_its_list_only(engine):
    admin = add_person(engine, Role.ADMIN)
    run(engine, create_term, admin, data=STAGE)
    with pytest.raises(ValidationError) as caught:
        run(engine, create_term, admin, data=STAGE | {"code": "DELIVERY"})
    assert "code" in caught.value.errors
    channel_id = run(engine, create_term, admin, data=STAGE | {"kind": "channel", "name_en": "Delivery crew"})
    with session_scope(engine) as session:
        assert session.get(TaxonomyTerm, channel_id).code == "delivery"
    with pytest.raises(ValidationError) as caught:
        run(engine, create_term, admin, data=STAGE | {"kind": "other", "position": -1, "name_nl": ""})
    assert set(caught.value.errors) == {"kind", "position", "name_nl"}


def test_objective_title_unique_and_owner_checked(engine):
    admin = add_person(engine, Role.ADMIN)
    gone = add_person(engine, Role.LEADER, name="Former Director", active=False)
    run(engine, create_objective, admin, data={"title": "Effortless service", "owner_id": admin})
    with pytest.raises(ValidationError) as caught:
        run(engine, create_objective, admin, data={"title": "EFFORTLESS service"})
    assert "title" in caught.value.errors
    with pytest.raises(ValidationError) as caught:
        run(engine, create_objective, admin, data={"title": "Loyal customers", "owner_id": gone})
    assert caught.value.errors["owner_id"] == ("error.person_inactive", {"name": "Former Director"})


def test_objective_owned_by_a_deactivated_person_stays_editable_and_shows_them(engine):
    admin = add_person(engine, Role.ADMIN)
    leader = add_person(engine, Role.LEADER, name="Lea Leader")
    objective_id = run(engine, create_objective, admin, data={"title": "Loyal customers", "owner_id": leader})
    add_initiative(engine, owner_id=leader, objective_id=objective_id)
    with session_scope(engine, write=True) as session:  # deactivation itself is tested in the people service
        session.get(Person, leader).active = False
    assert run(
        engine,
        update_objective,
        admin,
        objective_id=objective_id,
        seen_version=1,
        data={"title": "Loyal customers", "owner_id": leader, "description": "Repeat purchase +3 pt"},
    )
    with session_scope(engine) as session:
        frame = admin_queries.objectives(session)
    assert frame[["title", "owner", "initiatives", "version"]].values.tolist() == [
        ["Loyal customers", "Lea Leader", 1, 2]
    ]
