"""People: unique e-mail, roles, self-protection, deactivation keeps history."""

import pytest

from cxgov.db import session_scope
from cxgov.errors import ConflictError, PermissionDenied, ValidationError
from cxgov.models import Initiative, Person, Role
from cxgov.queries import admin as admin_queries
from cxgov.services.people import create_person, update_person
from tests.admin_helpers import audit_count, audit_events, run
from tests.factories import add_department, add_initiative, add_person

ALICE = {"name": "Alice Jansen", "email": "Alice.Jansen@Voltera.nl", "role": "manager"}


def _person(engine, person_id):
    with session_scope(engine) as session:
        return session.get(Person, person_id)


def test_create_stores_lower_case_email_and_is_audited(engine):
    admin = add_person(engine, Role.ADMIN)
    department = add_department(engine, "Finance")
    person_id = run(engine, create_person, admin, data=ALICE | {"department_id": department})
    person = _person(engine, person_id)
    assert (person.email, person.role, person.department_id, person.active) == (
        "alice.jansen@voltera.nl",
        Role.MANAGER,
        department,
        True,
    )
    [(entity_id, action, _, _, new)] = audit_events(engine, "person")[-1:]
    assert (entity_id, action) == (str(person_id), "create") and "alice.jansen@voltera.nl" in new


def test_email_is_unique_case_insensitively_naming_the_other_person(engine):
    admin = add_person(engine, Role.ADMIN)
    run(engine, create_person, admin, data=ALICE)
    with pytest.raises(ValidationError) as caught:
        run(engine, create_person, admin, data={"name": "Someone", "email": "ALICE.jansen@voltera.nl"})
    assert caught.value.errors["email"] == ("error.email_taken", {"other": "Alice Jansen"})
    assert "Alice Jansen" in caught.value.field_messages("nl")["email"]


def test_field_messages_for_invalid_input(engine):
    admin = add_person(engine, Role.ADMIN)
    with pytest.raises(ValidationError) as caught:
        run(engine, create_person, admin, data={"name": " ", "email": "not-an-address", "role": "boss"})
    assert set(caught.value.errors) == {"name", "email", "role"}
    assert caught.value.errors["email"][0] == "error.invalid_email"


@pytest.mark.parametrize("role", [Role.PROGRAMME_OFFICE, Role.LEADER, Role.ANALYST, Role.MANAGER, Role.VIEWER])
def test_only_admins_manage_people(engine, role):
    actor = add_person(engine, role)
    with pytest.raises(PermissionDenied):
        run(engine, create_person, actor, data=ALICE)


def test_edit_is_version_checked_and_audited_per_field(engine):
    admin = add_person(engine, Role.ADMIN, name="Admin Anne")
    person_id = run(engine, create_person, admin, data=ALICE)
    changes = run(
        engine,
        update_person,
        admin,
        person_id=person_id,
        seen_version=1,
        data=ALICE | {"role": "leader", "name": "Alice de Jong"},
    )
    assert set(changes) == {"role", "name"}
    assert audit_events(engine, "person")[-2:] == [
        (str(person_id), "update", "name", "Alice Jansen", "Alice de Jong"),
        (str(person_id), "update", "role", "manager", "leader"),
    ]
    before = audit_count(engine)
    with pytest.raises(ConflictError) as caught:
        run(engine, update_person, admin, person_id=person_id, seen_version=1, data=ALICE)
    assert "Admin Anne" in str(caught.value)
    assert audit_count(engine) == before


def test_no_op_edit_writes_nothing(engine):
    admin = add_person(engine, Role.ADMIN)
    person_id = run(engine, create_person, admin, data=ALICE)
    before = audit_count(engine)
    assert run(engine, update_person, admin, person_id=person_id, seen_version=1, data=ALICE) == {}
    assert audit_count(engine) == before
    assert _person(engine, person_id).version == 1


def test_an_admin_cannot_change_their_own_role_or_deactivate_themselves(engine):
    admin = add_person(engine, Role.ADMIN, name="Admin Anne")
    mine = {"name": "Admin Anne", "email": _person(engine, admin).email, "role": "admin"}
    with pytest.raises(ValidationError) as caught:
        run(engine, update_person, admin, person_id=admin, seen_version=1, data=mine | {"role": "viewer"})
    assert caught.value.errors["role"] == ("error.own_role", {})
    with pytest.raises(ValidationError) as caught:
        run(engine, update_person, admin, person_id=admin, seen_version=1, data=mine | {"active": False})
    assert caught.value.errors["active"] == ("error.own_role", {})
    assert run(engine, update_person, admin, person_id=admin, seen_version=1, data=mine | {"name": "Anne B."})


def test_deactivating_keeps_history_and_ownership(engine):
    admin = add_person(engine, Role.ADMIN)
    owner = add_person(engine, Role.MANAGER, name="Owen Owner")
    initiative_id = add_initiative(engine, owner_id=owner, actor=owner, title="Refund status in My Account")
    events_before = audit_events(engine, "initiative")
    person = _person(engine, owner)
    run(
        engine,
        update_person,
        admin,
        person_id=owner,
        seen_version=1,
        data={"name": person.name, "email": person.email, "role": "manager", "active": False},
    )
    assert _person(engine, owner).active is False
    assert audit_events(engine, "initiative") == events_before
    with session_scope(engine) as session:
        frame = admin_queries.people(session, active=False)
        assert session.get(Initiative, initiative_id).owner_id == owner
    assert frame[["name", "initiatives"]].values.tolist() == [["Owen Owner", 1]]
    with pytest.raises(PermissionDenied):  # a deactivated person can no longer act
        add_initiative(engine, owner_id=admin, actor=owner)


def test_department_must_exist_and_be_active_for_new_assignments(engine):
    admin = add_person(engine, Role.ADMIN)
    with pytest.raises(ValidationError) as caught:
        run(engine, create_person, admin, data=ALICE | {"department_id": 999})
    assert caught.value.errors["department_id"] == ("error.unknown_reference", {})
