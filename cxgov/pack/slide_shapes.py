"""Blocks drawn on a slide as native PowerPoint objects — tables, charts, text — in the boxes the slide plan gave
them. Every user text is set as a text run (never parsed) after `xml_safe`; fonts are the template's theme fonts,
only sizes are chosen here."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import contextmanager

from lxml import etree
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import namespaces, qn
from pptx.util import Pt
from xlsxwriter import Workbook

from cxgov import i18n
from cxgov.io.export import formula_safe
from cxgov.pack.blocks import Chart, Facts, Table, Text
from cxgov.pack.measure import line_height, lines, per_line, shortened, xml_safe
from cxgov.pack.slide_plan import (
    CELL_MARGIN_X,
    CELL_MARGIN_Y,
    FACT_LABEL_SIZE,
    FACT_VALUE_SIZE,
    HEADING_LINES,
    HEADING_SIZE,
    TEXT_SPACING,
    Box,
    Placed,
    heading_text,
)

NS = namespaces("a", "p")
CHART_TYPES = {
    "bar": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "stacked_bar": XL_CHART_TYPE.COLUMN_STACKED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
}
# Number formats are stored in Excel's neutral notation ("," groups thousands) after a locale tag: PowerPoint shows
# them with the reader's own separators, LibreOffice with the tagged locale's, so a Dutch pack reads "€ 1.234" where
# the reader's system is Dutch, and in LibreOffice everywhere (a Dutch Excel displays the code as € #.##0).
LOCALE_TAGS = {"en": "[$-809]", "nl": "[$-413]"}  # en-GB, nl-NL
NUMBER_FORMATS = {"money": {"en": '"€"#,##0', "nl": '"€"\\ #,##0'}, "count": "#,##0", "measure": "General"}
NO_GRID_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # PowerPoint's built-in "No Style, No Grid"
CHART_FONT = 12


def write(
    frame,
    paragraphs: Sequence[str],
    *,
    size: float | None = None,
    bold: bool = False,
    align: PP_ALIGN | None = None,
    spacing: float | None = None,
) -> None:
    """The paragraphs as the frame's text, one run each (a line break in a text starts another paragraph)."""
    frame.clear()
    texts = [line for paragraph in paragraphs for line in xml_safe(paragraph).split("\n")] or [""]
    for n, text in enumerate(texts):
        paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        if spacing is not None:
            paragraph.space_after = Pt(spacing)
        run = paragraph.add_run()
        run.text = text
        if size is not None:
            run.font.size = Pt(size)
        if bold:
            run.font.bold = True


def text_box(slide, box: Box, paragraphs: Sequence[str], *, size: float, bold=False, align=None):
    shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
    frame = shape.text_frame
    frame.word_wrap, frame.auto_size = True, MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    write(frame, paragraphs, size=size, bold=bold, align=align)
    return shape


def draw(slide, placed: Placed, lang: str, body=None) -> None:
    """One placed block: its heading, then the block itself. A Text goes into `body` (the layout's placeholder)."""
    block = placed.block
    heading = heading_text(block)
    if heading:
        along = per_line(placed.box.width, HEADING_SIZE, bold=True)
        box = Box(placed.box.left, placed.box.top, placed.box.width, placed.heading)
        text_box(slide, box, [shortened(xml_safe(heading), along, HEADING_LINES)], size=HEADING_SIZE, bold=True)
    if isinstance(block, Text):
        draw_text(slide, block, placed.content, placed.size, body)
    elif isinstance(block, Chart):
        draw_chart(slide, block, placed.content, lang, CHART_FONT)
    elif isinstance(block, Facts):
        draw_facts(slide, block, placed)
    elif not block.rows:
        text_box(slide, placed.content, [i18n.t("present.none", lang)], size=placed.size)
    else:
        draw_table(slide, block, placed)


def draw_text(slide, block: Text, box: Box, size: float, body=None) -> None:
    shape = body if body is not None else slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
    shape.left, shape.top, shape.width, shape.height = box.left, box.top, box.width, box.height
    frame = shape.text_frame
    frame.word_wrap, frame.auto_size, frame.vertical_anchor = True, MSO_AUTO_SIZE.NONE, MSO_ANCHOR.TOP
    write(frame, block.paragraphs, size=size, spacing=TEXT_SPACING)


def draw_table(slide, table: Table, placed: Placed) -> None:
    """A native table: the header row in the template's table style, numbers right-aligned."""
    grid, box, size = placed.grid, placed.content, placed.size
    shape = slide.shapes.add_table(
        len(grid.heights), len(grid.widths), box.left, box.top, sum(grid.widths), grid.height
    )
    native = shape.table
    native.first_row, native.horz_banding = True, True
    _measure(native, grid)
    for column, header in enumerate(table.headers):
        _cell(native.cell(0, column), header, size, bold=True, right=table.numeric[column])
    for row, cells in enumerate(grid.cells, start=1):
        for column, text in enumerate(cells):
            _cell(native.cell(row, column), text, size, right=table.numeric[column])


def draw_facts(slide, facts: Facts, placed: Placed) -> None:
    """Facts as tiles in a light tint of the theme's accent, label over value, the slide's background between."""
    grid, box = placed.grid, placed.content
    shape = slide.shapes.add_table(
        len(grid.heights), len(grid.widths), box.left, box.top, sum(grid.widths), grid.height
    )
    shape.element.find(".//a:tableStyleId", NS).text = NO_GRID_STYLE
    native = shape.table
    native.first_row, native.horz_banding = False, False
    _measure(native, grid)
    per_row = len(grid.widths)
    for n, (label, _) in enumerate(facts.items):
        cell = native.cell(n // per_row, n % per_row)
        _edges(cell)
        cell.fill.solid()
        cell.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
        cell.fill.fore_color.brightness = 0.85
        _margins(cell)
        write(cell.text_frame, [label, grid.cells[n // per_row][n % per_row]])
        label_run, value_run = (p.runs[0] for p in cell.text_frame.paragraphs[:2])
        label_run.font.size = Pt(FACT_LABEL_SIZE)
        value_run.font.size, value_run.font.bold = Pt(FACT_VALUE_SIZE), True


def fact_list(slide, facts: Facts, box: Box, size: float, widths: tuple[int, int], heights, values) -> None:
    """Facts as a two-column list, label and value (the one-pager's left column)."""
    shape = slide.shapes.add_table(len(facts.items), 2, box.left, box.top, sum(widths), sum(heights))
    shape.element.find(".//a:tableStyleId", NS).text = NO_GRID_STYLE
    native = shape.table
    native.first_row, native.horz_banding = False, False
    for column, width in enumerate(widths):
        native.columns[column].width = width
    for row, ((label, _), value, height) in enumerate(zip(facts.items, values, heights, strict=True)):
        native.rows[row].height = height
        _cell(native.cell(row, 0), label, size, bold=True)
        _cell(native.cell(row, 1), value, size)


def _measure(native, grid) -> None:
    for column, width in enumerate(grid.widths):
        native.columns[column].width = width
    for row, height in enumerate(grid.heights):
        native.rows[row].height = height


def _cell(cell, text: str, size: float, *, bold: bool = False, right: bool = False) -> None:
    _margins(cell)
    cell.vertical_anchor = MSO_ANCHOR.TOP
    write(cell.text_frame, [text], size=size, bold=bold, align=PP_ALIGN.RIGHT if right else None)


def _margins(cell) -> None:
    cell.margin_left = cell.margin_right = CELL_MARGIN_X
    cell.margin_top = cell.margin_bottom = CELL_MARGIN_Y


def _edges(cell) -> None:
    """Lines in the slide's background colour around a cell, so tiles stand apart."""
    properties = cell._tc.get_or_add_tcPr()
    for side in ("a:lnL", "a:lnR", "a:lnT", "a:lnB"):
        line = etree.SubElement(properties, qn(side), w=str(Pt(3)))
        etree.SubElement(etree.SubElement(line, qn("a:solidFill")), qn("a:schemeClr"), val="bg1")


def draw_chart(slide, chart: Chart, box: Box, lang: str, size: float) -> None:
    """A native chart: its data is in the chart (and its embedded workbook), so the board can edit it."""
    number_format = chart_number_format(chart.number_format, lang)
    data = _ChartData(number_format=number_format)
    data.categories = [xml_safe(c) for c in chart.categories]
    for name, values in chart.series:
        data.add_series(xml_safe(name), values)
    native = slide.shapes.add_chart(CHART_TYPES[chart.kind], box.left, box.top, box.width, box.height, data).chart
    native.has_title = False
    native.has_legend = True
    native.legend.position, native.legend.include_in_layout = XL_LEGEND_POSITION.BOTTOM, False
    native.font.size = Pt(size)
    labels = native.value_axis.tick_labels
    labels.number_format, labels.number_format_is_linked = number_format, False
    native.value_axis.has_major_gridlines = True
    plot = native.plots[0]
    if chart.kind != "line":
        plot.gap_width = 60
        if chart.kind == "stacked_bar":
            plot.overlap = 100
    for series, colour in zip(plot.series, chart.colours, strict=False):
        if colour is None:
            continue
        if chart.kind == "line":
            series.format.line.color.rgb = RGBColor.from_string(colour)
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = RGBColor.from_string(colour)


def chart_number_format(kind: str, lang: str) -> str:
    code = NUMBER_FORMATS[kind]
    return LOCALE_TAGS[lang] + (code[lang] if isinstance(code, dict) else code)


class _FormulaFreeWorkbook(CategoryWorkbookWriter):
    """The chart's embedded workbook with every text written as text: python-pptx's own writer lets XlsxWriter
    turn '=…' into a formula and 'http…' into a link (python-pptx 1.0.2, pinned)."""

    @contextmanager
    def _open_worksheet(self, xlsx_file):
        workbook = Workbook(
            xlsx_file,
            {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
        )
        yield workbook, _TextOnly(workbook.add_worksheet())
        workbook.close()


class _TextOnly:
    """A worksheet whose texts are neutralised as in every export (a leading '=' and kin kept as text)."""

    def __init__(self, sheet):
        self._sheet = sheet

    def write(self, row, column, value, *rest):
        return self._sheet.write(row, column, formula_safe(value), *rest)

    def write_column(self, row, column, values, *rest):
        return self._sheet.write_column(row, column, [formula_safe(v) for v in values], *rest)

    def __getattr__(self, name):  # everything else (column widths) as the worksheet does it
        return getattr(self._sheet, name)


class _ChartData(CategoryChartData):
    @property
    def _workbook_writer(self):
        return _FormulaFreeWorkbook(self)


def inherited_size(slide, placeholder) -> float | None:
    """The font size (pt) a placeholder's text takes from its layout or master, where either says."""
    idx, kind = placeholder.placeholder_format.idx, placeholder.placeholder_format.type
    layout = slide.slide_layout
    sources = [layout.placeholders.get(idx), layout.slide_master.placeholders.get(kind)]
    for source in sources:
        if source is not None:
            sizes = source.element.xpath("./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/@sz")
            if sizes:
                return int(sizes[0]) / 100
    style = "titleStyle" if kind in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE) else "bodyStyle"
    sizes = layout.slide_master.element.xpath(f"./p:txStyles/p:{style}/a:lvl1pPr/a:defRPr/@sz")
    return int(sizes[0]) / 100 if sizes else None


def fitting_size(paragraphs: Sequence[str], width: int, height: int, start: float, floor: float) -> float:
    """The largest size from `start` down to `floor` (2 pt steps) at which the paragraphs fit the box."""
    size = start
    while size > floor and _height(paragraphs, width, size) > height:
        size = max(floor, size - 2)
    return size


def _height(paragraphs: Sequence[str], width: int, size: float) -> int:
    along = per_line(width, size)
    return sum(lines(p, along) for p in paragraphs) * line_height(size)
