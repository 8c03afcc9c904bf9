"""Programs: My work — what needs the signed-in person on their initiatives, most urgent first."""

from cxgov.ui.programs.my_work import render_my_work

render_my_work()
