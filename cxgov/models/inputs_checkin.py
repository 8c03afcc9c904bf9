"""What a check-in may carry besides the check-in itself: spend to book and a reading of one of the
initiative's KPIs, so a program manager updates everything in one form."""

from __future__ import annotations

import pydantic
from pydantic import Field, field_validator, model_validator

from cxgov.models.inputs import FieldProblem, Strict, blank_to_none
from cxgov.models.inputs_budget import MAX_CENTS, optional_cents
from cxgov.models.inputs_rules import Id, KpiNumber
from cxgov.rules.kpi_numbers import MAX_SAMPLE


class CheckInExtrasInput(Strict):
    """Spend and a KPI reading; the reading's value, n and month are checked against its KPI by cxgov.rules.kpi_numbers
    (cxgov.services.initiatives), like a reading typed on Admin → KPIs."""

    spend_cents: int | None = Field(default=None, lt=MAX_CENTS)
    kpi_id: Id | None = None
    kpi_value: KpiNumber | None = None
    kpi_sample_size: int | None = Field(default=None, ge=1, le=MAX_SAMPLE)

    _blanks = field_validator("kpi_id", "kpi_value", "kpi_sample_size", mode="before")(
        classmethod(lambda cls, v: blank_to_none(v))
    )
    _amount = field_validator("spend_cents", mode="before")(classmethod(lambda cls, v: optional_cents(v)))

    @field_validator("spend_cents")
    @classmethod
    def _spend_is_a_cost(cls, value: int | None) -> int | None:
        """A credit needs its reason, which a check-in does not ask for: it is booked as an expense."""
        if value is not None and value <= 0:
            raise FieldProblem("credit.error.spend_not_positive")
        return value

    @model_validator(mode="after")
    def _reading_complete(self):
        """A KPI without a value, or a value without a KPI, is half a reading: say which half is missing."""
        missing = (
            "kpi_value"
            if self.kpi_id is not None and self.kpi_value is None
            else "kpi_id"
            if self.kpi_id is None and self.kpi_value is not None
            else None
        )
        if missing:
            raise pydantic.ValidationError.from_exception_data(
                "CheckInExtrasInput",
                [
                    {
                        "type": "value_error",
                        "loc": (missing,),
                        "input": None,
                        "ctx": {"error": FieldProblem("error.required")},
                    }
                ],
            )
        return self
