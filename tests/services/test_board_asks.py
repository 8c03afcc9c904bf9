"""The owner's ask of the board on both databases: written by the initiative's owner or sponsor before the
pre-read deadline, changed with its version, refused on a locked meeting, and hostile text."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from cxgov.dates import today_in
from cxgov.db import session_scope
from cxgov.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from cxgov.models import BoardAsk, MeetingStatus, Role
from cxgov.services.board_asks import write_board_ask
from cxgov.settings import get_settings
from tests.factories import add_initiative, add_person
from tests.hostile import CORPUS
from tests.meeting_builders import AMSTERDAM, events, make_board, plan_meeting, run, set_status

SOON = datetime.combine(date.today() + timedelta(days=21), datetime.min.time(), AMSTERDAM)


@pytest.fixture
def setting(engine):
    board = make_board(engine)
    owner = add_person(engine, Role.MANAGER, name="Olga Owner")
    sponsor = add_person(engine, Role.LEADER, name="Sven Sponsor")
    initiative = add_initiative(engine, owner_id=owner, sponsor_id=sponsor, title="Proactive delivery updates")
    return board, owner, sponsor, initiative, plan_meeting(board, starts_at=SOON)


def _ask(engine, meeting_id: int, initiative_id: int) -> BoardAsk | None:
    with session_scope(engine) as session:
        return session.get(BoardAsk, (meeting_id, initiative_id))


def test_the_owner_writes_the_ask_and_the_sponsor_changes_it_with_its_version(setting):
    board, owner, sponsor, initiative, meeting_id = setting
    e = board.engine
    run(e, write_board_ask, owner, meeting_id=meeting_id, initiative_id=initiative, ask="Budget for the pilot")
    row = _ask(e, meeting_id, initiative)
    assert (row.ask, row.version, row.updated_by_id) == ("Budget for the pilot", 1, owner)
    with pytest.raises(ConflictError):  # written meanwhile: this page offered a new ask
        run(e, write_board_ask, sponsor, meeting_id=meeting_id, initiative_id=initiative, ask="Another")
    run(
        e,
        write_board_ask,
        sponsor,
        meeting_id=meeting_id,
        initiative_id=initiative,
        ask="Budget and a carrier contact",
        seen_version=1,
    )
    with pytest.raises(ConflictError):
        run(e, write_board_ask, owner, meeting_id=meeting_id, initiative_id=initiative, ask="Old", seen_version=1)
    row = _ask(e, meeting_id, initiative)
    assert (row.ask, row.version, row.updated_by_id) == ("Budget and a carrier contact", 2, sponsor)
    key = f"{meeting_id}:{initiative}"
    assert [(ev.action, ev.field, ev.new_value, ev.actor_id) for ev in events(e, "board_ask", key)] == [
        ("create", None, "Budget for the pilot", owner),
        ("update", "ask", "Budget and a carrier contact", sponsor),
    ]


def test_only_who_owns_or_sponsors_the_initiative_or_the_programme_office_writes_it(setting):
    board, _, _, initiative, meeting_id = setting
    e = board.engine
    for stranger in (board.manager, board.other_leader, board.members[2]):
        with pytest.raises(PermissionDenied):
            run(e, write_board_ask, stranger, meeting_id=meeting_id, initiative_id=initiative, ask="Mine")
    run(e, write_board_ask, board.secretary, meeting_id=meeting_id, initiative_id=initiative, ask="On their behalf")
    assert _ask(e, meeting_id, initiative).updated_by_id == board.secretary


def test_a_missing_ask_on_a_changed_page_is_a_conflict_and_an_empty_ask_is_refused(setting):
    board, owner, _, initiative, meeting_id = setting
    with pytest.raises(ConflictError):
        run(
            board.engine,
            write_board_ask,
            owner,
            meeting_id=meeting_id,
            initiative_id=initiative,
            ask="x",
            seen_version=1,
        )
    with pytest.raises(ValidationError) as refused:
        run(board.engine, write_board_ask, owner, meeting_id=meeting_id, initiative_id=initiative, ask="  ")
    assert refused.value.field_messages("en") == {"ask": "is required"}
    with pytest.raises(ValidationError) as refused:
        run(board.engine, write_board_ask, owner, meeting_id=meeting_id, initiative_id=initiative, ask="a" * 1_001)
    assert "at most 1,000" in refused.value.field_messages("en")["ask"]
    assert _ask(board.engine, meeting_id, initiative) is None


def test_the_ask_closes_after_the_pre_read_deadline_and_on_a_locked_meeting(setting):
    board, owner, _, initiative, _ = setting
    e = board.engine
    today = today_in(get_settings().time_zone)  # the service's clock
    due_today = plan_meeting(board, starts_at=SOON, pre_read_due=today)
    run(e, write_board_ask, owner, meeting_id=due_today, initiative_id=initiative, ask="Still in time")
    passed = plan_meeting(board, starts_at=SOON, pre_read_due=today - timedelta(days=1))
    with pytest.raises(DomainError) as refused:
        run(e, write_board_ask, owner, meeting_id=passed, initiative_id=initiative, ask="Too late")
    assert refused.value.key == "board_ask.error.too_late"
    set_status(e, due_today, MeetingStatus.MINUTES_APPROVED)
    with pytest.raises(DomainError) as refused:
        run(e, write_board_ask, owner, meeting_id=due_today, initiative_id=initiative, ask="Changed", seen_version=1)
    assert refused.value.key == "meeting.error.locked"
    assert _ask(e, due_today, initiative).ask == "Still in time"


def test_hostile_text_is_refused_or_stored_as_typed(setting):
    board, owner, _, initiative, meeting_id = setting
    version = None
    for h in CORPUS:
        try:
            run(
                board.engine,
                write_board_ask,
                owner,
                meeting_id=meeting_id,
                initiative_id=initiative,
                ask=h.text,
                seen_version=version,
            )
        except ValidationError as refused:
            assert set(refused.errors) == {"ask"} and len(h.text) > 1_000, h.key  # noqa: PT017
            continue
        row = _ask(board.engine, meeting_id, initiative)
        assert row.ask == h.text.strip(), h.key
        version = row.version
