"""A KPI's targets per month on the Measurement page, and for those who manage KPIs the forms to set a target
from a month on (a month that has one gets it changed) and to remove one. Both save against the versions the
person saw: a target someone else changed meanwhile is refused with "changed by X at T — reload"."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from cxgov.rules.kpi_status import target_in_force
from cxgov.rules.permissions import Action
from cxgov.services.kpi_targets import remove_kpi_target, set_kpi_target
from cxgov.ui.frame.acting import can
from cxgov.ui.kit.text import labelled, measure, month, tr
from cxgov.ui.kit.writes import forget_conflict, note_conflict, offer_reload, settle, submit

WRITE_AREAS = ("kpis",)
FIELD_LABELS = ("valid_from", "target", "kpi_id", "seen_version")


def _seen_key(kpi_id: int) -> str:
    return f"measurement_targets_seen_{kpi_id}"


def _seen(kpi_id: int, mine: pd.DataFrame) -> dict[int, tuple[date, int]]:
    """The targets as the person first saw them (id → month, version), kept until a save goes through."""
    key = _seen_key(kpi_id)
    if key not in st.session_state:
        st.session_state[key] = {int(r.id): (r.valid_from, int(r.version)) for r in mine.itertuples()}
    return st.session_state[key]


def render_targets(kpi: pd.Series, targets: pd.DataFrame) -> None:
    """The KPI's targets (the one in force now marked) and, for those who manage KPIs, set and remove."""
    kpi_id = int(kpi["id"])
    mine = targets[targets["kpi_id"] == kpi_id].sort_values("valid_from", ascending=False)
    st.subheader(tr("measurement_page.targets.header"))
    if mine.empty:
        st.caption(tr("measurement_page.targets.none"))
    else:
        now = date.today().replace(day=1)
        in_force = target_in_force(zip(mine["valid_from"], mine["target"], strict=True), now)
        current = max((v for v in mine["valid_from"] if v <= now), default=None)
        st.caption(tr("measurement_page.targets.now", target=measure(in_force)))
        table = pd.DataFrame(
            {
                tr("measurement_page.col.valid_from"): [month(v) for v in mine["valid_from"]],
                tr("measurement_page.col.target"): [measure(t) for t in mine["target"]],
                tr("measurement_page.col.in_force"): [
                    tr("measurement_page.in_force_now") if v == current else "" for v in mine["valid_from"]
                ],
                tr("measurement_page.col.set_by"): [s if isinstance(s, str) else "—" for s in mine["set_by"]],
            }
        )
        st.dataframe(table, hide_index=True, width="stretch", key="measurement_targets_table")
    if not can(Action.MANAGE_KPIS):
        return
    seen = _seen(kpi_id, mine)
    _set_form(kpi_id, seen)
    if not mine.empty:
        _remove_form(kpi_id, mine, seen)
    offer_reload(_seen_key(kpi_id), key="measurement_targets_reload", icon=":material/refresh:")


def _labels() -> dict[str, str]:
    return {name: tr(f"measurement_page.field.{name}") for name in FIELD_LABELS}


def _set_form(kpi_id: int, seen: dict[int, tuple[date, int]]) -> None:
    with st.form(f"measurement_target_set_{kpi_id}"):
        st.markdown(f"**{tr('measurement_page.targets.set')}**")
        left, right = st.columns(2)
        chosen = left.date_input(
            tr("measurement_page.field.valid_from"),
            value=date.today().replace(day=1),
            min_value=date(2000, 1, 1),
            max_value=date(2100, 12, 31),
            help=tr("measurement_page.field.valid_from_help"),
            key=f"measurement_target_month_{kpi_id}",
        )
        target = right.number_input(
            tr("measurement_page.field.target"), value=None, key=f"measurement_target_value_{kpi_id}"
        )
        if not st.form_submit_button(tr("measurement_page.targets.save"), icon=":material/flag:"):
            return
    valid_from = chosen.replace(day=1) if chosen is not None else None
    version = next((v for (m, v) in seen.values() if m == valid_from), None)
    data = {"kpi_id": kpi_id, "valid_from": valid_from, "target": target, "seen_version": version}
    _after(submit(set_kpi_target, areas=WRITE_AREAS, data=data), kpi_id, tr("measurement_page.targets.saved"))


def _remove_form(kpi_id: int, mine: pd.DataFrame, seen: dict[int, tuple[date, int]]) -> None:
    names = {
        int(r.id): tr("measurement_page.target_from", month=month(r.valid_from), target=measure(r.target))
        for r in mine.itertuples()
    }
    with st.form(f"measurement_target_remove_{kpi_id}"):
        st.markdown(f"**{tr('measurement_page.targets.remove')}**")
        target_id = st.selectbox(
            tr("measurement_page.field.which"),
            list(names),
            format_func=labelled(names),
            key=f"measurement_target_removed_{kpi_id}",
        )
        if not st.form_submit_button(tr("measurement_page.targets.remove_button"), icon=":material/delete:"):
            return
    version = seen.get(target_id, (None, None))[1]
    result = submit(remove_kpi_target, areas=WRITE_AREAS, target_id=target_id, seen_version=version)
    _after(result, kpi_id, tr("measurement_page.targets.removed"))


def _after(result, kpi_id: int, message: str) -> None:
    """A save went through: start again from what is stored; refused: say why (and offer Reload on a conflict)."""
    key = _seen_key(kpi_id)
    if result.ok:
        st.session_state.pop(key, None)
        forget_conflict(key)
    note_conflict(result, key, WRITE_AREAS)
    settle(result, message, _labels())
