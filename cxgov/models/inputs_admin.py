"""Input models of the admin area: people, departments, objectives, list values, KPIs and KPI readings."""

from __future__ import annotations

import re
from datetime import date

import pydantic
from pydantic import Field, field_validator, model_validator

from cxgov.models.enums import Direction, Discipline, KpiKind, Role, TaxonomyKind
from cxgov.models.inputs import FieldProblem, Strict, blank_to_none
from cxgov.models.inputs_rules import BusinessDate, Id, KpiNumber
from cxgov.rules.kpi_numbers import MAX_SAMPLE, Problem, period_problem, scale_problems

# Deliberately loose: one @, something on both sides, a dot in the domain. The real check is the mail itself.
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_POSITION = 10_000  # list positions are small sort numbers; a bound keeps typos like 1e9 out


def _required(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        raise FieldProblem("error.required")
    return value


def _problem(model: str, field: str, value, key: str, **params) -> pydantic.ValidationError:
    """A model-level rule reported on one field, like the field validators do."""
    return _problems(model, {field: (key, params)})


def _problems(model: str, problems: dict[str, tuple[str, dict]]) -> pydantic.ValidationError:
    """Model-level rules reported on their fields, like the field validators do."""
    return pydantic.ValidationError.from_exception_data(
        model,
        [
            {"type": "value_error", "loc": (field,), "input": None, "ctx": {"error": FieldProblem(key, **params)}}
            for field, (key, params) in problems.items()
        ],
    )


class PersonInput(Strict):
    name: str = Field(max_length=120)
    email: str = Field(max_length=254)
    department_id: Id | None = None
    role: Role = Role.VIEWER
    active: bool = True

    _names = field_validator("name", "email", mode="before")(classmethod(lambda cls, v: _required(v)))
    _blanks = field_validator("department_id", mode="before")(classmethod(lambda cls, v: blank_to_none(v)))

    @field_validator("email")
    @classmethod
    def _email_lower_case(cls, value: str) -> str:
        """Stored lower-case, so uniqueness is case-insensitive on both databases."""
        if not EMAIL_PATTERN.match(value):
            raise FieldProblem("error.invalid_email")
        return value.lower()


class DepartmentInput(Strict):
    name: str = Field(max_length=120)
    active: bool = True

    _names = field_validator("name", mode="before")(classmethod(lambda cls, v: _required(v)))


class ObjectiveInput(Strict):
    title: str = Field(max_length=200)
    description: str = Field(default="", max_length=5_000)
    owner_id: Id | None = None
    active: bool = True

    _names = field_validator("title", mode="before")(classmethod(lambda cls, v: _required(v)))
    _blanks = field_validator("owner_id", mode="before")(classmethod(lambda cls, v: blank_to_none(v)))


class TaxonomyTermInput(Strict):
    kind: TaxonomyKind
    code: str = Field(max_length=40)
    name_en: str = Field(max_length=80)
    name_nl: str = Field(max_length=80)
    position: int = Field(default=0, ge=0, le=MAX_POSITION)
    active: bool = True

    _names = field_validator("code", "name_en", "name_nl", mode="before")(classmethod(lambda cls, v: _required(v)))

    @field_validator("code")
    @classmethod
    def _code_lower_case(cls, value: str) -> str:
        """Codes are identifiers for imports and links: compared and stored lower-case."""
        return value.lower()


class KpiInput(Strict):
    code: str = Field(max_length=40)
    name: str = Field(max_length=160)
    kind: KpiKind
    unit: str = Field(default="", max_length=20)
    scale_min: KpiNumber | None = None
    scale_max: KpiNumber | None = None
    method: str = Field(default="", max_length=2_000)
    direction: Direction = Direction.HIGHER_IS_BETTER
    discipline: Discipline | None = None
    owner_id: Id | None = None
    description: str = Field(default="", max_length=5_000)
    # The source whose reading counts when several report the same month (e.g. "panel"); "" for none.
    primary_source: str = Field(default="", max_length=80)
    active: bool = True

    _names = field_validator("code", "name", mode="before")(classmethod(lambda cls, v: _required(v)))
    _blanks = field_validator("scale_min", "scale_max", "discipline", "owner_id", mode="before")(
        classmethod(lambda cls, v: blank_to_none(v))
    )

    @field_validator("code")
    @classmethod
    def _code_upper_case(cls, value: str) -> str:
        """KPI codes read like NPS_REL or CES_SERVICE: one spelling, so uniqueness ignores case."""
        return value.upper()

    @model_validator(mode="after")
    def _scale_fits(self):
        """Ordered, and within what the kind allows (cxgov.rules.kpi_numbers)."""
        problems = scale_problems(self.kind, self.scale_min, self.scale_max)
        if (
            not problems
            and self.scale_min is not None
            and self.scale_max is not None
            and self.scale_max <= self.scale_min
        ):
            problems = {"scale_max": ("admin.error.scale_order", {})}
        if problems:
            raise _problems("KpiInput", problems)
        return self


def refuse(problem: Problem | None):
    """Raise a problem found by cxgov.rules.kpi_numbers inside a field validator (so it is reported with the others)."""
    if problem is not None:
        raise FieldProblem(problem[0], **problem[1])


class KpiReadingInput(Strict):
    """A new reading. What needs no KPI (the month, the range of n) is checked here, so it is reported with the
    other fields at once; the value's scale and whether n is required, by the service against the KPI (both by
    cxgov.rules.kpi_numbers)."""

    kpi_id: Id
    period: BusinessDate
    value: KpiNumber
    sample_size: int | None = Field(default=None, ge=1, le=MAX_SAMPLE)
    source: str = Field(default="", max_length=80)

    _blanks = field_validator("sample_size", mode="before")(classmethod(lambda cls, v: blank_to_none(v)))

    @field_validator("period")
    @classmethod
    def _month_that_has_begun(cls, value: date) -> date:
        refuse(period_problem(value, date.today()))
        return value


class KpiReadingCorrectionInput(Strict):
    """A correction of a reading's value and/or n, with the reason (kept in the audit log)."""

    value: KpiNumber
    sample_size: int | None = Field(default=None, ge=1, le=MAX_SAMPLE)
    reason: str = Field(max_length=2_000)

    _blanks = field_validator("sample_size", mode="before")(classmethod(lambda cls, v: blank_to_none(v)))
    _reason = field_validator("reason", mode="before")(classmethod(lambda cls, v: _required(v)))


class KpiReadingWithdrawalInput(Strict):
    """Why a reading is withdrawn: it stays in the history with this reason and never counts again."""

    reason: str = Field(max_length=2_000)

    _reason = field_validator("reason", mode="before")(classmethod(lambda cls, v: _required(v)))
