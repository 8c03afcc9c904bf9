"""Measurement (the discipline page): the overview every discipline has, the CX analyst's KPI workplace, and CX
against business, in tabs kept in the URL (`?tab=`). A tab is one line of TABS: its label's key and what it draws."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from cxgov.models import Discipline
from cxgov.queries import measurement as queries
from cxgov.ui.disciplines.discipline import render_discipline_content
from cxgov.ui.imports.page import render_imports
from cxgov.ui.kit.flash import show_flash
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import label, tr
from cxgov.ui.measurement.catalogue import render_catalogue
from cxgov.ui.measurement.claims import render_claimed_vs_actual
from cxgov.ui.measurement.comments import render_comment_export
from cxgov.ui.measurement.cx_business import render_cx_business
from cxgov.ui.measurement.segments import render_segments
from cxgov.ui.measurement.shared import AREAS, choose
from cxgov.ui.measurement.targets import render_targets
from cxgov.ui.measurement.trend import render_kpi


def render_overview() -> None:
    """What the discipline is, its initiatives and its KPIs: the page every discipline has."""
    render_discipline_content(Discipline.MEASUREMENT)


def render_kpis() -> None:
    """The catalogue, then one KPI chosen (kept in the URL as `kpi`): trend, targets, segments."""
    kpis = read(queries.kpi_catalogue, AREAS)
    if kpis.empty:
        st.info(tr("measurement_page.no_kpis"))
        return
    targets = read(queries.kpi_targets, AREAS)
    render_catalogue(kpis, targets)
    st.subheader(tr("measurement_page.kpi.header"))
    names = dict(zip(kpis["id"], kpis["name"], strict=True))
    kpi_id = choose(tr("measurement_page.kpi.choose"), list(names), param="kpi", key="measurement_kpi", names=names)
    kpi = kpis.set_index("id", drop=False).loc[kpi_id]
    render_kpi(kpi, targets)
    render_targets(kpi, targets)
    render_segments(kpi)
    render_comment_export(kpi)


def render_cx_and_business() -> None:
    """A CX KPI beside a business KPI some months later."""
    render_cx_business(read(queries.kpi_catalogue, AREAS))


# The tabs in order: the key of the label, and what the tab draws. One line adds a tab.
TABS: tuple[tuple[str, Callable[[], None]], ...] = (
    ("measurement_page.tab.overview", render_overview),
    ("measurement_page.tab.kpis", render_kpis),
    ("measurement_page.tab.cx_business", render_cx_and_business),
    ("measurement_page.tab.claims", render_claimed_vs_actual),
    ("measurement_page.tab.import", render_imports),
)


def render_measurement_page() -> None:
    """The Measurement page: title, then the open tab only (the others are drawn when opened)."""
    st.title(label(Discipline.MEASUREMENT))
    show_flash()
    # The open tab lives in the URL: a save on the page or a refresh keeps it open, and a link can name it.
    tabs = st.tabs([tr(key) for key, _ in TABS], key="tab", bind="query-params")
    for tab, (_, render) in zip(tabs, TABS, strict=True):
        if tab.open:
            with tab:
                render()
