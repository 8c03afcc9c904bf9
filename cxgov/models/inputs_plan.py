"""Input models of an initiative's plan and team: milestones, risks, plan actions, dependencies, team members.

The services check what needs the database (people exist and are active, dependencies form no cycle).
"""

from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator

from cxgov.models.inputs import FieldProblem, Strict, blank_to_none, required_text
from cxgov.models.inputs_budget import MAX_CENTS, optional_cents
from cxgov.models.inputs_rules import BusinessDate, Id


def _not_in_future(value: date) -> date:
    """Done or closed is a fact: it happened today or earlier."""
    if value > date.today():
        raise FieldProblem("plan.error.date_in_future")
    return value


def _cost(value):
    """Euros typed as text ('1.234,56'), blank for none; an int is already cents; a cost is never negative."""
    value = optional_cents(value)
    if value is not None and value < 0:
        raise FieldProblem("programs.error.amount_negative")
    return value


class MilestoneInput(Strict):
    title: str = Field(max_length=200)
    due_on: BusinessDate

    _required = field_validator("title", mode="before")(classmethod(lambda cls, v: required_text(v)))


class RiskInput(Strict):
    """A risk: probability and impact each 1 (low) to 5 (high); the score is their product."""

    title: str = Field(max_length=200)
    probability: int = Field(ge=1, le=5)
    impact: int = Field(ge=1, le=5)
    mitigation: str = Field(default="", max_length=2_000)
    owner_id: Id | None = None

    _required = field_validator("title", mode="before")(classmethod(lambda cls, v: required_text(v)))
    _blanks = field_validator("owner_id", mode="before")(classmethod(lambda cls, v: blank_to_none(v)))


class PlanActionInput(Strict):
    """One action of the cycle's plan: what, who, by when, at what cost (euros as text)."""

    description: str = Field(max_length=300)
    owner_id: Id | None = None
    due_on: BusinessDate | None = None
    cost_cents: int | None = Field(default=None, lt=MAX_CENTS)

    _required = field_validator("description", mode="before")(classmethod(lambda cls, v: required_text(v)))
    _blanks = field_validator("owner_id", "due_on", mode="before")(classmethod(lambda cls, v: blank_to_none(v)))
    _cost = field_validator("cost_cents", mode="before")(classmethod(lambda cls, v: _cost(v)))


class DoneInput(Strict):
    """Marking a milestone or a plan action done."""

    done_on: BusinessDate

    _dates = field_validator("done_on")(classmethod(lambda cls, v: _not_in_future(v)))


class CloseRiskInput(Strict):
    closed_on: BusinessDate

    _dates = field_validator("closed_on")(classmethod(lambda cls, v: _not_in_future(v)))


class DependencyInput(Strict):
    """This initiative is blocked by `blocked_by_id`."""

    blocked_by_id: Id
    note: str = Field(default="", max_length=300)


class TeamMemberInput(Strict):
    person_id: Id
    role_on_initiative: str = Field(max_length=80)

    _required = field_validator("role_on_initiative", mode="before")(classmethod(lambda cls, v: required_text(v)))
