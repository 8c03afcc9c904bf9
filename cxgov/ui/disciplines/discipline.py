"""A discipline page: what the discipline is, its initiatives (filterable) and its KPIs (cxgov.ui.disciplines.kpis)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from cxgov.models import Discipline, Lane, Phase, Status
from cxgov.queries import portfolio as queries
from cxgov.ui.disciplines.kpis import render_discipline_kpis
from cxgov.ui.kit.initiative_table import health_text, initiative_table
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.summary import render_summary
from cxgov.ui.kit.text import counted, label, tr

# A discipline lead scans health and why first, then who, where it stands, the money and the dates.
INITIATIVE_COLUMNS = (
    "title",
    "health",
    "reason",
    "owner",
    "status",
    "phase",
    "target_date",
    "planned_cents",
    "actual_cents",
    "lane",
)


def _enum_filter(enum_class) -> tuple[Callable, Callable]:
    return (lambda present: [m.value for m in enum_class if m.value in present], lambda code: label(enum_class(code)))


# Filter column → (options in display order from the values present, how an option is shown).
FILTERS: dict[str, tuple[Callable, Callable]] = {
    "status": _enum_filter(Status),
    "phase": _enum_filter(Phase),
    "health": (lambda present: [h for h in queries.HEALTH_ORDER if h in present], health_text),
    "lane": _enum_filter(Lane),
    "owner": (lambda present: sorted(present), str),
}


def render_discipline(code: str) -> None:
    """The whole page of one of the six CX disciplines, named by its code (`Discipline` value)."""
    discipline = Discipline(code)
    st.title(label(discipline))
    render_discipline_content(discipline)


def render_discipline_content(discipline: Discipline) -> None:
    """Everything of a discipline's page below its title: what it is, its initiatives and its KPIs."""
    st.markdown(tr(f"discipline.{discipline.value}.about"))
    render_summary(discipline)
    heading = tr("discipline.initiatives.header")
    st.subheader(heading)
    frame = read(queries.initiatives, discipline=discipline)
    if frame.empty:
        st.info(tr("discipline.initiatives.none"))
    else:
        shown = _filtered(frame, discipline)
        st.caption(counted("discipline.initiatives.shown", len(frame), shown=len(shown), total=len(frame)))
        if shown.empty:
            st.info(tr("common.no_results"))
        else:
            initiative_table(shown, INITIATIVE_COLUMNS, key=f"{discipline.value}_initiatives", caption=heading)
    render_discipline_kpis(discipline)


def _filtered(frame: pd.DataFrame, discipline: Discipline) -> pd.DataFrame:
    """The filter row (status, phase, health, lane, owner); an empty filter means all."""
    keep = pd.Series(True, index=frame.index)
    for cell, (column, (options, show)) in zip(st.columns(len(FILTERS)), FILTERS.items(), strict=True):
        present = set(frame[column].dropna())
        chosen = cell.multiselect(
            tr(f"discipline.filter.{column}"),
            options(present),
            format_func=show,
            placeholder=tr("common.all"),
            key=f"{discipline.value}_filter_{column}",
        )
        if chosen:
            keep &= frame[column].isin(chosen)
    return frame[keep]
