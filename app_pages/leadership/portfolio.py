from cxgov.ui.portfolio import render_portfolio

render_portfolio()
