"""The Programs reads: every filter and sort in SQL, exact cents, a fixed number of statements."""

from datetime import date

import pytest
from sqlalchemy import event

from cxgov.db import session_scope
from cxgov.models import InitiativeKpi, Kpi, KpiKind, KpiReading, Role, StrategicObjective, TaxonomyKind, TaxonomyTerm
from cxgov.queries import initiatives as q
from cxgov.queries.base import NO_UPDATE
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.budget import record_expense, set_budget_line
from cxgov.services.initiatives import record_check_in
from tests.factories import add_department, add_initiative, add_person


def _insert(engine, row) -> int | None:
    with session_scope(engine, write=True) as session:
        session.add(row)
        session.flush()
        return getattr(row, "id", None)


def _write(engine, service, **kwargs):
    with session_scope(engine, write=True) as session:
        return service(session=session, actor=SYSTEM_ACTOR, **kwargs)


def _read(engine, query, *args, **kwargs):
    with session_scope(engine) as session:
        return query(session, *args, **kwargs)


@pytest.fixture
def portfolio(engine):
    """Three initiatives that differ in every filterable way."""
    finance, stores = add_department(engine, "Finance"), add_department(engine, "Stores")
    anna, bram = add_person(engine, Role.MANAGER, name="Anna"), add_person(engine, Role.MANAGER, name="Bram")
    objective = _insert(engine, StrategicObjective(title="Effortless service"))
    web = _insert(engine, TaxonomyTerm(kind=TaxonomyKind.CHANNEL, code="web", name_en="Web", name_nl="Web"))
    pay = _insert(
        engine, TaxonomyTerm(kind=TaxonomyKind.JOURNEY_STAGE, code="pay", name_en="Payment", name_nl="Betalen")
    )
    ids = {
        "invoices": add_initiative(
            engine,
            owner_id=anna,
            title="Plain-language invoices",
            discipline="design",
            owning_department_id=finance,
            objective_id=objective,
            channel_ids=[web],
            journey_stage_ids=[pay],
            status="active",
            phase="do",
            progress_pct=40,
            target_date=date(2026, 12, 31),
            description="B1 level wording",
        ),
        "returns": add_initiative(
            engine,
            owner_id=bram,
            title="Return in any store",
            discipline="strategy",
            owning_department_id=stores,
            status="proposed",
            lane="quick_fix",
            progress_pct=0,
            target_date=date(2026, 6, 30),
        ),
        "nps": add_initiative(
            engine,
            owner_id=anna,
            title="Detractor call-back",
            discipline="measurement",
            status="active",
            phase="check",
            progress_pct=80,
        ),
    }
    _write(
        engine,
        record_check_in,
        initiative_id=ids["invoices"],
        data={"checkin_date": date(2026, 10, 1), "health": "green"},
    )
    _write(
        engine,
        record_check_in,
        initiative_id=ids["invoices"],
        data={"checkin_date": date(2026, 11, 1), "health": "red", "reason": "Supplier late"},
    )
    _write(
        engine,
        record_check_in,
        initiative_id=ids["nps"],
        data={"checkin_date": date(2026, 11, 2), "health": "amber", "reason": "Few calls"},
    )
    for quarter, amount in ((3, "1.000,10"), (4, "2000.20")):
        _write(
            engine,
            set_budget_line,
            initiative_id=ids["invoices"],
            data={"year": 2026, "quarter": quarter, "planned_cents": amount},
        )
    for spent_on, amount in ((date(2026, 8, 3), "0,10"), (date(2026, 8, 4), "0.20"), (date(2026, 11, 5), "99,99")):
        _write(
            engine, record_expense, initiative_id=ids["invoices"], data={"spent_on": spent_on, "amount_cents": amount}
        )
    return ids | {"anna": anna, "finance": finance, "objective": objective, "web": web, "pay": pay}


def _titles(engine, **kwargs) -> list[str]:
    return _read(engine, q.initiative_list, **kwargs)["title"].tolist()


def test_each_filter_narrows_the_list(engine, portfolio):
    p = portfolio
    assert _titles(engine, discipline="strategy") == ["Return in any store"]
    assert _titles(engine, status="proposed") == ["Return in any store"]
    assert _titles(engine, phase="check") == ["Detractor call-back"]
    assert _titles(engine, health="red") == ["Plain-language invoices"]
    assert _titles(engine, health=NO_UPDATE) == ["Return in any store"]
    assert _titles(engine, lane="quick_fix") == ["Return in any store"]
    assert _titles(engine, owner_id=p["anna"]) == ["Detractor call-back", "Plain-language invoices"]
    assert _titles(engine, department_id=p["finance"]) == ["Plain-language invoices"]
    assert _titles(engine, objective_id=p["objective"]) == ["Plain-language invoices"]
    assert _titles(engine, journey_stage_id=p["pay"]) == ["Plain-language invoices"]
    assert _titles(engine, channel_id=p["web"]) == ["Plain-language invoices"]
    assert _titles(engine, text="b1 LEVEL") == ["Plain-language invoices"]
    assert _titles(engine, text="STORE") == ["Return in any store"]
    assert _titles(engine, text="100%") == []  # LIKE wildcards in the search are taken literally
    assert _titles(engine, discipline="design", status="proposed") == []


def test_sorting(engine, portfolio):
    assert _titles(engine) == ["Detractor call-back", "Plain-language invoices", "Return in any store"]
    assert _titles(engine, sort="progress", descending=True) == [
        "Detractor call-back",
        "Plain-language invoices",
        "Return in any store",
    ]
    assert _titles(engine, sort="health") == ["Plain-language invoices", "Detractor call-back", "Return in any store"]
    assert _titles(engine, sort="target_date") == [
        "Return in any store",
        "Plain-language invoices",
        "Detractor call-back",
    ]  # no date last
    assert _titles(engine, sort="status")[0] == "Return in any store"  # proposed comes first in the lifecycle
    assert _titles(engine, sort="planned", descending=True)[0] == "Plain-language invoices"


def test_list_shows_phase_health_and_exact_cents(engine, portfolio):
    frame = _read(engine, q.initiative_list).set_index("title")
    row = frame.loc["Plain-language invoices"]
    assert (row["phase"], row["health"], row["reason"], row["owner"]) == ("do", "red", "Supplier late", "Anna")
    assert int(row["planned_cents"]) == 300_030 and int(row["actual_cents"]) == 10_029
    assert int(frame.loc["Return in any store"]["planned_cents"]) == 0


def test_detail_read_model(engine, portfolio):
    d = _read(engine, q.initiative_detail, portfolio["invoices"])
    assert (d.title, d.owner, d.owning_department, d.objective, d.phase, d.health, d.version) == (
        "Plain-language invoices",
        "Anna",
        "Finance",
        "Effortless service",
        "do",
        "red",
        1,
    )
    assert (d.planned_cents, d.actual_cents) == (300_030, 10_029)
    assert d.term_ids("channel") == [portfolio["web"]] and d.term_ids("journey_stage") == [portfolio["pay"]]
    assert _read(engine, q.initiative_detail, 999_999) is None


def test_check_ins_budget_and_expenses_of_one_initiative(engine, portfolio):
    checks = _read(engine, q.check_ins, portfolio["invoices"])
    assert checks["health"].tolist() == ["red", "green"]
    quarters = _read(engine, q.budget_by_quarter, portfolio["invoices"])
    assert quarters[["year", "quarter", "planned_cents", "actual_cents", "variance_cents"]].values.tolist() == [
        [2026, 3, 100_010, 30, -99_980],
        [2026, 4, 200_020, 9_999, -190_021],
    ]
    assert _read(engine, q.expenses, portfolio["invoices"])["amount_cents"].tolist() == [9_999, 20, 10]


def test_kpi_links_with_baseline_target_and_latest_reading(engine, portfolio):
    kpi = _insert(engine, Kpi(code="NPS_T", name="Transactional NPS", kind=KpiKind.NPS))
    _insert(engine, InitiativeKpi(initiative_id=portfolio["nps"], kpi_id=kpi, baseline=15, target=25))
    for month, value in ((9, 16.0), (10, 18.5)):
        _insert(engine, KpiReading(kpi_id=kpi, period=date(2026, month, 1), value=value, sample_size=400))
    links = _read(engine, q.kpi_links, portfolio["nps"])
    assert links[["code", "baseline", "target", "latest_value"]].values.tolist() == [["NPS_T", 15, 25, 18.5]]


def _statements(engine, run) -> int:
    count = 0

    def _count(*_args, **_kwargs):
        nonlocal count
        count += 1

    event.listen(engine, "before_cursor_execute", _count)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", _count)
    return count


def test_statement_count_does_not_grow_with_initiatives(engine, portfolio):
    def reads():
        _read(engine, q.initiative_list, sort="health")
        _read(engine, q.initiative_detail, portfolio["invoices"])
        _read(engine, q.choices)

    before = _statements(engine, reads)
    for n in range(15):
        add_initiative(engine, owner_id=portfolio["anna"], title=f"Extra {n}")
    assert _statements(engine, reads) == before
