"""The sections of a meeting's proposed agenda that are read from the portfolio: the decisions requested, the CX
scorecard, the portfolio mix, the exceptions, the lessons and the money. Each is a SectionData of plain
DataFrames (codes, ids, dates, cents) and plain facts, so the board pack can freeze it as a snapshot; each runs a
fixed number of statements whatever the portfolio's size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.models import (
    ActDecision,
    BoardAsk,
    BudgetLine,
    CheckIn,
    Expense,
    Health,
    Initiative,
    InitiativeTerm,
    KpiKind,
    Person,
    TaxonomyKind,
    TaxonomyTerm,
)
from cxgov.queries import kpis, portfolio
from cxgov.queries.base import (
    CLOSED,
    HEALTH_ORDER,
    NO_UPDATE,
    cents_sum,
    code_text,
    initiatives_query,
    latest_check_ins,
    read_frame,
)
from cxgov.queries.health import Assessment
from cxgov.queries.pdca import lessons
from cxgov.rules.health import SEVERITY

TREND_MONTHS = 12
# The scorecard's KPIs: how customers and employees experience the service. Operational and business KPIs stay
# on the discipline pages; the board reads them through the initiatives that move them.
CX_KPI_KINDS = frozenset({KpiKind.NPS, KpiKind.CSAT, KpiKind.CES, KpiKind.KTV, KpiKind.ENPS, KpiKind.MTV})
ATTENTION = (Health.RED.value, Health.AMBER.value)
# Lessons of work that finished (standardised) or goes round again (adjusted) since the last meeting.
LESSON_DECISIONS = (ActDecision.STANDARDISE.value, ActDecision.ADJUST.value)
MOVEMENTS = ("created", "completed", "cancelled")  # new, completed and stopped since the last meeting
PROPOSAL_COLUMNS = (
    "initiative_id",
    "title",
    "discipline",
    "lane",
    "priority",
    "owner_id",
    "owner",
    "requesting_department",
    "planned_cents",
    "created_at",
)
# One row per KPI: the latest value with its 95 % margin (half the interval; computed readings only) and whether
# it is indicative, and the year-on-year verdict of the engine where the KPI is computed from responses.
SCORECARD_COLUMNS = (
    "kpi_id",
    "code",
    "name",
    "kind",
    "unit",
    "scale_min",
    "scale_max",
    "direction",
    "period",
    "value",
    "margin",
    "indicative",
    "n",
    "year_before",
    "verdict",
    "target",
    "target_date",
    "trend",
)

EXCEPTION_COLUMNS = (
    "initiative_id",
    "title",
    "discipline",
    "status",
    "phase",
    "owner_id",
    "owner",
    "worst",  # the worse of the reported and the derived health
    "health",  # reported
    "reason",  # reported
    "checkin_date",
    "derived_health",
    "rule_reasons",  # the delivery rules that fired: rule, health, message key, parameters
    "path_to_green",  # the next steps of the latest check-in
    "ask",  # what the owner asks of this meeting
)


@dataclass(frozen=True)
class SectionData:
    """One section's data: named tables and named facts, plain values only."""

    tables: dict[str, pd.DataFrame]
    facts: dict[str, object]


def open_initiatives(session: Session, meeting_id: int) -> pd.DataFrame:
    """Open initiatives with their reported health, the next steps of their latest check-in (their path to
    green) and what their owner asks of this meeting (one statement)."""
    base = initiatives_query()
    next_steps = (
        sa.select(CheckIn.next_steps)
        .where(CheckIn.initiative_id == base.c.id)
        .order_by(CheckIn.checkin_date.desc(), CheckIn.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = (
        sa.select(
            base.c.id.label("initiative_id"),
            base.c.title,
            base.c.discipline,
            base.c.status,
            base.c.phase,
            base.c.owner_id,
            base.c.owner,
            base.c.health,
            base.c.reason,
            base.c.checkin_date,
            sa.func.coalesce(next_steps, "").label("path_to_green"),
            BoardAsk.ask,
        )
        .outerjoin(BoardAsk, sa.and_(BoardAsk.initiative_id == base.c.id, BoardAsk.meeting_id == meeting_id))
        .where(base.c.status.not_in(CLOSED))
        .order_by(base.c.id)
    )
    return read_frame(session, query)


def decisions_requested(session: Session, meeting_id: int) -> SectionData:
    """Proposals awaiting approval, oldest first, and what owners ask of this meeting."""
    proposals = portfolio.awaiting_approval(session).rename(columns={"id": "initiative_id"})[list(PROPOSAL_COLUMNS)]
    writer = aliased(Person, name="writer")
    owner = aliased(Person, name="owner")
    asks = read_frame(
        session,
        sa.select(
            BoardAsk.initiative_id,
            Initiative.title,
            code_text(Initiative.status).label("status"),
            Initiative.owner_id,
            owner.name.label("owner"),
            BoardAsk.ask,
            BoardAsk.updated_at,
            writer.name.label("written_by"),
        )
        .join(Initiative, Initiative.id == BoardAsk.initiative_id)
        .join(owner, owner.id == Initiative.owner_id)
        .outerjoin(writer, writer.id == BoardAsk.updated_by_id)
        .where(BoardAsk.meeting_id == meeting_id)
        .order_by(BoardAsk.updated_at, BoardAsk.initiative_id),
    )
    return SectionData(
        tables={"proposals": proposals.reset_index(drop=True), "asks": asks},
        facts={"proposals": len(proposals), "asks": len(asks)},
    )


def scorecard(session: Session, today: date) -> SectionData:
    """One row per active CX KPI: latest value, margin and n, the most ambitious target of the open initiatives,
    the value a year before with the engine's verdict on the change, and the trend of the last twelve months
    (four statements)."""
    catalogue = kpis.discipline_kpis(session, None)
    catalogue = catalogue[catalogue["kind"].isin([kind.value for kind in CX_KPI_KINDS])]
    targets = kpis.discipline_targets(session, None).set_index("kpi_id")
    # This month is rarely measured yet: the trend is the last twelve readings of the twelve months before it
    # and this one.
    first_month = _months_before(today.replace(day=1), TREND_MONTHS)
    readings = kpis.kpi_trends(session, None, first_month)
    trend = readings.groupby("kpi_id")["value"].agg(lambda values: list(values)[-TREND_MONTHS:])
    card = catalogue.rename(
        columns={
            "id": "kpi_id",
            "latest_period": "period",
            "latest_value": "value",
            "sample_size": "n",
            "previous_year_value": "year_before",
        }
    )
    verdicts = kpis.year_on_year_verdicts(session).set_index("kpi_id")["verdict"]
    card = card.assign(
        margin=(card["latest_high"] - card["latest_low"]) / 2,
        indicative=card["latest_indicative"].fillna(False).astype(bool),
        verdict=card["kpi_id"].map(verdicts),
    )[[c for c in SCORECARD_COLUMNS if c not in ("target", "target_date", "trend")]]
    card = card.assign(
        target=card["kpi_id"].map(targets["target"]),
        target_date=card["kpi_id"].map(targets["target_date"]),
        trend=card["kpi_id"].map(lambda kpi_id: list(trend.get(kpi_id, []))),
    )
    card = plain_values(card).reset_index(drop=True)
    return SectionData(tables={"scorecard": card}, facts={"kpis": len(card), "trend_from": first_month})


def _months_before(first_of_month: date, months: int) -> date:
    index = first_of_month.year * 12 + first_of_month.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def portfolio_section(session: Session, changes: pd.DataFrame) -> SectionData:
    """Open initiatives per discipline × reported health and per journey stage × reported health (two
    statements), and the initiatives new, completed and stopped since the last meeting."""
    latest = latest_check_ins()
    # Only what the counts need: the whole initiative row (budget sums, owner, phase) doubled the time.
    base = (
        sa.select(
            Initiative.id,
            code_text(Initiative.discipline).label("discipline"),
            sa.func.coalesce(code_text(latest.c.health), NO_UPDATE).label("health"),
        )
        .outerjoin(latest, latest.c.initiative_id == Initiative.id)
        .where(Initiative.status.not_in(CLOSED))
        .subquery("open_health")
    )
    by_discipline = read_frame(
        session,
        sa.select(base.c.discipline, base.c.health, sa.func.count().label("initiatives"))
        .group_by(base.c.discipline, base.c.health)
        .order_by(base.c.discipline, base.c.health),
    )
    stage = (
        sa.select(
            InitiativeTerm.initiative_id,
            TaxonomyTerm.id,
            TaxonomyTerm.code,
            TaxonomyTerm.name_en,
            TaxonomyTerm.name_nl,
            TaxonomyTerm.position,
        )
        .join(TaxonomyTerm, TaxonomyTerm.id == InitiativeTerm.term_id)
        .where(TaxonomyTerm.kind == TaxonomyKind.JOURNEY_STAGE)
        .subquery("stage")
    )
    by_stage = read_frame(
        session,
        sa.select(
            stage.c.id.label("journey_stage_id"),
            stage.c.code.label("journey_stage"),
            stage.c.name_en.label("journey_stage_en"),  # the stage's name in each language, for the board
            stage.c.name_nl.label("journey_stage_nl"),
            base.c.health,
            sa.func.count().label("initiatives"),
        )
        .outerjoin(stage, stage.c.initiative_id == base.c.id)
        .group_by(stage.c.id, stage.c.code, stage.c.name_en, stage.c.name_nl, stage.c.position, base.c.health)
        .order_by(stage.c.position.is_(None), stage.c.position, stage.c.id, base.c.health),
    )
    movements = changes[changes["change"].isin(MOVEMENTS)][["initiative_id", "title", "change", "at"]]
    counts = movements["change"].value_counts()
    return SectionData(
        tables={
            "by_discipline": _worst_first(by_discipline, ["discipline"]),
            "by_journey_stage": plain_values(by_stage),
            "movements": movements.reset_index(drop=True),
        },
        facts={
            "open": int(by_discipline["initiatives"].sum()),
            "new": int(counts.get("created", 0)),
            "completed": int(counts.get("completed", 0)),
            "stopped": int(counts.get("cancelled", 0)),
        },
    )


def plain_values(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing values as None rather than NaN (the snapshot and the pages read None as "not known")."""
    missing = [column for column in frame.columns if frame[column].isna().any()]
    if not missing:
        return frame
    columns = frame[missing].astype(object)
    return frame.assign(**columns.where(columns.notna(), None))


def _worst_first(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    order = frame["health"].map(HEALTH_ORDER.index)
    return frame.assign(order=order).sort_values([*keys, "order"]).drop(columns="order").reset_index(drop=True)


def exceptions(open_work: pd.DataFrame, judged: dict[int, Assessment]) -> SectionData:
    """Open initiatives red or amber by the rules or as reported, worst first, then longest without a report:
    the reported reason, the rules' reasons, the owner, the path to green and the ask."""
    derived = open_work["initiative_id"].map(lambda i: _code(judged[i].derived) if i in judged else None)
    reasons = open_work["initiative_id"].map(lambda i: _reasons(judged.get(i)))
    frame = open_work.assign(derived_health=derived, rule_reasons=reasons)
    flagged = frame[frame["health"].isin(ATTENTION) | frame["derived_health"].isin(ATTENTION)].copy()
    flagged["worst"] = [
        max((h for h in pair if h in ATTENTION), key=lambda h: SEVERITY[Health(h)])
        for pair in zip(flagged["health"], flagged["derived_health"], strict=True)
    ]
    flagged["severity"] = flagged["worst"].map(lambda h: -SEVERITY[Health(h)])
    flagged["reported_on"] = flagged["checkin_date"].map(lambda d: d or date.min)
    ordered = flagged.sort_values(["severity", "reported_on", "initiative_id"]).drop(
        columns=["severity", "reported_on"]
    )
    table = ordered[list(EXCEPTION_COLUMNS)].reset_index(drop=True)
    table = plain_values(table)
    return SectionData(
        tables={"exceptions": table},
        facts={"red": int((table["worst"] == Health.RED.value).sum()), "amber": int((table["worst"] == "amber").sum())},
    )


def _code(health: Health | None) -> str | None:
    return None if health is None else health.value


def _reasons(assessment: Assessment | None) -> list[dict]:
    """The delivery rules that fired, worst first, as plain values: rule, health, message key and parameters."""
    if assessment is None:
        return []
    return [
        {"rule": s.rule, "health": s.health.value, "reason": s.reason, "params": dict(s.params)}
        for s in assessment.delivery
    ]


def lessons_section(session: Session, since_day: date) -> SectionData:
    """Lessons of cycles standardised or adjusted on or after `since_day`, newest first (one statement)."""
    found = lessons(session, decided_since=since_day)
    found = found[found["act_decision"].isin(LESSON_DECISIONS)].rename(columns={"id": "initiative_id"})
    return SectionData(tables={"lessons": found.reset_index(drop=True)}, facts={"lessons": len(found)})


def money(session: Session, open_work: pd.DataFrame, judged: dict[int, Assessment], today: date) -> SectionData:
    """Planned and spent per discipline for the year to date (one statement), and the running initiatives whose
    spend is over their plan to date beyond the tolerance (the spend rule of the health rules)."""
    quarter = (today.month - 1) // 3 + 1
    planned = (
        sa.select(Initiative.discipline, cents_sum(BudgetLine.planned_cents).label("cents"))
        .join(Initiative, Initiative.id == BudgetLine.initiative_id)
        .where(BudgetLine.year == today.year, BudgetLine.quarter <= quarter)
        .group_by(Initiative.discipline)
        .subquery("planned")
    )
    spent = (
        sa.select(Initiative.discipline, cents_sum(Expense.amount_cents).label("cents"))
        .join(Initiative, Initiative.id == Expense.initiative_id)
        .where(Expense.spent_on >= date(today.year, 1, 1), Expense.spent_on <= today)
        .group_by(Initiative.discipline)
        .subquery("spent")
    )
    by_discipline = read_frame(
        session,
        sa.select(
            code_text(sa.func.coalesce(planned.c.discipline, spent.c.discipline)).label("discipline"),
            sa.func.coalesce(planned.c.cents, 0).label("planned_cents"),
            sa.func.coalesce(spent.c.cents, 0).label("spent_cents"),
        ).select_from(planned.join(spent, spent.c.discipline == planned.c.discipline, full=True)),
    ).sort_values("discipline")
    by_discipline = by_discipline.astype({"planned_cents": "int64", "spent_cents": "int64"})
    by_discipline["variance_cents"] = by_discipline["spent_cents"] - by_discipline["planned_cents"]
    overruns = _overruns(open_work, judged)
    return SectionData(
        tables={"by_discipline": by_discipline.reset_index(drop=True), "overruns": overruns},
        facts={
            "year": today.year,
            "quarter": quarter,
            "planned_cents": int(by_discipline["planned_cents"].sum()),
            "spent_cents": int(by_discipline["spent_cents"].sum()),
            "overruns": len(overruns),
        },
    )


def _overruns(open_work: pd.DataFrame, judged: dict[int, Assessment]) -> pd.DataFrame:
    """Running initiatives the spend rule fired on: planned to date, spent, and by how much over (in %; none when
    nothing was planned), most overspent first."""
    fired = pd.DataFrame(
        [
            (initiative_id, signal.params.get("planned", 0), signal.params["actual"], signal.params.get("pct"))
            for initiative_id, assessment in judged.items()
            for signal in assessment.delivery
            if signal.rule == "spend_over_plan"
        ],
        columns=["initiative_id", "planned_cents", "spent_cents", "over_pct"],
    )
    people = open_work[["initiative_id", "title", "discipline", "owner_id", "owner"]]
    overruns = people.merge(fired, on="initiative_id")
    overruns = overruns.assign(over=overruns["spent_cents"] - overruns["planned_cents"])
    overruns = overruns.sort_values(["over", "initiative_id"], ascending=[False, True]).drop(columns="over")
    return plain_values(overruns).reset_index(drop=True)
