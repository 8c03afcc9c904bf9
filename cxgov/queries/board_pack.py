"""The board packs of a meeting: the published versions (who, when, cut-off, hash), one version read back as it
was stored (its hashes checked), and which of its sections the live data now reads differently."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
import sqlalchemy as sa
from sqlmodel import Session

from cxgov.models import BoardPack, BoardPackSection, Person
from cxgov.pack.collect import collect_pack
from cxgov.pack.content import PackContent, PackSection, SectionKind
from cxgov.queries.base import read_frame


@dataclass(frozen=True)
class StoredPack:
    """A published pack read back: its content, who published it, and whether its stored hashes still match
    what it holds (False: a row was changed behind the app's back)."""

    id: int
    content: PackContent
    content_hash: str
    published_by: str | None
    published_at: datetime
    intact: bool


def pack_versions(session: Session, meeting_id: int) -> pd.DataFrame:
    """The meeting's packs, newest first: number, cut-off, language, who published it and when, hash."""
    return read_frame(
        session,
        sa.select(
            BoardPack.id,
            BoardPack.number,
            BoardPack.cut_off,
            BoardPack.language,
            Person.name.label("published_by"),
            BoardPack.created_at.label("published_at"),
            BoardPack.content_hash,
        )
        .outerjoin(Person, Person.id == BoardPack.published_by_id)
        .where(BoardPack.meeting_id == meeting_id)
        .order_by(BoardPack.number.desc()),
    )


def latest_pack_id(session: Session, meeting_id: int) -> int | None:
    return session.execute(
        sa.select(BoardPack.id).where(BoardPack.meeting_id == meeting_id).order_by(BoardPack.number.desc()).limit(1)
    ).scalar()


def stored_pack(session: Session, pack_id: int) -> StoredPack | None:
    """One published pack as it was stored (two statements), or None."""
    found = session.execute(
        sa.select(BoardPack, Person.name)
        .outerjoin(Person, Person.id == BoardPack.published_by_id)
        .where(BoardPack.id == pack_id)
    ).first()
    if found is None:
        return None
    pack, published_by = found
    rows = session.execute(
        sa.select(
            BoardPackSection.kind,
            BoardPackSection.title,
            BoardPackSection.commentary,
            BoardPackSection.data,
            BoardPackSection.content_hash,
        )
        .where(BoardPackSection.pack_id == pack_id)
        .order_by(BoardPackSection.position)
    ).all()
    sections = tuple(
        PackSection.stored(kind=kind, title=title, commentary=commentary, data=data)
        for kind, title, commentary, data, _ in rows
    )
    content = PackContent(
        meeting_id=pack.meeting_id,
        cut_off=pack.cut_off,
        language=pack.language,
        time_zone=pack.time_zone,
        sections=sections,
        number=pack.number,
    )
    sections_intact = all(s.content_hash() == h for s, (*_, h) in zip(sections, rows, strict=True))
    return StoredPack(
        id=pack.id,
        content=content,
        content_hash=pack.content_hash,
        published_by=published_by,
        published_at=pack.created_at,
        intact=sections_intact and content.content_hash() == pack.content_hash,
    )


def draft_pack(session: Session, meeting_id: int, *, language: str, cut_off: datetime) -> PackContent:
    """The pack as the live data reads now, not stored (a preview, or the CLI's --draft)."""
    return collect_pack(session, meeting_id, language=language, cut_off=cut_off)


def live_differences(session: Session, pack: PackContent, *, now: datetime) -> list[str]:
    """The titles of the pack's sections the live data now reads differently (and of items added to the agenda
    since), in the pack's order; empty when the pack still says what the data says. The publisher's own texts
    (the executive summary's paragraphs) are kept, so only the data is compared."""
    summary = next((s for s in pack.sections if s.kind is SectionKind.SUMMARY), None)
    requests = summary.table("requests") if summary else None
    live = collect_pack(
        session,
        pack.meeting_id,
        language=pack.language,
        cut_off=now,
        summary=summary.commentary if summary else "",
        paragraphs={row[0]: row[3] for row in requests.rows} if requests else {},
        number=pack.number,
    )
    stored = {_identity(s): s.content_hash() for s in pack.sections}
    now_read = {_identity(s): s.content_hash() for s in live.sections}
    differing = [s.title for s in pack.sections if now_read.get(_identity(s)) != stored[_identity(s)]]
    added = [s.title for s in live.sections if _identity(s) not in stored]
    return differing + added


def _identity(section: PackSection) -> tuple:
    """What a section is about, whatever its title: its kind, agenda section and initiative or KPI (a topic by
    its title)."""
    return (
        section.kind.value,
        section.section,
        section.ref_id,
        section.title if section.kind is SectionKind.TOPIC else None,
    )
