"""Admin: departments (the owning and requesting units of initiatives)."""

import streamlit as st

from cxgov.rules.permissions import Action
from cxgov.services.reference import create_department, update_department
from cxgov.ui.acting import can
from cxgov.ui.admin import FormField, add_form, edit_form, read_only_note, show_flash, show_table, table
from cxgov.ui.text import tr

st.title(tr("page.departments"))
show_flash()
departments = table("departments", "reference")
st.caption(tr("admin.count", count=len(departments)))
if departments.empty:
    st.info(tr("admin.departments.empty"))
else:
    show_table(
        departments,
        {
            "name": "admin.field.name",
            "active": "admin.field.active",
            "people": "admin.field.people",
            "initiatives": "admin.field.initiatives_owned",
        },
    )

if not can(Action.MANAGE_REFERENCE_DATA):
    read_only_note()
    st.stop()

FIELDS = [FormField("name", "admin.field.name"), FormField("active", "admin.field.active", "check")]
add_tab, edit_tab = st.tabs([tr("admin.add_department"), tr("admin.edit_department")])
with add_tab:
    add_form("departments", FIELDS, service=create_department, areas=("reference",))
with edit_tab:
    edit_form(
        "departments",
        departments,
        FIELDS,
        title_column="name",
        service=update_department,
        id_arg="department_id",
        areas=("reference",),
    )
