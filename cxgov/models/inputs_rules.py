"""The rules every input model shares: text, numbers, dates and ids that both databases can store, and one
message per field that names the field's limit.

`check_shared_rules` runs on every field of every input model (the `Strict` base), after the model's own
before-validators have turned blanks into None and typed amounts into cents.
"""

from __future__ import annotations

import re
import types
from datetime import date
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

import pydantic
from pydantic import AfterValidator, BaseModel, Field

from cxgov.errors import Amount, Number
from cxgov.rules.kpi_numbers import MAGNITUDE

EARLIEST_DAY, LATEST_DAY = date(2000, 1, 1), date(2100, 12, 31)  # outside these a business date is a typo
MAX_ID = 2**31 - 1  # ids are PostgreSQL `integer` keys: a larger number cannot name a row

WHOLE_NUMBER_TEXT = re.compile(r"[+-]?[0-9]+")
NUMBER_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


class FieldProblem(ValueError):
    """Raised inside validators with a message key, so the UI can translate it."""

    def __init__(self, key: str, **params):
        super().__init__((key, params))


def _in_business_window(value: date) -> date:
    if not EARLIEST_DAY <= value <= LATEST_DAY:
        raise FieldProblem("error.date_window", first=EARLIEST_DAY.year, last=LATEST_DAY.year)
    return value


BusinessDate = Annotated[date, AfterValidator(_in_business_window)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
KpiNumber = Annotated[float, Field(ge=-MAGNITUDE, le=MAGNITUDE)]  # the sane bound where a KPI has no scale


def id_from_text(text: str | None) -> int | None:
    """An id written in a URL (`?id=42`): None unless it is the digits 0–9 naming a possible row."""
    if text is None or not text.isascii() or not text.isdigit() or len(text) > len(str(MAX_ID)):
        return None
    return int(text) if 1 <= int(text) <= MAX_ID else None


# --- the shared before-validator ----------------------------------------------------------------------------


def check_shared_rules(model: type[BaseModel], field: str, value: Any) -> Any:
    """NUL is refused in text (PostgreSQL cannot store it); numbers are typed with the digits 0–9, and a
    yes/no is not a number."""
    if isinstance(value, str) and "\x00" in value:
        raise FieldProblem("error.nul_character")
    kind = number_kind(model, field)
    if kind is not None:
        for item in value if isinstance(value, list) else (value,):
            _check_number(kind, item)
    return value


def _check_number(kind: type, value: Any) -> None:
    pattern = WHOLE_NUMBER_TEXT if kind is int else NUMBER_TEXT
    if isinstance(value, bool) or (isinstance(value, str) and not pattern.fullmatch(value.strip())):
        raise FieldProblem("error.whole_number" if kind is int else "error.number")


@cache
def number_kind(model: type[BaseModel], field: str) -> type | None:
    """int or float when the field holds numbers of that kind (optional, or a list of them); else None."""
    return _kind(model.model_fields[field].annotation)


def _kind(annotation) -> type | None:
    if annotation is bool:
        return None
    if annotation in (int, float):
        return annotation
    origin = get_origin(annotation)
    if origin is Annotated:
        return _kind(get_args(annotation)[0])
    if origin in (Union, types.UnionType, list):
        kinds = {_kind(arg) for arg in get_args(annotation)} - {None}
        return kinds.pop() if len(kinds) == 1 else None
    return None


# --- pydantic's errors as messages --------------------------------------------------------------------------

MESSAGE_KEYS = {
    "missing": "error.required",
    "extra_forbidden": "error.unknown_field",
    "string_type": "error.not_text",
    "string_too_short": "error.required",  # min_length=1: nothing typed
    "string_too_long": "error.too_long",
    "too_long": "error.too_many",
    "int_type": "error.whole_number",
    "int_parsing": "error.whole_number",
    "int_from_float": "error.whole_number",
    "float_type": "error.number",
    "float_parsing": "error.number",
    "bool_type": "error.yes_or_no",
    "bool_parsing": "error.yes_or_no",
    "date_type": "error.not_a_date",
    "date_parsing": "error.not_a_date",
    "date_from_datetime_parsing": "error.not_a_date",
    "date_from_datetime_inexact": "error.not_a_date",
    "enum": "error.not_a_choice",
    "literal_error": "error.not_a_choice",
    "list_type": "error.not_a_list",
}
# Everything pydantic reports when a number is beyond a field's bounds (or too long to be read at all).
OUT_OF_RANGE = frozenset(
    {"greater_than", "greater_than_equal", "less_than", "less_than_equal", "finite_number", "int_parsing_size"}
)


def field_errors(model: type[BaseModel], exc: pydantic.ValidationError) -> dict[str, tuple[str, dict]]:
    """One (message key, parameters) per field, the first problem pydantic found there."""
    errors: dict[str, tuple[str, dict]] = {}
    for error in exc.errors():
        field = str(error["loc"][0]) if error["loc"] else "form"
        if field not in errors:
            errors[field] = _message(model, field, error)
    return errors


def _message(model: type[BaseModel], field: str, error: dict) -> tuple[str, dict]:
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "value_error" and isinstance(ctx.get("error"), FieldProblem):
        return ctx["error"].args[0]
    if kind in OUT_OF_RANGE:
        return range_message(model, field)
    if kind.endswith("_type") and "input" in error and error["input"] is None:
        return "error.required", {}
    key = MESSAGE_KEYS.get(kind, "error.invalid_value")
    if key in ("error.too_long", "error.too_many"):
        return key, {"max": Number(ctx["max_length"])}
    return key, {}


def range_message(model: type[BaseModel], field: str) -> tuple[str, dict]:
    """ "must be between 0 and 100", "at least 1" or "at most €9,999,999,999.99": the field's own bounds."""
    low, high = bounds(model, field)
    shown = Amount if field.endswith("_cents") else Number
    if low is not None and high is not None:
        return "error.out_of_range", {"min": shown(low), "max": shown(high)}
    if low is not None:
        return "error.at_least", {"min": shown(low)}
    if high is not None:
        return "error.at_most", {"max": shown(high)}
    return "error.invalid_value", {}


@cache
def bounds(model: type[BaseModel], field: str) -> tuple[int | float | None, int | float | None]:
    """The smallest and largest value a numeric field accepts (inclusive; None where it has no bound)."""
    info = model.model_fields[field]
    whole = number_kind(model, field) is int
    low = high = None
    for constraint in _constraints(info.annotation, info.metadata):
        if getattr(constraint, "ge", None) is not None:
            low = constraint.ge
        if getattr(constraint, "gt", None) is not None:
            low = constraint.gt + 1 if whole else constraint.gt
        if getattr(constraint, "le", None) is not None:
            high = constraint.le
        if getattr(constraint, "lt", None) is not None:
            high = constraint.lt - 1 if whole else constraint.lt
    return low, high


def _constraints(annotation, metadata: list) -> list:
    """The field's own constraints and those of the types it is built from (`Id | None`, `list[Id]`)."""
    found = list(metadata)
    for arg in get_args(annotation):
        found += arg.metadata if isinstance(arg, pydantic.fields.FieldInfo) else [arg, *_constraints(arg, [])]
    return found
