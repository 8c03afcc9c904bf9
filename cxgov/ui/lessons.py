"""The lessons library: every lesson learned and success story across all initiatives, searchable and
filtered by discipline, journey stage, department and decision, each linking to its initiative."""
from __future__ import annotations

from dataclasses import asdict

import streamlit as st

from cxgov.models import ActDecision, Discipline, TaxonomyKind
from cxgov.queries import pdca as queries
from cxgov.ui.initiative_table import initiative_table
from cxgov.ui.initiatives import choices
from cxgov.ui.portfolio import read
from cxgov.ui.text import label, lang, tr

AREAS = ("initiatives",)
COLUMNS = ("act_decision", "lesson", "discipline", "owning_department", "decided_on")


def _select(text_key: str, options: dict, key: str, column):
    """A filter select box: None is 'all'; labels computed now (AppTest calls format_func outside the run)."""
    names = {None: tr("common.all")} | options
    return column.selectbox(tr(text_key), list(names), format_func=names.__getitem__, key=key)


def render_lessons() -> None:
    st.title(tr("page.lessons"))
    st.caption(tr("lessons.intro"))
    options = choices()
    terms = options["terms"]
    stages = {int(r.id): (r.name_nl if lang() == "nl" else r.name_en)
              for r in terms[terms["kind"] == TaxonomyKind.JOURNEY_STAGE.value].itertuples()}
    departments = {int(r.id): r.name for r in options["departments"].itertuples()}
    text = st.text_input(tr("lessons.search"), key="lessons_q", placeholder=tr("lessons.search_hint"))
    row = st.columns(4)
    f = queries.LessonFilter(
        discipline=_select("programs.field.discipline", {d.value: label(d) for d in Discipline}, "lessons_discipline", row[0]),
        journey_stage_id=_select("programs.field.journey_stages", stages, "lessons_stage", row[1]),
        department_id=_select("programs.field.owning_department", departments, "lessons_department", row[2]),
        decision=_select("lessons.decision", {d.value: tr(f"lessons.decision.{d.value}") for d in ActDecision},
                         "lessons_decision", row[3]),
        text=text or "",
    )
    frame = read(queries.lessons, AREAS, **asdict(f))
    if frame.empty:
        st.info(tr("common.no_results") if f != queries.LessonFilter() else tr("lessons.empty"))
        return
    st.caption(tr("lessons.count_one") if len(frame) == 1 else tr("lessons.count", n=len(frame)))
    initiative_table(frame, COLUMNS, key="lessons_table")


