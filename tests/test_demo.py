"""The demo portfolio: realistic content, deterministic per seed, bulk-loaded with one audit event."""
from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select, text

from cxgov import audit
from cxgov.cli import main
from cxgov.db import make_engine, session_scope
from cxgov.demo import REFERENCE_DATE, build_portfolio
from cxgov.demo_content import KPIS
from cxgov.errors import DomainError, PermissionDenied, ValidationError
from cxgov.models import (
    ALLOWED_PHASES, CLOSED_STATUSES, AuditEvent, BudgetLine, CheckIn, Department, Discipline, Initiative, Kpi,
    KpiReading, Lane, Person, PdcaCycle, Phase, Role, Status,
)
from cxgov.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio
from cxgov.settings import get_settings
from tests.factories import add_department, add_person


def _load(engine, *, actor=SYSTEM_ACTOR, **kwargs):
    with session_scope(engine, write=True) as session:
        return load_demo_portfolio(session=session, actor=actor, **kwargs)


def _scalars(engine, query):
    with session_scope(engine) as session:
        return session.execute(query).all()


def test_the_40_initiative_portfolio_covers_every_discipline_lane_status_and_phase(engine):
    summary = _load(engine)
    assert summary.initiatives == 40
    rows = _scalars(engine, select(Initiative.status, Initiative.discipline, Initiative.lane, PdcaCycle.phase)
                    .join(PdcaCycle, (PdcaCycle.initiative_id == Initiative.id) & PdcaCycle.closed_on.is_(None)))
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
    latest = _scalars(engine, text(
        "SELECT c.health FROM check_in c WHERE c.checkin_date = "
        "(SELECT max(checkin_date) FROM check_in WHERE initiative_id = c.initiative_id)"))
    assert {"red", "amber"} <= {h for (h,) in latest}
    closed = _scalars(engine, select(PdcaCycle).where(PdcaCycle.closed_on.is_not(None)))
    assert closed and all(c.hypothesis and c.check_result and c.lesson and c.act_decision == "adjust"
                          for (c,) in closed)
    completed = _scalars(engine, select(PdcaCycle.act_decision).join(Initiative)
                         .where(Initiative.status == Status.COMPLETED, PdcaCycle.closed_on.is_(None)))
    assert {d for (d,) in completed} == {"standardise"}
    overruns = _scalars(engine, text(
        "SELECT i.id FROM initiative i WHERE (SELECT coalesce(sum(amount_cents), 0) FROM expense e "
        "WHERE e.initiative_id = i.id) > (SELECT sum(planned_cents) FROM budget_line b WHERE b.initiative_id = i.id)"))
    assert len(overruns) >= 3


def test_where_is_my_order_share_falls_after_initiative_7_reached_check():
    portfolio = build_portfolio(40, 2026)
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
    query = select(Initiative.title, func.sum(BudgetLine.planned_cents)).join(BudgetLine, isouter=True) \
        .group_by(Initiative.id, Initiative.title).order_by(Initiative.id)
    assert _scalars(engine, query) == _scalars(other, query)
    other.dispose()
    assert build_portfolio(40, 7).tables["kpi_reading"] != build_portfolio(40, 8).tables["kpi_reading"]


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
    with session_scope(engine) as session:
        assert audit.verify(session, get_settings().audit_key).ok


def test_a_scaled_load_keeps_titles_unique_and_the_same_rules(engine):
    _load(engine, initiatives=300, seed=11)
    rows = _scalars(engine, select(Initiative.title, Initiative.status))
    open_titles = [title.lower() for title, status in rows if status not in CLOSED_STATUSES]
    assert len(rows) == 300 and len(open_titles) == len(set(open_titles))
    pairs = _scalars(engine, select(Initiative.status, PdcaCycle.phase)
                     .join(PdcaCycle, (PdcaCycle.initiative_id == Initiative.id) & PdcaCycle.closed_on.is_(None)))
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


def test_the_number_of_initiatives_is_validated(engine):
    with pytest.raises(ValidationError):
        _load(engine, initiatives=0)


def test_the_generator_is_deterministic_and_complete():
    first, second = build_portfolio(60, 3), build_portfolio(60, 3)
    assert first.tables == second.tables
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
