"""The PDCA record on the initiative page: the open cycle as an A3 (two columns of boxes), its moves with
their criteria (warn, ask a reason, never block — except funding), approval, the Act decision, the moves so
far, and earlier cycles as read-only history."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import CLOSED_STATUSES, ActDecision, Lane, Phase, Status
from cxgov.queries import pdca as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.rules.pdca import NEXT_PHASE, Reading, check_summary, reading_period_since
from cxgov.services import pdca as service
from cxgov.ui.initiative_table import text_cell
from cxgov.ui.past_dates import past_dates_confirmed
from cxgov.ui.pdca_move import render_move
from cxgov.ui.plan import render_plan_actions
from cxgov.ui.portfolio import read
from cxgov.ui.safe import plain
from cxgov.ui.text import day, label, measure, moment, number, tr
from cxgov.ui.writes import WriteResult, settle, submit

AREAS = ("initiatives", "kpis", "budget")  # what the record reads: the initiative, its KPI readings, its budget
LEFT_BOXES = ("background", "current_condition", "target", "root_cause")
RIGHT_BOXES = ("hypothesis", "done_summary", "check_result", "lesson")
CLOSED = {status.value for status in CLOSED_STATUSES}
QUICK_BOXES = (
    ("background", "pdca.quick.problem"),
    ("done_summary", "pdca.quick.change"),
    ("check_result", "pdca.quick.result"),
)  # a quick fix's three steps, in the cycle's own fields
TEXT_FIELDS = ("background", "current_condition", "root_cause", "hypothesis", "done_summary", "check_result")


def _labels() -> dict[str, str]:
    names = (
        *TEXT_FIELDS,
        "target_kpi_id",
        "baseline_value",
        "target_value",
        "target_date",
        "check_sample_size",
        "decision",
        "lesson",
        "reason",
        "lane",
        "result",
    )
    return {name: tr(f"pdca.field.{name}") for name in names} | {
        "override_reason": tr("pdca.field.reason"),
        "status": tr("programs.field.status"),
        "phase": tr("programs.field.phase"),
    }


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
    _a3(cycle)
    render_plan_actions(d, int(cycle["id"]), may_edit and d.status not in CLOSED)
    if may_edit:
        if phase is Phase.ACT and pd.isna(cycle["act_decision"]):
            _act_decision(d)
        elif phase in NEXT_PHASE and d.status in (Status.PROPOSED.value, Status.APPROVED.value, Status.ACTIVE.value):
            render_move(d, phase, NEXT_PHASE[phase])
        _edit_record(d, cycle)
    _transitions(d.id)
    earlier = cycles.iloc[1:]
    if not earlier.empty:
        with st.expander(tr("pdca.earlier_cycles")):
            for _, old in earlier.iterrows():
                st.markdown(f"**{tr('pdca.cycle_title', n=int(old['number']), phase=label(Phase(old['phase'])))}**")
                _a3(old)


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
        data = _record_values(cycle) | {"background": problem, "done_summary": change}
        _after(
            submit(
                service.save_cycle_record, areas=("initiatives",), initiative_id=d.id, seen_version=d.version, data=data
            ),
            tr("form.saved"),
        )
    with st.form(f"pdca_quick_done_{d.id}"):
        result = st.text_area(tr("pdca.quick.result"), key=f"pdca_quick_result_{d.id}", height=90)
        done = st.form_submit_button(tr("pdca.quick.done"), type="primary")
    if done:
        _after(
            submit(
                service.complete_quick_fix,
                areas=("initiatives",),
                initiative_id=d.id,
                seen_version=d.version,
                result=result,
            ),
            tr("pdca.quick.completed"),
        )


def _record_values(cycle: pd.Series) -> dict:
    """The open cycle's whole record as the save expects it (a partial form keeps the other boxes)."""
    return {
        "target_kpi_id": _int(cycle["target_kpi_id"]),
        "baseline_value": _float(cycle["baseline_value"]),
        "target_value": _float(cycle["target_value"]),
        "target_date": _date(cycle["target_date"]),
        "check_sample_size": _int(cycle["check_sample_size"]),
    } | {f: cycle[f] for f in TEXT_FIELDS}


def _lane_change(d: InitiativeDetail) -> None:
    other = Lane.PROJECT if d.lane == Lane.QUICK_FIX.value else Lane.QUICK_FIX
    with st.expander(tr("pdca.lane.change"), icon=":material/swap_horiz:"), st.form(f"pdca_lane_{d.id}"):
        reason = st.text_input(tr("pdca.lane.reason", lane=label(other)), key=f"pdca_lane_reason_{d.id}")
        go = st.form_submit_button(tr("pdca.lane.submit", lane=label(other)))
    if go:
        _after(
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


def _a3(cycle: pd.Series) -> None:
    left, right = st.columns(2, border=True)
    for column, boxes in ((left, LEFT_BOXES), (right, RIGHT_BOXES)):
        for box in boxes:
            column.markdown(f"**{tr('pdca.field.target_kpi_id') if box == 'target' else tr(f'pdca.field.{box}')}**")
            column.markdown(_box_text(cycle, box))


def _box_text(cycle: pd.Series, box: str) -> str:
    empty = f"*{tr('pdca.empty_box')}*"
    if box == "target":
        if pd.isna(cycle["target_kpi_id"]):
            return empty
        return plain(
            tr(
                "pdca.target_line",
                kpi=cycle["target_kpi"],
                baseline=measure(cycle["baseline_value"]),
                target=measure(cycle["target_value"]),
                date=_day(cycle["target_date"]),
            )
        )
    if box == "lesson":
        if pd.isna(cycle["act_decision"]):
            return empty
        return f"{label(ActDecision(cycle['act_decision']))}: {plain(cycle['lesson'])}"
    text = cycle[box]
    if box == "background" and text and not pd.isna(cycle["lesson_from_cycle"]):
        text = tr("pdca.lesson_from_cycle", n=int(cycle["lesson_from_cycle"]), lesson=text)
    if box == "check_result" and text and not pd.isna(cycle["check_sample_size"]):
        text = f"{text} (n = {number(cycle['check_sample_size'], 0)})"
    return plain(text) if text else empty


def _day(value) -> str:
    return "—" if value is None or pd.isna(value) else day(value)


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
        _after(
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


def _edit_record(d: InitiativeDetail, cycle: pd.Series) -> None:
    with st.expander(tr("pdca.edit_record"), icon=":material/edit_note:"):
        kpis = read(queries.kpi_choices, AREAS)
        kpi_names = {int(r.id): f"{r.code} · {r.name}" for r in kpis.itertuples()}
        current_kpi = None if pd.isna(cycle["target_kpi_id"]) else int(cycle["target_kpi_id"])
        draft = _check_draft(cycle, current_kpi)
        key = f"pdca_record_{d.id}_{d.version}"  # a new version starts from what is stored then
        with st.form(key):
            data = {
                field: st.text_area(
                    tr(f"pdca.field.{field}"),
                    value=_check_value(cycle, field, draft),
                    key=f"{key}.{field}",
                    height=90,
                    help=tr("pdca.hypothesis_help") if field == "hypothesis" else None,
                )
                for field in TEXT_FIELDS[:4]
            }
            target = st.columns([2, 1, 1, 1])
            options = [None, *kpi_names]
            data["target_kpi_id"] = target[0].selectbox(
                tr("pdca.field.target_kpi_id"),
                options,
                index=options.index(current_kpi) if current_kpi in options else 0,
                format_func=({None: "—"} | kpi_names).__getitem__,
                key=f"{key}.target_kpi_id",
            )
            data["baseline_value"] = target[1].number_input(
                tr("pdca.field.baseline_value"),
                value=_float(cycle["baseline_value"]),
                key=f"{key}.baseline_value",
                format="%g",
            )
            data["target_value"] = target[2].number_input(
                tr("pdca.field.target_value"),
                value=_float(cycle["target_value"]),
                key=f"{key}.target_value",
                format="%g",
            )
            data["target_date"] = target[3].date_input(
                tr("pdca.field.target_date"),
                value=_date(cycle["target_date"]),
                format="DD-MM-YYYY",
                key=f"{key}.target_date",
            )
            for field in TEXT_FIELDS[4:]:
                data[field] = st.text_area(
                    tr(f"pdca.field.{field}"), value=_check_value(cycle, field, draft), key=f"{key}.{field}", height=90
                )
            data["check_sample_size"] = st.number_input(
                tr("pdca.field.check_sample_size"),
                min_value=0,
                step=1,
                value=_int(cycle["check_sample_size"]),
                key=f"{key}.check_sample_size",
            )
            if draft and not cycle["check_result"]:
                st.caption(plain(tr("pdca.draft_from_readings", summary=draft)))
            submitted = st.form_submit_button(tr("pdca.save_record"), type="primary")
            confirmed = past_dates_confirmed(
                key, submitted, {tr("pdca.field.target_date"): (data["target_date"], _date(cycle["target_date"]))}
            )
    if confirmed:
        _after(
            submit(
                service.save_cycle_record,
                areas=("initiatives", "kpis"),
                initiative_id=d.id,
                seen_version=d.version,
                data=data,
            ),
            tr("form.saved"),
        )


def _check_draft(cycle: pd.Series, kpi_id: int | None) -> str:
    """The check result's first draft from the target KPI's latest reading since Do started ('' if none)."""
    if kpi_id is None or Phase(cycle["phase"]) not in (Phase.CHECK, Phase.ACT):
        return ""
    since = None if pd.isna(cycle["do_started_on"]) else reading_period_since(cycle["do_started_on"])
    latest = read(queries.latest_target_reading, AREAS, kpi_id=kpi_id, since=since)
    if latest.empty:
        return ""
    row = latest.iloc[0]
    sample = None if pd.isna(row["sample_size"]) else int(row["sample_size"])
    return check_summary(
        str(cycle["target_kpi"]),
        _float(cycle["baseline_value"]),
        _float(cycle["target_value"]),
        Reading(row["period"], float(row["value"]), sample),
    )


def _check_value(cycle: pd.Series, field: str, draft: str) -> str:
    return cycle[field] or (draft if field == "check_result" else "")


def _float(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _date(value):
    return None if value is None or pd.isna(value) else value


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


def _after(result: WriteResult, message: str) -> None:
    settle(result, message, _labels())
