"""Load the Voltera demo portfolio (cxgov/demo/portfolio.py with its plan layer, cxgov/demo/plan.py, and the CX
board's governance record, cxgov/demo/meetings.py) into a database without initiatives, in bulk, dated to the day
it is loaded.

Rows go in with one multi-row INSERT per table batch, not ORM objects one by one: 10,000 initiatives are
~400,000 rows. Reference rows that already exist (a department, a person's e-mail, a KPI code…) are
reused, so an admin can load the demo into an installation that has people but no portfolio yet. The survey
KPIs' answers come in as one survey import ("demo"); their figures and computed readings are then computed from
them by the KPI engine, as after any import. The load is audited as ONE event with the seed, the day and the
counts (computed readings and figures included), not one per row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlmodel import Session, SQLModel

from cxgov import audit
from cxgov.dates import today_in
from cxgov.demo.plan import FOREIGN_KEYS, KEYED_TABLES, TABLE_ORDER, build_demo
from cxgov.demo.portfolio import MAX_INITIATIVES, PARENT_TABLES
from cxgov.errors import DomainError, PermissionDenied, ValidationError
from cxgov.models import Initiative, KpiReading
from cxgov.rules.permissions import Action, authorise
from cxgov.services.figures import recompute_figures
from cxgov.services.unit import Actor, acting_person, audit_actor
from cxgov.settings import get_settings

# The natural key of each reference table: a demo row with the same key reuses the existing row.
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "department": ("name",),
    "taxonomy_term": ("kind", "code"),
    "person": ("email",),
    "strategic_objective": ("title",),
    "kpi": ("code",),
    "initiative": (),
    "survey_import": (),
}
# An existing KPI keeps its own readings, answers and targets.
KEPT_BY_AN_EXISTING_KPI = ("kpi_reading", "kpi_target", "survey_response")


@dataclass(frozen=True)
class DemoLoadSummary:
    """What a demo load inserted: rows per table (reused reference rows are not counted)."""

    seed: int
    counts: dict[str, int]

    @property
    def initiatives(self) -> int:
        return self.counts.get("initiative", 0)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def load_demo_portfolio(
    *, session: Session, actor: Actor, initiatives: int = 40, seed: int = 2026, today: date | None = None
) -> DemoLoadSummary:
    """Insert a demo portfolio of `initiatives` initiatives built from `seed` and dated to `today` (default: today
    in the installation's time zone); refuses a non-empty portfolio.

    Admins and the command line only, and never in production, whoever asks: the demo adds 30 fictional people,
    an admin among them.
    """
    person = acting_person(session, actor)
    authorise(person, Action.LOAD_DEMO)
    if get_settings().is_production:
        raise PermissionDenied(
            "demo.error.production",
            actor=None if person is None else (person.id, person.name),
            attempted=Action.LOAD_DEMO.value,
        )
    if not 1 <= initiatives <= MAX_INITIATIVES:
        raise ValidationError({"initiatives": ("error.out_of_range", {"min": 1, "max": MAX_INITIATIVES})})
    existing = session.execute(select(func.count()).select_from(Initiative)).scalar_one()
    if existing:
        raise DomainError("demo.error.not_empty", count=existing)
    day = today or today_in(get_settings().time_zone)
    portfolio = build_demo(initiatives, seed, today=day)
    ids: dict[str, dict[int, int]] = {}
    reused: dict[str, set[int]] = {}
    counts: dict[str, int] = {}
    for name in TABLE_ORDER:
        table = SQLModel.metadata.tables[name]
        foreign_keys = FOREIGN_KEYS.get(name, {})
        chained = [column for column, parent in foreign_keys.items() if parent == name]
        rows = _remapped(portfolio.tables[name], {k: v for k, v in foreign_keys.items() if k not in chained}, ids)
        if name in KEPT_BY_AN_EXISTING_KPI:
            rows = [row for row in rows if row["kpi_id"] not in reused.get("kpi", set())]
        if chained:
            ids[name] = _insert_chained(session, table, rows, chained)
            counts[name] = len(rows)
        elif name in PARENT_TABLES:
            ids[name], reused[name] = _insert_parents(session, table, rows, NATURAL_KEYS[name])
            counts[name] = len(rows) - len(reused[name])
        elif name in KEYED_TABLES:
            local_ids = [row.pop("id") for row in rows]
            insert_rows(session, table, rows)
            ids[name] = _read_back_ids(session, table, rows, local_ids, KEYED_TABLES[name])
            counts[name] = len(rows)
        else:
            insert_rows(session, table, rows)
            counts[name] = len(rows)
    surveyed = sorted({row["kpi_id"] for row in portfolio.tables["survey_response"]} - reused.get("kpi", set()))
    counts["kpi_figure"] = recompute_figures(session, surveyed)
    counts["kpi_reading"] += session.execute(
        select(func.count()).where(KpiReading.kpi_id.in_(surveyed), KpiReading.origin == "computed")
    ).scalar_one()
    audit.record(
        session,
        actor=audit_actor(person),
        entity="portfolio",
        entity_id="demo",
        action="bulk_load",
        new={"seed": seed, "day": day.isoformat(), "initiatives": initiatives, "rows": counts},  # enough to rebuild it
    )
    return DemoLoadSummary(seed=seed, counts=counts)


def insert_rows(session: Session, table: Table, rows: list[dict]) -> None:
    """Insert many rows fast, in the session's transaction: COPY on PostgreSQL, executemany on SQLite.

    Measured with 10,000 initiatives (~390,000 rows): SQLAlchemy's executemany took ~55 s on PostgreSQL
    (psycopg sends one statement per row) and ~20 s on SQLite (per-row parameter handling). Values still
    pass through each column type's own bind processor, so they are stored exactly as the ORM stores them.
    """
    if not rows:
        return
    columns = list(rows[0])
    dialect = session.get_bind().dialect
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns]
    # Column by column: only the columns with a processor are touched, each value once per distinct value.
    picked = itemgetter(*columns)
    values = [picked(row) for row in rows] if len(columns) > 1 else [(row[columns[0]],) for row in rows]
    if any(processors):
        by_column = list(zip(*values, strict=True))
        by_column = [
            values if process is None else list(map(_remembered(process), values))
            for values, process in zip(by_column, processors, strict=True)
        ]
        values = list(zip(*by_column, strict=True))
    quote = dialect.identifier_preparer.quote
    column_list = ", ".join(quote(name) for name in columns)
    driver_connection = session.connection().connection.driver_connection
    if dialect.name == "postgresql":
        with (
            driver_connection.cursor() as cursor,
            cursor.copy(f"COPY {quote(table.name)} ({column_list}) FROM STDIN") as copy,
        ):
            for row in values:
                copy.write_row(row)
        return
    cursor = driver_connection.cursor()
    try:
        cursor.executemany(
            f"INSERT INTO {quote(table.name)} ({column_list}) VALUES ({', '.join('?' * len(columns))})", values
        )
    finally:
        cursor.close()


def _remembered(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`process` computed once per distinct value: a survey's 250,000 answers fall on about a thousand days."""
    known: dict = {}

    def remembered(value: Any) -> Any:
        try:
            return known[value]
        except KeyError:
            known[value] = processed = process(value)
            return processed
        except TypeError:  # not hashable (a JSON value): processed each time
            return process(value)

    return remembered


def _remapped(rows: list[dict], foreign_keys: dict[str, str], ids: dict[str, dict[int, int]]) -> list[dict]:
    """The rows with each local foreign key replaced by the database id of the row it points to."""
    if not foreign_keys:
        return rows
    maps = [(column, ids[parent]) for column, parent in foreign_keys.items()]
    for row in rows:
        for column, mapping in maps:
            if row[column] is not None:
                row[column] = mapping[row[column]]
    return rows


def _read_back_ids(
    session: Session, table: Table, rows: list[dict], local_ids: list[int], key: tuple[str, ...]
) -> dict[int, int]:
    """Local id -> database id of rows just inserted, found by their unique `key`. The whole table is read:
    it held none of these rows before (the demo only loads into a database without initiatives)."""
    found = {tuple(row[:-1]): row[-1] for row in session.execute(select(*(table.c[k] for k in key), table.c.id))}
    return {local_id: found[tuple(row[k] for k in key)] for local_id, row in zip(local_ids, rows, strict=True)}


def _insert_chained(session: Session, table: Table, rows: list[dict], chained: list[str]) -> dict[int, int]:
    """Insert rows that point at rows of their own table (a meeting at the one before it, a decision at the one it
    corrects) one at a time, in order, so each points at a row already in; returns local id -> database id. Only
    the governance record's few dozen rows are such, whatever the portfolio's size."""
    mapping: dict[int, int] = {}
    for row in rows:
        local_id = row.pop("id")
        for column in chained:
            if row[column] is not None:
                row[column] = mapping[row[column]]
        mapping[local_id] = session.execute(insert(table).returning(table.c.id), row).scalar_one()
    return mapping


def _insert_parents(
    session: Session, table: Table, rows: list[dict], key: tuple[str, ...]
) -> tuple[dict[int, int], set[int]]:
    """Insert rows other tables refer to; returns local id -> database id and the ids of reused rows."""
    existing: dict[tuple, int] = {}
    if key:
        columns = [table.c[name] for name in key]
        found_rows = session.execute(select(*columns, table.c.id))
        existing = {tuple(str(value) for value in found[:-1]): found[-1] for found in found_rows}
    mapping, reused, new_rows, new_local_ids = {}, set(), [], []
    for row in rows:
        local_id = row.pop("id")
        match = existing.get(tuple(str(row[name]) for name in key)) if key else None
        if match is not None:
            mapping[local_id] = match
            reused.add(match)
        else:
            new_rows.append(row)
            new_local_ids.append(local_id)
    if new_rows:
        # RETURNING in parameter order gives each new row's id, on SQLite and PostgreSQL alike.
        result = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), new_rows)
        mapping.update(zip(new_local_ids, result.scalars().all(), strict=True))
    return mapping, reused
