"""Portfolio and KPI queries: reported health, phase, budget sums and board lists, on both databases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import event

from cxgov.db import session_scope
from cxgov.models import BudgetLine, Expense, InitiativeKpi
from cxgov.queries import kpis, portfolio
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.initiatives import record_check_in
from cxgov.services.kpis import create_kpi, record_kpi_reading
from tests.factories import add_department, add_initiative, add_person

TODAY = date(2026, 11, 29)
RED_REASON = "Print supplier missed the template deadline"
AMBER_REASON = "Hand-over to agents drops 5% of chats"


@dataclass
class Portfolio:
    owner: int
    invoices: int  # design, active, do, red, budget 15k planned / 12,345.67 spent
    whatsapp: int  # design, active, check, amber, overdue
    personas: int  # customer understanding, proposed by Marketing, no check-in
    agents: int  # culture, on hold, green
    closed: int  # measurement, completed, red (closed: not counted), past target (not overdue)
    later_proposal: int  # strategy, proposed after personas
    wismo_kpi: int  # linked to invoices (design), no discipline
    nps_kpi: int  # measurement


def check_in(engine, initiative_id: int, day: date, health: str, reason: str = "") -> None:
    """A check-in reporting `health` whatever the rules derive (a late target date makes them red); seeded like
    history, so the closed initiative may carry one too."""
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"checkin_date": day, "health": health, "reason": reason, "override_reason": "test arrangement"},
            allow_closed=True,
        )


def add_money(engine, initiative_id: int, planned: list[int], spent: list[int]) -> None:
    """Test arrangement: budget lines and expenses inserted directly (their service comes in a later step)."""
    with session_scope(engine, write=True) as session:
        session.add_all(
            BudgetLine(initiative_id=initiative_id, year=2026, quarter=q, planned_cents=cents)
            for q, cents in enumerate(planned, start=1)
        )
        session.add_all(
            Expense(
                initiative_id=initiative_id,
                spent_on=date(2026, 6, 1),
                amount_cents=cents,
                correction_reason="" if cents > 0 else "supplier credit note",
            )
            for cents in spent
        )


def add_kpi(
    engine,
    code: str,
    name: str,
    discipline: str | None,
    readings: list[tuple[date, float, str]],
    primary_source: str = "",
) -> int:
    with session_scope(engine, write=True) as session:
        kpi_id = create_kpi(
            session=session,
            actor=SYSTEM_ACTOR,
            data={
                "code": code,
                "name": name,
                "kind": "operational",
                "unit": "%",
                "discipline": discipline,
                "direction": "lower_is_better",
                "primary_source": primary_source,
            },
        )
    for period, value, source in readings:
        with session_scope(engine, write=True) as session:
            record_kpi_reading(
                session=session,
                actor=SYSTEM_ACTOR,
                data={"kpi_id": kpi_id, "period": period, "value": value, "sample_size": 400, "source": source},
            )
    return kpi_id


def link_kpi(engine, initiative_id: int, kpi_id: int) -> None:
    """Test arrangement: the initiative↔KPI link inserted directly (no service yet)."""
    with session_scope(engine, write=True) as session:
        session.add(InitiativeKpi(initiative_id=initiative_id, kpi_id=kpi_id, baseline=28, target=18))


def build_portfolio(engine) -> Portfolio:
    """A small portfolio with every case the leadership pages distinguish."""
    marketing = add_department(engine, "Marketing")
    owner = add_person(engine, name="Anna de Vries", department_id=marketing)
    other = add_person(engine, name="Bram Jansen")
    invoices = add_initiative(
        engine,
        owner_id=owner,
        title="Plain-language invoices",
        status="active",
        phase="do",
        target_date=date(2026, 12, 31),
    )
    whatsapp = add_initiative(
        engine,
        owner_id=other,
        title="WhatsApp service",
        status="active",
        phase="check",
        target_date=date(2026, 10, 1),
        lane="quick_fix",
    )
    personas = add_initiative(
        engine,
        owner_id=owner,
        title="Persona refresh",
        discipline="customer_understanding",
        requesting_department_id=marketing,
    )
    agents = add_initiative(
        engine, owner_id=other, title="Agents resolve up to €50", discipline="culture", status="on_hold", phase="do"
    )
    closed = add_initiative(
        engine,
        owner_id=owner,
        title="Survey clean-up",
        discipline="measurement",
        status="completed",
        phase="act",
        target_date=date(2026, 1, 31),
    )
    later = add_initiative(engine, owner_id=other, title="One price everywhere", discipline="strategy")
    check_in(engine, invoices, date(2026, 10, 1), "green")
    check_in(engine, invoices, date(2026, 11, 1), "red", RED_REASON)
    check_in(engine, whatsapp, date(2026, 11, 15), "amber", AMBER_REASON)
    check_in(engine, agents, date(2026, 11, 20), "green")
    check_in(engine, closed, date(2026, 1, 15), "red", "Late")
    add_money(engine, invoices, [1_000_000, 500_000], [1_234_567, -1_000])
    add_money(engine, closed, [200_000], [250_001])
    wismo = add_kpi(
        engine,
        "WISMO",
        "Where-is-my-order share",
        None,
        [
            (date(2025, 10, 1), 28.0, "panel"),
            (date(2026, 9, 1), 23.0, "panel"),
            (date(2026, 10, 1), 22.0, "panel"),
            (date(2026, 10, 1), 21.0, "import"),
        ],
        primary_source="import",
    )  # two sources for a month: the primary counts
    nps = add_kpi(engine, "NPS_REL", "Relationship NPS", "measurement", [(date(2026, 10, 1), 30.0, "")])
    link_kpi(engine, invoices, wismo)
    return Portfolio(owner, invoices, whatsapp, personas, agents, closed, later, wismo, nps)


def read(engine, query, **params):
    with session_scope(engine) as session:
        return query(session, **params)


def test_summary_counts_open_work_and_all_money(engine):
    build_portfolio(engine)
    row = read(engine, portfolio.summary).iloc[0].to_dict()
    assert row == {
        "total": 6,
        "open": 5,
        "red": 1,
        "amber": 1,
        "no_update": 2,
        "planned_cents": 1_700_000,
        "actual_cents": 1_483_568,
        "variance_cents": -216_432,
    }


def test_summary_of_one_discipline(engine):
    build_portfolio(engine)
    row = read(engine, portfolio.summary, discipline="design").iloc[0]
    assert (row["open"], row["red"], row["amber"], row["planned_cents"]) == (2, 1, 1, 1_500_000)


def test_empty_database_gives_zero_rows_and_zeros(engine):
    assert read(engine, portfolio.summary).iloc[0]["total"] == 0
    assert read(engine, portfolio.initiatives).empty
    assert read(engine, portfolio.by_health)["initiatives"].tolist() == [0, 0, 0, 0]
    assert read(engine, kpis.discipline_kpis, discipline="design").empty


def test_counts_by_discipline_status_and_health(engine):
    build_portfolio(engine)
    counts = read(engine, portfolio.by_discipline_and_status)
    assert set(map(tuple, counts.values.tolist())) == {
        ("culture", "on_hold", 1),
        ("customer_understanding", "proposed", 1),
        ("design", "active", 2),
        ("measurement", "completed", 1),
        ("strategy", "proposed", 1),
    }
    health = read(engine, portfolio.by_health)
    assert dict(zip(health["health"], health["initiatives"], strict=True)) == {
        "red": 1,
        "amber": 1,
        "green": 1,
        "no_update": 2,
    }


def test_budget_by_discipline_is_exact_to_the_cent(engine):
    build_portfolio(engine)
    budget = read(engine, portfolio.budget_by_discipline).set_index("discipline")
    assert budget.loc["design"].tolist() == [1_500_000, 1_233_567]
    assert budget.loc["measurement"].tolist() == [200_000, 250_001]
    assert budget.loc["culture"].tolist() == [0, 0]


def test_initiative_rows_carry_phase_latest_check_in_and_owner(engine):
    p = build_portfolio(engine)
    rows = read(engine, portfolio.initiatives, discipline="design").set_index("id")
    assert list(rows.index) == [p.whatsapp, p.invoices]  # newest first
    invoices = rows.loc[p.invoices]
    assert (invoices["phase"], invoices["health"], invoices["reason"], invoices["owner"]) == (
        "do",
        "red",
        RED_REASON,
        "Anna de Vries",
    )
    assert invoices["checkin_date"] == date(2026, 11, 1)
    assert rows.loc[p.whatsapp, "phase"] == "check"


def test_needing_attention_lists_open_red_then_amber(engine):
    p = build_portfolio(engine)
    attention = read(engine, portfolio.needing_attention)
    assert attention["id"].tolist() == [p.invoices, p.whatsapp]
    assert attention["reason"].tolist() == [RED_REASON, AMBER_REASON]


def test_board_lists(engine):
    p = build_portfolio(engine)
    proposals = read(engine, portfolio.awaiting_approval)
    assert proposals["id"].tolist() == [p.personas, p.later_proposal]  # oldest first
    assert proposals["requesting_department"].iloc[0] == "Marketing"
    assert read(engine, portfolio.reported_red)["id"].tolist() == [p.invoices]
    assert read(engine, portfolio.on_hold)["id"].tolist() == [p.agents]
    assert read(engine, portfolio.overdue, today=TODAY)["id"].tolist() == [p.whatsapp]


def test_discipline_kpis_include_linked_ones_with_latest_and_previous_year(engine):
    p = build_portfolio(engine)
    design = read(engine, kpis.discipline_kpis, discipline="design")
    assert design["id"].tolist() == [p.wismo_kpi]
    wismo = design.iloc[0]
    assert (wismo["latest_period"], wismo["latest_value"], wismo["previous_year_value"]) == (
        date(2026, 10, 1),
        21.0,
        28.0,
    )
    assert (wismo["sample_size"], wismo["unit"], wismo["direction"], wismo["linked_initiatives"]) == (
        400,
        "%",
        "lower_is_better",
        1,
    )
    assert read(engine, kpis.discipline_kpis, discipline="measurement")["id"].tolist() == [p.nps_kpi]


def test_kpi_trends_one_reading_per_month_since_a_date(engine):
    p = build_portfolio(engine)
    trend = read(engine, kpis.kpi_trends, discipline="design", since=date(2026, 1, 1))
    assert trend[["kpi_id", "period", "value"]].values.tolist() == [
        [p.wismo_kpi, date(2026, 9, 1), 23.0],
        [p.wismo_kpi, date(2026, 10, 1), 21.0],
    ]


ALL_READS = [
    (portfolio.summary, {}),
    (portfolio.by_discipline_and_status, {}),
    (portfolio.by_health, {}),
    (portfolio.budget_by_discipline, {}),
    (portfolio.initiatives, {"discipline": "design"}),
    (portfolio.needing_attention, {}),
    (portfolio.awaiting_approval, {}),
    (portfolio.reported_red, {}),
    (portfolio.on_hold, {}),
    (portfolio.overdue, {"today": TODAY}),
    (kpis.discipline_kpis, {"discipline": "design"}),
    (kpis.kpi_trends, {"discipline": "design", "since": TODAY}),
]


def _statements(engine) -> int:
    count = 0

    def counter(*_args):
        nonlocal count
        count += 1

    event.listen(engine, "before_cursor_execute", counter)
    try:
        for query, params in ALL_READS:
            read(engine, query, **params)
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    return count


def test_statement_count_does_not_grow_with_the_number_of_initiatives(engine):
    p = build_portfolio(engine)
    small = _statements(engine)
    for n in range(20):
        extra = add_initiative(engine, owner_id=p.owner, title=f"Extra {n}", status="active", phase="do")
        check_in(engine, extra, date(2026, 11, 2), "amber", "Waiting for IT")
        add_money(engine, extra, [10_000], [5_000])
    assert _statements(engine) == small
