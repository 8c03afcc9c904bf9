"""Spreadsheet exports: one sheet of typed cells as an XLSX file, formula-safe, the same in Dutch and English Excel.

Why XLSX and not CSV: a CSV file has no separator both locales split on by a double click (Dutch Excel expects
`;`, English Excel `,`), a `sep=` line makes Excel ignore the byte-order mark and mangle é and €, and its
numbers and dates are read in the opener's locale (1234.56 becomes 123456 in Dutch Excel). An XLSX cell is
typed: an amount is a number shown with the opener's own separators, a date is a date, a title is text.

Formula safety twice over: text is always written as a string cell (never parsed as a formula, URL or number),
and text that a spreadsheet would run as a formula after an edit or a re-save as CSV is prefixed with `'`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import xlsxwriter

# Excel (and LibreOffice) read a cell starting with one of these as a formula, even from a quoted CSV field;
# control characters can hide such a start behind a line break.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
KINDS = frozenset({"text", "money", "date", "moment", "percent", "number"})
# Number formats are stored in Excel's neutral notation; Excel shows them with the opener's separators.
FORMATS = {
    "money": '"€" #,##0.00;-"€" #,##0.00',
    "percent": "0%",
    "moment": "yyyy-mm-dd hh:mm:ss",  # audit moments: unambiguous in every locale, and sortable as text too
}
DATE_FORMATS = {"en": "d mmm yyyy", "nl": "dd-mm-yyyy"}  # as on screen: 5 Mar 2026, 05-03-2026
WIDTHS = {"text": 28, "money": 15, "date": 13, "moment": 20, "percent": 10, "number": 10}  # characters
SHEET_NAME_MAX = 31  # Excel's limit on a worksheet name
SHEET_NAME_FORBIDDEN = frozenset("[]:*?/\\")  # characters Excel refuses in a worksheet name
# Text is written as text: never parsed as a formula, a link or a number.
WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def formula_safe(value: object) -> object:
    """`value`, with a text that a spreadsheet would run as a formula prefixed by `'` (shown as text)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def euros(cents: int) -> Decimal:
    """Integer cents as exact euros."""
    return Decimal(int(cents)) / 100


@dataclass(frozen=True)
class Column:
    """One column: its header (in the reader's language) and the kind of its cells (one of KINDS)."""

    header: str
    kind: str = "text"
    wide: bool = False  # long text (reasons, lessons, changes): a wider column

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown cell kind {self.kind!r}")


@dataclass(frozen=True)
class Sheet:
    """A table to export: typed values per row (str, int, Decimal, date, datetime or None for empty)."""

    name: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[object]]
    language: str = "en"  # how dates are shown


def to_xlsx(sheet: Sheet) -> bytes:
    """The sheet as an XLSX workbook: a bold, frozen header row with filters, then one row per record."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, **WORKBOOK_OPTIONS})
    worksheet = workbook.add_worksheet(_sheet_name(sheet.name))
    formats = {kind: workbook.add_format({"num_format": code, "valign": "top"}) for kind, code in FORMATS.items()}
    formats["date"] = workbook.add_format({"num_format": DATE_FORMATS[sheet.language], "valign": "top"})
    formats["text"] = formats["number"] = workbook.add_format({"valign": "top"})
    header = workbook.add_format({"bold": True, "bottom": 1})
    for number, column in enumerate(sheet.columns):
        worksheet.write_string(0, number, str(formula_safe(column.header)), header)
        worksheet.set_column(number, number, 60 if column.wide else WIDTHS[column.kind])
    for row_number, row in enumerate(sheet.rows, start=1):
        for number, (column, value) in enumerate(zip(sheet.columns, row, strict=True)):
            _write(worksheet, row_number, number, column.kind, value, formats[column.kind])
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, max(len(sheet.rows), 1), max(len(sheet.columns) - 1, 0))
    workbook.close()
    return buffer.getvalue()


def _write(worksheet, row: int, column: int, kind: str, value: object, cell_format) -> None:
    if value is None:
        worksheet.write_blank(row, column, None, cell_format)
    elif kind == "text":
        worksheet.write_string(row, column, str(formula_safe(str(value))), cell_format)
    elif kind == "percent":
        worksheet.write_number(row, column, float(Decimal(value) / 100), cell_format)
    elif kind in ("money", "number"):
        worksheet.write_number(row, column, float(value), cell_format)
    elif kind == "moment":
        worksheet.write_datetime(row, column, _utc_naive(value), cell_format)
    else:
        worksheet.write_datetime(row, column, value, cell_format)


def _utc_naive(moment: datetime) -> datetime:
    """Excel has no time zones: a moment is written in UTC (naive values from SQLite already are)."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _sheet_name(name: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join("_" if c in SHEET_NAME_FORBIDDEN else c for c in name).strip("'")
    return cleaned[:SHEET_NAME_MAX] or "Sheet1"
