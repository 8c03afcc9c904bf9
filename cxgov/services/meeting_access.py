"""How every service that changes a governance meeting, or a row of it, gets hold of it: load it, authorise the
acting person with their relations to it (chair, member), refuse a page that is out of date, and refuse any
change to a meeting whose minutes are approved — that meeting is the permanent record."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from cxgov.errors import DomainError
from cxgov.models import Meeting, MeetingMember, MeetingStatus, Person
from cxgov.rules.permissions import Action, Relation, authorise
from cxgov.services.unit import Actor, acting_person, check_version, get_or_404, versioned_update

OWN_ROW = object()  # the change is to a row of the meeting with a version of its own (an agenda item, an action)


def meeting_relations(session: Session, meeting: Meeting, person: Person | None) -> set[Relation]:
    """How `person` relates to `meeting`: its chair, a member or invited guest."""
    if person is None:
        return set()
    relations = set()
    if meeting.chair_id == person.id:
        relations.add(Relation.CHAIR)
    listed = session.exec(
        select(MeetingMember.person_id).where(
            MeetingMember.meeting_id == meeting.id, MeetingMember.person_id == person.id
        )
    ).first()
    if listed is not None:
        relations.add(Relation.MEMBER)
    return relations


def meeting_to_change(
    session: Session,
    actor: Actor,
    meeting_id: int,
    action: Action = Action.RUN_MEETING,
    *,
    seen_version: int | object | None = OWN_ROW,
) -> tuple[Person | None, Meeting]:
    """The acting person and the meeting, once `action` is allowed them, the meeting is not locked by its
    approved minutes, and (for a change of the meeting itself) the page shows `seen_version`. The meeting row is
    held (PostgreSQL) so two saves to one meeting queue."""
    person = acting_person(session, actor)
    meeting = get_or_404(session, Meeting, "meeting", meeting_id, lock=True)
    authorise(person, action, meeting_relations(session, meeting, person), target=("meeting", meeting_id))
    if seen_version is not OWN_ROW:
        check_version(session, "meeting", meeting, seen_version)
    refuse_if_locked(meeting)
    return person, meeting


def refuse_if_locked(meeting: Meeting) -> None:
    """Nothing of a meeting changes once its minutes are approved."""
    if meeting.status is MeetingStatus.MINUTES_APPROVED:
        raise DomainError("meeting.error.locked")


def move_meeting_on(
    session: Session, person: Person | None, meeting: Meeting, seen_version: int, **values: Any
) -> dict:
    """Write `values` to the meeting at the version checked when it was loaded; the version moves on even when
    nothing of the meeting's own row changes (its agenda or attendance did), so an open page sees the change."""
    return versioned_update(
        session,
        person=person,
        model=Meeting,
        entity="meeting",
        row=meeting,
        seen_version=seen_version,
        values=values,
        move=not values,
    )
