"""Denied attempts are audited: the refused unit rolls back, and the attempt is recorded in a unit of its own
with who tried, what, on which row and why — also when the person was deactivated meanwhile."""

import pytest
from sqlmodel import select

from cxgov import audit
from cxgov.db import session_scope
from cxgov.errors import PermissionDenied, ValidationError
from cxgov.models import AuditEvent, Initiative, Role
from cxgov.services.initiatives import update_initiative
from cxgov.services.people import create_person
from cxgov.settings import get_settings
from tests.factories import add_initiative, add_person


def _events(engine):
    with session_scope(engine) as session:
        return session.exec(select(AuditEvent).order_by(AuditEvent.seq)).all()


def _edit(engine, actor, initiative_id):
    with session_scope(engine, write=True) as session:
        update_initiative(
            session=session,
            actor=actor,
            initiative_id=initiative_id,
            seen_version=1,
            data={"title": "Taken over", "discipline": "design", "owner_id": actor},
        )


def test_a_refused_edit_changes_nothing_and_is_recorded_with_its_target(engine):
    owner = add_person(engine, Role.MANAGER, name="Olga Owner")
    other = add_person(engine, Role.MANAGER, name="Mo Other")
    initiative = add_initiative(engine, owner_id=owner, title="Clearer invoices")
    before = len(_events(engine))
    with pytest.raises(PermissionDenied):
        _edit(engine, other, initiative)
    with session_scope(engine) as session:
        assert session.get(Initiative, initiative).title == "Clearer invoices"
    [event] = _events(engine)[before:]
    assert (event.actor_id, event.actor_name, event.entity, event.entity_id, event.action, event.field) == (
        other,
        "Mo Other",
        "initiative",
        str(initiative),
        audit.DENIED,
        "edit_initiative",
    )
    assert event.reason == "Mo Other (Manager) may not edit this initiative."


def test_a_deactivated_person_trying_to_act_is_recorded(engine):
    gone = add_person(engine, Role.ADMIN, name="Gijs Gone", active=False)
    with pytest.raises(PermissionDenied), session_scope(engine, write=True) as session:
        create_person(session=session, actor=gone, data={"name": "X", "email": "x@voltera.nl"})
    event = _events(engine)[-1]
    assert (event.actor_id, event.action, event.field) == (gone, audit.DENIED, "act while deactivated")


def test_other_refusals_are_not_denials(engine):
    admin = add_person(engine, Role.ADMIN)
    before = len(_events(engine))
    with pytest.raises(ValidationError), session_scope(engine, write=True) as session:
        create_person(session=session, actor=admin, data={"name": "", "email": "x@voltera.nl"})
    assert len(_events(engine)) == before


def test_the_chain_still_verifies_after_denials(engine):
    owner = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner)
    for _ in range(3):
        with pytest.raises(PermissionDenied):
            _edit(engine, add_person(engine, Role.VIEWER), initiative)
    with session_scope(engine) as session:
        assert audit.verify(session, get_settings().audit_key).ok
