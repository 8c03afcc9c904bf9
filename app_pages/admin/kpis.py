"""Admin: the KPI catalogue (scale, method, direction, primary source) and its readings: record, correct, withdraw."""

from datetime import date

import streamlit as st

from cxgov.models import Direction, Discipline, KpiKind
from cxgov.rules.permissions import Action
from cxgov.services.kpis import create_kpi, record_kpi_reading, update_kpi
from cxgov.ui.acting import can
from cxgov.ui.admin import FormField, add_form, edit_form, read_only_note, show_flash, show_table, table
from cxgov.ui.kpi_readings import render_reading_forms, render_readings
from cxgov.ui.text import label, tr

st.title(tr("page.kpis"))
show_flash()
kpis = table("kpis", "kpis")
st.caption(tr("admin.count", count=len(kpis)))
if kpis.empty:
    st.info(tr("admin.kpis.empty"))
else:
    show_table(
        kpis,
        {
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
        },
        enums={"kind": KpiKind, "direction": Direction, "discipline": Discipline},
    )
    codes = dict(zip(kpis["id"].tolist(), kpis["code"] + " · " + kpis["name"], strict=True))
    shown = render_readings(codes)

if not can(Action.MANAGE_KPIS):
    read_only_note()
    st.stop()

people = table("people", "people")
names = dict(zip(people["id"].tolist(), people["name"], strict=True))
FIELDS = [
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
    FormField(
        "owner_id",
        "admin.field.owner",
        "choice",
        (None, *people.loc[people["active"], "id"].tolist()),
        format=lambda p: tr("common.none") if p is None else names.get(p, str(p)),
    ),
    FormField("description", "admin.field.description", "area"),
    FormField("primary_source", "readings.field.primary_source"),
    FormField("active", "admin.field.active", "check"),
]
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
    add_form("kpis", FIELDS, service=create_kpi, areas=("kpis",), defaults={"kind": KpiKind.NPS})
with edit_tab:
    edit_form("kpis", kpis, FIELDS, title_column="code", service=update_kpi, id_arg="kpi_id", areas=("kpis",))
with reading_tab:
    if kpis.empty:
        st.caption(tr("admin.kpis.empty"))
    else:
        READING_FIELDS = [
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
            READING_FIELDS,
            service=record_kpi_reading,
            areas=("kpis",),
            button="admin.record",
            defaults={"kpi_id": shown, "period": date.today().replace(day=1)},
        )
if kpis.empty:
    for tab in reading_change_tabs:
        tab.caption(tr("admin.kpis.empty"))
else:
    render_reading_forms(shown, reading_change_tabs)
