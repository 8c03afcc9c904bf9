"""Propose or create an initiative (no `?id=`), or edit one (`?id=42`)."""

from cxgov.ui.programs.initiative_form import render_form

render_form()
