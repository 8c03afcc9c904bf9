"""The demo portfolio: realistic content, deterministic per seed, bulk-loaded with one audit event."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, text

from cxgov import audit
from cxgov.cli import main
from cxgov.dates import today_in
from cxgov.db import make_engine, session_scope
from cxgov.demo.content import KPIS
from cxgov.demo.plan import TEAM_ROLES, build_demo
from cxgov.demo.portfolio import REFERENCE_DATE, build_portfolio
from cxgov.errors import DomainError, PermissionDenied, ValidationError
from cxgov.models import (
    ALLOWED_PHASES,
    CLOSED_STATUSES,
    AuditEvent,
    BudgetLine,
    CheckIn,
    Department,
    Discipline,
    Health,
    Initiative,
    InitiativeDependency,
    InitiativeMember,
    Kpi,
    KpiReading,
    Lane,
    Milestone,
    PdcaCycle,
    Person,
    Phase,
    PlanAction,
    Risk,
    Role,
    Status,
)
from cxgov.queries.health import assess
from cxgov.queries.pdca import lessons
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio
from cxgov.settings import get_settings
from tests.factories import add_department, add_person


def _load(engine, *, actor=SYSTEM_ACTOR, **kwargs):
    kwargs.setdefault("today", REFERENCE_DATE)  # the day these tests' dates are written against
    with session_scope(engine, write=True) as session:
        return load_demo_portfolio(session=session, actor=actor, **kwargs)


def _scalars(engine, query):
    with session_scope(engine) as session:
        return session.execute(query).all()


def test_the_40_initiative_portfolio_covers_every_discipline_lane_status_and_phase(engine):
    summary = _load(engine)
    assert summary.initiatives == 40
    rows = _scalars(
        engine,
        select(Initiative.status, Initiative.discipline, Initiative.lane, PdcaCycle.phase).join(
            PdcaCycle, (PdcaCycle.initiative_id == Initiative.id) & PdcaCycle.closed_on.is_(None)
        ),
    )
    assert len(rows) == 40  # exactly one open cycle each (the join would duplicate or drop otherwise)
    assert {r.discipline for r in rows} == set(Discipline)
    assert {r.lane for r in rows} == set(Lane)
    assert {r.status for r in rows} == set(Status)
    assert {r.phase for r in rows} == set(Phase)
    assert all(r.phase in ALLOWED_PHASES[r.status] for r in rows)
    readings = _scalars(engine, select(Kpi.code, func.count(KpiReading.id)).join(KpiReading).group_by(Kpi.code))
    assert len(readings) == 18 and {n for _, n in readings} == {36}
    roles = Counter(r for (r,) in _scalars(engine, select(Person.role)))
    assert set(roles) == set(Role) and roles[Role.ADMIN] == 1 and roles[Role.MANAGER] >= 10
    assert len(_scalars(engine, select(Department.id))) == 15


def test_health_reasons_cycles_and_overruns_look_like_a_real_programme(engine):
    _load(engine)
    check_ins = _scalars(engine, select(CheckIn.health, CheckIn.reason, CheckIn.checkin_date))
    assert all(reason for health, reason, _ in check_ins if health != "green")
    assert max(day for _, _, day in check_ins) <= REFERENCE_DATE
    latest = _scalars(
        engine,
        text(
            "SELECT c.health FROM check_in c WHERE c.checkin_date = "
            "(SELECT max(checkin_date) FROM check_in WHERE initiative_id = c.initiative_id)"
        ),
    )
    assert {"red", "amber"} <= {h for (h,) in latest}
    closed = _scalars(engine, select(PdcaCycle).where(PdcaCycle.closed_on.is_not(None)))
    assert closed and all(
        c.hypothesis and c.check_result and c.lesson and c.act_decision == "adjust" for (c,) in closed
    )
    completed = _scalars(
        engine,
        select(PdcaCycle.act_decision)
        .join(Initiative)
        .where(Initiative.status == Status.COMPLETED, PdcaCycle.closed_on.is_(None)),
    )
    assert {d for (d,) in completed} == {"standardise"}
    overruns = _scalars(
        engine,
        text(
            "SELECT i.id FROM initiative i WHERE (SELECT coalesce(sum(amount_cents), 0) FROM expense e "
            "WHERE e.initiative_id = i.id) > (SELECT sum(planned_cents) FROM budget_line b WHERE b.initiative_id = i.id)"
        ),
    )
    assert len(overruns) >= 3


def test_where_is_my_order_share_falls_after_initiative_7_reached_check():
    portfolio = build_portfolio(40, 2026, today=REFERENCE_DATE)
    wismo = next(k["id"] for k in portfolio.tables["kpi"] if k["code"] == "WISMO")
    values = {r["period"]: r["value"] for r in portfolio.tables["kpi_reading"] if r["kpi_id"] == wismo}
    before = [values[date(2025, m, 1)] for m in (8, 9, 10)]
    after = [values[date(2026, m, 1)] for m in (8, 9, 10)]  # same months a year later: no seasonal difference
    assert sum(before) / 3 - sum(after) / 3 > 3


def test_the_same_seed_gives_the_same_portfolio_in_two_databases(engine, sqlite_template, tmp_path):
    second = tmp_path / "second.sqlite3"
    with sqlite3.connect(sqlite_template) as source, sqlite3.connect(second) as dest:
        source.backup(dest)
    other = make_engine(f"sqlite:///{second}")
    _load(engine, seed=7)
    _load(other, seed=7)
    query = (
        select(Initiative.title, func.sum(BudgetLine.planned_cents))
        .join(BudgetLine, isouter=True)
        .group_by(Initiative.id, Initiative.title)
        .order_by(Initiative.id)
    )
    assert _scalars(engine, query) == _scalars(other, query)
    other.dispose()
    seven, eight = build_portfolio(40, 7, today=REFERENCE_DATE), build_portfolio(40, 8, today=REFERENCE_DATE)
    assert seven.tables["kpi_reading"] != eight.tables["kpi_reading"]


def test_a_portfolio_with_initiatives_is_refused(engine):
    _load(engine, initiatives=3)
    with pytest.raises(DomainError) as refused:
        _load(engine)
    assert "already holds 3 initiatives" in refused.value.message("en")
    assert "bevat al 3 initiatieven" in refused.value.message("nl")


def test_the_load_is_one_audit_event_and_the_chain_verifies(engine):
    summary = _load(engine)
    events = _scalars(engine, select(AuditEvent))
    assert len(events) == 1
    event = events[0][0]
    assert (event.entity, event.action, event.actor_name) == ("portfolio", "bulk_load", "system")
    assert '"initiative": 40' in event.new_value and summary.rows > 2000
    assert '"seed": 2026' in event.new_value and f'"day": "{REFERENCE_DATE.isoformat()}"' in event.new_value
    with session_scope(engine) as session:
        assert audit.verify(session, get_settings().audit_key).ok


def test_a_scaled_load_keeps_titles_unique_and_the_same_rules(engine):
    _load(engine, initiatives=300, seed=11)
    rows = _scalars(engine, select(Initiative.title, Initiative.status))
    open_titles = [title.lower() for title, status in rows if status not in CLOSED_STATUSES]
    assert len(rows) == 300 and len(open_titles) == len(set(open_titles))
    pairs = _scalars(
        engine,
        select(Initiative.status, PdcaCycle.phase).join(
            PdcaCycle, (PdcaCycle.initiative_id == Initiative.id) & PdcaCycle.closed_on.is_(None)
        ),
    )
    assert len(pairs) == 300 and all(phase in ALLOWED_PHASES[status] for status, phase in pairs)
    assert len(_scalars(engine, select(KpiReading.id))) == 18 * 36  # readings are per KPI, not per initiative


def test_an_admin_loads_into_a_database_with_people_and_departments(engine):
    it = add_department(engine, "IT")
    admin = add_person(engine, Role.ADMIN, name="Sanne de Vries", department_id=it)
    manager = add_person(engine, Role.MANAGER)
    with pytest.raises(PermissionDenied):
        _load(engine, actor=manager)
    summary = _load(engine, actor=admin)
    assert summary.counts["department"] == 14  # IT already existed and is reused
    assert len(_scalars(engine, select(Department.id))) == 15
    actors = _scalars(engine, select(AuditEvent.actor_id, AuditEvent.action).order_by(AuditEvent.seq))
    assert actors[-2:] == [(manager, "denied"), (admin, "bulk_load")]


@pytest.mark.parametrize("who", ["admin", "system"])
def test_production_never_loads_the_demo_whoever_asks(engine, monkeypatch, who):
    admin = add_person(engine, Role.ADMIN, name="Sanne de Vries")
    monkeypatch.setenv("CXGOV_ENV", "production")
    get_settings.cache_clear()
    with pytest.raises(PermissionDenied) as refused:
        _load(engine, actor=admin if who == "admin" else SYSTEM_ACTOR, initiatives=1)
    assert "never loaded in production" in refused.value.message("en")
    assert _scalars(engine, select(Initiative.id)) == []
    [(actor, action)] = _scalars(engine, select(AuditEvent.actor_id, AuditEvent.action))
    assert (actor, action) == (admin if who == "admin" else None, "denied")


def test_the_number_of_initiatives_is_validated(engine):
    with pytest.raises(ValidationError):
        _load(engine, initiatives=0)


def test_the_generator_is_deterministic_and_complete():
    first, second = build_demo(60, 3, today=REFERENCE_DATE), build_demo(60, 3, today=REFERENCE_DATE)
    assert first.tables == second.tables and first.tables["milestone"] and first.tables["plan_action"]
    assert len(first.tables["kpi"]) == len(KPIS) == 18


def test_cli_demo_loads_prints_counts_and_refuses_a_second_time(monkeypatch, capsys, sqlite_url):
    monkeypatch.setenv("CXGOV_DATABASE_URL", sqlite_url)
    get_settings.cache_clear()
    try:
        assert main(["demo", "--initiatives", "45", "--seed", "5"]) == 0
        out = capsys.readouterr().out
        assert "initiative" in out and "45" in out and "rows/s" in out
        assert main(["demo"]) == 2
        assert "already holds 45 initiatives" in capsys.readouterr().err
    finally:
        get_settings.cache_clear()
    engine = make_engine(sqlite_url)
    assert len(_scalars(engine, select(Initiative.id))) == 45
    engine.dispose()


# --- the plan layer: A3 records, plan actions, milestones, risks, dependencies, team -----------------------


def _open_cycles(engine):
    return _scalars(
        engine,
        select(Initiative, PdcaCycle).join(
            PdcaCycle, (PdcaCycle.initiative_id == Initiative.id) & PdcaCycle.closed_on.is_(None)
        ),
    )


def test_every_current_cycle_has_an_a3_record_that_fits_its_phase(engine):
    _load(engine)
    rows = _open_cycles(engine)
    projects = [(i, c) for i, c in rows if i.lane is Lane.PROJECT]
    assert len(projects) > 25
    for initiative, cycle in projects:
        assert cycle.background and cycle.current_condition and cycle.root_cause and cycle.hypothesis, initiative.title
        assert cycle.target_kpi_id is not None and cycle.baseline_value is not None and cycle.target_value is not None
        assert cycle.target_date == initiative.target_date
        assert bool(cycle.done_summary) == (cycle.phase is not Phase.PLAN), initiative.title
        assert (cycle.check_sample_size or 0) > 0 if cycle.check_result else cycle.check_sample_size is None
    quick_fixes = [(i, c) for i, c in rows if i.lane is Lane.QUICK_FIX]
    assert quick_fixes and all(c.background and not c.root_cause and c.target_kpi_id is None for _, c in quick_fixes)
    finished = [c for i, c in quick_fixes if i.status is Status.COMPLETED]
    assert finished and all(c.done_summary and c.check_result for c in finished)  # problem -> change -> result


def test_plan_actions_have_owners_dates_and_costs_and_belong_to_a_cycle(engine):
    _load(engine)
    actions = _scalars(
        engine,
        select(PlanAction, PdcaCycle, Initiative.status)
        .join(PdcaCycle, PdcaCycle.id == PlanAction.cycle_id)
        .join(Initiative, Initiative.id == PdcaCycle.initiative_id),
    )
    assert len(actions) > 100 and all(a.owner_id and a.due_on for a, _, _ in actions)
    assert all(a.done_on is None or a.done_on <= REFERENCE_DATE for a, _, _ in actions)
    assert sum(1 for a, _, _ in actions if a.cost_cents) > 50 and all((a.cost_cents or 0) >= 0 for a, _, _ in actions)
    assert all(a.done_on for a, c, _ in actions if c.closed_on)  # a closed cycle's plan was carried out
    planning = {c.id for a, c, status in actions if c.phase is Phase.PLAN and status is Status.ACTIVE}
    assert planning  # initiatives still planning have actions for their plan
    assert not [a for a, _, status in actions if status is Status.REJECTED]


def test_milestones_lie_within_the_initiative_and_only_struggling_work_is_overdue(engine):
    _load(engine)
    rows = _scalars(engine, select(Milestone, Initiative).join(Initiative))
    assert len(rows) > 80
    assert all(i.start_date <= m.due_on <= i.target_date for m, i in rows)
    assert all(m.done_on is None or m.done_on <= REFERENCE_DATE for m, _ in rows)
    assert {i.status for _, i in rows}.isdisjoint({Status.PROPOSED, Status.REJECTED})
    reported = dict(
        _scalars(
            engine,
            text(
                "SELECT c.initiative_id, c.health FROM check_in c WHERE c.checkin_date = "
                "(SELECT max(checkin_date) FROM check_in WHERE initiative_id = c.initiative_id)"
            ),
        )
    )
    overdue = [(m, i) for m, i in rows if m.done_on is None and m.due_on < REFERENCE_DATE and i.status is Status.ACTIVE]
    assert 5 <= len(overdue) <= 15
    assert all(reported[i.id] != "green" for _, i in overdue)  # the owners reported what the milestones show
    assert len({i.id for _, i in overdue}) >= 4
    assert any(REFERENCE_DATE - m.due_on <= timedelta(days=14) for m, _ in overdue)  # amber, not yet red
    future = [m for m, i in rows if m.due_on > REFERENCE_DATE]
    assert len(future) > len(overdue) and not any(m.done_on for m in future)


def test_risks_score_probability_and_impact_with_a_mitigation_and_an_owner(engine):
    _load(engine)
    risks = _scalars(engine, select(Risk, Initiative.status).join(Initiative))
    assert 15 <= len(risks) <= 40
    assert all(1 <= r.probability <= 5 and 1 <= r.impact <= 5 and r.mitigation and r.owner_id for r, _ in risks)
    assert any(r.probability * r.impact >= 16 for r, _ in risks) and any(r.closed_on for r, _ in risks)
    assert all(r.closed_on for r, status in risks if status is Status.COMPLETED)


def test_dependencies_are_acyclic_and_some_blockers_are_red_or_late(engine):
    _load(engine)
    edges = _scalars(engine, select(InitiativeDependency.initiative_id, InitiativeDependency.blocked_by_id))
    assert 4 <= len(edges) <= 8
    blocked_by = {}
    for blocked, blocker in edges:
        blocked_by.setdefault(blocked, set()).add(blocker)

    def reaches(start, goal, seen=frozenset()):
        return any(b == goal or (b not in seen and reaches(b, goal, seen | {b})) for b in blocked_by.get(start, ()))

    assert not any(reaches(node, node) for node in blocked_by)
    with session_scope(engine) as session:
        assessed = assess(session, initiative_ids=None, today=REFERENCE_DATE, cadence_days=45, spend_tolerance_pct=10)
    fired = {(i, s.rule) for i, a in assessed.items() for s in a.delivery}
    assert len({i for i, rule in fired if rule == "blocked"}) >= 2
    assert len({i for i, rule in fired if rule == "milestone_overdue"}) >= 4
    assert {a.derived for a in assessed.values()} >= {Health.RED, Health.AMBER}


def test_the_lessons_library_holds_real_lessons_across_disciplines_and_departments(engine):
    _load(engine)
    with session_scope(engine) as session:
        library = lessons(session)
    assert 8 <= len(library) <= 15
    assert library["discipline"].nunique() >= 5 and library["owning_department"].nunique() >= 5
    assert set(library["act_decision"]) == {"adjust", "standardise"}
    assert library["lesson"].str.len().min() > 40 and library["lesson"].nunique() == len(library)
    closed = _scalars(engine, select(PdcaCycle).where(PdcaCycle.closed_on.is_not(None)))
    assert all(c.lesson and c.done_summary and c.target_date == c.closed_on for (c,) in closed)


def test_team_members_have_a_role_that_fits_them(engine):
    _load(engine)
    members = _scalars(engine, select(Person.name, InitiativeMember.role_on_initiative).join(InitiativeMember))
    assert len(members) > 60 and all(role == TEAM_ROLES[name] for name, role in members)
    assert {"analyst", "IT lead", "UX designer"} <= {role for _, role in members}


def test_scaled_variants_get_a_plan_placed_within_their_own_dates(engine):
    _load(engine, initiatives=200, seed=4)
    rows = _scalars(engine, select(Milestone.due_on, Initiative.start_date, Initiative.target_date).join(Initiative))
    assert len(rows) > 200 and all(start <= due <= target for due, start, target in rows)
    actions = _scalars(engine, select(func.count(PlanAction.id)))[0][0]
    assert actions > 400
    assert len(_scalars(engine, select(InitiativeDependency.initiative_id))) == 7  # only the table's own


# --- dated to the day it is loaded ------------------------------------------------------------------------

A_YEAR_LATER = REFERENCE_DATE + timedelta(days=365)
LOAD_DAYS = [A_YEAR_LATER, date(2028, 2, 29), date(2027, 3, 1)]


def _latest_check_ins(portfolio):
    latest = {}
    for row in portfolio.tables["check_in"]:  # in date order per initiative
        latest[row["initiative_id"]] = row
    return latest


@pytest.mark.parametrize("today", LOAD_DAYS)
def test_loaded_on_another_day_the_demo_stands_where_it_stood_on_its_reference_day(today):
    then, now = build_demo(60, 2026, today=REFERENCE_DATE), build_demo(60, 2026, today=today)
    then_latest, now_latest = _latest_check_ins(then), _latest_check_ins(now)
    # Every check-in is as many days old as on the reference day, so the same ones are within the cadence ...
    assert {i: (today - c["checkin_date"]).days for i, c in now_latest.items()} == {
        i: (REFERENCE_DATE - c["checkin_date"]).days for i, c in then_latest.items()
    }
    assert max(c["checkin_date"] for c in now.tables["check_in"]) <= today
    # ... and the health, status and phase mix is the same.
    assert Counter(c["health"] for c in now_latest.values()) == Counter(c["health"] for c in then_latest.values())
    assert [(i["status"], i["progress_pct"]) for i in now.tables["initiative"]] == [
        (i["status"], i["progress_pct"]) for i in then.tables["initiative"]
    ]
    assert [c["phase"] for c in now.tables["pdca_cycle"]] == [c["phase"] for c in then.tables["pdca_cycle"]]
    # Milestones are as many days overdue or ahead, and none is done after today.
    assert [(m["due_on"] - today).days for m in now.tables["milestone"]] == [
        (m["due_on"] - REFERENCE_DATE).days for m in then.tables["milestone"]
    ]
    assert all(m["done_on"] is None or m["done_on"] <= today for m in now.tables["milestone"])
    # The readings are the 36 months up to today's month, never a month ahead.
    periods = sorted({r["period"] for r in now.tables["kpi_reading"]})
    assert len(periods) == 36 and periods[-1] == today.replace(day=1)
    assert all(r["created_at"].date() <= today for r in now.tables["kpi_reading"])


def test_the_kpi_effects_keep_their_shape_a_year_later():
    then = build_portfolio(40, 2026, today=REFERENCE_DATE)
    now = build_portfolio(40, 2026, today=A_YEAR_LATER)

    def wismo(portfolio, year):
        kpi = next(k["id"] for k in portfolio.tables["kpi"] if k["code"] == "WISMO")
        values = {r["period"]: r["value"] for r in portfolio.tables["kpi_reading"] if r["kpi_id"] == kpi}
        return [values[date(year, m, 1)] for m in (8, 9, 10)]

    # The same fall as on the reference day (test above), a year later: seasonality stays on the calendar.
    assert sum(wismo(now, 2026)) / 3 - sum(wismo(now, 2027)) / 3 > 3
    assert sum(wismo(then, 2025)) / 3 - sum(wismo(then, 2026)) / 3 > 3


def test_the_same_seed_and_day_give_identical_rows_and_another_day_moves_them():
    first, second = build_demo(60, 3, today=A_YEAR_LATER), build_demo(60, 3, today=A_YEAR_LATER)
    assert first.tables == second.tables
    reference = build_demo(60, 3, today=REFERENCE_DATE)
    assert [i["start_date"] for i in first.tables["initiative"]] == [
        i["start_date"] + timedelta(days=365) for i in reference.tables["initiative"]
    ]


def test_the_rules_judge_the_demo_alike_on_any_day(engine, sqlite_template, tmp_path):
    later = tmp_path / "later.sqlite3"
    with sqlite3.connect(sqlite_template) as source, sqlite3.connect(later) as dest:
        source.backup(dest)
    other = make_engine(f"sqlite:///{later}")
    _load(engine)
    _load(other, today=A_YEAR_LATER)
    settings = get_settings()

    def judged(database, today):
        with session_scope(database) as session:
            assessed = assess(
                session,
                initiative_ids=None,
                today=today,
                cadence_days=settings.check_in_cadence_days,
                spend_tolerance_pct=settings.spend_tolerance_pct,
            )
        return Counter(a.derived for a in assessed.values()), Counter(
            s.rule for a in assessed.values() for s in a.delivery
        )

    assert judged(other, A_YEAR_LATER) == judged(engine, REFERENCE_DATE)
    other.dispose()


def test_the_service_dates_the_demo_to_today_in_the_installations_time_zone(engine):
    before = today_in(get_settings().time_zone)
    _load(engine, initiatives=3, today=None)
    after = today_in(get_settings().time_zone)
    latest = _scalars(engine, select(func.max(KpiReading.period)))[0][0]
    assert latest in {before.replace(day=1), after.replace(day=1)}
    assert max(day for (day,) in _scalars(engine, select(CheckIn.checkin_date))) <= after
