"""The PDCA record: criteria that warn (and are recorded when overridden), the funding block, approval,
the Act decisions, the one-open-cycle rule after Adjust, and the audit of every move — on both databases."""

from datetime import date

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import ConflictError, ValidationError
from cxgov.models import (
    AuditEvent,
    Initiative,
    InitiativeKpi,
    Lane,
    PdcaCycle,
    Phase,
    PhaseTransition,
    Role,
    Status,
)
from cxgov.rules.pdca import CycleFacts, Reading, check_summary, needs_funding, unmet_criteria
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.budget import set_budget_line
from cxgov.services.initiatives import update_initiative
from cxgov.services.kpis import create_kpi, record_kpi_reading
from cxgov.services.lifecycle import move_status
from cxgov.services.pdca import (
    CriteriaNotMet,
    change_lane,
    complete_quick_fix,
    decide_act,
    move_to_next_phase,
    save_cycle_record,
)
from tests.factories import add_initiative, add_person


def approve_initiative(**kwargs):
    """Funding a proposal is the status move *approve*."""
    return move_status(move="approve", **kwargs)


FACTS = CycleFacts(
    lane=Lane.PROJECT,
    status=Status.APPROVED,
    hypothesis="If we … then …",
    target_kpi_id=1,
    baseline_value=12.0,
    target_value=20.0,
    has_budget=True,
    reading_since_do=False,
    done_summary="",
    check_result="",
)


# --- the rules ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "to_phase", "unmet"),
    [
        ({}, Phase.DO, []),
        ({"hypothesis": "  "}, Phase.DO, ["hypothesis"]),
        ({"baseline_value": None}, Phase.DO, ["kpi_baseline_target"]),
        ({"target_kpi_id": None, "has_budget": False}, Phase.DO, ["kpi_baseline_target", "budget_line"]),
        ({}, Phase.CHECK, ["reading_or_result"]),
        ({"reading_since_do": True}, Phase.CHECK, []),
        ({"done_summary": "Cards written by hand in two stores"}, Phase.CHECK, []),
        ({}, Phase.ACT, ["check_result"]),
        ({"check_result": "NPS +6"}, Phase.ACT, []),
        ({"lane": Lane.QUICK_FIX, "hypothesis": "", "has_budget": False}, Phase.DO, []),  # a quick fix has no gates
    ],
)
def test_unmet_criteria(change, to_phase, unmet):
    assert unmet_criteria(to_phase, CycleFacts(**{**FACTS.__dict__, **change})) == unmet


def test_only_an_unfunded_project_is_blocked_and_only_before_do():
    proposed = CycleFacts(**{**FACTS.__dict__, "status": Status.PROPOSED})
    assert needs_funding(Phase.DO, proposed) and not needs_funding(Phase.CHECK, proposed)
    assert not needs_funding(Phase.DO, FACTS)
    assert not needs_funding(Phase.DO, CycleFacts(**{**proposed.__dict__, "lane": Lane.QUICK_FIX}))


def test_check_summary_names_value_period_sample_and_target():
    assert check_summary("Relationship NPS", 12, 20, Reading(date(2026, 10, 1), 18.5, 812)) == (
        "Relationship NPS: 12 → 18.5 (2026-10-01, n = 812); target 20"
    )
    assert check_summary("NPS", None, None, None) == ""


# --- the services ------------------------------------------------------------------------------------------


def _run(engine, function, actor, **kwargs):
    with session_scope(engine, write=True) as session:
        return function(session=session, actor=actor, **kwargs)


def _initiative(engine, initiative_id):
    with session_scope(engine) as session:
        initiative = session.get(Initiative, initiative_id)
        cycles = session.exec(
            select(PdcaCycle).where(PdcaCycle.initiative_id == initiative_id).order_by(PdcaCycle.number)
        ).all()
        return initiative, cycles


@pytest.fixture
def project(engine):
    """A proposed project owned by a manager, a leader who may approve, and a KPI with a reading."""
    manager = add_person(engine, Role.MANAGER, name="Mila Manager")
    leader = add_person(engine, Role.LEADER, name="Lotte Leader")
    initiative = add_initiative(engine, owner_id=manager, title="Handwritten recovery cards")
    kpi = _run(
        engine,
        create_kpi,
        SYSTEM_ACTOR,
        data={"code": "nps_rel", "name": "Relationship NPS", "kind": "nps", "scale_min": -100, "scale_max": 100},
    )
    return {"manager": manager, "leader": leader, "initiative": initiative, "kpi": kpi}


def _version(engine, initiative_id) -> int:
    return _initiative(engine, initiative_id)[0].version


def _move(engine, p, reason=""):
    return _run(
        engine,
        move_to_next_phase,
        p["manager"],
        initiative_id=p["initiative"],
        seen_version=_version(engine, p["initiative"]),
        override_reason=reason,
    )


def _plan_fully(engine, p):
    _run(
        engine,
        save_cycle_record,
        p["manager"],
        initiative_id=p["initiative"],
        seen_version=_version(engine, p["initiative"]),
        data={
            "background": "Complaints about late refunds",
            "hypothesis": "If we write a card, then NPS rises",
            "target_kpi_id": p["kpi"],
            "baseline_value": 12,
            "target_value": 20,
            "target_date": date(2027, 6, 30),
        },
    )
    _run(
        engine,
        set_budget_line,
        SYSTEM_ACTOR,
        initiative_id=p["initiative"],
        data={"year": 2027, "quarter": 1, "planned_cents": 500_000},
    )


def test_a_proposal_cannot_start_do_until_approved_with_a_reason(engine, project):
    _plan_fully(engine, project)
    with pytest.raises(ValidationError) as refused:
        _move(engine, project, reason="we are in a hurry")
    assert refused.value.errors["status"][0] == "pdca.error.needs_approval"
    with pytest.raises(ValidationError):  # a reason is required
        _run(
            engine,
            approve_initiative,
            project["leader"],
            initiative_id=project["initiative"],
            seen_version=_version(engine, project["initiative"]),
            reason=" ",
        )
    _run(
        engine,
        approve_initiative,
        project["leader"],
        initiative_id=project["initiative"],
        seen_version=_version(engine, project["initiative"]),
        reason="Board of 12 Nov: funded from CX budget",
    )
    assert _move(engine, project) is Phase.DO
    initiative, [cycle] = _initiative(engine, project["initiative"])
    assert (initiative.status, cycle.phase, cycle.do_started_on) == (Status.ACTIVE, Phase.DO, date.today())
    with session_scope(engine) as session:
        approval = session.exec(
            select(AuditEvent).where(AuditEvent.field == "status", AuditEvent.new_value == "approved")
        ).one()
    assert (approval.actor_name, approval.reason) == ("Lotte Leader", "Board of 12 Nov: funded from CX budget")


def test_unmet_criteria_warn_and_an_override_is_recorded_with_its_reason(engine, project):
    _run(
        engine,
        approve_initiative,
        project["leader"],
        initiative_id=project["initiative"],
        seen_version=_version(engine, project["initiative"]),
        reason="funded",
    )
    with pytest.raises(CriteriaNotMet) as warned:
        _move(engine, project)
    assert warned.value.unmet == ["hypothesis", "kpi_baseline_target", "budget_line"]
    assert _initiative(engine, project["initiative"])[1][0].phase is Phase.PLAN  # nothing moved
    _move(engine, project, reason="Pilot in one store first; KPI follows")
    with session_scope(engine) as session:
        [move] = session.exec(select(PhaseTransition)).all()
        event = session.exec(
            select(AuditEvent).where(AuditEvent.entity == "pdca_cycle", AuditEvent.field == "phase")
        ).one()
    assert (move.from_phase, move.to_phase, move.moved_by_id, move.reason, move.overridden) == (
        Phase.PLAN,
        Phase.DO,
        project["manager"],
        "Pilot in one store first; KPI follows",
        "hypothesis,kpi_baseline_target,budget_line",
    )
    assert (event.old_value, event.new_value, event.actor_name) == ("plan", "do", "Mila Manager")
    assert "proceeded without: hypothesis, kpi_baseline_target, budget_line" in event.reason


def test_do_to_check_accepts_a_reading_since_do_and_check_to_act_needs_a_result(engine, project):
    _plan_fully(engine, project)
    _run(
        engine,
        approve_initiative,
        project["leader"],
        initiative_id=project["initiative"],
        seen_version=_version(engine, project["initiative"]),
        reason="funded",
    )
    _move(engine, project)
    with pytest.raises(CriteriaNotMet) as warned:
        _move(engine, project)
    assert warned.value.unmet == ["reading_or_result"]
    _run(
        engine,
        record_kpi_reading,
        SYSTEM_ACTOR,
        data={"kpi_id": project["kpi"], "period": date.today().replace(day=1), "value": 18.5, "sample_size": 812},
    )
    assert _move(engine, project) is Phase.CHECK
    with pytest.raises(CriteriaNotMet):
        _move(engine, project)
    _run(
        engine,
        save_cycle_record,
        project["manager"],
        initiative_id=project["initiative"],
        seen_version=_version(engine, project["initiative"]),
        data={
            "hypothesis": "If we write a card, then NPS rises",
            "target_kpi_id": project["kpi"],
            "baseline_value": 12,
            "target_value": 20,
            "check_result": "NPS 12 → 18.5",
            "check_sample_size": 812,
        },
    )
    assert _move(engine, project) is Phase.ACT
    with session_scope(engine) as session:
        link = session.get(InitiativeKpi, (project["initiative"], project["kpi"]))
    assert (link.baseline, link.target) == (12, 20)  # the target KPI is one of the initiative's KPIs


def _to_act(engine, p):
    _run(
        engine,
        approve_initiative,
        p["leader"],
        initiative_id=p["initiative"],
        seen_version=_version(engine, p["initiative"]),
        reason="funded",
    )
    for _ in range(3):
        _move(engine, p, reason="test arrangement")


def test_adjust_opens_a_new_cycle_in_plan_carrying_the_lesson_and_the_target(engine, project):
    _plan_fully(engine, project)
    _to_act(engine, project)
    with pytest.raises(ValidationError):  # a lesson is required
        _run(
            engine,
            decide_act,
            project["manager"],
            initiative_id=project["initiative"],
            seen_version=_version(engine, project["initiative"]),
            decision="adjust",
            lesson="",
        )
    _run(
        engine,
        decide_act,
        project["manager"],
        initiative_id=project["initiative"],
        seen_version=_version(engine, project["initiative"]),
        decision="adjust",
        lesson="Cards work only when signed by the store manager",
    )
    initiative, (first, second) = _initiative(engine, project["initiative"])
    assert initiative.status is Status.ACTIVE
    assert (first.closed_on, first.act_decision, first.lesson) == (
        date.today(),
        "adjust",
        "Cards work only when signed by the store manager",
    )
    assert (second.number, second.phase, second.closed_on) == (2, Phase.PLAN, None)
    assert "Cards work only when signed" in second.background
    # the lesson as it was written, and where it came from: the sentence around it is the reader's language
    assert (second.background, second.lesson_from_cycle) == ("Cards work only when signed by the store manager", 1)
    assert (second.target_kpi_id, second.baseline_value, second.target_value) == (project["kpi"], 12, 20)


@pytest.mark.parametrize(("decision", "status"), [("standardise", Status.COMPLETED), ("abandon", Status.CANCELLED)])
def test_standardise_completes_and_abandon_cancels_keeping_the_lesson(engine, project, decision, status):
    _to_act(engine, project)
    _run(
        engine,
        decide_act,
        project["manager"],
        initiative_id=project["initiative"],
        seen_version=_version(engine, project["initiative"]),
        decision=decision,
        lesson="What we learned",
    )
    initiative, [cycle] = _initiative(engine, project["initiative"])
    assert (initiative.status, cycle.phase, cycle.closed_on, cycle.lesson) == (
        status,
        Phase.ACT,
        None,
        "What we learned",
    )
    with pytest.raises(ValidationError):  # decided once
        _run(
            engine,
            decide_act,
            project["manager"],
            initiative_id=project["initiative"],
            seen_version=_version(engine, project["initiative"]),
            decision="adjust",
            lesson="again",
        )


def test_a_move_on_an_out_of_date_page_is_a_conflict(engine, project):
    _run(
        engine,
        approve_initiative,
        project["leader"],
        initiative_id=project["initiative"],
        seen_version=_version(engine, project["initiative"]),
        reason="funded",
    )
    with pytest.raises(ConflictError):
        _run(
            engine,
            move_to_next_phase,
            project["manager"],
            initiative_id=project["initiative"],
            seen_version=1,
            override_reason="go",
        )


def test_a_move_on_an_out_of_date_page_is_a_conflict_even_with_unmet_criteria(engine, project):
    """The page that asked "proceed anyway?" is out of date: the person must see what changed, not the criteria."""
    _run(
        engine,
        approve_initiative,
        project["leader"],
        initiative_id=project["initiative"],
        seen_version=_version(engine, project["initiative"]),
        reason="funded",
    )
    stale = _version(engine, project["initiative"])
    _run(
        engine,
        save_cycle_record,
        project["manager"],
        initiative_id=project["initiative"],
        seen_version=stale,
        data={"background": "Changed by someone else meanwhile"},
    )
    with pytest.raises(ConflictError):
        _run(engine, move_to_next_phase, project["manager"], initiative_id=project["initiative"], seen_version=stale)


def test_the_edit_form_no_longer_moves_the_phase(engine, project):
    _run(
        engine,
        approve_initiative,
        project["leader"],
        initiative_id=project["initiative"],
        seen_version=_version(engine, project["initiative"]),
        reason="funded",
    )
    _move(engine, project, reason="test arrangement")  # active, in Do
    with pytest.raises(ValidationError) as refused:
        _run(
            engine,
            update_initiative,
            SYSTEM_ACTOR,
            initiative_id=project["initiative"],
            seen_version=_version(engine, project["initiative"]),
            data={
                "title": "Handwritten recovery cards",
                "discipline": "design",
                "owner_id": project["manager"],
                "status": "active",
                "phase": "check",
            },
        )
    assert refused.value.errors["phase"][0] == "pdca.error.phase_by_move"


# --- lanes and the quick fix ---------------------------------------------------------------------------------


def test_the_lane_changes_with_a_reason_and_only_that_way(engine, project):
    with pytest.raises(ValidationError):  # a reason is required
        _run(
            engine,
            change_lane,
            project["manager"],
            initiative_id=project["initiative"],
            seen_version=_version(engine, project["initiative"]),
            lane="quick_fix",
            reason="",
        )
    _run(
        engine,
        change_lane,
        project["manager"],
        initiative_id=project["initiative"],
        seen_version=_version(engine, project["initiative"]),
        lane="quick_fix",
        reason="Small enough: one template change",
    )
    assert _initiative(engine, project["initiative"])[0].lane is Lane.QUICK_FIX
    with session_scope(engine) as session:
        event = session.exec(select(AuditEvent).where(AuditEvent.field == "lane")).one()
    assert (event.old_value, event.new_value, event.reason) == (
        "project",
        "quick_fix",
        "Small enough: one template change",
    )
    with pytest.raises(ValidationError) as refused:  # the edit form does not change it
        _run(
            engine,
            update_initiative,
            project["manager"],
            initiative_id=project["initiative"],
            seen_version=_version(engine, project["initiative"]),
            data={
                "title": "Handwritten recovery cards",
                "discipline": "design",
                "owner_id": project["manager"],
                "lane": "project",
            },
        )
    assert refused.value.errors["lane"][0] == "pdca.error.lane_by_change"


def test_a_quick_fix_is_done_in_three_steps_without_gates(engine, project):
    fix = add_initiative(engine, owner_id=project["manager"], title="Clearer invoice line", lane="quick_fix")
    _run(
        engine,
        save_cycle_record,
        project["manager"],
        initiative_id=fix,
        seen_version=_version(engine, fix),
        data={"background": "Customers call about 'adm. fee'", "done_summary": "Renamed it 'Delivery costs'"},
    )
    _run(
        engine,
        complete_quick_fix,
        project["manager"],
        initiative_id=fix,
        seen_version=_version(engine, fix),
        result="Calls about the line stopped within a week",
    )
    initiative, [cycle] = _initiative(engine, fix)
    assert (initiative.status, cycle.phase, cycle.act_decision, cycle.lesson) == (
        Status.COMPLETED,
        Phase.ACT,
        "standardise",
        "Calls about the line stopped within a week",
    )
    with pytest.raises(ValidationError):  # done once
        _run(
            engine,
            complete_quick_fix,
            project["manager"],
            initiative_id=fix,
            seen_version=_version(engine, fix),
            result="again",
        )
    with pytest.raises(ValidationError):  # a project is not finished this way
        _run(
            engine,
            complete_quick_fix,
            project["manager"],
            initiative_id=project["initiative"],
            seen_version=_version(engine, project["initiative"]),
            result="done",
        )


def test_every_write_of_the_record_and_its_moves_is_audited_field_by_field(engine, project):
    """The A3's target link, the phase dates, the Act decision and its lesson each leave an event (the audit
    trail's row replay compares them)."""
    _run(
        engine,
        approve_initiative,
        project["leader"],
        initiative_id=project["initiative"],
        seen_version=_version(engine, project["initiative"]),
        reason="funded",
    )
    _plan_fully(engine, project)
    for _ in range(3):
        _move(engine, project, reason="test arrangement")
    _run(
        engine,
        decide_act,
        project["manager"],
        initiative_id=project["initiative"],
        seen_version=_version(engine, project["initiative"]),
        decision="standardise",
        lesson="Cards work",
    )
    with session_scope(engine) as session:
        events = session.exec(
            select(AuditEvent.entity, AuditEvent.field, AuditEvent.new_value).where(
                AuditEvent.entity.in_(["pdca_cycle", "initiative_kpi"])
            )
        ).all()
    fields = {(entity, field) for entity, field, _ in events}
    assert {("pdca_cycle", f"{phase}_started_on") for phase in ("do", "check", "act")} <= fields
    assert {("pdca_cycle", "act_decision"), ("pdca_cycle", "lesson"), ("initiative_kpi", None)} <= fields
    assert ("pdca_cycle", "lesson", "Cards work") in events
