"""One initiative (deep link `initiative?id=42`): its facts, health, check-ins, KPIs and budget."""

from cxgov.ui.programs.initiative_page import render_detail

render_detail()
