"""Disciplines: culture — its initiatives, filtered, and its KPIs."""

from cxgov.ui.disciplines.discipline import render_discipline

render_discipline("culture")
