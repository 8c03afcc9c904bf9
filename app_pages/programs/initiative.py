"""One initiative (deep link `initiative?id=42`): its facts, health, check-ins, KPIs and budget."""

from cxgov.ui.initiatives import render_detail

render_detail()
