"""The board pack as an Excel workbook, for the board members who work with its figures.

A contents sheet first (the meeting, the cut-off on the pack's clock, the version and the content hash, then the
sheets), then one sheet per section in the pack's order: its title, the chair's commentary, its facts side by
side (a label over each value), then each of its tables under its heading. The panes are frozen under the first
table's header, so its columns stay named while scrolling (a section's further tables follow under their own
headings on the same sheet: one sheet per section keeps the workbook in step with the pack and its contents).

Cells are typed (cxgov.pack.xlsx_cells); no cell is a formula or a link. The same pack gives the same bytes:
the workbook is dated by the pack's cut-off, not by the moment it is drawn.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import xlsxwriter

from cxgov import i18n, written
from cxgov.dates import on_clock
from cxgov.io.export import WORKBOOK_OPTIONS, XLSX_MIME
from cxgov.pack.blocks import COLUMNS, FACT_CODES, fact_label, table_heading
from cxgov.pack.content import PackContent, PackSection
from cxgov.pack.render import FORMATS, PackFormat, Progress
from cxgov.pack.sheet_names import sheet_names
from cxgov.pack.xlsx_cells import Cell, cell, table_cells, text_cell

# Number formats in Excel's neutral notation (Excel shows the opener's separators), the euro sign placed as each
# language writes it: €1,234.56 and -€1,234.56; € 1.234,56 and € -1.234,56.
MONEY_FORMATS = {"en": '"€"#,##0.00;-"€"#,##0.00', "nl": '"€" #,##0.00;"€" -#,##0.00'}
PERCENT_FORMAT = "0%"
# Dates as on the pages (05-03-2026, 5 Mar 2026), months as 'mrt 2026' and 'Mar 2026': the locale code ([$-413]
# Dutch, [$-809] British English) names the months in the pack's language, whatever the opener's.
DATE_FORMATS = {"en": "[$-809]d mmm yyyy", "nl": "dd-mm-yyyy"}
MONTH_FORMATS = {"en": "[$-809]mmm yyyy", "nl": "[$-413]mmm yyyy"}
WIDTHS = {"number": 10, "money": 15, "percent": 8, "date": 12, "month": 10, "moment": 17}  # characters
NARROWEST, WIDEST = 8, 60  # a column's width in characters: text wider than that wraps
COMMENTARY_COLUMNS = 8  # the commentary spans at least this many columns…
COMMENTARY_LINES = 10  # …and shows this many lines at most (the whole text is in the cell)
ROW_LINES = 20  # a table's row shows this many lines of wrapped text at most
LINE_POINTS = 15  # Excel's default row height
A4 = 9  # Excel's paper size code


def draw_xlsx(content: PackContent, *, template: bytes | None = None, progress: Progress) -> bytes:
    """The pack as an XLSX workbook (`template` is a slide template: a workbook has no use for it)."""
    lang = content.language
    titles = [i18n.t("pack.file.contents", lang), *(s.title for s in content.sections)]
    names = sheet_names(titles, unnamed=lambda n: i18n.t("pack.file.unnamed", lang, n=n - 1))
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, **WORKBOOK_OPTIONS})
    workbook.set_properties({"created": _naive(content)})
    styles = _styles(workbook, lang)
    total = len(names)
    progress(0.0, titles[0])
    _draw_sheet(workbook.add_worksheet(names[0]), _contents(content, names, titles), styles)
    for n, (name, section) in enumerate(zip(names[1:], content.sections, strict=True), start=1):
        progress(n / total, section.title)
        _draw_sheet(workbook.add_worksheet(name), _section(section, content), styles)
    workbook.close()
    return buffer.getvalue()


@dataclass(frozen=True)
class Block:
    """Rows of a sheet: a title, a commentary, label/value pairs (facts side by side, or the contents' lines
    one under the other) or a table under its heading."""

    kind: str  # "title", "commentary", "facts", "lines", "table"
    text: str = ""  # a title, a commentary or a table's heading
    labels: Sequence[str] = ()  # the facts' labels, the lines' labels or the table's headers
    cells: Sequence[Sequence[Cell]] = ()  # the facts' values (one row), the lines' values or the table's rows
    empty: str = ""  # what an empty table says


def _contents(content: PackContent, names: Sequence[str], titles: Sequence[str]) -> list[Block]:
    lang = content.language
    version = str(content.number) if content.number else i18n.t("pack.draft", lang)
    return [
        Block("title", i18n.t("pack.file.title", lang)),
        Block(
            "lines",
            labels=[
                i18n.t(key, lang)
                for key in ("pack.file.meeting", "pack.cut_off", "pack.file.clock", "pack.version", "pack.file.hash")
            ],
            cells=[
                [text_cell(content.cover.title)],
                [Cell("moment", _naive(content, clock=True))],
                [text_cell(content.time_zone)],
                [text_cell(version)],
                [text_cell(content.content_hash())],
            ],
        ),
        Block(
            "table",
            i18n.t("pack.file.contents", lang),
            labels=[i18n.t("pack.file.sheet", lang), i18n.t("pack.file.section", lang)],
            cells=[[text_cell(name), text_cell(title)] for name, title in zip(names[1:], titles[1:], strict=True)],
        ),
    ]


def _section(section: PackSection, content: PackContent) -> list[Block]:
    """The section's title, commentary, facts (but references) and tables (but ids and versions), every value
    typed and labelled as the slides label it."""
    lang, zone = content.language, content.time_zone
    key = section.section or section.kind.value
    blocks = [Block("title", section.title)]
    if section.commentary.strip():
        blocks.append(Block("commentary", section.commentary))
    facts = written.shown_columns(section.facts)
    if facts:
        blocks.append(
            Block(
                "facts",
                labels=[fact_label(name, lang, key) for name in facts],
                cells=[[cell(name, section.facts[name], lang=lang, zone=zone, codes=FACT_CODES) for name in facts]],
            )
        )
    for table in section.tables:
        spec = COLUMNS.get((key, table.name))
        headers = spec.headers if spec else {}
        columns = written.shown_columns(table.columns)
        blocks.append(
            Block(
                "table",
                table_heading(table, lang),
                labels=[written.header(headers.get(column, column), lang) for column in columns],
                cells=table_cells(
                    table,
                    columns,
                    lang=lang,
                    zone=zone,
                    codes={**written.CODE_COLUMNS, **(spec.codes if spec else {})},
                ),
                empty=i18n.t("present.none", lang),
            )
        )
    return blocks


def _draw_sheet(sheet, blocks: Sequence[Block], styles: dict) -> None:
    """Write the blocks one under the other, a blank row between them (the commentary right under the title);
    freeze under the first table's header."""
    widths = _widths(blocks)
    for column, width in enumerate(widths):
        sheet.set_column(column, column, width)
    sheet.set_paper(A4)  # printed: landscape, as wide as the page
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    row, frozen = 0, False
    for block, following in zip(blocks, [*blocks[1:], None], strict=True):
        if block.kind == "title":
            sheet.write_string(row, 0, text_cell(block.text).value, styles["title"])
            row += 1
            if following is not None and following.kind == "commentary":
                continue
        elif block.kind == "commentary":
            row = _commentary(sheet, row, block.text, widths, styles)
        elif block.kind == "facts":
            for column, (label, value) in enumerate(zip(block.labels, block.cells[0], strict=True)):
                sheet.write_string(row, column, text_cell(label).value, styles["label"])
                _write(sheet, row + 1, column, value, styles, wrap=False)
            row += 2
        elif block.kind == "lines":
            for label, (value,) in zip(block.labels, block.cells, strict=True):
                sheet.write_string(row, 0, text_cell(label).value, styles["label"])
                _write(sheet, row, 1, value, styles, wrap=False, left=True)
                row += 1
        else:
            if not frozen:  # under the header, which _table writes under the heading
                sheet.freeze_panes(row + 2, 0)
                frozen = True
            row = _table(sheet, row, block, widths, styles)
        row += 1


def _commentary(sheet, row: int, text: str, widths: Sequence[float], styles: dict) -> int:
    """The commentary across the sheet's columns, as many lines high as it needs, up to COMMENTARY_LINES."""
    span = max(len(widths), COMMENTARY_COLUMNS)
    characters = int(sum(widths) + NARROWEST * (span - len(widths)))
    sheet.merge_range(row, 0, row, span - 1, text_cell(text).value, styles["commentary"])
    sheet.set_row(row, min(_lines(text, characters), COMMENTARY_LINES) * LINE_POINTS)
    return row + 1


def _lines(text: str, characters: float) -> int:
    """How many lines `text` takes wrapped at about `characters` a line."""
    return sum(max(1, -(-len(line) // max(int(characters), 1))) for line in text.split("\n"))


def _table(sheet, row: int, block: Block, widths: Sequence[float], styles: dict) -> int:
    """The table's heading, its header row and its rows (or 'nothing to show'); returns the row after it."""
    sheet.write_string(row, 0, text_cell(block.text).value, styles["heading"])
    for column, label in enumerate(block.labels):
        sheet.write_string(row + 1, column, text_cell(label).value, styles["header"])
    row += 2
    if not block.cells:
        sheet.write_string(row, 0, block.empty, styles["note"])
        return row + 1
    for cells in block.cells:
        for column, value in enumerate(cells):
            _write(sheet, row, column, value, styles, wrap=True)
        # Set, as not every spreadsheet fits a row to its wrapped text when it opens a file.
        lines = max((_lines(v.value, widths[n]) for n, v in enumerate(cells) if v.kind == "text"), default=1)
        if lines > 1:
            sheet.set_row(row, min(lines, ROW_LINES) * LINE_POINTS)
        row += 1
    return row


def _write(sheet, row: int, column: int, value: Cell, styles: dict, *, wrap: bool, left: bool = False) -> None:
    """One typed cell (`left`: a time aligned with the text above and below it, as the contents' cut-off)."""
    if value.kind == "blank":
        return
    if value.kind == "text":
        sheet.write_string(row, column, value.value, styles["wrapped" if wrap else "text"])
    elif value.kind in ("date", "month", "moment"):
        sheet.write_datetime(row, column, value.value, styles[f"{value.kind}_left" if left else value.kind])
    else:
        sheet.write_number(row, column, value.value, styles[value.kind])


def _widths(blocks: Sequence[Block]) -> list[float]:
    """Each column as wide as its widest label or value (a text's longest line), within NARROWEST and WIDEST."""
    widths: dict[int, float] = {}

    def fit(column: int, width: float) -> None:
        widths[column] = max(widths.get(column, NARROWEST), min(width, WIDEST))

    for block in blocks:
        if block.kind == "lines":
            for label, (value,) in zip(block.labels, block.cells, strict=True):
                fit(0, len(label) + 2)
                fit(1, _width(value))
        elif block.kind in ("facts", "table"):
            for n, label in enumerate(block.labels):
                fit(n, len(label) + 2)
            for cells in block.cells:
                for n, value in enumerate(cells):
                    fit(n, _width(value))
    return [widths[n] for n in range(max(widths, default=-1) + 1)]


def _width(value: Cell) -> float:
    if value.kind == "text":
        return max(len(line) for line in value.value.split("\n")) + 2
    return WIDTHS.get(value.kind, NARROWEST)


def _styles(workbook, lang: str) -> dict:
    top = {"valign": "top"}
    return {
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "heading": workbook.add_format({"bold": True, "font_size": 12}),
        "label": workbook.add_format({**top, "bold": True, "text_wrap": True}),
        "header": workbook.add_format({**top, "bold": True, "text_wrap": True, "bottom": 1, "bg_color": "#F2F2F2"}),
        "commentary": workbook.add_format({**top, "text_wrap": True}),
        "note": workbook.add_format({"italic": True}),
        "text": workbook.add_format(top),
        "wrapped": workbook.add_format({**top, "text_wrap": True}),
        "number": workbook.add_format(top),
        "money": workbook.add_format({**top, "num_format": MONEY_FORMATS[lang]}),
        "percent": workbook.add_format({**top, "num_format": PERCENT_FORMAT}),
        "date": workbook.add_format({**top, "num_format": DATE_FORMATS[lang]}),
        "month": workbook.add_format({**top, "num_format": MONTH_FORMATS[lang]}),
        "moment": workbook.add_format({**top, "num_format": f"{DATE_FORMATS[lang]} hh:mm"}),
        "moment_left": workbook.add_format({**top, "num_format": f"{DATE_FORMATS[lang]} hh:mm", "align": "left"}),
    }


def _naive(content: PackContent, *, clock: bool = False):
    """The cut-off as Excel takes a time: without a zone, in UTC (the workbook's date) or on the pack's clock."""
    moment = on_clock(content.cut_off, content.time_zone) if clock else on_clock(content.cut_off, "UTC")
    return moment.replace(tzinfo=None)


FORMATS["xlsx"] = PackFormat(code="xlsx", mime=XLSX_MIME, draw=draw_xlsx)
