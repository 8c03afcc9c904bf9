"""Governance: the decisions register."""

from cxgov.ui.governance.decisions import render_register

render_register()
