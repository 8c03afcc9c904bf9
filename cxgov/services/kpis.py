"""KPI services: the KPI catalogue (create, edit) and recording KPI readings."""
from __future__ import annotations

from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from cxgov.errors import ValidationError
from cxgov.models import Kpi, KpiReading
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_admin import KpiInput, KpiReadingInput
from cxgov.permissions import Action, authorise
from cxgov.services.entries import EntrySpec, Unique, create_entry, referenced_person_ok, update_entry
from cxgov.services.unit import Actor, acting_person, audit_created, get_or_404

KPI = EntrySpec(Kpi, "kpi", KpiInput, Action.MANAGE_KPIS, unique=(Unique(("code",)),),
                checks=(referenced_person_ok("owner_id"),))


def create_kpi(*, session: Session, actor: Actor, data: dict[str, Any] | KpiInput) -> int:
    """Add a KPI to the catalogue with its scale, method and direction (code unique)."""
    return create_entry(KPI, session=session, actor=actor, data=data)


def update_kpi(*, session: Session, actor: Actor, kpi_id: int, seen_version: int | None,
               data: dict[str, Any] | KpiInput) -> dict:
    """Edit a KPI if nobody saved since `seen_version`; its readings stay as they are."""
    return update_entry(KPI, session=session, actor=actor, row_id=kpi_id, seen_version=seen_version, data=data)


def record_kpi_reading(*, session: Session, actor: Actor, data: dict[str, Any] | KpiReadingInput) -> int:
    """Record the value of a KPI for one period and source; a second reading for the same three is refused."""
    values = parse_input(KpiReadingInput, data)
    person = acting_person(session, actor)
    authorise(person, Action.MANAGE_KPIS)
    get_or_404(session, Kpi, "kpi", values.kpi_id)
    if _reading_exists(session, values):
        raise _duplicate(values)
    reading = KpiReading(**values.model_dump())
    session.add(reading)
    try:
        session.flush()
    except IntegrityError as exc:  # someone recorded the same reading at the same moment
        if "uq_kpi_reading" in str(exc.orig) or "kpi_reading.kpi_id" in str(exc.orig):
            raise _duplicate(values) from None
        raise
    audit_created(session, person=person, entity="kpi_reading", row=reading)
    return reading.id


def _reading_exists(session: Session, values: KpiReadingInput) -> bool:
    return session.exec(select(KpiReading.id).where(
        KpiReading.kpi_id == values.kpi_id, KpiReading.period == values.period, KpiReading.source == values.source,
    ).limit(1)).first() is not None


def _duplicate(values: KpiReadingInput) -> ValidationError:
    return ValidationError({"period": ("admin.error.reading_exists",
                                       {"period": values.period.isoformat(), "source": values.source or "—"})})
