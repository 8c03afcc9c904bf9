"""KPI targets per period: a target holds from its month on, until the KPI's next target.

Set and remove are for those who manage KPIs. A target lies within its KPI's scale (cxgov.rules.kpi_numbers, the
rule every number a KPI is given shares). A month holds one target per KPI: setting one for a month that has
one changes that target, version-checked like every edit, so two analysts never overwrite each other unseen.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from cxgov import audit
from cxgov.errors import ValidationError
from cxgov.models import Kpi, KpiTarget
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_targets import KpiTargetInput
from cxgov.rules.kpi_numbers import KpiScale, value_problem
from cxgov.rules.permissions import Action, authorise
from cxgov.services.unit import (
    Actor,
    acting_person,
    audit_actor,
    audit_created,
    conflict,
    get_or_404,
    get_versioned,
    versioned_update,
)

ENTITY = "kpi_target"


def set_kpi_target(*, session: Session, actor: Actor, data: dict[str, Any] | KpiTargetInput) -> int:
    """Set the KPI's target from a month on, within its scale; a month that has a target gets it changed, if
    nobody changed it since `data.seen_version`. Returns the target's id."""
    values = parse_input(KpiTargetInput, data)
    person = acting_person(session, actor)
    authorise(person, Action.MANAGE_KPIS, target=("kpi", values.kpi_id))
    kpi = get_or_404(session, Kpi, "kpi", values.kpi_id, lock=True)  # targets of one KPI are set one at a time
    problem = value_problem(KpiScale.of(kpi), values.target)
    if problem is not None:
        raise ValidationError({"target": problem})
    existing = session.exec(
        select(KpiTarget).where(KpiTarget.kpi_id == kpi.id, KpiTarget.valid_from == values.valid_from)
    ).first()
    if existing is not None:
        if values.seen_version is None:  # set without knowing this month had a target: never overwrite unseen
            raise conflict(session, ENTITY, existing.id)
        row = get_versioned(session, KpiTarget, ENTITY, existing.id, values.seen_version)
        versioned_update(
            session,
            person=person,
            model=KpiTarget,
            entity=ENTITY,
            row=row,
            seen_version=values.seen_version,
            values={"target": values.target, "set_by_id": person.id if person else None},
        )
        return row.id
    row = KpiTarget(
        kpi_id=kpi.id, valid_from=values.valid_from, target=values.target, set_by_id=person.id if person else None
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError as exc:  # the same month set at the same moment on a database without the row lock
        if "uq_kpi_target" in str(exc.orig) or "kpi_target.kpi_id" in str(exc.orig):
            raise ValidationError({"valid_from": "kpi_targets.error.set_meanwhile"}) from None
        raise
    audit_created(session, person=person, entity=ENTITY, row=row)
    return row.id


def remove_kpi_target(*, session: Session, actor: Actor, target_id: int, seen_version: int | None) -> None:
    """Remove a target, if nobody changed it since `seen_version`; the month falls back to the target before it.
    The audit event keeps what was removed."""
    person = acting_person(session, actor)
    authorise(person, Action.MANAGE_KPIS, target=(ENTITY, target_id))
    row = get_versioned(session, KpiTarget, ENTITY, target_id, seen_version)
    removed = {"kpi_id": row.kpi_id, "valid_from": row.valid_from, "target": row.target}
    session.delete(row)
    session.flush()
    audit.record(
        session,
        actor=audit_actor(person),
        entity=ENTITY,
        entity_id=target_id,
        action="delete",
        old={name: audit.to_text(value) for name, value in removed.items()},
    )
