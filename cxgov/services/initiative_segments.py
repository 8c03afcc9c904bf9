"""The segments an initiative ran in (a pilot in some stores, one channel): the rest of that dimension is the
control group of its effect estimate (cxgov.queries.impact).

Changing them changes how the initiative is judged, so it is changing the initiative: the edit right on it, the
version the page showed (a save from an old page is a conflict), the version moved on, one audit event with the
segments before and after.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from cxgov import audit
from cxgov.errors import ValidationError
from cxgov.models import Department, InitiativeSegment, SurveyResponse, TaxonomyKind, TaxonomyTerm
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_impact import InitiativeSegmentsInput
from cxgov.models.inputs_rules import id_from_text
from cxgov.services.initiative_access import initiative_to_change, move_initiative_on
from cxgov.services.unit import Actor, audit_actor

FREE_TEXT = {"touchpoint": SurveyResponse.touchpoint, "region": SurveyResponse.region}


def set_initiative_segments(
    *,
    session: Session,
    actor: Actor,
    initiative_id: int,
    seen_version: int | None,
    data: dict[str, Any] | InitiativeSegmentsInput,
) -> bool:
    """Record the one dimension and the segments the initiative ran in (replacing what was there; an empty list
    clears them). Each segment must exist: a channel or journey stage of the editable lists, a department, or a
    touchpoint or store/region the survey responses name. Returns whether anything changed."""
    values = parse_input(InitiativeSegmentsInput, data)
    person, initiative = initiative_to_change(session, actor, initiative_id, seen_version=seen_version)
    segments = _known(session, values.dimension, values.segments)
    stored = session.execute(
        sa.select(InitiativeSegment.dimension, InitiativeSegment.segment).where(
            InitiativeSegment.initiative_id == initiative_id
        )
    ).all()
    old = {(dimension, segment) for dimension, segment in stored}
    new = {(values.dimension, segment) for segment in segments}
    if old == new:
        return False
    move_initiative_on(session, person, initiative, seen_version)
    session.execute(sa.delete(InitiativeSegment).where(InitiativeSegment.initiative_id == initiative_id))
    session.add_all(
        InitiativeSegment(initiative_id=initiative_id, dimension=values.dimension, segment=segment)
        for segment in segments
    )
    session.flush()
    audit.record(
        session,
        actor=audit_actor(person),
        entity="initiative_segment",
        entity_id=initiative_id,
        action="update",
        old=_described(old),
        new=_described(new),
    )
    return True


def _known(session: Session, dimension: str, segments: list[str]) -> list[str]:
    """The segments as stored (ids written plainly, "07" as "7"), refused when one does not exist."""
    if not segments:
        return []
    if dimension in FREE_TEXT:
        column = FREE_TEXT[dimension]
        found = set(session.execute(sa.select(column).where(column.in_(segments)).distinct()).scalars())
        stored = segments
    else:
        ids = [id_from_text(segment) for segment in segments]
        stored = [str(i) if i is not None else segment for i, segment in zip(ids, segments, strict=True)]
        if dimension == "department":
            query = sa.select(Department.id).where(Department.id.in_([i for i in ids if i is not None]))
        else:
            query = sa.select(TaxonomyTerm.id).where(
                TaxonomyTerm.id.in_([i for i in ids if i is not None]), TaxonomyTerm.kind == TaxonomyKind(dimension)
            )
        found = {str(i) for i in session.execute(query).scalars()}
    unknown = [segment for segment in stored if segment not in found]
    if unknown:
        raise ValidationError({"segments": ("impact.error.unknown_segment", {"segment": unknown[0]})})
    return list(dict.fromkeys(stored))


def _described(segments: set[tuple[str, str]]) -> dict[str, str] | None:
    """The audit's view of a set of segments: the dimension and the segments, sorted; None when there are none."""
    if not segments:
        return None
    return {"dimension": next(iter(segments))[0], "segments": ", ".join(sorted(s for _, s in segments))}
