"""The lessons library: every lesson learned and success story across all initiatives, searchable and
filtered by discipline, journey stage, department and decision (kept in the URL), each linking to its initiative."""

from __future__ import annotations

from dataclasses import asdict

import streamlit as st

from cxgov.models import ActDecision, Discipline, TaxonomyKind
from cxgov.queries import pdca as queries
from cxgov.ui.kit.initiative_table import initiative_table
from cxgov.ui.kit.pickers import named
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import counted, label, term_name, tr
from cxgov.ui.kit.url_filters import UrlFilters
from cxgov.ui.programs.initiative_reads import choices

AREAS = ("initiatives",)
COLUMNS = ("title", "act_decision", "lesson", "discipline", "owning_department", "decided_on")
FILTERS = UrlFilters("lessons")  # kept in the URL, so a filtered library can be shared


def render_lessons() -> None:
    st.title(tr("page.lessons"))
    st.caption(tr("lessons.intro"))
    options = choices()
    terms = options["terms"]
    stages = named(terms[terms["kind"] == TaxonomyKind.JOURNEY_STAGE.value], term_name)
    departments = named(options["departments"])
    text = FILTERS.search("lessons.search", "lessons.search_hint")
    row = st.columns(4)
    decisions = {d.value: tr(f"lessons.decision.{d.value}") for d in ActDecision}
    chosen = {
        "discipline": FILTERS.pick(
            "programs.field.discipline",
            "discipline",
            [d.value for d in Discipline],
            lambda code: label(Discipline(code)),
            row[0],
        ),
        "stage": FILTERS.pick("programs.field.journey_stages", "stage", list(stages), stages.get, row[1]),
        "department": FILTERS.pick(
            "programs.field.owning_department", "department", list(departments), departments.get, row[2]
        ),
        "decision": FILTERS.pick("lessons.decision", "decision", list(decisions), decisions.get, row[3]),
    }
    FILTERS.share({"q": text, **chosen})
    f = queries.LessonFilter(
        discipline=chosen["discipline"],
        journey_stage_id=chosen["stage"],
        department_id=chosen["department"],
        decision=chosen["decision"],
        text=text,
    )
    frame = read(queries.lessons, AREAS, **asdict(f))
    if frame.empty:
        st.info(tr("common.no_results") if f != queries.LessonFilter() else tr("lessons.empty"))
        return
    st.caption(counted("lessons.count", len(frame)))
    initiative_table(frame, COLUMNS, key="lessons_table", caption=tr("page.lessons"))
