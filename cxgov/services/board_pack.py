"""Publishing a meeting's board pack: the pack is read from the live data at this moment (its cut-off) and
stored as a new numbered version that never changes. Publishing needs the right to run the meeting, and is
possible until the meeting is held: after it, the last pack is what the board received."""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa
from sqlmodel import Session

from cxgov import audit
from cxgov.errors import DomainError, ValidationError
from cxgov.models import BoardPack, BoardPackSection, MeetingStatus
from cxgov.models.base import utcnow
from cxgov.models.inputs import parse_input
from cxgov.models.inputs_meetings import PackInput
from cxgov.pack.collect import collect_pack
from cxgov.pack.content import PackContent, SectionKind
from cxgov.services.meeting_access import meeting_to_change
from cxgov.services.unit import Actor, audit_actor

# What the create events hold: every field but a section's data, which its hash stands for.
PACK_AUDITED = ("meeting_id", "number", "cut_off", "language", "time_zone", "content_hash", "published_by_id")
SECTION_AUDITED = ("pack_id", "position", "kind", "title", "commentary", "content_hash")
BEFORE_THE_MEETING = frozenset({MeetingStatus.DRAFT, MeetingStatus.AGENDA_PUBLISHED})


def publish_pack(
    *,
    session: Session,
    actor: Actor,
    meeting_id: int,
    language: str,
    summary: str = "",
    paragraphs: Mapping[str, str] | None = None,
) -> int:
    """Freeze the meeting's pack as it reads now, as its next version; returns the pack's id."""
    values = parse_input(PackInput, {"language": language, "summary": summary, "paragraphs": dict(paragraphs or {})})
    person, meeting = meeting_to_change(session, actor, meeting_id)  # holds the meeting: versions are numbered in turn
    if meeting.status not in BEFORE_THE_MEETING:
        raise DomainError("pack.error.held", status=f"enum.meetingstatus.{meeting.status.value}")
    last = session.execute(sa.select(sa.func.max(BoardPack.number)).where(BoardPack.meeting_id == meeting_id)).scalar()
    content = collect_pack(
        session,
        meeting_id,
        language=values.language,
        cut_off=utcnow(),
        summary=values.summary,
        paragraphs=values.paragraphs,
        number=(last or 0) + 1,
    )
    asked = {row[0] for s in content.sections if s.kind is SectionKind.SUMMARY for row in s.table("requests").rows}
    unknown = sorted(set(values.paragraphs) - asked)
    if unknown:  # well formed, but not a decision this meeting is asked for (the page read another agenda)
        raise ValidationError({"paragraphs": ("pack.error.paragraph", {"request": unknown[0][:40]})})
    return store_pack(session, content, person)


def store_pack(session: Session, content: PackContent, person) -> int:
    """The pack and its sections as rows, with one audit event each (a section's event carries its hash, not its
    data, which lives once, in the row)."""
    pack = BoardPack(
        meeting_id=content.meeting_id,
        number=content.number,
        cut_off=content.cut_off,
        language=content.language,
        time_zone=content.time_zone,
        content_hash=content.content_hash(),
        published_by_id=person.id if person else None,
    )
    who = audit_actor(person)
    _insert(session, who, "board_pack", pack, PACK_AUDITED)
    for position, section in enumerate(content.sections, start=1):
        row = BoardPackSection(
            pack_id=pack.id,
            position=position,
            kind=section.kind.value,
            title=section.title,
            commentary=section.commentary,
            data=section.data_json(),
            content_hash=section.content_hash(),
        )
        _insert(session, who, "board_pack_section", row, SECTION_AUDITED)
    return pack.id


def _insert(session: Session, who, entity: str, row, fields: tuple[str, ...]) -> None:
    """Insert `row` and record its create event with `fields`."""
    session.add(row)
    session.flush()
    values = {name: audit.to_text(getattr(row, name)) for name in fields}
    audit.record(session, actor=who, entity=entity, entity_id=row.id, action="create", new=values)
