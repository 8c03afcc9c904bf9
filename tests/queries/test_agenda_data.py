"""The live data of the proposed agenda on a scripted portfolio: each section's content and order, and a fixed
number of statements whatever the portfolio's size; on both databases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from cxgov.db import session_scope
from cxgov.errors import NotFound
from cxgov.models import (
    AgendaSection,
    BoardAsk,
    BudgetLine,
    Expense,
    Initiative,
    InitiativeKpi,
    Meeting,
    MeetingMember,
    MeetingStatus,
    Role,
    TaxonomyKind,
    TaxonomyTerm,
)
from cxgov.models.base import utcnow
from cxgov.queries.agenda_data import AgendaData, agenda_data
from cxgov.queries.agenda_sections import SCORECARD_COLUMNS
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.initiatives import record_check_in
from cxgov.services.kpis import create_kpi, record_kpi_reading
from cxgov.services.lifecycle import move_status
from cxgov.services.pdca import complete_quick_fix
from tests.factories import add_action, add_agenda_item, add_decision, add_initiative, add_meeting, add_person

TODAY = date.today()  # the services date phase moves and check-ins by the machine's clock


def meeting(engine, **values) -> int:
    with session_scope(engine, write=True) as session:
        return add_meeting(session, **values)


def stage(engine, code: str, position: int) -> int:
    with session_scope(engine, write=True) as session:
        term = TaxonomyTerm(kind=TaxonomyKind.JOURNEY_STAGE, code=code, name_en=code, name_nl=code, position=position)
        session.add(term)
        session.flush()
        return term.id


def version(engine, initiative_id: int) -> int:
    with session_scope(engine) as session:
        return session.get(Initiative, initiative_id).version


def move(engine, initiative_id: int, how: str) -> None:
    with session_scope(engine, write=True) as session:
        move_status(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            seen_version=version(engine, initiative_id),
            move=how,
            reason="scripted",
        )


def check_in(engine, initiative_id: int, health: str, reason: str = "", next_steps: str = "") -> None:
    with session_scope(engine, write=True) as session:
        record_check_in(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"checkin_date": TODAY, "health": health, "reason": reason, "next_steps": next_steps},
        )


def money(engine, initiative_id: int, planned_euros: int, spent_euros: int) -> None:
    """This year's first quarter planned, and spent today (inserted directly: the budget service is not the
    subject here)."""
    with session_scope(engine, write=True) as session:
        session.add(
            BudgetLine(initiative_id=initiative_id, year=TODAY.year, quarter=1, planned_cents=planned_euros * 100)
        )
        if spent_euros:
            session.add(Expense(initiative_id=initiative_id, spent_on=TODAY, amount_cents=spent_euros * 100))


def months_before(months: int) -> date:
    index = TODAY.year * 12 + TODAY.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def kpi(engine, code: str, kind: str, *, active: bool = True, months: int = 13) -> int:
    """A KPI with monthly readings (n = 400) for the `months` months before this one: 70, 71, … (oldest first)."""
    with session_scope(engine, write=True) as session:
        kpi_id = create_kpi(
            session=session,
            actor=SYSTEM_ACTOR,
            data={
                "code": code,
                "name": f"KPI {code}",
                "kind": kind,
                "scale_min": 0,
                "scale_max": 100,
                "active": active,
            },
        )
    for n in range(months):
        with session_scope(engine, write=True) as session:
            record_kpi_reading(
                session=session,
                actor=SYSTEM_ACTOR,
                data={"kpi_id": kpi_id, "period": months_before(months - n), "value": 70 + n, "sample_size": 400},
            )
    return kpi_id


@dataclass
class Board:
    meeting: int
    invoices: int  # design, active, reported red, spent over plan, with an ask and a path to green
    whatsapp: int  # design, active, never checked in since its start months ago: amber by the rules
    personas: int  # proposed before the last meeting
    chatbot: int  # proposed since the last meeting
    survey: int  # quick fix completed since the last meeting, with its lesson
    agents: int  # cancelled since the last meeting
    happy: int  # culture, active, green and within budget
    csat: int


def build_board(engine) -> Board:
    """The scripted portfolio."""
    owner = add_person(engine, Role.MANAGER, name="Anna de Vries")
    chair = add_person(engine, Role.LEADER, name="Lars Visser")
    delivery, orientation = stage(engine, "delivery", 2), stage(engine, "orientation", 1)
    active = {"status": "active", "phase": "do", "owner_id": owner}
    invoices = add_initiative(
        engine, **active, title="Plain-language invoices", journey_stage_ids=[delivery], start_date=TODAY
    )
    whatsapp = add_initiative(
        engine, **active, title="WhatsApp service", journey_stage_ids=[orientation], start_date=date(2026, 1, 5)
    )
    personas = add_initiative(engine, owner_id=owner, title="Persona refresh", discipline="customer_understanding")
    survey = add_initiative(
        engine, **active, title="Survey clean-up", discipline="measurement", lane="quick_fix", start_date=TODAY
    )
    agents = add_initiative(engine, **active, title="Agents resolve up to €50", discipline="culture", start_date=TODAY)
    happy = add_initiative(engine, **active, title="Happy agents", discipline="culture", start_date=TODAY)
    csat = kpi(engine, "CSAT", "csat")
    kpi(engine, "CPO", "operational")  # not a CX KPI: off the scorecard
    kpi(engine, "OLDNPS", "nps", active=False)
    with session_scope(engine, write=True) as session:
        session.add(InitiativeKpi(initiative_id=invoices, kpi_id=csat, baseline=70, target=85))
    money(engine, invoices, 10_000, 15_000)
    money(engine, happy, 10_000, 2_000)
    check_in(engine, happy, "green")
    secretary = add_person(engine, Role.PROGRAMME_OFFICE, name="Pia Bakker")
    guest = add_person(engine, Role.VIEWER, name="Gert Gast")
    members = {"chair_id": chair, "secretary_id": secretary, "member_ids": [chair, owner, secretary]}
    last_meeting = meeting(engine, starts_at=utcnow(), status=MeetingStatus.HELD, **members)

    chatbot = add_initiative(engine, owner_id=owner, title="Chat bot", discipline="strategy")
    check_in(engine, invoices, "red", "Print supplier missed the template deadline", "Switch print supplier")
    with session_scope(engine, write=True) as session:
        complete_quick_fix(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=survey,
            seen_version=version(engine, survey),
            result="Half the questions were never read",
        )
    move(engine, agents, "cancel")
    this_meeting = meeting(
        engine, starts_at=utcnow() + timedelta(days=1), guest_ids=[guest], previous_meeting_id=last_meeting, **members
    )
    with session_scope(engine, write=True) as session:
        session.add(BoardAsk(meeting_id=this_meeting, initiative_id=invoices, ask="€5,000 for a second supplier"))
        session.add(BoardAsk(meeting_id=last_meeting, initiative_id=whatsapp, ask="An old ask"))
        session.get(Meeting, last_meeting).minutes = "The board met and decided."
        for person, attendance in ((chair, "present"), (owner, "apologies"), (secretary, "present")):
            session.get(MeetingMember, (this_meeting, person)).attendance = attendance
        earlier = {"meeting_id": last_meeting, "owner_id": owner}
        add_action(session, **earlier, text="Call the print supplier", due_on=TODAY + timedelta(days=30))
        add_action(session, **earlier, due_on=TODAY - timedelta(days=3), status="done", closed_on=TODAY - timedelta(4))
        add_action(session, **earlier, due_on=TODAY - timedelta(days=2), status="dropped", closed_on=TODAY)
        add_decision(session, meeting_id=last_meeting, text="Pilot the chat bot", review_on=TODAY)
        add_decision(session, meeting_id=last_meeting, text="Later", review_on=TODAY + timedelta(days=90))
        add_agenda_item(session, meeting_id=last_meeting, title="Brand refresh", status="removed")
    return Board(this_meeting, invoices, whatsapp, personas, chatbot, survey, agents, happy, csat)


def read(engine, meeting_id: int) -> AgendaData:
    with session_scope(engine) as session:
        return agenda_data(session, meeting_id, today=TODAY)


def test_every_section_from_the_portfolio(engine):
    board = build_board(engine)
    data = read(engine, board.meeting)
    assert list(data.sections) == list(AgendaSection)  # in agenda order
    assert data.since < data.until

    opening = data.sections[AgendaSection.OPENING]
    assert opening.tables["members"][["name", "role", "attendance"]].values.tolist() == [
        ["Anna de Vries", "member", "apologies"],
        ["Lars Visser", "member", "present"],
        ["Pia Bakker", "member", "present"],
        ["Gert Gast", "guest", None],
    ]
    assert {k: opening.facts[k] for k in ("members", "present", "needed", "quorum_met")} == {
        "members": 3,
        "present": 2,
        "needed": 2,
        "quorum_met": True,
    }
    assert (opening.facts["previous_status"], opening.facts["previous_minutes"]) == (
        "held",
        "The board met and decided.",
    )

    follow_up = data.sections[AgendaSection.FOLLOW_UP]
    assert follow_up.tables["actions"]["text"].tolist() == ["Call the print supplier"]
    assert follow_up.tables["reviews"]["text"].tolist() == ["Pilot the chat bot"]
    assert follow_up.facts == {"actions_due": 2, "done_on_time": 1, "say_do_ratio": 0.5}

    assert data.sections[AgendaSection.OTHER_BUSINESS].tables["backlog"]["title"].tolist() == ["Brand refresh"]

    asked = data.sections[AgendaSection.DECISIONS_REQUESTED]
    assert asked.tables["proposals"]["initiative_id"].tolist() == [board.personas, board.chatbot]  # oldest first
    assert asked.tables["asks"][["initiative_id", "ask"]].values.tolist() == [
        [board.invoices, "€5,000 for a second supplier"]
    ]
    assert asked.facts == {"proposals": 2, "asks": 1}

    card = data.sections[AgendaSection.SCORECARD].tables["scorecard"]
    assert list(card.columns) == list(SCORECARD_COLUMNS)
    assert card["code"].tolist() == ["CSAT"]  # active CX KPIs only
    row = card.iloc[0]
    assert (row["value"], row["n"], row["year_before"], row["target"]) == (82.0, 400, 70.0, 85.0)
    assert row["period"] == months_before(1)
    assert row["trend"] == [float(v) for v in range(71, 83)]  # the last twelve months, oldest first

    mix = data.sections[AgendaSection.PORTFOLIO]
    by_discipline = mix.tables["by_discipline"]
    assert by_discipline[["discipline", "health", "initiatives"]].values.tolist() == [
        ["culture", "green", 1],
        ["customer_understanding", "no_update", 1],
        ["design", "red", 1],
        ["design", "no_update", 1],
        ["strategy", "no_update", 1],
    ]
    assert mix.tables["by_journey_stage"][["journey_stage", "health", "initiatives"]].values.tolist() == [
        ["orientation", "no_update", 1],
        ["delivery", "red", 1],
        [None, "green", 1],
        [None, "no_update", 2],
    ]
    assert mix.tables["movements"][["initiative_id", "change"]].values.tolist() == [
        [board.chatbot, "created"],
        [board.survey, "completed"],
        [board.agents, "cancelled"],
    ]
    assert mix.facts == {"open": 5, "new": 1, "completed": 1, "stopped": 1}

    changes = data.sections[AgendaSection.CHANGES].tables["changes"]
    assert set(changes["change"]) == {"created", "reported_health", "derived_health", "phase", "completed", "cancelled"}
    assert data.sections[AgendaSection.CHANGES].facts == {"changes": len(changes)}

    exceptions = data.sections[AgendaSection.EXCEPTIONS]
    table = exceptions.tables["exceptions"]
    assert table["initiative_id"].tolist() == [board.invoices, board.whatsapp]  # red first
    red, amber = table.iloc[0], table.iloc[1]
    assert (red["worst"], red["health"], red["derived_health"]) == ("red", "red", "red")
    assert red["reason"] == "Print supplier missed the template deadline"
    assert red["path_to_green"] == "Switch print supplier"
    assert red["ask"] == "€5,000 for a second supplier"
    assert [r["rule"] for r in red["rule_reasons"]] == ["spend_over_plan"]
    assert (amber["worst"], amber["health"], amber["derived_health"], amber["ask"]) == (
        "amber",
        "no_update",
        "amber",
        None,  # its ask was for the last meeting
    )
    assert [r["reason"] for r in amber["rule_reasons"]] == ["health.rule.no_check_in_ever"]
    assert exceptions.facts == {"red": 1, "amber": 1}

    lessons = data.sections[AgendaSection.LESSONS]
    assert lessons.tables["lessons"][["initiative_id", "act_decision", "lesson"]].values.tolist() == [
        [board.survey, "standardise", "Half the questions were never read"]
    ]

    money_section = data.sections[AgendaSection.MONEY]
    spend = money_section.tables["by_discipline"]
    assert spend[["discipline", "planned_cents", "spent_cents", "variance_cents"]].values.tolist() == [
        ["culture", 1_000_000, 200_000, -800_000],
        ["design", 1_000_000, 1_500_000, 500_000],
    ]
    overruns = money_section.tables["overruns"]
    assert overruns[["initiative_id", "planned_cents", "spent_cents", "over_pct"]].values.tolist() == [
        [board.invoices, 1_000_000, 1_500_000, 50]
    ]
    assert money_section.facts["planned_cents"] == 2_000_000 and money_section.facts["overruns"] == 1


def test_the_first_meeting_of_a_body_looks_back_a_quarter(engine):
    chair = add_person(engine, Role.LEADER)
    other_body = meeting(
        engine, starts_at=utcnow() - timedelta(days=10), chair_id=chair, secretary_id=chair, body="Steering group"
    )
    first = meeting(engine, starts_at=utcnow(), chair_id=chair, secretary_id=chair)
    data = read(engine, first)
    assert data.until - data.since == timedelta(days=92)
    assert data.sections[AgendaSection.OPENING].facts["previous_meeting_id"] is None
    assert read(engine, other_body).until < data.until
    with pytest.raises(NotFound):
        read(engine, first + 99)


def count_statements(engine, meeting_id: int) -> int:
    seen = []

    def count(*_):
        seen.append(1)

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        read(engine, meeting_id)
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def more_work(engine, meeting_id: int, initiatives: int) -> None:
    """Ordinary initiatives with a check-in, money and an ask; every other one red and over budget."""
    owner = add_person(engine, Role.MANAGER)
    for n in range(initiatives):
        more = add_initiative(engine, owner_id=owner, status="active", phase="do", title=f"More work {n}")
        check_in(engine, more, "red" if n % 2 else "green", "Late" if n % 2 else "")
        money(engine, more, 1_000, 2_000 if n % 2 else 100)
        with session_scope(engine, write=True) as session:
            session.add(BoardAsk(meeting_id=meeting_id, initiative_id=more, ask=f"Ask {n}"))


def test_a_fixed_number_of_statements_whatever_the_portfolio_size(engine):
    board = build_board(engine)
    small = count_statements(engine, board.meeting)
    more_work(engine, board.meeting, 63)  # ten times the seven initiatives
    large = count_statements(engine, board.meeting)
    assert len(read(engine, board.meeting).sections[AgendaSection.EXCEPTIONS].tables["exceptions"]) > 30
    assert small == large
