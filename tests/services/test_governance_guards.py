"""The guards a review found missing in the governance services, each shown by the attack it stops: a leader
chairing a meeting of the same name locking another chair's meeting, a meeting edited after it has a record, the
next meeting inviting people who left, a say/do ratio flattered by a back-dated close or a postponed overdue
action, a meeting without members, an ask on a held meeting, a decision reversing a later one."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from cxgov.dates import today_in
from cxgov.db import session_scope
from cxgov.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from cxgov.models import AgendaItem, Decision, Meeting, MeetingMember, MeetingStatus, Person, Role
from cxgov.services import actions, agenda, board_asks, decisions, meetings
from cxgov.settings import get_settings
from tests.factories import add_action, add_decision, add_initiative, add_meeting, add_person

JANUARY = datetime(2026, 1, 15, 9, tzinfo=UTC)
FEBRUARY = datetime(2026, 2, 1, 9, tzinfo=UTC)


def _run(engine, service, actor, **kwargs):
    with session_scope(engine, write=True) as session:
        return service(session=session, actor=actor, **kwargs)


def _version(engine, meeting_id: int) -> int:
    with session_scope(engine) as session:
        return session.get(Meeting, meeting_id).version


def _own_published_meeting(engine, leader: int, starts_at: datetime) -> int:
    """A meeting of the body "CX board" the leader planned and chairs, its agenda published."""
    meeting = _run(
        engine,
        meetings.create_meeting,
        leader,
        body="CX board",
        starts_at=starts_at,
        chair_id=leader,
        secretary_id=leader,
        member_ids=[leader],
    )
    _run(engine, agenda.add_agenda_item, leader, meeting_id=meeting, seen_version=1, kind="topic", title="Any")
    _run(engine, meetings.publish_agenda, leader, meeting_id=meeting, seen_version=_version(engine, meeting))
    return meeting


def test_chairing_a_meeting_of_the_same_name_gives_no_power_over_another_chairs_meeting(engine):
    chair = add_person(engine, Role.LEADER)
    office = add_person(engine, Role.PROGRAMME_OFFICE)
    rogue = add_person(engine, Role.LEADER)
    with session_scope(engine, write=True) as session:
        real = add_meeting(
            session,
            status=MeetingStatus.HELD,
            starts_at=JANUARY,
            chair_id=chair,
            secretary_id=office,
            member_ids=[chair],
        )
        funded = add_decision(session, meeting_id=real, text="Fund the callback pilot")
    own = _own_published_meeting(engine, rogue, FEBRUARY)
    with pytest.raises(PermissionDenied):
        _run(
            engine,
            decisions.record_decision,
            rogue,
            meeting_id=own,
            kind="note",
            text="Approved",
            approves_minutes_of_id=real,
        )
    with pytest.raises(PermissionDenied):
        _run(
            engine,
            decisions.record_decision,
            rogue,
            meeting_id=own,
            kind="note",
            text="Reversed",
            supersedes_id=funded,
            reverses=True,
        )
    with session_scope(engine) as session:
        assert session.get(Meeting, real).status is MeetingStatus.HELD
        assert session.exec(select(Decision.id).where(Decision.supersedes_id == funded)).first() is None
    # the programme office, who runs every meeting, may approve the minutes from the later one
    _run(
        engine,
        decisions.record_decision,
        office,
        meeting_id=own,
        kind="note",
        text="Approved",
        approves_minutes_of_id=real,
    )
    with session_scope(engine) as session:
        assert session.get(Meeting, real).status is MeetingStatus.MINUTES_APPROVED


def test_a_decision_corrects_only_a_decision_of_this_meeting_or_an_earlier_one(engine):
    office = add_person(engine, Role.PROGRAMME_OFFICE)
    with session_scope(engine, write=True) as session:
        earlier = add_meeting(
            session,
            status=MeetingStatus.HELD,
            starts_at=JANUARY,
            chair_id=office,
            secretary_id=office,
            member_ids=[office],
        )
        later = add_meeting(
            session,
            status=MeetingStatus.HELD,
            starts_at=FEBRUARY,
            chair_id=office,
            secretary_id=office,
            member_ids=[office],
        )
        later_decision = add_decision(session, meeting_id=later, text="Stop the pilot")
    with pytest.raises(ValidationError) as refused:
        _run(
            engine,
            decisions.record_decision,
            office,
            meeting_id=earlier,
            kind="note",
            text="Reversed",
            supersedes_id=later_decision,
            reverses=True,
        )
    assert refused.value.errors["supersedes_id"][0] == "decisions.error.later_decision"


def test_a_meeting_with_a_record_keeps_its_body_time_chair_and_people(engine):
    office = add_person(engine, Role.PROGRAMME_OFFICE)
    chair = add_person(engine, Role.LEADER)
    meeting = _own_published_meeting(engine, chair, FEBRUARY)
    _run(engine, decisions.record_decision, office, meeting_id=meeting, kind="note", text="We decided")
    with pytest.raises(DomainError) as refused:
        _run(
            engine,
            meetings.update_meeting,
            office,
            meeting_id=meeting,
            seen_version=_version(engine, meeting),
            body="Audit committee",
            starts_at=datetime(2027, 3, 1, 8, tzinfo=UTC),
            chair_id=chair,
            secretary_id=office,
            member_ids=[chair],
            guest_ids=[],
            duration_minutes=120,
            place="",
            quarter=None,
            pre_read_due=None,
        )
    assert refused.value.key == "meeting.error.has_record"
    with session_scope(engine) as session:
        assert session.get(Meeting, meeting).body == "CX board"


def test_a_meeting_needs_members(engine):
    office = add_person(engine, Role.PROGRAMME_OFFICE)
    guest = add_person(engine, Role.VIEWER)
    with pytest.raises(ValidationError) as refused:
        _run(
            engine,
            meetings.create_meeting,
            office,
            body="CX board",
            starts_at=FEBRUARY,
            chair_id=office,
            secretary_id=office,
            member_ids=[],
            guest_ids=[guest],
        )
    assert refused.value.errors["member_ids"][0] == "meeting.error.no_members"


def test_the_next_meeting_invites_only_people_still_active_and_needs_an_active_chair(engine):
    office = add_person(engine, Role.PROGRAMME_OFFICE)
    chair = add_person(engine, Role.LEADER)
    left = add_person(engine, Role.MANAGER)
    stays = add_person(engine, Role.MANAGER)
    with session_scope(engine, write=True) as session:
        first = add_meeting(
            session,
            status=MeetingStatus.HELD,
            starts_at=JANUARY,
            chair_id=chair,
            secretary_id=office,
            member_ids=[chair, left, stays],
        )
        session.get(Person, left).active = False
    following = _run(engine, meetings.propose_next_meeting, office, after_meeting_id=first)
    with session_scope(engine) as session:
        invited = set(session.exec(select(MeetingMember.person_id).where(MeetingMember.meeting_id == following)))
        assert invited == {chair, stays}
        second = add_meeting(
            session,
            status=MeetingStatus.HELD,
            starts_at=JANUARY,
            chair_id=chair,
            secretary_id=office,
            member_ids=[chair, stays],
            body="Steering group",
        )
        session.get(Person, chair).active = False
        session.commit()
    with pytest.raises(ValidationError) as refused:
        _run(engine, meetings.propose_next_meeting, office, after_meeting_id=second)
    assert set(refused.value.errors) == {"chair_id"}


def test_the_say_do_ratio_cannot_be_flattered_by_a_back_dated_close_or_a_postponed_overdue_action(engine):
    office = add_person(engine, Role.PROGRAMME_OFFICE)
    owner = add_person(engine, Role.CONTRIBUTOR)
    today = today_in(get_settings().time_zone)
    with session_scope(engine, write=True) as session:
        meeting = add_meeting(
            session,
            status=MeetingStatus.HELD,
            starts_at=JANUARY,
            chair_id=office,
            secretary_id=office,
            member_ids=[office],
        )
        overdue = add_action(
            session,
            meeting_id=meeting,
            owner_id=owner,
            due_on=today - timedelta(days=60),
            created_at=datetime.combine(today - timedelta(days=90), datetime.min.time(), UTC),
        )
    with pytest.raises(ValidationError) as refused:
        _run(
            engine,
            actions.update_action,
            office,
            action_id=overdue,
            seen_version=1,
            changes={"due_on": date(2100, 12, 31)},
        )
    assert refused.value.errors["due_on"][0] == "actions.error.overdue_stays_due"
    with pytest.raises(ValidationError) as refused:
        _run(
            engine,
            actions.close_action,
            owner,
            action_id=overdue,
            seen_version=1,
            outcome="done",
            closed_on=today - timedelta(days=61),
        )
    assert refused.value.errors["closed_on"][0] == "actions.error.closed_long_ago"
    _run(
        engine,
        actions.close_action,
        owner,
        action_id=overdue,
        seen_version=1,
        outcome="done",
        closed_on=today - timedelta(days=7),
    )


def test_no_ask_once_the_meeting_is_held(engine):
    office = add_person(engine, Role.PROGRAMME_OFFICE)
    owner = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=owner)
    soon = datetime.combine(today_in(get_settings().time_zone) + timedelta(days=30), datetime.min.time(), UTC)
    with session_scope(engine, write=True) as session:
        meeting = add_meeting(
            session,
            status=MeetingStatus.HELD,
            starts_at=soon,
            chair_id=office,
            secretary_id=office,
            member_ids=[office],
        )
    with pytest.raises(DomainError) as refused:
        _run(
            engine,
            board_asks.write_board_ask,
            owner,
            meeting_id=meeting,
            initiative_id=initiative,
            ask="Budget, please",
        )
    assert refused.value.key == "board_ask.error.too_late"


def test_a_refused_reorder_names_who_reordered_the_agenda_and_when(engine):
    office = add_person(engine, Role.PROGRAMME_OFFICE, name="Thijs Bakker")
    chair = add_person(engine, Role.LEADER)
    meeting = _own_published_meeting(engine, chair, FEBRUARY)
    _run(
        engine,
        agenda.add_agenda_item,
        chair,
        meeting_id=meeting,
        seen_version=_version(engine, meeting),
        kind="topic",
        title="Second",
    )
    with session_scope(engine) as session:
        items = list(
            session.exec(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting).order_by(AgendaItem.position))
        )
    seen = _version(engine, meeting)
    _run(engine, agenda.reorder_agenda, office, meeting_id=meeting, seen_version=seen, item_ids=items[::-1])
    with pytest.raises(ConflictError) as refused:  # a second tab, still showing the old order
        _run(engine, agenda.reorder_agenda, chair, meeting_id=meeting, seen_version=seen, item_ids=items)
    assert refused.value.params["who"] == "Thijs Bakker" and refused.value.params["when"] != "?"


@pytest.mark.parametrize("kind", ["approve", "fund", "reject", "stop", "hold", "resume"])
def test_a_decision_that_moves_an_initiative_names_it(engine, kind):
    chair = add_person(engine, Role.LEADER)
    meeting = _own_published_meeting(engine, chair, FEBRUARY)
    with pytest.raises(ValidationError) as refused:
        _run(engine, decisions.record_decision, chair, meeting_id=meeting, kind=kind, text="Go ahead")
    assert refused.value.errors["initiative_id"][0] == "decisions.error.kind_needs_initiative"
