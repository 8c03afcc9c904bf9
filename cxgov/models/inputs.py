"""Input models: what a user may submit. They validate (table models don't, DESIGN.md §4)."""
from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

import pydantic
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from cxgov.errors import ValidationError
from cxgov.models.enums import Discipline, Health, Lane, Phase, Priority, Status

InputModel = TypeVar("InputModel", bound=BaseModel)

_PYDANTIC_TO_KEY = {
    "missing": "error.required",
    "string_too_long": "error.too_long",
    "greater_than_equal": "error.out_of_range",
    "less_than_equal": "error.out_of_range",
}


def parse_input(model: type[InputModel], data: dict[str, Any] | InputModel) -> InputModel:
    """Validate `data` into `model`, turning pydantic's errors into one message per field."""
    if isinstance(data, model):
        return data
    try:
        return model.model_validate(data)
    except pydantic.ValidationError as exc:
        raise ValidationError(_field_errors(model, exc)) from None


def _field_errors(model: type[BaseModel], exc: pydantic.ValidationError) -> dict[str, tuple[str, dict]]:
    errors: dict[str, tuple[str, dict]] = {}
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else "form"
        if field in errors:
            continue
        kind = error["type"]
        if kind == "value_error" and error.get("ctx", {}).get("error") is not None:
            key, params = error["ctx"]["error"].args[0]
            errors[field] = (key, params)
            continue
        key = _PYDANTIC_TO_KEY.get(kind, "error.invalid_value")
        params: dict = {}
        if key == "error.too_long":
            params = {"max": error["ctx"]["max_length"]}
        elif key == "error.out_of_range":
            constraints = model.model_fields[field].metadata
            params = {"min": _bound(constraints, "ge"), "max": _bound(constraints, "le")}
        errors[field] = (key, params)
    return errors


def _bound(constraints: list, name: str):
    return next((getattr(c, name) for c in constraints if getattr(c, name, None) is not None), "…")


class FieldProblem(ValueError):
    """Raised inside validators with a message key, so the UI can translate it."""

    def __init__(self, key: str, **params):
        super().__init__((key, params))


def _blank_to_none(value):
    return None if isinstance(value, str) and not value.strip() else value


class Strict(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid", allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _no_nul_characters(cls, value):
        """PostgreSQL text cannot hold NUL (SQLite can): refuse it the same way on both databases."""
        if isinstance(value, str) and "\x00" in value:
            raise FieldProblem("error.nul_character")
        return value


class InitiativeInput(Strict):
    """The initiative form; the service checks what needs the database (people, uniqueness, phase)."""

    title: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=20_000)
    discipline: Discipline
    objective_id: int | None = None
    owner_id: int
    sponsor_id: int | None = None
    owning_department_id: int | None = None
    requesting_department_id: int | None = None
    lane: Lane = Lane.PROJECT
    status: Status = Status.PROPOSED
    phase: Phase = Phase.PLAN
    priority: Priority = Priority.MEDIUM
    progress_pct: int = Field(default=0, ge=0, le=100)
    start_date: date | None = None
    target_date: date | None = None
    project_code: str | None = Field(default=None, max_length=40)
    journey_stage_ids: list[int] = Field(default_factory=list)
    channel_ids: list[int] = Field(default_factory=list)

    _blanks = field_validator("project_code", "objective_id", "sponsor_id", "owning_department_id",
                              "requesting_department_id", "start_date", "target_date", mode="before")(
        classmethod(lambda cls, v: _blank_to_none(v)))

    @field_validator("title", mode="before")
    @classmethod
    def _title_required(cls, value):
        if value is None or (isinstance(value, str) and not value.strip()):
            raise FieldProblem("error.required")
        return value

    @model_validator(mode="after")
    def _dates_ordered(self):
        if self.start_date and self.target_date and self.target_date < self.start_date:
            raise pydantic.ValidationError.from_exception_data(
                "InitiativeInput",
                [{"type": "value_error", "loc": ("target_date",), "input": self.target_date,
                  "ctx": {"error": FieldProblem("error.dates_order")}}],
            )
        return self


class CheckInInput(Strict):
    checkin_date: date
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
                [{"type": "value_error", "loc": ("reason",), "input": self.reason,
                  "ctx": {"error": FieldProblem("error.reason_required")}}],
            )
        return self
