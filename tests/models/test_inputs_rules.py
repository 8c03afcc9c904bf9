"""The rules every input model shares, proved on every input model there is (found by walking the package, so a
model added later is covered too): NUL refused with a message naming the field, no unbounded text, business dates
in one window, numbers typed with the digits 0–9 and never a yes/no, every out-of-range message stating the limit.
"""

from __future__ import annotations

import types
from datetime import date
from typing import Annotated, Union, get_args, get_origin

import pytest
from annotated_types import MaxLen
from pydantic import BaseModel

from cxgov.errors import ValidationError
from cxgov.i18n import TEXTS, format_money, format_number
from cxgov.models.inputs import Strict, parse_input
from cxgov.models.inputs_accounts import PasswordChangeInput, PasswordResetInput, SignInInput
from cxgov.models.inputs_rules import EARLIEST_DAY, LATEST_DAY, MESSAGE_KEYS, bounds, id_from_text, number_kind
from tests.input_models import MODELS

# Numeric fields that declare no bound on one side, and why they are safe all the same.
OWN_LOWER_LIMIT = {  # below zero refused by the model's own rule, with its own message ("must not be negative")
    ("BudgetLineInput", "planned_cents"),
    ("PlanActionInput", "cost_cents"),
    ("CheckInExtrasInput", "spend_cents"),
}
CHECKED_FURTHER = {  # handed to another input model that bounds it
    ("RowChanges", "progress_pct"): "the bulk service validates it as CheckInInput, with the row's other problems"
}
# Keys that state a field's limit, or say which digits a number may have.
RANGE_KEYS = {"error.out_of_range", "error.at_least", "error.at_most", "programs.error.amount_too_large"}


def _holds(annotation, kind: type) -> bool:
    """Whether a field's type is `kind`, optionally None or a list of them (Annotated types unwrapped)."""
    if annotation is kind or get_origin(annotation) is kind:
        return True
    if get_origin(annotation) in (Annotated, Union, types.UnionType, list):
        return any(_holds(arg, kind) for arg in get_args(annotation))
    return False


def _fields(kind: type) -> list[tuple[type[BaseModel], str]]:
    return [
        (model, name) for model in MODELS for name, info in model.model_fields.items() if _holds(info.annotation, kind)
    ]


def _id(case) -> str:
    return f"{case[0].__name__}.{case[1]}"


def _problem(model, field, value) -> tuple[str, dict, dict[str, str]]:
    """(key, params, {lang: message}) of `field` when `value` (as the one item of a list field) is submitted."""
    info = model.model_fields.get(field)
    if info is not None and _holds(info.annotation, list) and not isinstance(value, list):
        value = [value]
    with pytest.raises(ValidationError) as refused:
        parse_input(model, {field: value})
    assert field in refused.value.errors, refused.value.errors
    key, params = refused.value.errors[field]
    return key, params, {lang: refused.value.field_messages(lang)[field] for lang in ("en", "nl")}


def _other_problem(model, field, value) -> str | None:
    """The key reported for `field` with `value` submitted, or None when the field has no problem."""
    try:
        parse_input(model, {field: value})
    except ValidationError as refused:
        return refused.errors.get(field, (None,))[0]
    return None


def test_every_input_model_is_found_and_applies_the_shared_rules():
    names = {model.__name__ for model in MODELS}
    assert {
        "InitiativeInput",
        "SignInInput",
        "ExpenseInput",
        "KpiReadingInput",
        "RowChanges",
        "CycleRecordInput",
        "MilestoneInput",
    } <= names
    assert len(MODELS) >= 25
    assert [model.__name__ for model in MODELS if not issubclass(model, Strict)] == []


# --- text --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", _fields(str), ids=_id)
def test_nul_in_any_text_field_is_refused_naming_the_field(case):
    model, field = case
    key, _, messages = _problem(model, field, "before\x00after")
    assert key == "error.nul_character"
    assert "NUL" in messages["en"] and "NUL" in messages["nl"]


@pytest.mark.parametrize("case", _fields(str), ids=_id)
def test_no_text_field_is_unbounded(case):
    model, field = case
    assert any(isinstance(m, MaxLen) for m in model.model_fields[field].metadata), f"{_id(case)} has no max_length"


@pytest.mark.parametrize("model", [SignInInput, PasswordResetInput, PasswordChangeInput], ids=lambda m: m.__name__)
def test_passwords_are_taken_exactly_as_typed(model):
    values = dict.fromkeys(model.model_fields, "  two spaces each side  ") | (
        {"email": "Someone@Example.NL"} if "email" in model.model_fields else {}
    )
    parsed = parse_input(model, values)
    assert all(getattr(parsed, name) == "  two spaces each side  " for name in model.model_fields if "password" in name)


# --- dates -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", _fields(date), ids=_id)
@pytest.mark.parametrize("outside", [date(1, 1, 1), date(1999, 12, 1), date(2101, 1, 1), "9999-12-01"])
def test_every_date_is_refused_outside_the_business_window_with_one_message(case, outside):
    model, field = case
    key, params, messages = _problem(model, field, outside)
    assert (key, params) == ("error.date_window", {"first": 2000, "last": 2100})
    assert messages == {
        "en": "must be a date in the years 2000–2100",
        "nl": "moet een datum in de jaren 2000–2100 zijn",
    }


@pytest.mark.parametrize("case", _fields(date), ids=_id)
@pytest.mark.parametrize("inside", [EARLIEST_DAY, date(2030, 6, 1), LATEST_DAY.replace(day=1)])
def test_every_date_in_the_window_passes_the_window_rule(case, inside):
    assert _other_problem(*case, inside) != "error.date_window"


# --- numbers -----------------------------------------------------------------------------------------------

NUMBER_FIELDS = [(model, name) for model in MODELS for name in model.model_fields if number_kind(model, name)]


@pytest.mark.parametrize("case", NUMBER_FIELDS, ids=_id)
@pytest.mark.parametrize("typed", [True, False, "١٢", "۱۲", "１２", "1_000", [True]], ids=repr)
def test_numbers_take_only_the_digits_0_to_9_and_never_a_yes_or_no(case, typed):
    model, field = case
    key, _, messages = _problem(model, field, typed)
    assert key in {"error.whole_number", "error.number", "programs.error.amount_invalid"}, key
    assert "0–9" in messages["en"] and "0–9" in messages["nl"]


def test_every_number_field_is_bounded():
    open_ended = []
    for model, field in NUMBER_FIELDS:
        low, high = bounds(model, field)
        if (model.__name__, field) in CHECKED_FURTHER:
            continue
        if high is None or (low is None and (model.__name__, field) not in OWN_LOWER_LIMIT):
            open_ended.append(f"{model.__name__}.{field}")
    assert open_ended == []
    assert len(NUMBER_FIELDS) >= 20


def _shown(field: str, limit, lang: str) -> str:
    return format_money(limit, lang) if field.endswith("_cents") else format_number(limit, lang, digits=0)


def _beyond(model, field) -> list:
    low, high = bounds(model, field)
    step = 1 if number_kind(model, field) is int else abs(high or low) * 9
    return [v for v in (None if low is None else low - step, None if high is None else high + step) if v is not None]


BOUNDED = [
    case for case in NUMBER_FIELDS if case[0].__name__ + "." + case[1] not in {f"{m}.{f}" for m, f in CHECKED_FURTHER}
]


@pytest.mark.parametrize("case", BOUNDED, ids=_id)
def test_out_of_range_states_the_limit_in_both_languages(case):
    model, field = case
    low, high = bounds(model, field)
    for value in _beyond(model, field):
        key, _, messages = _problem(model, field, value)
        assert key in RANGE_KEYS, (value, key)
        for lang, message in messages.items():
            limits = [limit for limit in (low, high) if limit is not None]
            assert all(_shown(field, limit, lang) in message for limit in limits), (value, message)


@pytest.mark.parametrize("case", BOUNDED, ids=_id)
def test_numbers_too_long_to_read_state_the_limit(case):
    model, field = case
    key, _, messages = _problem(model, field, "9" * 5_000)
    assert key in RANGE_KEYS
    high = bounds(model, field)[1]
    assert _shown(field, high, "en") in messages["en"] and _shown(field, high, "nl") in messages["nl"]


FLOAT_FIELDS = [case for case in NUMBER_FIELDS if number_kind(*case) is float]


@pytest.mark.parametrize("case", FLOAT_FIELDS, ids=_id)
@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf"), 1e308, -1e308, "1e309"], ids=repr)
def test_nan_infinity_and_huge_floats_get_the_fields_range(case, value):
    model, field = case
    key, _params, messages = _problem(model, field, value)
    assert key == "error.out_of_range"
    assert "1,000,000,000,000" in messages["en"] and "1.000.000.000.000" in messages["nl"]


# --- every kind of wrong value has its own message ----------------------------------------------------------

WRONG = {str: 123, date: "31-02-2026", bool: "maybe", int: "twelve", float: "seven and a half"}


def _kinds(model, field) -> list[type]:
    annotation = model.model_fields[field].annotation
    return [kind for kind in WRONG if _holds(annotation, kind)]


@pytest.mark.parametrize("case", [(m, f) for m in MODELS for f in m.model_fields if _kinds(m, f)], ids=_id)
def test_a_wrong_kind_of_value_gets_a_specific_message(case):
    model, field = case
    key, _, _ = _problem(model, field, WRONG[_kinds(model, field)[0]])
    assert key != "error.invalid_value"
    assert key in TEXTS


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_an_unknown_field_and_an_unknown_choice_are_named(model):
    assert _problem(model, "no_such_field", 1)[0] == "error.unknown_field"
    for field, info in model.model_fields.items():
        if isinstance(info.annotation, type) and issubclass(info.annotation, str) and info.annotation is not str:
            assert _problem(model, field, "no-such-choice")[0] == "error.not_a_choice"


def test_every_mapped_message_exists_in_both_languages():
    for key in {*MESSAGE_KEYS.values(), *RANGE_KEYS, "error.date_window", "error.nul_character"}:
        assert set(TEXTS[key]) >= {"en", "nl"}, key


# --- ids written in a URL ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("42", 42),
        ("2147483647", 2147483647),
        ("2147483648", None),
        ("99999999999999999999", None),
        ("0", None),
        ("١٢", None),
        ("１２", None),
        ("-3", None),
        ("1_0", None),
        ("", None),
        (None, None),
        ("9" * 5_000, None),
    ],
)
def test_an_id_from_the_url_is_digits_naming_a_possible_row(text, expected):
    assert id_from_text(text) == expected
