"""Governance: one meeting (deep link `meeting?id=N`)."""

from cxgov.ui.governance.meeting_page import render_meeting

render_meeting()
