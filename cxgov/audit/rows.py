"""Replay the audit trail against the rows: is every value the trail says a row holds the value it holds?

The chain proves the trail was not changed; it says nothing of a row edited behind the app's back (plain
SQL). Replaying the trail does: a create event carries the new row's values, an update event a field's
old → new, a delete event removes a link. The latest value of each field, as the trail tells it, is compared
with the row through the text form the trail uses (`audit.to_text`), parsed back by the row value's type,
so dates, UTC instants, enums, booleans, floats and integer cents compare as values, not as spellings.

What cannot be replayed is counted and reported, never silently skipped (README, *Audit trail: guarantees
and limits*): rows the demo loads in bulk (one event for thousands of rows), columns every write moves
without an event (version, timestamps), masked and sign-in bookkeeping fields, tables without events of
their own, and events that change no row. The work is one statement for the trail and one per table,
whatever the number of rows or events.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

from cxgov import audit
from cxgov.models import AuditEvent

# Columns every write moves without an event of its own: never compared.
BOOKKEEPING = ("version", "created_at", "updated_at", "updated_by_id", "prepared_at")
# Audit entity names that differ from their table's name; every other entity is named after its table.
ENTITY_TABLES = {"objective": "strategic_objective"}
# Tables whose rows have no events of their own, and why.
NOT_AUDITED_TABLES = {
    "audit_event": "the audit trail itself",
    "audit_head": "the audit trail itself",
    "phase_transition": "the history of PDCA moves; each move is audited as its cycle's phase",
    "initiative_kpi": "KPI links: audited since the A3 record's target link is, but links made before carry no "
    "events, so the table is not replayed",
    "sign_in_session": "sign-in bookkeeping (hashes of session tokens)",
    "survey_response": "raw survey responses: each imported file has one event (who, file, size, hash, rows per KPI)",
    "kpi_figure": "figures computed from the survey responses, recomputed by every import",
    "sso_identity": "company identities, bound at a first company sign-in",
}
# Fields the trail records that cannot be replayed against the row, and why.
NOT_REPLAYED_FIELDS = {
    "initiative": {"phase": "the phase at creation; it lives on the PDCA cycle, whose moves are replayed there"},
    "local_account": {
        "password": "masked: password events show ***, never the password or its hash",
        "password_hash": "masked: password events show ***, never the password or its hash",
        "must_change_password": "set with the masked password events",
        "password_changed_at": "set with the masked password events",
        "failed_attempts": "sign-in bookkeeping, not audited",
        "locked_until": "sign-in bookkeeping: an expired lockout is cleared without an event",
    },
}
# Entities whose rows may come into being without a create event of their own, and why.
CREATED_WITH_ANOTHER = {"pdca_cycle": "the first cycle is created with its initiative"}
# A field the trail records on an entity whose values are stored as rows of another table.
LINKED_FIELDS = {("initiative", "journey_stages_and_channels"): ("initiative_term", "initiative_id", "term_id")}
DEMO_LOAD = ("portfolio", "bulk_load")  # the demo load's one event: its new value counts the rows per table


@dataclass(frozen=True)
class Difference:
    """A row that is not what the audit trail says: the entity, its id, the field, both values."""

    entity: str
    row_id: str
    field: str
    trail: str | None
    row: str | None

    def __str__(self) -> str:
        return f"{self.entity} {self.row_id}, {self.field}: trail {_shown(self.trail)}, row {_shown(self.row)}"


@dataclass
class RowReport:
    """What the replay compared, every difference, and everything it counted instead of replaying."""

    differences: list[Difference] = field(default_factory=list)
    rows_checked: int = 0
    fields_compared: int = 0
    events_replayed: int = 0
    bulk_rows: Counter = field(default_factory=Counter)  # table -> rows loaded by the demo
    rows_created_with_another: Counter = field(default_factory=Counter)  # entity -> rows
    fields_not_replayed: Counter = field(default_factory=Counter)  # "entity.field" -> events
    events_changing_no_row: Counter = field(default_factory=Counter)  # action -> events
    events_about_no_table: Counter = field(default_factory=Counter)  # entity -> events
    rows_without_events: Counter = field(default_factory=Counter)  # table -> rows

    @property
    def ok(self) -> bool:
        return not self.differences

    def not_replayed_lines(self) -> list[str]:
        """One line per kind of thing counted instead of replayed (empty kinds left out)."""
        lines = [f"columns {', '.join(BOOKKEEPING)}: every write moves them without an event of its own"]
        for counts, what in (
            (self.bulk_rows, "rows loaded in bulk by the demo (one event for all; their values are not in the trail)"),
            (
                self.rows_created_with_another,
                "rows created without their own event ("
                + "; ".join(f"{k}: {v}" for k, v in CREATED_WITH_ANOTHER.items())
                + ")",
            ),
            (self.events_changing_no_row, "events that change no row (sign-ins, refusals, …)"),
            (self.events_about_no_table, "events about something other than a table's row"),
            (self.rows_without_events, "rows of tables without events of their own (or of rows above)"),
        ):
            if +counts:  # unary plus drops the kinds counted zero times
                lines.append(f"{what}: {_counts(+counts)}")
        lines += [
            f"{name}: {count:,} events ({_field_reason(name)})"
            for name, count in sorted(self.fields_not_replayed.items())
        ]
        return lines


@dataclass
class _RowTrail:
    """What the trail says about one row so far."""

    values: dict[str, str | None] = field(default_factory=dict)
    created: bool = False
    whole: bool = False  # a create event carried the whole row
    removed: bool = False
    removed_unrecorded: bool = False  # removed before any create event: a row the demo loaded


def replay(session: Session) -> RowReport:
    """Replay the whole audit trail against the current rows of every audited table."""
    report = RowReport()
    trails, bulk = _read_trail(session, report)
    for entity, table_name in audited_tables().items():
        _compare_table(
            session,
            report,
            entity,
            SQLModel.metadata.tables[table_name],
            trails.get(entity, {}),
            bulk.get(table_name, 0),
        )
    for table_name in NOT_AUDITED_TABLES:
        if table_name in SQLModel.metadata.tables and not table_name.startswith("audit_"):
            table = SQLModel.metadata.tables[table_name]
            count = session.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            if count:
                report.rows_without_events[table_name] = count
    return report


def audited_tables() -> dict[str, str]:
    """entity -> table, for every table whose rows the trail describes."""
    aliases = {table: entity for entity, table in ENTITY_TABLES.items()}
    linked = {table for table, _, _ in LINKED_FIELDS.values()}
    return {
        aliases.get(name, name): name
        for name in SQLModel.metadata.tables
        if name not in NOT_AUDITED_TABLES and name not in linked
    }


def read_columns(entity: str, table: sa.Table) -> list[sa.Column]:
    """The columns the replay reads: the key, then every column it compares."""
    skipped = set(BOOKKEEPING) | set(NOT_REPLAYED_FIELDS.get(entity, {}))
    return [*table.primary_key.columns, *(c for c in table.columns if c.name not in skipped and not c.primary_key)]


def _read_trail(session: Session, report: RowReport) -> tuple[dict[str, dict[str, _RowTrail]], Counter]:
    """Walk the trail once in order: entity -> row id -> what it says, and table -> rows the demo loaded."""
    tables = audited_tables()
    trails: dict[str, dict[str, _RowTrail]] = {}
    bulk: Counter = Counter()
    query = sa.select(
        AuditEvent.entity, AuditEvent.entity_id, AuditEvent.action, AuditEvent.field, AuditEvent.new_value
    ).order_by(AuditEvent.seq)
    for entity, entity_id, action, name, new in session.execute(query.execution_options(yield_per=5000)):
        if (entity, action) == DEMO_LOAD:
            bulk.update(_row_values(new).get("rows", {}))
        if entity not in tables:
            report.events_about_no_table[entity] += 1
        elif action == audit.DENIED or (name is None and action not in ("create", "delete")):
            report.events_changing_no_row[action] += 1
        else:
            replayable = name is None or name not in NOT_REPLAYED_FIELDS.get(entity, {})
            if replayable:
                report.events_replayed += 1
            else:
                report.fields_not_replayed[f"{entity}.{name}"] += 1
            _apply(
                trails.setdefault(entity, {}).setdefault(entity_id, _RowTrail()),
                action,
                name,
                new if replayable else None,
                replayable,
            )
    return trails, bulk


def _apply(trail: _RowTrail, action: str, name: str | None, new: str | None, replayable: bool) -> None:
    """One event's effect on what the trail says about its row (a masked create still creates it)."""
    if action == "delete":
        trail.removed_unrecorded |= not trail.created and not trail.removed
        trail.removed, trail.created, trail.whole = True, False, False
        trail.values.clear()
        return
    if action == "create":
        trail.created, trail.removed = True, False
    if name is not None:
        if replayable:
            trail.values[name] = new
        return
    trail.whole = True
    trail.values.update({k: v for k, v in _row_values(new).items() if k not in BOOKKEEPING})


def _row_values(new: str | None) -> dict:
    """The field values a whole-row create event carries (JSON of field -> text)."""
    try:
        values = json.loads(new) if new else {}
    except ValueError:
        return {}
    return values if isinstance(values, dict) else {}


def _compare_table(
    session: Session, report: RowReport, entity: str, table: sa.Table, trails: dict[str, _RowTrail], bulk: int
) -> None:
    """Read the table once; compare each row with its trail; account for rows without a create event."""
    keys = list(table.primary_key.columns)
    linked = _linked_values(session, entity)
    unrecorded, seen = [], set()
    for row in session.execute(sa.select(*read_columns(entity, table)).execution_options(yield_per=5000)).mappings():
        row_id = ":".join(str(row[c.name]) for c in keys)
        seen.add(row_id)
        report.rows_checked += 1
        trail = trails.get(row_id)
        if trail is not None and trail.removed:
            report.differences.append(Difference(entity, row_id, "(row)", "removed", "present"))
            continue
        if trail is None or not trail.created:
            unrecorded.append(row_id)
        row_links = {name: values.get(row_id, []) for name, values in linked.items()}
        for name, values in row_links.items():
            if trail is None or not (trail.whole or name in trail.values):  # e.g. a demo initiative's terms
                report.rows_without_events[LINKED_FIELDS[(entity, name)][0]] += len(values)
        if trail is not None:
            _compare_row(report, entity, row_id, trail, row, row_links)
    for row_id, trail in trails.items():
        if row_id not in seen and not trail.removed and (trail.created or trail.values):
            report.differences.append(
                Difference(entity, row_id, "(row)", "created" if trail.created else "updated", "missing")
            )
    loaded = bulk - sum(trail.removed_unrecorded for trail in trails.values())
    _account_unrecorded(report, entity, unrecorded, loaded, table.name)


def _compare_row(report: RowReport, entity: str, row_id: str, trail: _RowTrail, row, linked: dict[str, list]) -> None:
    for name, text in trail.values.items():
        if name in linked:
            value = linked[name]
        elif name in row:
            value = row[name]
        else:
            report.fields_not_replayed[f"{entity}.{name}"] += 1
            continue
        report.fields_compared += 1
        if not _same(text, value):
            report.differences.append(Difference(entity, row_id, name, text, _text(value)))
    for name, value in linked.items():  # a whole-row create with no event for a linked field: it was empty
        if trail.whole and name not in trail.values:
            report.fields_compared += 1
            if value:
                report.differences.append(Difference(entity, row_id, name, "[]", _text(value)))


def _linked_values(session: Session, entity: str) -> dict[str, dict[str, list]]:
    """field -> row id -> sorted values, for the entity's linked fields (one statement each)."""
    found = {}
    for (owner, name), (table_name, owner_column, value_column) in LINKED_FIELDS.items():
        if owner != entity:
            continue
        table = SQLModel.metadata.tables[table_name]
        values: dict[str, list] = {}
        for owner_id, value in session.execute(
            sa.select(table.c[owner_column], table.c[value_column]).order_by(
                table.c[owner_column], table.c[value_column]
            )
        ):
            values.setdefault(str(owner_id), []).append(value)
        found[name] = values
    return found


def _account_unrecorded(report: RowReport, entity: str, unrecorded: list[str], loaded: int, table: str) -> None:
    """Rows without a create event: created with another row, loaded by the demo, or inserted behind the app."""
    if entity in CREATED_WITH_ANOTHER:
        from_demo = min(loaded, len(unrecorded))
        if from_demo:
            report.bulk_rows[table] = from_demo
        if len(unrecorded) > from_demo:
            report.rows_created_with_another[entity] = len(unrecorded) - from_demo
        return
    if len(unrecorded) == loaded:
        if loaded:
            report.bulk_rows[table] = loaded
        return
    if loaded == 0:
        report.differences.extend(
            Difference(entity, row_id, "(row)", "no create event", "present") for row_id in unrecorded
        )
        return
    report.bulk_rows[table] = min(loaded, len(unrecorded))
    report.differences.append(
        Difference(
            entity,
            "*",
            "(rows without a create event)",
            f"{loaded:,} loaded by the demo",
            f"{len(unrecorded):,} present",
        )
    )


def _same(text: str | None, value: Any) -> bool:
    """Does the trail's text stand for `value`? Parsed by the value's own type, so spellings do not matter."""
    if text is None or value is None:
        return text is None and value is None
    try:
        return _parsed(text, value) == _normal(value)
    except (ValueError, KeyError, TypeError):
        return False


def _parsed(text: str, like: Any) -> Any:
    if isinstance(like, Enum):
        return text
    if isinstance(like, bool):
        return {"True": True, "False": False}[text]
    if isinstance(like, int):
        return int(text)
    if isinstance(like, float):
        return float(text)
    if isinstance(like, datetime):
        return _normal(datetime.fromisoformat(text))
    if isinstance(like, date):
        return date.fromisoformat(text)
    if isinstance(like, list):
        return json.loads(text)
    return text


def _normal(value: Any) -> Any:
    """Enums by value, instants in UTC (SQLite hands back naive UTC values)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def _text(value: Any) -> str | None:
    return audit.to_text(_normal(value))


def _shown(text: str | None) -> str:
    if text is None:
        return "(empty)"
    return repr(text if len(text) <= 80 else text[:79] + "…")


def _counts(counts: Counter) -> str:
    return ", ".join(f"{name} {count:,}" for name, count in sorted(counts.items()))


def _field_reason(name: str) -> str:
    entity, _, field_name = name.partition(".")
    return NOT_REPLAYED_FIELDS.get(entity, {}).get(field_name, "not a column of the row")
