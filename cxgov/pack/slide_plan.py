"""Where a section's blocks go on its slides, worked out before anything is drawn: blocks are stacked down the
content area of the template's layout, a slide ends when the next block does not fit, long texts continue on the
next slide and tables are cut into pages (at most 12 rows, fewer when their rows are tall). Every size is in EMU.

Sizes never go below what the back of the room reads (10 pt in tables); a cell too long for its lines is shortened
with '…' on the slide only (the XLSX keeps every cell whole)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from cxgov.pack.blocks import ROWS_PER_PAGE, Block, Chart, Facts, Table, Text
from cxgov.pack.measure import (
    BOLD,
    EMU_PER_INCH,
    line_height,
    lines,
    per_line,
    pt,
    shortened,
    split_at,
    width,
)

GAP = pt(12)  # between blocks
HEADING_SIZE = 14
HEADING_LINES = 2
TEXT_SIZE = 16
TEXT_SPACING = 6  # pt after each paragraph
MIN_LINES = 2  # of a paragraph cut over two slides, on either slide
# The body placeholder's own insets and a bullet's indent, which the template may add to its paragraphs.
TEXT_INDENT = EMU_PER_INCH * 6 // 10
TABLE_SIZES = ((12, 4), (11, 4), (10, 4), (10, 3))  # (font size, lines a cell may take), most readable first
EXTRA_LINES = 3  # more lines a page's cells may take when the slide has room
CELL_MARGIN_X, CELL_MARGIN_Y = pt(5), pt(3)
CELL_WANT = (4, 40)  # the characters a column asks for, at least and at most
FACT_LABEL_SIZE, FACT_VALUE_SIZE, FACT_VALUE_LINES = 10, 16, 3
FACT_WIDTH = (EMU_PER_INCH * 23 // 10, EMU_PER_INCH * 32 // 10)  # a fact's tile: at least and at most
CHART_MIN = EMU_PER_INCH * 25 // 10
NONE_SIZE = 12


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int

    def below(self, height: int) -> Box:
        """The rest of the box under its first `height` EMU."""
        return Box(self.left, self.top + height, self.width, max(0, self.height - height))


@dataclass(frozen=True)
class Grid:
    """A table as it is drawn: column widths, row heights and the cells as shown."""

    widths: tuple[int, ...]
    heights: tuple[int, ...]
    cells: tuple[tuple[str, ...], ...]

    @property
    def height(self) -> int:
        return sum(self.heights)


@dataclass(frozen=True)
class Placed:
    """A block (a Text's paragraphs, a Table's page, …) in its box; `heading` EMU at the top hold its heading."""

    block: Block
    box: Box
    heading: int
    size: float = 0
    grid: Grid | None = None

    @property
    def content(self) -> Box:
        return self.box.below(self.heading)


def heading_text(block: Block) -> str:
    return block.title if isinstance(block, Chart) else getattr(block, "heading", "")


def heading_height(text: str, width: int) -> int:
    if not text:
        return 0
    shown = min(HEADING_LINES, lines(text, per_line(width, HEADING_SIZE, bold=True)))
    return shown * line_height(HEADING_SIZE) + pt(4)


@dataclass(frozen=True)
class _Page:
    """A page of a table cut over slides: every page is drawn at the same size and lines per cell."""

    table: Table
    size: float
    cap: int


def plan_section(blocks: tuple[Block, ...], area: Box) -> list[list[Placed]]:
    """The section's blocks placed on as many slides as they need, in order (at least one slide)."""
    queue: list[Block | _Page] = list(blocks)
    slides: list[list[Placed]] = [[]]
    top = area.top
    while queue:
        block = queue.pop(0)
        slide = slides[-1]
        room = Box(area.left, top, area.width, area.top + area.height - top)
        fitted = _fit(block, room, fresh=not slide, has_text=any(isinstance(p.block, Text) for p in slide))
        if (
            fitted is None
            and isinstance(block, Table)
            and block.rows
            and (len(block.rows) > ROWS_PER_PAGE or not slide)
        ):
            pages, here = _paged(block, room, area, fresh=not slide)
            queue[0:0] = pages
            if here:
                continue
        elif fitted is None:
            queue.insert(0, block)
        if fitted is None:
            slides.append([])
            top = area.top
            continue
        placed, rest = fitted
        slide.append(placed)
        top = placed.box.top + placed.box.height + GAP
        if rest is not None:
            queue.insert(0, rest)
            slides.append([])
            top = area.top
    return [slide for slide in slides if slide] or [[]]


def _paged(table: Table, room: Box, area: Box, *, fresh: bool) -> tuple[list[_Page], bool]:
    """A table too long for the room cut into pages of at most 12 rows, as even as they can be, at the most
    readable size at which full pages fit an empty slide. The first page starts here, the pages as long as the room
    left allows, unless that takes more slides than starting on the next one would (which the second value says)."""
    rows = min(ROWS_PER_PAGE, len(table.rows))
    size, cap = next(
        (option for option in TABLE_SIZES if _per_page(table, *option, area, area.height) >= rows), TABLE_SIZES[-1]
    )
    full = _per_page(table, size, cap, area, area.height)
    here = _per_page(table, size, cap, area, room.height)
    if fresh or len(table.pages(here)) <= len(table.pages(full)) + 1:
        return [_Page(page, size, cap) for page in table.pages(here)], True
    return [_Page(page, size, cap) for page in table.pages(full)], False


def _per_page(table: Table, size: float, cap: int, area: Box, first: int) -> int:
    """The most rows a page may take when the first page has `first` EMU and the others an empty slide, spread
    evenly (13 rows: 7 and 6, not 12 and 1)."""

    def fits(per_page: int) -> bool:
        return all(
            heading_height(page.heading, area.width) + table_grid(page, area.width, size, cap).height
            <= (first if n == 0 else area.height)
            for n, page in enumerate(table.pages(per_page))
        )

    per_page = ROWS_PER_PAGE
    while per_page > 1 and not fits(per_page):
        per_page -= 1
    even = -(-len(table.rows) // -(-len(table.rows) // per_page))
    return even if fits(even) else per_page


def _fit(block: Block | _Page, room: Box, *, fresh: bool, has_text: bool) -> tuple[Placed, Block | None] | None:
    """The block (or as much of a text as fits on an empty slide) placed at the top of `room`, and what is left of
    it; None when it must go to the next slide. On an empty slide something is always placed."""
    if isinstance(block, _Page):  # cells may take more lines than the page was cut for, where the room allows
        heading = heading_height(block.table.heading, room.width)
        for cap in range(block.cap + EXTRA_LINES, block.cap - 1, -1):
            grid = table_grid(block.table, room.width, block.size, cap)
            if heading + grid.height <= room.height or (fresh and cap == block.cap):
                return Placed(block.table, _box(room, heading + grid.height), heading, block.size, grid), None
        return None
    heading = heading_height(heading_text(block), room.width)
    space = room.height - heading
    if isinstance(block, Text):
        return None if has_text else _fit_text(block, room, heading, fresh)
    if isinstance(block, Chart):
        if space < CHART_MIN and not fresh:
            return None
        return Placed(block, Box(room.left, room.top, room.width, room.height), heading), None
    if isinstance(block, Facts):
        grid = facts_grid(block, room.width)
        if grid.height > space and not fresh:
            return None
        return Placed(block, _box(room, heading + grid.height), heading, FACT_VALUE_SIZE, grid), None
    if not block.rows:
        height = line_height(NONE_SIZE) + 2 * CELL_MARGIN_Y
        if height > space and not fresh:
            return None
        return Placed(block, _box(room, heading + height), heading, NONE_SIZE), None
    if len(block.rows) > ROWS_PER_PAGE:
        return None
    for size, cap in TABLE_SIZES:
        grid = table_grid(block, room.width, size, cap)
        if grid.height <= space:
            return Placed(block, _box(room, heading + grid.height), heading, size, grid), None
    return None


def _box(room: Box, height: int) -> Box:
    return Box(room.left, room.top, room.width, height)


def _fit_text(block: Text, room: Box, heading: int, fresh: bool) -> tuple[Placed, Block | None] | None:
    """As many paragraphs as fit; a long paragraph that does not fit whole is cut at a line, leaving at least two
    lines for the next slide (a short one moves there whole). The rest continues on the next slide."""
    along = per_line(room.width - TEXT_INDENT, TEXT_SIZE)
    step, spacing = line_height(TEXT_SIZE), pt(TEXT_SPACING)
    space = room.height - heading - 2 * CELL_MARGIN_Y
    shown: list[str] = []
    used = 0
    for n, paragraph in enumerate(block.paragraphs):
        count = lines(paragraph, along)
        if used + count * step + spacing <= space:
            shown.append(paragraph)
            used += count * step + spacing
            continue
        if not fresh:
            return None  # a text starts on a slide of its own rather than being cut after a line or two
        keep = min((space - used - spacing) // step, count - MIN_LINES)
        if keep >= MIN_LINES or not shown:
            keep = max(1, keep)
            head, tail = split_at(paragraph, along, keep)
            shown.append(head)
            used += keep * step + spacing
            rest = (tail, *block.paragraphs[n + 1 :]) if tail else block.paragraphs[n + 1 :]
        else:
            rest = block.paragraphs[n:]
        box = _box(room, heading + used + 2 * CELL_MARGIN_Y)
        placed = Placed(replace(block, paragraphs=tuple(shown)), box, heading, TEXT_SIZE)
        return placed, replace(block, paragraphs=tuple(rest)) if rest else None
    return Placed(block, _box(room, heading + used + 2 * CELL_MARGIN_Y), heading, TEXT_SIZE), None


def table_grid(table: Table, width: int, size: float, cap: int) -> Grid:
    """Column widths by what each column holds, cells shortened to `cap` lines, and the rows' heights."""
    widths = column_widths(table, width, size)
    along = [per_line(w - 2 * CELL_MARGIN_X, size) for w in widths]
    header_lines = max(
        (
            lines(h, per_line(w - 2 * CELL_MARGIN_X, size, bold=True))
            for h, w in zip(table.headers, widths, strict=True)
        ),
        default=1,
    )
    cells = tuple(tuple(shortened(cell, n, cap) for cell, n in zip(row, along, strict=True)) for row in table.rows)
    heights = [_row_height(header_lines, size)] + [
        _row_height(max(lines(cell, n) for cell, n in zip(row, along, strict=True)), size) for row in cells
    ]
    return Grid(widths, tuple(heights), cells)


def _row_height(line_count: int, size: float) -> int:
    return line_count * line_height(size) + 2 * CELL_MARGIN_Y


def column_widths(table: Table, total: int, size: float) -> tuple[int, ...]:
    """Each column's share of `total` by the characters it asks for (its longest cell, within CELL_WANT); never
    narrower than its longest word (a quarter of the table at most), so words break only where they must, nor a
    column of numbers than its longest number."""
    low, high = CELL_WANT
    columns = list(zip(*table.rows, strict=True)) if table.rows else [() for _ in table.headers]
    want = [
        min(high, max(low, len(header), *map(len, cells))) for header, cells in zip(table.headers, columns, strict=True)
    ]
    floors = [
        min(
            total // 4,
            round(
                max(
                    _longest_word(header) * BOLD,
                    max((width(cell) if numeric else _longest_word(cell) for cell in cells), default=0),
                )
                * pt(size)
            ),
        )
        + 2 * CELL_MARGIN_X
        for header, cells, numeric in zip(table.headers, columns, table.numeric, strict=True)
    ]
    if sum(floors) >= total:
        return tuple(f * total // sum(floors) for f in floors)
    fixed: dict[int, int] = {}
    while True:  # columns below their floor get it; the others share what is left by what they ask for
        left = total - sum(fixed.values())
        asking = sum(w for i, w in enumerate(want) if i not in fixed)
        widths = [fixed.get(i, left * w // asking) for i, w in enumerate(want)]
        short = {i: floors[i] for i, w in enumerate(widths) if i not in fixed and w < floors[i]}
        if not short:
            return tuple(widths)
        fixed.update(short)


@lru_cache(maxsize=65_536)
def _longest_word(text: str) -> float:
    """The widest word of a text in ems, with half an em to spare (fonts differ)."""
    return max(map(width, text.split()), default=0) + 0.5


def facts_grid(facts: Facts, width: int) -> Grid:
    """Facts as tiles, label over value, as many to a row as fit (a tile is at most FACT_WIDTH[1] wide); the cells
    hold the values as shown, row by row."""
    count = max(1, len(facts.items))
    per_row = max(1, min(count, width // FACT_WIDTH[0]))
    tile = min(FACT_WIDTH[1], width // per_row)
    along = per_line(tile - 2 * CELL_MARGIN_X, FACT_VALUE_SIZE, bold=True)
    label_line = per_line(tile - 2 * CELL_MARGIN_X, FACT_LABEL_SIZE)
    rows = [facts.items[i : i + per_row] for i in range(0, len(facts.items), per_row)]
    cells = tuple(tuple(shortened(value, along, FACT_VALUE_LINES) for _, value in row) for row in rows)
    heights = tuple(
        max(
            lines(label, label_line) * line_height(FACT_LABEL_SIZE) + lines(value, along) * line_height(FACT_VALUE_SIZE)
            for (label, _), value in zip(row, shown, strict=True)
        )
        + 2 * CELL_MARGIN_Y
        for row, shown in zip(rows, cells, strict=True)
    )
    return Grid(tuple(tile for _ in range(per_row)), heights, cells)
