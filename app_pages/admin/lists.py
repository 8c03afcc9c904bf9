"""Admin: the editable lists initiatives are classified by — journey stages (klantreisfasen) and channels."""

import streamlit as st

from cxgov.models import TaxonomyKind
from cxgov.rules.permissions import Action
from cxgov.services.reference import create_term, update_term
from cxgov.ui.acting import can
from cxgov.ui.admin import (
    FormField,
    add_form,
    edit_form,
    fixed_labels,
    read_only_note,
    show_flash,
    show_table,
    table,
)
from cxgov.ui.text import label, lang, tr

st.title(tr("page.lists"))
st.caption(tr("admin.lists.intro"))
show_flash()
kind = (
    st.segmented_control(
        tr("admin.field.list"),
        list(TaxonomyKind),
        format_func=fixed_labels(TaxonomyKind, label),
        key="admin_lists_kind",
        default=TaxonomyKind.JOURNEY_STAGE,
    )
    or TaxonomyKind.JOURNEY_STAGE
)
terms = table("terms", "reference", kind=kind.value)
st.caption(tr("admin.count", count=len(terms)))
if terms.empty:
    st.info(tr("admin.lists.empty"))
else:
    show_table(
        terms,
        {
            "position": "admin.field.position",
            "code": "admin.field.code",
            "name_en": "admin.field.name_en",
            "name_nl": "admin.field.name_nl",
            "active": "admin.field.active",
        },
    )

if not can(Action.MANAGE_REFERENCE_DATA):
    read_only_note()
    st.stop()

FIELDS = [
    FormField("kind", "admin.field.list", "choice", tuple(TaxonomyKind), format=label),
    FormField("code", "admin.field.code"),
    FormField("name_en", "admin.field.name_en"),
    FormField("name_nl", "admin.field.name_nl"),
    FormField("position", "admin.field.position", "int"),
    FormField("active", "admin.field.active", "check"),
]
add_tab, edit_tab = st.tabs([tr("admin.add_term"), tr("admin.edit_term")])
with add_tab:
    add_form(
        "terms", FIELDS, service=create_term, areas=("reference",), defaults={"kind": kind, "position": len(terms) + 1}
    )
with edit_tab:
    edit_form(
        "terms",
        terms,
        FIELDS,
        title_column=f"name_{lang()}",
        service=update_term,
        id_arg="term_id",
        areas=("reference",),
    )
