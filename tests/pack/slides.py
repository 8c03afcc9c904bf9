"""Reading a drawn PPTX back the way PowerPoint would: its slides' titles, footers, tables, charts and texts, each
section's slides against the blocks they were drawn from."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from pptx import Presentation

from cxgov.pack.blocks import Facts, Table, Text, views
from cxgov.pack.content import PackContent, SectionKind
from cxgov.pack.measure import ELLIPSIS

CUT_OFF = datetime(2026, 12, 7, 10, 32, tzinfo=UTC)
CONTINUED = re.compile(r"^(?P<title>.*) \((?P<n>\d+)/(?P<of>\d+)\)$", re.DOTALL)


def opened(data: bytes):
    return Presentation(io.BytesIO(data))


def title(slide) -> str:
    return slide.shapes.title.text_frame.text


def split_title(text: str) -> tuple[str, int, int]:
    """A slide's title as (section title, n, of): 'Geld (2/3)' → ('Geld', 2, 3); a single slide is (title, 1, 1)."""
    match = CONTINUED.match(text)
    return (match["title"], int(match["n"]), int(match["of"])) if match else (text, 1, 1)


def text_boxes(slide) -> list[str]:
    """The texts of the slide's shapes that are neither its title nor a table or chart."""
    return [
        shape.text_frame.text
        for shape in slide.shapes
        if shape.has_text_frame and shape != slide.shapes.title and shape.text_frame.text
    ]


def tables(slide) -> list:
    return [shape.table for shape in slide.shapes if shape.has_table]


def charts(slide) -> list:
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def cells(table) -> list[list[str]]:
    return [[cell.text_frame.text for cell in row.cells] for row in table.rows]


@dataclass(frozen=True)
class Drawn:
    """The slides a section was drawn on."""

    title: str
    slides: list


def sections(deck) -> list[Drawn]:
    """The deck's slides grouped by the section title they carry, in order (continued slides with their first)."""
    drawn: list[Drawn] = []
    for slide in deck.slides:
        base, n, _ = split_title(title(slide))
        if n > 1 and drawn and drawn[-1].title == base:
            drawn[-1].slides.append(slide)
        else:
            drawn.append(Drawn(base, [slide]))
    return drawn


def runs(shape):
    """Every text run of a shape, table cells included."""
    if shape.has_table:
        frames = [cell.text_frame for row in shape.table.rows for cell in row.cells]
    elif shape.has_text_frame:
        frames = [shape.text_frame]
    else:
        frames = []
    return [run for frame in frames for paragraph in frame.paragraphs for run in paragraph.runs]


def drawn_as_blocks(deck, content: PackContent) -> int:
    """Assert that each section's slides show its blocks as they are: the tables' rows in order, every row once and
    a long cell only shortened with '…'; the fact tiles' labels and values; every text's characters in order (a
    long text continues on the next slide). Returns the number of cells compared."""
    compared = 0
    drawn = iter(sections(deck)[1:])  # after the title slide, each view's slides in order
    for view in views(content):
        section = next(drawn)
        if view.appendix and section.title != view.title:
            section = next(drawn)  # the appendix's divider
        assert section.title == view.title
        if view.kind is SectionKind.ONE_PAGER:
            continue
        data = [block for block in view.blocks if isinstance(block, Table) and block.rows]
        slide_tables = [cells(t) for slide in section.slides for t in tables(slide)]
        tiles = [t for t in slide_tables if not _holds(t, data)]
        facts = [item for block in view.blocks if isinstance(block, Facts) for item in block.items]
        assert [tuple(text.split("\n", 1)) for t in tiles for row in t for text in row if text] == [
            (label, shortening(shown_value, value))
            for (label, value), shown_value in zip(facts, _tile_values(tiles), strict=True)
        ]
        rows = [row for t in slide_tables if _holds(t, data) for row in t[1:]]
        expected = [row for block in data for row in block.rows]
        assert len(rows) == len(expected), section.title
        for shown_row, block_row in zip(rows, expected, strict=True):
            for cell, text in zip(shown_row, block_row, strict=True):
                assert shortening(cell, text) == cell, (cell, text)
                compared += 1
        texts = [p for block in view.blocks if isinstance(block, Text) for p in block.paragraphs]
        bodies = [p.text_frame.text for slide in section.slides for p in slide.placeholders if p.placeholder_format.idx]
        assert "".join("".join(bodies).split()) == "".join("".join(texts).split()), section.title
    return compared


def shortening(shown: str, text: str) -> str:
    """`shown` when it is `text` or `text` shortened with '…'; else `text` (so a comparison with `shown` fails)."""
    return shown if shown == text or (shown.endswith(ELLIPSIS) and text.startswith(shown[:-1].rstrip())) else text


def _holds(shown: list[list[str]], blocks: list[Table]) -> bool:
    return any(tuple(shown[0]) == block.headers for block in blocks)


def _tile_values(tiles: list[list[list[str]]]) -> list[str]:
    return [text.split("\n", 1)[1] for t in tiles for row in t for text in row if text]
