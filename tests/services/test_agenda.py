"""Agenda services on both databases: the proposed sections, items added before "any other business", edits
marked after publishing, reordering and removing (refused once the meeting is held), item status and minutes,
the backlog carried across meetings, the lock after approved minutes, and hostile text."""

from __future__ import annotations

from datetime import datetime

import pytest

from cxgov.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from cxgov.models import AgendaItemKind, AgendaItemStatus, AgendaSection, MeetingStatus
from cxgov.rules.meetings import PROPOSED_AGENDA
from cxgov.services import agenda, meetings
from tests.factories import add_initiative
from tests.hostile import CORPUS
from tests.meeting_builders import (
    AMSTERDAM,
    agenda_rows,
    events,
    item_row,
    make_board,
    meeting_row,
    plan_meeting,
    run,
    set_status,
)

Q4 = datetime(2026, 12, 14, 10, 0, tzinfo=AMSTERDAM)
Q1 = datetime(2027, 3, 15, 10, 0, tzinfo=AMSTERDAM)
Q2 = datetime(2027, 6, 14, 10, 0, tzinfo=AMSTERDAM)


@pytest.fixture
def board(engine):
    return make_board(engine)


def _version(board, meeting_id: int) -> int:
    return meeting_row(board.engine, meeting_id).version


def _propose(board, meeting_id: int) -> int:
    return run(
        board.engine,
        agenda.propose_agenda,
        board.secretary,
        meeting_id=meeting_id,
        seen_version=_version(board, meeting_id),
    )


def _add(board, meeting_id: int, actor=None, **values) -> int:
    values = {"kind": "topic", "title": "Complaint handling in stores"} | values
    return run(
        board.engine,
        agenda.add_agenda_item,
        actor or board.secretary,
        meeting_id=meeting_id,
        seen_version=_version(board, meeting_id),
        **values,
    )


def _call(board, function, actor=None, **kwargs):
    return run(board.engine, function, actor or board.secretary, **kwargs)


def _publish(board, meeting_id: int) -> None:
    _call(board, meetings.publish_agenda, meeting_id=meeting_id, seen_version=_version(board, meeting_id))


def _hold(board, meeting_id: int) -> None:
    """Publish (if still a draft), everyone present, close."""
    if meeting_row(board.engine, meeting_id).status is MeetingStatus.DRAFT:
        _publish(board, meeting_id)
    _call(
        board,
        meetings.record_attendance,
        meeting_id=meeting_id,
        seen_version=_version(board, meeting_id),
        attendance=dict.fromkeys(board.members, "present"),
    )
    _call(board, meetings.close_meeting, meeting_id=meeting_id, seen_version=_version(board, meeting_id))


def _shape(board, meeting_id: int) -> list[tuple]:
    return [
        (item.position, item.section or item.title, item.status)
        for item in agenda_rows(board.engine, meeting_id)
        if item.status is not AgendaItemStatus.REMOVED
    ]


# --- the proposed agenda --------------------------------------------------------------------------------------


def test_the_proposed_agenda_has_every_section_in_order_with_time_and_presenter(board):
    meeting_id = plan_meeting(board, starts_at=Q4)
    assert _propose(board, meeting_id) == 10
    items = agenda_rows(board.engine, meeting_id)
    assert [(i.position, i.kind, i.section, i.duration_minutes) for i in items] == [
        (n, AgendaItemKind.SECTION, plan.section, plan.minutes) for n, plan in enumerate(PROPOSED_AGENDA, start=1)
    ]
    presenters = {i.section: i.presenter_id for i in items}
    assert presenters[AgendaSection.OPENING] == presenters[AgendaSection.OTHER_BUSINESS] == board.chair
    assert presenters[AgendaSection.SCORECARD] == board.secretary
    assert _version(board, meeting_id) == 2
    assert len(events(board.engine, "agenda_item")) == 10
    assert _propose(board, meeting_id) == 0  # nothing is missing: nothing added, the version stays
    assert _version(board, meeting_id) == 2


def test_a_removed_section_is_proposed_again_in_its_place_around_added_items(board):
    meeting_id = plan_meeting(board, starts_at=Q4)
    _propose(board, meeting_id)
    scorecard = next(i for i in agenda_rows(board.engine, meeting_id) if i.section is AgendaSection.SCORECARD)
    _call(board, agenda.remove_agenda_item, item_id=scorecard.id, seen_version=_version(board, meeting_id))
    topic = _add(board, meeting_id, title="Store complaints")
    assert [s for _, s, _ in _shape(board, meeting_id)][-2:] == ["Store complaints", AgendaSection.OTHER_BUSINESS]
    assert _propose(board, meeting_id) == 1
    shape = [s for _, s, _ in _shape(board, meeting_id)]
    assert shape[2:5] == [AgendaSection.FOLLOW_UP, AgendaSection.SCORECARD, AgendaSection.PORTFOLIO]
    assert [p for p, _, _ in _shape(board, meeting_id)] == list(range(1, 12))
    assert item_row(board.engine, topic).position == 10


def test_the_agenda_is_proposed_only_while_the_meeting_is_prepared_and_by_who_runs_it(board):
    meeting_id = plan_meeting(board, starts_at=Q4)
    with pytest.raises(ConflictError):
        _call(board, agenda.propose_agenda, meeting_id=meeting_id, seen_version=None)
    with pytest.raises(PermissionDenied):
        _call(board, agenda.propose_agenda, board.other_leader, meeting_id=meeting_id, seen_version=1)
    with pytest.raises(PermissionDenied):  # a member reads the agenda; they do not prepare it
        _call(board, agenda.propose_agenda, board.members[2], meeting_id=meeting_id, seen_version=1)
    _call(board, agenda.propose_agenda, board.chair, meeting_id=meeting_id, seen_version=1)
    _hold(board, meeting_id)
    with pytest.raises(DomainError) as refused:
        _propose(board, meeting_id)
    assert refused.value.key == "meeting.error.not_now"


# --- adding, editing, reordering, removing --------------------------------------------------------------------


def test_items_are_added_before_any_other_business_or_last(board):
    owner = board.manager
    initiative = add_initiative(board.engine, owner_id=owner, title="Proactive delivery updates")
    bare = plan_meeting(board, starts_at=Q4)
    first = _add(board, bare, title="Welcome")
    second = _add(board, bare, kind="initiative", initiative_id=initiative, title="", presenter_id=owner)
    assert [(item_row(board.engine, i).position, item_row(board.engine, i).kind) for i in (first, second)] == [
        (1, AgendaItemKind.TOPIC),
        (2, AgendaItemKind.INITIATIVE),
    ]
    proposed = plan_meeting(board, starts_at=Q1)
    _propose(board, proposed)
    added = _add(board, proposed, duration_minutes=0)
    assert item_row(board.engine, added).position == 10
    assert _shape(board, proposed)[-1][:2] == (11, AgendaSection.OTHER_BUSINESS)
    [created] = events(board.engine, "agenda_item", added)
    assert (created.action, created.actor_id) == ("create", board.secretary)


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"kind": "topic", "title": "  "}, "title", "is required"),
        ({"kind": "initiative", "title": ""}, "initiative_id", "is required"),
        ({"kind": "kpi"}, "kpi_id", "is required"),
        ({"kind": "section"}, "kind", "sections come from the proposed agenda"),
        ({"kind": "speech"}, "kind", "not one of the choices"),
        ({"kind": "initiative", "initiative_id": 987_654}, "initiative_id", "does not exist"),
        ({"kind": "kpi", "kpi_id": 987_654}, "kpi_id", "does not exist"),
        ({"presenter_id": 987_654}, "presenter_id", "not a known person"),
        ({"duration_minutes": 601}, "duration_minutes", "must be between 0 and 600"),
        ({"duration_minutes": -1}, "duration_minutes", "must be between 0 and 600"),
        ({"title": "t" * 201}, "title", "at most 200"),
        ({"commentary": "c" * 5_001}, "commentary", "at most 5,000"),
        ({"from_backlog_item_id": 987_654}, "from_backlog_item_id", "not an item of the agenda backlog"),
    ],
)
def test_new_items_are_validated_per_field(board, values, field, message):
    meeting_id = plan_meeting(board, starts_at=Q4)
    with pytest.raises(ValidationError) as refused:
        _add(board, meeting_id, **values)
    errors = refused.value.field_messages("en")
    assert field in errors and message in errors[field], errors
    assert agenda_rows(board.engine, meeting_id) == []


def test_edits_after_publishing_are_marked_and_stamped_and_version_checked(board):
    meeting_id = plan_meeting(board, starts_at=Q4)
    topic = _add(board, meeting_id, title="Store complaints")
    untouched = _add(board, meeting_id, title="Chatbot pilot")
    _publish(board, meeting_id)
    published_at = meeting_row(board.engine, meeting_id).agenda_published_at
    _call(
        board,
        agenda.update_agenda_item,
        board.chair,
        item_id=topic,
        seen_version=1,
        changes={"commentary": "Numbers from the contact centre", "duration_minutes": 20},
    )
    row = item_row(board.engine, topic)
    assert (row.commentary, row.duration_minutes, row.version, row.updated_by_id) == (
        "Numbers from the contact centre",
        20,
        2,
        board.chair,
    )
    assert row.prepared_at > published_at  # what readers see as "changed after publishing"
    assert item_row(board.engine, untouched).prepared_at < published_at
    assert {e.field for e in events(board.engine, "agenda_item", topic) if e.action == "update"} == {
        "commentary",
        "duration_minutes",
    }
    with pytest.raises(ConflictError):
        _call(board, agenda.update_agenda_item, item_id=topic, seen_version=1, changes={"title": "Mine"})
    with pytest.raises(ValidationError) as refused:
        _call(board, agenda.update_agenda_item, item_id=topic, seen_version=2, changes={"title": ""})
    assert set(refused.value.errors) == {"title"}
    with pytest.raises(ValidationError) as refused:
        _call(board, agenda.update_agenda_item, item_id=topic, seen_version=2, changes={"status": "discussed"})
    assert set(refused.value.errors) == {"status"}  # a status is a move of its own
    with pytest.raises(PermissionDenied):
        _call(board, agenda.update_agenda_item, board.members[1], item_id=topic, seen_version=2, changes={})
    assert _version(board, meeting_id) == 4  # an item's edit is not a change of the meeting


def test_reordering_names_exactly_the_items_on_the_agenda(board):
    meeting_id = plan_meeting(board, starts_at=Q4)
    a, b, c = (_add(board, meeting_id, title=t) for t in ("A", "B", "C"))
    _call(board, agenda.remove_agenda_item, item_id=b, seen_version=_version(board, meeting_id))
    for wrong in ([c, a, b], [c], [c, a, a], [c, a, 987_654]):
        with pytest.raises(ValidationError) as refused:
            _call(
                board,
                agenda.reorder_agenda,
                meeting_id=meeting_id,
                seen_version=_version(board, meeting_id),
                item_ids=wrong,
            )
        assert set(refused.value.errors) == {"item_ids"}
    version = _version(board, meeting_id)
    _call(board, agenda.reorder_agenda, meeting_id=meeting_id, seen_version=version, item_ids=[c, a])
    assert _shape(board, meeting_id) == [(1, "C", AgendaItemStatus.PLANNED), (2, "A", AgendaItemStatus.PLANNED)]
    assert _version(board, meeting_id) == version + 1
    assert item_row(board.engine, c).version == 1  # the order is the meeting's, not the item's
    with pytest.raises(ConflictError):
        _call(board, agenda.reorder_agenda, meeting_id=meeting_id, seen_version=version, item_ids=[a, c])
    moves = [
        (e.field, e.old_value, e.new_value) for e in events(board.engine, "agenda_item", c) if e.action == "update"
    ]
    assert moves == [("position", "3", "2"), ("position", "2", "1")]  # closing the gap of B, then the reorder


def test_removing_sends_a_planned_item_to_the_backlog_and_takes_the_meetings_version(board):
    meeting_id = plan_meeting(board, starts_at=Q4)
    a, b = _add(board, meeting_id, title="A"), _add(board, meeting_id, title="B")
    with pytest.raises(ConflictError):
        _call(board, agenda.remove_agenda_item, item_id=a, seen_version=_version(board, meeting_id) - 1)
    _call(board, agenda.remove_agenda_item, item_id=a, seen_version=_version(board, meeting_id))
    assert item_row(board.engine, a).status is AgendaItemStatus.REMOVED
    assert _shape(board, meeting_id) == [(1, "B", AgendaItemStatus.PLANNED)]
    status_events = [(e.old_value, e.new_value) for e in events(board.engine, "agenda_item", a) if e.field == "status"]
    assert status_events == [("planned", "removed")]
    with pytest.raises(DomainError) as refused:
        _call(board, agenda.remove_agenda_item, item_id=a, seen_version=_version(board, meeting_id))
    assert refused.value.key == "agenda.error.not_planned"
    with pytest.raises(DomainError) as refused:  # a removed item is history until taken up again
        _call(board, agenda.update_agenda_item, item_id=a, seen_version=2, changes={"title": "A2"})
    assert refused.value.key == "agenda.error.removed"
    assert item_row(board.engine, b).version == 1


def test_once_held_the_agenda_is_the_record_but_status_and_minutes_are_still_written(board):
    meeting_id = plan_meeting(board, starts_at=Q4)
    a, b = _add(board, meeting_id, title="A"), _add(board, meeting_id, title="B")
    with pytest.raises(DomainError) as refused:  # not before the agenda is out
        _call(board, agenda.set_agenda_item_status, item_id=a, seen_version=1, status="discussed")
    assert refused.value.key == "meeting.error.not_now"
    _publish(board, meeting_id)
    _call(board, agenda.set_agenda_item_status, item_id=a, seen_version=1, status="discussed")
    _hold(board, meeting_id)
    assert [item_row(board.engine, i).status for i in (a, b)] == [
        AgendaItemStatus.DISCUSSED,
        AgendaItemStatus.NOT_REACHED,
    ]
    version = _version(board, meeting_id)
    refused_calls = [
        (agenda.add_agenda_item, {"meeting_id": meeting_id, "seen_version": version, "kind": "topic", "title": "C"}),
        (agenda.reorder_agenda, {"meeting_id": meeting_id, "seen_version": version, "item_ids": [b, a]}),
        (agenda.remove_agenda_item, {"item_id": a, "seen_version": version}),
        (agenda.update_agenda_item, {"item_id": a, "seen_version": 2, "changes": {"commentary": "Later"}}),
    ]
    for function, kwargs in refused_calls:
        with pytest.raises(DomainError) as refused:
            _call(board, function, **kwargs)
        assert refused.value.key == "meeting.error.not_now", function.__name__
    _call(board, agenda.update_agenda_item, item_id=a, seen_version=2, changes={"minutes": "Agreed to pilot"})
    _call(board, agenda.set_agenda_item_status, item_id=b, seen_version=2, status="discussed")
    assert (item_row(board.engine, a).minutes, item_row(board.engine, b).status) == (
        "Agreed to pilot",
        AgendaItemStatus.DISCUSSED,
    )
    with pytest.raises(ValidationError) as refused:
        _call(board, agenda.set_agenda_item_status, item_id=b, seen_version=3, status="planned")
    assert set(refused.value.errors) == {"status"}
    with pytest.raises(ValidationError):
        _call(board, agenda.set_agenda_item_status, item_id=b, seen_version=3, status="removed")
    with pytest.raises(ConflictError):
        _call(board, agenda.set_agenda_item_status, item_id=b, seen_version=2, status="not_reached")


def test_minutes_of_an_item_wait_for_the_published_agenda(board):
    meeting_id = plan_meeting(board, starts_at=Q4)
    a = _add(board, meeting_id, title="A")
    with pytest.raises(DomainError) as refused:
        _call(board, agenda.update_agenda_item, item_id=a, seen_version=1, changes={"minutes": "Early"})
    assert refused.value.key == "meeting.error.not_now"
    _publish(board, meeting_id)
    prepared = item_row(board.engine, a).prepared_at
    _call(board, agenda.update_agenda_item, item_id=a, seen_version=1, changes={"minutes": "Agreed"})
    _call(board, agenda.set_agenda_item_status, item_id=a, seen_version=2, status="discussed")
    row = item_row(board.engine, a)
    assert (row.minutes, row.status, row.version) == ("Agreed", "discussed", 3)
    assert row.prepared_at == prepared  # minutes and status are the meeting's record, not a change of the pre-read


# --- the backlog ----------------------------------------------------------------------------------------------


def test_the_backlog_is_carried_across_two_meetings_and_taken_up_once(board):
    initiative = add_initiative(board.engine, owner_id=board.manager)
    first = plan_meeting(board, starts_at=Q4)
    removed = _add(board, first, title="Store complaints")
    not_reached = _add(board, first, kind="initiative", initiative_id=initiative, title="")
    discussed = _add(board, first, title="Welcome")
    _call(board, agenda.remove_agenda_item, item_id=removed, seen_version=_version(board, first))
    _publish(board, first)
    _call(board, agenda.set_agenda_item_status, item_id=discussed, seen_version=1, status="discussed")
    _hold(board, first)
    second = plan_meeting(board, starts_at=Q1)
    carried = _add(board, second, kind="topic", title="", from_backlog_item_id=not_reached, duration_minutes=15)
    row = item_row(board.engine, carried)
    assert (row.kind, row.initiative_id, row.from_backlog_item_id, row.duration_minutes) == (
        AgendaItemKind.INITIATIVE,
        initiative,
        not_reached,
        15,
    )
    with pytest.raises(ValidationError) as refused:  # taken up once
        _add(board, second, from_backlog_item_id=not_reached)
    assert "already taken up" in refused.value.field_messages("en")["from_backlog_item_id"]
    with pytest.raises(DomainError) as refused:  # what a later meeting took up stays as it was
        _call(board, agenda.set_agenda_item_status, item_id=not_reached, seen_version=2, status="discussed")
    assert refused.value.key in {"agenda.error.taken_up", "meeting.error.not_now"}
    for not_backlog in (discussed, carried):  # discussed; or on this very meeting
        with pytest.raises(ValidationError):
            _add(board, second, from_backlog_item_id=not_backlog)
    _add(board, second, from_backlog_item_id=removed)
    # Not reached again at the second meeting: the third takes it up from the second, not from the first.
    _hold(board, second)
    third = plan_meeting(board, starts_at=Q2)
    with pytest.raises(ValidationError):
        _add(board, third, from_backlog_item_id=not_reached)
    again = _add(board, third, from_backlog_item_id=carried)
    assert (item_row(board.engine, again).initiative_id, item_row(board.engine, again).from_backlog_item_id) == (
        initiative,
        carried,
    )


def test_the_backlog_belongs_to_earlier_meetings_of_the_same_body(board):
    first = plan_meeting(board, starts_at=Q1)
    parked = _add(board, first, title="Parked")
    _call(board, agenda.remove_agenda_item, item_id=parked, seen_version=_version(board, first))
    earlier = plan_meeting(board, starts_at=Q4)
    steering = plan_meeting(board, starts_at=Q2, body="Service steering group")
    for meeting_id in (earlier, steering):
        with pytest.raises(ValidationError) as refused:
            _add(board, meeting_id, from_backlog_item_id=parked)
        assert set(refused.value.errors) == {"from_backlog_item_id"}
    _propose(board, first)
    section = next(i for i in agenda_rows(board.engine, first) if i.kind is AgendaItemKind.SECTION)
    _call(board, agenda.remove_agenda_item, item_id=section.id, seen_version=_version(board, first))
    later = plan_meeting(board, starts_at=Q2)
    with pytest.raises(ValidationError):  # a section is proposed again, not carried
        _add(board, later, from_backlog_item_id=section.id)


# --- the lock, and hostile text -------------------------------------------------------------------------------


def test_approved_minutes_lock_the_agenda(board):
    meeting_id = plan_meeting(board, starts_at=Q4)
    a = _add(board, meeting_id, title="A")
    _hold(board, meeting_id)
    set_status(board.engine, meeting_id, MeetingStatus.MINUTES_APPROVED)  # what the approving decision does
    version = _version(board, meeting_id)
    calls = [
        (agenda.propose_agenda, {"meeting_id": meeting_id, "seen_version": version}),
        (agenda.add_agenda_item, {"meeting_id": meeting_id, "seen_version": version, "kind": "topic", "title": "B"}),
        (agenda.reorder_agenda, {"meeting_id": meeting_id, "seen_version": version, "item_ids": [a]}),
        (agenda.remove_agenda_item, {"item_id": a, "seen_version": version}),
        (agenda.update_agenda_item, {"item_id": a, "seen_version": 2, "changes": {"minutes": "Rewritten"}}),
        (agenda.set_agenda_item_status, {"item_id": a, "seen_version": 2, "status": "discussed"}),
    ]
    for function, kwargs in calls:
        with pytest.raises(DomainError) as refused:
            _call(board, function, board.admin, **kwargs)
        assert refused.value.key == "meeting.error.locked", function.__name__
    assert item_row(board.engine, a).version == 2


def test_hostile_text_in_titles_commentary_and_minutes_is_refused_or_stored_as_typed(board):
    meeting_id = plan_meeting(board, starts_at=Q4)
    for h in CORPUS:
        try:
            item = _add(board, meeting_id, title=h.text, commentary=h.text)
        except ValidationError as refused:
            problems = set(refused.errors)
        else:
            problems = set()
            row = item_row(board.engine, item)
            assert (row.title, row.commentary) == (h.text.strip(), h.text.strip()), h.key
        assert problems <= {"title", "commentary"}, (h.key, problems)
        assert bool(problems) == (len(h.text.strip()) > 200), h.key
    _publish(board, meeting_id)
    item = agenda_rows(board.engine, meeting_id)[0]
    for h in CORPUS:
        version = item_row(board.engine, item.id).version
        try:
            _call(board, agenda.update_agenda_item, item_id=item.id, seen_version=version, changes={"minutes": h.text})
        except ValidationError as refused:
            assert set(refused.errors) == {"minutes"} and len(h.text) > 20_000, h.key  # noqa: PT017
        else:
            assert item_row(board.engine, item.id).minutes == h.text.strip(), h.key
