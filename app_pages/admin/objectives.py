"""Admin: strategic objectives initiatives contribute to."""

import streamlit as st

from cxgov.rules.permissions import Action
from cxgov.services.reference import create_objective, update_objective
from cxgov.ui.acting import can
from cxgov.ui.admin import FormField, add_form, edit_form, read_only_note, show_flash, show_table, table
from cxgov.ui.text import tr

st.title(tr("page.objectives"))
show_flash()
objectives = table("objectives", "reference")
st.caption(tr("admin.count", count=len(objectives)))
if objectives.empty:
    st.info(tr("admin.objectives.empty"))
else:
    show_table(
        objectives,
        {
            "title": "admin.field.title",
            "description": "admin.field.description",
            "owner": "admin.field.owner",
            "active": "admin.field.active",
            "initiatives": "admin.field.initiatives",
        },
    )

if not can(Action.MANAGE_REFERENCE_DATA):
    read_only_note()
    st.stop()

people = table("people", "people")
names = dict(zip(people["id"].tolist(), people["name"], strict=True))
FIELDS = [
    FormField("title", "admin.field.title"),
    FormField("description", "admin.field.description", "area"),
    FormField(
        "owner_id",
        "admin.field.owner",
        "choice",
        (None, *people.loc[people["active"], "id"].tolist()),
        format=lambda p: tr("common.none") if p is None else names.get(p, str(p)),
    ),
    FormField("active", "admin.field.active", "check"),
]
add_tab, edit_tab = st.tabs([tr("admin.add_objective"), tr("admin.edit_objective")])
with add_tab:
    add_form("objectives", FIELDS, service=create_objective, areas=("reference",))
with edit_tab:
    edit_form(
        "objectives",
        objectives,
        FIELDS,
        title_column="title",
        service=update_objective,
        id_arg="objective_id",
        areas=("reference",),
    )
