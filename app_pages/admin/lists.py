"""Admin: the editable lists initiatives are classified by — journey stages (klantreisfasen) and channels."""

from cxgov.ui.admin.lists import render_lists

render_lists()
