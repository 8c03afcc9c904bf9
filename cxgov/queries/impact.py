"""What initiatives did to their KPIs, honestly: per linked KPI baseline, target, the reading that counts, the
expected gain and the effect estimate with its 95% interval, verdict and method (cxgov.rules.impact chooses the
months, cxgov.rules.kpi_effects does the statistics); and, for the Measurement page, the gains open initiatives
claim per KPI against how the KPI actually moved.

Survey KPIs pool their monthly tallies (kpi_figure) over the months compared: year on year, or difference in
differences against the other segments of the dimension when the initiative ran in some segments only. KPIs
without responses compare the mean of their readings year on year, without an interval. Four statements at most
whatever the number of initiatives and months.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.dates import day_in
from cxgov.models import (
    CLOSED_STATUSES,
    Department,
    Initiative,
    InitiativeKpi,
    InitiativeSegment,
    Kpi,
    KpiFigure,
    KpiKind,
    PdcaCycle,
    Phase,
    PhaseTransition,
    SurveyResponse,
    TaxonomyTerm,
)
from cxgov.queries.base import code_text, read_frame
from cxgov.queries.readings import counting_readings, latest_counting_readings
from cxgov.rules.impact import (
    MEASURED,
    NO_SAMPLE,
    YOY,
    YOY_TYPED,
    Effect,
    Window,
    add_months,
    after_window,
    typed_effect,
)
from cxgov.rules.kpi_effects import Estimate, difference_in_differences, year_on_year
from cxgov.rules.kpi_engine import EMPTY, SCORING, Tally
from cxgov.settings import get_settings

IMPACT_COLUMNS = (
    "kpi_id",
    "code",
    "name",
    "kind",
    "direction",
    "baseline",
    "target",
    "target_date",
    "actual",
    "actual_period",
    "expected_gain",
    "state",
    "effect",
    "low",
    "high",
    "verdict",
    "method",
    "after_first",
    "after_last",
    "dimension",
    "treated",
    "control",
)


@dataclass(frozen=True)
class Impact:
    """One linked KPI of one initiative: what was promised, where the KPI stands, and the effect estimate."""

    initiative_id: int
    kpi_id: int
    code: str
    name: str
    kind: str
    direction: str
    baseline: float | None
    target: float | None
    target_date: date | None
    actual: float | None
    actual_period: date | None
    effect: Effect

    @property
    def expected_gain(self) -> float | None:
        """target − baseline: what the initiative set out to add."""
        return None if self.baseline is None or self.target is None else self.target - self.baseline


def initiative_impact(session: Session, initiative_id: int) -> pd.DataFrame:
    """The initiative's linked KPIs with their effect estimates (IMPACT_COLUMNS), by KPI code."""
    rows = [_row(impact) for impact in impacts(session, [initiative_id])]
    return pd.DataFrame(rows, columns=list(IMPACT_COLUMNS))


def _row(impact: Impact) -> tuple:
    effect, estimate = impact.effect, impact.effect.estimate or Estimate(None, None, None, "", "")
    window = effect.after
    return (
        impact.kpi_id,
        impact.code,
        impact.name,
        impact.kind,
        impact.direction,
        impact.baseline,
        impact.target,
        impact.target_date,
        impact.actual,
        impact.actual_period,
        impact.expected_gain,
        effect.state,
        estimate.value,
        estimate.low,
        estimate.high,
        estimate.verdict if effect.measured else effect.state,
        estimate.method if effect.measured else "",
        window.first if window else None,
        window.last if window else None,
        effect.dimension,
        list(effect.treated),
        list(effect.control),
    )


def impacts(session: Session, initiative_ids: Collection[int] | None) -> list[Impact]:
    """The linked KPIs of the initiatives (None: all) with their effects, by initiative and KPI code."""
    links = _links(session, initiative_ids)
    if not links:
        return []
    segments = _segments(session, initiative_ids)
    began = [link["began_on"] for link in links if link["began_on"] is not None]
    since = add_months(min(began), -12) if began else None
    figures = _figures(session, links, segments, since)
    readings = _typed_readings(session, links, since)
    min_n = get_settings().kpi_min_responses
    return [
        Impact(
            initiative_id=link["initiative_id"],
            kpi_id=link["kpi_id"],
            code=link["code"],
            name=link["name"],
            kind=link["kind"],
            direction=link["direction"],
            baseline=link["baseline"],
            target=link["target"],
            target_date=link["target_date"],
            actual=link["actual"],
            actual_period=link["actual_period"],
            effect=_effect(link, segments.get(link["initiative_id"]), figures, readings, min_n),
        )
        for link in links
    ]


def _only(column, ids: Collection[int] | None) -> list:
    return [] if ids is None else [column.in_(list(ids))]


def _links(session: Session, ids: Collection[int] | None) -> list[dict]:
    """Statement 1: each linked KPI with the day the initiative's work began and the KPI's latest reading."""
    latest = latest_counting_readings("impact_latest")
    entered_do = (
        sa.select(sa.func.max(PhaseTransition.moved_at))
        .where(PhaseTransition.cycle_id == PdcaCycle.id, PhaseTransition.to_phase == Phase.DO)
        .scalar_subquery()
    )
    has_figures = sa.exists().where(KpiFigure.kpi_id == Kpi.id)
    rows = session.execute(
        sa.select(
            InitiativeKpi.initiative_id,
            Kpi.id.label("kpi_id"),
            Kpi.code,
            Kpi.name,
            code_text(Kpi.kind).label("kind"),
            code_text(Kpi.direction).label("direction"),
            InitiativeKpi.baseline,
            InitiativeKpi.target,
            InitiativeKpi.target_date,
            latest.c.value.label("actual"),
            latest.c.period.label("actual_period"),
            code_text(PdcaCycle.phase).label("phase"),
            entered_do.label("entered_do"),
            PdcaCycle.do_started_on,
            Initiative.start_date,
            has_figures.label("has_figures"),
        )
        .join(Kpi, Kpi.id == InitiativeKpi.kpi_id)
        .join(Initiative, Initiative.id == InitiativeKpi.initiative_id)
        .outerjoin(PdcaCycle, sa.and_(PdcaCycle.initiative_id == Initiative.id, PdcaCycle.closed_on.is_(None)))
        .outerjoin(latest, latest.c.kpi_id == Kpi.id)
        .where(*_only(InitiativeKpi.initiative_id, ids))
        .order_by(InitiativeKpi.initiative_id, Kpi.code)
    ).mappings()
    zone = get_settings().time_zone
    return [dict(row) | {"began_on": _began_on(row, zone)} for row in rows]


def _began_on(row, zone: str) -> date | None:
    """When the current cycle entered Do (its recorded move, else its Do date, else the initiative's start);
    None while it is still in Plan."""
    if row["phase"] is None or row["phase"] == Phase.PLAN.value:
        return None
    moved = row["entered_do"]
    if isinstance(moved, str):  # SQLite returns a scalar subquery's timestamp as text
        moved = datetime.fromisoformat(moved)
    if moved is not None:
        return day_in(moved, zone)
    return row["do_started_on"] or row["start_date"]


def _segments(session: Session, ids: Collection[int] | None) -> dict[int, tuple[str, frozenset[str]]]:
    """Statement 2: initiative id -> (dimension, the segments it ran in)."""
    found: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for initiative_id, dimension, segment in session.execute(
        sa.select(InitiativeSegment.initiative_id, InitiativeSegment.dimension, InitiativeSegment.segment).where(
            *_only(InitiativeSegment.initiative_id, ids)
        )
    ):
        found[initiative_id][dimension].add(segment)
    # The service keeps one dimension per initiative; should two ever be stored, the first by name is used.
    return {i: (min(dims), frozenset(dims[min(dims)])) for i, dims in found.items()}


def _figures(session, links, segments, since) -> dict[int, list[tuple[date, str, str, Tally]]]:
    """Statement 3: the monthly tallies of the survey KPIs from `since` on, overall and for the segment
    dimensions the initiatives ran in: kpi id -> [(month, dimension, segment, tally)]."""
    kpis = {link["kpi_id"] for link in links if link["has_figures"]}
    if not kpis or since is None:
        return {}
    dimensions = {"", *(dimension for dimension, _ in segments.values())}
    found = defaultdict(list)
    for row in session.execute(
        sa.select(
            KpiFigure.kpi_id,
            KpiFigure.period,
            KpiFigure.dimension,
            KpiFigure.segment,
            KpiFigure.n,
            KpiFigure.total,
            KpiFigure.total_sq,
            KpiFigure.high,
            KpiFigure.low,
        ).where(
            KpiFigure.grain == "month",
            KpiFigure.kpi_id.in_(sorted(kpis)),
            KpiFigure.period >= since,
            KpiFigure.dimension.in_(sorted(dimensions)),
        )
    ):
        tally = Tally(row.n, float(row.total), float(row.total_sq), row.high, row.low)
        found[row.kpi_id].append((row.period, row.dimension, row.segment, tally))
    return found


def _typed_readings(session, links, since) -> dict[int, list[tuple[date, float]]]:
    """Statement 4: the readings that count of the KPIs without responses, from `since` on."""
    kpis = {link["kpi_id"] for link in links if not link["has_figures"]}
    if not kpis or since is None:
        return {}
    counting = counting_readings("impact_counting")
    found = defaultdict(list)
    for kpi_id, period, value in session.execute(
        sa.select(counting.c.kpi_id, counting.c.period, counting.c.value).where(
            counting.c.kpi_id.in_(sorted(kpis)), counting.c.period >= since, counting.c.value.is_not(None)
        )
    ):
        found[kpi_id].append((period, float(value)))
    return found


def _effect(link, segments, figures, readings, min_n: int) -> Effect:
    """The effect of one initiative on one linked KPI, or the reason it cannot be measured yet."""
    began = link["began_on"]
    if began is None:
        return Effect("no_do")
    if link["actual_period"] is None and not link["has_figures"]:
        return Effect("no_data")
    if not link["has_figures"]:
        return _typed(began, readings.get(link["kpi_id"], []))
    rows = figures.get(link["kpi_id"], [])
    overall = [(period, tally) for period, dimension, _, tally in rows if dimension == ""]
    window = after_window(began, max(period for period, _ in overall)) if overall else None
    if window is None:
        return Effect("no_months_after")
    kind = KpiKind(link["kind"])
    if segments is not None:
        return _did(kind, window, segments, rows, min_n)
    after, before = _pool(overall, window), _pool(overall, window.year_earlier)
    if before.n == 0:
        return Effect("no_year_earlier", after=window)
    return Effect(MEASURED, year_on_year(kind, before, after, min_n=min_n), window)


def _did(kind: KpiKind, window: Window, segments: tuple[str, frozenset[str]], rows, min_n: int) -> Effect:
    """Difference in differences: the segments the initiative ran in against the other segments of that
    dimension, each year on year (so the seasons cancel in both groups)."""
    dimension, treated = segments
    mine = [(period, tally) for period, d, segment, tally in rows if d == dimension and segment in treated]
    others = [(period, tally) for period, d, segment, tally in rows if d == dimension and segment not in treated]
    earlier = window.year_earlier
    compared = [(period, segment) for period, d, segment, _ in rows if d == dimension and segment not in treated]
    control = tuple(sorted({s for p, s in compared if window.holds(p) or earlier.holds(p)}))
    shown = {"after": window, "dimension": dimension, "treated": tuple(sorted(treated)), "control": control}
    treated_after, treated_before = _pool(mine, window), _pool(mine, earlier)
    control_after, control_before = _pool(others, window), _pool(others, earlier)
    if treated_after.n == 0:
        return Effect("no_months_after", **shown)
    if treated_before.n == 0:
        return Effect("no_year_earlier", **shown)
    if control_after.n == 0 or control_before.n == 0:
        return Effect("no_control", **shown)
    estimate = difference_in_differences(
        kind,
        treated_before=treated_before,
        treated_after=treated_after,
        control_before=control_before,
        control_after=control_after,
        min_n=min_n,
    )
    return Effect(MEASURED, estimate, **shown)


def _typed(began: date, readings: list[tuple[date, float]]) -> Effect:
    """Year on year of the typed readings' mean: an estimate without an interval (no sample behind it)."""
    window = after_window(began, max(period for period, _ in readings)) if readings else None
    if window is None:
        return Effect("no_months_after")
    earlier = window.year_earlier
    estimate = typed_effect(
        [value for period, value in readings if earlier.holds(period)],
        [value for period, value in readings if window.holds(period)],
    )
    if estimate is None:
        return Effect("no_year_earlier", after=window)
    return Effect(MEASURED, estimate, window)


def _pool(rows: list[tuple[date, Tally]], window: Window) -> Tally:
    """The tallies of the months in `window`, pooled (tallies add up)."""
    pooled = EMPTY
    for period, tally in rows:
        if window.holds(period):
            pooled = pooled + tally
    return pooled


# --- claimed against actual -----------------------------------------------------------------------------------

CLAIM_COLUMNS = (
    "kpi_id",
    "code",
    "name",
    "kind",
    "direction",
    "initiatives",
    "claimed",
    "quarter",
    "moved",
    "low",
    "high",
    "verdict",
    "method",
    "claims_exceed",
)


def claimed_vs_actual(session: Session, today: date | None = None) -> pd.DataFrame:
    """Per KPI that open initiatives claim a gain on: how many claim one and the sum of their claimed gains
    (target − baseline), against how the KPI moved from the same quarter a year earlier to the latest full
    quarter (survey KPIs year on year with their interval; others the change in the readings' mean, without
    one). `claims_exceed`: the claims add up to more than even the favourable end of the movement (double
    counting). Three statements."""
    quarter = _latest_full_quarter(today or date.today())
    earlier = add_months(quarter, -12)
    gain = InitiativeKpi.target - InitiativeKpi.baseline
    claims = read_frame(
        session,
        sa.select(
            Kpi.id.label("kpi_id"),
            Kpi.code,
            Kpi.name,
            code_text(Kpi.kind).label("kind"),
            code_text(Kpi.direction).label("direction"),
            sa.func.count(sa.distinct(InitiativeKpi.initiative_id)).label("initiatives"),
            sa.func.sum(gain).label("claimed"),
            sa.exists().where(KpiFigure.kpi_id == Kpi.id).label("has_figures"),
        )
        .join(InitiativeKpi, InitiativeKpi.kpi_id == Kpi.id)
        .join(Initiative, Initiative.id == InitiativeKpi.initiative_id)
        .where(Initiative.status.not_in(list(CLOSED_STATUSES)), gain.is_not(None), gain != 0)
        .group_by(Kpi.id, Kpi.code, Kpi.name, Kpi.kind, Kpi.direction)
        .order_by(Kpi.code),
    )
    if claims.empty:
        return pd.DataFrame(columns=list(CLAIM_COLUMNS))
    survey = [int(k) for k, has in zip(claims["kpi_id"], claims["has_figures"], strict=True) if has]
    typed = [int(k) for k, has in zip(claims["kpi_id"], claims["has_figures"], strict=True) if not has]
    tallies = _quarter_tallies(session, survey, (earlier, quarter))
    means = _quarter_means(session, typed, (earlier, quarter))
    min_n = get_settings().kpi_min_responses
    rows = []
    for claim in claims.itertuples():
        if claim.has_figures:
            before, after = (tallies.get((claim.kpi_id, q), EMPTY) for q in (earlier, quarter))
            kind = KpiKind(claim.kind)
            moved = (
                year_on_year(kind, before, after, min_n=min_n)
                if before.n and after.n and kind in SCORING
                else Estimate(None, None, None, "not_measurable", YOY)
            )
        else:
            old, new = (means.get((claim.kpi_id, q)) for q in (earlier, quarter))
            moved = (
                Estimate(new - old, None, None, NO_SAMPLE, YOY_TYPED)
                if old is not None and new is not None
                else Estimate(None, None, None, "not_measurable", YOY_TYPED)
            )
        claimed = float(claim.claimed)
        rows.append(
            (
                int(claim.kpi_id),
                claim.code,
                claim.name,
                claim.kind,
                claim.direction,
                int(claim.initiatives),
                claimed,
                quarter,
                moved.value,
                moved.low,
                moved.high,
                moved.verdict,
                moved.method,
                _exceeds(claimed, moved, claim.direction),
            )
        )
    return pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))


def _latest_full_quarter(today: date) -> date:
    """The first month of the last quarter that has ended before `today`."""
    return add_months(date(today.year, (today.month - 1) // 3 * 3 + 1, 1), -3)


def _quarter_tallies(session, kpis: list[int], quarters: tuple[date, date]) -> dict[tuple[int, date], Tally]:
    """The overall quarterly tallies of the survey KPIs for the two quarters."""
    if not kpis:
        return {}
    return {
        (row.kpi_id, row.period): Tally(row.n, float(row.total), float(row.total_sq), row.high, row.low)
        for row in session.execute(
            sa.select(
                KpiFigure.kpi_id,
                KpiFigure.period,
                KpiFigure.n,
                KpiFigure.total,
                KpiFigure.total_sq,
                KpiFigure.high,
                KpiFigure.low,
            ).where(
                KpiFigure.grain == "quarter",
                KpiFigure.dimension == "",
                KpiFigure.kpi_id.in_(kpis),
                KpiFigure.period.in_(list(quarters)),
            )
        )
    }


def _quarter_means(session, kpis: list[int], quarters: tuple[date, date]) -> dict[tuple[int, date], float]:
    """The mean of the readings that count per KPI within each of the two quarters (its three months)."""
    if not kpis:
        return {}
    counting = counting_readings("claims_counting")
    values: dict[tuple[int, date], list[float]] = defaultdict(list)
    for kpi_id, period, value in session.execute(
        sa.select(counting.c.kpi_id, counting.c.period, counting.c.value).where(
            counting.c.kpi_id.in_(kpis),
            sa.or_(*(counting.c.period.between(q, add_months(q, 2)) for q in quarters)),
            counting.c.value.is_not(None),
        )
    ):
        quarter = next(q for q in quarters if q <= period <= add_months(q, 2))
        values[(kpi_id, quarter)].append(float(value))
    return {key: sum(found) / len(found) for key, found in values.items()}


def _exceeds(claimed: float, moved: Estimate, direction: str) -> bool:
    """Do the claims add up to more than the KPI moved, even at the favourable end of its interval?"""
    if moved.value is None:
        return False
    sign = 1 if direction == "higher_is_better" else -1
    ends = [end for end in (moved.low, moved.high) if end is not None] or [moved.value]
    return sign * claimed > max(sign * end for end in ends)


# --- the segments an initiative can run in --------------------------------------------------------------------


def segment_choices(session: Session) -> pd.DataFrame:
    """Every segment value per dimension (dimension, segment, name_en, name_nl): channels and journey stages from
    the editable lists, departments, and the touchpoints and stores/regions the survey responses name."""
    terms = sa.select(
        code_text(TaxonomyTerm.kind).label("dimension"),
        sa.cast(TaxonomyTerm.id, sa.String).label("segment"),
        TaxonomyTerm.name_en,
        TaxonomyTerm.name_nl,
    )
    departments = sa.select(
        sa.literal("department").label("dimension"),
        sa.cast(Department.id, sa.String).label("segment"),
        Department.name.label("name_en"),
        Department.name.label("name_nl"),
    )
    texts = [
        sa.select(
            sa.literal(name).label("dimension"),
            column.label("segment"),
            column.label("name_en"),
            column.label("name_nl"),
        )
        .where(column != "")
        .distinct()
        for name, column in (("touchpoint", SurveyResponse.touchpoint), ("region", SurveyResponse.region))
    ]
    union = sa.union_all(terms, departments, *texts).subquery("segment_choice")
    return read_frame(session, sa.select(union).order_by(union.c.dimension, union.c.name_en))


def initiative_segments(session: Session, initiative_id: int) -> pd.DataFrame:
    """The segments the initiative ran in: dimension, segment (none: it ran everywhere)."""
    return read_frame(
        session,
        sa.select(InitiativeSegment.dimension, InitiativeSegment.segment)
        .where(InitiativeSegment.initiative_id == initiative_id)
        .order_by(InitiativeSegment.dimension, InitiativeSegment.segment),
    )
