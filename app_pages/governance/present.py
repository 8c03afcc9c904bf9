"""Governance: a meeting in presentation mode, one agenda item at a time (deep link `present?id=N&item=K`)."""

from cxgov.ui.governance.present import render_present

render_present()
