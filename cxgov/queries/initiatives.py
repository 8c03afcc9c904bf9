"""Programs reads: the filtered, sorted initiatives list and one initiative's detail, check-ins, KPIs and budget.

Built on the portfolio's one-row-per-initiative query (phase of the open cycle, latest check-in health,
planned and actual cents), so every function runs a fixed number of statements however many initiatives exist.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, fields
from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.models import (
    BudgetLine,
    CheckIn,
    Department,
    Expense,
    Initiative,
    InitiativeKpi,
    InitiativeMember,
    InitiativeTerm,
    Kpi,
    PdcaCycle,
    Person,
    Status,
    StrategicObjective,
    TaxonomyTerm,
)
from cxgov.queries.base import HEALTH_ORDER, code_text, initiatives_query, read_frame
from cxgov.queries.readings import latest_counting_readings
from cxgov.queries.search import containing

LIST_COLUMNS = (
    "id",
    "title",
    "discipline",
    "status",
    "phase",
    "health",
    "reason",
    "lane",
    "priority",
    "owner_id",
    "owner",
    "owning_department",
    "progress_pct",
    "planned_cents",
    "actual_cents",
    "start_date",
    "target_date",
)


@dataclass(frozen=True)
class InitiativeFilter:
    """What the initiatives list is narrowed to; None (or empty text) means 'any'."""

    discipline: str | None = None
    status: str | None = None
    phase: str | None = None
    health: str | None = None  # red, amber, green or portfolio.NO_UPDATE
    lane: str | None = None
    owner_id: int | None = None
    department_id: int | None = None  # the owning department
    objective_id: int | None = None
    journey_stage_id: int | None = None
    channel_id: int | None = None
    text: str = ""  # searched in title and description, case-insensitively


FILTER_NAMES = tuple(f.name for f in fields(InitiativeFilter))


def _rank(column, order) -> sa.ColumnElement:
    """Sort codes in their domain order (lifecycle, worst health first) rather than alphabetically."""
    return sa.case({code: position for position, code in enumerate(order)}, value=column, else_=len(order))


def _nulls_last(column) -> tuple:
    return sa.case((column.is_(None), 1), else_=0), column


def _sort_keys(base: sa.Subquery, progress) -> dict[str, tuple]:
    return {
        "title": (sa.func.lower(base.c.title),),
        "target_date": _nulls_last(base.c.target_date),
        "start_date": _nulls_last(base.c.start_date),
        "status": (_rank(base.c.status, [s.value for s in Status]),),
        "health": (_rank(base.c.health, HEALTH_ORDER),),
        "progress": (progress,),
        "planned": (base.c.planned_cents,),
        "actual": (base.c.actual_cents,),
    }


SORTS = ("title", "target_date", "start_date", "status", "health", "progress", "planned", "actual")


def _conditions(base: sa.Subquery, f: InitiativeFilter) -> list[sa.ColumnElement]:
    equal = {
        "discipline": base.c.discipline,
        "status": base.c.status,
        "phase": base.c.phase,
        "health": base.c.health,
        "lane": base.c.lane,
        "owner_id": base.c.owner_id,
        "department_id": Initiative.owning_department_id,
        "objective_id": Initiative.objective_id,
    }
    conditions = [column == getattr(f, name) for name, column in equal.items() if getattr(f, name) is not None]
    for term_id in (f.journey_stage_id, f.channel_id):
        if term_id is not None:
            conditions.append(
                sa.exists().where(InitiativeTerm.initiative_id == base.c.id, InitiativeTerm.term_id == term_id)
            )
    searched = containing(f.text, Initiative.title, Initiative.description)
    return conditions if searched is None else [*conditions, searched]


def initiative_list(session: Session, *, sort: str = "title", descending: bool = False, **filters) -> pd.DataFrame:
    """Initiatives matching `filters` (InitiativeFilter fields), sorted by one of SORTS; one SQL statement."""
    f = InitiativeFilter(**filters)
    base = initiatives_query()
    keys = _sort_keys(base, Initiative.progress_pct)[sort]
    order = [k.desc() if descending and k is keys[-1] else k for k in keys]
    query = (
        sa.select(*(Initiative.progress_pct if c == "progress_pct" else base.c[c] for c in LIST_COLUMNS))
        .join(Initiative, Initiative.id == base.c.id)
        .where(*_conditions(base, f))
        .order_by(*order, sa.func.lower(base.c.title), base.c.id)
    )
    return pd.DataFrame([tuple(r) for r in session.execute(query).all()], columns=list(LIST_COLUMNS))


@dataclass(frozen=True)
class Term:
    """A journey stage or channel, with its name in both languages."""

    id: int
    kind: str
    name_en: str
    name_nl: str


@dataclass(frozen=True)
class InitiativeDetail:
    """Everything the detail page and the edit form show of one initiative (plain values, no ORM)."""

    id: int
    title: str
    description: str
    discipline: str
    status: str
    phase: str | None
    cycle_number: int | None
    lane: str
    priority: str
    progress_pct: int
    start_date: date | None
    target_date: date | None
    project_code: str | None
    version: int
    owner_id: int
    owner: str
    sponsor_id: int | None
    sponsor: str | None
    owning_department_id: int | None
    owning_department: str | None
    requesting_department_id: int | None
    requesting_department: str | None
    objective_id: int | None
    objective: str | None
    health: str
    reason: str
    checkin_date: date | None
    planned_cents: int
    actual_cents: int
    member_ids: tuple[int, ...]
    terms: tuple[Term, ...]

    def term_ids(self, kind: str) -> list[int]:
        """Ids of the journey stages (kind 'journey_stage') or channels ('channel')."""
        return [t.id for t in self.terms if t.kind == kind]


def initiative_detail(session: Session, initiative_id: int) -> InitiativeDetail | None:
    """The read model of one initiative, or None when it does not exist; three statements."""
    return initiative_details(session, [initiative_id]).get(initiative_id)


def initiative_details(session: Session, initiative_ids: Collection[int]) -> dict[int, InitiativeDetail]:
    """The read model of each of these initiatives that exists, by id; three statements however many are asked
    for (the board pack's one-pagers read up to a few dozen at once)."""
    ids = list(initiative_ids)
    base = initiatives_query()
    sponsor, requesting = aliased(Person, name="sponsor"), aliased(Department, name="requesting_dep")
    query = (
        sa.select(
            base.c.id,
            base.c.title,
            Initiative.description,
            base.c.discipline,
            base.c.status,
            base.c.phase,
            PdcaCycle.number,
            base.c.lane,
            base.c.priority,
            Initiative.progress_pct,
            base.c.start_date,
            base.c.target_date,
            Initiative.project_code,
            Initiative.version,
            base.c.owner_id,
            base.c.owner,
            Initiative.sponsor_id,
            sponsor.name,
            Initiative.owning_department_id,
            base.c.owning_department,
            Initiative.requesting_department_id,
            requesting.name,
            Initiative.objective_id,
            StrategicObjective.title,
            base.c.health,
            base.c.reason,
            base.c.checkin_date,
            base.c.planned_cents,
            base.c.actual_cents,
        )
        .join(Initiative, Initiative.id == base.c.id)
        .outerjoin(PdcaCycle, sa.and_(PdcaCycle.initiative_id == base.c.id, PdcaCycle.closed_on.is_(None)))
        .outerjoin(sponsor, sponsor.id == Initiative.sponsor_id)
        .outerjoin(requesting, requesting.id == Initiative.requesting_department_id)
        .outerjoin(StrategicObjective, StrategicObjective.id == Initiative.objective_id)
        .where(base.c.id.in_(ids))
    )
    rows = session.execute(query).all()
    if not rows:
        return {}
    members = defaultdict(list)
    for initiative_id, person_id in session.execute(
        sa.select(InitiativeMember.initiative_id, InitiativeMember.person_id).where(
            InitiativeMember.initiative_id.in_(ids)
        )
    ):
        members[initiative_id].append(person_id)
    terms = defaultdict(list)
    for initiative_id, *term in session.execute(
        sa.select(
            InitiativeTerm.initiative_id,
            TaxonomyTerm.id,
            code_text(TaxonomyTerm.kind),
            TaxonomyTerm.name_en,
            TaxonomyTerm.name_nl,
        )
        .join(InitiativeTerm, InitiativeTerm.term_id == TaxonomyTerm.id)
        .where(InitiativeTerm.initiative_id.in_(ids))
        .order_by(TaxonomyTerm.kind, TaxonomyTerm.position, TaxonomyTerm.id)
    ):
        terms[initiative_id].append(Term(*term))
    found = {}
    for row in rows:
        values = list(row)
        values[27:29] = [int(values[27]), int(values[28])]  # planned/actual cents: exact integers on both databases
        found[row[0]] = InitiativeDetail(*values, member_ids=tuple(sorted(members[row[0]])), terms=tuple(terms[row[0]]))
    return found


def check_ins(session: Session, initiative_id: int) -> pd.DataFrame:
    """The check-in history of one initiative, newest first, with the author's name."""
    return read_frame(
        session,
        sa.select(
            CheckIn.id,
            CheckIn.checkin_date,
            code_text(CheckIn.health).label("health"),
            CheckIn.reason,
            CheckIn.progress_pct,
            CheckIn.summary,
            CheckIn.next_steps,
            CheckIn.blocker,
            code_text(CheckIn.derived_health).label("derived_health"),
            CheckIn.override_reason,
            Person.name.label("author"),
        )
        .join(Person, Person.id == CheckIn.author_id)
        .where(CheckIn.initiative_id == initiative_id)
        .order_by(CheckIn.checkin_date.desc(), CheckIn.id.desc()),
    )


def kpi_links(session: Session, initiative_id: int) -> pd.DataFrame:
    """The KPIs an initiative is measured against: baseline, target and the latest reading that counts."""
    return initiatives_kpi_links(session, [initiative_id]).drop(columns="initiative_id")


def initiatives_kpi_links(session: Session, initiative_ids: Collection[int]) -> pd.DataFrame:
    """`kpi_links` of several initiatives at once, with their `initiative_id` first (one statement)."""
    latest = latest_counting_readings()
    return read_frame(
        session,
        sa.select(
            InitiativeKpi.initiative_id,
            Kpi.id.label("kpi_id"),
            Kpi.code,
            Kpi.name,
            code_text(Kpi.kind).label("kind"),
            Kpi.unit,
            code_text(Kpi.direction).label("direction"),
            InitiativeKpi.baseline,
            InitiativeKpi.target,
            InitiativeKpi.target_date,
            latest.c.value.label("latest_value"),
            latest.c.period.label("latest_period"),
        )
        .join(Kpi, Kpi.id == InitiativeKpi.kpi_id)
        .outerjoin(latest, latest.c.kpi_id == Kpi.id)
        .where(InitiativeKpi.initiative_id.in_(list(initiative_ids)))
        .order_by(InitiativeKpi.initiative_id, Kpi.code),
    )


def _quarter(column) -> sa.ColumnElement:
    # PostgreSQL's extract() is numeric: cast to integer, and // so both databases divide as integers.
    return (sa.cast(sa.extract("month", column), sa.Integer) + 2) // 3


def budget_by_quarter(session: Session, initiative_id: int) -> pd.DataFrame:
    """Planned and actual cents per (year, quarter) of one initiative, with the variance (actual − planned)."""
    planned = sa.select(
        BudgetLine.year.label("year"),
        BudgetLine.quarter.label("quarter"),
        BudgetLine.planned_cents.label("planned"),
        sa.literal(0, sa.BigInteger).label("actual"),
    ).where(BudgetLine.initiative_id == initiative_id)
    actual = sa.select(
        sa.cast(sa.extract("year", Expense.spent_on), sa.Integer).label("year"),
        _quarter(Expense.spent_on).label("quarter"),
        sa.literal(0, sa.BigInteger).label("planned"),
        Expense.amount_cents.label("actual"),
    ).where(Expense.initiative_id == initiative_id)
    both = sa.union_all(planned, actual).subquery("amounts")
    frame = read_frame(
        session,
        sa.select(
            both.c.year,
            both.c.quarter,
            sa.cast(sa.func.sum(both.c.planned), sa.BigInteger).label("planned_cents"),
            sa.cast(sa.func.sum(both.c.actual), sa.BigInteger).label("actual_cents"),
        )
        .group_by(both.c.year, both.c.quarter)
        .order_by(both.c.year, both.c.quarter),
    )
    frame = frame.astype({"year": "int64", "quarter": "int64", "planned_cents": "int64", "actual_cents": "int64"})
    frame["variance_cents"] = frame["actual_cents"] - frame["planned_cents"]
    return frame


def expenses(session: Session, initiative_id: int) -> pd.DataFrame:
    """The expenses of one initiative, newest first, with who booked them."""
    return read_frame(
        session,
        sa.select(
            Expense.id,
            Expense.spent_on,
            Expense.amount_cents,
            code_text(Expense.category).label("category"),
            Expense.note,
            Expense.correction_reason,
            Person.name.label("booked_by"),
        )
        .outerjoin(Person, Person.id == Expense.created_by_id)
        .where(Expense.initiative_id == initiative_id)
        .order_by(Expense.spent_on.desc(), Expense.id.desc()),
    )


def choices(session: Session) -> dict[str, pd.DataFrame]:
    """What the filters and the form offer: people, departments, objectives, journey stages and channels.

    Deactivated entries are included (flagged), so filters and existing initiatives can still name them.
    """
    owns = sa.exists().where(Initiative.owner_id == Person.id)
    return {
        "people": read_frame(
            session,
            sa.select(Person.id, Person.name, Person.active, owns.label("owns")).order_by(Person.name, Person.id),
        ),
        "departments": read_frame(
            session, sa.select(Department.id, Department.name, Department.active).order_by(Department.name)
        ),
        "objectives": read_frame(
            session,
            sa.select(
                StrategicObjective.id, StrategicObjective.title.label("name"), StrategicObjective.active
            ).order_by(StrategicObjective.title),
        ),
        "terms": read_frame(
            session,
            sa.select(
                TaxonomyTerm.id,
                code_text(TaxonomyTerm.kind).label("kind"),
                TaxonomyTerm.name_en,
                TaxonomyTerm.name_nl,
                TaxonomyTerm.active,
            ).order_by(TaxonomyTerm.kind, TaxonomyTerm.position, TaxonomyTerm.code),
        ),
    }
