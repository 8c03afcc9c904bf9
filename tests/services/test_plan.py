"""Plan and team services on both databases: milestones, risks, plan actions of the open cycle, dependencies
(no self, no duplicate, no loop of any length) and team members — validation per field, who may change the
plan, the audit trail, and version conflicts."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import ConflictError, DomainError, NotFound, PermissionDenied, ValidationError
from cxgov.models import AuditEvent, InitiativeDependency, InitiativeMember, Milestone, PlanAction, Risk, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services import plan, team
from cxgov.services.pdca import decide_act
from tests.factories import (
    add_dependency,
    add_initiative,
    add_milestone,
    add_person,
    add_team_member,
    approve_and_move,
)

TODAY = date.today()


def _run(engine, function, actor, **kwargs):
    with session_scope(engine, write=True) as session:
        return function(session=session, actor=actor, **kwargs)


def _errors(engine, function, actor, **kwargs) -> dict[str, str]:
    """The per-field messages (English) of a refused call."""
    with pytest.raises(ValidationError) as refused:
        _run(engine, function, actor, **kwargs)
    return refused.value.field_messages("en")


def _row(engine, model, row_id):
    with session_scope(engine) as session:
        return session.get(model, row_id)


def _events(engine, entity: str) -> list[AuditEvent]:
    with session_scope(engine) as session:
        return session.exec(select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.seq)).all()


@pytest.fixture
def project(engine):
    """An initiative owned by a manager, with a contributor on its team and a viewer looking on."""
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    contributor = add_person(engine, Role.CONTRIBUTOR, name="Cas Contributor")
    viewer = add_person(engine, Role.VIEWER, name="Vera Viewer")
    initiative = add_initiative(engine, owner_id=manager, title="Proactive delivery updates")
    add_team_member(engine, initiative, contributor, role="Customer service lead")
    return {
        "engine": engine,
        "manager": manager,
        "contributor": contributor,
        "viewer": viewer,
        "initiative": initiative,
    }


# --- milestones ---------------------------------------------------------------------------------------------


def test_a_manager_adds_edits_and_completes_a_milestone_with_an_audit_trail(project):
    e, who, i = project["engine"], project["manager"], project["initiative"]
    milestone = _run(
        e,
        plan.add_milestone,
        who,
        initiative_id=i,
        data={"title": "Pilot in region North", "due_on": TODAY + timedelta(days=30)},
    )
    changes = _run(
        e,
        plan.update_milestone,
        who,
        initiative_id=i,
        milestone_id=milestone,
        seen_version=1,
        data={"title": "Pilot in region North", "due_on": TODAY + timedelta(days=45)},
    )
    assert set(changes) == {"due_on"}
    _run(e, plan.complete_milestone, who, initiative_id=i, milestone_id=milestone, seen_version=2)
    row = _row(e, Milestone, milestone)
    assert (row.done_on, row.version, row.due_on) == (TODAY, 3, TODAY + timedelta(days=45))
    events = _events(e, "milestone")
    assert [(ev.action, ev.field, ev.actor_id) for ev in events] == [
        ("create", None, who),
        ("update", "due_on", who),
        ("update", "done_on", who),
    ]


def test_milestone_edits_are_version_checked(project):
    e, who, i = project["engine"], project["manager"], project["initiative"]
    milestone = add_milestone(e, i, due_on=TODAY, title="Scripts approved")
    data = {"title": "Scripts approved by legal", "due_on": TODAY}
    _run(e, plan.update_milestone, who, initiative_id=i, milestone_id=milestone, seen_version=1, data=data)
    with pytest.raises(ConflictError):  # someone saved since the page was drawn
        _run(
            e,
            plan.update_milestone,
            who,
            initiative_id=i,
            milestone_id=milestone,
            seen_version=1,
            data=data | {"title": "Scripts approved (v2)"},
        )
    with pytest.raises(ConflictError):
        _run(e, plan.complete_milestone, who, initiative_id=i, milestone_id=milestone, seen_version=None)
    assert _row(e, Milestone, milestone).title == "Scripts approved by legal"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": "  ", "due_on": TODAY}, "title", "is required"),
        ({"title": "X" * 201, "due_on": TODAY}, "title", "too long"),
        ({"title": "Launch"}, "due_on", "is required"),
        ({"title": "Launch", "due_on": date(1999, 12, 31)}, "due_on", "in the years 2000–2100"),
        ({"title": "Launch", "due_on": "31-02-2026"}, "due_on", "is not a date"),
    ],
)
def test_milestone_validation(project, data, field, message):
    errors = _errors(
        project["engine"], plan.add_milestone, project["manager"], initiative_id=project["initiative"], data=data
    )
    assert field in errors and message in errors[field]


def test_done_cannot_be_in_the_future_nor_twice(project):
    e, who, i = project["engine"], project["manager"], project["initiative"]
    milestone = add_milestone(e, i, due_on=TODAY)
    errors = _errors(
        e,
        plan.complete_milestone,
        who,
        initiative_id=i,
        milestone_id=milestone,
        seen_version=1,
        done_on=TODAY + timedelta(days=1),
    )
    assert "future" in errors["done_on"]
    _run(
        e,
        plan.complete_milestone,
        who,
        initiative_id=i,
        milestone_id=milestone,
        seen_version=1,
        done_on=TODAY - timedelta(days=2),
    )
    assert (
        "already"
        in _errors(e, plan.complete_milestone, who, initiative_id=i, milestone_id=milestone, seen_version=2)["done_on"]
    )


def test_another_initiatives_milestone_is_not_found_here(project):
    e, who = project["engine"], project["manager"]
    other = add_initiative(e, owner_id=who)
    milestone = add_milestone(e, other, due_on=TODAY)
    with pytest.raises(NotFound):
        _run(
            e, plan.complete_milestone, who, initiative_id=project["initiative"], milestone_id=milestone, seen_version=1
        )


@pytest.mark.parametrize("who", ["contributor", "viewer"])
def test_a_team_member_or_viewer_cannot_change_the_plan(project, who):
    """A contributor on the team checks in, but does not re-plan; the refusal is audited, nothing is written."""
    e, i = project["engine"], project["initiative"]
    for function, kwargs in (
        (plan.add_milestone, {"data": {"title": "Go live", "due_on": TODAY}}),
        (plan.add_risk, {"data": {"title": "Carrier API late", "probability": 3, "impact": 4}}),
        (plan.add_plan_action, {"data": {"description": "Write the SMS texts"}}),
        (team.add_team_member, {"data": {"person_id": project["viewer"], "role_on_initiative": "Tester"}}),
        (team.remove_team_member, {"person_id": project["contributor"]}),
    ):
        with pytest.raises(PermissionDenied):
            _run(e, function, project[who], initiative_id=i, **kwargs)
    with session_scope(e) as session:
        assert session.exec(select(Milestone)).all() == [] and session.exec(select(Risk)).all() == []
        assert len(session.exec(select(InitiativeMember)).all()) == 1  # the contributor is still on the team
    assert {ev.action for ev in _events(e, "initiative")} >= {"denied"}


# --- risks --------------------------------------------------------------------------------------------------


def test_risks_are_added_reassessed_and_closed(project):
    e, who, i = project["engine"], project["manager"], project["initiative"]
    risk = _run(
        e,
        plan.add_risk,
        who,
        initiative_id=i,
        data={
            "title": "Carrier API not ready",
            "probability": 4,
            "impact": 5,
            "mitigation": "Fallback to e-mail",
            "owner_id": project["contributor"],
        },
    )
    _run(
        e,
        plan.update_risk,
        who,
        initiative_id=i,
        risk_id=risk,
        seen_version=1,
        data={
            "title": "Carrier API not ready",
            "probability": 2,
            "impact": 5,
            "mitigation": "Fallback to e-mail",
            "owner_id": project["contributor"],
        },
    )
    _run(e, plan.close_risk, who, initiative_id=i, risk_id=risk, seen_version=2)
    row = _row(e, Risk, risk)
    assert (row.probability, row.closed_on, row.version) == (2, TODAY, 3)
    assert [ev.field for ev in _events(e, "risk")] == [None, "probability", "closed_on"]
    assert "already" in _errors(e, plan.close_risk, who, initiative_id=i, risk_id=risk, seen_version=3)["closed_on"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"probability": 0}, "probability", "between 1 and 5"),
        ({"probability": 6}, "probability", "between 1 and 5"),
        ({"impact": 9}, "impact", "between 1 and 5"),
        ({"impact": 2.5}, "impact", "whole number"),
        ({"title": ""}, "title", "is required"),
        ({"owner_id": 999_999}, "owner_id", "not a known person"),
    ],
)
def test_risk_validation(project, change, field, message):
    data = {"title": "Peak season", "probability": 3, "impact": 3} | change
    errors = _errors(
        project["engine"], plan.add_risk, project["manager"], initiative_id=project["initiative"], data=data
    )
    assert field in errors and message in errors[field], errors


def test_a_deactivated_person_cannot_become_an_owner_or_member(project):
    e, who, i = project["engine"], project["manager"], project["initiative"]
    gone = add_person(e, Role.CONTRIBUTOR, name="Gijs Gone", active=False)
    assert (
        "Gijs Gone is deactivated"
        in _errors(
            e,
            plan.add_risk,
            who,
            initiative_id=i,
            data={"title": "Peak season", "probability": 3, "impact": 3, "owner_id": gone},
        )["owner_id"]
    )
    assert (
        "deactivated"
        in _errors(
            e, plan.add_plan_action, who, initiative_id=i, data={"description": "Train agents", "owner_id": gone}
        )["owner_id"]
    )
    assert (
        "deactivated"
        in _errors(
            e, team.add_team_member, who, initiative_id=i, data={"person_id": gone, "role_on_initiative": "Analyst"}
        )["person_id"]
    )


# --- plan actions -------------------------------------------------------------------------------------------


def test_plan_actions_belong_to_the_open_cycle_and_take_money_input(project):
    e, who, i = project["engine"], project["manager"], project["initiative"]
    action = _run(
        e,
        plan.add_plan_action,
        who,
        initiative_id=i,
        data={
            "description": "Brief the carrier",
            "owner_id": project["contributor"],
            "due_on": TODAY,
            "cost_cents": "1.234,56",
        },
    )
    row = _row(e, PlanAction, action)
    assert (row.cost_cents, row.owner_id) == (123456, project["contributor"])
    _run(
        e,
        plan.update_plan_action,
        who,
        initiative_id=i,
        action_id=action,
        seen_version=1,
        data={
            "description": "Brief the carrier",
            "owner_id": project["contributor"],
            "due_on": TODAY,
            "cost_cents": "",
        },
    )
    _run(e, plan.complete_plan_action, who, initiative_id=i, action_id=action, seen_version=2)
    row = _row(e, PlanAction, action)
    assert (row.cost_cents, row.done_on) == (None, TODAY)
    assert [ev.field for ev in _events(e, "plan_action")] == [None, "cost_cents", "done_on"]


@pytest.mark.parametrize(
    ("cost", "message"),
    [("twaalf euro", "amount"), ("-5,00", "negative"), (12.5, "amount"), ("99.999.999.999,00", "large")],
)
def test_plan_action_cost_is_parsed_like_the_budget(project, cost, message):
    errors = _errors(
        project["engine"],
        plan.add_plan_action,
        project["manager"],
        initiative_id=project["initiative"],
        data={"description": "Print cards", "cost_cents": cost},
    )
    assert message in errors["cost_cents"], errors


def test_a_closed_cycles_actions_are_history(project):
    e, who, i = project["engine"], project["manager"], project["initiative"]
    action = _run(e, plan.add_plan_action, who, initiative_id=i, data={"description": "Pilot in one store"})
    version = approve_and_move(e, i, 3)  # to Act
    _run(
        e,
        decide_act,
        SYSTEM_ACTOR,
        initiative_id=i,
        seen_version=version,
        decision="adjust",
        lesson="Store managers must sign",
    )
    with pytest.raises(DomainError) as refused:
        _run(e, plan.complete_plan_action, who, initiative_id=i, action_id=action, seen_version=1)
    assert refused.value.key == "plan.error.cycle_closed"
    new = _run(e, plan.add_plan_action, who, initiative_id=i, data={"description": "Signed cards"})
    assert _row(e, PlanAction, new).cycle_id != _row(e, PlanAction, action).cycle_id


# --- dependencies -------------------------------------------------------------------------------------------


def test_dependencies_refuse_self_duplicates_unknowns_and_loops_of_any_length(project):
    e, who, a = project["engine"], project["manager"], project["initiative"]
    b, c, d = (add_initiative(e, owner_id=who, title=f"Initiative {x}") for x in "BCD")
    add = team.add_dependency

    assert "itself" in _errors(e, add, who, initiative_id=a, data={"blocked_by_id": a})["blocked_by_id"]
    assert "does not exist" in _errors(e, add, who, initiative_id=a, data={"blocked_by_id": 999_999})["blocked_by_id"]
    _run(e, add, who, initiative_id=a, data={"blocked_by_id": b, "note": "Needs the new carrier API"})
    assert "already" in _errors(e, add, who, initiative_id=a, data={"blocked_by_id": b})["blocked_by_id"]
    assert "wait forever" in _errors(e, add, who, initiative_id=b, data={"blocked_by_id": a})["blocked_by_id"]
    add_dependency(e, b, c)
    add_dependency(e, c, d)
    assert "wait forever" in _errors(e, add, who, initiative_id=d, data={"blocked_by_id": a})["blocked_by_id"]
    add_dependency(e, a, d)  # a second path to the same blocker is no loop
    with session_scope(e) as session:
        assert len(session.exec(select(InitiativeDependency)).all()) == 4


def test_removing_a_dependency_or_member_is_audited_with_what_was_removed(project):
    e, who, i = project["engine"], project["manager"], project["initiative"]
    other = add_initiative(e, owner_id=who, title="New carrier contract")
    _run(e, team.add_dependency, who, initiative_id=i, data={"blocked_by_id": other, "note": "Contract first"})
    _run(e, team.remove_dependency, who, initiative_id=i, blocked_by_id=other)
    _run(e, team.remove_team_member, who, initiative_id=i, person_id=project["contributor"])
    [created, removed] = _events(e, "initiative_dependency")
    assert (created.action, removed.action, removed.entity_id) == ("create", "delete", f"{i}:{other}")
    assert "Contract first" in removed.old_value and removed.actor_id == who
    removal = _events(e, "initiative_member")[-1]
    assert (removal.action, removal.entity_id) == ("delete", f"{i}:{project['contributor']}")
    assert "Customer service lead" in removal.old_value
    with pytest.raises(NotFound):
        _run(e, team.remove_dependency, who, initiative_id=i, blocked_by_id=other)


def test_a_team_member_is_added_once(project):
    e, who, i = project["engine"], project["manager"], project["initiative"]
    errors = _errors(
        e,
        team.add_team_member,
        who,
        initiative_id=i,
        data={"person_id": project["contributor"], "role_on_initiative": "Tester"},
    )
    assert errors["person_id"] == "Cas Contributor is already on the team"
    assert (
        "is required"
        in _errors(
            e,
            team.add_team_member,
            who,
            initiative_id=i,
            data={"person_id": project["viewer"], "role_on_initiative": " "},
        )["role_on_initiative"]
    )
    _run(
        e,
        team.add_team_member,
        who,
        initiative_id=i,
        data={"person_id": project["viewer"], "role_on_initiative": "Sounding board"},
    )
    with session_scope(e) as session:
        assert session.get(InitiativeMember, (i, project["viewer"])).role_on_initiative == "Sounding board"
