"""Input models of the decisions register and the action items a meeting gives: what the secretary records and
what an action's owner reports when closing it. The services check what needs the database (the meeting, the
initiative, the decision superseded, the people)."""

from __future__ import annotations

from pydantic import Field, field_validator

from cxgov.models.enums import ActionStatus, DecisionKind
from cxgov.models.inputs import Strict, blank_to_none, required_text
from cxgov.models.inputs_rules import BusinessDate, FieldProblem, Id

RATIONALE_TEXT = 10_000  # why the board decided: a few paragraphs at most
NOTE_TEXT = 2_000  # how an action ended, or why it was dropped


class DecisionInput(Strict):
    """One decision as the secretary records it. Effects on an initiative need the version of it they saw; how the
    fields go together (a reversal names the decision it undoes, …) is checked by the service."""

    kind: DecisionKind
    text: str = Field(max_length=2_000)
    rationale: str = Field(default="", max_length=RATIONALE_TEXT)
    agenda_item_id: Id | None = None
    initiative_id: Id | None = None
    seen_initiative_version: Id | None = None  # versions count up from 1, within the id range
    kpi_id: Id | None = None
    review_on: BusinessDate | None = None
    new_target_date: BusinessDate | None = None
    supersedes_id: Id | None = None
    reverses: bool = False
    approves_minutes_of_id: Id | None = None

    _required = field_validator("text", mode="before")(classmethod(lambda cls, v: required_text(v)))
    _blanks = field_validator("review_on", "new_target_date", mode="before")(
        classmethod(lambda cls, v: blank_to_none(v))
    )


class ActionInput(Strict):
    """An action a meeting gives someone: what, who, by when."""

    text: str = Field(max_length=500)
    owner_id: Id
    due_on: BusinessDate

    _required = field_validator("text", mode="before")(classmethod(lambda cls, v: required_text(v)))


class NewActionInput(ActionInput):
    """A new action, linked to what it came from: an agenda item, a decision, an initiative."""

    agenda_item_id: Id | None = None
    decision_id: Id | None = None
    initiative_id: Id | None = None


class CloseActionInput(Strict):
    """Closing an action: done (a note optional) or dropped (the reason required), on a day that has come."""

    outcome: ActionStatus
    note: str = Field(default="", max_length=NOTE_TEXT)
    closed_on: BusinessDate

    @field_validator("outcome")
    @classmethod
    def _closed(cls, value: ActionStatus) -> ActionStatus:
        if value is ActionStatus.OPEN:
            raise FieldProblem("actions.error.outcome_open")
        return value
