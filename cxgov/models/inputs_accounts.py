"""Input models of local accounts: sign-in, a password reset by an admin, and a person's own change.

Passwords are taken exactly as typed (no whitespace stripping: a space is a character like any other).
The rules that need the settings or the person (length, common, personal) live in cxgov.auth.passwords and
are applied by the service.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field, field_validator

from cxgov.auth.passwords import MAX_PASSWORD_LENGTH
from cxgov.models.inputs import FieldProblem, Strict


def _typed(value):
    if value is None or value == "":
        raise FieldProblem("error.required")
    return value


class _PasswordForm(Strict):
    """The shared input rules (NUL refused, …), but text as typed and never echoed in an error."""

    model_config = ConfigDict(str_strip_whitespace=False, hide_input_in_errors=True)


class SignInInput(_PasswordForm):
    email: str = Field(max_length=254)
    password: str = Field(max_length=MAX_PASSWORD_LENGTH)

    _present = field_validator("password", mode="before")(classmethod(lambda cls, v: _typed(v)))

    @field_validator("email", mode="before")
    @classmethod
    def _email_as_stored(cls, value):
        """People's e-mail addresses are stored lower-case (PersonInput); spaces around are typos."""
        return _typed(value.strip().lower() if isinstance(value, str) else value)


class PasswordResetInput(_PasswordForm):
    new_password: str = Field(max_length=MAX_PASSWORD_LENGTH)

    _present = field_validator("new_password", mode="before")(classmethod(lambda cls, v: _typed(v)))


class PasswordChangeInput(_PasswordForm):
    current_password: str = Field(max_length=MAX_PASSWORD_LENGTH)
    new_password: str = Field(max_length=MAX_PASSWORD_LENGTH)

    _present = field_validator("current_password", "new_password", mode="before")(classmethod(lambda cls, v: _typed(v)))
