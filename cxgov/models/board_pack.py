"""The board pack: what a governance meeting's members received, frozen at a cut-off moment (one pack per
publishing, numbered per meeting, one row per section with its data, commentary and content hash), and the
company's PowerPoint template the packs are laid out in. Packs and their sections are insert-only: triggers written
in the migration refuse UPDATE and DELETE."""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from cxgov.models.base import utcnow


class BoardPack(SQLModel, table=True):
    """One published version of a meeting's pack: the cut-off its figures were read at, its language, and the
    hash of its content (the sections' hashes in order)."""

    __tablename__ = "board_pack"
    __table_args__ = (
        sa.UniqueConstraint("meeting_id", "number", name="uq_board_pack_meeting_number"),
        sa.CheckConstraint("number >= 1", name="number_positive"),
        sa.CheckConstraint("language IN ('en', 'nl')", name="language_known"),
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id", index=True)
    number: int  # 1 for the first pack of the meeting, then 2, 3 … (publishing again)
    cut_off: datetime  # UTC: the moment the figures were read (peildatum)
    language: str = Field(max_length=2)
    time_zone: str = Field(max_length=64)  # the clock its times are written on
    content_hash: str = Field(max_length=64)  # SHA-256, hex
    published_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow)


class BoardPackSection(SQLModel, table=True):
    """One section of a pack, in the pack's order: its title, the chair's commentary and its data (facts and
    tables as JSON), with the SHA-256 of all of that."""

    __tablename__ = "board_pack_section"
    __table_args__ = (sa.UniqueConstraint("pack_id", "position", name="uq_board_pack_section_pack_position"),)

    id: int | None = Field(default=None, primary_key=True)
    pack_id: int = Field(foreign_key="board_pack.id", index=True)
    position: int
    kind: str = Field(max_length=20)  # cxgov.pack.content.SectionKind
    title: str = Field(max_length=300)
    commentary: str = ""
    data: str = Field(sa_type=sa.Text)  # cxgov.pack.content: facts, tables and the section's own references
    content_hash: str = Field(max_length=64)


class PackTemplate(SQLModel, table=True):
    """A company PowerPoint template an admin uploaded, checked before it was stored. The latest one not retired
    lays out every pack; with none, the clean template that ships with cxgov does."""

    __tablename__ = "pack_template"

    id: int | None = Field(default=None, primary_key=True)
    file_name: str = Field(max_length=255)
    content: bytes = Field(sa_type=sa.LargeBinary)
    size_bytes: int
    sha256: str = Field(max_length=64)
    uploaded_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow)
    retired_at: datetime | None = None  # set when an admin goes back to the default or uploads another
