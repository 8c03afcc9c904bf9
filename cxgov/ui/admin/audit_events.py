"""The audit log's reads (one page of events, the filter choices, the chain head, verification) and its table."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import streamlit as st
from sqlmodel import Session

from cxgov import audit
from cxgov.queries import audit as audit_queries
from cxgov.queries.audit import AuditFilter
from cxgov.ui.admin.tables import known_label, plain_value
from cxgov.ui.kit.runtime import read, read_session, settings
from cxgov.ui.kit.text import actor, moment, tr

AREAS = ("audit",)


def _events(session: Session, *, limit: int, offset: int, **filters) -> tuple[pd.DataFrame, int]:
    return audit_queries.events(session, AuditFilter(**filters), limit=limit, offset=offset)


def audit_page(f: AuditFilter, *, limit: int, offset: int) -> tuple[pd.DataFrame, int]:
    """One page of audit events matching `f`, newest first, and the number matching."""
    return read(_events, AREAS, limit=limit, offset=offset, **asdict(f))


def audit_choices() -> dict[str, list[str]]:
    """Actors, entities and actions occurring in the audit log."""
    return read(audit_queries.filter_choices, AREAS)


def audit_head() -> tuple[int, str]:
    """The chain head as it is now (not cached: it is what the verification is compared with)."""
    with read_session() as session:
        return audit_queries.chain_head(session)


def verify_audit() -> audit.VerifyReport:
    """Recompute the whole chain with the key (read-only)."""
    with read_session() as session:
        return audit.verify(session, settings().audit_key)


def _shown(value) -> str:
    """An audit cell as text: a dash for nothing (None, NaN, empty), never "None" or "nan"."""
    value = plain_value(value)
    return "—" if value is None or value == "" else str(value)


def show_audit_events(events: pd.DataFrame) -> None:
    """One page of audit events: when, who, what, which action, the field and its change, and why."""
    view = pd.DataFrame(
        {
            "seq": events["seq"],
            "occurred_at": events["occurred_at"].map(moment),
            "actor_name": events["actor_name"].map(lambda name: _shown(actor(name))),
            "entity": events["entity"].map(lambda v: known_label(f"entity.{v}", v)),
            "entity_id": events["entity_id"].map(_shown),
            "action": events["action"].map(lambda v: known_label(f"admin.audit.action.{v}", v)),
            "field": events["field"].map(_shown),
            "change": [
                f"{_shown(old)} → {_shown(new)}"
                for old, new in zip(events["old_value"], events["new_value"], strict=True)
            ],
            "reason": events["reason"].map(_shown),
        }
    )
    view.columns = [tr(f"admin.audit.col.{c}") for c in view.columns]
    st.dataframe(view, hide_index=True, width="stretch")
