"""What changed in the portfolio between two moments, as the governance board hears it: one line per change
naming the initiative (or KPI), who made it, when (UTC), and from what to what.

Read from the tables that keep history (status moves, phase moves, check-ins, KPI readings) and from the audit
trail where a value is overwritten (budget lines, target dates). A change made and undone between the two
moments is two lines: both happened. Budget changes are shown from `board_budget_change_pct` of the
initiative's previous plan; KPI movements from `board_kpi_move_pct` of the KPI's scale span (of the previous
value when the KPI has no full scale), comparing the latest reading at the first moment with the latest at the
second. Seven statements, whatever the size of the portfolio or of the trail.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.models import (
    AuditEvent,
    BudgetLine,
    CheckIn,
    Initiative,
    Kpi,
    KpiReading,
    Person,
    PhaseTransition,
    StatusMove,
    StatusTransition,
)
from cxgov.queries.base import NO_UPDATE, cents_sum, code_text
from cxgov.queries.readings import latest_counting_readings
from cxgov.settings import get_settings

CHANGE_COLUMNS = ("initiative_id", "title", "change", "who", "at", "from_value", "to_value", "kpi_id")
# The status moves the board hears about, by the change code they are listed under. Starting work (approved →
# active) is the phase move Plan → Do, listed as such; asking the owner for information changes nothing yet.
MOVE_CHANGES = {
    StatusMove.APPROVE: "approved",
    StatusMove.REJECT: "rejected",
    StatusMove.HOLD: "on_hold",
    StatusMove.RESUME: "resumed",
    StatusMove.COMPLETE: "completed",
    StatusMove.CANCEL: "cancelled",
}
# The order changes of one moment are listed in: what the initiative is first, then how it is doing.
CHANGE_ORDER = (
    "created",
    "approved",
    "rejected",
    "on_hold",
    "resumed",
    "completed",
    "cancelled",
    "phase",
    "reported_health",
    "derived_health",
    "target_date",
    "budget",
    "kpi",
)


def changes_since(session: Session, *, since: datetime, until: datetime) -> pd.DataFrame:
    """Every change after `since` up to and including `until` (aware datetimes), oldest first."""
    settings = get_settings()
    lines = [
        *_created(session, since, until),
        *_status_moves(session, since, until),
        *_phase_moves(session, since, until),
        *_health(session, since, until),
        *_target_dates(session, since, until),
        *_budget(session, since, until, settings.board_budget_change_pct),
        *_kpi_moves(session, since, until, settings.board_kpi_move_pct),
    ]
    changes = pd.DataFrame(lines, columns=list(CHANGE_COLUMNS), dtype=object)
    changes["at"] = changes["at"].map(_utc)
    changes["rank"] = changes["change"].map(CHANGE_ORDER.index)
    changes = changes.sort_values(["at", "rank", "initiative_id", "kpi_id"], kind="stable", na_position="last")
    return changes[list(CHANGE_COLUMNS)].reset_index(drop=True)


def _utc(moment: datetime | None) -> datetime | None:
    """Every time as UTC-aware (SQLite hands back naive values where a type is lost in an expression)."""
    if moment is None or pd.isna(moment):
        return None
    moment = moment.to_pydatetime() if isinstance(moment, pd.Timestamp) else moment
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _in(column, since: datetime, until: datetime) -> sa.ColumnElement:
    return sa.and_(column > since, column <= until)


def _lines(session: Session, query: sa.Select) -> list[tuple]:
    """The query's rows as change lines (its columns are those of CHANGE_COLUMNS, in order)."""
    return [tuple(row) for row in session.execute(query).all()]


def _row_id(entity: str) -> sa.ColumnElement:
    """The audited row's id as an integer, so the join uses the row table's primary key (comparing the ids as text
    made SQLite scan 5,000 initiatives per event: 2.3 s for a quarter of a busy trail). The CASE keeps the cast
    from ever meeting another entity's id, which need not be a number."""
    return sa.cast(sa.case((AuditEvent.entity == entity, AuditEvent.entity_id)), sa.Integer)


def _audit_who() -> sa.ColumnElement:
    """The acting person's name as the trail recorded it; none for the system."""
    return sa.case((AuditEvent.actor_id.is_(None), sa.null()), else_=AuditEvent.actor_name)


def _created(session: Session, since: datetime, until: datetime) -> list[tuple]:
    """New initiatives, with the status they were created in (before their first move)."""
    created = aliased(AuditEvent, name="created")
    first_move = (
        sa.select(code_text(StatusTransition.from_status))
        .where(StatusTransition.initiative_id == Initiative.id)
        .order_by(StatusTransition.id)
        .limit(1)
        .scalar_subquery()
    )
    return _lines(
        session,
        sa.select(
            Initiative.id,
            Initiative.title,
            sa.literal("created"),
            sa.case((created.actor_id.is_(None), sa.null()), else_=created.actor_name),
            Initiative.created_at,
            sa.null(),
            sa.func.coalesce(first_move, code_text(Initiative.status)),
            sa.null(),
        )
        .outerjoin(
            created,
            sa.and_(
                created.entity == "initiative",
                created.entity_id == sa.cast(Initiative.id, sa.String),
                created.action == "create",
                created.field.is_(None),
            ),
        )
        .where(_in(Initiative.created_at, since, until)),
    )


def _status_moves(session: Session, since: datetime, until: datetime) -> list[tuple]:
    change = sa.case(*((StatusTransition.move == move.value, code) for move, code in MOVE_CHANGES.items()))
    return _lines(
        session,
        sa.select(
            Initiative.id,
            Initiative.title,
            change,
            Person.name,
            StatusTransition.moved_at,
            code_text(StatusTransition.from_status),
            code_text(StatusTransition.to_status),
            sa.null(),
        )
        .join(Initiative, Initiative.id == StatusTransition.initiative_id)
        .outerjoin(Person, Person.id == StatusTransition.moved_by_id)
        .where(
            StatusTransition.move.in_([m.value for m in MOVE_CHANGES]),
            _in(StatusTransition.moved_at, since, until),
        ),
    )


def _phase_moves(session: Session, since: datetime, until: datetime) -> list[tuple]:
    return _lines(
        session,
        sa.select(
            Initiative.id,
            Initiative.title,
            sa.literal("phase"),
            Person.name,
            PhaseTransition.moved_at,
            code_text(PhaseTransition.from_phase),
            code_text(PhaseTransition.to_phase),
            sa.null(),
        )
        .join(Initiative, Initiative.id == PhaseTransition.initiative_id)
        .outerjoin(Person, Person.id == PhaseTransition.moved_by_id)
        .where(_in(PhaseTransition.moved_at, since, until)),
    )


def _health(session: Session, since: datetime, until: datetime) -> list[tuple]:
    """Reported and derived health, each against the check-in before it (the first check-in moves the reported
    health from 'no update'); only initiatives with a check-in in the window are ranked."""
    touched = sa.select(CheckIn.initiative_id).where(_in(CheckIn.created_at, since, until))
    in_order = {"partition_by": CheckIn.initiative_id, "order_by": (CheckIn.checkin_date, CheckIn.id)}
    ranked = (
        sa.select(
            CheckIn.initiative_id,
            CheckIn.author_id,
            CheckIn.created_at,
            code_text(CheckIn.health).label("health"),
            sa.func.coalesce(sa.func.lag(code_text(CheckIn.health)).over(**in_order), NO_UPDATE).label("health_before"),
            code_text(CheckIn.derived_health).label("derived"),
            sa.func.lag(code_text(CheckIn.derived_health)).over(**in_order).label("derived_before"),
        )
        .where(CheckIn.initiative_id.in_(touched))
        .subquery("ranked_check_in")
    )
    rows = session.execute(
        sa.select(
            ranked.c.initiative_id,
            Initiative.title,
            Person.name,
            ranked.c.created_at,
            ranked.c.health_before,
            ranked.c.health,
            ranked.c.derived_before,
            ranked.c.derived,
        )
        .join(Initiative, Initiative.id == ranked.c.initiative_id)
        .outerjoin(Person, Person.id == ranked.c.author_id)
        .where(
            _in(ranked.c.created_at, since, until),
            sa.or_(
                ranked.c.health != ranked.c.health_before,
                sa.and_(ranked.c.derived.is_not(None), ranked.c.derived.is_distinct_from(ranked.c.derived_before)),
            ),
        )
    ).all()
    lines = []
    for initiative_id, title, who, at, health_before, health, derived_before, derived in rows:
        if health != health_before:
            lines.append((initiative_id, title, "reported_health", who, at, health_before, health, None))
        if derived is not None and derived != derived_before:
            lines.append((initiative_id, title, "derived_health", who, at, derived_before, derived, None))
    return lines


def _target_dates(session: Session, since: datetime, until: datetime) -> list[tuple]:
    rows = _lines(
        session,
        sa.select(
            Initiative.id,
            Initiative.title,
            sa.literal("target_date"),
            _audit_who(),
            AuditEvent.occurred_at,
            AuditEvent.old_value,
            AuditEvent.new_value,
            sa.null(),
        )
        .join(Initiative, Initiative.id == _row_id("initiative"))
        .where(
            AuditEvent.entity == "initiative",
            AuditEvent.action == "update",
            AuditEvent.field == "target_date",
            _in(AuditEvent.occurred_at, since, until),
        ),
    )
    return [(*row[:5], _day(row[5]), _day(row[6]), row[7]) for row in rows]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _budget(session: Session, since: datetime, until: datetime, pct: int) -> list[tuple]:
    """Each audited change of a budget line, with the initiative's whole plan before and after it.

    The plan before a change is today's plan less every audited change from that one on. A line's 'create'
    event holds its first amount in a JSON text; rather than parse JSON two ways, it is the line's amount now
    less its audited updates. Events before `since` are not needed: their changes are in the plan already.
    """
    is_update = AuditEvent.action == "update"
    update_delta = sa.case(
        (is_update, sa.cast(AuditEvent.new_value, sa.BigInteger) - sa.cast(AuditEvent.old_value, sa.BigInteger)),
        else_=0,
    )
    events = (
        sa.select(
            AuditEvent.seq,
            AuditEvent.occurred_at,
            _audit_who().label("who"),
            BudgetLine.initiative_id,
            sa.case(
                (is_update, update_delta),
                else_=BudgetLine.planned_cents - sa.func.sum(update_delta).over(partition_by=BudgetLine.id),
            ).label("delta"),
        )
        .join(BudgetLine, BudgetLine.id == _row_id("budget_line"))
        .where(
            AuditEvent.entity == "budget_line",
            sa.or_(AuditEvent.action == "create", sa.and_(is_update, AuditEvent.field == "planned_cents")),
            AuditEvent.occurred_at > since,
        )
        .subquery("budget_event")
    )
    # Read per row through the (initiative, year, quarter) index: joining a grouped plan of every initiative
    # made SQLite compare each event with each initiative (5 s at 5,000 initiatives).
    plan_now = (
        sa.select(cents_sum(BudgetLine.planned_cents))
        .where(BudgetLine.initiative_id == events.c.initiative_id)
        .scalar_subquery()
    )
    from_then_on = sa.func.sum(events.c.delta).over(
        partition_by=events.c.initiative_id, order_by=events.c.seq.desc(), rows=(None, 0)
    )
    running = sa.select(
        events.c.initiative_id,
        events.c.who,
        events.c.occurred_at,
        events.c.delta,
        (plan_now - from_then_on).label("before"),
    ).subquery("running_plan")
    plans = sa.select(
        running.c.initiative_id,
        running.c.who,
        running.c.occurred_at,
        sa.cast(running.c.before, sa.BigInteger).label("before"),
        sa.cast(running.c.before + running.c.delta, sa.BigInteger).label("after"),
    ).subquery("plan_change")
    return _lines(
        session,
        sa.select(
            plans.c.initiative_id,
            Initiative.title,
            sa.literal("budget"),
            plans.c.who,
            plans.c.occurred_at,
            plans.c.before,
            plans.c.after,
            sa.null(),
        )
        .join(Initiative, Initiative.id == plans.c.initiative_id)
        .where(
            _in(plans.c.occurred_at, since, until),
            plans.c.after != plans.c.before,
            sa.func.abs(plans.c.after - plans.c.before) * 100 >= pct * plans.c.before,
        ),
    )


def _kpi_moves(session: Session, since: datetime, until: datetime, pct: int) -> list[tuple]:
    """Active KPIs whose latest reading at `until` moved from the latest at `since` by the threshold; who and
    when are the newer reading's (who recorded it, from the trail)."""
    before = latest_counting_readings("reading_then", until=since.date())
    after = latest_counting_readings("reading_now", until=until.date())
    newer = aliased(KpiReading, name="newer")
    recorded = aliased(AuditEvent, name="recorded")
    span = sa.case(
        (sa.and_(Kpi.scale_min.is_not(None), Kpi.scale_max.is_not(None)), Kpi.scale_max - Kpi.scale_min),
        else_=sa.func.abs(before.c.value),
    )
    return _lines(
        session,
        sa.select(
            sa.null(),
            Kpi.name,
            sa.literal("kpi"),
            sa.case((recorded.actor_id.is_(None), sa.null()), else_=recorded.actor_name),
            newer.created_at,
            before.c.value,
            after.c.value,
            Kpi.id,
        )
        .join(before, before.c.kpi_id == Kpi.id)
        .join(after, after.c.kpi_id == Kpi.id)
        .join(newer, newer.id == after.c.id)
        .outerjoin(
            recorded,
            sa.and_(
                recorded.entity == "kpi_reading",
                recorded.entity_id == sa.cast(after.c.id, sa.String),
                recorded.action == "create",
            ),
        )
        .where(
            Kpi.active,
            after.c.id != before.c.id,
            after.c.value != before.c.value,
            sa.func.abs(after.c.value - before.c.value) * 100 >= pct * span,
        ),
    )
