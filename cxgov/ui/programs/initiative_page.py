"""Programs → one initiative (deep link `initiative?id=42`): its facts, health, actions and status, and the
PDCA, plan & team, check-ins, KPIs (with their impact) and budget tabs."""

from __future__ import annotations

import streamlit as st

from cxgov.models import Discipline, Lane, Phase, Priority, Status, TaxonomyKind
from cxgov.queries import initiatives as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.rules.permissions import Action
from cxgov.ui.frame.acting import can
from cxgov.ui.governance.initiative_decisions import render_initiative_decisions
from cxgov.ui.kit.flash import show_flash
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import day, label, term_name, tr
from cxgov.ui.navigation import page_file
from cxgov.ui.programs.health import assessments, render_health_panel
from cxgov.ui.programs.impact import render_impact
from cxgov.ui.programs.initiative_reads import DETAIL_AREAS, detail, not_found, relations, requested_id, seen_key
from cxgov.ui.programs.initiative_tabs import render_budget, render_check_ins, render_kpis
from cxgov.ui.programs.inline_forms import render_actions
from cxgov.ui.programs.lifecycle import render_status_panel
from cxgov.ui.programs.pdca.record import render_pdca
from cxgov.ui.programs.plan.tab import render_plan_and_team


def _facts(d: InitiativeDetail) -> list[tuple[str, str]]:
    stages = [term_name(t) for t in d.terms if t.kind == TaxonomyKind.JOURNEY_STAGE]
    channels = [term_name(t) for t in d.terms if t.kind == TaxonomyKind.CHANNEL]
    phase = label(Phase(d.phase)) if d.phase else "—"
    return [
        ("programs.field.owner", d.owner),
        ("programs.field.sponsor", d.sponsor or "—"),
        ("programs.field.owning_department", d.owning_department or "—"),
        ("programs.field.requesting_department", d.requesting_department or "—"),
        ("programs.field.discipline", label(Discipline(d.discipline))),
        ("programs.field.objective", d.objective or "—"),
        ("programs.field.lane", label(Lane(d.lane))),
        ("programs.field.status", label(Status(d.status))),
        ("programs.field.phase", tr("programs.phase_in_cycle", phase=phase, n=d.cycle_number or 1)),
        ("programs.field.priority", label(Priority(d.priority))),
        ("programs.field.start_date", day(d.start_date)),
        ("programs.field.target_date", day(d.target_date)),
        ("programs.field.journey_stages", ", ".join(stages) or "—"),
        ("programs.field.channels", ", ".join(channels) or "—"),
        ("programs.field.project_code", d.project_code or "—"),
    ]


def render_detail() -> None:
    """One initiative, reached by `?id=`: facts, reported health, actions, check-ins, KPIs and budget."""
    show_flash(toast=True)
    initiative_id = requested_id()
    d = detail(initiative_id) if initiative_id is not None else None
    if d is None:
        st.title(tr("page.initiative"))
        not_found()
        return
    st.session_state.pop(seen_key(d.id), None)  # the next edit starts from what is stored then
    st.title(plain(d.title))
    st.page_link(page_file("initiatives"), label=tr("programs.back_to_list"), icon=":material/arrow_back:")
    render_health_panel(
        d.health,
        d.checkin_date,
        d.reason,
        assessments([d.id]).get(d.id),
        read(queries.check_ins, DETAIL_AREAS, initiative_id=d.id),
    )
    st.progress(d.progress_pct / 100, text=tr("programs.progress", pct=d.progress_pct))
    render_actions(d)
    render_status_panel(d, relations(d))
    left, right = st.columns(2)
    for i, (key, value) in enumerate(_facts(d)):
        (left if i % 2 == 0 else right).markdown(f"**{tr(key)}:** {plain(value)}")
    st.subheader(tr("programs.field.description"))
    st.markdown(plain(d.description) if d.description else f"*{tr('programs.no_description')}*")
    pdca_tab, plan_tab, checkins_tab, kpis_tab, budget_tab, decisions_tab = st.tabs(
        [
            tr("programs.tab.pdca"),
            tr("programs.tab.plan"),
            tr("programs.tab.check_ins"),
            tr("programs.tab.kpis"),
            tr("programs.tab.budget"),
            tr("programs.tab.decisions"),
        ]
    )
    may_edit = can(Action.EDIT_INITIATIVE, relations(d))
    with pdca_tab:
        render_pdca(d, may_edit=may_edit)
    with plan_tab:
        render_plan_and_team(d, may_edit=may_edit)
    with checkins_tab:
        render_check_ins(d.id)
    with kpis_tab:
        render_kpis(d.id)
        render_impact(d, may_edit=may_edit)
    with budget_tab:
        render_budget(d)
    with decisions_tab:
        render_initiative_decisions(d.id)
