"""Governance: the board's agenda — proposals, red, on hold and overdue initiatives."""

from cxgov.ui.governance.board import render_board

render_board()
