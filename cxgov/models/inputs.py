"""Input models: what a user may submit. They validate (table models do not: SQLModel tables skip validation).

Every input model derives from `Strict`, which applies the rules all inputs share (cxgov.models.inputs_rules).
"""

from __future__ import annotations

from typing import Any, TypeVar

import pydantic
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from cxgov.errors import ValidationError
from cxgov.models.enums import Discipline, Health, Lane, Phase, Priority, Status
from cxgov.models.inputs_rules import BusinessDate, FieldProblem, Id, check_shared_rules, field_errors

InputModel = TypeVar("InputModel", bound=BaseModel)
MAX_TERMS = 100  # journey stages or channels on one initiative: a taxonomy has a few dozen terms at most


def parse_input(model: type[InputModel], data: dict[str, Any] | InputModel) -> InputModel:
    """Validate `data` into `model`, turning pydantic's errors into one message per field."""
    if isinstance(data, model):
        return data
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        raise ValidationError(field_errors(model, exc)) from None


def blank_to_none(value):
    """An optional field left blank (or only spaces) is not given."""
    return None if isinstance(value, str) and not value.strip() else value


def required_text(value):
    """A text field that must be filled in: blank (or only spaces) is reported as required."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise FieldProblem("error.required")
    return value


class Strict(BaseModel):
    """The base of every input model: unknown fields, NaN and infinity refused, text stripped, shared rules."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid", allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _shared_rules(cls, value, info: ValidationInfo):
        """Runs after the model's own before-validators (pydantic runs the subclass's first)."""
        return check_shared_rules(cls, info.field_name, value)


class InitiativeInput(Strict):
    """The initiative form; the service checks what needs the database (people, uniqueness, phase)."""

    title: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=20_000)
    discipline: Discipline
    objective_id: Id | None = None
    owner_id: Id
    sponsor_id: Id | None = None
    owning_department_id: Id | None = None
    requesting_department_id: Id | None = None
    lane: Lane = Lane.PROJECT
    status: Status = Status.PROPOSED
    phase: Phase = Phase.PLAN
    priority: Priority = Priority.MEDIUM
    progress_pct: int = Field(default=0, ge=0, le=100)
    start_date: BusinessDate | None = None
    target_date: BusinessDate | None = None
    project_code: str | None = Field(default=None, max_length=40)
    journey_stage_ids: list[Id] = Field(default_factory=list, max_length=MAX_TERMS)
    channel_ids: list[Id] = Field(default_factory=list, max_length=MAX_TERMS)

    _blanks = field_validator(
        "project_code",
        "objective_id",
        "sponsor_id",
        "owning_department_id",
        "requesting_department_id",
        "start_date",
        "target_date",
        mode="before",
    )(classmethod(lambda cls, v: blank_to_none(v)))

    @field_validator("title", mode="before")
    @classmethod
    def _title_required(cls, value):
        return required_text(value)

    @model_validator(mode="after")
    def _dates_ordered(self):
        if self.start_date and self.target_date and self.target_date < self.start_date:
            raise pydantic.ValidationError.from_exception_data(
                "InitiativeInput",
                [
                    {
                        "type": "value_error",
                        "loc": ("target_date",),
                        "input": self.target_date,
                        "ctx": {"error": FieldProblem("error.dates_order")},
                    }
                ],
            )
        return self


class CheckInInput(Strict):
    checkin_date: BusinessDate
    health: Health
    reason: str = Field(default="", max_length=2_000)
    progress_pct: int | None = Field(default=None, ge=0, le=100)
    summary: str = Field(default="", max_length=5_000)
    next_steps: str = Field(default="", max_length=5_000)
    blocker: str = Field(default="", max_length=2_000)
    # Why the reported health is better than the derived one (required then; cxgov.services.initiatives).
    override_reason: str = Field(default="", max_length=2_000)

    @model_validator(mode="after")
    def _reason_unless_green(self):
        if self.health is not Health.GREEN and not self.reason:
            raise pydantic.ValidationError.from_exception_data(
                "CheckInInput",
                [
                    {
                        "type": "value_error",
                        "loc": ("reason",),
                        "input": self.reason,
                        "ctx": {"error": FieldProblem("error.reason_required")},
                    }
                ],
            )
        return self
