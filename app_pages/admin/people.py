"""Admin: people, their department, role and active flag, and local account passwords."""

from cxgov.ui.admin.people import render_people

render_people()
