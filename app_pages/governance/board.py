from cxgov.ui.governance.board import render_board

render_board()
