"""KPI services: the KPI catalogue (create, edit) and KPI readings (record, correct, withdraw).

Every number is checked against its KPI by cxgov.rules.kpi_numbers, the one rule every path that writes a reading
shares. A correction or a withdrawal is version-checked, carries its reason into the audit log, and leaves
the reading in the history: a withdrawn reading never counts again and cannot be corrected.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from cxgov.errors import Number, ValidationError
from cxgov.models import Kpi, KpiReading, Person
from cxgov.models.base import utcnow
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_admin import (
    KpiInput,
    KpiReadingCorrectionInput,
    KpiReadingInput,
    KpiReadingWithdrawalInput,
)
from cxgov.models.measurement import COMPUTED_SOURCE
from cxgov.rules.kpi_numbers import KpiScale, bounds, reading_problems
from cxgov.rules.permissions import Action, authorise
from cxgov.services.entries import EntrySpec, Problems, Unique, create_entry, referenced_person_ok, update_entry
from cxgov.services.unit import Actor, acting_person, audit_created, get_or_404, get_versioned, versioned_update


def _readings_fit_the_scale(session: Session, _person: Person | None, values: KpiInput, row: Kpi | None) -> Problems:
    """A new scale may not leave recorded readings outside it (withdrawn ones aside: they never count)."""
    if row is None:
        return {}
    scale = bounds(KpiScale.of(values))
    live = sa.and_(KpiReading.kpi_id == row.id, KpiReading.withdrawn_at.is_(None))
    below, above = session.execute(
        sa.select(
            sa.func.coalesce(sa.func.sum(sa.case((KpiReading.value < scale.low, 1), else_=0)), 0),
            sa.func.coalesce(sa.func.sum(sa.case((KpiReading.value > scale.high, 1), else_=0)), 0),
        ).where(live)
    ).one()
    problems: Problems = {}
    for count, field in (
        (int(below), "scale_min" if values.scale_min is not None else "kind"),
        (int(above), "scale_max" if values.scale_max is not None else "kind"),
    ):
        if count:
            total = count + (problems[field][1]["count"] if field in problems else 0)
            key = f"kpi_rules.error.readings_outside.{min(total, 2)}"
            problems[field] = (key, {"count": total, "low": Number(scale.low), "high": Number(scale.high)})
    return problems


KPI = EntrySpec(
    Kpi,
    "kpi",
    KpiInput,
    Action.MANAGE_KPIS,
    unique=(Unique(("code",)),),
    checks=(referenced_person_ok("owner_id"), _readings_fit_the_scale),
)


def create_kpi(*, session: Session, actor: Actor, data: dict[str, Any] | KpiInput) -> int:
    """Add a KPI to the catalogue with its scale (which must fit its kind), method, direction and primary source."""
    return create_entry(KPI, session=session, actor=actor, data=data)


def update_kpi(
    *, session: Session, actor: Actor, kpi_id: int, seen_version: int | None, data: dict[str, Any] | KpiInput
) -> dict:
    """Edit a KPI if nobody saved since `seen_version`; a new scale must still hold every reading that counts."""
    return update_entry(KPI, session=session, actor=actor, row_id=kpi_id, seen_version=seen_version, data=data)


def record_kpi_reading(*, session: Session, actor: Actor, data: dict[str, Any] | KpiReadingInput) -> int:
    """Record the value of a KPI for one month and source, within the KPI's scale, with n where it is sampled;
    a second reading for the same three is refused."""
    values = parse_input(KpiReadingInput, data)
    person = acting_person(session, actor)
    authorise(person, Action.MANAGE_KPIS)
    kpi = get_or_404(session, Kpi, "kpi", values.kpi_id)
    if values.source.strip().casefold() == COMPUTED_SOURCE:
        raise ValidationError({"source": ("measurement.error.source_reserved", {"source": COMPUTED_SOURCE})})
    problems = reading_problems(
        KpiScale.of(kpi), value=values.value, sample_size=values.sample_size, period=values.period, today=date.today()
    )
    if problems:
        raise ValidationError(problems)
    if _live_reading_exists(session, values.kpi_id, values.period, values.source):
        raise _taken(values.period, values.source)
    reading = KpiReading(**values.model_dump())
    session.add(reading)
    try:
        session.flush()
    except IntegrityError as exc:  # someone recorded the same reading at the same moment
        if "uq_kpi_reading" in str(exc.orig) or "kpi_reading.kpi_id" in str(exc.orig):
            raise _taken(values.period, values.source) from None
        raise
    audit_created(session, person=person, entity="kpi_reading", row=reading)
    return reading.id


def correct_kpi_reading(
    *,
    session: Session,
    actor: Actor,
    reading_id: int,
    seen_version: int | None,
    data: dict[str, Any] | KpiReadingCorrectionInput,
) -> dict:
    """Correct a reading's value and/or n with a reason, if nobody changed it since `seen_version`; audited old →
    new per field with the reason. Returns the changes ({} when nothing differs)."""
    values = parse_input(KpiReadingCorrectionInput, data)
    person, reading = _reading_to_change(session, actor, reading_id, seen_version)
    if reading.withdrawn_at is not None:
        raise ValidationError({"value": "kpi_rules.error.withdrawn_not_corrected"})
    kpi = session.get(Kpi, reading.kpi_id)
    problems = reading_problems(
        KpiScale.of(kpi), value=values.value, sample_size=values.sample_size, period=None, today=date.today()
    )
    if problems:
        raise ValidationError(problems)
    return versioned_update(
        session,
        person=person,
        model=KpiReading,
        entity="kpi_reading",
        row=reading,
        seen_version=seen_version,
        values=values.model_dump(include={"value", "sample_size"}),
        reason=values.reason,
    )


def withdraw_kpi_reading(
    *,
    session: Session,
    actor: Actor,
    reading_id: int,
    seen_version: int | None,
    data: dict[str, Any] | KpiReadingWithdrawalInput,
) -> dict:
    """Withdraw a reading with a reason, if nobody changed it since `seen_version`: it stays in the history (who,
    when, why) and never counts again. Returns the changes (audited with the reason)."""
    values = parse_input(KpiReadingWithdrawalInput, data)
    person, reading = _reading_to_change(session, actor, reading_id, seen_version)
    if reading.withdrawn_at is not None:
        raise ValidationError({"reason": "kpi_rules.error.already_withdrawn"})
    return versioned_update(
        session,
        person=person,
        model=KpiReading,
        entity="kpi_reading",
        row=reading,
        seen_version=seen_version,
        reason=values.reason,
        values={
            "withdrawn_at": utcnow(),
            "withdrawn_by_id": person.id if person else None,
            "withdrawal_reason": values.reason,
        },
    )


def _reading_to_change(
    session: Session, actor: Actor, reading_id: int, seen_version: int | None
) -> tuple[Person | None, KpiReading]:
    """The acting person and the reading, once they may manage KPIs and the reading is as they saw it."""
    person = acting_person(session, actor)
    authorise(person, Action.MANAGE_KPIS, target=("kpi_reading", reading_id))
    reading = get_versioned(session, KpiReading, "kpi_reading", reading_id, seen_version)
    if reading.origin == "computed":  # recomputed from its responses by every import: a hand edit would not last
        raise ValidationError({"reason": "measurement.error.computed_reading_fixed"})
    return person, reading


def _live_reading_exists(session: Session, kpi_id: int, period: date, source: str) -> bool:
    """A reading that is not withdrawn holds this month and source (a withdrawn one frees its place)."""
    return (
        session.exec(
            select(KpiReading.id)
            .where(
                KpiReading.kpi_id == kpi_id,
                KpiReading.period == period,
                KpiReading.source == source,
                KpiReading.withdrawn_at.is_(None),
            )
            .limit(1)
        ).first()
        is not None
    )


def _taken(period: date, source: str) -> ValidationError:
    """The month and source already have a reading that counts: correct that one instead."""
    return ValidationError(
        {"period": ("admin.error.reading_exists", {"period": period.isoformat(), "source": source or "—"})}
    )
