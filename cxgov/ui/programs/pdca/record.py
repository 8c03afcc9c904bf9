"""The PDCA record on the initiative page: the open cycle as an A3 (two columns of boxes), its moves with
their criteria (warn, ask a reason, never block — except funding), approval, the Act decision, the moves so
far, and earlier cycles as read-only history."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import CLOSED_STATUSES, ActDecision, Lane, Phase, Status
from cxgov.queries import pdca as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.rules.pdca import MOVING_STATUSES, NEXT_PHASE
from cxgov.services import pdca as service
from cxgov.ui.kit.initiative_table import text_cell
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import label, moment, tr
from cxgov.ui.kit.writes import submit
from cxgov.ui.programs.pdca.a3 import render_a3
from cxgov.ui.programs.pdca.move import render_move
from cxgov.ui.programs.pdca.record_form import render_record_form
from cxgov.ui.programs.pdca.saving import AREAS, after_save, record_values
from cxgov.ui.programs.plan.actions import render_plan_actions

CLOSED = {status.value for status in CLOSED_STATUSES}
QUICK_BOXES = (
    ("background", "pdca.quick.problem"),
    ("done_summary", "pdca.quick.change"),
    ("check_result", "pdca.quick.result"),
)  # a quick fix's three steps, in the cycle's own fields


def render_pdca(d: InitiativeDetail, may_edit: bool) -> None:
    """The record of `d`; `may_edit`: the acting person may edit this initiative (record, moves, decision)."""
    cycles = read(queries.cycles, AREAS, initiative_id=d.id)
    if cycles.empty:
        return
    cycle = cycles.iloc[0]
    open_work = d.status not in CLOSED
    if d.lane == Lane.QUICK_FIX.value:
        _quick_fix(d, cycle, may_edit and open_work)
    else:
        _project(d, cycle, cycles, may_edit)
    if may_edit and open_work:
        _lane_change(d)


def _project(d: InitiativeDetail, cycle: pd.Series, cycles: pd.DataFrame, may_edit: bool) -> None:
    phase = Phase(cycle["phase"])
    st.subheader(tr("pdca.cycle_title", n=int(cycle["number"]), phase=label(phase)))
    if d.status == Status.PROPOSED.value:
        _approval_note()
    render_a3(cycle)
    render_plan_actions(d, int(cycle["id"]), may_edit and d.status not in CLOSED)
    if may_edit:
        if phase is Phase.ACT and pd.isna(cycle["act_decision"]):
            _act_decision(d)
        elif phase in NEXT_PHASE and Status(d.status) in MOVING_STATUSES:
            render_move(d, phase, NEXT_PHASE[phase])
        render_record_form(d, cycle)
    _transitions(d.id)
    earlier = cycles.iloc[1:]
    if not earlier.empty:
        with st.expander(tr("pdca.earlier_cycles")):
            for _, old in earlier.iterrows():
                st.markdown(f"**{tr('pdca.cycle_title', n=int(old['number']), phase=label(Phase(old['phase'])))}**")
                render_a3(old)


def _quick_fix(d: InitiativeDetail, cycle: pd.Series, may_edit: bool) -> None:
    """Problem → change → result on one page, no gates: the third step completes the quick fix."""
    st.subheader(tr("pdca.quick.title"))
    boxes = st.columns(3, border=True)
    for box, (field, key) in zip(boxes, QUICK_BOXES, strict=True):
        box.markdown(f"**{tr(key)}**")
        box.markdown(plain(cycle[field]) if cycle[field] else f"*{tr('pdca.empty_box')}*")
    if not may_edit:
        return
    key = f"pdca_quick_{d.id}_{d.version}"
    with st.form(key):
        problem = st.text_area(tr("pdca.quick.problem"), value=cycle["background"], key=f"{key}.problem", height=90)
        change = st.text_area(tr("pdca.quick.change"), value=cycle["done_summary"], key=f"{key}.change", height=90)
        saved = st.form_submit_button(tr("pdca.quick.save"))
    if saved:
        data = record_values(cycle) | {"background": problem, "done_summary": change}
        after_save(
            submit(
                service.save_cycle_record, areas=("initiatives",), initiative_id=d.id, seen_version=d.version, data=data
            ),
            tr("form.saved"),
        )
    with st.form(f"pdca_quick_done_{d.id}"):
        result = st.text_area(tr("pdca.quick.result"), key=f"pdca_quick_result_{d.id}", height=90)
        done = st.form_submit_button(tr("pdca.quick.done"), type="primary")
    if done:
        after_save(
            submit(
                service.complete_quick_fix,
                areas=("initiatives",),
                initiative_id=d.id,
                seen_version=d.version,
                result=result,
            ),
            tr("pdca.quick.completed"),
        )


def _lane_change(d: InitiativeDetail) -> None:
    other = Lane.PROJECT if d.lane == Lane.QUICK_FIX.value else Lane.QUICK_FIX
    with st.expander(tr("pdca.lane.change"), icon=":material/swap_horiz:"), st.form(f"pdca_lane_{d.id}"):
        reason = st.text_input(tr("pdca.lane.reason", lane=label(other)), key=f"pdca_lane_reason_{d.id}")
        go = st.form_submit_button(tr("pdca.lane.submit", lane=label(other)))
    if go:
        after_save(
            submit(
                service.change_lane,
                areas=("initiatives",),
                initiative_id=d.id,
                seen_version=d.version,
                lane=other.value,
                reason=reason,
            ),
            tr("pdca.lane.changed", lane=label(other)),
        )


def _approval_note() -> None:
    """A proposal's work waits for funding; the decision itself is a status move (the panel above)."""
    st.info(tr("pdca.needs_approval_note"), icon=":material/account_balance:")


def _act_decision(d: InitiativeDetail) -> None:
    with st.form(f"pdca_act_{d.id}"):
        st.markdown(f"**{tr('pdca.decide')}**")
        decision = st.radio(
            tr("pdca.field.decision"),
            [m.value for m in ActDecision],
            key=f"pdca_decision_{d.id}",
            format_func=_decision_labels().__getitem__,
            help=tr("pdca.decision_help"),
        )
        lesson = st.text_area(tr("pdca.field.lesson"), key=f"pdca_lesson_{d.id}")
        submitted = st.form_submit_button(tr("pdca.decide"), type="primary")
    if submitted:
        after_save(
            submit(
                service.decide_act,
                areas=("initiatives",),
                initiative_id=d.id,
                seen_version=d.version,
                decision=decision,
                lesson=lesson,
            ),
            tr("pdca.decided"),
        )


def _decision_labels() -> dict[str, str]:
    # computed during the run: AppTest re-applies format_func outside it, where tr() has no language
    return {m.value: label(m) for m in ActDecision}


def _transitions(initiative_id: int) -> None:
    moves = read(queries.transitions, AREAS, initiative_id=initiative_id)
    if moves.empty:
        return
    st.markdown(f"**{tr('pdca.transitions')}**")
    st.dataframe(
        pd.DataFrame(
            {
                tr("pdca.col.moved_at"): [moment(v) for v in moves["moved_at"]],
                tr("pdca.col.move"): [
                    f"{tr('pdca.cycle_title', n=int(c), phase='')}{label(Phase(a))} → {label(Phase(b))}"
                    for c, a, b in zip(moves["cycle"], moves["from_phase"], moves["to_phase"], strict=True)
                ],
                tr("pdca.col.moved_by"): [text_cell(v) for v in moves["moved_by"]],
                tr("pdca.col.reason"): moves["reason"],
                tr("pdca.col.overridden"): [
                    ", ".join(tr(f"pdca.criterion.{k}") for k in v.split(",")) if v else "" for v in moves["overridden"]
                ],
            }
        ),
        hide_index=True,
        width="stretch",
    )
