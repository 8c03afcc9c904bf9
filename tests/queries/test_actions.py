"""Action item reads: the list and its filters, overdue against today, the open actions carried from earlier
meetings of a body, and the say/do ratio against hand-computed cases."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cxgov.db import session_scope
from cxgov.errors import NotFound
from cxgov.models import Role
from cxgov.queries.actions import COLUMNS, action_list, carried_actions, say_do_ratio
from tests.factories import add_action, add_decision, add_initiative, add_meeting, add_person
from tests.frames import rows

Q1, Q2, Q3 = (datetime(2026, month, 15, 8, 0, tzinfo=UTC) for month in (1, 4, 7))
TODAY = date(2026, 5, 1)


@pytest.fixture
def people(engine):
    return {
        "chair": add_person(engine, Role.LEADER, name="Lea"),
        "office": add_person(engine, Role.PROGRAMME_OFFICE, name="Sam"),
        "mila": add_person(engine, Role.MANAGER, name="Mila"),
        "nina": add_person(engine, Role.CONTRIBUTOR, name="Nina"),
    }


@pytest.fixture
def series(engine, people):
    """Three meetings of the CX board and one of another body, with their actions."""
    cards = add_initiative(engine, owner_id=people["mila"], title="Recovery cards")
    with session_scope(engine, write=True) as session:
        m1, m2, m3 = (
            add_meeting(
                session, status="held", starts_at=moment, chair_id=people["chair"], secretary_id=people["office"]
            )
            for moment in (Q1, Q2, Q3)
        )
        other = add_meeting(
            session, body="Digital steering", starts_at=Q1, chair_id=people["chair"], secretary_id=people["office"]
        )
        decision = add_decision(session, meeting_id=m1, initiative_id=cards)
        a = {
            "m1_open": add_action(
                session,
                meeting_id=m1,
                owner_id=people["mila"],
                due_on=date(2026, 3, 1),
                text="Brief the call centre",
                initiative_id=cards,
                decision_id=decision,
            ),
            "m1_done": add_action(
                session,
                meeting_id=m1,
                owner_id=people["nina"],
                due_on=date(2026, 3, 1),
                status="done",
                closed_on=date(2026, 2, 20),
                closing_note="Briefed",
                text="Count the complaints",
            ),
            "m2_open": add_action(session, meeting_id=m2, owner_id=people["nina"], due_on=date(2026, 5, 1)),
            "m2_dropped": add_action(
                session,
                meeting_id=m2,
                owner_id=people["mila"],
                due_on=date(2026, 4, 30),
                status="dropped",
                closed_on=date(2026, 4, 20),
            ),
            "m3_open": add_action(session, meeting_id=m3, owner_id=people["mila"], due_on=date(2026, 9, 1)),
            "other_open": add_action(session, meeting_id=other, owner_id=people["mila"], due_on=date(2026, 2, 1)),
        }
    return a | {"m1": m1, "m2": m2, "m3": m3, "other": other, "cards": cards, "decision": decision}


def test_carried_actions_are_the_open_ones_of_earlier_meetings_of_the_body(engine, series):
    def carried(meeting_id):
        with session_scope(engine) as session:
            return rows(carried_actions(session, meeting_id, today=TODAY), "id", "meeting_id", "status", "overdue")

    assert carried(series["m3"]) == [  # the earliest due first; done, dropped and its own open action stay out
        (series["m1_open"], series["m1"], "open", True),
        (series["m2_open"], series["m2"], "open", False),  # due today: not overdue yet
    ]
    assert carried(series["m2"]) == [(series["m1_open"], series["m1"], "open", True)]
    assert carried(series["m1"]) == []


def test_the_list_shows_each_action_with_its_meeting_owner_and_links(engine, series, people):
    with session_scope(engine) as session:
        frame = action_list(session, meeting_id=series["m1"], today=TODAY)
    assert list(frame.columns) == list(COLUMNS)
    assert frame["overdue"].dtype == bool
    assert rows(frame, *(c for c in COLUMNS if c != "version")) == [
        (
            series["m1_open"],
            series["m1"],
            "2026-Q1",
            "Brief the call centre",
            people["mila"],
            "Mila",
            date(2026, 3, 1),
            "open",
            None,
            "",
            True,
            series["cards"],
            "Recovery cards",
            series["decision"],
            None,
        ),
        (
            series["m1_done"],
            series["m1"],
            "2026-Q1",
            "Count the complaints",
            people["nina"],
            "Nina",
            date(2026, 3, 1),
            "done",
            date(2026, 2, 20),
            "Briefed",
            False,  # past its due date, but done
            None,
            None,
            None,
            None,
        ),
    ]
    assert frame["version"].tolist() == [1, 1]


def test_the_list_is_narrowed_by_owner_body_and_openness(engine, series, people):
    def ids(**filters):
        with session_scope(engine) as session:
            return action_list(session, today=TODAY, **filters)["id"].tolist()

    s = series
    assert ids(owner_id=people["mila"]) == [s["other_open"], s["m1_open"], s["m2_dropped"], s["m3_open"]]
    assert ids(owner_id=people["mila"], open_only=True) == [s["other_open"], s["m1_open"], s["m3_open"]]
    assert ids(body="CX board", open_only=True) == [s["m1_open"], s["m2_open"], s["m3_open"]]
    assert ids(body="Digital steering") == [s["other_open"]]
    assert len(ids()) == 6


def test_say_do_counts_the_earlier_actions_due_by_the_meeting_day(engine, people):
    """The meeting starts at 23:30 UTC on 15 October: the 16th in Amsterdam, the day the ratio is taken on."""
    meeting_at = datetime(2026, 10, 15, 23, 30, tzinfo=UTC)
    owner = people["mila"]
    with session_scope(engine, write=True) as session:
        earlier = add_meeting(session, status="held", starts_at=Q3, chair_id=people["chair"], secretary_id=owner)
        meeting = add_meeting(session, starts_at=meeting_at, chair_id=people["chair"], secretary_id=owner)
        other = add_meeting(session, body="Digital steering", starts_at=Q3, chair_id=owner, secretary_id=owner)

        def action(meeting_id, due_on, status="open", closed_on=None):
            add_action(
                session, meeting_id=meeting_id, owner_id=owner, due_on=due_on, status=status, closed_on=closed_on
            )

        action(earlier, date(2026, 9, 1), "done", date(2026, 8, 30))  # done on time
        action(earlier, date(2026, 9, 1), "done", date(2026, 9, 1))  # done on the due date: on time
        action(earlier, date(2026, 9, 1), "done", date(2026, 9, 10))  # done late
        action(earlier, date(2026, 9, 5), "dropped", date(2026, 9, 2))  # dropped: not done
        action(earlier, date(2026, 10, 1))  # open and overdue
        action(earlier, date(2026, 10, 16), "done", date(2026, 10, 16))  # due on the meeting's local day, done
        action(earlier, date(2026, 10, 17))  # not yet due: not counted
        action(earlier, date(2026, 11, 1), "done", date(2026, 10, 1))  # done early, not yet due: not counted
        action(meeting, date(2026, 9, 1))  # the meeting's own: not counted
        action(other, date(2026, 9, 1))  # another body's: not counted
    with session_scope(engine) as session:
        result = say_do_ratio(session, meeting)
        assert (result.due, result.done_on_time) == (6, 3)
        assert result.ratio == 0.5
        assert say_do_ratio(session, earlier).ratio is None  # nothing was asked before the first meeting
        with pytest.raises(NotFound):
            say_do_ratio(session, meeting + 1000)
