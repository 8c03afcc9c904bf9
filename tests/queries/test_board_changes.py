"""What changed between two moments, from a scripted sequence of edits through the real services by several
people (a reverted change included), and the thresholds for budget and KPI movements; on both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cxgov.db import session_scope
from cxgov.models import Initiative, Role
from cxgov.models.base import utcnow
from cxgov.queries.board_changes import CHANGE_COLUMNS, changes_since
from cxgov.services.budget import set_budget_line
from cxgov.services.initiatives import current_cycle, record_check_in, update_initiative
from cxgov.services.kpis import create_kpi, record_kpi_reading
from cxgov.services.lifecycle import move_status
from cxgov.services.pdca import move_to_next_phase
from tests.factories import add_initiative, add_milestone, add_person

FAR_TARGET = date(2030, 12, 31)  # far enough that the target-date rule never fires


def version(engine, initiative_id: int) -> int:
    with session_scope(engine) as session:
        return session.get(Initiative, initiative_id).version


def move(engine, actor: int, initiative_id: int, how: str) -> None:
    with session_scope(engine, write=True) as session:
        move_status(
            session=session,
            actor=actor,
            initiative_id=initiative_id,
            seen_version=version(engine, initiative_id),
            move=how,
            reason=f"{how} as scripted",
        )


def set_target_date(engine, actor: int, initiative_id: int, day: date) -> None:
    with session_scope(engine) as session:
        row = session.get(Initiative, initiative_id)
        data = row.model_dump(
            include={"title", "discipline", "owner_id", "status", "lane", "priority", "progress_pct", "start_date"}
        )
        data["phase"] = current_cycle(session, initiative_id).phase
    with session_scope(engine, write=True) as session:
        update_initiative(
            session=session,
            actor=actor,
            initiative_id=initiative_id,
            seen_version=version(engine, initiative_id),
            data=data | {"target_date": day},
        )


def check_in(engine, actor: int, initiative_id: int, health: str, reason: str = "") -> None:
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=actor,
            initiative_id=initiative_id,
            data={"checkin_date": date.today(), "health": health, "reason": reason},
        )


def plan(engine, actor: int, initiative_id: int, quarter: int, euros: int) -> None:
    with session_scope(engine, write=True) as session:
        set_budget_line(
            session=session,
            actor=actor,
            initiative_id=initiative_id,
            data={"year": 2027, "quarter": quarter, "planned_cents": euros * 100},
        )


def changes(engine, since: datetime, until: datetime) -> list[tuple]:
    with session_scope(engine) as session:
        frame = changes_since(session, since=since, until=until)
    assert list(frame.columns) == list(CHANGE_COLUMNS)
    return [tuple(row) for row in frame.drop(columns="at").itertuples(index=False)]


def test_every_change_between_two_moments_with_who_and_from_what_to_what(engine):
    anna = add_person(engine, Role.MANAGER, name="Anna de Vries")
    pia = add_person(engine, Role.PROGRAMME_OFFICE, name="Pia Bakker")
    lars = add_person(engine, Role.LEADER, name="Lars Visser")
    invoices = add_initiative(
        engine, owner_id=anna, actor=anna, title="Plain-language invoices", target_date=FAR_TARGET
    )
    plan(engine, anna, invoices, 1, 100_000)
    move(engine, lars, invoices, "approve")
    check_in(engine, anna, invoices, "green")
    since = utcnow()

    whatsapp = add_initiative(engine, owner_id=anna, actor=anna, title="WhatsApp service")
    move(engine, lars, whatsapp, "reject")
    with session_scope(engine, write=True) as session:
        move_to_next_phase(
            session=session,
            actor=anna,
            initiative_id=invoices,
            seen_version=version(engine, invoices),
            override_reason="go",
        )
    add_milestone(engine, invoices, due_on=date(2026, 1, 5), title="Templates signed off")  # long overdue: red
    check_in(engine, anna, invoices, "red", "Print supplier missed the template deadline")
    move(engine, pia, invoices, "hold")
    move(engine, pia, invoices, "resume")  # reverted: both moves happened
    set_target_date(engine, pia, invoices, date(2031, 3, 31))
    set_target_date(engine, pia, invoices, FAR_TARGET)  # and back
    plan(engine, anna, invoices, 1, 104_000)  # 4 % of the plan: below the threshold
    plan(engine, pia, invoices, 2, 10_400)  # exactly 10 % of the plan before it: shown
    until = utcnow()

    check_in(engine, anna, invoices, "red", "After the window")
    plan(engine, pia, invoices, 3, 50_000)  # a later change must not change the amounts reported before it

    assert changes(engine, since, until) == [
        (whatsapp, "WhatsApp service", "created", "Anna de Vries", None, "proposed", None),
        (whatsapp, "WhatsApp service", "rejected", "Lars Visser", "proposed", "rejected", None),
        (invoices, "Plain-language invoices", "phase", "Anna de Vries", "plan", "do", None),
        (invoices, "Plain-language invoices", "reported_health", "Anna de Vries", "green", "red", None),
        (invoices, "Plain-language invoices", "derived_health", "Anna de Vries", "green", "red", None),
        (invoices, "Plain-language invoices", "on_hold", "Pia Bakker", "active", "on_hold", None),
        (invoices, "Plain-language invoices", "resumed", "Pia Bakker", "on_hold", "active", None),
        (invoices, "Plain-language invoices", "target_date", "Pia Bakker", FAR_TARGET, date(2031, 3, 31), None),
        (invoices, "Plain-language invoices", "target_date", "Pia Bakker", date(2031, 3, 31), FAR_TARGET, None),
        (invoices, "Plain-language invoices", "budget", "Pia Bakker", 10_400_000, 11_440_000, None),
    ]
    with session_scope(engine) as session:
        frame = changes_since(session, since=since, until=until)
    assert all(since < at <= until and at.tzinfo is not None for at in frame["at"])
    assert frame["at"].is_monotonic_increasing


def test_first_check_in_moves_from_no_update_and_the_window_is_open_at_its_start(engine):
    anna = add_person(engine, Role.MANAGER, name="Anna de Vries")
    quiet = add_initiative(engine, owner_id=anna, actor=anna, title="Quiet one")
    since = utcnow()
    check_in(engine, anna, quiet, "amber", "Waiting for legal")
    check_in(engine, anna, quiet, "amber", "Still waiting for legal")  # same health: no change
    until = utcnow()
    assert changes(engine, since, until) == [
        (quiet, "Quiet one", "reported_health", "Anna de Vries", "no_update", "amber", None)
    ]
    assert changes(engine, until, utcnow()) == []


@pytest.mark.parametrize(("pct", "shown"), [(10, False), (4, True)])
def test_budget_threshold_is_a_share_of_the_previous_plan(engine, monkeypatch, pct, shown):
    monkeypatch.setenv("CXGOV_BOARD_BUDGET_CHANGE_PCT", str(pct))
    pia = add_person(engine, Role.PROGRAMME_OFFICE, name="Pia Bakker")
    initiative = add_initiative(engine, owner_id=pia, title="Chat bot")
    plan(engine, pia, initiative, 1, 50_000)
    plan(engine, pia, initiative, 2, 50_000)
    since = utcnow()
    plan(engine, pia, initiative, 2, 54_000)  # +4,000 on a plan of 100,000
    lines = changes(engine, since, utcnow())
    assert lines == ([(initiative, "Chat bot", "budget", "Pia Bakker", 10_000_000, 10_400_000, None)] if shown else [])


def test_a_new_plan_from_nothing_is_always_a_change(engine):
    pia = add_person(engine, Role.PROGRAMME_OFFICE, name="Pia Bakker")
    initiative = add_initiative(engine, owner_id=pia, title="Chat bot")
    since = utcnow()
    plan(engine, pia, initiative, 1, 1)
    assert changes(engine, since, utcnow()) == [(initiative, "Chat bot", "budget", "Pia Bakker", 0, 100, None)]


def add_kpi(engine, analyst: int, code: str, scale: tuple[float | None, float | None], values: list[float]) -> int:
    """A KPI with readings for January and March 2025, recorded by the analyst."""
    with session_scope(engine, write=True) as session:
        kpi_id = create_kpi(
            session=session,
            actor=analyst,
            data={
                "code": code,
                "name": f"KPI {code}",
                "kind": "operational",
                "scale_min": scale[0],
                "scale_max": scale[1],
            },
        )
    for month, value in zip((1, 3), values, strict=True):
        with session_scope(engine, write=True) as session:
            record_kpi_reading(
                session=session, actor=analyst, data={"kpi_id": kpi_id, "period": date(2025, month, 1), "value": value}
            )
    return kpi_id


def test_kpi_moves_from_the_threshold_of_the_scale_or_of_the_previous_value(engine):
    ivo = add_person(engine, Role.ANALYST, name="Ivo Smit")
    moved = add_kpi(engine, ivo, "CSAT", (0, 100), [70, 75])  # 5 points of a 100-point scale: 5 %
    small = add_kpi(engine, ivo, "CSAT2", (0, 100), [70, 74.5])
    unscaled = add_kpi(engine, ivo, "CPO", (0, None), [20, 19])  # 5 % of the previous value
    unscaled_small = add_kpi(engine, ivo, "CPO2", (0, None), [20, 20.5])
    since, until = datetime(2025, 2, 15, tzinfo=UTC), datetime(2025, 4, 15, tzinfo=UTC)
    assert changes(engine, since, until) == [  # in the order the newer readings were recorded
        (None, "KPI CSAT", "kpi", "Ivo Smit", 70.0, 75.0, moved),
        (None, "KPI CPO", "kpi", "Ivo Smit", 20.0, 19.0, unscaled),
    ]
    assert {small, unscaled_small}.isdisjoint({moved, unscaled})
    # Before the first reading there is nothing to move from.
    assert changes(engine, datetime(2024, 12, 1, tzinfo=UTC), until) == []
