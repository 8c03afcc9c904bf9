"""Admin: strategic objectives initiatives contribute to."""

from cxgov.ui.admin.objectives import render_objectives

render_objectives()
