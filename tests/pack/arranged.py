"""A governance meeting with a pack to publish, arranged through the services: a board, an earlier meeting that
decided about a running initiative and gave an action on it, and the next meeting in draft with the proposed
agenda, that initiative, a KPI and a topic on it. Its decisions requested hold a proposal and an ask (the ask of
an initiative reported red, so it is among the exceptions too)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from cxgov.db import session_scope
from cxgov.models import Initiative, InitiativeKpi, Milestone
from cxgov.services import agenda, board_asks, budget, decisions, initiatives, kpis, meetings, plan, reference
from cxgov.services.actions import add_action
from tests.factories import add_initiative, add_milestone, approve_and_move
from tests.meeting_builders import AMSTERDAM, Board, make_board, meeting_row, run

TODAY = date.today()


@dataclass(frozen=True)
class Arranged:
    board: Board
    earlier: int  # the earlier meeting, its agenda published: it decided and gave an action
    meeting: int  # the meeting the pack is for, in draft
    running: int  # a running initiative, on the agenda
    proposal: int  # a proposal awaiting approval
    asking: int  # a running initiative reported red whose owner asks the board for help
    kpi: int  # a KPI on the agenda, linked to the running initiative
    old_kpi: int  # a KPI whose latest reading is ten months old
    retired_kpi: int  # a KPI no longer active
    decision: int
    action: int
    items: dict[str, int]  # the agenda items added by hand: initiative, kpi, topic


def months_back(months: int) -> date:
    index = TODAY.year * 12 + TODAY.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def meeting_at(days: int) -> datetime:
    return datetime.combine(TODAY + timedelta(days=days), datetime.min.time().replace(hour=10), AMSTERDAM)


def arrange(engine) -> Arranged:
    board = make_board(engine)
    department = run(engine, reference.create_department, data={"name": "Klantcontact"})
    objective = run(engine, reference.create_objective, data={"title": "Moeiteloze service", "owner_id": board.chair})
    kpi = run(
        engine,
        kpis.create_kpi,
        data={
            "code": "TNPS",
            "name": "Transactionele NPS",
            "kind": "nps",
            "scale_min": -100,
            "scale_max": 100,
            "method": "=promotors − criticasters",  # a formula-looking text, as a KPI's method may well be
            "description": "Na elk afgesloten contact",
            "owner_id": board.chair,
            "primary_source": "panel",
        },
    )
    for months, value in ((2, 18.0), (1, 21.5)):
        run(
            engine,
            kpis.record_kpi_reading,
            data={"kpi_id": kpi, "period": months_back(months), "value": value, "sample_size": 400},
        )
    old_kpi = run(engine, kpis.create_kpi, data={"code": "CES", "name": "Klantinspanning", "kind": "ces"})
    run(
        engine,
        kpis.record_kpi_reading,
        data={"kpi_id": old_kpi, "period": months_back(10), "value": 4.5, "sample_size": 120},
    )
    retired_kpi = run(
        engine, kpis.create_kpi, data={"code": "OLD", "name": "Oude KPI", "kind": "csat", "active": False}
    )

    running = add_initiative(
        engine,
        owner_id=board.manager,
        title="Terugbellen binnen 24 uur 📞",
        description="Klanten bellen drie keer over één storing.",
        sponsor_id=board.chair,
        owning_department_id=department,
        objective_id=objective,
        start_date=TODAY - timedelta(days=120),
        target_date=TODAY + timedelta(days=200),
    )
    approve_and_move(engine, running, 1)
    run(
        engine,
        budget.set_budget_line,
        initiative_id=running,
        data={"year": TODAY.year, "quarter": 1, "planned_cents": 1_500_000},
    )
    run(
        engine,
        budget.record_expense,
        initiative_id=running,
        data={"spent_on": TODAY - timedelta(days=5), "amount_cents": 40_050},
    )
    for days, health, summary in (
        (40, "green", "Begonnen"),
        (30, "green", "Pilot loopt"),
        (20, "amber", "Leverancier laat"),
        (10, "amber", "Nog steeds laat"),
    ):
        run(
            engine,
            initiatives.record_check_in,
            initiative_id=running,
            data={
                "checkin_date": TODAY - timedelta(days=days),
                "health": health,
                "reason": "" if health == "green" else "De leverancier levert later",
                "summary": summary,
                "next_steps": f"Stap na {summary.lower()}",
                "progress_pct": 60 - days,
                "override_reason": "De planning is bijgesteld",
            },
        )
    reached = add_milestone(engine, running, due_on=TODAY - timedelta(days=30), title="Pilot gestart")
    with session_scope(engine) as session:
        seen = session.get(Milestone, reached).version
    run(engine, plan.complete_milestone, initiative_id=running, milestone_id=reached, seen_version=seen)
    add_milestone(engine, running, due_on=TODAY - timedelta(days=3), title="Leverancier gekozen")
    add_milestone(engine, running, due_on=TODAY + timedelta(days=60), title="Live in alle regio's")
    with session_scope(engine, write=True) as session:  # the KPI link (linked through the A3 record in the app)
        session.add(InitiativeKpi(initiative_id=running, kpi_id=kpi, baseline=15.0, target=25.0))

    proposal = add_initiative(engine, owner_id=board.manager, title="Winkels zonder wachtrij", start_date=TODAY)
    asking = add_initiative(
        engine, owner_id=board.manager, title="Leverbelofte nakomen", start_date=TODAY - timedelta(days=90)
    )
    approve_and_move(engine, asking, 1)
    run(
        engine,
        initiatives.record_check_in,
        initiative_id=asking,
        data={"checkin_date": TODAY - timedelta(days=2), "health": "red", "reason": "De vervoerder haakt af"},
    )

    earlier = meetings_planned(board, days=2)
    with session_scope(engine) as session:
        version = session.get(Initiative, running).version
    decision = run(
        engine,
        decisions.record_decision,
        board.secretary,
        meeting_id=earlier,
        kind="fund",
        text="Extra budget voor de pilot",
        initiative_id=running,
        seen_initiative_version=version,
    )
    action = run(
        engine,
        add_action,
        board.secretary,
        meeting_id=earlier,
        text="Nieuwe planning van de leverancier",
        owner_id=board.manager,
        due_on=TODAY + timedelta(days=14),
        initiative_id=running,
    )

    meeting = run(
        engine,
        meetings.create_meeting,
        board.secretary,
        body="CX board",
        starts_at=meeting_at(30),
        chair_id=board.chair,
        secretary_id=board.secretary,
        member_ids=list(board.members),
    )
    run(
        engine,
        agenda.propose_agenda,
        board.secretary,
        meeting_id=meeting,
        seen_version=meeting_row(engine, meeting).version,
    )
    items = {
        name: run(
            engine,
            agenda.add_agenda_item,
            board.secretary,
            meeting_id=meeting,
            seen_version=meeting_row(engine, meeting).version,
            **about,
        )
        for name, about in (
            ("initiative", {"kind": "initiative", "initiative_id": running, "commentary": "Ligt achter op schema"}),
            ("kpi", {"kind": "kpi", "kpi_id": kpi}),
            ("topic", {"kind": "topic", "title": "Klachten"}),
        )
    }
    run(engine, board_asks.write_board_ask, meeting_id=meeting, initiative_id=asking, ask="Help bij de vervoerder")
    return Arranged(
        board=board,
        earlier=earlier,
        meeting=meeting,
        running=running,
        proposal=proposal,
        asking=asking,
        kpi=kpi,
        old_kpi=old_kpi,
        retired_kpi=retired_kpi,
        decision=decision,
        action=action,
        items=items,
    )


def meetings_planned(board: Board, *, days: int) -> int:
    """A meeting of the board `days` from now, a topic on its agenda, published (so it records decisions and
    actions)."""
    meeting = run(
        board.engine,
        meetings.create_meeting,
        board.secretary,
        body="CX board",
        starts_at=meeting_at(days),
        chair_id=board.chair,
        secretary_id=board.secretary,
        member_ids=list(board.members),
    )
    run(
        board.engine,
        agenda.add_agenda_item,
        board.secretary,
        meeting_id=meeting,
        seen_version=meeting_row(board.engine, meeting).version,
        kind="topic",
        title="Voortgang",
    )
    run(
        board.engine,
        meetings.publish_agenda,
        board.secretary,
        meeting_id=meeting,
        seen_version=meeting_row(board.engine, meeting).version,
    )
    return meeting
