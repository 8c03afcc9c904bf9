"""The audit log as an Excel file (cxgov.io.export: typed, formula-safe, headers in the reader's language); the
export itself becomes an audit event.

Who took a copy of the log, and of which part, is itself something an auditor wants to know.
"""

from __future__ import annotations

from dataclasses import asdict

from sqlmodel import Session

from cxgov import audit
from cxgov.i18n import t
from cxgov.io.export import Column, Sheet, to_xlsx
from cxgov.queries.audit import AuditFilter, all_events, chain_head
from cxgov.rules.permissions import Action, authorise
from cxgov.services.unit import Actor, acting_person, audit_actor

ENTITY = "audit_log"
# The event's fields in file order, each with its header key and the kind of its cells. Entity and action stay
# the codes stored in the chain: an auditor filters and compares on exactly those. Times stay UTC (and the header
# says so) whatever zone the page shows: an export is evidence, read anywhere.
COLUMNS = (
    ("seq", "admin.audit.col.seq", "number"),
    ("occurred_at", "export.audit.occurred_at_utc", "moment"),
    ("actor_name", "admin.audit.col.actor_name", "text"),
    ("entity", "admin.audit.col.entity", "text"),
    ("entity_id", "admin.audit.col.entity_id", "text"),
    ("action", "admin.audit.col.action", "text"),
    ("field", "admin.audit.col.field", "text"),
    ("old_value", "export.audit.old", "text"),
    ("new_value", "export.audit.new", "text"),
    ("reason", "admin.audit.col.reason", "text"),
)
WIDE = frozenset({"old_value", "new_value", "reason"})


def export_audit_log(*, session: Session, actor: Actor, filters: AuditFilter, language: str = "en") -> bytes:
    """Every event matching `filters` (not just one page), newest first, as an XLSX workbook.

    Records one audit event (entity "audit_log", action "export", the entity id is the chain head the
    export reaches) with the filters used and the number of rows as its new value.
    """
    person = acting_person(session, actor)
    authorise(person, Action.VIEW_AUDIT)
    rows = all_events(session, filters)
    sheet = Sheet(
        t("page.audit_log", language),
        [Column(t(key, language), kind, wide=name in WIDE) for name, key, kind in COLUMNS],
        [[getattr(row, name) for name, _, _ in COLUMNS] for row in rows],
        language,
    )
    used = _filters_used(filters)
    audit.record(
        session,
        actor=audit_actor(person),
        entity=ENTITY,
        entity_id=chain_head(session)[0],
        action="export",
        new={"filters": used, "rows": len(rows)},
    )
    return to_xlsx(sheet)


def _filters_used(filters: AuditFilter) -> dict:
    """The filters that narrowed the export; the time zone only qualifies the dates, so it counts with them."""
    dated = filters.date_from or filters.date_to
    return {name: value for name, value in asdict(filters).items() if value and (name != "zone" or dated)}
