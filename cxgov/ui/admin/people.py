"""Admin → People: their department, role and active flag, and local account passwords."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import Role
from cxgov.queries import admin as queries
from cxgov.rules.permissions import Action
from cxgov.services.people import create_person, update_person
from cxgov.ui.admin.forms import FormField, add_form, edit_form
from cxgov.ui.admin.passwords import password_reset_form
from cxgov.ui.admin.tables import read_only_note, show_table
from cxgov.ui.frame.acting import can
from cxgov.ui.kit.flash import show_flash
from cxgov.ui.kit.pickers import named
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import label, labelled, tr

COLUMNS = {
    "name": "admin.field.name",
    "email": "admin.field.email",
    "department": "admin.field.department",
    "role": "admin.field.role",
    "active": "admin.field.active",
    "initiatives": "admin.field.initiatives_owned",
}
ACCOUNT_COLUMNS = {"has_account": "admin.field.local_account", "locked": "admin.field.locked"}


def _filtered_people(department_names: dict[int, str]) -> pd.DataFrame:
    """The people matching the role, department and active filters above the table."""
    role_col, department_col, active_col = st.columns(3)
    roles, department_ids = [None, *Role], [None, *department_names]
    role = role_col.selectbox(
        tr("admin.field.role"),
        roles,
        key="admin_people_role",
        format_func=labelled({r: tr("common.all") if r is None else label(r) for r in roles}),
    )
    department_id = department_col.selectbox(
        tr("admin.field.department"),
        department_ids,
        key="admin_people_department",
        format_func=labelled({d: tr("common.all") if d is None else department_names[d] for d in department_ids}),
    )
    active = active_col.selectbox(
        tr("admin.field.active"),
        [True, False, None],
        key="admin_people_active",
        format_func=labelled({None: tr("common.all"), True: tr("admin.active_only"), False: tr("admin.inactive_only")}),
    )
    return read(queries.people, ("people",), role=role and role.value, department_id=department_id, active=active)


def _fields(departments: pd.DataFrame, department_names: dict[int, str]) -> list[FormField]:
    return [
        FormField("name", "admin.field.name"),
        FormField("email", "admin.field.email"),
        FormField(
            "department_id",
            "admin.field.department",
            "choice",
            (None, *departments.loc[departments["active"], "id"].tolist()),
            format=lambda d: tr("common.none") if d is None else department_names.get(d, str(d)),
        ),
        FormField("role", "admin.field.role", "choice", tuple(Role), format=label),
        FormField("active", "admin.field.active", "check"),
    ]


def render_people() -> None:
    st.title(tr("page.people"))
    show_flash()
    departments = read(queries.departments, ("reference",))
    department_names = named(departments)
    people = _filtered_people(department_names)
    st.caption(tr("admin.count", count=len(people)))
    manage_people, manage_accounts = can(Action.MANAGE_PEOPLE), can(Action.MANAGE_ACCOUNTS)
    # Who is locked out is for those who can let them back in.
    columns = COLUMNS | ACCOUNT_COLUMNS if manage_accounts else COLUMNS
    if people.empty:
        st.info(tr("common.no_results"))
    else:
        show_table(people, columns, enums={"role": Role})
    if not (manage_people or manage_accounts):
        read_only_note()
        return
    fields = _fields(departments, department_names)
    shown = (
        ("admin.add_person", manage_people),
        ("admin.edit_person", manage_people),
        ("admin.account.tab", manage_accounts),
    )
    tabs = iter(st.tabs([tr(key) for key, show in shown if show]))
    if manage_people:
        with next(tabs):
            add_form("people", fields, service=create_person, areas=("people",), defaults={"role": Role.VIEWER})
        with next(tabs):
            edit_form(
                "people",
                people,
                fields,
                title_column="name",
                service=update_person,
                id_arg="person_id",
                areas=("people",),
            )
    if manage_accounts:
        with next(tabs):
            password_reset_form(people)
