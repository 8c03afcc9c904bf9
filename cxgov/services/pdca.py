"""PDCA services: the A3 record of the open cycle, approval, moves through the phases and the Act decision.

Every call is guarded by the initiative's version (the detail page holds it): a move or a record saved on an
out-of-date page is refused as a conflict, and each one moves the version on. Transitions are stored in
`phase_transition` (visible on the page) and in the audit log, with who, when, from, to, the reason and any
criteria overridden (cxgov.rules.pdca decides which).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, update
from sqlmodel import Session, select

from cxgov import audit
from cxgov.errors import DomainError, ValidationError
from cxgov.models import (
    CLOSED_STATUSES,
    ActDecision,
    BudgetLine,
    Initiative,
    InitiativeKpi,
    Kpi,
    Lane,
    PdcaCycle,
    Person,
    Phase,
    PhaseTransition,
    Status,
    StatusMove,
)
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_pdca import (
    ActDecisionInput,
    CycleRecordInput,
    LaneChangeInput,
    QuickFixResultInput,
    ReasonInput,
)
from cxgov.queries.impact import impacts
from cxgov.queries.readings import counting_readings
from cxgov.rules import pdca
from cxgov.rules.kpi_numbers import KpiScale, renamed, target_problems
from cxgov.services.initiative_access import initiative_to_change, move_initiative_on
from cxgov.services.initiatives import PHASE_STARTED_ON, current_cycle
from cxgov.services.lifecycle import record_status_move
from cxgov.services.unit import Actor, audit_actor, audit_created, changed_fields, versioned_update

RECORD_FIELDS = tuple(CycleRecordInput.model_fields)


class CriteriaNotMet(DomainError):
    """The move's criteria are not all met and no reason to proceed anyway was given. Nothing was changed."""

    def __init__(self, unmet: list[str]):
        self.unmet = unmet
        super().__init__("pdca.error.criteria_not_met", count=len(unmet))


def save_cycle_record(
    *,
    session: Session,
    actor: Actor,
    initiative_id: int,
    seen_version: int | None,
    data: dict[str, Any] | CycleRecordInput,
) -> dict:
    """Save the open cycle's A3 record; the target KPI is linked to the initiative with its baseline and target
    (both within the KPI's scale, the target on the improving side of the baseline)."""
    values = parse_input(CycleRecordInput, data)
    person, initiative = initiative_to_change(session, actor, initiative_id, seen_version=seen_version)
    kpi = session.get(Kpi, values.target_kpi_id) if values.target_kpi_id is not None else None
    if values.target_kpi_id is not None and kpi is None:
        raise ValidationError({"target_kpi_id": "error.unknown_reference"})
    problems = target_problems(
        KpiScale.of(kpi) if kpi else None, baseline=values.baseline_value, target=values.target_value
    )
    if problems:
        raise ValidationError(renamed(problems, {"baseline": "baseline_value", "target": "target_value"}))
    cycle = current_cycle(session, initiative_id)
    changes = changed_fields(cycle, values.model_dump())
    if not changes:
        return {}
    move_initiative_on(session, person, initiative, seen_version)
    _update_cycle(session, person, cycle, {name: new for name, (_, new) in changes.items()})
    if values.target_kpi_id is not None:
        _link_target_kpi(session, person, initiative_id, values)
    return changes


def move_to_next_phase(
    *, session: Session, actor: Actor, initiative_id: int, seen_version: int | None, override_reason: str = ""
) -> Phase:
    """Plan → Do → Check → Act. Unmet criteria raise CriteriaNotMet unless `override_reason` says why to go on
    anyway (then they are recorded with it); an unfunded project cannot start Do. Returns the new phase."""
    person, initiative = initiative_to_change(  # an old page is a conflict, not a criterion
        session, actor, initiative_id, seen_version=seen_version
    )
    cycle = current_cycle(session, initiative_id)
    to_phase = pdca.NEXT_PHASE.get(cycle.phase)
    if to_phase is None:
        raise ValidationError({"phase": "pdca.error.decide_in_act"})
    if initiative.status not in pdca.MOVING_STATUSES:
        raise ValidationError(
            {"status": ("pdca.error.not_moving", {"status": f"enum.status.{initiative.status.value}"})}
        )
    facts = _facts(session, initiative, cycle)
    if pdca.needs_funding(to_phase, facts):
        raise ValidationError({"status": "pdca.error.needs_approval"})
    unmet = pdca.unmet_criteria(to_phase, facts)
    reason = override_reason.strip()
    if unmet and not reason:
        raise CriteriaNotMet(unmet)
    if reason:
        reason = parse_input(ReasonInput, {"reason": reason}).reason
    old_status = initiative.status
    new_status = Status.ACTIVE if old_status is not Status.ACTIVE else None
    move_initiative_on(session, person, initiative, seen_version, status=new_status or old_status)
    if new_status is not None:
        record_status_move(
            session, person, initiative_id, StatusMove.START, old_status, new_status, reason or "Plan → Do"
        )
    _record_move(session, person, initiative_id, cycle, to_phase, reason, unmet)
    return to_phase


def decide_act(
    *,
    session: Session,
    actor: Actor,
    initiative_id: int,
    seen_version: int | None,
    decision: ActDecision | str,
    lesson: str,
) -> None:
    """Close the cycle's Act phase: standardise (completed), adjust (a new cycle opens in Plan, carrying the
    lesson and the target forward) or abandon (cancelled). Every decision needs the lesson learned."""
    values = parse_input(ActDecisionInput, {"decision": decision, "lesson": lesson})
    person, initiative = initiative_to_change(session, actor, initiative_id, seen_version=seen_version)
    cycle = current_cycle(session, initiative_id)
    if cycle.phase is not Phase.ACT or cycle.act_decision is not None:
        raise ValidationError({"decision": "pdca.error.not_in_act"})
    old_status = initiative.status
    new_status = {ActDecision.STANDARDISE: Status.COMPLETED, ActDecision.ABANDON: Status.CANCELLED}.get(values.decision)
    move_initiative_on(session, person, initiative, seen_version, status=new_status or old_status)
    _update_cycle(
        session, person, cycle, {"act_decision": values.decision, "lesson": values.lesson}, reason=values.lesson
    )
    if new_status is not None:  # the cycle stays open in Act: the one-open-cycle rule holds for finished work
        move = StatusMove.COMPLETE if new_status is Status.COMPLETED else StatusMove.CANCEL
        record_status_move(session, person, initiative_id, move, old_status, new_status, values.lesson)
        return
    _open_next_cycle(session, person, initiative_id, cycle, values.lesson)


def change_lane(
    *, session: Session, actor: Actor, initiative_id: int, seen_version: int | None, lane: Lane | str, reason: str
) -> None:
    """Move an initiative between the quick-fix and the project lane, with the reason (recorded)."""
    values = parse_input(LaneChangeInput, {"lane": lane, "reason": reason})
    person, initiative = initiative_to_change(session, actor, initiative_id, seen_version=seen_version)
    if initiative.lane is values.lane:
        raise ValidationError({"lane": "pdca.error.same_lane"})
    versioned_update(
        session,
        person=person,
        model=Initiative,
        entity="initiative",
        row=initiative,
        seen_version=seen_version,
        values={"lane": values.lane},
        reason=values.reason,
    )


def complete_quick_fix(
    *, session: Session, actor: Actor, initiative_id: int, seen_version: int | None, result: str
) -> None:
    """The third step of a quick fix (problem → change → result): record the result and finish it. No gates:
    the cycle goes straight to Act, standardised, with the result as its lesson; the initiative is completed."""
    values = parse_input(QuickFixResultInput, {"result": result})
    person, initiative = initiative_to_change(session, actor, initiative_id, seen_version=seen_version)
    if initiative.lane is not Lane.QUICK_FIX:
        raise ValidationError({"lane": "pdca.error.not_quick_fix"})
    old_status = initiative.status
    if old_status in CLOSED_STATUSES:
        raise ValidationError({"status": ("pdca.error.not_moving", {"status": f"enum.status.{old_status.value}"})})
    cycle = current_cycle(session, initiative_id)
    move_initiative_on(session, person, initiative, seen_version, status=Status.COMPLETED)
    record_status_move(session, person, initiative_id, StatusMove.COMPLETE, old_status, Status.COMPLETED, values.result)
    if cycle.phase is not Phase.ACT:
        _record_move(session, person, initiative_id, cycle, Phase.ACT, "quick fix done", [])
    _update_cycle(
        session,
        person,
        cycle,
        {"check_result": values.result, "act_decision": ActDecision.STANDARDISE, "lesson": values.result},
        reason="quick fix done",
    )


# --- helpers ------------------------------------------------------------------------------------------------


def _facts(session: Session, initiative: Initiative, cycle: PdcaCycle) -> pdca.CycleFacts:
    planned = session.exec(
        select(func.coalesce(func.sum(BudgetLine.planned_cents), 0)).where(BudgetLine.initiative_id == initiative.id)
    ).one()
    reading_since_do = False
    if cycle.target_kpi_id is not None and cycle.do_started_on is not None:
        counting = counting_readings()
        reading_since_do = (
            session.execute(
                sa.select(func.count())
                .select_from(counting)
                .where(
                    counting.c.kpi_id == cycle.target_kpi_id,
                    counting.c.period >= pdca.reading_period_since(cycle.do_started_on),
                )
            ).scalar_one()
            > 0
        )
    return pdca.CycleFacts(
        lane=initiative.lane,
        status=initiative.status,
        hypothesis=cycle.hypothesis,
        target_kpi_id=cycle.target_kpi_id,
        baseline_value=cycle.baseline_value,
        target_value=cycle.target_value,
        has_budget=planned > 0,
        reading_since_do=reading_since_do,
        done_summary=cycle.done_summary,
        check_result=cycle.check_result,
        effect_verdict=_effect_verdict(session, initiative.id, cycle.target_kpi_id),
    )


def _effect_verdict(session: Session, initiative_id: int, kpi_id: int | None) -> str | None:
    """The verdict of the initiative's effect on its target KPI, None where none can be estimated yet."""
    if kpi_id is None:
        return None
    found = [i.effect.estimate for i in impacts(session, [initiative_id]) if i.kpi_id == kpi_id and i.effect.measured]
    return found[0].verdict if found else None


def _record_move(
    session: Session,
    person: Person | None,
    initiative_id: int,
    cycle: PdcaCycle,
    to_phase: Phase,
    reason: str,
    overridden: list[str],
) -> None:
    from_phase = cycle.phase  # before the UPDATE, which refreshes the loaded cycle
    session.add(
        PhaseTransition(
            initiative_id=initiative_id,
            cycle_id=cycle.id,
            from_phase=from_phase,
            to_phase=to_phase,
            moved_by_id=person.id if person else None,
            reason=reason,
            overridden=",".join(overridden),
        )
    )
    why = reason if not overridden else f"{reason} (proceeded without: {', '.join(overridden)})"
    _update_cycle(session, person, cycle, {"phase": to_phase, PHASE_STARTED_ON[to_phase]: date.today()}, reason=why)


def _open_next_cycle(
    session: Session, person: Person | None, initiative_id: int, closed: PdcaCycle, lesson: str
) -> None:
    """Adjust: close this cycle and open the next in Plan, with the lesson as its background and the same target."""
    today = date.today()
    _update_cycle(session, person, closed, {"closed_on": today}, reason="adjust")
    session.flush()  # the partial unique index allows one open cycle: close before opening
    new = PdcaCycle(
        initiative_id=initiative_id,
        number=closed.number + 1,
        phase=Phase.PLAN,
        plan_started_on=today,
        background=lesson,
        lesson_from_cycle=closed.number,
        target_kpi_id=closed.target_kpi_id,
        baseline_value=closed.baseline_value,
        target_value=closed.target_value,
        target_date=closed.target_date,
    )
    session.add(new)
    session.flush()
    session.add(
        PhaseTransition(
            initiative_id=initiative_id,
            cycle_id=new.id,
            from_phase=Phase.ACT,
            to_phase=Phase.PLAN,
            moved_by_id=person.id if person else None,
            reason=f"Act: adjust — {lesson}",
        )
    )
    audit_created(session, person=person, entity="pdca_cycle", row=new, reason=f"adjust after cycle {closed.number}")


def _link_target_kpi(session: Session, person: Person | None, initiative_id: int, values: CycleRecordInput) -> None:
    """The target KPI is one of the initiative's KPIs: link it, or bring its baseline and target up to date."""
    link = session.get(InitiativeKpi, (initiative_id, values.target_kpi_id))
    target = {"baseline": values.baseline_value, "target": values.target_value, "target_date": values.target_date}
    if link is None:
        link = InitiativeKpi(initiative_id=initiative_id, kpi_id=values.target_kpi_id, **target)
        session.add(link)
        session.flush()
        audit.record(
            session,
            actor=audit_actor(person),
            entity="initiative_kpi",
            entity_id=f"{initiative_id}:{values.target_kpi_id}",
            action="create",
            new={k: audit.to_text(v) for k, v in link.model_dump().items()},
        )
        return
    who = audit_actor(person)
    for name, (old, new) in changed_fields(link, target).items():
        audit.record(
            session,
            actor=who,
            entity="initiative_kpi",
            entity_id=f"{initiative_id}:{values.target_kpi_id}",
            action="update",
            field=name,
            old=old,
            new=new,
        )
        setattr(link, name, new)
    session.add(link)


def _update_cycle(
    session: Session, person: Person | None, cycle: PdcaCycle, values: dict[str, Any], reason: str = ""
) -> None:
    """Write `values` to the cycle, one audit event per field that changes (the cycle moves with its initiative's
    version, which the caller has advanced)."""
    who = audit_actor(person)
    for name, (old, new) in changed_fields(cycle, values).items():
        audit.record(
            session,
            actor=who,
            entity="pdca_cycle",
            entity_id=cycle.id,
            action="update",
            field=name,
            old=old,
            new=new,
            reason=reason,
        )
    session.execute(update(PdcaCycle).where(PdcaCycle.id == cycle.id).values(**values))
