"""Governance: the meetings of the governance bodies, and new ones."""

from cxgov.ui.governance.meetings import render_meetings

render_meetings()
