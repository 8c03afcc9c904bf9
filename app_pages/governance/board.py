from cxgov.ui.portfolio import render_board

render_board()
