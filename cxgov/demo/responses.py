"""The raw survey answers of the demo's survey KPIs (NPS, eNPS, CSAT, CES, KTV, MTV) over the 36 reading months;
the loader computes their figures and readings from them with the KPI engine (cxgov.services.figures).

Each month's answers are drawn so that their expected figure is where the KPI stands that month: its trend and
season and a little month-to-month variation (as cxgov/demo/portfolio.py does for typed readings), plus what
initiatives did in the segment they touched (content.SEGMENT_EFFECTS), such as the pilot of content.PILOT in two
stores' regions, whose other regions stay on trend as its control group. A touchpoint's mood moves its answers up
or down, weighted so that the KPI as a whole stays on its trend. How an expected figure becomes answers:

- NPS and eNPS: promoters, passives and detractors in the shares that give the month's NPS, with promoters and
  detractors together 62% (the split the typed readings' sampling error assumes); then a score within the group.
- CSAT: the share answering 4–5 is the month's value; the rest answer 1–3.
- KTV, MTV and CES: a normal distribution rounded onto the answer scale, centred so that its mean is the value.

Every answer has a day in its month (up to today in today's month), its segments (channel, touchpoint, journey
stage and department of the contact, or the department of an employee; the customer's store city as region) and,
for a few, a Dutch comment from a fixed set of sentences. Month sizes follow each KPI's sample range; the first
year grows into it, the eNPS pulse began as a small pilot, and small stores stay below the minimum number of
answers every month, so some figures are indicative.

Deterministic: each KPI has its own generators, seeded from the demo's seed and the KPI's code only, never from the
portfolio's generator, so the rest of the demo is the same with or without them, and whatever its size.
"""

from __future__ import annotations

import hashlib
import json
import random
from calendar import monthrange
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

import numpy as np
from scipy.special import ndtr

from cxgov.demo import content
from cxgov.demo.content import KpiSpec, SegmentEffect
from cxgov.demo.portfolio import (
    READING_MONTHS,
    DemoPortfolio,
    add_months,
    first_reading_month,
    is_survey,
    phase_month,
    ramp,
    trend,
)
from cxgov.models.enums import KpiKind
from cxgov.rules.kpi_engine import SCORING

SPREAD = 0.62  # promoters + detractors: a typical Dutch retail split, as the typed readings' sampling error assumes
# Within a group, how the answers spread over its scores (detractors mostly give 5 or 6, rarely 0).
PROMOTER_SCORES = {9: 0.45, 10: 0.55}
PASSIVE_SCORES = {7: 0.45, 8: 0.55}
DETRACTOR_SCORES = {0: 0.05, 1: 0.04, 2: 0.05, 3: 0.09, 4: 0.14, 5: 0.26, 6: 0.37}
SATISFIED_SCORES = {4: 0.55, 5: 0.45}
UNSATISFIED_SCORES = {1: 0.25, 2: 0.3, 3: 0.45}
# A touchpoint's mood of ±1 moves its answers by this much, in the KPI's own unit.
MOOD_UNIT = {
    KpiKind.NPS: 8.0,
    KpiKind.ENPS: 8.0,
    KpiKind.CSAT: 4.0,
    KpiKind.KTV: 0.3,
    KpiKind.MTV: 0.3,
    KpiKind.CES: 0.3,
}
NET_STEP, SHARE_STEP, CENTRE_STEP = 0.25, 0.25, 0.002  # grid steps of the answer tables: far below sampling noise
FIRST_YEAR_SHARE = 0.85  # the survey programme's first month had 85% of today's answers, growing over a year
COMMENT_SHARE = 0.06  # about one respondent in 16 leaves a comment
PRAISE_FROM, COMPLAINT_BELOW = 0.8, 0.6  # where on the scale (0 = lowest, 1 = highest) praise and complaints start
IMPORT_FILE = "demo"  # the file name of the demo's one survey import


@dataclass(frozen=True)
class _Answers:
    """One KPI's answers as parallel arrays (index into the month, day, touchpoint … tables)."""

    month: np.ndarray
    day: np.ndarray
    score: np.ndarray
    touchpoint: np.ndarray  # index into content.TOUCHPOINTS; -1: an employee (no touchpoint)
    stage: np.ndarray  # index into content.JOURNEY_STAGES; -1: none
    region: np.ndarray  # index into content.STORES; -1: none
    department: np.ndarray  # index into content.DEPARTMENTS; -1: none
    comment: np.ndarray  # index into the comment list of its sentiment; -1: no comment

    def arrays(self) -> tuple[np.ndarray, ...]:
        return (self.month, self.day, self.score, self.touchpoint, self.stage, self.region, self.department)


def survey_kpis() -> tuple[KpiSpec, ...]:
    """The demo KPIs whose readings are computed from survey answers."""
    return tuple(kpi for kpi in content.KPIS if is_survey(kpi))


def add_survey_responses(portfolio: DemoPortfolio) -> None:
    """Add the survey answers of every survey KPI, their one import and the pilot's segments to `portfolio`."""
    tables, today = portfolio.tables, portfolio.today
    kpi_ids = {row["code"]: row["id"] for row in tables["kpi"]}
    terms = {(str(row["kind"]), row["code"]): row["id"] for row in tables["taxonomy_term"]}
    departments = {row["name"]: row["id"] for row in tables["department"]}
    answers = {kpi.code: _answers(kpi, portfolio.seed, today) for kpi in survey_kpis()}
    digest, size = hashlib.sha256(), 0
    for code, found in answers.items():  # the comments follow from their index and the score
        for part in (code.encode(), *(array.astype(np.int64).tobytes() for array in (*found.arrays(), found.comment))):
            digest.update(part)
            size += len(part)
    import_id = portfolio.add(
        "survey_import",
        {
            "kind": "responses",
            "file_name": IMPORT_FILE,
            "size": size,
            "sha256": digest.hexdigest(),
            "preset": "",
            "rows_added": sum(len(found.score) for found in answers.values()),
            "rows_known": 0,
            "rows_per_kpi": json.dumps({code: len(found.score) for code, found in answers.items()}, sort_keys=True),
            "imported_by_id": None,
            "imported_at": datetime.combine(today, time(8, 0), tzinfo=UTC),
        },
    )
    periods = [add_months(first_reading_month(today), month) for month in range(READING_MONTHS)]
    days = [
        [period.replace(day=day) for day in range(1, monthrange(period.year, period.month)[1] + 1)]
        for period in periods
    ]
    touchpoints = [
        (tp.name, terms[("channel", tp.channel)], departments.get(tp.department or "")) for tp in content.TOUCHPOINTS
    ]
    stages = [terms[("journey_stage", code)] for code, _, _ in content.JOURNEY_STAGES]
    stores = [city for city, _ in content.STORES]
    department_ids = [departments[name] for name in content.DEPARTMENTS]
    rows = tables["survey_response"]
    for code, found in answers.items():
        kpi_id = kpi_ids[code]
        columns = zip(*(array.tolist() for array in (*found.arrays(), found.comment)), strict=True)
        for number, (month, day, score, tp, stage, region, department, comment) in enumerate(columns, start=1):
            name, channel_id, contact_department = touchpoints[tp] if tp >= 0 else ("", None, None)
            rows.append(
                {
                    "kpi_id": kpi_id,
                    "responded_on": days[month][day - 1],
                    "period": periods[month],
                    "score": score,
                    "channel_id": channel_id,
                    "journey_stage_id": stages[stage] if stage >= 0 else None,
                    "department_id": department_ids[department] if department >= 0 else contact_department,
                    "touchpoint": name,
                    "region": stores[region] if region >= 0 else "",
                    "comment": _comment(code, score, comment),
                    "response_key": f"{IMPORT_FILE}-{code}-{number:06d}",
                    "import_id": import_id,
                }
            )
    _add_pilot_segments(portfolio)


def _add_pilot_segments(portfolio: DemoPortfolio) -> None:
    """The regions the pilot initiative ran in, when the portfolio holds it (the rest are its control group)."""
    initiatives = portfolio.tables["initiative"]
    spec = next(spec for spec in content.INITIATIVES if spec.no == content.PILOT)
    if len(initiatives) < content.PILOT or initiatives[content.PILOT - 1]["title"] != spec.title:
        return
    for effect in content.SEGMENT_EFFECTS:
        if effect.initiative == content.PILOT:
            for segment in effect.segments:
                portfolio.add(
                    "initiative_segment",
                    {
                        "initiative_id": initiatives[content.PILOT - 1]["id"],
                        "dimension": effect.dimension,
                        "segment": segment,
                    },
                )


# --- drawing the answers ------------------------------------------------------------------------------------


def _answers(kpi: KpiSpec, seed: int, today: date) -> _Answers:
    """One KPI's answers over the reading months, dated up to `today`."""
    months_rng = random.Random(f"survey-responses:{seed}:{kpi.code}")  # a str seed is hashed the same in every run
    draw = np.random.default_rng(months_rng.getrandbits(128))
    first = first_reading_month(today)
    sizes, levels, lengths = [], [], []
    for month in range(READING_MONTHS):
        period = add_months(first, month)
        full = months_rng.randint(*kpi.sample)
        noise = months_rng.gauss(0, kpi.process_sd)
        pilot_n = months_rng.randint(*content.PULSE_PILOT[2])
        length = monthrange(period.year, period.month)[1]
        size = full * (FIRST_YEAR_SHARE + (1 - FIRST_YEAR_SHARE) * min(month / 12, 1.0))
        if kpi.code == content.PULSE_PILOT[0] and month < content.PULSE_PILOT[1]:
            size = pilot_n
        if period == today.replace(day=1):  # today's month so far
            size, length = max(size * today.day / length, 1), today.day
        sizes.append(round(size))
        levels.append(trend(kpi, month) + kpi.season.get(period.month, 0.0) + noise)
        lengths.append(length)
    month = np.repeat(np.arange(READING_MONTHS), sizes)
    n = len(month)
    day = 1 + (draw.random(n) * np.asarray(lengths)[month]).astype(np.int64)
    weights = content.SURVEY_TOUCHPOINTS.get(kpi.code)
    if weights is None:  # the employee pulse: a department, no contact and no store
        touchpoint = stage = region = np.full(n, -1)
        pulse = content.PULSE_DEPARTMENTS[kpi.code]
        department = _pick(draw, [content.DEPARTMENTS.index(name) for name in pulse], list(pulse.values()), n)
        target = np.asarray(levels)[month]
    else:
        touchpoint, stage, region = _segments(draw, weights, n)
        department = np.full(n, -1)
        target = np.asarray(levels)[month] + _moods(kpi, weights)[touchpoint]
        target += _effects(kpi, today, month, touchpoint, stage, region)
    score = _scores(kpi, target, draw.random(n))
    talks = draw.random(n) < COMMENT_SHARE
    comment = np.where(talks, (draw.random(n) * 1_000_000).astype(np.int64), -1)  # reduced by the list's length
    return _Answers(month, day, score, touchpoint, stage, region, department, comment)


def _pick(draw: np.random.Generator, values: list[int], weights: list[float], n: int) -> np.ndarray:
    """n values drawn with the given relative weights."""
    cumulative = np.cumsum(weights, dtype=float)
    return np.asarray(values)[np.searchsorted(cumulative / cumulative[-1], draw.random(n), side="right")]


def _segments(draw: np.random.Generator, weights: dict[str, int], n: int) -> tuple[np.ndarray, ...]:
    """Touchpoint, journey stage (one of the touchpoint's, or -1) and store city of n customer answers."""
    names = [tp.name for tp in content.TOUCHPOINTS]
    touchpoint = _pick(draw, [names.index(name) for name in weights], list(weights.values()), n)
    codes = [code for code, _, _ in content.JOURNEY_STAGES]
    choices = [[codes.index(code) for code in tp.stages] or [-1] for tp in content.TOUCHPOINTS]
    counts = np.asarray([len(options) for options in choices])[touchpoint]
    offered = (draw.random(n) * counts).astype(np.int64)
    table = np.full((len(choices), max(len(options) for options in choices)), -1)
    for row, options in enumerate(choices):
        table[row, : len(options)] = options
    stage = table[touchpoint, offered]
    region = _pick(draw, list(range(len(content.STORES))), [share for _, share in content.STORES], n)
    return touchpoint, stage, region


def _moods(kpi: KpiSpec, weights: dict[str, int]) -> np.ndarray:
    """Each touchpoint's shift of the KPI, centred on the KPI's mix of touchpoints so the whole stays on trend."""
    moods = np.asarray([tp.mood for tp in content.TOUCHPOINTS]) * MOOD_UNIT[kpi.kind]
    names = [tp.name for tp in content.TOUCHPOINTS]
    mean = sum(moods[names.index(name)] * share for name, share in weights.items()) / sum(weights.values())
    return moods - mean


def _effects(
    kpi: KpiSpec,
    today: date,
    month: np.ndarray,
    touchpoint: np.ndarray,
    stage: np.ndarray,
    region: np.ndarray,
) -> np.ndarray:
    """What initiatives did to each answer: the effect in its segment, from the month the work reached its phase."""
    total = np.zeros(len(month))
    for effect in content.SEGMENT_EFFECTS:
        started = phase_month(effect.initiative, effect.phase, today) if effect.kpi == kpi.code else None
        if started is None:
            continue
        inside = _in_segment(effect, touchpoint, stage, region)
        grown = np.asarray([ramp(m - started, effect.months) for m in range(READING_MONTHS)])[month]
        total += np.where(inside, effect.change * grown, 0.0)
    return total


def _in_segment(effect: SegmentEffect, touchpoint: np.ndarray, stage: np.ndarray, region: np.ndarray) -> np.ndarray:
    """Which answers lie in the effect's segment."""
    if effect.dimension == "channel":
        return np.isin(touchpoint, [i for i, tp in enumerate(content.TOUCHPOINTS) if tp.channel in effect.segments])
    if effect.dimension == "journey_stage":
        codes = [code for code, _, _ in content.JOURNEY_STAGES]
        return np.isin(stage, [codes.index(code) for code in effect.segments])
    cities = [city for city, _ in content.STORES]
    return np.isin(region, [cities.index(city) for city in effect.segments])


def _scores(kpi: KpiSpec, target: np.ndarray, chance: np.ndarray) -> np.ndarray:
    """An answer per expected figure: the score whose cumulative probability first exceeds the chance."""
    values, cumulative, low = _answer_table(kpi)
    rows = np.clip(np.searchsorted(values, target), 0, len(values) - 1)
    above = (chance[:, None] >= cumulative[rows]).sum(axis=1)
    return low + np.minimum(above, cumulative.shape[1] - 1)


def _answer_table(kpi: KpiSpec) -> tuple[np.ndarray, np.ndarray, int]:
    """Expected figures (ascending), the cumulative distribution of the answers that gives each, the lowest score."""
    scoring = SCORING[kpi.kind]
    low, high = scoring.scale_min, scoring.scale_max
    scale = np.arange(low, high + 1)
    if kpi.kind in (KpiKind.NPS, KpiKind.ENPS):
        values = np.arange(-100, 100 + NET_STEP, NET_STEP)
        net = values / 100
        promoters = np.clip((SPREAD + net) / 2, np.maximum(net, 0), 1)
        detractors = promoters - net
        groups = (
            (promoters, PROMOTER_SCORES),
            (1 - promoters - detractors, PASSIVE_SCORES),
            (detractors, DETRACTOR_SCORES),
        )
    elif kpi.kind is KpiKind.CSAT:
        values = np.arange(0, 100 + SHARE_STEP, SHARE_STEP)
        groups = ((values / 100, SATISFIED_SCORES), (1 - values / 100, UNSATISFIED_SCORES))
    else:
        spread = float(kpi.sampling.split(":")[1])  # mean:<standard deviation of one answer>
        centres = np.arange(low - 3 * spread, high + 3 * spread, CENTRE_STEP)
        edges = np.concatenate(([-np.inf], scale[:-1] + 0.5, [np.inf]))
        below = ndtr((edges[None, :] - centres[:, None]) / spread)  # the normal's cumulative probability
        probabilities = np.diff(below, axis=1)
        return probabilities @ scale, np.cumsum(probabilities, axis=1), low
    probabilities = np.zeros((len(values), len(scale)))
    for share, split in groups:
        for score, part in split.items():
            probabilities[:, score - low] += share * part
    return values, np.cumsum(probabilities, axis=1), low


def _comment(code: str, score: int, index: int) -> str:
    """The comment of an answer (index -1: none), from the sentences that fit its score."""
    if index < 0:
        return ""
    kpi = next(kpi for kpi in content.KPIS if kpi.code == code)
    scoring = SCORING[kpi.kind]
    position = (score - scoring.scale_min) / (scoring.scale_max - scoring.scale_min)
    staff = code in content.PULSE_DEPARTMENTS
    if position >= PRAISE_FROM:
        pool = content.STAFF_PRAISE if staff else content.PRAISE
    elif position < COMPLAINT_BELOW:
        pool = content.STAFF_COMPLAINTS if staff else content.COMPLAINTS
    else:
        pool = content.STAFF_NEUTRAL if staff else content.NEUTRAL
    return pool[index % len(pool)]
