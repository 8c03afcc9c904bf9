"""Reading a drawn PPTX back the way PowerPoint would: its slides' titles, footers, tables, charts and texts, and
the demo pack, built once from the demo portfolio, to draw."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from pptx import Presentation

from cxgov.db import make_engine, session_scope
from cxgov.demo.portfolio import REFERENCE_DATE
from cxgov.pack.collect import collect_pack
from cxgov.pack.content import PackContent
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio

DEMO_MEETING = 3  # the Q4 meeting in draft, its proposed agenda holding every section
CUT_OFF = datetime(2026, 12, 7, 10, 32, tzinfo=UTC)
CONTINUED = re.compile(r"^(?P<title>.*) \((?P<n>\d+)/(?P<of>\d+)\)$", re.DOTALL)


def demo_packs(url: str) -> dict[str, PackContent]:
    """The demo meeting's pack in both languages, read from a demo portfolio loaded into the database at `url`."""
    engine = make_engine(url)
    try:
        with session_scope(engine, write=True) as session:
            load_demo_portfolio(session=session, actor=SYSTEM_ACTOR, today=REFERENCE_DATE)
        with session_scope(engine) as session:
            return {
                lang: collect_pack(session, DEMO_MEETING, language=lang, cut_off=CUT_OFF, number=1)
                for lang in ("nl", "en")
            }
    finally:
        engine.dispose()


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
