"""Which column of an uploaded file is which: header names recognised in English and Dutch."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# Each field's accepted header names, most telling first (normalised; spaces do not matter when matching).
FIELDS: dict[str, tuple[str, ...]] = {
    "response_id": ("response id", "respondent id", "respons id", "respondent", "id"),
    "date": ("date", "datum", "response date", "ingevuld op", "recorded date", "end date", "datum ingevuld"),
    "kpi": ("kpi", "kpi code", "question", "vraag", "metric", "indicator"),
    "score": ("score", "cijfer", "antwoord", "answer", "rating"),
    "channel": ("channel", "kanaal"),
    "touchpoint": ("touchpoint", "contactmoment"),
    "journey_stage": ("journey stage", "klantreisfase", "fase", "stage"),
    "department": ("department", "afdeling"),
    "region": ("region", "regio", "store", "winkel", "vestiging"),
    "comment": ("comment", "opmerking", "toelichting", "feedback", "opmerkingen", "comments"),
    "period": ("period", "periode", "maand", "month"),
    "value": ("value", "waarde"),
    "n": ("n", "aantal", "sample size", "steekproef", "aantal respondenten"),
    "source": ("source", "bron"),
}
DIMENSION_FIELDS = ("channel", "touchpoint", "journey_stage", "department", "region", "comment")
SURVEY_FIELDS = ("response_id", "date", "kpi", "score", *DIMENSION_FIELDS)
READING_FIELDS = ("kpi", "period", "value", "n", "source")
_SEPARATORS = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """A header as compared: case and accents dropped, punctuation, underscores and runs of spaces as one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub(" ", plain.casefold()).strip()


def _compact(text: str) -> str:
    return normalise(text).replace(" ", "")


@dataclass(frozen=True)
class Mapping:
    """Which column holds each field, and what the headers left open."""

    columns: dict[str, int]
    unknown_headers: list[str]
    duplicate_headers: list[str]
    missing: list[str]
    # Fields more than one column could hold; the column with the most telling name was taken.
    ambiguous: list[str]


def field_of(header: str, fields: Iterable[str]) -> tuple[str, int] | None:
    """The field a header names among `fields`, with the rank of the name in its list (0 is the most telling)."""
    key = _compact(header)
    for name in fields:
        for rank, alias in enumerate(FIELDS[name]):
            if key == alias.replace(" ", ""):
                return name, rank
    return None


def detect_mapping(headers: list[str], fields: Iterable[str], required: Iterable[str] = ()) -> Mapping:
    """Map `fields` to the columns whose headers name them; report unknown and duplicate headers, missing fields."""
    fields = tuple(fields)
    candidates: dict[str, list[tuple[int, int]]] = {}
    unknown = []
    for index, header in enumerate(headers):
        found = field_of(header, fields)
        if found:
            candidates.setdefault(found[0], []).append((found[1], index))
        elif header.strip():
            unknown.append(header)
    seen = Counter(_compact(header) for header in headers if header.strip())
    duplicates = list(dict.fromkeys(header for header in headers if header.strip() and seen[_compact(header)] > 1))
    columns = {name: min(found)[1] for name, found in candidates.items()}
    return Mapping(
        columns={name: columns[name] for name in fields if name in columns},
        unknown_headers=unknown,
        duplicate_headers=duplicates,
        missing=[name for name in required if name not in columns],
        ambiguous=[name for name in fields if len(candidates.get(name, ())) > 1],
    )
