"""Programs: the lessons library — lessons learned and success stories across all initiatives."""

from cxgov.ui.programs.lessons import render_lessons

render_lessons()
