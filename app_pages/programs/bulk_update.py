"""Update my initiatives: health, reason, progress and target date of many initiatives in one grid."""

from cxgov.ui.programs.bulk_update import render_bulk_update

render_bulk_update()
