"""Admin → KPIs: the KPI catalogue (scale, method, direction, primary source) and its readings: record, correct,
withdraw."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from cxgov.models import Direction, Discipline, KpiKind
from cxgov.queries import admin as queries
from cxgov.rules.permissions import Action
from cxgov.services.kpis import create_kpi, record_kpi_reading, update_kpi
from cxgov.ui.admin.forms import FormField, add_form, edit_form, owner_field
from cxgov.ui.admin.kpi_readings import render_reading_forms, render_readings
from cxgov.ui.admin.tables import read_only_note, show_listing
from cxgov.ui.frame.acting import can
from cxgov.ui.kit.flash import show_flash
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import label, tr

AREAS = ("kpis",)
COLUMNS = {
    "code": "admin.field.code",
    "name": "admin.field.name",
    "kind": "admin.field.kpi_kind",
    "unit": "admin.field.unit",
    "scale_min": "admin.field.scale_min",
    "scale_max": "admin.field.scale_max",
    "direction": "admin.field.direction",
    "discipline": "admin.field.discipline",
    "owner": "admin.field.owner",
    "primary_source": "readings.field.primary_source",
    "active": "admin.field.active",
    "readings": "admin.field.readings",
    "latest_period": "admin.field.latest_period",
    "disagreeing_months": "readings.col.disagreeing",
}
ENUMS = {"kind": KpiKind, "direction": Direction, "discipline": Discipline}


def _kpi_fields(people: pd.DataFrame) -> list[FormField]:
    return [
        FormField("code", "admin.field.code"),
        FormField("name", "admin.field.name"),
        FormField("kind", "admin.field.kpi_kind", "choice", tuple(KpiKind), format=label),
        FormField("unit", "admin.field.unit"),
        FormField("scale_min", "admin.field.scale_min", "float"),
        FormField("scale_max", "admin.field.scale_max", "float"),
        FormField("method", "admin.field.method", "area"),
        FormField("direction", "admin.field.direction", "choice", tuple(Direction), format=label),
        FormField(
            "discipline",
            "admin.field.discipline",
            "choice",
            (None, *Discipline),
            format=lambda d: tr("common.none") if d is None else label(Discipline(d)),
        ),
        owner_field(people),
        FormField("description", "admin.field.description", "area"),
        FormField("primary_source", "readings.field.primary_source"),
        FormField("active", "admin.field.active", "check"),
    ]


def _reading_form(kpis: pd.DataFrame, codes: dict[int, str], shown: int | None) -> None:
    """Record a reading of an active KPI, the one whose readings are shown above by default."""
    fields = [
        FormField(
            "kpi_id",
            "admin.field.kpi",
            "choice",
            tuple(kpis.loc[kpis["active"], "id"].tolist()),
            format=lambda k: codes.get(k, str(k)),
        ),
        FormField("period", "admin.field.period", "date"),
        FormField("value", "admin.field.value", "float"),
        FormField("sample_size", "admin.field.sample_size", "count"),
        FormField("source", "admin.field.source"),
    ]
    add_form(
        "readings",
        fields,
        service=record_kpi_reading,
        areas=AREAS,
        button="admin.record",
        defaults={"kpi_id": shown, "period": date.today().replace(day=1)},
    )


def render_kpis() -> None:
    st.title(tr("page.kpis"))
    show_flash()
    kpis = read(queries.kpis, AREAS)
    show_listing(kpis, "admin.kpis.empty", COLUMNS, ENUMS)
    codes, shown = {}, None
    if not kpis.empty:
        codes = dict(zip(kpis["id"].tolist(), kpis["code"] + " · " + kpis["name"], strict=True))
        shown = render_readings(codes)
    if not can(Action.MANAGE_KPIS):
        read_only_note()
        return
    fields = _kpi_fields(read(queries.people, ("people",)))
    # Keyed and tracked: the open tab stays open when a run draws one element more or less above it (the flash).
    add_tab, edit_tab, reading_tab, *reading_change_tabs = st.tabs(
        [
            tr("admin.add_kpi"),
            tr("admin.edit_kpi"),
            tr("admin.record_reading"),
            tr("readings.correct_tab"),
            tr("readings.withdraw_tab"),
        ],
        key="admin_kpis_tabs",
        on_change="rerun",
    )
    with add_tab:
        add_form("kpis", fields, service=create_kpi, areas=AREAS, defaults={"kind": KpiKind.NPS})
    with edit_tab:
        edit_form("kpis", kpis, fields, title_column="code", service=update_kpi, id_arg="kpi_id", areas=AREAS)
    if kpis.empty:
        for tab in (reading_tab, *reading_change_tabs):
            tab.caption(tr("admin.kpis.empty"))
        return
    with reading_tab:
        _reading_form(kpis, codes, shown)
    render_reading_forms(shown, reading_change_tabs)
