"""The owner's ask of the board: what an initiative's owner or sponsor asks of one meeting (help, a decision,
money), written before the meeting's pre-read deadline so it reaches the members with the agenda."""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session

from cxgov import audit
from cxgov.dates import today_in
from cxgov.errors import DomainError
from cxgov.models import BoardAsk, Initiative, Meeting, MeetingStatus, Person
from cxgov.models.base import utcnow
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_meetings import BoardAskInput
from cxgov.rules.permissions import Action, allowed, authorise
from cxgov.services.initiative_access import relations_to
from cxgov.services.meeting_access import meeting_relations, refuse_if_locked
from cxgov.services.unit import Actor, acting_person, audit_actor, conflict, get_or_404
from cxgov.settings import get_settings

# Before the meeting is held; owners write while the agenda may still be a draft they are not invited to read
# (the ask tells them nothing of the draft).
ASKING = frozenset({MeetingStatus.DRAFT, MeetingStatus.AGENDA_PUBLISHED})


def allowed_draft(session: Session, meeting: Meeting, person: Person | None) -> bool:
    """Whether the person may read the meeting's draft agenda (the system may)."""
    return person is None or allowed(
        person.role, Action.READ_MEETING_DRAFT, meeting_relations(session, meeting, person)
    )


def write_board_ask(
    *,
    session: Session,
    actor: Actor,
    meeting_id: int,
    initiative_id: int,
    ask: str,
    seen_version: int | None = None,
) -> None:
    """Write (seen_version None) or change the initiative's ask of the meeting, until the pre-read deadline
    (the meeting's `pre_read_due`, on the installation's clock)."""
    values = parse_input(BoardAskInput, {"ask": ask})
    person = acting_person(session, actor)
    initiative = get_or_404(session, Initiative, "initiative", initiative_id)
    authorise(
        person, Action.WRITE_BOARD_ASK, relations_to(session, initiative, person), target=("initiative", initiative_id)
    )
    meeting = get_or_404(session, Meeting, "meeting", meeting_id, lock=True)
    refuse_if_locked(meeting)
    if meeting.status not in ASKING or today_in(get_settings().time_zone) > meeting.pre_read_due:
        raise DomainError("board_ask.error.too_late")
    key = f"{meeting_id}:{initiative_id}"
    row = session.get(BoardAsk, (meeting_id, initiative_id), populate_existing=True)
    stamp = {"updated_at": utcnow(), "updated_by_id": person.id if person else None}
    if row is None:
        if seen_version is not None:  # the page showed an ask that is gone: nothing to change
            raise conflict(session, "board_ask", key)
        row = BoardAsk(meeting_id=meeting_id, initiative_id=initiative_id, ask=values.ask, **stamp)
        session.add(row)
        session.flush()
        audit.record(
            session, actor=audit_actor(person), entity="board_ask", entity_id=key, action="create", new=values.ask
        )
        return
    if seen_version is None:  # someone wrote the ask while this page offered a new one
        raise conflict(session, "board_ask", key)
    if row.ask == values.ask and row.version == seen_version:
        return
    written = session.execute(
        update(BoardAsk)
        .where(
            BoardAsk.meeting_id == meeting_id,
            BoardAsk.initiative_id == initiative_id,
            BoardAsk.version == seen_version,
        )
        .values(ask=values.ask, version=seen_version + 1, **stamp)
    )
    if written.rowcount != 1:
        raise conflict(session, "board_ask", key)
    audit.record(
        session,
        actor=audit_actor(person),
        entity="board_ask",
        entity_id=key,
        action="update",
        field="ask",
        old=row.ask,
        new=values.ask,
    )
    session.expire(row)
