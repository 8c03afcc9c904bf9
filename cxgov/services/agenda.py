"""Agenda services: propose the sections read from the portfolio, add topics, initiatives, KPIs or items of the
backlog, edit, reorder and remove items, and mark them discussed or not reached.

What changes the set or order of the items (propose, add, reorder, remove) is a change of the meeting: it takes
the meeting's version and moves it on, and is refused once the meeting is held (the record of what was
discussed). An item's own edits take the item's version; its status and minutes are written during and after
the meeting. A removed or not-reached item waits in the agenda backlog until a later meeting takes it up.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlmodel import Session, select

from cxgov import audit
from cxgov.errors import DomainError, ValidationError
from cxgov.models import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemStatus,
    AgendaSection,
    Initiative,
    Kpi,
    Meeting,
    MeetingStatus,
    Person,
)
from cxgov.models.base import utcnow
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_meetings import AgendaItemChanges, AgendaItemInput, AgendaItemStatusInput, ItemOrderInput
from cxgov.rules.meetings import PROPOSED_AGENDA
from cxgov.services.initiatives import person_problems
from cxgov.services.meeting_access import meeting_to_change, move_meeting_on
from cxgov.services.meetings import PREPARING, RUNNING, refuse_unless
from cxgov.services.unit import Actor, audit_actor, audit_created, check_version, get_or_404, versioned_update

BACKLOG = frozenset({AgendaItemStatus.REMOVED, AgendaItemStatus.NOT_REACHED})
EDITS = ("title", "duration_minutes", "presenter_id", "commentary")  # the item's preparation: before the meeting


def propose_agenda(*, session: Session, actor: Actor, meeting_id: int, seen_version: int | None) -> int:
    """Add every proposed section that is not on the agenda, in the proposed order, with its suggested minutes
    and presenter (the meeting's chair or secretary); returns how many were added."""
    person, meeting = meeting_to_change(session, actor, meeting_id, seen_version=seen_version)
    refuse_unless(meeting, PREPARING)
    order = _agenda(session, meeting_id)
    present = {item.section for item in order if item.kind is AgendaItemKind.SECTION}
    rank = {plan.section: n for n, plan in enumerate(PROPOSED_AGENDA)}
    added = 0
    for plan in PROPOSED_AGENDA:
        if plan.section in present:
            continue
        item = AgendaItem(
            meeting_id=meeting_id,
            kind=AgendaItemKind.SECTION,
            section=plan.section,
            duration_minutes=plan.minutes,
            presenter_id=meeting.chair_id if plan.presenter == "chair" else meeting.secretary_id,
            updated_by_id=person.id if person else None,
        )
        # Before the first section that comes later in the proposed order, so the sections keep their order
        # around whatever was added by hand.
        later = next(
            (
                n
                for n, other in enumerate(order)
                if other.kind is AgendaItemKind.SECTION and rank[other.section] > rank[plan.section]
            ),
            len(order),
        )
        order.insert(later, item)
        added += 1
    if added:
        _place(session, person, meeting_id, order)
        move_meeting_on(session, person, meeting, seen_version)
    return added


def add_agenda_item(
    *,
    session: Session,
    actor: Actor,
    meeting_id: int,
    seen_version: int | None,
    kind: AgendaItemKind | str,
    title: str = "",
    initiative_id: int | None = None,
    kpi_id: int | None = None,
    duration_minutes: int = 10,
    presenter_id: int | None = None,
    commentary: str = "",
    from_backlog_item_id: int | None = None,
) -> int:
    """Add an item before "any other business" (else last); returns its id. An item of the backlog (removed or
    not reached at an earlier meeting of the same body) is taken up at most once, as it was."""
    values = parse_input(
        AgendaItemInput,
        {
            "kind": kind,
            "title": title,
            "initiative_id": initiative_id,
            "kpi_id": kpi_id,
            "duration_minutes": duration_minutes,
            "presenter_id": presenter_id,
            "commentary": commentary,
            "from_backlog_item_id": from_backlog_item_id,
        },
    )
    person, meeting = meeting_to_change(session, actor, meeting_id, seen_version=seen_version)
    refuse_unless(meeting, PREPARING)
    about = {"kind": values.kind, "title": values.title, "initiative_id": values.initiative_id, "kpi_id": values.kpi_id}
    if values.from_backlog_item_id is not None:
        backlog = _backlog_item(session, meeting, values.from_backlog_item_id)
        about = {k: getattr(backlog, k) for k in about}
    _check_references(session, about["initiative_id"], about["kpi_id"], values.presenter_id)
    item = AgendaItem(
        meeting_id=meeting_id,
        **about,
        duration_minutes=values.duration_minutes,
        presenter_id=values.presenter_id,
        commentary=values.commentary,
        from_backlog_item_id=values.from_backlog_item_id,
        updated_by_id=person.id if person else None,
    )
    order = _agenda(session, meeting_id)
    closing = next((n for n, other in enumerate(order) if other.section is AgendaSection.OTHER_BUSINESS), len(order))
    order.insert(closing, item)
    _place(session, person, meeting_id, order)
    move_meeting_on(session, person, meeting, seen_version)
    return item.id


def update_agenda_item(
    *, session: Session, actor: Actor, item_id: int, seen_version: int | None, changes: dict
) -> None:
    """Change an item's title, minutes planned, presenter or commentary (before the meeting is held), or its
    minutes (once the agenda is published)."""
    values = parse_input(AgendaItemChanges, changes)
    given = values.model_dump(include=values.model_fields_set)
    person, meeting, item = _item_to_change(session, actor, item_id, seen_version)
    if set(given) & set(EDITS):
        refuse_unless(meeting, PREPARING)
    if "minutes" in given:
        refuse_unless(meeting, RUNNING)
    if "title" in given and item.kind is AgendaItemKind.TOPIC and not given["title"]:
        raise ValidationError({"title": "error.required"})
    if given.get("presenter_id") is not None and given["presenter_id"] != item.presenter_id:
        _check_references(session, None, None, given["presenter_id"])
    changes = versioned_update(
        session,
        person=person,
        model=AgendaItem,
        entity="agenda_item",
        row=item,
        seen_version=seen_version,
        values=given,
    )
    if set(changes) & set(EDITS):  # what the pre-read says changed: bookkeeping, like updated_at
        session.execute(update(AgendaItem).where(AgendaItem.id == item_id).values(prepared_at=utcnow()))


def reorder_agenda(
    *, session: Session, actor: Actor, meeting_id: int, seen_version: int | None, item_ids: list[int]
) -> None:
    """Put the agenda in a new order: exactly the meeting's items that are not removed, first to last."""
    values = parse_input(ItemOrderInput, {"item_ids": item_ids})
    person, meeting = meeting_to_change(session, actor, meeting_id, seen_version=seen_version)
    refuse_unless(meeting, PREPARING)
    by_id = {item.id: item for item in _agenda(session, meeting_id)}
    if set(values.item_ids) != set(by_id):
        raise ValidationError({"item_ids": "agenda.error.order_not_the_agenda"})
    _place(session, person, meeting_id, [by_id[item_id] for item_id in values.item_ids])
    move_meeting_on(session, person, meeting, seen_version)


def remove_agenda_item(*, session: Session, actor: Actor, item_id: int, seen_version: int | None) -> None:
    """Take a planned item off the agenda (`seen_version` is the meeting's): it waits in the backlog."""
    item = get_or_404(session, AgendaItem, "agenda_item", item_id)
    person, meeting = meeting_to_change(session, actor, item.meeting_id, seen_version=seen_version)
    refuse_unless(meeting, PREPARING)
    session.refresh(item)  # as it is now that the meeting is held
    if item.status is not AgendaItemStatus.PLANNED:
        raise DomainError("agenda.error.not_planned", status=f"enum.agendaitemstatus.{item.status.value}")
    versioned_update(
        session,
        person=person,
        model=AgendaItem,
        entity="agenda_item",
        row=item,
        seen_version=item.version,
        values={"status": AgendaItemStatus.REMOVED},
    )
    _place(session, person, meeting.id, _agenda(session, meeting.id))
    move_meeting_on(session, person, meeting, seen_version)


def set_agenda_item_status(
    *, session: Session, actor: Actor, item_id: int, seen_version: int | None, status: AgendaItemStatus | str
) -> None:
    """Mark an item discussed or not reached (or planned again while the meeting runs), from the published agenda
    on; an item a later meeting took up from the backlog stays as it was."""
    values = parse_input(AgendaItemStatusInput, {"status": status})
    person, meeting, item = _item_to_change(session, actor, item_id, seen_version)
    refuse_unless(meeting, RUNNING)
    if values.status is AgendaItemStatus.PLANNED and meeting.status is MeetingStatus.HELD:
        raise ValidationError({"status": "agenda.error.planned_after_meeting"})
    taken_up = session.exec(select(AgendaItem.id).where(AgendaItem.from_backlog_item_id == item_id)).first()
    if taken_up is not None:
        raise DomainError("agenda.error.taken_up", id=taken_up)
    versioned_update(
        session,
        person=person,
        model=AgendaItem,
        entity="agenda_item",
        row=item,
        seen_version=seen_version,
        values={"status": values.status},
    )


# --- helpers ------------------------------------------------------------------------------------------------


def _item_to_change(
    session: Session, actor: Actor, item_id: int, seen_version: int | None
) -> tuple[Person | None, Meeting, AgendaItem]:
    """The acting person, the meeting (authorised, not locked) and the item, still as the user saw it; a removed
    item is history."""
    item = get_or_404(session, AgendaItem, "agenda_item", item_id)
    person, meeting = meeting_to_change(session, actor, item.meeting_id)
    session.refresh(item)
    check_version(session, "agenda_item", item, seen_version)
    if item.status is AgendaItemStatus.REMOVED:
        raise DomainError("agenda.error.removed")
    return person, meeting, item


def _agenda(session: Session, meeting_id: int) -> list[AgendaItem]:
    """The meeting's items that are not removed, in their order."""
    return list(
        session.exec(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id, AgendaItem.status != AgendaItemStatus.REMOVED)
            .order_by(AgendaItem.position, AgendaItem.id)
        ).all()
    )


def _place(session: Session, person: Person | None, meeting_id: int, order: list[AgendaItem]) -> None:
    """Number the items 1..n in `order`; new items are created (and audited) here, moved ones audited. The
    order belongs to the meeting (whose version the caller moves on): a move is not a change of the item."""
    for position, item in enumerate(order, start=1):
        if item.id is None:
            item.position = position
            session.add(item)
            session.flush()
            audit_created(session, person=person, entity="agenda_item", row=item)
        elif item.position != position:
            audit.record(
                session,
                actor=audit_actor(person),
                entity="agenda_item",
                entity_id=item.id,
                action="update",
                field="position",
                old=item.position,
                new=position,
            )
            item.position = position
    session.flush()


def _backlog_item(session: Session, meeting: Meeting, backlog_item_id: int) -> AgendaItem:
    """A removed or not-reached item of an earlier meeting of the same body, not taken up yet."""
    item = session.get(AgendaItem, backlog_item_id)
    source = session.get(Meeting, item.meeting_id) if item is not None else None
    if (
        item is None
        or item.status not in BACKLOG
        or item.kind is AgendaItemKind.SECTION
        or source.body != meeting.body
        or source.starts_at >= meeting.starts_at
    ):
        raise ValidationError({"from_backlog_item_id": "agenda.error.not_in_backlog"})
    taken = session.exec(select(AgendaItem.id).where(AgendaItem.from_backlog_item_id == backlog_item_id)).first()
    if taken is not None:
        raise ValidationError({"from_backlog_item_id": ("agenda.error.already_taken_up", {"id": taken})})
    return item


def _check_references(session: Session, initiative_id: int | None, kpi_id: int | None, presenter_id: int | None):
    """The initiative and KPI exist; the presenter is an active person."""
    errors = person_problems(session, presenter_id=presenter_id)
    for field, model, row_id in (("initiative_id", Initiative, initiative_id), ("kpi_id", Kpi, kpi_id)):
        if row_id is not None and session.get(model, row_id) is None:
            errors[field] = "error.unknown_reference"
    if errors:
        raise ValidationError(errors)
