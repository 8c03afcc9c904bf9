"""Meeting services on both databases: planning a meeting and the next of its series, who is invited,
attendance, the status moves (agenda published, held) and the minutes — validation per field, who may, the audit
trail, version conflicts, and the lock once the minutes are approved."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from cxgov.db import session_scope
from cxgov.errors import ConflictError, DomainError, NotFound, PermissionDenied, ValidationError
from cxgov.models import AgendaItemStatus, Attendance, MeetingMember, MeetingRole, MeetingStatus, Role
from cxgov.services import agenda, meetings
from cxgov.services.actions import add_action
from cxgov.services.decisions import record_decision
from tests.factories import add_person
from tests.hostile import CORPUS
from tests.meeting_builders import (
    AMSTERDAM,
    agenda_rows,
    events,
    make_board,
    meeting_row,
    plan_meeting,
    run,
    set_status,
)

START = datetime(2026, 12, 14, 10, 0, tzinfo=AMSTERDAM)  # a Monday; 09:00 UTC


@pytest.fixture
def board(engine):
    return make_board(engine)


def _invited(engine, meeting_id: int) -> dict[int, tuple[MeetingRole, Attendance | None]]:
    with session_scope(engine) as session:
        rows = session.exec(select(MeetingMember).where(MeetingMember.meeting_id == meeting_id)).all()
    return {row.person_id: (row.role, row.attendance) for row in rows}


def _errors(engine, function, actor, **kwargs) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused:
        run(engine, function, actor, **kwargs)
    return refused.value.field_messages("en")


def _refusal(engine, function, actor, **kwargs) -> dict | None:
    """The per-field errors of a call refused as invalid; None when it was saved."""
    try:
        run(engine, function, actor, **kwargs)
    except ValidationError as refused:
        return refused.errors
    return None


def _details(board, meeting_id: int, **over) -> dict:
    """The edit form of a meeting as it stands, with `over` changed."""
    row = meeting_row(board.engine, meeting_id)
    invited = _invited(board.engine, meeting_id)
    return {
        "meeting_id": meeting_id,
        "seen_version": row.version,
        "body": row.body,
        "starts_at": row.starts_at,
        "chair_id": row.chair_id,
        "secretary_id": row.secretary_id,
        "member_ids": [p for p, (role, _) in invited.items() if role is MeetingRole.MEMBER],
        "guest_ids": [p for p, (role, _) in invited.items() if role is MeetingRole.GUEST],
        "duration_minutes": row.duration_minutes,
        "place": row.place,
        "quarter": row.quarter,
        "pre_read_due": row.pre_read_due,
    } | over


def _published(board, **over) -> int:
    """A meeting with the proposed agenda, published."""
    meeting_id = plan_meeting(board, **over)
    run(board.engine, agenda.propose_agenda, board.secretary, meeting_id=meeting_id, seen_version=1)
    run(board.engine, meetings.publish_agenda, board.secretary, meeting_id=meeting_id, seen_version=2)
    return meeting_id


def _all_present(board, meeting_id: int) -> None:
    version = meeting_row(board.engine, meeting_id).version
    run(
        board.engine,
        meetings.record_attendance,
        board.secretary,
        meeting_id=meeting_id,
        seen_version=version,
        attendance=dict.fromkeys(board.members, "present"),
    )


# --- planning -------------------------------------------------------------------------------------------------


def test_a_meeting_is_planned_with_its_defaults_in_utc_and_audited(board):
    meeting_id = plan_meeting(board, starts_at=START, place="Room 4.12")
    row = meeting_row(board.engine, meeting_id)
    assert row.starts_at.astimezone(UTC) == datetime(2026, 12, 14, 9, 0, tzinfo=UTC)
    assert (row.quarter, row.pre_read_due, row.status, row.version) == (
        "2026-Q4",
        date(2026, 12, 7),  # five working days before Monday 14 December
        MeetingStatus.DRAFT,
        1,
    )
    assert (row.chair_id, row.secretary_id, row.duration_minutes, row.place) == (
        board.chair,
        board.secretary,
        120,
        "Room 4.12",
    )
    assert _invited(board.engine, meeting_id) == {
        **dict.fromkeys(board.members, (MeetingRole.MEMBER, None)),
        board.guest: (MeetingRole.GUEST, None),
    }
    [created] = events(board.engine, "meeting", meeting_id)
    assert (created.action, created.actor_id) == ("create", board.secretary)
    member_events = events(board.engine, "meeting_member")
    assert sorted(e.entity_id for e in member_events) == sorted(
        f"{meeting_id}:{p}" for p in (*board.members, board.guest)
    )
    assert {e.action for e in member_events} == {"create"}


def test_the_local_date_decides_the_quarter_and_an_explicit_quarter_and_deadline_are_kept(board):
    # 00:30 on 1 January in Amsterdam is still 31 December in UTC: the meeting governs the new year's first quarter.
    new_year = plan_meeting(board, starts_at=datetime(2027, 1, 1, 0, 30, tzinfo=AMSTERDAM))
    assert meeting_row(board.engine, new_year).quarter == "2027-Q1"
    chosen = plan_meeting(board, starts_at=START, quarter="2026-Q3", pre_read_due=date(2026, 12, 1))
    assert (meeting_row(board.engine, chosen).quarter, meeting_row(board.engine, chosen).pre_read_due) == (
        "2026-Q3",
        date(2026, 12, 1),
    )


def test_a_leader_plans_only_a_meeting_they_chair(board):
    own = run(
        board.engine,
        meetings.create_meeting,
        board.chair,
        body="CX board",
        starts_at=START,
        chair_id=board.chair,
        secretary_id=board.secretary,
        member_ids=list(board.members),
    )
    assert meeting_row(board.engine, own).chair_id == board.chair
    with pytest.raises(PermissionDenied):
        run(
            board.engine,
            meetings.create_meeting,
            board.other_leader,
            body="CX board",
            starts_at=START,
            chair_id=board.chair,
            secretary_id=board.secretary,
            member_ids=list(board.members),
        )
    with pytest.raises(PermissionDenied):  # a manager runs no meetings, even one they would chair
        run(
            board.engine,
            meetings.create_meeting,
            board.manager,
            body="CX board",
            starts_at=START,
            chair_id=board.manager,
            secretary_id=board.secretary,
            member_ids=[board.manager],
        )


@pytest.mark.parametrize(
    ("over", "field", "message"),
    [
        ({"starts_at": datetime(2026, 12, 14, 10, 0)}, "starts_at", "must say its time zone"),
        ({"starts_at": "14-12-2026 10:00"}, "starts_at", "not a date and time"),
        ({"starts_at": "2026-12-14T10:00:00"}, "starts_at", "must say its time zone"),
        ({"starts_at": 1_765_000_000}, "starts_at", "not a date and time"),
        ({"starts_at": datetime(2101, 1, 5, 10, 0, tzinfo=AMSTERDAM)}, "starts_at", "2000–2100"),
        ({"starts_at": datetime(1999, 12, 1, 10, 0, tzinfo=AMSTERDAM)}, "starts_at", "2000–2100"),
        ({"duration_minutes": 10}, "duration_minutes", "must be between 15 and 600"),
        ({"duration_minutes": 601}, "duration_minutes", "must be between 15 and 600"),
        ({"body": "   "}, "body", "is required"),
        ({"body": "x" * 121}, "body", "at most 120"),
        ({"body": "CX\x00board"}, "body", "NUL"),
        ({"place": "p" * 301}, "place", "at most 300"),
        ({"quarter": "2026-Q5"}, "quarter", "like 2026-Q4"),
        ({"quarter": "Q4 2026"}, "quarter", "like 2026-Q4"),
        ({"pre_read_due": date(2026, 12, 15)}, "pre_read_due", "on or before the day of the meeting"),
        ({"pre_read_due": date(2101, 1, 1)}, "pre_read_due", "2000–2100"),
        ({"member_ids": [1, 1]}, "member_ids", "twice"),
        ({"guest_ids": [5, 5]}, "guest_ids", "twice"),
        ({"member_ids": [9_999_999]}, "member_ids", "not a known person"),
        ({"chair_id": 9_999_999}, "chair_id", "not a known person"),
        ({"secretary_id": 0}, "secretary_id", "must be between 1 and"),
        ({"member_ids": [True]}, "member_ids", "whole number"),
    ],
)
def test_meeting_details_are_validated_per_field(board, over, field, message):
    values = {
        "body": "CX board",
        "starts_at": START,
        "chair_id": board.chair,
        "secretary_id": board.secretary,
        "member_ids": list(board.members),
    } | over
    errors = _errors(board.engine, meetings.create_meeting, board.secretary, **values)
    assert field in errors and message in errors[field], errors


def test_nobody_is_both_member_and_guest_and_the_chair_and_secretary_are_active(board):
    errors = _errors(
        board.engine,
        meetings.create_meeting,
        board.secretary,
        body="CX board",
        starts_at=START,
        chair_id=board.chair,
        secretary_id=board.secretary,
        member_ids=list(board.members),
        guest_ids=[board.members[1]],
    )
    assert "also a member" in errors["guest_ids"]
    gone = add_person(board.engine, Role.LEADER, name="Gone Leader", active=False)
    errors = _errors(
        board.engine,
        meetings.create_meeting,
        board.secretary,
        body="CX board",
        starts_at=START,
        chair_id=gone,
        secretary_id=gone,
        member_ids=[gone],
    )
    assert errors == dict.fromkeys(("chair_id", "secretary_id", "member_ids"), "Gone Leader is deactivated")


# --- changing a meeting ---------------------------------------------------------------------------------------


def test_an_update_replaces_the_invited_and_keeps_the_attendance_of_those_who_stay(board):
    meeting_id = _published(board, starts_at=START)
    run(
        board.engine,
        meetings.record_attendance,
        board.secretary,
        meeting_id=meeting_id,
        seen_version=3,
        attendance={board.members[0]: "present", board.members[1]: "apologies"},
    )
    newcomer = add_person(board.engine, Role.MANAGER, name="Nina Newcomer")
    run(
        board.engine,
        meetings.update_meeting,
        board.secretary,
        **_details(
            board,
            meeting_id,
            member_ids=[board.members[0], newcomer],
            guest_ids=[board.members[1], board.guest],  # a member becomes a guest
            place="Video call",
        ),
    )
    assert _invited(board.engine, meeting_id) == {
        board.members[0]: (MeetingRole.MEMBER, Attendance.PRESENT),
        newcomer: (MeetingRole.MEMBER, None),
        board.members[1]: (MeetingRole.GUEST, Attendance.APOLOGIES),
        board.guest: (MeetingRole.GUEST, None),
    }
    row = meeting_row(board.engine, meeting_id)
    assert (row.place, row.version) == ("Video call", 5)
    member_events = {(e.entity_id, e.action, e.field) for e in events(board.engine, "meeting_member")}
    assert {
        (f"{meeting_id}:{board.members[2]}", "delete", None),
        (f"{meeting_id}:{newcomer}", "create", None),
        (f"{meeting_id}:{board.members[1]}", "update", "role"),
    } <= member_events
    assert [e.field for e in events(board.engine, "meeting", meeting_id) if e.action == "update"][-1:] == ["place"]


def test_changing_only_who_is_invited_moves_the_version_on(board):
    meeting_id = plan_meeting(board, starts_at=START)
    run(board.engine, meetings.update_meeting, board.secretary, **_details(board, meeting_id, guest_ids=[]))
    assert meeting_row(board.engine, meeting_id).version == 2
    with pytest.raises(ConflictError):  # the page that still shows the guest is out of date
        run(board.engine, meetings.update_meeting, board.secretary, **_details(board, meeting_id, seen_version=1))


def test_updates_need_the_version_seen_and_a_meeting_not_yet_held(board):
    meeting_id = plan_meeting(board, starts_at=START)
    with pytest.raises(ConflictError):
        run(board.engine, meetings.update_meeting, board.secretary, **_details(board, meeting_id, seen_version=None))
    set_status(board.engine, meeting_id, MeetingStatus.HELD)
    with pytest.raises(DomainError) as refused:
        run(board.engine, meetings.update_meeting, board.secretary, **_details(board, meeting_id, place="Elsewhere"))
    assert refused.value.key == "meeting.error.not_now"


def test_a_leader_changes_only_a_meeting_they_chair_and_keeps_the_chair(board):
    meeting_id = plan_meeting(board, starts_at=START)
    with pytest.raises(PermissionDenied):
        run(board.engine, meetings.update_meeting, board.other_leader, **_details(board, meeting_id, place="Mine"))
    run(board.engine, meetings.update_meeting, board.chair, **_details(board, meeting_id, place="Board room"))
    with pytest.raises(PermissionDenied):  # after the change they would no longer chair it
        run(
            board.engine, meetings.update_meeting, board.chair, **_details(board, meeting_id, chair_id=board.members[1])
        )
    assert meeting_row(board.engine, meeting_id).chair_id == board.chair
    run(  # the programme office may hand the chair over
        board.engine, meetings.update_meeting, board.secretary, **_details(board, meeting_id, chair_id=board.members[1])
    )
    assert meeting_row(board.engine, meeting_id).chair_id == board.members[1]


# --- the next meeting -----------------------------------------------------------------------------------------


def test_the_next_meeting_is_a_quarter_later_at_the_same_local_time_with_the_same_people(board):
    winter = datetime(2027, 1, 12, 10, 0, tzinfo=AMSTERDAM)  # CET, 09:00 UTC
    first = plan_meeting(board, starts_at=winter, place="Room 4.12", duration_minutes=90)
    second = run(board.engine, meetings.propose_next_meeting, board.chair, after_meeting_id=first)
    row = meeting_row(board.engine, second)
    assert row.starts_at.astimezone(UTC) == datetime(2027, 4, 12, 8, 0, tzinfo=UTC)  # 10:00 CEST
    assert (row.body, row.chair_id, row.secretary_id, row.place, row.duration_minutes) == (
        "CX board",
        board.chair,
        board.secretary,
        "Room 4.12",
        90,
    )
    assert (row.quarter, row.pre_read_due, row.previous_meeting_id, row.status) == (
        "2027-Q2",
        date(2027, 4, 5),
        first,
        MeetingStatus.DRAFT,
    )
    assert _invited(board.engine, second) == _invited(board.engine, first)
    with pytest.raises(DomainError) as refused:
        run(board.engine, meetings.propose_next_meeting, board.secretary, after_meeting_id=first)
    assert refused.value.key == "meeting.error.already_followed"
    with pytest.raises(PermissionDenied):
        run(board.engine, meetings.propose_next_meeting, board.other_leader, after_meeting_id=second)


def test_the_next_meeting_of_a_month_end_falls_on_the_month_end(board):
    first = plan_meeting(board, starts_at=datetime(2026, 11, 30, 14, 0, tzinfo=AMSTERDAM))
    second = run(board.engine, meetings.propose_next_meeting, board.secretary, after_meeting_id=first)
    assert meeting_row(board.engine, second).starts_at.astimezone(AMSTERDAM) == datetime(
        2027, 2, 28, 14, 0, tzinfo=AMSTERDAM
    )


# --- the status moves -----------------------------------------------------------------------------------------


def test_publishing_needs_a_planned_item_and_is_audited_as_a_status_move(board):
    meeting_id = plan_meeting(board, starts_at=START)
    with pytest.raises(DomainError) as refused:
        run(board.engine, meetings.publish_agenda, board.secretary, meeting_id=meeting_id, seen_version=1)
    assert refused.value.key == "meeting.error.agenda_empty"
    run(board.engine, agenda.propose_agenda, board.secretary, meeting_id=meeting_id, seen_version=1)
    with pytest.raises(ConflictError):
        run(board.engine, meetings.publish_agenda, board.secretary, meeting_id=meeting_id, seen_version=1)
    run(board.engine, meetings.publish_agenda, board.chair, meeting_id=meeting_id, seen_version=2)
    row = meeting_row(board.engine, meeting_id)
    assert (row.status, row.version) == (MeetingStatus.AGENDA_PUBLISHED, 3)
    assert row.agenda_published_at is not None
    status_events = [e for e in events(board.engine, "meeting", meeting_id) if e.field == "status"]
    assert [(e.old_value, e.new_value, e.actor_id) for e in status_events] == [
        ("draft", "agenda_published", board.chair)
    ]
    with pytest.raises(DomainError) as refused:
        run(board.engine, meetings.publish_agenda, board.secretary, meeting_id=meeting_id, seen_version=3)
    assert refused.value.key == "meeting.error.move"


def test_closing_needs_every_members_attendance_and_sends_what_was_not_reached_to_the_backlog(board):
    """Items still planned at the close were discussed if a decision or an action was recorded on them."""
    meeting_id = _published(board, starts_at=START)
    items = agenda_rows(board.engine, meeting_id)
    run(
        board.engine,
        agenda.set_agenda_item_status,
        board.secretary,
        item_id=items[0].id,
        seen_version=items[0].version,
        status="discussed",
    )
    with pytest.raises(DomainError) as refused:
        run(board.engine, meetings.close_meeting, board.secretary, meeting_id=meeting_id, seen_version=3)
    assert refused.value.key == "meeting.error.attendance_missing"
    run(  # the guest's attendance is not needed; every member's is
        board.engine,
        meetings.record_attendance,
        board.secretary,
        meeting_id=meeting_id,
        seen_version=3,
        attendance={board.members[0]: "present", board.members[1]: Attendance.ABSENT},
    )
    with pytest.raises(DomainError):
        run(board.engine, meetings.close_meeting, board.secretary, meeting_id=meeting_id, seen_version=4)
    run(
        board.engine,
        meetings.record_attendance,
        board.secretary,
        meeting_id=meeting_id,
        seen_version=4,
        attendance={str(board.members[2]): "apologies"},  # as a form may send it
    )
    # a decision on the second item and an action on the third: the board reached them
    run(
        board.engine,
        record_decision,
        board.secretary,
        meeting_id=meeting_id,
        kind="note",
        text="Noted",
        agenda_item_id=items[1].id,
    )
    run(
        board.engine,
        add_action,
        board.secretary,
        meeting_id=meeting_id,
        text="Brief the stores",
        owner_id=board.members[0],
        due_on=START.date() + timedelta(days=7),
        agenda_item_id=items[2].id,
    )
    run(board.engine, meetings.close_meeting, board.chair, meeting_id=meeting_id, seen_version=5)
    assert meeting_row(board.engine, meeting_id).status is MeetingStatus.HELD
    statuses = [item.status for item in agenda_rows(board.engine, meeting_id)]
    assert statuses == [AgendaItemStatus.DISCUSSED] * 3 + [AgendaItemStatus.NOT_REACHED] * 7
    status_events = [
        (e.old_value, e.new_value) for e in events(board.engine, "meeting", meeting_id) if e.field == "status"
    ]
    assert status_events == [("draft", "agenda_published"), ("agenda_published", "held")]
    attendance_events = [e for e in events(board.engine, "meeting_member") if e.field == "attendance"]
    assert len(attendance_events) == 3
    with pytest.raises(DomainError) as refused:  # held is held
        run(board.engine, meetings.close_meeting, board.secretary, meeting_id=meeting_id, seen_version=6)
    assert refused.value.key == "meeting.error.move"


def test_attendance_is_for_the_invited_once_the_agenda_is_published(board):
    meeting_id = plan_meeting(board, starts_at=START)
    with pytest.raises(DomainError) as refused:
        run(
            board.engine,
            meetings.record_attendance,
            board.secretary,
            meeting_id=meeting_id,
            seen_version=1,
            attendance={board.chair: "present"},
        )
    assert refused.value.key == "meeting.error.not_now"
    run(board.engine, agenda.propose_agenda, board.secretary, meeting_id=meeting_id, seen_version=1)
    run(board.engine, meetings.publish_agenda, board.secretary, meeting_id=meeting_id, seen_version=2)
    errors = _errors(
        board.engine,
        meetings.record_attendance,
        board.secretary,
        meeting_id=meeting_id,
        seen_version=3,
        attendance={board.manager: "present"},
    )
    assert "not invited" in errors["attendance"]
    errors = _errors(
        board.engine,
        meetings.record_attendance,
        board.secretary,
        meeting_id=meeting_id,
        seen_version=3,
        attendance={board.chair: "asleep"},
    )
    assert "attendance" in errors
    run(  # a mistake is cleared with None
        board.engine,
        meetings.record_attendance,
        board.secretary,
        meeting_id=meeting_id,
        seen_version=3,
        attendance={board.chair: "present"},
    )
    run(
        board.engine,
        meetings.record_attendance,
        board.secretary,
        meeting_id=meeting_id,
        seen_version=4,
        attendance={board.chair: None},
    )
    assert _invited(board.engine, meeting_id)[board.chair] == (MeetingRole.MEMBER, None)


def test_minutes_are_written_from_publishing_on_and_versioned(board):
    meeting_id = plan_meeting(board, starts_at=START)
    with pytest.raises(DomainError):
        run(board.engine, meetings.save_minutes, board.secretary, meeting_id=meeting_id, seen_version=1, minutes="x")
    run(board.engine, agenda.propose_agenda, board.secretary, meeting_id=meeting_id, seen_version=1)
    run(board.engine, meetings.publish_agenda, board.secretary, meeting_id=meeting_id, seen_version=2)
    run(board.engine, meetings.save_minutes, board.secretary, meeting_id=meeting_id, seen_version=3, minutes="Opened")
    with pytest.raises(ConflictError):
        run(board.engine, meetings.save_minutes, board.chair, meeting_id=meeting_id, seen_version=3, minutes="Mine")
    assert meeting_row(board.engine, meeting_id).minutes == "Opened"
    assert (
        "at most 50,000"
        in _errors(
            board.engine,
            meetings.save_minutes,
            board.secretary,
            meeting_id=meeting_id,
            seen_version=4,
            minutes="m" * 50_001,
        )["minutes"]
    )


def test_approved_minutes_lock_the_meeting(board):
    meeting_id = _published(board, starts_at=START)
    _all_present(board, meeting_id)
    run(board.engine, meetings.close_meeting, board.secretary, meeting_id=meeting_id, seen_version=4)
    set_status(board.engine, meeting_id, MeetingStatus.MINUTES_APPROVED)  # what a decision of the next meeting does
    version = meeting_row(board.engine, meeting_id).version
    calls = [
        (meetings.save_minutes, {"meeting_id": meeting_id, "seen_version": version, "minutes": "Rewritten"}),
        (meetings.record_attendance, {"meeting_id": meeting_id, "seen_version": version, "attendance": {}}),
        (meetings.close_meeting, {"meeting_id": meeting_id, "seen_version": version}),
        (meetings.update_meeting, _details(board, meeting_id, place="Elsewhere")),
    ]
    for function, kwargs in calls:
        with pytest.raises(DomainError) as refused:
            run(board.engine, function, board.admin, **kwargs)
        assert refused.value.key == "meeting.error.locked", function.__name__
    assert meeting_row(board.engine, meeting_id).version == version


def test_hostile_text_in_the_body_place_and_minutes_is_refused_or_stored_as_typed(board):
    meeting_id = _published(board, starts_at=START)
    for h in CORPUS:
        version = meeting_row(board.engine, meeting_id).version
        for field, function, kwargs in (
            ("minutes", meetings.save_minutes, {"minutes": h.text}),
            ("place", meetings.update_meeting, _details(board, meeting_id, place=h.text)),
            ("body", meetings.update_meeting, _details(board, meeting_id, body=h.text)),
        ):
            version = meeting_row(board.engine, meeting_id).version
            kwargs = {"meeting_id": meeting_id, "seen_version": version} | kwargs | {"seen_version": version}
            refused = _refusal(board.engine, function, board.secretary, **kwargs)
            if refused is not None:
                assert set(refused) == {field}, (h.key, refused)
            else:
                assert getattr(meeting_row(board.engine, meeting_id), field) == h.text.strip(), (h.key, field)


def test_an_unknown_meeting_is_not_found(board):
    with pytest.raises(NotFound):
        run(board.engine, meetings.publish_agenda, board.secretary, meeting_id=987_654, seen_version=1)
