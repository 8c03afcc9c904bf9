"""The permission matrix: every service function × every role × every relation, against the real services.

The services are discovered by introspection, so a new service function without a row in CASES fails the
suite. For each case a builder arranges a realistic call (valid data, a fresh initiative or entry); the
call then runs in a write unit as a real person with that role and relation, and the outcome must match
`cxgov.rules.permissions.allowed`: allowed ⇔ the call succeeds and leaves an audit trail; denied ⇔ the expected
refusal is raised and nothing is written, even though the caller commits. Inactive people are always
refused; the system actor (CLI) may, except where only a person can act for themself.

One database per (service function, backend); the role × relation loop runs inside the test and reports
every mismatch at once.
"""

from __future__ import annotations

import importlib
import inspect
import itertools
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlmodel import SQLModel
from sqlmodel import select as sqlmodel_select

import cxgov.services
from cxgov import audit
from cxgov.db import session_scope
from cxgov.errors import DomainError, PermissionDenied, ValidationError
from cxgov.io.reading_plan import ReadingOptions
from cxgov.io.response_plan import ImportOptions
from cxgov.models import AuditEvent, Department, Initiative, Kpi, Person, Role, StrategicObjective, TaxonomyTerm
from cxgov.pack.template import default_template
from cxgov.queries.audit import AuditFilter
from cxgov.rules.permissions import SYSTEM_ACTOR, Action, Relation, allowed
from cxgov.services import plan
from cxgov.services.accounts import reset_password
from cxgov.services.actions import add_action
from cxgov.services.initiative_access import relations_to
from cxgov.services.kpi_targets import set_kpi_target
from cxgov.services.kpis import create_kpi, record_kpi_reading
from cxgov.services.lifecycle import move_status
from cxgov.services.pack_templates import upload_template
from cxgov.services.pdca import change_lane
from cxgov.services.people import create_person
from cxgov.services.reference import create_department, create_objective, create_term
from tests.factories import (
    add_dependency,
    add_initiative,
    add_person,
    add_team_member,
    approve_and_move,
)
from tests.measurement.builders import add_responses
from tests.meeting_calls import BOARD_ASK_CALL, MEETING_CALLS, MEETING_RELATIONS, arranged_meeting

# Modules of cxgov.services that hold building blocks, not services.
HELPER_MODULES = {
    "unit": "building blocks every service uses (acting person, versioned update)",
    "entries": "the generic create/update behind the catalogue services, which are covered one by one",
    "initiative_access": "loading an initiative to change it (authorised, version-checked) for the services",
    "uniqueness": "the unique-name check the services share",
}
# Public functions taking a keyword-only `session` but no `actor`: they cannot be authorised by role.
EXEMPT = {
    "accounts.sign_in": "authenticates: there is no acting person yet, so there is no role to check",
    "sso.sso_sign_in": "authenticates (the provider vouched for the identity): no acting person yet",
    "sessions.claim_sign_in_ticket": "completes a sign-in (the one-time ticket is the proof): no acting person yet",
    "comment_retention.comments_to_purge": "counts the comments a purge would remove (its dry run): no text is read",
}


# --- discovery ---------------------------------------------------------------------------------------------


def _service_modules():
    for info in pkgutil.iter_modules(cxgov.services.__path__):
        if info.name not in HELPER_MODULES:
            yield info.name, importlib.import_module(f"cxgov.services.{info.name}")


def _keyword_only(function) -> set[str]:
    return {name for name, p in inspect.signature(function).parameters.items() if p.kind is p.KEYWORD_ONLY}


def discover() -> dict[str, set[str]]:
    """'module.function' -> its keyword-only parameters, for every public function taking `session=`."""
    found = {}
    for module_name, module in _service_modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if (
                function.__module__ == module.__name__
                and not name.startswith("_")
                and "session" in _keyword_only(function)
            ):
                found[f"{module_name}.{name}"] = _keyword_only(function)
    return found


def service(qualified: str) -> Callable:
    module_name, name = qualified.split(".")
    return getattr(importlib.import_module(f"cxgov.services.{module_name}"), name)


# --- arranging realistic calls -----------------------------------------------------------------------------

_n = itertools.count(1)


@dataclass
class Arrange:
    """What a case builder gets: the database, the acting person and their relation to the initiative."""

    engine: Any
    person_id: int
    relation: Relation | None
    neutral_owner_id: int  # owns initiatives the acting person has no relation to

    def system(self, create: Callable, **data) -> int:
        """A row created through its own service by the system actor (the call under test edits it)."""
        with session_scope(self.engine, write=True) as session:
            return create(session=session, actor=SYSTEM_ACTOR, data=data)

    def version(self, model: type[SQLModel], row_id: int) -> int:
        with session_scope(self.engine) as session:
            return session.get(model, row_id).version

    def initiative(self) -> tuple[int, dict]:
        """A fresh initiative the acting person relates to by `relation`; returns its id and form data."""
        data = {
            "title": f"Matrix initiative {next(_n)}",
            "discipline": "design",
            "owner_id": self.person_id if self.relation is Relation.OWNER else self.neutral_owner_id,
            "sponsor_id": self.person_id if self.relation is Relation.SPONSOR else None,
        }
        initiative_id = add_initiative(self.engine, **data)
        if self.relation is Relation.MEMBER:
            add_team_member(self.engine, initiative_id, self.person_id)
        return initiative_id, data

    def plan_row(self, create: Callable, **data) -> dict:
        """A fresh initiative with one plan row (milestone, risk, action) the system created through `create`."""
        initiative_id, _ = self.initiative()
        with session_scope(self.engine, write=True) as session:
            row_id = create(session=session, actor=SYSTEM_ACTOR, initiative_id=initiative_id, data=data)
        return {"initiative_id": initiative_id, "row_id": row_id, "seen_version": 1}


# How each relation is arranged lives in Arrange.initiative; this list must name every Relation.
ARRANGED_RELATIONS = (Relation.OWNER, Relation.SPONSOR, Relation.MEMBER)


def _edit_initiative(a: Arrange) -> dict:
    initiative_id, data = a.initiative()
    return {
        "initiative_id": initiative_id,
        "seen_version": a.version(Initiative, initiative_id),
        "data": data | {"title": data["title"] + " (edited)"},
    }


def _check_in(a: Arrange) -> dict:
    return {
        "initiative_id": a.initiative()[0],
        "data": {"checkin_date": date(2026, 11, 27), "health": "amber", "reason": "Supplier late"},
    }


def _check_in_with_spend(a: Arrange) -> dict:
    kwargs = _check_in(a)
    kwargs["data"] |= {"spend_cents": "45,00"}  # booking spend needs the budget right as well
    return kwargs


def _bulk_row(**changes) -> Callable[[Arrange], dict]:
    """One row of the bulk-update grid on a fresh initiative, as seen when editing started."""

    def build(a: Arrange) -> dict:
        initiative_id, _ = a.initiative()
        return {
            "initiative_id": initiative_id,
            "seen_version": a.version(Initiative, initiative_id),
            "seen_check_in_id": None,
            "changes": changes,
        }

    return build


def _budget_line(a: Arrange) -> dict:
    return {"initiative_id": a.initiative()[0], "data": {"year": 2026, "quarter": 4, "planned_cents": "12.500,00"}}


def _expense(a: Arrange) -> dict:
    return {
        "initiative_id": a.initiative()[0],
        "data": {
            "spent_on": date(2026, 11, 3),
            "amount_cents": "1.234,56",
            "category": "external",
            "note": "Copywriter",
        },
    }


def _new_initiative(**extra) -> Callable[[Arrange], dict]:
    def build(a: Arrange) -> dict:
        return {
            "data": {
                "title": f"Matrix proposal {next(_n)}",
                "discipline": "measurement",
                "owner_id": a.neutral_owner_id,
            }
            | extra
        }

    return build


def _kpi_data() -> dict:
    n = next(_n)
    return {"code": f"mx_{n}", "name": f"Matrix KPI {n}", "kind": "csat", "scale_min": 1, "scale_max": 5}


def _edit_kpi(a: Arrange) -> dict:
    data = _kpi_data()
    kpi_id = a.system(create_kpi, **data)
    return {"kpi_id": kpi_id, "seen_version": a.version(Kpi, kpi_id), "data": data | {"name": data["name"] + "!"}}


def _kpi_reading(a: Arrange) -> dict:
    return {
        "data": {
            "kpi_id": a.system(create_kpi, **_kpi_data()),
            "period": date(2026, 10, 1),
            "value": 4.2,
            "sample_size": 310,
            "source": "survey",
        }
    }


def _reading_to_change(**call) -> Callable[[Arrange], dict]:
    """A reading the system recorded, to be corrected or withdrawn (`call` holds the data)."""

    def build(a: Arrange) -> dict:
        with session_scope(a.engine, write=True) as session:
            reading_id = record_kpi_reading(session=session, actor=SYSTEM_ACTOR, data=_kpi_reading(a)["data"])
        return {"reading_id": reading_id, "seen_version": 1} | call

    return build


def _person_data() -> dict:
    n = next(_n)
    return {"name": f"Matrix person {n}", "email": f"matrix{n}@example.nl", "role": "contributor"}


def _edit_person(a: Arrange) -> dict:
    data = _person_data()
    person_id = a.system(create_person, **data)
    return {"person_id": person_id, "seen_version": a.version(Person, person_id), "data": data | {"role": "manager"}}


def _department_data() -> dict:
    return {"name": f"Matrix department {next(_n)}"}


def _edit_department(a: Arrange) -> dict:
    data = _department_data()
    row_id = a.system(create_department, **data)
    return {"department_id": row_id, "seen_version": a.version(Department, row_id), "data": data | {"active": False}}


def _objective_data() -> dict:
    return {"title": f"Matrix objective {next(_n)}", "description": "Fewer repeat calls"}


def _edit_objective(a: Arrange) -> dict:
    data = _objective_data()
    row_id = a.system(create_objective, **data)
    return {
        "objective_id": row_id,
        "seen_version": a.version(StrategicObjective, row_id),
        "data": data | {"owner_id": a.neutral_owner_id},
    }


def _term_data() -> dict:
    n = next(_n)
    return {"kind": "channel", "code": f"mx{n}", "name_en": f"Channel {n}", "name_nl": f"Kanaal {n}"}


def _edit_term(a: Arrange) -> dict:
    data = _term_data()
    row_id = a.system(create_term, **data)
    return {"term_id": row_id, "seen_version": a.version(TaxonomyTerm, row_id), "data": data | {"position": 3}}


def _cycle_record(a: Arrange) -> dict:
    initiative_id, _ = a.initiative()
    return {
        "initiative_id": initiative_id,
        "seen_version": a.version(Initiative, initiative_id),
        "data": {"hypothesis": "If we write a card, then the NPS rises"},
    }


def _status_move(move: str, *, arranged: tuple[str, ...] = ()) -> Callable[[Arrange], dict]:
    """A status move on a fresh proposal, after the system made the `arranged` moves (e.g. approve, then hold)."""

    def build(a: Arrange) -> dict:
        initiative_id, _ = a.initiative()
        for earlier in arranged:
            with session_scope(a.engine, write=True) as session:
                move_status(
                    session=session,
                    actor=SYSTEM_ACTOR,
                    initiative_id=initiative_id,
                    seen_version=a.version(Initiative, initiative_id),
                    move=earlier,
                    reason="arrangement",
                )
        return {
            "initiative_id": initiative_id,
            "seen_version": a.version(Initiative, initiative_id),
            "move": move,
            "reason": "Decided with a reason",
        }

    return build


def _edit_setting_status(status: str) -> Callable[[Arrange], dict]:
    """The edit form with a different status: the status is never a field, whoever saves it."""

    def build(a: Arrange) -> dict:
        kwargs = _edit_initiative(a)
        kwargs["data"] |= {"status": status}
        return kwargs

    return build


def _unfunded_move(a: Arrange) -> dict:
    initiative_id, _ = a.initiative()  # a proposal: Plan → Do is blocked until it is approved
    return {
        "initiative_id": initiative_id,
        "seen_version": a.version(Initiative, initiative_id),
        "override_reason": "We are in a hurry",
    }


def _initiative_in_phase(a: Arrange, moves: int) -> dict:
    """An approved initiative moved `moves` phases on by the system."""
    initiative_id, _ = a.initiative()
    return {"initiative_id": initiative_id, "seen_version": approve_and_move(a.engine, initiative_id, moves)}


def _lane_change(a: Arrange) -> dict:
    initiative_id, _ = a.initiative()
    return {
        "initiative_id": initiative_id,
        "seen_version": a.version(Initiative, initiative_id),
        "lane": "quick_fix",
        "reason": "One template change",
    }


def _quick_fix_result(a: Arrange) -> dict:
    initiative_id, _ = a.initiative()
    with session_scope(a.engine, write=True) as session:
        change_lane(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            seen_version=1,
            lane="quick_fix",
            reason="arrangement",
        )
    return {
        "initiative_id": initiative_id,
        "seen_version": a.version(Initiative, initiative_id),
        "result": "Calls stopped",
    }


def _phase_move_from(moves: int) -> Callable[[Arrange], dict]:
    return lambda a: _initiative_in_phase(a, moves) | {"override_reason": "Pilot first"}


def _act_decision(decision: str) -> Callable[[Arrange], dict]:
    return lambda a: _initiative_in_phase(a, 3) | {"decision": decision, "lesson": "Sign the cards"}


MILESTONE = {"title": "Pilot live in region North", "due_on": date(2026, 12, 15)}
RISK = {"title": "Carrier API late", "probability": 3, "impact": 4, "mitigation": "E-mail fallback"}
PLAN_ACTION = {"description": "Brief the carrier", "due_on": date(2026, 12, 1), "cost_cents": "1.250,00"}


def _on_initiative(**data) -> Callable[[Arrange], dict]:
    return lambda a: {"initiative_id": a.initiative()[0], "data": data}


def _plan_row(create: Callable, row_name: str, template: dict, **call) -> Callable[[Arrange], dict]:
    """A call on an existing plan row: `row_name` is the row id's parameter; `call` the rest (`data` edited)."""

    def build(a: Arrange) -> dict:
        arranged = a.plan_row(create, **template)
        return {
            "initiative_id": arranged["initiative_id"],
            row_name: arranged["row_id"],
            "seen_version": arranged["seen_version"],
        } | call

    return build


def _new_member(a: Arrange) -> dict:
    return {
        "initiative_id": a.initiative()[0],
        "data": {"person_id": add_person(a.engine, Role.CONTRIBUTOR), "role_on_initiative": "Data analyst"},
    }


def _member_to_remove(a: Arrange) -> dict:
    initiative_id, _ = a.initiative()
    other = add_person(a.engine, Role.CONTRIBUTOR)
    add_team_member(a.engine, initiative_id, other)
    return {"initiative_id": initiative_id, "person_id": other}


def _new_dependency(a: Arrange) -> dict:
    blocker = add_initiative(a.engine, owner_id=a.neutral_owner_id)
    return {"initiative_id": a.initiative()[0], "data": {"blocked_by_id": blocker, "note": "Needs the API"}}


def _dependency_to_remove(a: Arrange) -> dict:
    initiative_id, _ = a.initiative()
    blocker = add_initiative(a.engine, owner_id=a.neutral_owner_id)
    add_dependency(a.engine, initiative_id, blocker)
    return {"initiative_id": initiative_id, "blocked_by_id": blocker}


PASSWORD = "Klantreis-Kwartaal-2026"


def _reset_password(a: Arrange) -> dict:
    return {"person_id": a.system(create_person, **_person_data()), "new_password": PASSWORD}


def _change_own_password(a: Arrange) -> dict:
    with session_scope(a.engine, write=True) as session:  # the acting person's own local account
        reset_password(session=session, actor=SYSTEM_ACTOR, person_id=a.person_id, new_password=PASSWORD)
    return {"current_password": PASSWORD, "new_password": "Rapportcijfer-Acht-2027"}


def _template_in_use(a: Arrange) -> dict:
    with session_scope(a.engine, write=True) as session:
        upload_template(session=session, actor=SYSTEM_ACTOR, file_name="voltera.pptx", data=default_template())
    return {}


def _decision(kind: str, *, arranged: tuple[str, ...] | None = None) -> Callable[[Arrange], dict]:
    """A decision at a fresh meeting; with `arranged`, on a fresh initiative after those system moves (effects)."""

    def build(a: Arrange) -> dict:
        call = {"meeting_id": arranged_meeting(a, "published"), "kind": kind, "text": "Decided by the board"}
        if arranged is None:
            return call
        initiative_id = add_initiative(a.engine, owner_id=a.neutral_owner_id)
        version = approve_and_move(a.engine, initiative_id, 0) if arranged else 1
        return call | {"initiative_id": initiative_id, "seen_initiative_version": version}

    return build


def _meeting_action(a: Arrange) -> int:
    """An open action of a fresh meeting the acting person chairs or attends as arranged, given by the system to
    them when they are to own it, else to the neutral owner."""
    meeting_id = arranged_meeting(a, "published")
    with session_scope(a.engine, write=True) as session:
        return add_action(
            session=session,
            actor=SYSTEM_ACTOR,
            meeting_id=meeting_id,
            text="Send the callback script",
            owner_id=a.person_id if a.relation is Relation.OWNER else a.neutral_owner_id,
            due_on=date.today() + timedelta(days=14),
        )


def _survey_kpi(a: Arrange, kind: str = "nps") -> tuple[int, str]:
    code = f"M{next(_n)}"
    return a.system(create_kpi, code=code, name=f"Measured {code}", kind=kind), code


def _responses_file(a: Arrange) -> dict:
    _, code = _survey_kpi(a)
    data = f"Respondent;Datum;KPI;Cijfer;Winkel\nr1;03-02-2025;{code};9;Utrecht\n".encode()
    return {"data": data, "file_name": "enquete.csv", "options": ImportOptions()}


def _readings_file(a: Arrange) -> dict:
    _, code = _survey_kpi(a, "business")
    return {
        "data": f"KPI;Maand;Waarde\n{code};2025-03;4,2\n".encode(),
        "file_name": "r.csv",
        "options": ReadingOptions(),
    }


def _new_target(a: Arrange) -> dict:
    kpi_id, _ = _survey_kpi(a, "ktv")
    return {"data": {"kpi_id": kpi_id, "valid_from": date(2026, 1, 1), "target": 7.8}}


def _target_to_remove(a: Arrange) -> dict:
    kpi_id, _ = _survey_kpi(a, "ktv")
    target_id = a.system(set_kpi_target, kpi_id=kpi_id, valid_from=date(2026, 1, 1), target=7.8)
    return {"target_id": target_id, "seen_version": 1}


def _pilot_segments(a: Arrange) -> dict:
    kpi_id, _ = _survey_kpi(a)
    add_responses(a.engine, kpi_id, [(date(2025, 2, 3), 9, {"region": "Utrecht"})], recompute=False)
    initiative_id, _ = a.initiative()
    return {
        "initiative_id": initiative_id,
        "seen_version": a.version(Initiative, initiative_id),
        "data": {"dimension": "region", "segments": ["Utrecht"]},
    }


def _comments_of(a: Arrange) -> dict:
    kpi_id, _ = _survey_kpi(a)
    return {"kpi_id": kpi_id, "since": date(2025, 1, 1), "until": date(2025, 12, 31)}


@dataclass(frozen=True)
class Case:
    """One way of calling a service, and the actions it must check in this order.

    `refusal` is what the service raises for a role lacking the action; the first action not allowed decides.
    No actions: every active person may (for themself). `system=False`: the system actor is refused too.
    `undo` rolls a successful call back (loading the demo twice into one database is refused by design).
    """

    actions: tuple[Action, ...]
    build: Callable[[Arrange], dict]
    on_initiative: bool = False  # the action depends on the acting person's relation to the initiative
    on_meeting: bool = False  # … or to the meeting (chair, member; arranged in tests.meeting_calls)
    on_action: bool = False  # … or to an action item: its meeting's chair or member, or the action's owner
    refusal: dict[Action, Callable[[Exception], bool]] | None = None
    system: bool = True
    undo: bool = False
    label: str = ""
    # Refused even where the policy allows the actions (the system actor included): a rule, not a right, says no.
    refused_anyway: Callable[[Exception], bool] | None = None


def _status_field_error(exc: Exception) -> bool:
    """create_initiative reports a status the role may not set on the status field of the form."""
    return isinstance(exc, ValidationError) and set(exc.errors) == {"status"}


def _status_only_by_move(exc: Exception) -> bool:
    return isinstance(exc, ValidationError) and exc.errors.get("status", ("",))[0] == "lifecycle.error.status_by_move"


def _needs_approval(exc: Exception) -> bool:
    return isinstance(exc, ValidationError) and exc.errors.get("status", ("",))[0] == "pdca.error.needs_approval"


# Every status move and every phase move, for every role and relation (the moves' rights differ).
STATUS_MOVES = {
    "approve": (Action.APPROVE_INITIATIVE, ()),
    "reject": (Action.APPROVE_INITIATIVE, ()),
    "ask_info": (Action.APPROVE_INITIATIVE, ()),
    "answer_info": (Action.ANSWER_QUESTION, ("ask_info",)),
    "hold": (Action.EDIT_INITIATIVE, ("approve",)),
    "resume": (Action.EDIT_INITIATIVE, ("approve", "hold")),
    "cancel": (Action.EDIT_INITIATIVE, ()),
}


CASES: dict[str, tuple[Case, ...]] = {
    "initiatives.create_initiative": (
        Case((Action.PROPOSE_INITIATIVE,), _new_initiative(), label="proposed"),
        Case(
            (Action.PROPOSE_INITIATIVE, Action.CREATE_INITIATIVE_WITH_STATUS),
            _new_initiative(status="approved", phase="plan"),
            refusal={Action.CREATE_INITIATIVE_WITH_STATUS: _status_field_error},
            label="approved",
        ),
    ),
    "initiatives.update_initiative": (
        Case((Action.EDIT_INITIATIVE,), _edit_initiative, on_initiative=True),
        *(
            Case(
                (Action.EDIT_INITIATIVE,),
                _edit_setting_status(status),
                on_initiative=True,
                refused_anyway=_status_only_by_move,
                label=f"status {status}",
            )
            for status in ("approved", "active")
        ),
    ),
    "initiatives.record_check_in": (
        Case((Action.CHECK_IN,), _check_in, on_initiative=True),
        Case((Action.CHECK_IN, Action.MANAGE_BUDGET), _check_in_with_spend, on_initiative=True, label="with spend"),
    ),
    "bulk.apply_bulk_row": (
        Case(
            (Action.CHECK_IN,),
            _bulk_row(health="amber", reason="Supplier late", progress_pct=30),
            on_initiative=True,
            label="check-in",
        ),
        Case(
            (Action.CHECK_IN, Action.EDIT_INITIATIVE),
            _bulk_row(health="green", reason="", progress_pct=60, target_date=date(2027, 3, 31)),
            on_initiative=True,
            label="with target date",
        ),
    ),
    "budget.set_budget_line": (Case((Action.MANAGE_BUDGET,), _budget_line, on_initiative=True),),
    "pdca.save_cycle_record": (Case((Action.EDIT_INITIATIVE,), _cycle_record, on_initiative=True),),
    "lifecycle.move_status": tuple(
        Case((action,), _status_move(move, arranged=arranged), on_initiative=True, label=move)
        for move, (action, arranged) in STATUS_MOVES.items()
    ),
    "pdca.move_to_next_phase": (
        *(
            Case((Action.EDIT_INITIATIVE,), _phase_move_from(moves), on_initiative=True, label=label)
            for moves, label in ((0, "plan to do"), (1, "do to check"), (2, "check to act"))
        ),
        Case(
            (Action.EDIT_INITIATIVE,),
            _unfunded_move,
            on_initiative=True,
            refused_anyway=_needs_approval,
            label="unfunded plan to do",
        ),
    ),
    "pdca.decide_act": tuple(
        Case((Action.EDIT_INITIATIVE,), _act_decision(decision), on_initiative=True, label=decision)
        for decision in ("standardise", "adjust", "abandon")
    ),
    "pdca.change_lane": (Case((Action.EDIT_INITIATIVE,), _lane_change, on_initiative=True),),
    "pdca.complete_quick_fix": (Case((Action.EDIT_INITIATIVE,), _quick_fix_result, on_initiative=True),),
    "budget.record_expense": (Case((Action.MANAGE_BUDGET,), _expense, on_initiative=True),),
    "plan.add_milestone": (Case((Action.EDIT_INITIATIVE,), _on_initiative(**MILESTONE), on_initiative=True),),
    "plan.update_milestone": (
        Case(
            (Action.EDIT_INITIATIVE,),
            _plan_row(plan.add_milestone, "milestone_id", MILESTONE, data=MILESTONE | {"title": "Pilot live"}),
            on_initiative=True,
        ),
    ),
    "plan.complete_milestone": (
        Case(
            (Action.EDIT_INITIATIVE,),
            _plan_row(plan.add_milestone, "milestone_id", MILESTONE, done_on=date(2026, 11, 27)),
            on_initiative=True,
        ),
    ),
    "plan.add_risk": (Case((Action.EDIT_INITIATIVE,), _on_initiative(**RISK), on_initiative=True),),
    "plan.update_risk": (
        Case(
            (Action.EDIT_INITIATIVE,),
            _plan_row(plan.add_risk, "risk_id", RISK, data=RISK | {"probability": 2}),
            on_initiative=True,
        ),
    ),
    "plan.close_risk": (
        Case((Action.EDIT_INITIATIVE,), _plan_row(plan.add_risk, "risk_id", RISK), on_initiative=True),
    ),
    "plan.add_plan_action": (Case((Action.EDIT_INITIATIVE,), _on_initiative(**PLAN_ACTION), on_initiative=True),),
    "plan.update_plan_action": (
        Case(
            (Action.EDIT_INITIATIVE,),
            _plan_row(plan.add_plan_action, "action_id", PLAN_ACTION, data=PLAN_ACTION | {"cost_cents": "900"}),
            on_initiative=True,
        ),
    ),
    "plan.complete_plan_action": (
        Case((Action.EDIT_INITIATIVE,), _plan_row(plan.add_plan_action, "action_id", PLAN_ACTION), on_initiative=True),
    ),
    "team.add_team_member": (Case((Action.EDIT_INITIATIVE,), _new_member, on_initiative=True),),
    "team.remove_team_member": (Case((Action.EDIT_INITIATIVE,), _member_to_remove, on_initiative=True),),
    "team.add_dependency": (Case((Action.EDIT_INITIATIVE,), _new_dependency, on_initiative=True),),
    "team.remove_dependency": (Case((Action.EDIT_INITIATIVE,), _dependency_to_remove, on_initiative=True),),
    "kpis.create_kpi": (Case((Action.MANAGE_KPIS,), lambda a: {"data": _kpi_data()}),),
    "kpis.update_kpi": (Case((Action.MANAGE_KPIS,), _edit_kpi),),
    "kpis.record_kpi_reading": (Case((Action.MANAGE_KPIS,), _kpi_reading),),
    "kpis.correct_kpi_reading": (
        Case(
            (Action.MANAGE_KPIS,),
            _reading_to_change(data={"value": 4.4, "sample_size": 310, "reason": "Panel re-weighted"}),
        ),
    ),
    "kpis.withdraw_kpi_reading": (
        Case((Action.MANAGE_KPIS,), _reading_to_change(data={"reason": "Typed into the wrong KPI"})),
    ),
    "people.create_person": (Case((Action.MANAGE_PEOPLE,), lambda a: {"data": _person_data()}),),
    "people.update_person": (Case((Action.MANAGE_PEOPLE,), _edit_person),),
    "reference.create_department": (Case((Action.MANAGE_REFERENCE_DATA,), lambda a: {"data": _department_data()}),),
    "reference.update_department": (Case((Action.MANAGE_REFERENCE_DATA,), _edit_department),),
    "reference.create_objective": (Case((Action.MANAGE_REFERENCE_DATA,), lambda a: {"data": _objective_data()}),),
    "reference.update_objective": (Case((Action.MANAGE_REFERENCE_DATA,), _edit_objective),),
    "reference.create_term": (Case((Action.MANAGE_REFERENCE_DATA,), lambda a: {"data": _term_data()}),),
    "reference.update_term": (Case((Action.MANAGE_REFERENCE_DATA,), _edit_term),),
    "accounts.reset_password": (Case((Action.MANAGE_ACCOUNTS,), _reset_password),),
    # Only for oneself, so no role check; the command line has no password of its own.
    "accounts.change_own_password": (Case((), _change_own_password, system=False),),
    # Reads, but writes the audit event of the export itself.
    "audit_export.export_audit_log": (Case((Action.VIEW_AUDIT,), lambda a: {"filters": AuditFilter(entity="person")}),),
    "demo.load_demo_portfolio": (Case((Action.LOAD_DEMO,), lambda a: {"initiatives": 1, "seed": 7}, undo=True),),
    "pack_templates.upload_template": (
        Case((Action.MANAGE_PACK_TEMPLATE,), lambda a: {"file_name": "voltera.pptx", "data": default_template()}),
    ),
    "pack_templates.use_default_template": (Case((Action.MANAGE_PACK_TEMPLATE,), _template_in_use),),
    # A preview reads and writes nothing (undo: no audit trail to expect); the import writes one event per file.
    "response_import.preview_responses": (Case((Action.IMPORT_MEASUREMENTS,), _responses_file, undo=True),),
    "response_import.import_responses": (Case((Action.IMPORT_MEASUREMENTS,), _responses_file),),
    "reading_import.preview_readings": (Case((Action.IMPORT_MEASUREMENTS,), _readings_file, undo=True),),
    "reading_import.import_readings": (Case((Action.IMPORT_MEASUREMENTS,), _readings_file),),
    "comment_retention.purge_comments": (Case((Action.IMPORT_MEASUREMENTS,), lambda a: {"today": date(2026, 3, 10)}),),
    "comment_retention.export_comments": (Case((Action.EXPORT_COMMENTS,), _comments_of),),
    "kpi_targets.set_kpi_target": (Case((Action.MANAGE_KPIS,), _new_target),),
    "kpi_targets.remove_kpi_target": (Case((Action.MANAGE_KPIS,), _target_to_remove),),
    "initiative_segments.set_initiative_segments": (
        Case((Action.EDIT_INITIATIVE,), _pilot_segments, on_initiative=True),
    ),
    "decisions.record_decision": (
        Case((Action.RUN_MEETING,), _decision("note"), label="note", on_meeting=True),
        Case(
            (Action.RUN_MEETING, Action.APPROVE_INITIATIVE),
            _decision("approve", arranged=()),
            label="approve",
            on_meeting=True,
        ),
        Case(
            (Action.RUN_MEETING, Action.EDIT_INITIATIVE),
            _decision("hold", arranged=("approve",)),
            label="hold",
            on_meeting=True,
        ),
    ),
    "actions.add_action": (
        Case(
            (Action.RUN_MEETING,),
            lambda a: {
                "meeting_id": arranged_meeting(a, "published"),
                "text": "Brief the stores",
                "owner_id": a.neutral_owner_id,
                "due_on": date.today() + timedelta(days=14),
            },
            on_meeting=True,
        ),
    ),
    "actions.update_action": (
        Case(
            (Action.RUN_MEETING,),
            lambda a: {"action_id": _meeting_action(a), "seen_version": 1, "changes": {"text": "Brief every store"}},
            on_meeting=True,
        ),
    ),
    "actions.close_action": (
        Case(
            (Action.CLOSE_ACTION,),
            lambda a: {"action_id": _meeting_action(a), "seen_version": 1, "outcome": "done"},
            label="done",
            on_action=True,
        ),
        Case(
            (Action.RUN_MEETING,),
            lambda a: {"action_id": _meeting_action(a), "seen_version": 1, "outcome": "dropped", "note": "Overtaken"},
            label="dropped",
            on_action=True,
        ),
    ),
    # Everyone may end their own sessions; the command line is never signed in.
    "sessions.sign_out": (Case((), lambda a: {}, system=False),),
    **{name: (Case(actions, build, on_meeting=True),) for name, (actions, build) in MEETING_CALLS.items()},
    "board_asks.write_board_ask": (Case(*BOARD_ASK_CALL, on_initiative=True),),
}

PARAMS = [
    pytest.param(name, case, id=f"{name}:{case.label}" if case.label else name)
    for name, cases in CASES.items()
    for case in cases
]


def relations_of(case: Case) -> list[Relation | None]:
    if case.on_action:
        return [None, *MEETING_RELATIONS, Relation.OWNER]
    if case.on_meeting:
        return [None, *MEETING_RELATIONS]
    return [None, *ARRANGED_RELATIONS] if case.on_initiative else [None]


def planned_size(case: Case) -> int:
    """(role × relation) for active people, the same again for inactive people, plus the system actor."""
    return 2 * len(Role) * len(relations_of(case)) + 1


# --- the checks --------------------------------------------------------------------------------------------


def test_every_service_function_has_a_matrix_row():
    found = discover()
    services = {name for name, params in found.items() if "actor" in params}
    without_actor = set(found) - services
    assert services - set(CASES) == set(), "service functions without a row in the permission matrix (CASES)"
    assert set(CASES) - services == set(), "matrix rows naming a service function that no longer exists"
    assert without_actor - set(EXEMPT) == set(), "functions taking session= but no actor= must be listed in EXEMPT"
    assert set(EXEMPT) - without_actor == set(), "EXEMPT names a function that no longer exists (or now has actor=)"
    assert set(ARRANGED_RELATIONS) | set(MEETING_RELATIONS) == set(Relation), "a relation the matrix cannot arrange yet"


def test_matrix_size_is_as_planned():
    size = sum(planned_size(case) for _, case in (p.values for p in PARAMS))
    floor = len(CASES) * (2 * len(Role) + 1)  # every function: each role active and inactive, and the system
    print(f"permission matrix: {len(PARAMS)} cases over {len(CASES)} service functions, {size} combinations")
    assert len(PARAMS) >= len(CASES) and size > floor


def _row_counts(session) -> dict[str, int]:
    """Rows in every table (the audit log included), in one statement, as `session` sees them."""
    tables = sorted(SQLModel.metadata.tables.values(), key=lambda t: t.name)
    query = select(*(select(func.count()).select_from(t).scalar_subquery().label(t.name) for t in tables))
    return dict(session.execute(query).one()._mapping)


def _committed_rows(engine) -> dict[str, int]:
    with session_scope(engine) as session:
        return _row_counts(session)


def _difference(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {table: after[table] - before[table] for table in after if after[table] != before[table]}


class _Undo(Exception):
    """Raised inside a write unit to roll a successful call back."""


@dataclass
class _Outcome:
    error: Exception | None = None
    written_before_refusal: dict[str, int] = field(default_factory=dict)  # rows and queued audit events


def _call(engine, function: Callable, actor, kwargs: dict, undo: bool) -> _Outcome:
    """Run the call in one write unit like the UI does. A refusal is looked at INSIDE the unit first (what
    the service wrote or queued before refusing, which the rollback would hide), then left to the unit,
    which rolls back and, for a PermissionDenied, records the attempt in a unit of its own."""
    outcome = _Outcome()
    try:
        with session_scope(engine, write=True) as session:
            before = _row_counts(session)
            try:
                function(session=session, actor=actor, **kwargs)
            except DomainError as exc:
                outcome.error = exc
                session.flush()
                outcome.written_before_refusal = _difference(before, _row_counts(session))
                queued = len(session.info.get(audit.PENDING_KEY, []))
                if queued:
                    outcome.written_before_refusal["queued audit events"] = queued
                raise
            if undo:
                raise _Undo
    except _Undo:
        pass
    except DomainError:
        pass  # kept above
    except Exception as exc:  # noqa: BLE001 — reported as a mismatch with its type
        outcome.error = exc
    return outcome


def _permission_denied(exc: Exception) -> bool:
    return isinstance(exc, PermissionDenied)


def _expected(case: Case, role: Role, relation: Relation | None, active: bool) -> Callable[[Exception], bool] | None:
    """None when the call must succeed; otherwise a test the raised exception must pass."""
    if not active:
        return _permission_denied
    relations = {relation} if relation else set()
    for action in case.actions:
        if not allowed(role, action, relations):
            return (case.refusal or {}).get(action, _permission_denied)
    return case.refused_anyway


def _denial_events(engine, since_seq: int) -> list[AuditEvent]:
    with session_scope(engine) as session:
        return session.exec(sqlmodel_select(AuditEvent).where(AuditEvent.seq > since_seq)).all()


def _last_seq(engine) -> int:
    with session_scope(engine) as session:
        return session.execute(select(func.coalesce(func.max(AuditEvent.seq), 0))).scalar_one()


def _check_one(engine, name: str, case: Case, actor, kwargs: dict, refusal) -> str | None:
    """Run one combination; a description of the mismatch, or None."""
    before, last_seq = _committed_rows(engine), _last_seq(engine)
    outcome = _call(engine, service(name), actor, kwargs, case.undo)
    written = _difference(before, _committed_rows(engine))
    if refusal is None:
        if outcome.error is not None:
            return f"should succeed, raised {type(outcome.error).__name__}: {outcome.error!r}"
        if not case.undo and not written.get("audit_event"):
            return "succeeded without an audit event"
        return None
    if outcome.error is None:
        return f"should be refused, succeeded (wrote {written})"
    if not refusal(outcome.error):
        return f"should be refused, raised {type(outcome.error).__name__}: {outcome.error!r}"
    if outcome.written_before_refusal:
        return f"refused, but wrote {outcome.written_before_refusal} before refusing"
    if not isinstance(outcome.error, PermissionDenied):
        return f"refused, but wrote {written}" if written else None
    if written != {"audit_event": 1}:
        return f"refused: expected exactly one audit event (the denial), the database changed by {written}"
    [event] = _denial_events(engine, last_seq)
    if (event.action, event.actor_id) != (audit.DENIED, None if actor == SYSTEM_ACTOR else actor):
        return f"refused, but the event recorded is {event.action!r} by {event.actor_id!r}"
    return None


def _arranged(engine, case: Case, role: Role, relation: Relation | None, active: bool, owner: int) -> tuple[int, dict]:
    person_id = add_person(engine, role)
    kwargs = case.build(Arrange(engine, person_id, relation, owner))
    if case.on_initiative:  # the arrangement itself must give exactly the relation being tested
        with session_scope(engine) as session:
            initiative = session.get(Initiative, kwargs["initiative_id"])
            got = relations_to(session, initiative, session.get(Person, person_id))
        assert got == ({relation} if relation else set()), f"arranged {relation}, got {got}"
    if not active:  # deactivated after arranging: an inactive person keeps their relations
        with session_scope(engine, write=True) as session:
            session.execute(update(Person).where(Person.id == person_id).values(active=False))
    return person_id, kwargs


@pytest.mark.parametrize(("name", "case"), PARAMS)
def test_service_enforces_the_policy(engine, name, case):
    owner = add_person(engine, Role.MANAGER, name="Neutral owner")
    mismatches, checked = [], 0
    combinations = [
        (role, relation, active) for active in (True, False) for role in Role for relation in relations_of(case)
    ]
    for role, relation, active in combinations:
        person_id, kwargs = _arranged(engine, case, role, relation, active, owner)
        problem = _check_one(engine, name, case, person_id, kwargs, _expected(case, role, relation, active))
        checked += 1
        if problem:
            state = "" if active else " (inactive)"
            mismatches.append(f"{role.value}{state} / {relation.value if relation else 'no relation'}: {problem}")
    kwargs = case.build(Arrange(engine, owner, None, owner))
    problem = _check_one(
        engine, name, case, SYSTEM_ACTOR, kwargs, case.refused_anyway if case.system else _permission_denied
    )
    checked += 1
    if problem:
        mismatches.append(f"system actor: {problem}")
    print(f"{name} {case.label}: {checked} combinations checked")
    assert checked == planned_size(case) > 2 * len(Role)
    assert not mismatches, f"{name} {case.label} disagrees with cxgov.rules.permissions.POLICY:\n  " + "\n  ".join(
        mismatches
    )
