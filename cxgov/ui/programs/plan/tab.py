"""The "Plan & team" tab of the initiative page: milestones, risks, dependencies and team. Everyone reads; who
may change the plan gets the forms below each list, each change one service call with the version of the row
the user saw."""

from __future__ import annotations

from cxgov.queries.initiatives import InitiativeDetail
from cxgov.ui.programs.plan.dependencies import render_dependencies
from cxgov.ui.programs.plan.milestones import render_milestones
from cxgov.ui.programs.plan.risks import render_risks
from cxgov.ui.programs.plan.team import render_team


def render_plan_and_team(d: InitiativeDetail, may_edit: bool) -> None:
    """The tab: milestones, risks, dependencies and team; with forms when `may_edit`."""
    render_milestones(d, may_edit)
    render_risks(d, may_edit)
    render_dependencies(d, may_edit)
    render_team(d, may_edit)
