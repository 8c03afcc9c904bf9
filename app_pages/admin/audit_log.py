"""Admin: the audit log — every change, newest first, filtered and paged in SQL; chain verification; export."""

from datetime import date

import streamlit as st

from cxgov.queries.audit import AuditFilter
from cxgov.ui.admin import (
    audit_choices,
    audit_export,
    audit_head,
    audit_page,
    fixed_labels,
    known_label,
    show_audit_events,
    verify_audit,
)
from cxgov.ui.runtime import settings
from cxgov.ui.safe import plain
from cxgov.ui.text import actor, tr

PAGE_SIZE = 50  # one screen of events; more is a filter away

# Only people allowed Action.VIEW_AUDIT get this page at all (cxgov.ui.navigation); for others it is not found.
st.title(tr("page.audit_log"))

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

choices = audit_choices()
any_of = [None]
from_col, to_col, actor_col = st.columns(3)
date_from = from_col.date_input(tr("admin.audit.from"), value=None, key="admin_audit_from", format="DD-MM-YYYY")
date_to = to_col.date_input(tr("admin.audit.to"), value=None, key="admin_audit_to", format="DD-MM-YYYY")
who = actor_col.selectbox(
    tr("admin.audit.who"),
    any_of + choices["actor"],
    key="admin_audit_actor",
    format_func=fixed_labels(any_of + choices["actor"], lambda v: actor(v) if v else tr("common.all")),
)
entity_col, action_col, text_col = st.columns(3)
entity = entity_col.selectbox(
    tr("admin.audit.entity"),
    any_of + choices["entity"],
    key="admin_audit_entity",
    format_func=fixed_labels(
        any_of + choices["entity"], lambda v: known_label(f"entity.{v}", v) if v else tr("common.all")
    ),
)
action = action_col.selectbox(
    tr("admin.audit.action"),
    any_of + choices["action"],
    key="admin_audit_action",
    format_func=fixed_labels(
        any_of + choices["action"], lambda v: known_label(f"admin.audit.action.{v}", v) if v else tr("common.all")
    ),
)
text = text_col.text_input(tr("common.search"), key="admin_audit_text", help=tr("admin.audit.search_help"))

filters = AuditFilter(
    date_from=date_from if isinstance(date_from, date) else None,
    date_to=date_to if isinstance(date_to, date) else None,
    actor=who,
    entity=entity,
    action=action,
    text=text,
    zone=settings().time_zone,
)
_, total = audit_page(filters, limit=0, offset=0)  # the count first: the page picker needs it
pages = max(1, -(-total // PAGE_SIZE))
if st.session_state.get("admin_audit_page", 1) > pages:  # fewer matches since the filters changed
    st.session_state["admin_audit_page"] = pages
page = (
    st.number_input(
        tr("admin.audit.page", pages=pages), min_value=1, max_value=pages, value=1, step=1, key="admin_audit_page"
    )
    if pages > 1
    else 1
)
events, total = audit_page(filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
if events.empty:
    st.info(
        tr("admin.audit.empty") if total == 0 and filters == AuditFilter(zone=filters.zone) else tr("common.no_results")
    )
    st.stop()
first = (page - 1) * PAGE_SIZE + 1
st.caption(tr("admin.audit.showing", first=first, last=first + len(events) - 1, total=total))
show_audit_events(events)
audit_export(filters)
