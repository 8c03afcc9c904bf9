"""Admin: people, their department, role and active flag, and local account passwords."""

import streamlit as st

from cxgov.models import Role
from cxgov.rules.permissions import Action
from cxgov.services.people import create_person, update_person
from cxgov.ui.acting import can
from cxgov.ui.admin import (
    FormField,
    add_form,
    edit_form,
    fixed_labels,
    password_reset_form,
    read_only_note,
    show_flash,
    show_table,
    table,
)
from cxgov.ui.text import label, tr

st.title(tr("page.people"))
show_flash()
departments = table("departments", "reference")
department_names = dict(zip(departments["id"].tolist(), departments["name"], strict=True))

role_col, department_col, active_col = st.columns(3)
roles, department_ids = [None, *Role], [None, *department_names]
role = role_col.selectbox(
    tr("admin.field.role"),
    roles,
    key="admin_people_role",
    format_func=fixed_labels(roles, lambda r: tr("common.all") if r is None else label(r)),
)
department_id = department_col.selectbox(
    tr("admin.field.department"),
    department_ids,
    key="admin_people_department",
    format_func=fixed_labels(department_ids, lambda d: tr("common.all") if d is None else department_names[d]),
)
active = active_col.selectbox(
    tr("admin.field.active"),
    [True, False, None],
    key="admin_people_active",
    format_func={None: tr("common.all"), True: tr("admin.active_only"), False: tr("admin.inactive_only")}.__getitem__,
)
people = table("people", "people", role=role and role.value, department_id=department_id, active=active)
st.caption(tr("admin.count", count=len(people)))
manage_people, manage_accounts = can(Action.MANAGE_PEOPLE), can(Action.MANAGE_ACCOUNTS)
columns = {
    "name": "admin.field.name",
    "email": "admin.field.email",
    "department": "admin.field.department",
    "role": "admin.field.role",
    "active": "admin.field.active",
    "initiatives": "admin.field.initiatives_owned",
}
if manage_accounts:  # who is locked out is for those who can let them back in
    columns |= {"has_account": "admin.field.local_account", "locked": "admin.field.locked"}
if people.empty:
    st.info(tr("common.no_results"))
else:
    show_table(people, columns, enums={"role": Role})

if not (manage_people or manage_accounts):
    read_only_note()
    st.stop()

active_departments = tuple(departments.loc[departments["active"], "id"].tolist())
FIELDS = [
    FormField("name", "admin.field.name"),
    FormField("email", "admin.field.email"),
    FormField(
        "department_id",
        "admin.field.department",
        "choice",
        (None, *active_departments),
        format=lambda d: tr("common.none") if d is None else department_names.get(d, str(d)),
    ),
    FormField("role", "admin.field.role", "choice", tuple(Role), format=label),
    FormField("active", "admin.field.active", "check"),
]
tabs = iter(
    st.tabs(
        [
            tr(key)
            for key, shown in (
                ("admin.add_person", manage_people),
                ("admin.edit_person", manage_people),
                ("admin.account.tab", manage_accounts),
            )
            if shown
        ]
    )
)
if manage_people:
    with next(tabs):
        add_form("people", FIELDS, service=create_person, areas=("people",), defaults={"role": Role.VIEWER})
    with next(tabs):
        edit_form(
            "people", people, FIELDS, title_column="name", service=update_person, id_arg="person_id", areas=("people",)
        )
if manage_accounts:
    with next(tabs):
        password_reset_form(people)
