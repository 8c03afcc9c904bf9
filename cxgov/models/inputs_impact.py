"""Input model of the segments an initiative ran in (its pilot stores, its channel)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from cxgov.models.inputs import FieldProblem, Strict
from cxgov.models.measurement import DIMENSIONS

MAX_SEGMENTS = 500  # more stores than any Dutch retailer has: a longer list is a mistake, not a pilot


class InitiativeSegmentsInput(Strict):
    """One dimension and the segment values in it (ids of list terms or departments, or the free texts the
    responses carry); an empty list clears the segments."""

    dimension: str = Field(max_length=20)
    segments: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]] = Field(
        default_factory=list, max_length=MAX_SEGMENTS
    )

    @field_validator("dimension")
    @classmethod
    def _known_dimension(cls, value: str) -> str:
        if value not in DIMENSIONS:
            raise FieldProblem("impact.error.unknown_dimension")
        return value

    @field_validator("segments")
    @classmethod
    def _plain_and_once(cls, values: list[str]) -> list[str]:
        """NUL cannot be stored; naming a segment twice means once."""
        if any("\x00" in value for value in values):
            raise FieldProblem("error.nul_character")
        return list(dict.fromkeys(values))
