"""The money section: planned against spent per discipline for the year to date, as the portfolio's budget chart,
and the running initiatives spending beyond their plan."""

from __future__ import annotations

import streamlit as st

from cxgov import charts
from cxgov.models import Discipline
from cxgov.queries.agenda_data import SectionData
from cxgov.ui.governance.sections import render_facts
from cxgov.ui.governance.sections.table import section_table
from cxgov.ui.kit.chart_text import labels_of, separators
from cxgov.ui.kit.text import money_prefix, tr

LARGE_CHART_PX = 480


def render_money(section: SectionData, *, large: bool, key: str) -> None:
    render_facts(section, large=large)
    spent = section.tables["by_discipline"].rename(columns={"spent_cents": "actual_cents"})
    if not spent.empty:
        figure = charts.budget_chart(
            spent,
            title=tr("present.money.chart", year=section.facts.get("year", "")),
            discipline_labels=labels_of(Discipline),
            planned_label=tr("present.money.planned"),
            actual_label=tr("present.money.spent"),
            amount_label=tr("present.money.amount"),
            separators=separators(),
            money_prefix=money_prefix(),
        )
        if large:
            figure.update_layout(height=LARGE_CHART_PX, font={"size": 16})
        st.plotly_chart(figure, key=f"{key}_money_chart")
    heading = tr("present.table.overruns")
    st.subheader(heading) if large else st.markdown(f"**{heading}**")
    section_table(section.tables["overruns"], caption=heading, key=f"{key}_overruns", large=large)
