"""Admin → Objectives: the strategic objectives initiatives contribute to."""

from __future__ import annotations

import streamlit as st

from cxgov.queries import admin as queries
from cxgov.rules.permissions import Action
from cxgov.services.reference import create_objective, update_objective
from cxgov.ui.admin.forms import FormField, add_form, edit_form, owner_field
from cxgov.ui.admin.tables import read_only_note, show_listing
from cxgov.ui.frame.acting import can
from cxgov.ui.kit.flash import show_flash
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import tr

AREAS = ("reference",)
COLUMNS = {
    "title": "admin.field.title",
    "description": "admin.field.description",
    "owner": "admin.field.owner",
    "active": "admin.field.active",
    "initiatives": "admin.field.initiatives",
}


def render_objectives() -> None:
    st.title(tr("page.objectives"))
    show_flash()
    objectives = read(queries.objectives, AREAS)
    show_listing(objectives, "admin.objectives.empty", COLUMNS)
    if not can(Action.MANAGE_REFERENCE_DATA):
        read_only_note()
        return
    fields = [
        FormField("title", "admin.field.title"),
        FormField("description", "admin.field.description", "area"),
        owner_field(read(queries.people, ("people",))),
        FormField("active", "admin.field.active", "check"),
    ]
    add_tab, edit_tab = st.tabs([tr("admin.add_objective"), tr("admin.edit_objective")])
    with add_tab:
        add_form("objectives", fields, service=create_objective, areas=AREAS)
    with edit_tab:
        edit_form(
            "objectives",
            objectives,
            fields,
            title_column="title",
            service=update_objective,
            id_arg="objective_id",
            areas=AREAS,
        )
