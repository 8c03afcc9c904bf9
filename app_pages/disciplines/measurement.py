"""Disciplines: measurement — the overview, the KPI workplace, and CX against business."""

from cxgov.ui.measurement.page import render_measurement_page

render_measurement_page()
