"""Meeting reads: who sees drafts in the list, the quorum as met / not met / not recorded, the record of one
meeting with its agenda (what changed after publishing), the agenda backlog across a series, and the statement
counts of every meeting, decision and action read on a small and a ten times larger data set."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event

from cxgov.db import session_scope
from cxgov.errors import NotFound
from cxgov.models import (
    AgendaItemKind,
    AgendaSection,
    Attendance,
    Kpi,
    KpiKind,
    MeetingMember,
    Role,
)
from cxgov.queries.actions import action_list, carried_actions, say_do_ratio
from cxgov.queries.decisions import decision_register, decisions_due_for_review
from cxgov.queries.meetings import agenda_backlog, meeting_list, meeting_record
from tests.factories import (
    add_action,
    add_agenda_item,
    add_decision,
    add_initiative,
    add_meeting,
    add_person,
)
from tests.frames import rows

Q1, Q2, Q3, Q4 = (datetime(2026, month, 15, 8, 0, tzinfo=UTC) for month in (1, 4, 7, 10))


def listed(engine, person_id, role) -> list[int]:
    with session_scope(engine) as session:
        return meeting_list(session, person_id=person_id, role=role)["id"].tolist()


def set_attendance(engine, meeting_id: int, attendance: dict[int, Attendance | None]) -> None:
    with session_scope(engine, write=True) as session:
        for person_id, status in attendance.items():
            session.get(MeetingMember, (meeting_id, person_id)).attendance = status


# who -> (role, name)
PEOPLE = {
    "admin": (Role.ADMIN, "Ada"),
    "office": (Role.PROGRAMME_OFFICE, "Sam"),
    "chair": (Role.LEADER, "Lea"),
    "member": (Role.MANAGER, "Mila"),
    "guest": (Role.CONTRIBUTOR, "Gus"),
    "other_leader": (Role.LEADER, "Otto"),
    "viewer": (Role.VIEWER, "Vera"),
    "member2": (Role.MANAGER, "Nina"),
    "member3": (Role.ANALYST, "Bram"),
}
ROLES = {who: role for who, (role, _) in PEOPLE.items()}


@pytest.fixture
def people(engine):
    return {who: add_person(engine, role, name=name) for who, (role, name) in PEOPLE.items()}


def test_a_draft_is_listed_only_for_those_who_may_read_it(engine, people):
    with session_scope(engine, write=True) as session:
        draft = add_meeting(
            session,
            starts_at=Q4,
            chair_id=people["chair"],
            secretary_id=people["office"],
            member_ids=[people["member"]],
            guest_ids=[people["guest"]],
        )
        published = add_meeting(
            session, status="agenda_published", starts_at=Q3, chair_id=people["chair"], secretary_id=people["office"]
        )
    everything, past_draft = [draft, published], [published]
    expected = {
        "admin": everything,  # every draft, by role
        "office": everything,
        "chair": everything,  # chairs it
        "member": everything,  # a member of it
        "guest": everything,  # invited to it
        "other_leader": past_draft,  # a leader who does not chair it
        "viewer": past_draft,
    }
    for who, meetings in expected.items():
        assert listed(engine, people[who], ROLES[who]) == meetings, who
    assert listed(engine, None, None) == past_draft  # nobody known: no drafts
    assert listed(engine, None, "admin") == everything  # the role alone grants it
    assert listed(engine, people["member"], None) == past_draft


def test_the_list_counts_members_present_decisions_and_open_actions_and_judges_the_quorum(engine, people, monkeypatch):
    members = [people["member"], people["member2"], people["member3"], people["other_leader"]]
    with session_scope(engine, write=True) as session:
        ids = [
            add_meeting(
                session,
                status="held",
                starts_at=moment,
                chair_id=people["chair"],
                secretary_id=people["office"],
                member_ids=members,
                guest_ids=[people["guest"]],
            )
            for moment in (Q1, Q2, Q3)
        ]
        met, missed, unrecorded = ids
        add_decision(session, meeting_id=met)
        add_decision(session, meeting_id=met)
        add_decision(session, meeting_id=missed)
        add_action(session, meeting_id=met, owner_id=people["member"], due_on=date(2026, 3, 1))
        add_action(
            session,
            meeting_id=met,
            owner_id=people["member"],
            due_on=date(2026, 3, 1),
            status="done",
            closed_on=date(2026, 2, 1),
        )
    present, apologies, absent = Attendance.PRESENT, Attendance.APOLOGIES, Attendance.ABSENT
    set_attendance(engine, met, dict(zip(members, [present, present, absent, apologies], strict=True)))
    # The guest is present too, but guests do not count towards the quorum.
    set_attendance(engine, missed, dict(zip(members, [present, apologies, absent, absent], strict=True)))
    set_attendance(engine, missed, {people["guest"]: present})
    set_attendance(engine, unrecorded, dict(zip(members, [present, present, present, None], strict=True)))

    def listing():
        with session_scope(engine) as session:
            frame = meeting_list(session, person_id=people["viewer"], role="viewer")
        columns = ("id", "quarter", "status", "chair", "secretary", "members", "present", "quorum_met", "decisions")
        return rows(frame, *columns, "open_actions")

    assert listing() == [  # newest first
        (unrecorded, "2026-Q3", "held", "Lea", "Sam", 4, 3, None, 0, 0),
        (missed, "2026-Q2", "held", "Lea", "Sam", 4, 1, False, 1, 0),
        (met, "2026-Q1", "held", "Lea", "Sam", 4, 2, True, 2, 1),
    ]
    monkeypatch.setenv("CXGOV_QUORUM_PCT", "75")  # three of four needed
    from cxgov.settings import get_settings

    get_settings.cache_clear()
    assert [r[7] for r in listing()] == [None, False, False]


def test_a_meeting_without_members_has_no_quorum_recorded(engine, people):
    with session_scope(engine, write=True) as session:
        add_meeting(session, status="held", chair_id=people["chair"], secretary_id=people["office"])
    with session_scope(engine) as session:
        frame = meeting_list(session, person_id=None, role="admin")
    assert rows(frame, "members", "present", "quorum_met") == [(0, 0, None)]


def test_the_record_holds_the_meeting_its_members_quorum_and_agenda(engine, people):
    owner = people["member"]
    initiative_id = add_initiative(engine, owner_id=owner, title="Recovery cards")
    published_at = Q4 - timedelta(days=7)
    before, after = published_at - timedelta(days=1), published_at + timedelta(hours=1)
    with session_scope(engine, write=True) as session:
        kpi = Kpi(code="NPS-R", name="Relational NPS", kind=KpiKind.NPS)
        session.add(kpi)
        session.flush()
        previous = add_meeting(session, status="held", starts_at=Q3, chair_id=people["chair"], secretary_id=owner)
        meeting = add_meeting(
            session,
            status="agenda_published",
            starts_at=Q4,
            chair_id=people["chair"],
            secretary_id=people["office"],
            member_ids=[people["member2"], people["member"]],
            guest_ids=[people["guest"]],
            previous_meeting_id=previous,
        )
        following = add_meeting(
            session,
            starts_at=Q4 + timedelta(days=91),
            chair_id=people["chair"],
            secretary_id=owner,
            previous_meeting_id=meeting,
        )
        kwargs = {"meeting_id": meeting, "created_at": before, "prepared_at": before, "updated_at": before}
        opening = add_agenda_item(  # minuted during the meeting: written to, but the pre-read did not change
            session,
            kind=AgendaItemKind.SECTION,
            section=AgendaSection.OPENING,
            position=1,
            duration_minutes=5,
            presenter_id=people["chair"],
            **kwargs | {"updated_at": after, "minutes": "Quorum present"},
        )
        edited = add_agenda_item(
            session,
            kind="initiative",
            initiative_id=initiative_id,
            position=2,
            duration_minutes=20,
            commentary="Needs a decision",
            **kwargs | {"updated_at": after, "prepared_at": after},
        )
        added = add_agenda_item(
            session,
            kind="kpi",
            kpi_id=kpi.id,
            position=3,
            duration_minutes=15,
            meeting_id=meeting,
            created_at=after,
            updated_at=after,
        )
        removed = add_agenda_item(
            session, title="Office move", status="removed", position=0, duration_minutes=30, **kwargs
        )
        approval = add_decision(session, meeting_id=following, approves_minutes_of_id=meeting)
        kpi_id = kpi.id
    set_attendance(engine, meeting, {people["member"]: Attendance.PRESENT, people["member2"]: Attendance.ABSENT})
    with session_scope(engine) as session:
        record = meeting_record(session, meeting)
    assert (record.id, record.body, record.quarter, record.starts_at, record.status) == (
        meeting,
        "CX board",
        "2026-Q4",
        Q4,
        "agenda_published",
    )
    assert (record.chair_id, record.chair, record.secretary_id, record.secretary) == (
        people["chair"],
        "Lea",
        people["office"],
        "Sam",
    )
    assert (record.pre_read_due, record.agenda_published_at, record.version) == (date(2026, 10, 8), published_at, 1)
    assert (record.previous_meeting_id, record.next_meeting_id, record.approved_by_decision_id) == (
        previous,
        following,
        approval,
    )
    assert rows(record.members) == [  # members first, then guests, by name
        (people["member"], "Mila", "member", "present"),
        (people["member2"], "Nina", "member", "absent"),
        (people["guest"], "Gus", "guest", None),
    ]
    assert (record.quorum.members, record.quorum.present, record.quorum.needed, record.quorum.recorded) == (
        2,
        1,
        1,
        True,
    )
    assert record.quorum.met
    agenda = record.agenda
    assert agenda["id"].tolist() == [removed, opening, edited, added]  # by position
    assert rows(agenda, "kind", "section", "initiative_id", "initiative_title", "kpi_id", "kpi_name", "presenter") == [
        ("topic", None, None, None, None, None, None),
        ("section", "opening", None, None, None, None, "Lea"),
        ("initiative", None, initiative_id, "Recovery cards", None, None, None),
        ("kpi", None, None, None, kpi_id, "Relational NPS", None),
    ]
    assert rows(agenda, "duration_minutes", "commentary", "status", "version", "from_backlog_item_id")[:3] == [
        (30, "", "removed", 1, None),
        (5, "", "planned", 1, None),
        (20, "Needs a decision", "planned", 1, None),
    ]
    changed = dict(zip(agenda["id"], agenda["changed_after_publishing"], strict=True))
    assert changed == {removed: False, opening: False, edited: True, added: True}
    assert agenda["changed_after_publishing"].dtype == bool
    assert record.planned_minutes == 5 + 20 + 15  # the removed item's 30 minutes are not planned


def test_a_draft_agenda_has_nothing_changed_after_publishing_and_a_missing_meeting_is_not_found(engine, people):
    with session_scope(engine, write=True) as session:
        meeting = add_meeting(session, chair_id=people["chair"], secretary_id=people["office"])
        add_agenda_item(session, meeting_id=meeting, position=1)
    with session_scope(engine) as session:
        record = meeting_record(session, meeting)
        assert record.agenda["changed_after_publishing"].tolist() == [False]
        assert (record.next_meeting_id, record.approved_by_decision_id, record.quorum.recorded) == (None, None, False)
        with pytest.raises(NotFound):
            meeting_record(session, meeting + 1000)


def test_the_backlog_holds_what_earlier_meetings_of_the_body_left_and_nobody_took_up(engine, people):
    owner = people["member"]
    initiative_id = add_initiative(engine, owner_id=owner, title="Complaint desk")
    with session_scope(engine, write=True) as session:
        m1, m2, m3, m4 = (
            add_meeting(session, status="held", starts_at=moment, chair_id=people["chair"], secretary_id=owner)
            for moment in (Q1, Q2, Q3, Q4)
        )
        other_body = add_meeting(
            session, body="Digital steering group", starts_at=Q1, chair_id=people["chair"], secretary_id=owner
        )
        taken = add_agenda_item(session, meeting_id=m1, title="Pricing letters", status="removed")
        waiting = add_agenda_item(
            session, meeting_id=m1, kind="initiative", initiative_id=initiative_id, status="not_reached"
        )
        add_agenda_item(session, meeting_id=m1, kind="section", section="opening", status="not_reached")
        add_agenda_item(session, meeting_id=m1, title="Discussed", status="discussed")
        # Taken up at the second meeting and not reached there either: it waits again, as the second meeting's.
        again = add_agenda_item(
            session, meeting_id=m2, title="Pricing letters", status="not_reached", from_backlog_item_id=taken
        )
        dropped = add_agenda_item(session, meeting_id=m2, title="Office move", status="removed")
        add_agenda_item(session, meeting_id=m3, title="Own removed item", status="removed")
        add_agenda_item(session, meeting_id=m4, title="Later", status="removed")
        add_agenda_item(session, meeting_id=other_body, title="Other body", status="removed")

    def backlog(meeting_id):
        with session_scope(engine) as session:
            frame = agenda_backlog(session, meeting_id)
        return rows(frame, "id", "meeting_id", "meeting_quarter", "kind", "status")

    assert backlog(m3) == [
        (waiting, m1, "2026-Q1", "initiative", "not_reached"),
        (again, m2, "2026-Q2", "topic", "not_reached"),
        (dropped, m2, "2026-Q2", "topic", "removed"),
    ]
    assert backlog(m2) == [(waiting, m1, "2026-Q1", "initiative", "not_reached")]
    assert backlog(m1) == []
    with session_scope(engine) as session:
        titles = rows(agenda_backlog(session, m3), "title", "initiative_id", "initiative_title")
    assert titles == [
        ("", initiative_id, "Complaint desk"),
        ("Pricing letters", None, None),
        ("Office move", None, None),
    ]


def series(engine, people: dict, kpi_id: int, initiative_id: int, count: int, start: datetime) -> None:
    """`count` held meetings of the CX board a quarter apart from `start`, each with members and attendance, an
    agenda with a removed item and one taken up from the meeting before, a chain of decisions and three actions."""
    previous_item = None
    with session_scope(engine, write=True) as session:
        for n in range(count):
            moment = start + timedelta(days=91 * n)
            meeting = add_meeting(
                session,
                status="held",
                starts_at=moment,
                chair_id=people["chair"],
                secretary_id=people["office"],
                member_ids=[people["member"], people["member2"]],
                guest_ids=[people["guest"]],
            )
            session.get(MeetingMember, (meeting, people["member"])).attendance = Attendance.PRESENT
            add_agenda_item(session, meeting_id=meeting, kind="kpi", kpi_id=kpi_id, position=1)
            add_agenda_item(session, meeting_id=meeting, title="Parked", status="removed")
            previous_item = add_agenda_item(
                session,
                meeting_id=meeting,
                kind="initiative",
                initiative_id=initiative_id,
                status="not_reached",
                from_backlog_item_id=previous_item,
            )
            first = add_decision(session, meeting_id=meeting, initiative_id=initiative_id, review_on=moment.date())
            add_decision(session, meeting_id=meeting, supersedes_id=first, reverses=n % 2 == 0, kpi_id=kpi_id)
            day = moment.date()
            add_action(session, meeting_id=meeting, owner_id=people["member"], due_on=day, initiative_id=initiative_id)
            add_action(
                session, meeting_id=meeting, owner_id=people["member2"], due_on=day, status="done", closed_on=day
            )
            add_action(
                session, meeting_id=meeting, owner_id=people["member"], due_on=day, status="dropped", closed_on=day
            )


def statements(engine, meeting_id: int, member_id: int, initiative_id: int) -> dict[str, int]:
    """How many SQL statements each meeting, decision and action read takes."""
    today = date(2031, 1, 1)
    reads = {
        "meeting_list": lambda s: meeting_list(s, person_id=None, role="viewer"),
        "meeting_list_for_a_member": lambda s: meeting_list(s, person_id=member_id, role="manager"),
        "meeting_record": lambda s: meeting_record(s, meeting_id),
        "agenda_backlog": lambda s: agenda_backlog(s, meeting_id),
        "decision_register": lambda s: decision_register(s),
        "decision_register_filtered": lambda s: decision_register(
            s, initiative_id=initiative_id, status="active", kind="note"
        ),
        "decisions_due_for_review": lambda s: decisions_due_for_review(s, body="CX board", by=today),
        "action_list": lambda s: action_list(s, body="CX board", open_only=True, today=today),
        "carried_actions": lambda s: carried_actions(s, meeting_id, today=today),
        "say_do_ratio": lambda s: say_do_ratio(s, meeting_id),
    }
    counts = {}
    for name, read in reads.items():
        count = 0

        def counter(*_args):
            nonlocal count
            count += 1

        event.listen(engine, "before_cursor_execute", counter)
        try:
            with session_scope(engine) as session:
                read(session)
        finally:
            event.remove(engine, "before_cursor_execute", counter)
        counts[name] = count
    return counts


def test_the_statement_count_of_every_read_does_not_grow_with_the_data(engine, people):
    initiative_id = add_initiative(engine, owner_id=people["member"], title="Recovery cards")
    with session_scope(engine, write=True) as session:
        kpi = Kpi(code="CES", name="Effort", kind=KpiKind.CES)
        session.add(kpi)
        session.flush()
        kpi_id = kpi.id
        target = add_meeting(
            session,
            status="agenda_published",
            starts_at=datetime(2030, 10, 15, 8, 0, tzinfo=UTC),
            chair_id=people["chair"],
            secretary_id=people["office"],
            member_ids=[people["member"]],
        )
        add_agenda_item(session, meeting_id=target, position=1)
    series(engine, people, kpi_id, initiative_id, 2, datetime(2026, 1, 15, 8, 0, tzinfo=UTC))
    small = statements(engine, target, people["member"], initiative_id)
    series(engine, people, kpi_id, initiative_id, 18, datetime(2020, 1, 15, 8, 0, tzinfo=UTC))
    with session_scope(engine) as session:
        assert len(meeting_list(session, person_id=None, role="admin")) == 21  # ten times the meetings, and the target
        assert len(carried_actions(session, target, today=date(2031, 1, 1))) == 20
    assert statements(engine, target, people["member"], initiative_id) == small
    begin = 1 if engine.dialect.name == "sqlite" else 0  # SQLite units send their own BEGIN
    assert {name: count - begin for name, count in small.items()} == {
        "meeting_list": 1,
        "meeting_list_for_a_member": 1,
        "meeting_record": 3,
        "agenda_backlog": 1,
        "decision_register": 1,
        "decision_register_filtered": 1,
        "decisions_due_for_review": 1,
        "action_list": 1,
        "carried_actions": 1,
        "say_do_ratio": 2,
    }
