"""Admin → KPIs, the readings of one KPI: where each came from, whether it counts (the only one of its month,
the primary source's, shown beside, or sources disagreeing), who corrected or withdrew it and why; and, for
those who manage KPIs, the forms to correct or withdraw a reading with a reason."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.queries import admin as queries
from cxgov.queries.readings import BESIDE, COUNTING, DISAGREE, WITHDRAWN
from cxgov.services.kpis import correct_kpi_reading, withdraw_kpi_reading
from cxgov.ui.admin.forms import FormField, edit_form, forget_seen_version
from cxgov.ui.kit.initiative_table import day_cell, text_cell
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import day, measure, moment, number, tr

AREAS = ("kpis",)
CORRECTION, WITHDRAWAL = "reading_correction", "reading_withdrawal"  # the two forms' names (keys, versions seen)
CORRECTION_FIELDS = [
    FormField("value", "admin.field.value", "float"),
    FormField("sample_size", "admin.field.sample_size", "count"),
    FormField("reason", "readings.field.reason"),
]
WITHDRAWAL_FIELDS = [FormField("reason", "readings.field.reason")]


def render_readings(codes: dict[int, str]) -> int:
    """Pick a KPI (id → "code · name") and show its readings; returns the KPI shown."""
    st.subheader(tr("admin.kpis.readings"))
    shown = st.selectbox(tr("admin.field.kpi"), list(codes), format_func=codes.get, key="admin_kpis_readings_of")
    readings = read(queries.kpi_readings, AREAS, kpi_id=shown)
    if readings.empty:
        st.caption(tr("admin.kpis.no_readings"))
        return shown
    disagreeing = sorted(set(readings.loc[readings["standing"] == DISAGREE, "period"]))
    if disagreeing:
        st.warning(
            tr("readings.disagree_warning", months=", ".join(day(p) for p in disagreeing)), icon=":material/balance:"
        )
    st.dataframe(_readings_view(readings), hide_index=True, width="stretch")
    return shown


def _readings_view(readings: pd.DataFrame) -> pd.DataFrame:
    beside = readings[readings["standing"] == BESIDE]
    also = {period: "; ".join(_reading_text(r) for r in rows.itertuples()) for period, rows in beside.groupby("period")}
    return pd.DataFrame(
        {
            tr("admin.field.period"): [day_cell(p) for p in readings["period"]],
            tr("admin.field.value"): [_number(v) for v in readings["value"]],
            tr("admin.field.sample_size"): [_number(n, 0) for n in readings["sample_size"]],
            tr("admin.field.source"): [text_cell(s) for s in readings["source"]],
            tr("readings.col.standing"): [tr(f"readings.standing.{s}") for s in readings["standing"]],
            tr("readings.col.also_reported"): [
                also.get(p, "") if s in COUNTING else ""
                for p, s in zip(readings["period"], readings["standing"], strict=True)
            ],
            tr("readings.col.corrected"): [_corrected(r) for r in readings.itertuples()],
            tr("readings.col.withdrawn"): [_withdrawn(r) for r in readings.itertuples()],
        }
    )


def _number(value, digits: int | None = None) -> str:
    """A reading's value as typed (7,5 in Dutch), or n with thousands grouped."""
    if value is None or pd.isna(value):
        return "—"
    return number(value, digits) if digits is not None else measure(value)


def _reading_text(row) -> str:
    sample = "" if pd.isna(row.sample_size) else f" (n = {int(row.sample_size)})"
    return f"{text_cell(row.source)}: {_number(row.value)}{sample}"


def _corrections(row) -> int:
    """How often the reading was corrected: each correction and the withdrawal moved its version on by one."""
    return int(row.version) - 1 - (row.standing == WITHDRAWN)


def _corrected(row) -> str:
    if _corrections(row) <= 0:
        return ""
    if row.standing == WITHDRAWN:  # the withdrawal is the latest change: who corrected it is in the audit log
        return tr("common.yes")
    return tr("readings.changed_by", who=text_cell(row.updated_by), when=moment(row.updated_at))


def _withdrawn(row) -> str:
    if row.standing != WITHDRAWN:
        return ""
    return tr(
        "readings.withdrawn_by",
        who=text_cell(row.withdrawn_by),
        when=moment(row.withdrawn_at),
        reason=row.withdrawal_reason,
    )


def render_reading_forms(kpi_id: int, tabs) -> None:
    """The correct and withdraw forms for the readings of `kpi_id` that can still change, in two tabs."""
    readings = read(queries.kpi_readings, AREAS, kpi_id=kpi_id)
    open_ = readings[readings["standing"] != WITHDRAWN].copy()
    open_["title"] = [f"{day_cell(r.period)} · {text_cell(r.source)} · {_number(r.value)}" for r in open_.itertuples()]
    correct_tab, withdraw_tab = tabs
    for tab, name, fields, service, hint in (
        (correct_tab, CORRECTION, CORRECTION_FIELDS, correct_kpi_reading, "readings.correct_hint"),
        (withdraw_tab, WITHDRAWAL, WITHDRAWAL_FIELDS, withdraw_kpi_reading, "readings.withdraw_hint"),
    ):
        with tab:
            if open_.empty:
                st.caption(tr("readings.none_to_change"))
                continue
            st.caption(tr(hint))
            edit_form(
                name,
                open_,
                fields,
                title_column="title",
                service=_forgetting_the_other(service, name),
                id_arg="reading_id",
                areas=AREAS,
            )


def _forgetting_the_other(service, name: str):
    """Both forms edit the same readings and each keeps the version it first saw: after a save through one, the
    other starts from the stored reading, or a withdrawal right after a correction would conflict with itself."""

    def run(**kwargs):
        result = service(**kwargs)
        forget_seen_version(WITHDRAWAL if name == CORRECTION else CORRECTION)
        return result

    return run
