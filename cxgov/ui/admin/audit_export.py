"""Exporting the audit log's events matching the filters shown, as a spreadsheet (the export is audited too)."""

from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import streamlit as st

from cxgov.io.export import XLSX_MIME
from cxgov.queries.audit import AuditFilter
from cxgov.services.audit_export import export_audit_log
from cxgov.ui.kit.text import lang, tr
from cxgov.ui.kit.writes import show_errors, submit

EXPORT_KEY = "cxgov_admin_audit_export"


def audit_export(f: AuditFilter) -> None:
    """Export the events matching `f` in two steps: prepare (exports and audits), then download.

    A download button needs its file before it is clicked: offering it directly would export, and audit an
    export, on every run of the page. Preparing on request audits only exports that were really made.
    """
    prepared = st.session_state.get(EXPORT_KEY)
    if prepared is not None and prepared["filters"] != asdict(f):  # made for other filters than those shown now
        st.session_state.pop(EXPORT_KEY)
        prepared = None
    if st.button(
        tr("admin.audit.export.prepare"), key="admin_audit_export_prepare", help=tr("admin.audit.export.help")
    ):
        result = submit(export_audit_log, areas=("audit",), filters=f, language=lang())
        if not result.ok:
            show_errors(result)
            return
        prepared = {
            "filters": asdict(f),
            "data": result.value,
            "name": f"cxgov-audit-log-{pd.Timestamp.now(tz='UTC'):%Y%m%d-%H%M%S}.xlsx",
        }
        st.session_state[EXPORT_KEY] = prepared  # bytes and plain values only
    if prepared is None:
        return
    st.success(tr("admin.audit.export.ready"), icon=":material/check_circle:")
    st.download_button(
        tr("admin.audit.export.download"),
        data=prepared["data"],
        file_name=prepared["name"],
        mime=XLSX_MIME,
        key="admin_audit_export_download",
        on_click="ignore",
    )
