"""Which sections have a view of their own (a chart, or columns chosen for the board); the others show their
facts and tables as they are."""

from __future__ import annotations

from collections.abc import Callable

from cxgov.models import AgendaSection
from cxgov.ui.governance.sections.changes import render_changes
from cxgov.ui.governance.sections.exceptions import render_exceptions
from cxgov.ui.governance.sections.money import render_money
from cxgov.ui.governance.sections.portfolio import render_portfolio
from cxgov.ui.governance.sections.record_sections import render_follow_up, render_opening, render_other_business
from cxgov.ui.governance.sections.scorecard import render_scorecard

SECTION_VIEWS: dict[AgendaSection, Callable[..., None]] = {
    AgendaSection.OPENING: render_opening,
    AgendaSection.FOLLOW_UP: render_follow_up,
    AgendaSection.OTHER_BUSINESS: render_other_business,
    AgendaSection.SCORECARD: render_scorecard,
    AgendaSection.PORTFOLIO: render_portfolio,
    AgendaSection.CHANGES: render_changes,
    AgendaSection.EXCEPTIONS: render_exceptions,
    AgendaSection.MONEY: render_money,
}
