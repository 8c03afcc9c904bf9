"""Meeting services: plan a meeting of a governance body (and the next one of its series), who is invited,
attendance, the minutes, and its status moves — agenda published, held. Approving the minutes is a decision of
a later meeting (cxgov.services.decisions), which locks the meeting.

Times: `starts_at` is stored in UTC; its local date (on the installation's time zone) gives the quarter and the
pre-read deadline."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from cxgov import audit
from cxgov.dates import day_in
from cxgov.errors import DomainError, ValidationError
from cxgov.models import (
    ActionItem,
    AgendaItem,
    AgendaItemStatus,
    Attendance,
    Decision,
    Meeting,
    MeetingMember,
    MeetingRole,
    MeetingStatus,
    Person,
)
from cxgov.models.base import utcnow
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_meetings import AttendanceInput, MeetingInput, MinutesInput
from cxgov.models.inputs_rules import LATEST_DAY
from cxgov.rules.meetings import MEETING_MOVES, default_pre_read_due, next_meeting_start, quarter_of, quorum
from cxgov.rules.permissions import Action, Relation, authorise
from cxgov.services.initiatives import person_problems
from cxgov.services.meeting_access import meeting_relations, meeting_to_change, move_meeting_on
from cxgov.services.unit import Actor, acting_person, audit_actor, audit_created, versioned_update
from cxgov.settings import get_settings

PREPARING = frozenset({MeetingStatus.DRAFT, MeetingStatus.AGENDA_PUBLISHED})  # details and agenda still change
RUNNING = frozenset({MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD})  # attendance and minutes are written


def create_meeting(
    *,
    session: Session,
    actor: Actor,
    body: str,
    starts_at: datetime,
    chair_id: int,
    secretary_id: int,
    member_ids: list[int],
    guest_ids: list[int] | None = None,
    duration_minutes: int = 120,
    place: str = "",
    quarter: str | None = None,
    pre_read_due: date | None = None,
) -> int:
    """Plan a meeting (a draft) with its members and guests; returns its id. A leader may plan only a meeting
    they chair; the quarter and the pre-read deadline default from the meeting's local date."""
    values = parse_input(
        MeetingInput,
        {
            "body": body,
            "starts_at": starts_at,
            "chair_id": chair_id,
            "secretary_id": secretary_id,
            "member_ids": member_ids,
            "guest_ids": guest_ids or [],
            "duration_minutes": duration_minutes,
            "place": place,
            "quarter": quarter,
            "pre_read_due": pre_read_due,
        },
    )
    person = acting_person(session, actor)
    chairing = {Relation.CHAIR} if person is not None and person.id == values.chair_id else set()
    authorise(person, Action.RUN_MEETING, chairing)
    _check_invited(session, values)
    meeting = Meeting(**_meeting_fields(values), updated_by_id=person.id if person else None)
    session.add(meeting)
    session.flush()
    audit_created(session, person=person, entity="meeting", row=meeting)
    _invite(session, person, meeting.id, _roles(values.member_ids, values.guest_ids))
    return meeting.id


def update_meeting(
    *,
    session: Session,
    actor: Actor,
    meeting_id: int,
    seen_version: int | None,
    body: str,
    starts_at: datetime,
    chair_id: int,
    secretary_id: int,
    member_ids: list[int],
    guest_ids: list[int],
    duration_minutes: int,
    place: str,
    quarter: str | None,
    pre_read_due: date | None,
) -> None:
    """Change a meeting that is not yet held and has no decision or action recorded yet: its details, and who is
    invited (people who stay keep their recorded attendance). A leader who chairs it may not hand the chair to
    someone else."""
    values = parse_input(
        MeetingInput,
        {
            "body": body,
            "starts_at": starts_at,
            "chair_id": chair_id,
            "secretary_id": secretary_id,
            "member_ids": member_ids,
            "guest_ids": guest_ids,
            "duration_minutes": duration_minutes,
            "place": place,
            "quarter": quarter,
            "pre_read_due": pre_read_due,
        },
    )
    person, meeting = meeting_to_change(session, actor, meeting_id, seen_version=seen_version)
    refuse_unless(meeting, PREPARING)
    if has_record(session, meeting_id):  # its decisions and actions name the body, chair and day they were taken
        raise DomainError("meeting.error.has_record")
    if person is not None and values.chair_id != meeting.chair_id:  # the rights after the change count too
        relations = meeting_relations(session, meeting, person) - {Relation.CHAIR}
        relations |= {Relation.CHAIR} if values.chair_id == person.id else set()
        authorise(person, Action.RUN_MEETING, relations, target=("meeting", meeting_id))
    _check_invited(session, values)
    invited_changed = _reinvite(session, person, meeting_id, _roles(values.member_ids, values.guest_ids))
    changes = move_meeting_on(session, person, meeting, seen_version, **_meeting_fields(values))
    if invited_changed and not changes:
        move_meeting_on(session, person, meeting, seen_version)


def propose_next_meeting(*, session: Session, actor: Actor, after_meeting_id: int) -> int:
    """The next meeting of the series as a draft: the same body, chair, secretary, members, guests, length and
    place, a quarter later at the same local time; returns its id. Refused when a meeting already follows."""
    person, previous = meeting_to_change(session, actor, after_meeting_id)
    follower = session.exec(select(Meeting.id).where(Meeting.previous_meeting_id == after_meeting_id)).first()
    if follower is not None:
        raise DomainError("meeting.error.already_followed", id=follower)
    zone = ZoneInfo(get_settings().time_zone)
    starts_local = next_meeting_start(previous.starts_at.astimezone(zone))
    if starts_local.date() > LATEST_DAY:
        raise DomainError("meeting.error.series_ends")
    invited = session.exec(
        select(MeetingMember.person_id, MeetingMember.role)
        .join(Person, Person.id == MeetingMember.person_id)
        .where(MeetingMember.meeting_id == after_meeting_id, Person.active)
    ).all()
    # the chair and secretary must still be active; when one has left, New meeting plans it with someone else
    errors = person_problems(session, chair_id=previous.chair_id, secretary_id=previous.secretary_id)
    if errors:
        raise ValidationError(errors)
    meeting = Meeting(
        body=previous.body,
        quarter=quarter_of(starts_local.date()),
        starts_at=starts_local.astimezone(UTC),
        duration_minutes=previous.duration_minutes,
        place=previous.place,
        chair_id=previous.chair_id,
        secretary_id=previous.secretary_id,
        pre_read_due=default_pre_read_due(starts_local.date()),
        previous_meeting_id=previous.id,
        updated_by_id=person.id if person else None,
    )
    session.add(meeting)
    session.flush()
    audit_created(session, person=person, entity="meeting", row=meeting)
    _invite(session, person, meeting.id, {person_id: MeetingRole(role) for person_id, role in invited})
    return meeting.id


def record_attendance(
    *,
    session: Session,
    actor: Actor,
    meeting_id: int,
    seen_version: int | None,
    attendance: dict[int, Attendance | str | None],
) -> None:
    """Record who is present, sent apologies or is absent (None: not recorded) for the people named; the others
    keep what was recorded. Once the agenda is published, and after the meeting."""
    values = parse_input(AttendanceInput, {"attendance": attendance})
    person, meeting = meeting_to_change(session, actor, meeting_id, seen_version=seen_version)
    refuse_unless(meeting, RUNNING)
    listed = {
        row.person_id: row
        for row in session.exec(select(MeetingMember).where(MeetingMember.meeting_id == meeting_id)).all()
    }
    strangers = sorted(set(values.attendance) - set(listed))
    if strangers:
        raise ValidationError({"attendance": ("meeting.error.not_invited", {"ids": ", ".join(map(str, strangers))})})
    changed = [(listed[p], status) for p, status in values.attendance.items() if listed[p].attendance != status]
    for row, status in changed:
        _audit_member(
            session, person, meeting_id, row.person_id, "update", field="attendance", old=row.attendance, new=status
        )
        row.attendance = status
    if changed:  # saving what was already recorded changes nothing, so an open page stays current
        session.flush()
        move_meeting_on(session, person, meeting, seen_version)


def publish_agenda(*, session: Session, actor: Actor, meeting_id: int, seen_version: int | None) -> None:
    """Publish the agenda as the pre-read (draft → agenda published); it needs at least one planned item. Items
    changed afterwards are marked on the pre-read (their `updated_at` is after `agenda_published_at`)."""
    person, meeting = meeting_to_change(session, actor, meeting_id, seen_version=seen_version)
    _refuse_move(meeting, MeetingStatus.AGENDA_PUBLISHED)
    planned = session.exec(
        select(AgendaItem.id).where(AgendaItem.meeting_id == meeting_id, AgendaItem.status == AgendaItemStatus.PLANNED)
    ).first()
    if planned is None:
        raise DomainError("meeting.error.agenda_empty")
    move_meeting_on(
        session, person, meeting, seen_version, status=MeetingStatus.AGENDA_PUBLISHED, agenda_published_at=utcnow()
    )


def close_meeting(*, session: Session, actor: Actor, meeting_id: int, seen_version: int | None) -> None:
    """The meeting was held (agenda published → held): attendance must be recorded for every member. Items still
    planned were discussed when a decision or an action was recorded on them, and otherwise not reached: those
    wait in the agenda backlog."""
    person, meeting = meeting_to_change(session, actor, meeting_id, seen_version=seen_version)
    _refuse_move(meeting, MeetingStatus.HELD)
    attendance = session.exec(
        select(MeetingMember.role, MeetingMember.attendance).where(MeetingMember.meeting_id == meeting_id)
    ).all()
    counted = quorum([(MeetingRole(r), Attendance(a) if a else None) for r, a in attendance], get_settings().quorum_pct)
    if not counted.recorded:
        raise DomainError("meeting.error.attendance_missing")
    still_planned = session.exec(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.status == AgendaItemStatus.PLANNED)
    ).all()
    acted_on = _items_acted_on(session, meeting_id)
    for item in still_planned:
        versioned_update(
            session,
            person=person,
            model=AgendaItem,
            entity="agenda_item",
            row=item,
            seen_version=item.version,
            values={"status": AgendaItemStatus.DISCUSSED if item.id in acted_on else AgendaItemStatus.NOT_REACHED},
        )
    move_meeting_on(session, person, meeting, seen_version, status=MeetingStatus.HELD)


def has_record(session: Session, meeting_id: int) -> bool:
    """Whether a decision or an action was recorded at the meeting."""
    decided = select(Decision.id).where(Decision.meeting_id == meeting_id).limit(1)
    given = select(ActionItem.id).where(ActionItem.meeting_id == meeting_id).limit(1)
    return session.exec(decided).first() is not None or session.exec(given).first() is not None


def _items_acted_on(session: Session, meeting_id: int) -> set[int]:
    """The meeting's items a decision or an action was recorded on: the board reached them."""
    decided = select(Decision.agenda_item_id).where(
        Decision.meeting_id == meeting_id, Decision.agenda_item_id.is_not(None)
    )
    given = select(ActionItem.agenda_item_id).where(
        ActionItem.meeting_id == meeting_id, ActionItem.agenda_item_id.is_not(None)
    )
    return set(session.execute(decided.union(given)).scalars())


def save_minutes(*, session: Session, actor: Actor, meeting_id: int, seen_version: int | None, minutes: str) -> None:
    """The secretary's minutes of the meeting, written from the published agenda on and after it is held."""
    values = parse_input(MinutesInput, {"minutes": minutes})
    person, meeting = meeting_to_change(session, actor, meeting_id, seen_version=seen_version)
    refuse_unless(meeting, RUNNING)
    move_meeting_on(session, person, meeting, seen_version, minutes=values.minutes)


# --- building blocks the agenda services share ----------------------------------------------------------------


def refuse_unless(meeting: Meeting, statuses: frozenset[MeetingStatus]) -> None:
    """Refuse a change the meeting's status does not allow (e.g. the agenda of a meeting already held)."""
    if meeting.status not in statuses:
        raise DomainError("meeting.error.not_now", status=f"enum.meetingstatus.{meeting.status.value}")


def local_day(moment: datetime) -> date:
    """The day `moment` falls on, on the installation's clock."""
    return day_in(moment, get_settings().time_zone)


# --- helpers ------------------------------------------------------------------------------------------------


def _refuse_move(meeting: Meeting, to_status: MeetingStatus) -> None:
    if to_status not in MEETING_MOVES[meeting.status]:
        raise DomainError(
            "meeting.error.move",
            status=f"enum.meetingstatus.{meeting.status.value}",
            to=f"enum.meetingstatus.{to_status.value}",
        )


def _meeting_fields(values: MeetingInput) -> dict:
    """The meeting's own columns from the form, the defaults filled in from its local date."""
    day = local_day(values.starts_at)
    if values.pre_read_due is not None and values.pre_read_due > day:
        raise ValidationError({"pre_read_due": "meeting.error.pre_read_after_meeting"})
    return {
        "body": values.body,
        "starts_at": values.starts_at.astimezone(UTC),
        "chair_id": values.chair_id,
        "secretary_id": values.secretary_id,
        "duration_minutes": values.duration_minutes,
        "place": values.place,
        "quarter": values.quarter or quarter_of(day),
        "pre_read_due": values.pre_read_due or default_pre_read_due(day),
    }


def _check_invited(session: Session, values: MeetingInput) -> None:
    """Chair and secretary are active people; so is everyone invited (one message per list)."""
    errors = person_problems(session, chair_id=values.chair_id, secretary_id=values.secretary_id)
    for field, ids in (("member_ids", values.member_ids), ("guest_ids", values.guest_ids)):
        problems = person_problems(session, **{str(n): person_id for n, person_id in enumerate(ids)})
        if problems:
            errors[field] = next(iter(problems.values()))
    if errors:
        raise ValidationError(errors)


def _roles(member_ids: list[int], guest_ids: list[int]) -> dict[int, MeetingRole]:
    return dict.fromkeys(member_ids, MeetingRole.MEMBER) | dict.fromkeys(guest_ids, MeetingRole.GUEST)


def _invite(session: Session, person, meeting_id: int, roles: dict[int, MeetingRole]) -> None:
    for person_id, role in roles.items():
        session.add(MeetingMember(meeting_id=meeting_id, person_id=person_id, role=role))
        _audit_member(session, person, meeting_id, person_id, "create", new={"role": role.value, "attendance": None})
    session.flush()


def _reinvite(session: Session, person, meeting_id: int, roles: dict[int, MeetingRole]) -> bool:
    """Replace who is invited: people no longer listed leave, new ones join, the others keep their attendance
    (their role may change). Returns whether anything changed."""
    current = session.exec(select(MeetingMember).where(MeetingMember.meeting_id == meeting_id)).all()
    changed = False
    for row in current:
        if row.person_id not in roles:
            session.delete(row)
            _audit_member(session, person, meeting_id, row.person_id, "delete", old={"role": row.role.value})
            changed = True
        elif row.role is not roles[row.person_id]:
            new_role = roles[row.person_id]
            _audit_member(
                session, person, meeting_id, row.person_id, "update", field="role", old=row.role, new=new_role
            )
            row.role = new_role
            changed = True
    session.flush()
    listed = {row.person_id for row in current}
    joining = {person_id: role for person_id, role in roles.items() if person_id not in listed}
    _invite(session, person, meeting_id, joining)
    return changed or bool(joining)


def _audit_member(session: Session, person, meeting_id: int, person_id: int, action: str, **event) -> None:
    """A meeting member has no id of its own: the event names the meeting and the person."""
    audit.record(
        session,
        actor=audit_actor(person),
        entity="meeting_member",
        entity_id=f"{meeting_id}:{person_id}",
        action=action,
        **event,
    )
