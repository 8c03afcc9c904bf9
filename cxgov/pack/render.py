"""The board pack's formats: each turns a pack's content into the bytes of one file. A format module registers
itself here; pages and the CLI offer the formats found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cxgov.pack.content import PackContent

Progress = Callable[[float, str], None]  # share done (0..1) and what is being drawn


@dataclass(frozen=True)
class PackFormat:
    code: str  # "pptx", "pdf", "xlsx"
    mime: str
    draw: Callable[..., bytes]  # draw(content, *, template: bytes | None, progress: Progress) -> bytes


FORMATS: dict[str, PackFormat] = {}


def file_name(content: PackContent, code: str) -> str:
    """'board-pack-meeting-3-v2.pptx' (a draft: '…-draft.pptx')."""
    version = f"v{content.number}" if content.number else "draft"
    return f"board-pack-meeting-{content.meeting_id}-{version}.{code}"


def render_pack(
    content: PackContent, code: str, *, template: bytes | None = None, progress: Progress | None = None
) -> bytes:
    """The pack as one file of format `code`; raises KeyError for a format that is not there."""
    return FORMATS[code].draw(content, template=template, progress=progress or (lambda share, step: None))
