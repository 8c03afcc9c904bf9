"""Admin → Departments: the owning and requesting units of initiatives."""

from __future__ import annotations

import streamlit as st

from cxgov.queries import admin as queries
from cxgov.rules.permissions import Action
from cxgov.services.reference import create_department, update_department
from cxgov.ui.admin.forms import FormField, add_form, edit_form
from cxgov.ui.admin.tables import read_only_note, show_listing
from cxgov.ui.frame.acting import can
from cxgov.ui.kit.flash import show_flash
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import tr

AREAS = ("reference",)
COLUMNS = {
    "name": "admin.field.name",
    "active": "admin.field.active",
    "people": "admin.field.people",
    "initiatives": "admin.field.initiatives_owned",
}
FIELDS = [FormField("name", "admin.field.name"), FormField("active", "admin.field.active", "check")]


def render_departments() -> None:
    st.title(tr("page.departments"))
    show_flash()
    departments = read(queries.departments, AREAS)
    show_listing(departments, "admin.departments.empty", COLUMNS)
    if not can(Action.MANAGE_REFERENCE_DATA):
        read_only_note()
        return
    add_tab, edit_tab = st.tabs([tr("admin.add_department"), tr("admin.edit_department")])
    with add_tab:
        add_form("departments", FIELDS, service=create_department, areas=AREAS)
    with edit_tab:
        edit_form(
            "departments",
            departments,
            FIELDS,
            title_column="name",
            service=update_department,
            id_arg="department_id",
            areas=AREAS,
        )
