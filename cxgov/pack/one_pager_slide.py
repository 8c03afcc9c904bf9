"""A one-pager (one initiative, A3-style) on a single slide — it is one page by definition: its facts down the left
with the commentary under them, its tables and charts in a grid on the right. Text is small but never under 8 pt;
a table longer than its cell shows the rows that fit and '+N more', a long value is shortened with '…'."""

from __future__ import annotations

from dataclasses import replace

from cxgov import i18n
from cxgov.pack.blocks import Chart, Facts, SectionView, Table, Text
from cxgov.pack.measure import EMU_PER_INCH, line_height, lines, per_line, shortened, xml_safe
from cxgov.pack.slide_plan import CELL_MARGIN_X, CELL_MARGIN_Y, GAP, Box, Placed, heading_text, table_grid
from cxgov.pack.slide_shapes import draw_chart, draw_table, fact_list, text_box

SIZE = 9  # facts and commentary
TABLE_SIZE = 8
HEADING_SIZE = 10
CELL_LINES = 2
CHART_HEIGHT = EMU_PER_INCH * 2
FACT_LINES = (4, 3, 2, 1)  # lines a fact's value may take, most first, until the facts fit
LEFT_SHARE = 0.34
LABEL_SHARE = 0.4


def draw_one_pager(slide, view: SectionView, area: Box, lang: str) -> None:
    facts = Facts(tuple(item for block in view.blocks if isinstance(block, Facts) for item in block.items))
    texts = [block for block in view.blocks if isinstance(block, Text)]
    grid = [block for block in view.blocks if isinstance(block, Table | Chart)]
    left_width = int(area.width * LEFT_SHARE) if grid else area.width
    left = Box(area.left, area.top, left_width, area.height)
    used = _facts(slide, facts, left, share=0.65 if texts else 1.0) if facts.items else 0
    if texts:
        _texts(slide, texts, left.below(used + GAP if used else 0))
    if grid:
        _grid(
            slide, grid, Box(area.left + left_width + GAP, area.top, area.width - left_width - GAP, area.height), lang
        )


def _facts(slide, facts: Facts, box: Box, share: float) -> int:
    """The facts as a label–value list, their values shortened until the list fits `share` of the column."""
    widths = (int(box.width * LABEL_SHARE), box.width - int(box.width * LABEL_SHARE))
    label_line, value_line = (per_line(w - 2 * CELL_MARGIN_X, SIZE) for w in widths)
    for cap in FACT_LINES:
        values = [shortened(xml_safe(value), value_line, cap) for _, value in facts.items]
        heights = [
            max(lines(label, label_line), lines(value, value_line)) * line_height(SIZE) + 2 * CELL_MARGIN_Y
            for (label, _), value in zip(facts.items, values, strict=True)
        ]
        if sum(heights) <= box.height * share:
            break
    fact_list(slide, facts, box, SIZE, widths, heights, values)
    return sum(heights)


def _texts(slide, texts: list[Text], box: Box) -> None:
    """The commentary under the facts, headings in bold, shortened to the room left."""
    along = per_line(box.width, SIZE)
    room = box.height // line_height(SIZE)
    shown: list[tuple[str, bool]] = []
    for block in texts:
        for paragraph, bold in [(block.heading, True)] * bool(block.heading) + [(p, False) for p in block.paragraphs]:
            if room < 1:
                break
            text = shortened(xml_safe(paragraph), along, room)
            shown.append((text, bold))
            room -= lines(text, along)
    if shown:
        frame = text_box(slide, box, [text for text, _ in shown], size=SIZE).text_frame
        for paragraph, (_, bold) in zip(frame.paragraphs, shown, strict=True):
            paragraph.runs[0].font.bold = bold or None


def _grid(slide, blocks: list[Table | Chart], box: Box, lang: str) -> None:
    """Tables and charts in two columns (one for a single block), each block in turn to the column with less in
    it; a column's height shared by what its blocks need, the longest cut first."""
    columns: list[list[Table | Chart]] = [[], []] if len(blocks) > 1 else [[]]
    width = (box.width - (len(columns) - 1) * GAP) // len(columns)
    for block in blocks:
        min(columns, key=lambda column: sum(_need(b, width) for b in column)).append(block)
    for n, column in enumerate(columns):
        top = box.top
        heights = _shares([_need(block, width) for block in column], box.height - GAP * (len(column) - 1))
        for block, height in zip(column, heights, strict=True):
            _block(slide, block, Box(box.left + n * (width + GAP), top, width, height), lang)
            top += height + GAP


def _need(block: Table | Chart, width: int) -> int:
    """The height a block would take whole: its heading and its table, or a chart's reasonable height."""
    heading = line_height(HEADING_SIZE) + CELL_MARGIN_Y
    if isinstance(block, Chart):
        return heading + CHART_HEIGHT
    if not block.rows:
        return heading + line_height(TABLE_SIZE) + CELL_MARGIN_Y
    return heading + table_grid(block, width, TABLE_SIZE, CELL_LINES).height


def _shares(needs: list[int], height: int) -> list[int]:
    """Each need met where the height allows; else the smaller needs met and the rest shared evenly."""
    shares = list(needs)
    left, open_ = height, sorted(range(len(needs)), key=needs.__getitem__)
    while open_:
        fair = left // len(open_)
        n = open_.pop(0)
        shares[n] = min(needs[n], fair)
        left -= shares[n]
    return shares


def _block(slide, block: Table | Chart, cell: Box, lang: str) -> None:
    heading = heading_text(block)
    along = per_line(cell.width, HEADING_SIZE, bold=True)
    heading_box = Box(cell.left, cell.top, cell.width, line_height(HEADING_SIZE) + CELL_MARGIN_Y)
    text_box(slide, heading_box, [shortened(xml_safe(heading), along, 1)], size=HEADING_SIZE, bold=True)
    under = cell.below(heading_box.height)
    if isinstance(block, Chart):
        draw_chart(slide, block, under, lang, TABLE_SIZE)
    elif not block.rows:
        text_box(slide, under, [i18n.t("present.none", lang)], size=TABLE_SIZE)
    else:
        _table(slide, block, under, lang)


def _table(slide, table: Table, box: Box, lang: str) -> None:
    """The rows that fit the box, and '+N more' under them when some do not."""
    more = line_height(TABLE_SIZE) + CELL_MARGIN_Y
    grid = table_grid(table, box.width, TABLE_SIZE, CELL_LINES)
    kept, total = 0, grid.heights[0]
    for height in grid.heights[1:]:
        if total + height > box.height - (more if kept + 1 < len(table.rows) else 0):
            break
        kept, total = kept + 1, total + height
    left_out = len(table.rows) - kept
    if left_out:
        table = replace(table, rows=table.rows[:kept])
        grid = table_grid(table, box.width, TABLE_SIZE, CELL_LINES)
        note = Box(box.left, box.top + grid.height, box.width, more)
        text_box(slide, note, [i18n.t("pack.slides.more", lang, n=left_out)], size=TABLE_SIZE)
    draw_table(slide, table, Placed(table, box, 0, TABLE_SIZE, grid))
