"""The comments given on one KPI, as an Excel file, for those who may export them. The file is made when it is
downloaded, in a write unit of its own, so the audit log records every export that was actually taken (who, the
KPI, the period, the rows) and none that was only offered."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from cxgov.db import session_scope
from cxgov.rules.permissions import Action
from cxgov.services.comment_retention import comments_workbook, export_comments
from cxgov.ui.frame.acting import acting_person, can
from cxgov.ui.kit.runtime import engine
from cxgov.ui.kit.text import lang, tr

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DEFAULT_DAYS = 90  # a quarter of comments: what an analyst reads before a governance meeting


def render_comment_export(kpi: pd.Series) -> None:
    """A period and the download of the KPI's comments in it (nothing for those without the right)."""
    person = acting_person()
    if person is None or not can(Action.EXPORT_COMMENTS):
        return
    with st.expander(tr("comments.export.header")):
        st.caption(tr("comments.export.help"))
        today = date.today()
        since, until = st.columns(2)
        first = since.date_input(
            tr("comments.export.since"), today - timedelta(days=DEFAULT_DAYS), key="comments_since"
        )
        last = until.date_input(tr("comments.export.until"), today, key="comments_until")
        database, language, kpi_id, person_id = engine(), lang(), int(kpi["id"]), person.id

        def workbook() -> bytes:
            """Made on the click, as the person acting: the export is audited when it happens."""
            with session_scope(database, write=True) as session:
                frame = export_comments(
                    session=session, actor=person_id, kpi_id=kpi_id, since=first, until=last, language=language
                )
            return comments_workbook(frame, language)

        st.download_button(
            tr("comments.export.download"),
            data=workbook,
            file_name=f"comments-{kpi['code']}-{first.isoformat()}-{last.isoformat()}.xlsx",
            mime=XLSX,
            on_click="ignore",
            icon=":material/download:",
            disabled=first > last,
            key=f"comments_download_{kpi_id}",
        )
