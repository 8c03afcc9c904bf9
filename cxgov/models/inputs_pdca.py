"""Input models of the PDCA record (the A3 fields of a cycle) and of the moves: the reasons a phase move, a status
move or a decision needs."""

from __future__ import annotations

from pydantic import Field, field_validator

from cxgov.models.enums import ActDecision, Lane, StatusMove
from cxgov.models.inputs import Strict, blank_to_none, required_text
from cxgov.models.inputs_rules import BusinessDate, Id, KpiNumber

LONG_TEXT = 10_000  # one A3 box: a few paragraphs at most


class CycleRecordInput(Strict):
    """The A3 record of the open cycle (every box optional while planning; the moves say what they expect)."""

    background: str = Field(default="", max_length=LONG_TEXT)
    current_condition: str = Field(default="", max_length=LONG_TEXT)
    target_kpi_id: Id | None = None
    baseline_value: KpiNumber | None = None
    target_value: KpiNumber | None = None
    target_date: BusinessDate | None = None
    root_cause: str = Field(default="", max_length=LONG_TEXT)
    hypothesis: str = Field(default="", max_length=LONG_TEXT)
    done_summary: str = Field(default="", max_length=LONG_TEXT)
    check_result: str = Field(default="", max_length=LONG_TEXT)
    check_sample_size: int | None = Field(default=None, ge=0, le=100_000_000)

    _blanks = field_validator(
        "target_kpi_id", "baseline_value", "target_value", "target_date", "check_sample_size", mode="before"
    )(classmethod(lambda cls, v: blank_to_none(v)))


class ReasonInput(Strict):
    """A reason that must be given: approving, or proceeding although criteria are not met."""

    reason: str = Field(max_length=2_000)

    _required = field_validator("reason", mode="before")(classmethod(lambda cls, v: required_text(v)))


class StatusMoveInput(Strict):
    """A status move with its reason (for asking the owner: the question; for the owner's reply: the answer)."""

    move: StatusMove
    reason: str = Field(max_length=2_000)

    _required = field_validator("reason", mode="before")(classmethod(lambda cls, v: required_text(v)))


class ActDecisionInput(Strict):
    decision: ActDecision
    lesson: str = Field(max_length=LONG_TEXT)

    _required = field_validator("lesson", mode="before")(classmethod(lambda cls, v: required_text(v)))


class LaneChangeInput(Strict):
    lane: Lane
    reason: str = Field(max_length=2_000)

    _required = field_validator("reason", mode="before")(classmethod(lambda cls, v: required_text(v)))


class QuickFixResultInput(Strict):
    result: str = Field(max_length=LONG_TEXT)

    _required = field_validator("result", mode="before")(classmethod(lambda cls, v: required_text(v)))
