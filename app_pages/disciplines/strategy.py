from cxgov.models import Discipline
from cxgov.ui.disciplines import render_discipline

render_discipline(Discipline.STRATEGY)
