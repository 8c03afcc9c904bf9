from cxgov.ui.leadership.portfolio import render_portfolio

render_portfolio()
