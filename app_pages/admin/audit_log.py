"""Admin: the audit log — every change, newest first, filtered and paged in SQL; chain verification; export."""

from cxgov.ui.admin.audit_log import render_audit_log

render_audit_log()
