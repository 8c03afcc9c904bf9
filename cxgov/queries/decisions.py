"""The decisions register: every decision of the governance bodies with its status read from the chain (a
decision a later one superseded is superseded, or reversed when that one reverses it), and the decisions due for
review. One statement each, however long the register."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.models import Decision, DecisionKind, DecisionStatus, Initiative, Kpi, Meeting, Person
from cxgov.queries.base import code_text, read_frame
from cxgov.queries.meetings import with_integer_ids

OPTIONAL_IDS = (
    "meeting_id",
    "agenda_item_id",
    "initiative_id",
    "kpi_id",
    "supersedes_id",
    "superseded_by_id",
    "approves_minutes_of_id",
)
COLUMNS = (
    "id",
    "decided_on",
    "body",
    "meeting_id",
    "meeting_quarter",
    "agenda_item_id",
    "kind",
    "text",
    "rationale",
    "initiative_id",
    "initiative_title",
    "kpi_id",
    "kpi_name",
    "chair",
    "review_on",
    "new_target_date",
    "supersedes_id",
    "superseded_by_id",
    "status",
    "recorded_by",
    "approves_minutes_of_id",
)


def _register(*conditions) -> tuple[sa.Select, sa.ColumnElement]:
    """The register's rows narrowed by `conditions`, newest first, and the derived status (to filter on)."""
    successor = aliased(Decision, name="successor")
    chair, recorder = aliased(Person, name="chair"), aliased(Person, name="recorder")
    status = sa.case(
        (successor.id.is_(None), DecisionStatus.ACTIVE.value),
        (successor.reverses == sa.true(), DecisionStatus.REVERSED.value),
        else_=DecisionStatus.SUPERSEDED.value,
    )
    query = (
        sa.select(
            Decision.id,
            Decision.decided_on,
            Decision.body,
            Decision.meeting_id,
            Meeting.quarter,
            Decision.agenda_item_id,
            code_text(Decision.kind),
            Decision.text,
            Decision.rationale,
            Decision.initiative_id,
            Initiative.title,
            Decision.kpi_id,
            Kpi.name,
            chair.name,
            Decision.review_on,
            Decision.new_target_date,
            Decision.supersedes_id,
            successor.id,
            status,
            recorder.name,
            Decision.approves_minutes_of_id,
        )
        .outerjoin(successor, successor.supersedes_id == Decision.id)
        .outerjoin(Meeting, Meeting.id == Decision.meeting_id)
        .outerjoin(Initiative, Initiative.id == Decision.initiative_id)
        .outerjoin(Kpi, Kpi.id == Decision.kpi_id)
        .outerjoin(chair, chair.id == Decision.chair_id)
        .outerjoin(recorder, recorder.id == Decision.recorded_by_id)
        .where(*conditions)
        .order_by(Decision.decided_on.desc(), Decision.id.desc())
    )
    return query, status


def decision_register(
    session: Session,
    *,
    meeting_id: int | None = None,
    initiative_id: int | None = None,
    initiative_ids: Collection[int] | None = None,
    kind: DecisionKind | str | None = None,
    status: DecisionStatus | str | None = None,
) -> pd.DataFrame:
    """The register, newest first, narrowed to a meeting, an initiative (or any of several), a kind or a status
    (None: any)."""
    conditions = []
    if meeting_id is not None:
        conditions.append(Decision.meeting_id == meeting_id)
    if initiative_id is not None:
        conditions.append(Decision.initiative_id == initiative_id)
    if initiative_ids is not None:
        conditions.append(Decision.initiative_id.in_(list(initiative_ids)))
    if kind is not None:
        conditions.append(Decision.kind == DecisionKind(kind))
    query, derived = _register(*conditions)
    if status is not None:
        query = query.where(derived == DecisionStatus(status).value)
    return with_integer_ids(read_frame(session, query, COLUMNS), *OPTIONAL_IDS)


def decisions_due_for_review(session: Session, *, body: str, by: date) -> pd.DataFrame:
    """The body's active decisions whose review date is `by` or earlier, the longest due first."""
    query, derived = _register(Decision.body == body, Decision.review_on <= by)
    query = query.where(derived == DecisionStatus.ACTIVE.value).order_by(None).order_by(Decision.review_on, Decision.id)
    return with_integer_ids(read_frame(session, query, COLUMNS), *OPTIONAL_IDS)
