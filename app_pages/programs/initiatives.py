"""Initiatives: every initiative, filtered (shareable through the URL) and sorted, linking to its page."""

from cxgov.ui.programs.initiative_list import render_list

render_list()
