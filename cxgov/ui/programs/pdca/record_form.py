"""Editing the open cycle's A3 record: the text boxes, the target KPI with baseline, target and date, and the
check's sample size; the check result starts as a draft from the target KPI's effect estimate, or where there is
none from its latest reading since Do started."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import Phase
from cxgov.queries import impact as impact_queries
from cxgov.queries import pdca as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.rules.pdca import Reading, check_summary, reading_period_since
from cxgov.services import pdca as service
from cxgov.ui.kit.past_dates import past_dates_confirmed
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import tr
from cxgov.ui.kit.writes import submit
from cxgov.ui.programs.impact import effect_sentence, segment_names
from cxgov.ui.programs.pdca.saving import AREAS, TEXT_FIELDS, after_save, date_or_none, number_or_none, whole_or_none


def render_record_form(d: InitiativeDetail, cycle: pd.Series) -> None:
    with st.expander(tr("pdca.edit_record"), icon=":material/edit_note:"):
        kpis = read(queries.kpi_choices, AREAS)
        kpi_names = {int(r.id): f"{r.code} · {r.name}" for r in kpis.itertuples()}
        current_kpi = None if pd.isna(cycle["target_kpi_id"]) else int(cycle["target_kpi_id"])
        draft = _check_draft(d, cycle, current_kpi)
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
                value=number_or_none(cycle["baseline_value"]),
                key=f"{key}.baseline_value",
                format="%g",
            )
            data["target_value"] = target[2].number_input(
                tr("pdca.field.target_value"),
                value=number_or_none(cycle["target_value"]),
                key=f"{key}.target_value",
                format="%g",
            )
            data["target_date"] = target[3].date_input(
                tr("pdca.field.target_date"),
                value=date_or_none(cycle["target_date"]),
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
                value=whole_or_none(cycle["check_sample_size"]),
                key=f"{key}.check_sample_size",
            )
            if draft and not cycle["check_result"]:
                st.caption(plain(tr("pdca.draft_from_readings", summary=draft)))
            submitted = st.form_submit_button(tr("pdca.save_record"), type="primary")
            confirmed = past_dates_confirmed(
                key,
                submitted,
                {tr("pdca.field.target_date"): (data["target_date"], date_or_none(cycle["target_date"]))},
            )
    if confirmed:
        after_save(
            submit(
                service.save_cycle_record,
                areas=("initiatives", "kpis"),
                initiative_id=d.id,
                seen_version=d.version,
                data=data,
            ),
            tr("form.saved"),
        )


def _check_draft(d: InitiativeDetail, cycle: pd.Series, kpi_id: int | None) -> str:
    """The check result's first draft: the target KPI's effect estimate where there is one ("NPS +4.2 ± 3.1
    year on year …: significant change"), else its latest reading since Do started ('' if none)."""
    if kpi_id is None or Phase(cycle["phase"]) not in (Phase.CHECK, Phase.ACT):
        return ""
    effects = read(impact_queries.initiative_impact, AREAS, initiative_id=d.id)
    measured = effects[(effects["kpi_id"] == kpi_id) & (effects["state"] == "measured")]
    if not measured.empty:
        row = next(measured.itertuples())
        return effect_sentence(row, segment_names(row.dimension) if row.dimension else {})
    since = None if pd.isna(cycle["do_started_on"]) else reading_period_since(cycle["do_started_on"])
    latest = read(queries.latest_target_reading, AREAS, kpi_id=kpi_id, since=since)
    if latest.empty:
        return ""
    row = latest.iloc[0]
    sample = None if pd.isna(row["sample_size"]) else int(row["sample_size"])
    return check_summary(
        str(cycle["target_kpi"]),
        number_or_none(cycle["baseline_value"]),
        number_or_none(cycle["target_value"]),
        Reading(row["period"], float(row["value"]), sample),
    )


def _check_value(cycle: pd.Series, field: str, draft: str) -> str:
    return cycle[field] or (draft if field == "check_result" else "")
