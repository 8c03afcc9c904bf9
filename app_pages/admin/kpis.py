"""Admin: the KPI catalogue (scale, method, direction) and recording KPI readings."""
from datetime import date

import streamlit as st

from cxgov.models import Direction, Discipline, KpiKind
from cxgov.permissions import Action
from cxgov.services.kpis import create_kpi, record_kpi_reading, update_kpi
from cxgov.ui.acting import can
from cxgov.ui.admin import FormField, add_form, edit_form, read_only_note, show_flash, show_table, table
from cxgov.ui.text import label, tr

st.title(tr("page.kpis"))
show_flash()
kpis = table("kpis", "kpis")
st.caption(tr("admin.count", count=len(kpis)))
if kpis.empty:
    st.info(tr("admin.kpis.empty"))
else:
    show_table(kpis, {"code": "admin.field.code", "name": "admin.field.name", "kind": "admin.field.kpi_kind",
                      "unit": "admin.field.unit", "scale_min": "admin.field.scale_min",
                      "scale_max": "admin.field.scale_max", "direction": "admin.field.direction",
                      "discipline": "admin.field.discipline", "owner": "admin.field.owner",
                      "active": "admin.field.active", "readings": "admin.field.readings",
                      "latest_period": "admin.field.latest_period"},
               enums={"kind": KpiKind, "direction": Direction, "discipline": Discipline})
    codes = dict(zip(kpis["id"].tolist(), kpis["code"] + " · " + kpis["name"], strict=True))
    st.subheader(tr("admin.kpis.readings"))
    shown = st.selectbox(tr("admin.field.kpi"), list(codes), format_func=codes.get, key="admin_kpis_readings_of")
    readings = table("kpi_readings", "kpis", kpi_id=shown)
    if readings.empty:
        st.caption(tr("admin.kpis.no_readings"))
    else:
        show_table(readings, {"period": "admin.field.period", "value": "admin.field.value",
                              "sample_size": "admin.field.sample_size", "source": "admin.field.source"})

if not can(Action.MANAGE_KPIS):
    read_only_note()
    st.stop()

people = table("people", "people")
names = dict(zip(people["id"].tolist(), people["name"], strict=True))
FIELDS = [
    FormField("code", "admin.field.code", max_chars=40),
    FormField("name", "admin.field.name", max_chars=160),
    FormField("kind", "admin.field.kpi_kind", "choice", tuple(KpiKind), format=label),
    FormField("unit", "admin.field.unit", max_chars=20),
    FormField("scale_min", "admin.field.scale_min", "float"),
    FormField("scale_max", "admin.field.scale_max", "float"),
    FormField("method", "admin.field.method", "area", max_chars=2_000),
    FormField("direction", "admin.field.direction", "choice", tuple(Direction), format=label),
    FormField("discipline", "admin.field.discipline", "choice", (None, *Discipline),
              format=lambda d: tr("common.none") if d is None else label(Discipline(d))),
    FormField("owner_id", "admin.field.owner", "choice", (None, *people.loc[people["active"], "id"].tolist()),
              format=lambda p: tr("common.none") if p is None else names.get(p, str(p))),
    FormField("description", "admin.field.description", "area", max_chars=5_000),
    FormField("active", "admin.field.active", "check"),
]
add_tab, edit_tab, reading_tab = st.tabs([tr("admin.add_kpi"), tr("admin.edit_kpi"), tr("admin.record_reading")])
with add_tab:
    add_form("kpis", FIELDS, service=create_kpi, areas=("kpis",), defaults={"kind": KpiKind.NPS})
with edit_tab:
    edit_form("kpis", kpis, FIELDS, title_column="code", service=update_kpi, id_arg="kpi_id", areas=("kpis",))
with reading_tab:
    if kpis.empty:
        st.caption(tr("admin.kpis.empty"))
    else:
        READING_FIELDS = [
            FormField("kpi_id", "admin.field.kpi", "choice", tuple(kpis.loc[kpis["active"], "id"].tolist()),
                      format=lambda k: codes.get(k, str(k))),
            FormField("period", "admin.field.period", "date"),
            FormField("value", "admin.field.value", "float"),
            FormField("sample_size", "admin.field.sample_size", "count"),
            FormField("source", "admin.field.source", max_chars=80),
        ]
        add_form("readings", READING_FIELDS, service=record_kpi_reading, areas=("kpis",), button="admin.record",
                 defaults={"kpi_id": shown, "period": date.today().replace(day=1)})
