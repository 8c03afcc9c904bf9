"""A problem an import found, and how it reads: "row 12, score: 11 lies outside the answer scale 0–10 of NPS"."""

from __future__ import annotations

from dataclasses import dataclass, field

from cxgov.errors import message_param
from cxgov.i18n import t


@dataclass(frozen=True)
class Problem:
    """One reason a row (or the file: row 0) cannot be imported: the field, a message key and its parameters."""

    row: int
    field: str
    key: str
    params: dict = field(default_factory=dict)


def field_name(name: str, lang: str) -> str:
    """A field as users name it ("score" → "Score" / "Cijfer")."""
    return t(f"import.field.{name}", lang)


def problem_text(problem: Problem, lang: str = "en") -> str:
    """The problem as one sentence with its row number and field, in `lang`."""
    params = {name: message_param(value, lang) for name, value in problem.params.items()}
    if "field" in params:
        params["field"] = field_name(params["field"], lang)
    text = t(problem.key, lang, **params)
    where = "import.problem.row" if problem.row else "import.problem.file"
    return t(where, lang, row=problem.row, field=field_name(problem.field, lang), text=text)
