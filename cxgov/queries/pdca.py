"""PDCA reads: for the initiative page its cycles as A3 records (newest first), the moves between phases, the
KPIs a target can name and the target KPI's latest reading since Do started; and the lessons library."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.models import Department, Initiative, InitiativeTerm, Kpi, PdcaCycle, Person, PhaseTransition
from cxgov.queries.base import code_text, read_frame
from cxgov.queries.readings import latest_counting_readings
from cxgov.queries.search import containing

CYCLE_COLUMNS = (
    "id",
    "number",
    "phase",
    "closed_on",
    "plan_started_on",
    "do_started_on",
    "check_started_on",
    "act_started_on",
    "background",
    "lesson_from_cycle",
    "current_condition",
    "target_kpi_id",
    "baseline_value",
    "target_value",
    "target_date",
    "root_cause",
    "hypothesis",
    "done_summary",
    "check_result",
    "check_sample_size",
    "act_decision",
    "lesson",
)


def cycles(session: Session, initiative_id: int) -> pd.DataFrame:
    """Every cycle of the initiative with its record and its target KPI's name; the open one first."""
    columns = [getattr(PdcaCycle, name) for name in CYCLE_COLUMNS if name not in ("phase", "act_decision")]
    return read_frame(
        session,
        sa.select(
            *columns,
            code_text(PdcaCycle.phase).label("phase"),
            code_text(PdcaCycle.act_decision).label("act_decision"),
            Kpi.name.label("target_kpi"),
        )
        .outerjoin(Kpi, Kpi.id == PdcaCycle.target_kpi_id)
        .where(PdcaCycle.initiative_id == initiative_id)
        .order_by(PdcaCycle.number.desc()),
    )


def transitions(session: Session, initiative_id: int) -> pd.DataFrame:
    """The moves of every cycle, oldest first, with who moved and why."""
    return read_frame(
        session,
        sa.select(
            PhaseTransition.cycle_id,
            PdcaCycle.number.label("cycle"),
            code_text(PhaseTransition.from_phase).label("from_phase"),
            code_text(PhaseTransition.to_phase).label("to_phase"),
            PhaseTransition.moved_at,
            Person.name.label("moved_by"),
            PhaseTransition.reason,
            PhaseTransition.overridden,
        )
        .join(PdcaCycle, PdcaCycle.id == PhaseTransition.cycle_id)
        .outerjoin(Person, Person.id == PhaseTransition.moved_by_id)
        .where(PhaseTransition.initiative_id == initiative_id)
        .order_by(PhaseTransition.id),
    )


def kpi_choices(session: Session) -> pd.DataFrame:
    """The KPI catalogue for the target picker: id, code, name."""
    return read_frame(session, sa.select(Kpi.id, Kpi.code, Kpi.name).order_by(Kpi.code))


def latest_target_reading(session: Session, kpi_id: int, since) -> pd.DataFrame:
    """The latest reading that counts of `kpi_id` for a period on or after `since` (any period when None):
    0 or 1 rows."""
    latest = latest_counting_readings(since=since)
    return read_frame(
        session, sa.select(latest.c.period, latest.c.value, latest.c.sample_size).where(latest.c.kpi_id == kpi_id)
    )


@dataclass(frozen=True)
class LessonFilter:
    """What the lessons library is narrowed to; None (or empty text) means 'any'."""

    discipline: str | None = None
    journey_stage_id: int | None = None
    department_id: int | None = None
    decision: str | None = None  # 'standardise' lists the success stories
    text: str = ""
    decided_since: date | None = None  # decided on or after this day (the board's "since the last meeting")


def lessons(session: Session, **criteria) -> pd.DataFrame:
    """Every lesson learned (a cycle with an Act decision), newest decision first, across all initiatives:
    initiative, discipline, owning department, cycle, decision, lesson and when it was decided.
    `criteria` are the fields of LessonFilter (flat, so the UI's read cache can key on them)."""
    f = LessonFilter(**criteria)
    query = (
        sa.select(
            Initiative.id,
            Initiative.title,
            code_text(Initiative.discipline).label("discipline"),
            Department.name.label("owning_department"),
            PdcaCycle.number.label("cycle"),
            code_text(PdcaCycle.act_decision).label("act_decision"),
            PdcaCycle.lesson,
            sa.func.coalesce(PdcaCycle.closed_on, PdcaCycle.act_started_on).label("decided_on"),
        )
        .join(Initiative, Initiative.id == PdcaCycle.initiative_id)
        .outerjoin(Department, Department.id == Initiative.owning_department_id)
        .where(PdcaCycle.act_decision.is_not(None), PdcaCycle.lesson != "")
    )
    if f.discipline:
        query = query.where(Initiative.discipline == f.discipline)
    if f.department_id is not None:
        query = query.where(Initiative.owning_department_id == f.department_id)
    if f.decision:
        query = query.where(PdcaCycle.act_decision == f.decision)
    if f.decided_since is not None:
        query = query.where(sa.func.coalesce(PdcaCycle.closed_on, PdcaCycle.act_started_on) >= f.decided_since)
    if f.journey_stage_id is not None:
        query = query.where(
            sa.exists().where(
                InitiativeTerm.initiative_id == Initiative.id, InitiativeTerm.term_id == f.journey_stage_id
            )
        )
    searched = containing(f.text, PdcaCycle.lesson, Initiative.title)
    if searched is not None:
        query = query.where(searched)
    return read_frame(session, query.order_by(sa.desc("decided_on"), Initiative.id, PdcaCycle.number))
