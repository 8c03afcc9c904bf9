"""Initiatives with a KPI link and a known day their work began, for the impact tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import sqlalchemy as sa

from cxgov.db import session_scope
from cxgov.models import InitiativeKpi, KpiReading, PdcaCycle, PhaseTransition, Role
from tests.factories import add_initiative, add_person, approve_and_move


def initiative_with_kpi(
    engine, kpi_id: int, *, do_on: date | None, baseline: float = 0, target: float = 10, owner_id: int | None = None
) -> int:
    """An initiative measured by `kpi_id` (baseline → target); when `do_on` is given it entered Do that day."""
    owner = owner_id or add_person(engine, Role.MANAGER)
    initiative_id = add_initiative(engine, owner_id=owner)
    if do_on is not None:
        approve_and_move(engine, initiative_id, 1)
    with session_scope(engine, write=True) as session:
        session.add(InitiativeKpi(initiative_id=initiative_id, kpi_id=kpi_id, baseline=baseline, target=target))
        if do_on is not None:
            session.execute(
                sa.update(PhaseTransition)
                .where(PhaseTransition.initiative_id == initiative_id)
                .values(moved_at=datetime.combine(do_on, time(12), tzinfo=UTC))
            )
            session.execute(
                sa.update(PdcaCycle).where(PdcaCycle.initiative_id == initiative_id).values(do_started_on=do_on)
            )
    return initiative_id


def add_typed_readings(engine, kpi_id: int, values: dict[date, float]) -> None:
    """Typed readings of `kpi_id`, one per month."""
    with session_scope(engine, write=True) as session:
        for period, value in values.items():
            session.add(KpiReading(kpi_id=kpi_id, period=period, value=value, source="Finance"))


def nps_answers(day: date, promoters: int, passives: int, detractors: int, segments: dict | None = None) -> list:
    """(day, score, segments) answers: promoters answer 10, passives 8, detractors 3."""
    scores = [10] * promoters + [8] * passives + [3] * detractors
    return [(day, score, dict(segments or {})) for score in scores]
