from cxgov.models import Discipline
from cxgov.ui.disciplines.discipline import render_discipline

render_discipline(Discipline.STRATEGY)
