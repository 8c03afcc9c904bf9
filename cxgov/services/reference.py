"""Reference-data services: departments, strategic objectives and the editable lists (journey stages, channels).

All three are plain catalogue entries (see cxgov/services/entries.py); what differs is described here once.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from cxgov.models import Department, StrategicObjective, TaxonomyTerm
from cxgov.models.inputs_admin import DepartmentInput, ObjectiveInput, TaxonomyTermInput
from cxgov.rules.permissions import Action
from cxgov.services.entries import EntrySpec, Unique, create_entry, referenced_person_ok, update_entry
from cxgov.services.unit import Actor

DEPARTMENT = EntrySpec(
    Department, "department", DepartmentInput, Action.MANAGE_REFERENCE_DATA, unique=(Unique(("name",)),)
)
OBJECTIVE = EntrySpec(
    StrategicObjective,
    "objective",
    ObjectiveInput,
    Action.MANAGE_REFERENCE_DATA,
    unique=(Unique(("title",)),),
    checks=(referenced_person_ok("owner_id"),),
)
TERM = EntrySpec(
    TaxonomyTerm, "taxonomy_term", TaxonomyTermInput, Action.MANAGE_REFERENCE_DATA, unique=(Unique(("kind", "code")),)
)


def create_department(*, session: Session, actor: Actor, data: dict[str, Any] | DepartmentInput) -> int:
    """Add a department (name unique, case-insensitively)."""
    return create_entry(DEPARTMENT, session=session, actor=actor, data=data)


def update_department(
    *,
    session: Session,
    actor: Actor,
    department_id: int,
    seen_version: int | None,
    data: dict[str, Any] | DepartmentInput,
) -> dict:
    """Rename or (de)activate a department; people and initiatives keep pointing at it."""
    return update_entry(
        DEPARTMENT, session=session, actor=actor, row_id=department_id, seen_version=seen_version, data=data
    )


def create_objective(*, session: Session, actor: Actor, data: dict[str, Any] | ObjectiveInput) -> int:
    """Add a strategic objective (title unique, case-insensitively; owner active)."""
    return create_entry(OBJECTIVE, session=session, actor=actor, data=data)


def update_objective(
    *,
    session: Session,
    actor: Actor,
    objective_id: int,
    seen_version: int | None,
    data: dict[str, Any] | ObjectiveInput,
) -> dict:
    """Edit a strategic objective if nobody saved since `seen_version`."""
    return update_entry(
        OBJECTIVE, session=session, actor=actor, row_id=objective_id, seen_version=seen_version, data=data
    )


def create_term(*, session: Session, actor: Actor, data: dict[str, Any] | TaxonomyTermInput) -> int:
    """Add a journey stage or channel (code unique within its list)."""
    return create_entry(TERM, session=session, actor=actor, data=data)


def update_term(
    *, session: Session, actor: Actor, term_id: int, seen_version: int | None, data: dict[str, Any] | TaxonomyTermInput
) -> dict:
    """Edit a journey stage or channel; deactivating hides it from new choices, initiatives keep it."""
    return update_entry(TERM, session=session, actor=actor, row_id=term_id, seen_version=seen_version, data=data)
