"""Admin: departments (the owning and requesting units of initiatives)."""

from cxgov.ui.admin.departments import render_departments

render_departments()
