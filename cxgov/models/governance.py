"""The governance board's record: meetings, their members and attendance, the agenda and its backlog, the
decisions register (insert-only), action items, and the owner's ask before a meeting."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from cxgov.models.base import utcnow
from cxgov.models.enums import (
    ActionStatus,
    AgendaItemKind,
    AgendaItemStatus,
    AgendaSection,
    Attendance,
    DecisionKind,
    MeetingRole,
    MeetingStatus,
    enum_type,
)


class Meeting(SQLModel, table=True):
    """One meeting of a governance body (the CX board, or a department's steering group), one of a series."""

    __table_args__ = (
        sa.CheckConstraint("duration_minutes BETWEEN 15 AND 600", name="duration_range"),
        sa.CheckConstraint("version >= 1", name="version_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    body: str = Field(max_length=120, index=True)  # the governance body, e.g. "CX board"
    quarter: str = Field(max_length=7)  # the quarter it governs, "2026-Q4"
    starts_at: datetime  # UTC; shown on the installation's time zone
    duration_minutes: int = 120
    place: str = Field(default="", max_length=300)  # a room or a video link
    chair_id: int = Field(foreign_key="person.id")
    secretary_id: int = Field(foreign_key="person.id")
    pre_read_due: date  # the owners' asks and the published agenda are due by then
    status: MeetingStatus = Field(default=MeetingStatus.DRAFT, sa_type=enum_type(MeetingStatus), index=True)
    agenda_published_at: datetime | None = None  # items changed after it are marked on the pre-read
    minutes: str = ""  # the secretary's minutes text, drafted from the record and edited
    previous_meeting_id: int | None = Field(default=None, foreign_key="meeting.id")  # the series
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by_id: int | None = Field(default=None, foreign_key="person.id")


class MeetingMember(SQLModel, table=True):
    """A member or invited guest of one meeting, with their attendance once recorded."""

    __tablename__ = "meeting_member"

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True, index=True)
    role: MeetingRole = Field(default=MeetingRole.MEMBER, sa_type=enum_type(MeetingRole))
    attendance: Attendance | None = Field(default=None, sa_type=enum_type(Attendance))


class AgendaItem(SQLModel, table=True):
    """One item of a meeting's agenda: a proposed section read live from the data, a free topic, an initiative
    or a KPI. Removed and not-reached items stay, and wait in the agenda backlog until taken up again."""

    __tablename__ = "agenda_item"
    __table_args__ = (
        sa.CheckConstraint("duration_minutes BETWEEN 0 AND 600", name="duration_range"),
        sa.CheckConstraint("kind <> 'section' OR section IS NOT NULL", name="section_named"),
        sa.CheckConstraint("kind <> 'initiative' OR initiative_id IS NOT NULL", name="initiative_named"),
        sa.CheckConstraint("kind <> 'kpi' OR kpi_id IS NOT NULL", name="kpi_named"),
        sa.CheckConstraint("version >= 1", name="version_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    position: int = 0  # the order on the agenda, 1 first
    kind: AgendaItemKind = Field(sa_type=enum_type(AgendaItemKind))
    section: AgendaSection | None = Field(default=None, sa_type=enum_type(AgendaSection))
    title: str = Field(default="", max_length=200)  # a topic's title; sections are named in the reader's language
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", index=True)
    kpi_id: int | None = Field(default=None, foreign_key="kpi.id")
    duration_minutes: int = 10
    presenter_id: int | None = Field(default=None, foreign_key="person.id")
    commentary: str = ""  # the chair's or secretary's commentary, part of the pre-read
    minutes: str = ""  # what the secretary noted while the item was discussed
    status: AgendaItemStatus = Field(default=AgendaItemStatus.PLANNED, sa_type=enum_type(AgendaItemStatus))
    # Taken from the backlog: the removed or not-reached item of an earlier meeting this one takes up again.
    from_backlog_item_id: int | None = Field(default=None, foreign_key="agenda_item.id", unique=True)
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    # When what the pre-read says of the item (title, time, presenter, commentary) last changed: an item changed
    # after publishing is marked; the minutes and status recorded during the meeting do not count.
    prepared_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by_id: int | None = Field(default=None, foreign_key="person.id")


class Decision(SQLModel, table=True):
    """One decision of a governance body. Insert-only: the database refuses UPDATE and DELETE (triggers written
    in the migration); a correction or reversal is a new decision that supersedes it. Its status (active,
    superseded, reversed) is read from the chain."""

    __table_args__ = (
        sa.CheckConstraint("length(text) > 0", name="text_given"),
        sa.CheckConstraint("supersedes_id IS NOT NULL OR NOT reverses", name="reversal_supersedes"),
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)
    agenda_item_id: int | None = Field(default=None, foreign_key="agenda_item.id")
    kind: DecisionKind = Field(sa_type=enum_type(DecisionKind))
    text: str = Field(max_length=2000)
    rationale: str = ""
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", index=True)
    kpi_id: int | None = Field(default=None, foreign_key="kpi.id")
    body: str = Field(max_length=120)  # decided by the body …
    chair_id: int | None = Field(default=None, foreign_key="person.id")  # … with its chair
    decided_on: date
    review_on: date | None = None  # when the board looks at it again
    new_target_date: date | None = None  # the initiative's target date, changed by the decision
    # The decision this one corrects (superseded) or undoes (reversed); at most one successor each.
    supersedes_id: int | None = Field(default=None, foreign_key="decision.id", unique=True)
    reverses: bool = False
    # A note approving an earlier meeting's minutes, which locks that meeting.
    approves_minutes_of_id: int | None = Field(default=None, foreign_key="meeting.id", unique=True)
    recorded_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow)


class ActionItem(SQLModel, table=True):
    """An action a meeting gave someone: open until done or dropped (with a reason); carried onto every next
    agenda of its body while open."""

    __tablename__ = "action_item"
    __table_args__ = (
        sa.CheckConstraint("status <> 'dropped' OR length(closing_note) > 0", name="dropped_with_reason"),
        sa.CheckConstraint("(status = 'open') = (closed_on IS NULL)", name="closed_on_when_closed"),
        sa.CheckConstraint("version >= 1", name="version_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    agenda_item_id: int | None = Field(default=None, foreign_key="agenda_item.id")
    decision_id: int | None = Field(default=None, foreign_key="decision.id")
    initiative_id: int | None = Field(default=None, foreign_key="initiative.id", index=True)
    text: str = Field(max_length=500)
    owner_id: int = Field(foreign_key="person.id", index=True)
    due_on: date
    status: ActionStatus = Field(default=ActionStatus.OPEN, sa_type=enum_type(ActionStatus), index=True)
    closed_on: date | None = None  # done on time when closed_on <= due_on
    closing_note: str = ""
    closed_by_id: int | None = Field(default=None, foreign_key="person.id")
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by_id: int | None = Field(default=None, foreign_key="person.id")


class BoardAsk(SQLModel, table=True):
    """What an initiative's owner asks of the board at one meeting (help, a decision, money), written before the
    pre-read deadline and shown with the initiative among the exceptions."""

    __tablename__ = "board_ask"

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", primary_key=True, index=True)
    ask: str = Field(max_length=1000)
    version: int = 1
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by_id: int | None = Field(default=None, foreign_key="person.id")
