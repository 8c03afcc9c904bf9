"""The audit log as a CSV file for Excel, formula-safe; the export itself becomes an audit event.

Who took a copy of the log, and of which part, is itself something an auditor wants to know.
"""
from __future__ import annotations

import csv
import io
from dataclasses import asdict
from datetime import UTC, datetime

from sqlmodel import Session

from cxgov import audit
from cxgov.permissions import Action, authorise
from cxgov.queries.audit import AuditFilter, all_events, chain_head
from cxgov.services.unit import Actor, acting_person, audit_actor

ENTITY = "audit_log"
# Times stay UTC (ISO 8601 with +00:00) whatever zone the page shows: an export is evidence, read anywhere.
HEADER = ("seq", "occurred_at_utc", "actor", "entity", "entity_id", "action", "field", "old", "new", "reason")
# Excel (and LibreOffice) read a cell starting with one of these as a formula, even from a quoted CSV field;
# control characters can hide such a start behind a line break (DESIGN.md §4 Exports).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
BOM = "\ufeff"  # without it Excel reads UTF-8 as the local code page and mangles ë, é and €


def formula_safe(value: object) -> object:
    """`value`, with a text that a spreadsheet would run as a formula prefixed by `'` (shown as text)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _utc_iso(moment: datetime) -> str:
    if moment.tzinfo is None:  # SQLite hands back naive values in raw reads; they are UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def _filters_used(filters: AuditFilter) -> dict:
    """The filters that narrowed the export; the time zone only qualifies the dates, so it counts with them."""
    dated = filters.date_from or filters.date_to
    return {name: value for name, value in asdict(filters).items() if value and (name != "zone" or dated)}


def export_audit_log(*, session: Session, actor: Actor, filters: AuditFilter) -> bytes:
    """Every event matching `filters` (not just one page), newest first, as UTF-8 CSV with a BOM.

    Records one audit event (entity "audit_log", action "export", the entity id is the chain head the
    export reaches) with the filters used and the number of rows as its new value.
    """
    person = acting_person(session, actor)
    authorise(person, Action.VIEW_AUDIT)
    rows = all_events(session, filters)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([formula_safe(value) for value in (
            row.seq, _utc_iso(row.occurred_at), row.actor_name, row.entity, row.entity_id, row.action, row.field,
            row.old_value, row.new_value, row.reason)])
    used = _filters_used(filters)
    audit.record(session, actor=audit_actor(person), entity=ENTITY, entity_id=chain_head(session)[0],
                 action="export", new={"filters": used, "rows": len(rows)})
    return (BOM + buffer.getvalue()).encode("utf-8")
