"""Admin → Audit log: every change, newest first, filtered and paged in SQL; chain verification; export.

Only people allowed Action.VIEW_AUDIT get this page at all (cxgov.ui.navigation); for others it is not found.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from cxgov.queries.audit import AuditFilter
from cxgov.ui.admin.audit_events import audit_choices, audit_head, audit_page, show_audit_events, verify_audit
from cxgov.ui.admin.audit_export import audit_export
from cxgov.ui.admin.tables import known_label
from cxgov.ui.kit.runtime import settings
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import actor, labelled, tr

PAGE_SIZE = 50  # one screen of events; more is a filter away


def _verification() -> None:
    """The chain head, and a button recomputing the whole chain."""
    head_seq, head_hash = audit_head()
    head_col, verify_col = st.columns([3, 1], vertical_alignment="center")
    head_col.caption(tr("admin.audit.head", seq=head_seq, hash=head_hash[:12] or tr("common.none")))
    if verify_col.button(tr("admin.audit.verify"), key="admin_audit_verify"):
        report = verify_audit()
        if report.ok:
            st.success(tr("admin.audit.verified", events=report.events), icon=":material/check_circle:")
        else:
            problems = "\n".join(f"- {plain(p)}" for p in report.problems)
            st.error(tr("admin.audit.broken", count=len(report.problems)) + "\n\n" + problems, icon=":material/error:")


def _any_of(column, text_key: str, values: list[str], key: str, name) -> str | None:
    """A select box of `values` with "All" (None) first; `name` gives a value's label."""
    options = [None, *values]
    return column.selectbox(
        tr(text_key),
        options,
        key=key,
        format_func=labelled({v: name(v) if v else tr("common.all") for v in options}),
    )


def _filters() -> AuditFilter:
    choices = audit_choices()
    from_col, to_col, actor_col = st.columns(3)
    date_from = from_col.date_input(tr("admin.audit.from"), value=None, key="admin_audit_from", format="DD-MM-YYYY")
    date_to = to_col.date_input(tr("admin.audit.to"), value=None, key="admin_audit_to", format="DD-MM-YYYY")
    who = _any_of(actor_col, "admin.audit.who", choices["actor"], "admin_audit_actor", actor)
    entity_col, action_col, text_col = st.columns(3)
    entity = _any_of(
        entity_col,
        "admin.audit.entity",
        choices["entity"],
        "admin_audit_entity",
        lambda v: known_label(f"entity.{v}", v),
    )
    action = _any_of(
        action_col,
        "admin.audit.action",
        choices["action"],
        "admin_audit_action",
        lambda v: known_label(f"admin.audit.action.{v}", v),
    )
    text = text_col.text_input(tr("common.search"), key="admin_audit_text", help=tr("admin.audit.search_help"))
    return AuditFilter(
        date_from=date_from if isinstance(date_from, date) else None,
        date_to=date_to if isinstance(date_to, date) else None,
        actor=who,
        entity=entity,
        action=action,
        text=text,
        zone=settings().time_zone,
    )


def _page(total: int) -> int:
    """The page picker (only when there is more than one page)."""
    pages = max(1, -(-total // PAGE_SIZE))
    if st.session_state.get("admin_audit_page", 1) > pages:  # fewer matches since the filters changed
        st.session_state["admin_audit_page"] = pages
    if pages == 1:
        return 1
    return st.number_input(
        tr("admin.audit.page", pages=pages), min_value=1, max_value=pages, value=1, step=1, key="admin_audit_page"
    )


def render_audit_log() -> None:
    st.title(tr("page.audit_log"))
    _verification()
    filters = _filters()
    _, total = audit_page(filters, limit=0, offset=0)  # the count first: the page picker needs it
    page = _page(total)
    events, total = audit_page(filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    if events.empty:
        unfiltered = total == 0 and filters == AuditFilter(zone=filters.zone)
        st.info(tr("admin.audit.empty") if unfiltered else tr("common.no_results"))
        return
    first = (page - 1) * PAGE_SIZE + 1
    st.caption(tr("admin.audit.showing", first=first, last=first + len(events) - 1, total=total))
    show_audit_events(events)
    audit_export(filters)
