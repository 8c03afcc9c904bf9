"""Input models of governance meetings: the meeting's details and who is invited, attendance, the minutes, agenda
items and their edits, and an initiative's ask of the board.

The services check what needs the database (people exist and are active, initiatives and KPIs exist, the
meeting's status allows the change).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

import pydantic
from pydantic import Field, field_validator, model_validator

from cxgov.models.enums import AgendaItemKind, AgendaItemStatus, Attendance
from cxgov.models.inputs import Strict, blank_to_none, required_text
from cxgov.models.inputs_rules import EARLIEST_DAY, LATEST_DAY, BusinessDate, FieldProblem, Id

MAX_INVITED = 200  # members or guests of one meeting: a board is a dozen people, a town hall is not a meeting
QUARTER_TEXT = re.compile(r"[0-9]{4}-Q[1-4]")  # "2026-Q4", as cxgov.rules.meetings.quarter_of writes it
# The CHECK bounds of the tables (cxgov.models.governance): a meeting of 15 minutes to 10 hours, an item of up to
# 10 hours (0: a heading or a point taken as read).
MEETING_MINUTES = (15, 600)
ITEM_MINUTES = (0, 600)


def field_problem(model: str, field: str, key: str, value, **params) -> pydantic.ValidationError:
    """A model-level rule reported on one field, like a field validator's FieldProblem."""
    return pydantic.ValidationError.from_exception_data(
        model,
        [{"type": "value_error", "loc": (field,), "input": value, "ctx": {"error": FieldProblem(key, **params)}}],
    )


def aware_moment(value: datetime) -> datetime:
    """A meeting's start names its time zone (the UI sends the installation's), and falls in the business window."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise FieldProblem("meeting.error.time_zone_missing")
    if not EARLIEST_DAY <= value.date() <= LATEST_DAY:
        raise FieldProblem("error.date_window", first=EARLIEST_DAY.year, last=LATEST_DAY.year)
    return value


def moment_given(value):
    """A start typed as ISO text is read; anything that is not a date and time is reported as such."""
    value = blank_to_none(value)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise FieldProblem("meeting.error.not_a_moment") from None
    if value is not None and not isinstance(value, datetime):
        raise FieldProblem("meeting.error.not_a_moment")
    return value


def quarter_text(value: str | None) -> str | None:
    if value is not None and not QUARTER_TEXT.fullmatch(value):
        raise FieldProblem("meeting.error.quarter_format")
    return value


def no_repeats(value: list[int]) -> list[int]:
    if len(set(value)) != len(value):
        raise FieldProblem("meeting.error.listed_twice")
    return value


def some_members(member_ids: list[int]) -> list[int]:
    """A meeting has members: its quorum is a share of them, and it is closed once their attendance is known."""
    if not member_ids:
        raise FieldProblem("meeting.error.no_members")
    return member_ids


class MeetingInput(Strict):
    """A meeting's details: when, where, who chairs and takes the minutes, who is invited (members count for
    the quorum, guests attend)."""

    body: str = Field(max_length=120)
    starts_at: datetime
    chair_id: Id
    secretary_id: Id
    member_ids: list[Id] = Field(default_factory=list, max_length=MAX_INVITED)
    guest_ids: list[Id] = Field(default_factory=list, max_length=MAX_INVITED)
    duration_minutes: int = Field(default=120, ge=MEETING_MINUTES[0], le=MEETING_MINUTES[1])
    place: str = Field(default="", max_length=300)
    quarter: str | None = Field(default=None, max_length=7)
    pre_read_due: BusinessDate | None = None

    _required = field_validator("body", mode="before")(classmethod(lambda cls, v: required_text(v)))
    _blanks = field_validator("quarter", "pre_read_due", mode="before")(classmethod(lambda cls, v: blank_to_none(v)))
    _moment = field_validator("starts_at", mode="before")(classmethod(lambda cls, v: moment_given(v)))
    _aware = field_validator("starts_at")(classmethod(lambda cls, v: aware_moment(v)))
    _quarter = field_validator("quarter")(classmethod(lambda cls, v: quarter_text(v)))
    _repeats = field_validator("member_ids", "guest_ids")(classmethod(lambda cls, v: no_repeats(v)))
    _members = field_validator("member_ids")(classmethod(lambda cls, v: some_members(v)))

    @model_validator(mode="after")
    def _member_or_guest(self):
        both = set(self.member_ids) & set(self.guest_ids)
        if both:
            raise field_problem("MeetingInput", "guest_ids", "meeting.error.member_and_guest", sorted(both))
        return self


class AttendanceInput(Strict):
    """Who was there: person -> present, apologies, absent (None: not recorded yet)."""

    attendance: dict[Id, Attendance | None] = Field(max_length=2 * MAX_INVITED)


class MinutesInput(Strict):
    minutes: str = Field(default="", max_length=50_000)


class AgendaItemInput(Strict):
    """A new agenda item: a topic with its title, an initiative or a KPI (sections come from the proposed
    agenda), or an item of the backlog taken up again."""

    kind: AgendaItemKind
    title: str = Field(default="", max_length=200)
    initiative_id: Id | None = None
    kpi_id: Id | None = None
    duration_minutes: int = Field(default=10, ge=ITEM_MINUTES[0], le=ITEM_MINUTES[1])
    presenter_id: Id | None = None
    commentary: str = Field(default="", max_length=5_000)
    from_backlog_item_id: Id | None = None

    _blanks = field_validator("initiative_id", "kpi_id", "presenter_id", "from_backlog_item_id", mode="before")(
        classmethod(lambda cls, v: blank_to_none(v))
    )

    @model_validator(mode="after")
    def _what_it_is_about(self):
        if self.from_backlog_item_id is not None:
            return self  # the backlog item says what it is about
        if self.kind is AgendaItemKind.SECTION:
            raise field_problem("AgendaItemInput", "kind", "agenda.error.section_by_proposal", self.kind)
        if self.kind is AgendaItemKind.TOPIC and not self.title:
            raise field_problem("AgendaItemInput", "title", "error.required", self.title)
        if self.kind is AgendaItemKind.INITIATIVE and self.initiative_id is None:
            raise field_problem("AgendaItemInput", "initiative_id", "error.required", None)
        if self.kind is AgendaItemKind.KPI and self.kpi_id is None:
            raise field_problem("AgendaItemInput", "kpi_id", "error.required", None)
        return self


class AgendaItemChanges(Strict):
    """An edit of an agenda item: only the fields given change."""

    title: str = Field(default="", max_length=200)
    duration_minutes: int = Field(default=10, ge=ITEM_MINUTES[0], le=ITEM_MINUTES[1])
    presenter_id: Id | None = None
    commentary: str = Field(default="", max_length=5_000)
    minutes: str = Field(default="", max_length=20_000)

    _blanks = field_validator("presenter_id", mode="before")(classmethod(lambda cls, v: blank_to_none(v)))


class AgendaItemStatusInput(Strict):
    """Where an item stands during and after the meeting; removing it is its own action."""

    status: AgendaItemStatus

    @field_validator("status")
    @classmethod
    def _not_removed(cls, value: AgendaItemStatus) -> AgendaItemStatus:
        if value is AgendaItemStatus.REMOVED:
            raise FieldProblem("agenda.error.remove_is_its_own_action")
        return value


class ItemOrderInput(Strict):
    item_ids: list[Id] = Field(max_length=1_000)

    _repeats = field_validator("item_ids")(classmethod(lambda cls, v: no_repeats(v)))


class BoardAskInput(Strict):
    ask: str = Field(max_length=1_000)

    _required = field_validator("ask", mode="before")(classmethod(lambda cls, v: required_text(v)))


class PackInput(Strict):
    """Publishing a meeting's board pack: its language, the chair's opening of the executive summary, and the
    paragraphs replacing a drafted one per decision requested (by the request's key, e.g. 'proposal:12')."""

    language: Literal["en", "nl"]
    summary: str = Field(default="", max_length=5_000)
    paragraphs: dict[str, str] = Field(default_factory=dict, max_length=500)

    @field_validator("paragraphs")
    @classmethod
    def _paragraphs(cls, value: dict[str, str]) -> dict[str, str]:
        cleaned = {}
        for key, text in value.items():
            text = text.strip()
            if not re.fullmatch(r"(proposal|ask):[0-9]{1,12}", key) or len(text) > 2_000 or "\x00" in text:
                raise FieldProblem("pack.error.paragraph", request=key[:40])
            if text:
                cleaned[key] = text
        return cleaned
