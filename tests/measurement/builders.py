"""Survey responses written straight into the database, for tests that need figures without going through a file."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from cxgov.db import session_scope
from cxgov.models import Kpi, SurveyImport, SurveyResponse
from cxgov.services.figures import recompute_figures


def add_survey_kpi(engine, code: str = "RNPS", kind: str = "nps", name: str | None = None) -> int:
    """A survey KPI of `kind` in the catalogue."""
    with session_scope(engine, write=True) as session:
        kpi = Kpi(code=code, name=name or f"{code} ({kind})", kind=kind, scale_min=None, scale_max=None)
        session.add(kpi)
        session.flush()
        return kpi.id


def add_responses(engine, kpi_id: int, answers: list[tuple[date, int, dict]], *, recompute: bool = True) -> int:
    """Store (day, score, segments) answers as one import and recompute the KPI's figures; returns the import id."""
    with session_scope(engine, write=True) as session:
        batch = SurveyImport(kind="responses", file_name="test.csv", size=0, sha256="0" * 64, rows_added=len(answers))
        session.add(batch)
        session.flush()
        first = session.execute(sa.select(sa.func.count()).select_from(SurveyResponse)).scalar_one()
        session.execute(
            sa.insert(SurveyResponse),
            [
                {
                    "kpi_id": kpi_id,
                    "responded_on": day,
                    "period": day.replace(day=1),
                    "score": score,
                    "response_key": f"t{batch.id}:{first + position}",
                    "import_id": batch.id,
                    **segments,
                }
                for position, (day, score, segments) in enumerate(answers)
            ],
        )
        if recompute:
            recompute_figures(session, [kpi_id])
        return batch.id
