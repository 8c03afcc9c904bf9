"""Leadership: the portfolio at a glance (the default page)."""

from cxgov.ui.leadership.portfolio import render_portfolio

render_portfolio()
