"""Meeting reads: the list of a body's meetings (drafts only for those who may read them), one meeting's record
(its members and quorum, its agenda with what changed after publishing) and the agenda backlog of items that wait
to be taken up again. A fixed number of statements each, however many meetings, items and members exist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session

from cxgov.errors import NotFound
from cxgov.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    AgendaItemKind,
    AgendaItemStatus,
    Attendance,
    Decision,
    Initiative,
    Kpi,
    Meeting,
    MeetingMember,
    MeetingRole,
    MeetingStatus,
    Person,
    Role,
)
from cxgov.queries.base import code_text, read_frame
from cxgov.rules.meetings import Quorum, quorum
from cxgov.rules.permissions import Action, Relation, allowed
from cxgov.settings import get_settings

LIST_COLUMNS = (
    "id",
    "body",
    "quarter",
    "starts_at",
    "status",
    "chair",
    "secretary",
    "members",
    "present",
    "quorum_met",
    "decisions",
    "open_actions",
)
BACKLOG_STATUSES = (AgendaItemStatus.REMOVED, AgendaItemStatus.NOT_REACHED)


def with_integer_ids(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """Optional id columns as integers with <NA> where there is none (pandas would make the whole column floats)."""
    for column in columns:
        frame[column] = frame[column].astype("Int64")
    return frame


def earlier_meeting_ids(meeting_id: int) -> sa.Select:
    """The ids of the meetings of the same body that started before `meeting_id` (its series so far)."""
    this = aliased(Meeting, name="this_meeting")
    return (
        sa.select(Meeting.id)
        .join(this, sa.and_(this.body == Meeting.body, Meeting.starts_at < this.starts_at))
        .where(this.id == meeting_id)
    )


def _drafts_shown(person_id: int | None, role: Role | str | None) -> sa.ColumnElement:
    """Which meetings the person sees: every meeting past its draft, and the drafts the permission policy lets them
    read — all of them, or those they chair or are invited to (the relations `meeting_relations` finds)."""
    if role is None:
        return Meeting.status != MeetingStatus.DRAFT
    role = Role(role)
    if allowed(role, Action.READ_MEETING_DRAFT):
        return sa.true()
    shown = [Meeting.status != MeetingStatus.DRAFT]
    if person_id is not None and allowed(role, Action.READ_MEETING_DRAFT, {Relation.CHAIR}):
        shown.append(Meeting.chair_id == person_id)
    if person_id is not None and allowed(role, Action.READ_MEETING_DRAFT, {Relation.MEMBER}):
        invited = sa.select(MeetingMember.meeting_id).where(MeetingMember.person_id == person_id)
        shown.append(Meeting.id.in_(invited))
    return sa.or_(*shown)


def _quorum_met(members: int, present: int, recorded: int, quorum_pct: int) -> bool | None:
    """Whether the quorum was met, None while attendance is not recorded for every member. The counts stand for the
    members' attendance, so the rule (not a copy of it here) decides the share needed."""
    attendance = (
        [(MeetingRole.MEMBER, Attendance.PRESENT)] * present
        + [(MeetingRole.MEMBER, Attendance.ABSENT)] * (recorded - present)
        + [(MeetingRole.MEMBER, None)] * (members - recorded)
    )
    counted = quorum(attendance, quorum_pct)
    return counted.met if counted.recorded else None


def meeting_list(session: Session, *, person_id: int | None, role: Role | str | None) -> pd.DataFrame:
    """Every meeting the person may see, newest first: its members (guests do not count), those present, whether
    the quorum was met, the decisions it took and its actions still open. One statement."""
    members = (
        sa.select(
            MeetingMember.meeting_id,
            sa.func.count().label("members"),
            sa.func.sum(sa.case((MeetingMember.attendance == Attendance.PRESENT, 1), else_=0)).label("present"),
            sa.func.count(MeetingMember.attendance).label("recorded"),
        )
        .where(MeetingMember.role == MeetingRole.MEMBER)
        .group_by(MeetingMember.meeting_id)
        .subquery("members")
    )
    decisions = (
        sa.select(Decision.meeting_id, sa.func.count().label("decisions"))
        .group_by(Decision.meeting_id)
        .subquery("decisions")
    )
    open_actions = (
        sa.select(ActionItem.meeting_id, sa.func.count().label("open_actions"))
        .where(ActionItem.status == ActionStatus.OPEN)
        .group_by(ActionItem.meeting_id)
        .subquery("open_actions")
    )
    chair, secretary = aliased(Person, name="chair"), aliased(Person, name="secretary")
    rows = session.execute(
        sa.select(
            Meeting.id,
            Meeting.body,
            Meeting.quarter,
            Meeting.starts_at,
            code_text(Meeting.status).label("status"),
            chair.name.label("chair"),
            secretary.name.label("secretary"),
            sa.func.coalesce(members.c.members, 0),
            sa.func.coalesce(members.c.present, 0),
            sa.func.coalesce(members.c.recorded, 0),
            sa.func.coalesce(decisions.c.decisions, 0),
            sa.func.coalesce(open_actions.c.open_actions, 0),
        )
        .join(chair, chair.id == Meeting.chair_id)
        .join(secretary, secretary.id == Meeting.secretary_id)
        .outerjoin(members, members.c.meeting_id == Meeting.id)
        .outerjoin(decisions, decisions.c.meeting_id == Meeting.id)
        .outerjoin(open_actions, open_actions.c.meeting_id == Meeting.id)
        .where(_drafts_shown(person_id, role))
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    ).all()
    quorum_pct = get_settings().quorum_pct
    return pd.DataFrame(
        [
            (*head, int(n), int(present), _quorum_met(int(n), int(present), int(recorded), quorum_pct), int(d), int(a))
            for *head, n, present, recorded, d, a in rows
        ],
        columns=list(LIST_COLUMNS),
    )


@dataclass(frozen=True, eq=False)
class MeetingRecord:
    """One meeting as its page, its pre-read and its minutes show it: plain values and DataFrames of codes."""

    id: int
    body: str
    quarter: str
    starts_at: datetime  # UTC
    duration_minutes: int
    place: str
    chair_id: int
    chair: str
    secretary_id: int
    secretary: str
    pre_read_due: date
    status: str
    agenda_published_at: datetime | None
    minutes: str
    previous_meeting_id: int | None
    version: int
    next_meeting_id: int | None  # the meeting proposed to follow it
    approved_by_decision_id: int | None  # the later meeting's decision approving its minutes
    members: pd.DataFrame  # person_id, name, role, attendance (None while not recorded)
    quorum: Quorum
    agenda: pd.DataFrame  # see AGENDA_COLUMNS
    planned_minutes: int  # the items not removed


MEMBER_COLUMNS = ("person_id", "name", "role", "attendance")
AGENDA_COLUMNS = (
    "id",
    "position",
    "kind",
    "section",
    "title",
    "initiative_id",
    "initiative_title",
    "kpi_id",
    "kpi_name",
    "duration_minutes",
    "presenter_id",
    "presenter",
    "commentary",
    "minutes",
    "status",
    "version",
    "changed_after_publishing",
    "from_backlog_item_id",
)


def meeting_record(session: Session, meeting_id: int) -> MeetingRecord:
    """The meeting, its members and its whole agenda (removed items too, with their status); three statements.
    Raises NotFound."""
    chair, secretary = aliased(Person, name="chair"), aliased(Person, name="secretary")
    following = aliased(Meeting, name="following")
    row = session.execute(
        sa.select(
            Meeting.id,
            Meeting.body,
            Meeting.quarter,
            Meeting.starts_at,
            Meeting.duration_minutes,
            Meeting.place,
            Meeting.chair_id,
            chair.name,
            Meeting.secretary_id,
            secretary.name,
            Meeting.pre_read_due,
            code_text(Meeting.status),
            Meeting.agenda_published_at,
            Meeting.minutes,
            Meeting.previous_meeting_id,
            Meeting.version,
            sa.select(sa.func.min(following.id)).where(following.previous_meeting_id == Meeting.id).scalar_subquery(),
            sa.select(Decision.id).where(Decision.approves_minutes_of_id == Meeting.id).scalar_subquery(),
        )
        .join(chair, chair.id == Meeting.chair_id)
        .join(secretary, secretary.id == Meeting.secretary_id)
        .where(Meeting.id == meeting_id)
    ).first()
    if row is None:
        raise NotFound("error.not_found", entity="entity.meeting", id=meeting_id)
    people = session.execute(
        sa.select(
            MeetingMember.person_id,
            Person.name,
            code_text(MeetingMember.role),
            code_text(MeetingMember.attendance),
        )
        .join(Person, Person.id == MeetingMember.person_id)
        .where(MeetingMember.meeting_id == meeting_id)
        .order_by(sa.case((MeetingMember.role == MeetingRole.MEMBER, 0), else_=1), Person.name, Person.id)
    ).all()
    attendance = [(MeetingRole(role), None if status is None else Attendance(status)) for *_, role, status in people]
    agenda = _agenda(session, meeting_id, published_at=row.agenda_published_at)
    planned = agenda.loc[agenda["status"] != AgendaItemStatus.REMOVED.value, "duration_minutes"]
    return MeetingRecord(
        *row,
        members=pd.DataFrame([tuple(p) for p in people], columns=list(MEMBER_COLUMNS)),
        quorum=quorum(attendance, get_settings().quorum_pct),
        agenda=agenda,
        planned_minutes=int(planned.sum()),
    )


def _agenda(session: Session, meeting_id: int, *, published_at: datetime | None) -> pd.DataFrame:
    """The meeting's items in agenda order; an item created or edited after the agenda was published is marked,
    so the members see what changed since their pre-read."""
    presenter = aliased(Person, name="presenter")
    if published_at is None:
        changed = sa.false()
    else:
        changed = sa.or_(AgendaItem.created_at > published_at, AgendaItem.prepared_at > published_at)
    frame = read_frame(
        session,
        sa.select(
            AgendaItem.id,
            AgendaItem.position,
            code_text(AgendaItem.kind),
            code_text(AgendaItem.section),
            AgendaItem.title,
            AgendaItem.initiative_id,
            Initiative.title,
            AgendaItem.kpi_id,
            Kpi.name,
            AgendaItem.duration_minutes,
            AgendaItem.presenter_id,
            presenter.name,
            AgendaItem.commentary,
            AgendaItem.minutes,
            code_text(AgendaItem.status),
            AgendaItem.version,
            sa.case((changed, True), else_=False),
            AgendaItem.from_backlog_item_id,
        )
        .outerjoin(Initiative, Initiative.id == AgendaItem.initiative_id)
        .outerjoin(Kpi, Kpi.id == AgendaItem.kpi_id)
        .outerjoin(presenter, presenter.id == AgendaItem.presenter_id)
        .where(AgendaItem.meeting_id == meeting_id)
        .order_by(AgendaItem.position, AgendaItem.id),
        AGENDA_COLUMNS,
    )
    frame["changed_after_publishing"] = frame["changed_after_publishing"].astype(bool)  # SQLite hands back 0/1
    return with_integer_ids(frame, "initiative_id", "kpi_id", "presenter_id", "from_backlog_item_id")


BACKLOG_COLUMNS = (
    "id",
    "meeting_id",
    "meeting_quarter",
    "kind",
    "title",
    "initiative_id",
    "initiative_title",
    "kpi_id",
    "kpi_name",
    "status",
)


def agenda_backlog(session: Session, meeting_id: int) -> pd.DataFrame:
    """Items removed from, or not reached at, earlier meetings of the same body that no later item took up again,
    oldest first. Proposed sections are left out: every agenda may propose them afresh. One statement."""
    taken_up = sa.select(AgendaItem.from_backlog_item_id).where(AgendaItem.from_backlog_item_id.is_not(None))
    frame = read_frame(
        session,
        sa.select(
            AgendaItem.id,
            AgendaItem.meeting_id,
            Meeting.quarter,
            code_text(AgendaItem.kind),
            AgendaItem.title,
            AgendaItem.initiative_id,
            Initiative.title,
            AgendaItem.kpi_id,
            Kpi.name,
            code_text(AgendaItem.status),
        )
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .outerjoin(Initiative, Initiative.id == AgendaItem.initiative_id)
        .outerjoin(Kpi, Kpi.id == AgendaItem.kpi_id)
        .where(
            AgendaItem.meeting_id.in_(earlier_meeting_ids(meeting_id)),
            AgendaItem.status.in_(BACKLOG_STATUSES),
            AgendaItem.kind != AgendaItemKind.SECTION,
            AgendaItem.id.not_in(taken_up),
        )
        .order_by(Meeting.starts_at, AgendaItem.position, AgendaItem.id),
        BACKLOG_COLUMNS,
    )
    return with_integer_ids(frame, "initiative_id", "kpi_id")
