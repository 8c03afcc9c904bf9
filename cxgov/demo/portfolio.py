"""A realistic, seeded demo portfolio of any size, as plain rows (no database).

`build_portfolio(initiatives, seed)` returns rows shaped like the tables. Every `id` and foreign key in them
is a local number (1, 2, …) per table; the loader (cxgov/services/demo.py) maps those to database ids.

The demo is dated to the day it is loaded (`today`): the content tables are written as of REFERENCE_DATE, and
every date moves by the days between the two, so check-ins, phases and overdue milestones stand where they stood
relative to "today". KPI readings are the 36 months up to today's month; seasonality follows the calendar month,
the initiatives' effects follow their moved dates. Survey KPIs (NPS, eNPS, CSAT, CES, KTV, MTV) get no typed
readings here: cxgov/demo/responses.py generates their raw answers, and the loader computes their readings. The same seed and day give the same rows: all randomness comes
from one `random.Random(seed)`, and how many numbers a step draws never depends on the day (money, whose count of
quarters and months does, draws from its own generator seeded from the main one).

The first 40 initiatives are the hand-written table (cxgov/demo/content.py); beyond 40 each one is a variant of
a table initiative (title with a segment and wave number, unique) in the state of another, so the mix of
statuses, phases, health and overruns stays the same at 10,000. A portfolio with all 40 also gets the CX board's
governance record (cxgov/demo/meetings.py): its meetings, decisions and actions name table initiatives.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from cxgov.demo import content, meetings
from cxgov.demo.content import InitiativeSpec, KpiSpec
from cxgov.models.enums import (
    ActDecision,
    Discipline,
    ExpenseCategory,
    Health,
    Lane,
    Phase,
    Role,
    Status,
    TaxonomyKind,
)
from cxgov.rules.kpi_engine import SCORING

REFERENCE_DATE = date(2026, 11, 29)  # the "today" the content tables are written as of; a load moves it to its day
VOLTERA_STARTED = date(2024, 6, 3)  # when Voltera started cxgov, as of REFERENCE_DATE
READING_MONTHS = 36  # three years of monthly KPI readings, up to today's month
BASELINE_MONTH = READING_MONTHS - 13  # the programme's baseline month, 12 months before today's
TARGET_STEP = 0.6  # this year's target closes this share of the gap between the baseline and the 12-month target
READING_SOURCE = "demo"  # every typed demo reading's source, and so the primary source of every KPI typed in
EMAIL_DOMAIN = "voltera.example"
MAX_INITIATIVES = 100_000

# Relative length of the PDCA phases: Do takes longest, Act is a decision and a hand-over.
PHASE_WEIGHTS = {Phase.PLAN: 1.0, Phase.DO: 2.0, Phase.CHECK: 1.0, Phase.ACT: 0.6}
PHASE_STARTED_ON = {
    Phase.PLAN: "plan_started_on",
    Phase.DO: "do_started_on",
    Phase.CHECK: "check_started_on",
    Phase.ACT: "act_started_on",
}
FIRST_CYCLE_SHARE = 0.45  # a closed first cycle took a bit under half of the work so far
WORKING = frozenset({Status.ACTIVE, Status.ON_HOLD, Status.COMPLETED, Status.CANCELLED})
OTHER_CATEGORIES = {
    Discipline.DESIGN: (ExpenseCategory.EXTERNAL, ExpenseCategory.SOFTWARE),
    Discipline.CUSTOMER_UNDERSTANDING: (ExpenseCategory.EXTERNAL, ExpenseCategory.SOFTWARE, ExpenseCategory.OTHER),
    Discipline.MEASUREMENT: (ExpenseCategory.SOFTWARE, ExpenseCategory.EXTERNAL),
    Discipline.GOVERNANCE: (ExpenseCategory.OTHER, ExpenseCategory.EXTERNAL),
    Discipline.CULTURE: (ExpenseCategory.TRAINING, ExpenseCategory.OTHER),
    Discipline.STRATEGY: (ExpenseCategory.EXTERNAL, ExpenseCategory.MARKETING),
}

# Table name -> {foreign-key column: referenced table}; the loader remaps these.
FOREIGN_KEYS: dict[str, dict[str, str]] = {
    "person": {"department_id": "department"},
    "strategic_objective": {"owner_id": "person"},
    "kpi": {"owner_id": "person"},
    "kpi_reading": {"kpi_id": "kpi"},
    "kpi_target": {"kpi_id": "kpi", "set_by_id": "person"},
    "initiative": {
        "objective_id": "strategic_objective",
        "owner_id": "person",
        "sponsor_id": "person",
        "owning_department_id": "department",
        "requesting_department_id": "department",
        "updated_by_id": "person",
    },
    "pdca_cycle": {"initiative_id": "initiative"},
    "check_in": {"initiative_id": "initiative", "author_id": "person"},
    "initiative_member": {"initiative_id": "initiative", "person_id": "person"},
    "initiative_term": {"initiative_id": "initiative", "term_id": "taxonomy_term"},
    "initiative_kpi": {"initiative_id": "initiative", "kpi_id": "kpi"},
    "survey_import": {"imported_by_id": "person"},
    "survey_response": {
        "kpi_id": "kpi",
        "channel_id": "taxonomy_term",
        "journey_stage_id": "taxonomy_term",
        "department_id": "department",
        "import_id": "survey_import",
    },
    "initiative_segment": {"initiative_id": "initiative"},
    "budget_line": {"initiative_id": "initiative"},
    "expense": {"initiative_id": "initiative", "created_by_id": "person"},
} | meetings.FOREIGN_KEYS
TABLE_ORDER = (
    "department",
    "taxonomy_term",
    "person",
    "strategic_objective",
    "kpi",
    "kpi_reading",
    "kpi_target",
    "initiative",
    "pdca_cycle",
    "check_in",
    "initiative_member",
    "initiative_term",
    "initiative_kpi",
    "survey_import",  # the survey tables stay empty here: cxgov/demo/responses.py fills them
    "survey_response",
    "initiative_segment",
    "budget_line",
    "expense",
    *meetings.GOVERNANCE_TABLES,
)


@dataclass
class DemoPortfolio:
    """Rows per table, in insert order; ids and foreign keys are local numbers (see the module docstring)."""

    seed: int
    today: date  # the day the demo is dated to
    tables: dict[str, list[dict]] = field(default_factory=lambda: {name: [] for name in TABLE_ORDER})

    def add(self, table: str, row: dict) -> int:
        """Append `row` to `table`; parent tables get the next local id, which is returned."""
        rows = self.tables[table]
        if table in PARENT_TABLES:
            row["id"] = len(rows) + 1
        rows.append(row)
        return row.get("id", 0)

    def counts(self) -> dict[str, int]:
        return {name: len(rows) for name, rows in self.tables.items()}


PARENT_TABLES = (
    frozenset({"department", "taxonomy_term", "person", "strategic_objective", "kpi", "initiative", "survey_import"})
    | meetings.PARENT_TABLES
)


def build_portfolio(initiatives: int = 40, seed: int = 2026, *, today: date) -> DemoPortfolio:
    """The Voltera portfolio with `initiatives` initiatives dated to `today`, identical for identical arguments."""
    if not 1 <= initiatives <= MAX_INITIATIVES:
        raise ValueError(f"initiatives must be between 1 and {MAX_INITIATIVES}")
    rng = random.Random(seed)
    portfolio = DemoPortfolio(seed=seed, today=today)
    refs = _add_reference_data(portfolio)
    kpi_ids = _add_kpis(portfolio, rng, refs)
    for index in range(initiatives):
        _add_initiative(portfolio, rng, refs, kpi_ids, index)
    if initiatives >= len(content.INITIATIVES):  # the board's decisions name table initiatives
        meetings.add_governance_record(portfolio, REFERENCE_DATE)
    return portfolio


# --- reference data -------------------------------------------------------------------------------------


@dataclass
class _Refs:
    departments: dict[str, int]
    people: dict[str, int]  # by name
    terms: dict[tuple[str, str], int]
    objectives: dict[str, int]
    team_pool: dict[str, list[int]]  # department -> people who can be on an initiative's team


def _email(name: str) -> str:
    first, _, rest = name.partition(" ")
    return f"{first}.{rest.replace(' ', '')}@{EMAIL_DOMAIN}".lower()


def _add_reference_data(portfolio: DemoPortfolio) -> _Refs:
    created = _moment(_moved(VOLTERA_STARTED, portfolio.today), 0, portfolio.today)
    departments = {
        name: portfolio.add("department", {"name": name, "active": True, "version": 1, "created_at": created})
        for name in content.DEPARTMENTS
    }
    terms = {}
    lists = ((TaxonomyKind.JOURNEY_STAGE, content.JOURNEY_STAGES), (TaxonomyKind.CHANNEL, content.CHANNELS))
    for kind, values in lists:
        for position, (code, name_en, name_nl) in enumerate(values, start=1):
            terms[(kind.value, code)] = portfolio.add(
                "taxonomy_term",
                {
                    "kind": kind,
                    "code": code,
                    "name_en": name_en,
                    "name_nl": name_nl,
                    "position": position,
                    "active": True,
                    "version": 1,
                },
            )
    people, team_pool = {}, {}
    for name, department, role in content.PEOPLE:
        people[name] = portfolio.add(
            "person",
            {
                "name": name,
                "email": _email(name),
                "role": role,
                "department_id": departments[department],
                "active": True,
                "version": 1,
                "created_at": created,
            },
        )
        if role not in (Role.VIEWER, Role.ADMIN, Role.LEADER):
            team_pool.setdefault(department, []).append(people[name])
    objectives = {
        key: portfolio.add(
            "strategic_objective",
            {
                "title": title,
                "description": description,
                "owner_id": people[owner],
                "active": True,
                "version": 1,
                "created_at": created,
            },
        )
        for key, title, description, owner in content.OBJECTIVES
    }
    return _Refs(departments, people, terms, objectives, team_pool)


# --- KPIs and their readings ----------------------------------------------------------------------------


def _moved(day: date, today: date) -> date:
    """A date of the content tables (written as of REFERENCE_DATE) moved to the demo dated `today`."""
    return day + (today - REFERENCE_DATE)


def first_reading_month(today: date) -> date:
    return add_months(today.replace(day=1), -(READING_MONTHS - 1))


def _month_index(day: date, today: date) -> int:
    """Months since the first reading month (0 … 35 inside the reading window)."""
    first = first_reading_month(today)
    return (day.year - first.year) * 12 + day.month - first.month


def add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return date(total // 12, total % 12 + 1, 1)


def trend(kpi: KpiSpec, month: int) -> float:
    """The KPI's underlying level in month `month`: start → baseline, then part of the way to target."""
    if month <= BASELINE_MONTH:
        return kpi.start + (kpi.baseline - kpi.start) * max(month, 0) / BASELINE_MONTH
    return kpi.baseline + (kpi.target - kpi.baseline) * kpi.reach * (month - BASELINE_MONTH) / 12


def is_survey(kpi: KpiSpec) -> bool:
    """Is the KPI scored from survey answers (NPS, eNPS, CSAT, CES, KTV, MTV)? Its readings are then computed."""
    return kpi.kind in SCORING


def _sampling_error(kpi: KpiSpec, value: float, n: int | None) -> float:
    """Standard error of one month's value from its sample size (0 when the KPI is a full count)."""
    if n is None or kpi.sampling is None:
        return 0.0
    if kpi.sampling == "nps":
        spread = 0.62  # promoters + detractors: a typical Dutch retail split (the rest are passives)
        return math.sqrt(max(spread - (value / 100) ** 2, 0.01) / n) * 100
    if kpi.sampling == "share":
        share = min(max(value / 100, 0.001), 0.999)
        return math.sqrt(share * (1 - share) / n) * 100
    return float(kpi.sampling.split(":")[1]) / math.sqrt(n)  # mean:<standard deviation of one answer>


def _effect(kpi: KpiSpec, month: int, starts: dict[int, int]) -> float:
    """The initiatives' effect on the KPI in month `month`, ramping up from the month each reached Check."""
    total = 0.0
    for code, number, change, months in content.EFFECTS:
        started = starts.get(number)
        if code != kpi.code or started is None:
            continue
        total += change * ramp(month - started, months)
    return total


def _add_kpis(portfolio: DemoPortfolio, rng: random.Random, refs: _Refs) -> dict[str, int]:
    today = portfolio.today
    starts = effect_starts(today)
    created = _moment(_moved(VOLTERA_STARTED, today), 1, today)
    first_month = first_reading_month(today)
    kpi_ids = {}
    for kpi in content.KPIS:
        kpi_id = portfolio.add(
            "kpi",
            {
                "code": kpi.code,
                "name": kpi.name,
                "kind": kpi.kind,
                "unit": kpi.unit,
                "scale_min": kpi.scale[0],
                "scale_max": kpi.scale[1],
                "method": kpi.method,
                "direction": kpi.direction,
                "discipline": kpi.discipline,
                "owner_id": refs.people[kpi.owner],
                "description": kpi.description,
                # A survey KPI's readings are computed from its responses (cxgov/demo/responses.py): no primary
                # source, so the computed reading counts.
                "primary_source": "" if is_survey(kpi) else READING_SOURCE,
                "active": True,
                "version": 1,
                "created_at": created,
            },
        )
        kpi_ids[kpi.code] = kpi_id
        _add_targets(portfolio, kpi, kpi_id, refs.people[kpi.owner])
        if is_survey(kpi):
            continue
        for month in range(READING_MONTHS):
            period = add_months(first_month, month)
            level = trend(kpi, month) + kpi.season.get(period.month, 0.0) + _effect(kpi, month, starts)
            n = _between(rng, *kpi.sample) if kpi.sample else None
            noise = math.hypot(_sampling_error(kpi, level, n), kpi.process_sd)
            value = _clamp(level + rng.gauss(0, noise), kpi.scale)
            portfolio.add(
                "kpi_reading",
                {
                    "kpi_id": kpi_id,
                    "period": period,
                    "value": round(value, kpi.digits),
                    "sample_size": n,
                    "source": READING_SOURCE,
                    "created_at": _moment(add_months(period, 1) + timedelta(days=3), 2, today),
                },
            )
    return kpi_ids


def _add_targets(portfolio: DemoPortfolio, kpi: KpiSpec, kpi_id: int, owner_id: int) -> None:
    """Targets per calendar year, as a programme sets them: last year hold the baseline, this year close most of
    the gap (TARGET_STEP), next year reach the 12-month target (set a few weeks ago, so the chart shows it ahead)."""
    today = portfolio.today
    this_year = date(today.year, 1, 1)
    steps = (
        (this_year.replace(year=today.year - 1), kpi.baseline, _moved(VOLTERA_STARTED, today)),
        (this_year, kpi.baseline + TARGET_STEP * (kpi.target - kpi.baseline), this_year - timedelta(days=20)),
        (this_year.replace(year=today.year + 1), kpi.target, today - timedelta(days=20)),
    )
    for valid_from, target, set_on in steps:
        portfolio.add(
            "kpi_target",
            {
                "kpi_id": kpi_id,
                "valid_from": valid_from,
                "target": round(target, kpi.digits),
                "version": 1,
                "set_by_id": owner_id,
                "created_at": _moment(set_on, 5, today),
            },
        )


def _clamp(value: float, scale: tuple[float | None, float | None]) -> float:
    low, high = scale
    if low is not None:
        value = max(value, low)
    if high is not None:
        value = min(value, high)
    return value


def effect_starts(today: date) -> dict[int, int]:
    """The reading month (index) in which each table initiative's current cycle reached Check (drives the KPI
    effects)."""
    starts = {number: phase_month(number, Phase.CHECK, today) for _, number, _, _ in content.EFFECTS}
    return {number: month for number, month in starts.items() if month is not None}


def phase_month(number: int, phase: Phase, today: date) -> int | None:
    """The reading month (index) in which table initiative `number`'s current cycle reached `phase` (None: not
    yet)."""
    spec = next(spec for spec in content.INITIATIVES if spec.no == number)
    started = _cycles(_Plan.of(spec, 0, today))[-1].get(PHASE_STARTED_ON[phase])
    return None if started is None else _month_index(started, today)


def ramp(elapsed: int, months: int) -> float:
    """The share of an effect reached `elapsed` months after it started, full after `months`."""
    return min(max(elapsed, 0) / months, 1.0)


# --- initiatives ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """Where one initiative stands: its content spec, the state it is in, and its dates."""

    spec: InitiativeSpec  # title, discipline, department, KPIs, texts
    state: InitiativeSpec  # status, phase, health, progress, cycles, overrun
    start: date
    target: date
    stopped: date | None
    today: date  # the day the demo is dated to

    @classmethod
    def of(cls, spec: InitiativeSpec, shift_days: int, today: date, state: InitiativeSpec | None = None) -> _Plan:
        """The plan of `spec` in `state` (default: its own), dated to `today` and then moved by `shift_days`."""
        state = state or spec

        def day(iso: str) -> date:
            return _moved(date.fromisoformat(iso), today) + timedelta(days=shift_days)

        return cls(
            spec, state, day(state.start), day(state.target), day(state.stopped) if state.stopped else None, today
        )

    @property
    def work_end(self) -> date | None:
        """The last day work was done (None: work never started)."""
        if self.state.status not in WORKING:
            return None
        if self.state.status is Status.COMPLETED:
            return self.target
        return self.stopped or self.today


def _phase_dates(begin: date, end: date, phase: Phase, finished: bool) -> dict[str, date]:
    phases = list(Phase)[: list(Phase).index(phase) + 1]
    weights = [PHASE_WEIGHTS[p] for p in phases]
    if not finished:
        weights[-1] *= 0.5  # the current phase is about half done
    total, span, done = sum(weights), (end - begin).days, 0.0
    dates = {}
    for p, weight in zip(phases, weights, strict=True):
        dates[PHASE_STARTED_ON[p]] = begin + timedelta(days=round(span * done / total))
        done += weight
    return dates


def _cycles(plan: _Plan) -> list[dict]:
    """The initiative's PDCA cycles (dates only), the open one last."""
    state, end = plan.state, plan.work_end
    if end is None:
        proposed_on = min(plan.start, plan.today) - timedelta(days=30)
        return [{"number": 1, "phase": Phase.PLAN, "plan_started_on": proposed_on}]
    cycles, begin = [], plan.start
    if state.first_cycle is not None:
        closed = begin + timedelta(days=round((end - begin).days * FIRST_CYCLE_SHARE))
        cycles.append(
            {"number": 1, "phase": Phase.ACT, "closed_on": closed, **_phase_dates(begin, closed, Phase.ACT, True)}
        )
        begin = closed
    cycles.append(
        {
            "number": len(cycles) + 1,
            "phase": state.phase,
            **_phase_dates(begin, end, state.phase, state.status is Status.COMPLETED),
        }
    )
    return cycles


def _plan_for(rng: random.Random, index: int, today: date) -> _Plan:
    specs = content.INITIATIVES
    if index < len(specs):
        return _Plan.of(specs[index], 0, today)
    spec, state = specs[index % len(specs)], rng.choice(specs)
    # Started work moves back in time only (it cannot have started after today); proposals move either way.
    shift = _between(rng, -150, 0) if state.status in WORKING else _between(rng, -30, 120)
    return _Plan.of(spec, shift, today, state)


def _title(plan: _Plan, rng: random.Random, index: int) -> str:
    if index < len(content.INITIATIVES):
        return plan.spec.title
    wave = index // len(content.INITIATIVES)  # (table row, wave) is unique, so titles are unique
    return f"{plan.spec.title} — {rng.choice(content.VARIANTS)}, wave {wave}"


def _add_initiative(
    portfolio: DemoPortfolio, rng: random.Random, refs: _Refs, kpi_ids: dict[str, int], index: int
) -> None:
    today = portfolio.today
    plan = _plan_for(rng, index, today)
    spec, state, core = plan.spec, plan.state, index < len(content.INITIATIVES)
    owner = refs.people[content.DEPARTMENT_OWNER.get(spec.department) or _manager_of(spec.department)]
    sponsor = refs.people[content.SPONSOR.get(spec.department, content.CCO)]
    budget_factor = 1.0 if core else rng.uniform(0.6, 1.4)
    created_day = min(plan.start - timedelta(days=_between(rng, 21, 60)), today - timedelta(days=_between(rng, 3, 90)))
    cycles = _cycles(plan)
    check_ins = _check_ins(plan, rng, core, cycles[-1])
    last_update = check_ins[-1]["checkin_date"] if check_ins else created_day
    initiative_id = portfolio.add(
        "initiative",
        {
            "title": _title(plan, rng, index),
            "description": spec.description,
            "discipline": spec.discipline,
            "objective_id": refs.objectives[spec.objective],
            "owner_id": owner,
            "sponsor_id": sponsor,
            "owning_department_id": refs.departments[spec.department],
            "requesting_department_id": refs.departments[spec.requested_by or spec.department],
            "lane": spec.lane,
            "status": state.status,
            "priority": spec.priority,
            "progress_pct": state.progress,
            "start_date": plan.start,
            "target_date": plan.target,
            "project_code": f"VOL-{plan.start.year}-{index + 1:05d}" if spec.lane is Lane.PROJECT else None,
            "version": 1,
            "created_at": _moment(created_day, _between(rng, 0, 479), today),
            "updated_at": _moment(last_update, _between(rng, 480, 599), today),
            "updated_by_id": owner,
        },
    )
    _add_cycle_rows(portfolio, initiative_id, plan, cycles, core)
    for row in check_ins:
        portfolio.add("check_in", {"initiative_id": initiative_id, "author_id": owner, **row})
    for person_id, role in _team(rng, refs, spec.department, {owner, sponsor}):
        portfolio.add(
            "initiative_member", {"initiative_id": initiative_id, "person_id": person_id, "role_on_initiative": role}
        )
    for term in sorted(
        {refs.terms[("journey_stage", c)] for c in spec.stages} | {refs.terms[("channel", c)] for c in spec.channels}
    ):
        portfolio.add("initiative_term", {"initiative_id": initiative_id, "term_id": term})
    kpis = {kpi.code: kpi for kpi in content.KPIS}
    for code in spec.kpis:
        kpi = kpis[code]
        portfolio.add(
            "initiative_kpi",
            {
                "initiative_id": initiative_id,
                "kpi_id": kpi_ids[code],
                "baseline": round(trend(kpi, min(_month_index(plan.start, today), READING_MONTHS - 1)), kpi.digits),
                "target": kpi.target,
                "target_date": plan.target,
            },
        )
    # Its own generator: how many quarters and months the money spans depends on the day the demo is dated to.
    _add_money(portfolio, random.Random(rng.random()), initiative_id, plan, owner, budget_factor)


def _between(rng: random.Random, low: int, high: int) -> int:
    """rng.randint(low, high) at a quarter of the cost (it matters at 10,000 initiatives)."""
    return low + int(rng.random() * (high - low + 1))


def _manager_of(department: str) -> str:
    return next(name for name, dept, role in content.PEOPLE if dept == department and role is Role.MANAGER)


def _add_cycle_rows(portfolio: DemoPortfolio, initiative_id: int, plan: _Plan, cycles: list[dict], core: bool) -> None:
    state, spec = plan.state, plan.spec
    created = _moment(cycles[0]["plan_started_on"], 1, plan.today)
    if len(cycles) == 2:
        first = (spec.first_cycle if core else None) or state.first_cycle or content.GENERIC_FIRST_CYCLE
        portfolio.add(
            "pdca_cycle",
            _cycle_row(
                initiative_id,
                cycles[0],
                created,
                hypothesis=first.hypothesis,
                check_result=first.check_result,
                act_decision=ActDecision.ADJUST,
                lesson=first.lesson,
            ),
        )
    reached_check = state.phase in (Phase.CHECK, Phase.ACT)
    completed = state.status is Status.COMPLETED
    check_result = (spec.check_result if core else "") or (content.GENERIC_CHECK_RESULT if reached_check else "")
    portfolio.add(
        "pdca_cycle",
        _cycle_row(
            initiative_id,
            cycles[-1],
            created,
            hypothesis=spec.hypothesis,
            check_result=check_result if reached_check else "",
            act_decision=ActDecision.STANDARDISE if completed else None,
            lesson=((spec.lesson if core else "") or content.GENERIC_LESSON) if completed else "",
        ),
    )


def _cycle_row(initiative_id: int, dates: dict, created: datetime, **texts) -> dict:
    row = {
        "initiative_id": initiative_id,
        "number": dates["number"],
        "phase": dates["phase"],
        "closed_on": dates.get("closed_on"),
        "created_at": created,
    }
    row |= {column: dates.get(column) for column in PHASE_STARTED_ON.values()}
    return row | texts


def _check_ins(plan: _Plan, rng: random.Random, core: bool, open_cycle: dict) -> list[dict]:
    """Status check-ins every four to five weeks while work ran; the last one is the health now."""
    end = plan.work_end
    if end is None:
        return []
    days, day = [], plan.start + timedelta(days=_between(rng, 10, 20))
    while day <= end:
        days.append(day)
        day += timedelta(days=_between(rng, 26, 35))
    if not days:
        days = [end]
    state, rows = plan.state, []
    completed = state.status is Status.COMPLETED
    for number, day in enumerate(days, start=1):
        last = number == len(days)
        if last:
            health = Health.GREEN if completed else state.health
        elif number == len(days) - 1 and state.health is Health.RED and not completed:
            health = Health.AMBER  # red rarely comes out of nowhere
        else:
            health = rng.choices((Health.GREEN, Health.AMBER, Health.RED), (80, 17, 3))[0]
        reason = ""
        if health is not Health.GREEN:
            pool = content.AMBER_REASONS if health is Health.AMBER else content.RED_REASONS
            reason = state.reason if (last and core and state.reason) else rng.choice(pool)
        phase = _phase_on(open_cycle, day)
        rows.append(
            {
                "checkin_date": day,
                "health": health,
                "reason": reason,
                "progress_pct": round(state.progress * number / len(days)),
                "summary": content.COMPLETED_SUMMARY if (last and completed) else rng.choice(content.SUMMARIES[phase]),
                "next_steps": "" if completed and last else rng.choice(content.NEXT_STEPS),
                "created_at": _moment(day, _between(rng, 540, 899), plan.today),
            }
        )
    return rows


def _phase_on(open_cycle: dict, day: date) -> Phase:
    reached = [p for p in Phase if open_cycle.get(PHASE_STARTED_ON[p]) and open_cycle[PHASE_STARTED_ON[p]] <= day]
    return reached[-1] if reached else Phase.PLAN


def _team(rng: random.Random, refs: _Refs, department: str, exclude: set[int]) -> list[tuple[int, str]]:
    own = [p for p in refs.team_pool.get(department, []) if p not in exclude]
    others = sorted({p for pool in refs.team_pool.values() for p in pool} - set(own) - exclude)
    members = rng.sample(own, min(len(own), _between(rng, 0, 2))) + rng.sample(others, _between(rng, 1, 3))
    return [(person, rng.choice(content.MEMBER_ROLES)) for person in members]


# --- money ----------------------------------------------------------------------------------------------


def _quarters(start: date, end: date) -> list[tuple[int, int]]:
    first, last = start.year * 4 + (start.month - 1) // 3, end.year * 4 + (end.month - 1) // 3
    return [(q // 4, q % 4 + 1) for q in range(first, last + 1)]


def _add_money(
    portfolio: DemoPortfolio, rng: random.Random, initiative_id: int, plan: _Plan, owner: int, budget_factor: float
) -> None:
    """Planned budget per quarter (whole hundreds of euros) and monthly expenses while work ran."""
    if plan.state.status is Status.REJECTED:
        return
    total_cents = round(plan.spec.budget_k * 1000 * budget_factor / 500) * 500 * 100  # plans are in €500 steps
    quarters = _quarters(plan.start, plan.target)
    weights = [rng.uniform(0.8, 1.2) for _ in quarters]
    planned, left = [], total_cents
    for i, weight in enumerate(weights):
        cents = left if i == len(weights) - 1 else round(total_cents * weight / sum(weights) / 10_000) * 10_000
        cents = min(cents, left)
        planned.append(cents)
        left -= cents
    for (year, quarter), cents in zip(quarters, planned, strict=True):
        portfolio.add(
            "budget_line", {"initiative_id": initiative_id, "year": year, "quarter": quarter, "planned_cents": cents}
        )
    end = plan.work_end
    if end is None:
        return
    plan_months = max(_months_between(plan.start, plan.target), 1)
    monthly = total_cents / plan_months * plan.state.spend
    month, number = plan.start.replace(day=1), 0
    others = OTHER_CATEGORIES[plan.spec.discipline]
    while month <= end:
        # Internal hours are booked monthly; suppliers invoice quarterly, so their share comes every third month.
        amount = monthly * (0.75 + rng.random() / 2)
        internal = round(amount * (0.55 + rng.random() / 5))
        bookings = [(ExpenseCategory.INTERNAL, internal)]
        if number % 3 == 2 or month.replace(day=28) >= end:
            bookings.append((rng.choice(others), round((amount - internal) * (3 if number % 3 == 2 else 1))))
        for category, cents in bookings:
            if cents <= 0:
                continue
            day = max(min(month.replace(day=_between(rng, 1, 28)), end), plan.start)
            portfolio.add(
                "expense",
                {
                    "initiative_id": initiative_id,
                    "spent_on": day,
                    "amount_cents": cents,
                    "category": category,
                    "note": content.EXPENSE_NOTES[category.value],
                    "created_by_id": owner,
                    "created_at": _moment(day + timedelta(days=2), _between(rng, 480, 899), plan.today),
                },
            )
        month, number = add_months(month, 1), number + 1


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _moment(day: date, minute_of_day: int, today: date) -> datetime:
    """A UTC-aware timestamp on `day` (business hours start at 08:00 UTC), never after `today`."""
    return _morning(min(day, today)) + timedelta(minutes=minute_of_day)


@lru_cache(maxsize=4096)
def _morning(day: date) -> datetime:
    return datetime.combine(day, time(8, 0), tzinfo=UTC)
