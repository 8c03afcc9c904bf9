"""The proposed agenda's sections as the board sees them: each section's facts as tiles and its tables, with a
chart where one says it better (a module per section that has one; the others use `render_section`)."""

from __future__ import annotations

import streamlit as st

from cxgov.queries.agenda_data import SectionData
from cxgov.ui.governance.sections.table import cell_text, facts_row, section_table
from cxgov.ui.kit.text import tr


def render_facts(section: SectionData, *, large: bool) -> None:
    facts_row(
        {tr(f"present.fact.{name}"): cell_text(name, value) for name, value in section.facts.items()}, large=large
    )


def render_tables(section: SectionData, *, large: bool, key: str, skip: tuple[str, ...] = ()) -> None:
    """Every table of the section under its heading, but those in `skip` (drawn otherwise by the caller)."""
    for name, frame in section.tables.items():
        if name in skip:
            continue
        heading = tr(f"present.table.{name}")
        if large:
            st.subheader(heading)
        else:
            st.markdown(f"**{heading}**")
        section_table(frame, caption=heading, key=f"{key}_{name}", large=large)


def render_section(section: SectionData, *, large: bool, key: str) -> None:
    """A section without a view of its own: its facts, then its tables."""
    render_facts(section, large=large)
    render_tables(section, large=large, key=key)
