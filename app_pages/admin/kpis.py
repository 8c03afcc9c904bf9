"""Admin: the KPI catalogue (scale, method, direction, primary source) and its readings: record, correct, withdraw."""

from cxgov.ui.admin.kpis import render_kpis

render_kpis()
