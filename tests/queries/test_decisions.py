"""The decisions register: status read from the chain (superseded, reversed, active), the filters, the names
shown, newest first; and the decisions due for review."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cxgov.db import session_scope
from cxgov.models import Kpi, KpiKind, Role
from cxgov.queries.decisions import COLUMNS, decision_register, decisions_due_for_review
from tests.factories import add_decision, add_initiative, add_meeting, add_person
from tests.frames import rows

SPRING, SUMMER = datetime(2026, 4, 15, 8, 0, tzinfo=UTC), datetime(2026, 7, 15, 8, 0, tzinfo=UTC)


@pytest.fixture
def board(engine):
    """Two meetings of the CX board and one of another body. In spring the board funds the recovery cards (d1);
    in summer it corrects that (d2 supersedes d1), then undoes the correction (d3 reverses d2), and notes a KPI
    (d4). The other body stops the complaint desk (d5)."""
    chair = add_person(engine, Role.LEADER, name="Lea")
    secretary = add_person(engine, Role.PROGRAMME_OFFICE, name="Sam")
    cards = add_initiative(engine, owner_id=secretary, title="Recovery cards")
    desk = add_initiative(engine, owner_id=secretary, title="Complaint desk")
    with session_scope(engine, write=True) as session:
        kpi = Kpi(code="CES", name="Customer effort", kind=KpiKind.CES)
        session.add(kpi)
        session.flush()
        spring = add_meeting(session, status="held", starts_at=SPRING, chair_id=chair, secretary_id=secretary)
        summer = add_meeting(session, status="held", starts_at=SUMMER, chair_id=chair, secretary_id=secretary)
        other = add_meeting(
            session, body="Digital steering", status="held", starts_at=SUMMER, chair_id=secretary, secretary_id=chair
        )
        d1 = add_decision(
            session,
            meeting_id=spring,
            kind="fund",
            text="Fund the recovery cards",
            rationale="Complaints doubled",
            initiative_id=cards,
            review_on=date(2026, 6, 1),
            recorded_by_id=secretary,
        )
        d2 = add_decision(
            session,
            meeting_id=summer,
            kind="fund",
            text="Fund half",
            initiative_id=cards,
            supersedes_id=d1,
            review_on=date(2026, 9, 1),
            new_target_date=date(2026, 12, 31),
        )
        d3 = add_decision(
            session,
            meeting_id=summer,
            kind="fund",
            text="Fund in full after all",
            initiative_id=cards,
            supersedes_id=d2,
            reverses=True,
            review_on=date(2026, 7, 1),
        )
        d4 = add_decision(
            session, meeting_id=summer, text="Effort is rising", kpi_id=kpi.id, review_on=date(2026, 8, 1)
        )
        d5 = add_decision(
            session, meeting_id=other, kind="stop", text="Stop the desk", initiative_id=desk, review_on=date(2026, 8, 1)
        )
        return {
            "d1": d1,
            "d2": d2,
            "d3": d3,
            "d4": d4,
            "d5": d5,
            "kpi": kpi.id,
            "spring": spring,
            "summer": summer,
            "other": other,
            "cards": cards,
            "desk": desk,
            "chair": chair,
            "secretary": secretary,
        }


def register(engine, **filters) -> list[tuple]:
    with session_scope(engine) as session:
        return rows(decision_register(session, **filters), "id", "status", "supersedes_id", "superseded_by_id")


def test_the_status_is_read_from_the_chain_newest_first(engine, board):
    d1, d2, d3, d4, d5 = (board[f"d{n}"] for n in range(1, 6))
    assert register(engine) == [
        (d5, "active", None, None),  # summer, the later id first
        (d4, "active", None, None),
        (d3, "active", d2, None),  # the reversal itself stands
        (d2, "reversed", d1, d3),  # undone by d3
        (d1, "superseded", None, d2),  # corrected by d2
    ]


def test_the_register_is_narrowed_by_status_meeting_initiative_and_kind(engine, board):
    d1, d2, d3, d4, d5 = (board[f"d{n}"] for n in range(1, 6))

    def ids(**filters):
        return [row[0] for row in register(engine, **filters)]

    assert ids(status="active") == [d5, d4, d3]
    assert ids(status="superseded") == [d1]
    assert ids(status="reversed") == [d2]
    assert ids(meeting_id=board["summer"]) == [d4, d3, d2]
    assert ids(initiative_id=board["cards"]) == [d3, d2, d1]
    assert ids(kind="stop") == [d5]
    assert ids(kind="fund", status="active", meeting_id=board["summer"]) == [d3]
    assert ids(meeting_id=board["spring"], status="active") == []


def test_each_decision_shows_its_meeting_names_and_dates(engine, board):
    with session_scope(engine) as session:
        frame = decision_register(session, initiative_id=board["cards"])
    assert list(frame.columns) == list(COLUMNS)
    by_id = {row[0]: row for row in rows(frame)}
    assert by_id[board["d1"]] == (
        board["d1"],
        date(2026, 4, 15),
        "CX board",
        board["spring"],
        "2026-Q2",
        None,
        "fund",
        "Fund the recovery cards",
        "Complaints doubled",
        board["cards"],
        "Recovery cards",
        None,
        None,
        "Lea",
        date(2026, 6, 1),
        None,
        None,
        board["d2"],
        "superseded",
        "Sam",
        None,
    )
    assert by_id[board["d2"]][15] == date(2026, 12, 31)  # the new target date
    with session_scope(engine) as session:
        noted = rows(decision_register(session, kind="note"), "kpi_id", "kpi_name", "initiative_title", "recorded_by")
    assert noted == [(board["kpi"], "Customer effort", None, None)]


def test_a_decision_approving_minutes_names_the_meeting(engine, board):
    with session_scope(engine, write=True) as session:
        approval = add_decision(session, meeting_id=board["summer"], approves_minutes_of_id=board["spring"])
    with session_scope(engine) as session:
        frame = decision_register(session, meeting_id=board["summer"])
    assert rows(frame, "id", "approves_minutes_of_id")[0] == (approval, board["spring"])


def test_decisions_due_for_review_are_the_bodys_active_ones_due_by_the_day(engine, board):
    def due(body, by):
        with session_scope(engine) as session:
            return rows(decisions_due_for_review(session, body=body, by=by), "id", "review_on", "status")

    # d1 (review 1 June) was superseded and d2 (1 September) reversed: only active decisions come up again.
    assert due("CX board", date(2026, 12, 31)) == [
        (board["d3"], date(2026, 7, 1), "active"),
        (board["d4"], date(2026, 8, 1), "active"),
    ]
    assert due("CX board", date(2026, 7, 31)) == [(board["d3"], date(2026, 7, 1), "active")]
    assert due("CX board", date(2026, 6, 30)) == []
    assert due("Digital steering", date(2026, 8, 1)) == [(board["d5"], date(2026, 8, 1), "active")]
