"""One agenda item's live data, for presentation mode and the meeting page: a section's tables, charts and facts
read from the portfolio, an initiative's summary with its health and money, or a KPI's trend."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import AgendaItemKind, AgendaSection, Status
from cxgov.queries import initiatives as initiative_queries
from cxgov.queries.agenda_data import AgendaData
from cxgov.ui.governance.sections import render_section
from cxgov.ui.governance.sections.kpi_trend import render_kpi_trend
from cxgov.ui.governance.sections.views import SECTION_VIEWS
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import day, label, money, tr
from cxgov.ui.navigation import page_file
from cxgov.ui.programs.health import assessments, render_health_panel
from cxgov.ui.programs.initiative_reads import DETAIL_AREAS, detail


def item_id_value(value) -> int | None:
    """An id from an agenda row: pandas holds a missing one as NaN (and the others as floats then)."""
    return None if value is None or pd.isna(value) else int(value)


def render_item_data(item: dict, data: AgendaData, *, large: bool = False) -> None:
    """The live data of one agenda item (`item`: a row of the meeting record's agenda as a dict); a topic has
    none beyond its commentary. `large` draws it for a projector."""
    kind = AgendaItemKind(item["kind"])
    if kind is AgendaItemKind.SECTION:
        section = AgendaSection(item["section"])
        found = data.sections.get(section)
        if found is None:
            st.caption(tr("present.no_data"))
        elif section in SECTION_VIEWS:
            SECTION_VIEWS[section](found, large=large, key=f"item_{item['id']}")
        else:
            render_section(found, large=large, key=f"item_{item['id']}")
    elif kind is AgendaItemKind.INITIATIVE:
        _initiative(item_id_value(item["initiative_id"]), large=large)
    elif kind is AgendaItemKind.KPI:
        render_kpi_trend(item_id_value(item["kpi_id"]), data, large=large, key=f"item_{item['id']}")


def _initiative(initiative_id: int | None, *, large: bool) -> None:
    d = detail(initiative_id) if initiative_id is not None else None
    if d is None:
        st.caption(tr("present.initiative_gone"))
        return
    st.page_link(
        page_file("initiative"),
        label=tr("present.open_initiative", title=plain(d.title)),
        icon=":material/article:",
        query_params={"id": str(d.id)},
    )
    owner = tr("present.initiative.owner", owner=plain(d.owner), sponsor=plain(d.sponsor or "—"))
    st.markdown(
        f"{owner}  \n{tr('present.initiative.where', status=label(Status(d.status)), target=day(d.target_date))}"
    )
    if d.description:
        st.markdown(plain(d.description))
    render_health_panel(
        d.health,
        d.checkin_date,
        d.reason,
        assessments([d.id]).get(d.id),
        read(initiative_queries.check_ins, DETAIL_AREAS, initiative_id=d.id),
    )
    planned, spent, left = st.columns(3)
    planned.metric(tr("present.initiative.planned"), money(d.planned_cents))
    spent.metric(tr("present.initiative.spent"), money(d.actual_cents))
    left.metric(tr("present.initiative.progress"), f"{d.progress_pct}%")
    if large:
        st.progress(d.progress_pct / 100)
