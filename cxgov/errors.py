"""Domain errors raised by services and rendered by the UI and the CLI, in the user's language."""

from __future__ import annotations

from dataclasses import dataclass

from cxgov.i18n import format_measure, format_money, t


@dataclass(frozen=True)
class Number:
    """A number in a message, written the reader's way: 1,000,000 (en) or 1.000.000 (nl)."""

    value: int | float


@dataclass(frozen=True)
class Amount:
    """Integer cents in a message, written as euros the reader's way."""

    cents: int


class DomainError(Exception):
    """An error a user can act on: a message key plus parameters, translated when shown."""

    def __init__(self, key: str, **params):
        self.key, self.params = key, params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return t(self.key, lang, **{k: message_param(v, lang) for k, v in self.params.items()})


def message_param(value, lang: str) -> str:
    """Parameters that are message keys themselves (e.g. 'action.edit_initiative') are translated too;
    numbers and amounts are written in the reader's language."""
    if isinstance(value, Number):
        return format_measure(value.value, lang)
    if isinstance(value, Amount):
        return format_money(value.cents, lang)
    if isinstance(value, str) and value.split(".", 1)[0] in ("action", "enum", "entity"):
        return t(value, lang)
    return value


class ValidationError(DomainError):
    """Input rejected: one message per field, each naming the reason. Nothing was saved."""

    def __init__(self, errors: dict[str, tuple[str, dict] | str]):
        self.errors = {field: (msg, {}) if isinstance(msg, str) else msg for field, msg in errors.items()}
        super().__init__("error.invalid_value")

    def field_messages(self, lang: str = "en") -> dict[str, str]:
        return {
            field: t(key, lang, **{k: message_param(v, lang) for k, v in params.items()})
            for field, (key, params) in self.errors.items()
        }

    def message(self, lang: str = "en") -> str:
        return "; ".join(f"{field}: {text}" for field, text in self.field_messages(lang).items())


class ConflictError(DomainError):
    """Someone else saved first, or the save did not say which version it saw. Nothing was saved."""


class PermissionDenied(DomainError):
    """The acting person may not do this. The write unit that raised it records the attempt in the audit log
    in a transaction of its own (cxgov.db.session_scope): the refused unit itself is rolled back.

    `actor` is (person id, name) of who tried, or None for the system; `attempted` the action's name;
    `target` the (entity, id) it was tried on, where there is one.
    """

    def __init__(
        self,
        key: str,
        *,
        actor: tuple[int | None, str] | None = None,
        attempted: str = "",
        target: tuple[str, object] | None = None,
        **params,
    ):
        self.actor, self.attempted, self.target = actor, attempted, target
        super().__init__(key, **params)


class NotFound(DomainError):
    """The thing does not exist, or the acting person may not see it."""
