"""Input model of a KPI target per period: from which month on, which number (its scale is the service's check)."""

from __future__ import annotations

from datetime import date

from pydantic import field_validator

from cxgov.models.inputs import FieldProblem, Strict, blank_to_none
from cxgov.models.inputs_rules import BusinessDate, Id, KpiNumber


class KpiTargetInput(Strict):
    """A target from a month on; `seen_version` is the version of the target that month already has, as the
    person saw it (None: they saw none)."""

    kpi_id: Id
    valid_from: BusinessDate
    target: KpiNumber
    seen_version: Id | None = None

    _blanks = field_validator("seen_version", mode="before")(classmethod(lambda cls, v: blank_to_none(v)))

    @field_validator("valid_from")
    @classmethod
    def _first_of_month(cls, value: date) -> date:
        if value.day != 1:
            raise FieldProblem("admin.error.period_first_day")
        return value
