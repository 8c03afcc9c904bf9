"""Admin → Lists: the editable lists initiatives are classified by — journey stages (klantreisfasen) and
channels."""

from __future__ import annotations

import streamlit as st

from cxgov.models import TaxonomyKind
from cxgov.queries import admin as queries
from cxgov.rules.permissions import Action
from cxgov.services.reference import create_term, update_term
from cxgov.ui.admin.forms import FormField, add_form, edit_form
from cxgov.ui.admin.tables import read_only_note, show_listing
from cxgov.ui.frame.acting import can
from cxgov.ui.kit.flash import show_flash
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import label, labelled, term_name_column, tr

AREAS = ("reference",)
COLUMNS = {
    "position": "admin.field.position",
    "code": "admin.field.code",
    "name_en": "admin.field.name_en",
    "name_nl": "admin.field.name_nl",
    "active": "admin.field.active",
}
FIELDS = [
    FormField("kind", "admin.field.list", "choice", tuple(TaxonomyKind), format=label),
    FormField("code", "admin.field.code"),
    FormField("name_en", "admin.field.name_en"),
    FormField("name_nl", "admin.field.name_nl"),
    FormField("position", "admin.field.position", "int"),
    FormField("active", "admin.field.active", "check"),
]


def render_lists() -> None:
    st.title(tr("page.lists"))
    st.caption(tr("admin.lists.intro"))
    show_flash()
    kind = (
        st.segmented_control(
            tr("admin.field.list"),
            list(TaxonomyKind),
            format_func=labelled({k: label(k) for k in TaxonomyKind}),
            key="admin_lists_kind",
            default=TaxonomyKind.JOURNEY_STAGE,
        )
        or TaxonomyKind.JOURNEY_STAGE
    )
    terms = read(queries.terms, AREAS, kind=kind.value)
    show_listing(terms, "admin.lists.empty", COLUMNS)
    if not can(Action.MANAGE_REFERENCE_DATA):
        read_only_note()
        return
    add_tab, edit_tab = st.tabs([tr("admin.add_term"), tr("admin.edit_term")])
    with add_tab:
        add_form("terms", FIELDS, service=create_term, areas=AREAS, defaults={"kind": kind, "position": len(terms) + 1})
    with edit_tab:
        edit_form(
            "terms",
            terms,
            FIELDS,
            title_column=term_name_column(),
            service=update_term,
            id_arg="term_id",
            areas=AREAS,
        )
