"""Input models of the budget: a quarter's planned amount and an expense, amounts typed as text.

Amounts go from text straight into integer cents via Decimal, never via a float (a float cannot hold 0.10
exactly). Only the digits 0–9 count: Python's Decimal would also read Arabic-Indic and other digits.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import pydantic
from pydantic import Field, field_validator, model_validator

from cxgov.errors import Amount
from cxgov.models.enums import ExpenseCategory
from cxgov.models.inputs import FieldProblem, Strict, blank_to_none
from cxgov.models.inputs_rules import EARLIEST_DAY, LATEST_DAY, BusinessDate

MAX_CENTS = 10**12  # ten billion euros: far beyond any CX budget, so a larger number is a typo


def parse_cents(text: str) -> int:
    """'1.234,56', '1,234.56', '€ 1234.5' or '-12,5' → integer cents; FieldProblem when it is not an amount.

    The last '.' or ',' followed by one or two digits is the decimal mark; any other separator must group
    thousands. So '1.234' and '1,234' are both 1,234 euros, and '1,5' is 1.50 euros.
    """
    cleaned = re.sub(r"[\s\u00a0€]", "", text or "")
    if not cleaned:
        raise FieldProblem("error.required")
    sign, digits = ("-", cleaned[1:]) if cleaned[0] in "-−" else ("", cleaned.lstrip("+"))
    whole, mark, fraction = digits, "", ""
    match = re.fullmatch(r"(.*?)([.,])([0-9]{1,2})", digits)
    if match:
        whole, mark, fraction = match.groups()
    whole_digits = re.sub(r"[.,]", "", whole)
    separators = set(re.findall(r"[.,]", whole))
    if (
        (not whole_digits and not fraction)
        or len(separators) > 1
        or mark in separators
        or not re.fullmatch(r"[0-9]*", whole_digits)
    ):
        raise FieldProblem("programs.error.amount_invalid")
    if separators and not all(len(group) == 3 for group in re.split(r"[.,]", whole)[1:]):
        raise FieldProblem("programs.error.amount_invalid")
    try:
        cents = int(Decimal(f"{sign}{whole_digits or '0'}.{fraction or '0'}") * 100)
    except InvalidOperation:
        raise FieldProblem("programs.error.amount_invalid") from None
    if abs(cents) >= MAX_CENTS:
        raise FieldProblem("programs.error.amount_too_large", max=Amount(MAX_CENTS - 1))
    return cents


def _cents(value):
    """Text is parsed as euros; an int is already cents; anything else (a float cannot be exact, a yes/no is no
    amount) is refused."""
    if isinstance(value, str):
        return parse_cents(value)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise FieldProblem("programs.error.amount_invalid")
    return value


def optional_cents(value):
    """Like `_cents`, but blank is no amount."""
    value = blank_to_none(value)
    return None if value is None else _cents(value)


class BudgetLineInput(Strict):
    """The planned amount of one quarter."""

    year: int = Field(ge=EARLIEST_DAY.year, le=LATEST_DAY.year)  # the years of business dates
    quarter: int = Field(ge=1, le=4)
    planned_cents: int = Field(lt=MAX_CENTS)

    _amount = field_validator("planned_cents", mode="before")(classmethod(lambda cls, v: _cents(v)))

    @field_validator("planned_cents")
    @classmethod
    def _not_negative(cls, value: int) -> int:
        if value < 0:
            raise FieldProblem("programs.error.amount_negative")
        return value


class ExpenseInput(Strict):
    """One expense; a negative amount is a credit (a correction), accepted only with its reason."""

    spent_on: BusinessDate
    amount_cents: int = Field(gt=-MAX_CENTS, lt=MAX_CENTS)
    category: ExpenseCategory = ExpenseCategory.OTHER
    note: str = Field(default="", max_length=500)
    correction_reason: str = Field(default="", max_length=500)

    _amount = field_validator("amount_cents", mode="before")(classmethod(lambda cls, v: _cents(v)))

    @field_validator("amount_cents")
    @classmethod
    def _not_zero(cls, value: int) -> int:
        if value == 0:
            raise FieldProblem("programs.error.amount_zero")
        return value

    @model_validator(mode="after")
    def _credit_has_its_reason(self):
        """A credit without a reason cannot be told from a typo; a reason on a cost suggests a missing minus."""
        key = (
            "credit.error.reason_required"
            if self.amount_cents < 0 and not self.correction_reason
            else "credit.error.reason_only_for_credit"
            if self.amount_cents > 0 and self.correction_reason
            else None
        )
        if key:
            raise pydantic.ValidationError.from_exception_data(
                "ExpenseInput",
                [
                    {
                        "type": "value_error",
                        "loc": ("correction_reason",),
                        "input": self.correction_reason,
                        "ctx": {"error": FieldProblem(key)},
                    }
                ],
            )
        return self
