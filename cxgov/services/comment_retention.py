"""Survey comments are customers' own words: removed once older than the retention period, and exported only by
those allowed to, each export recorded in the audit log (who, which KPI, which period, how many rows).

Purging removes the text only: the score and segments stay, so no figure changes.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov import audit
from cxgov.i18n import t
from cxgov.io.export import Column, Sheet, to_xlsx
from cxgov.models import Department, Kpi, SurveyResponse, TaxonomyTerm
from cxgov.models.base import utcnow
from cxgov.rules.permissions import Action, authorise
from cxgov.services.unit import Actor, acting_person, audit_actor, get_or_404
from cxgov.settings import get_settings

EXPORT_COLUMNS = ("date", "kpi", "score", "segments", "comment")
_KINDS = {"date": "date", "score": "number"}
SEGMENT_SEPARATOR = " · "


def retention_cut_off(today: date) -> date:
    """The first day whose comments are kept: comments of responses given before it are removed."""
    return today - timedelta(days=get_settings().comment_retention_days)


def comments_to_purge(*, session: Session, today: date) -> int:
    """How many stored comments are older than the retention period (what purging would remove); writes nothing."""
    return session.execute(
        sa.select(sa.func.count()).select_from(SurveyResponse).where(*_expired(retention_cut_off(today)))
    ).scalar_one()


def purge_comments(*, session: Session, actor: Actor, today: date) -> int:
    """Remove the comments of responses older than the retention period (scores and segments stay); returns how
    many were removed. One audit event for the run, with the count and the cut-off, even when none were due."""
    person = acting_person(session, actor)
    authorise(person, Action.IMPORT_MEASUREMENTS)
    cut_off = retention_cut_off(today)
    removed = session.execute(
        sa.update(SurveyResponse).where(*_expired(cut_off)).values(comment="", comment_removed_at=utcnow())
    ).rowcount
    audit.record(
        session,
        actor=audit_actor(person),
        entity="survey_response",
        entity_id="-",
        action="purge_comments",
        new={"comments": removed, "before": cut_off, "retention_days": get_settings().comment_retention_days},
    )
    return removed


def _expired(cut_off: date) -> tuple[sa.ColumnElement, ...]:
    return SurveyResponse.responded_on < cut_off, SurveyResponse.comment != ""


def export_comments(
    *, session: Session, actor: Actor, kpi_id: int, since: date, until: date, language: str = "en"
) -> pd.DataFrame:
    """The comments given on a KPI from `since` to `until` (both included), newest first, as a table (date, kpi,
    score, segments, comment); records who exported which KPI and period, and how many rows, in the audit log."""
    person = acting_person(session, actor)
    authorise(person, Action.EXPORT_COMMENTS, target=("kpi", kpi_id))
    kpi = get_or_404(session, Kpi, "kpi", kpi_id)
    channel, stage = aliased(TaxonomyTerm), aliased(TaxonomyTerm)
    name = "name_nl" if language == "nl" else "name_en"
    rows = session.execute(
        sa.select(
            SurveyResponse.responded_on,
            SurveyResponse.score,
            getattr(channel, name),
            getattr(stage, name),
            Department.name,
            SurveyResponse.touchpoint,
            SurveyResponse.region,
            SurveyResponse.comment,
        )
        .outerjoin(channel, channel.id == SurveyResponse.channel_id)
        .outerjoin(stage, stage.id == SurveyResponse.journey_stage_id)
        .outerjoin(Department, Department.id == SurveyResponse.department_id)
        .where(
            SurveyResponse.kpi_id == kpi_id,
            SurveyResponse.responded_on.between(since, until),
            SurveyResponse.comment != "",
        )
        .order_by(SurveyResponse.responded_on.desc(), SurveyResponse.id.desc())
    ).all()
    frame = pd.DataFrame(
        [
            (day, kpi.code, score, SEGMENT_SEPARATOR.join(s for s in segments if s), comment)
            for day, score, *segments, comment in rows
        ],
        columns=list(EXPORT_COLUMNS),
    )
    audit.record(
        session,
        actor=audit_actor(person),
        entity="kpi",
        entity_id=kpi_id,
        action="export_comments",
        new={"since": since, "until": until, "rows": len(frame)},
    )
    return frame


def comments_workbook(frame: pd.DataFrame, language: str = "en") -> bytes:
    """An export of `export_comments` as an XLSX file (cxgov.io.export: typed cells, a comment that looks like a
    formula stays text)."""
    columns = [
        Column(t(f"comments.col.{name}", language), _KINDS.get(name, "text"), name == "comment")
        for name in EXPORT_COLUMNS
    ]
    rows = frame[list(EXPORT_COLUMNS)].itertuples(index=False, name=None)
    return to_xlsx(Sheet(t("comments.export.sheet", language), columns, list(rows), language))
