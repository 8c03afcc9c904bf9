"""An uploaded CSV or XLSX file as a table of text cells: typed by its content, decoded strictly, never evaluated.

A refused file raises FileProblem (a message key and its parameters); everything in a file that is read is text,
so the importers decide what a cell means (cxgov.io.dutch_values) and which column is which (cxgov.io.columns).
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from cxgov.errors import Number

MEGABYTE = 1024 * 1024
# A sheet of text and numbers packs about 5 to 10 times smaller into an XLSX; 20 times the upload limit lets every
# honest workbook through and refuses a zip bomb (a few KB that would unpack to gigabytes) before it is opened.
UNPACKED_RATIO = 20
DELIMITERS = (";", ",", "\t", "|")  # in order of preference on a tie: Dutch Excel writes ";"
SNIFF_RECORDS = 50  # records compared per candidate delimiter: enough to outvote a few odd lines
SNIFF_CHARS = 256 * 1024  # the start of the file the delimiter is judged on (50 records fit, unless fields are huge)
ENCODINGS = ("utf-8-sig", "utf-8", "cp1252")
# Signatures of binary files people upload by mistake; the old .xls and a password-protected .xlsx are OLE files.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")
ZIP_SIGNATURE = b"PK\x03\x04"
XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml")
# What openpyxl raises on a damaged workbook; both XML parsers' errors (lxml's, ElementTree's) are SyntaxErrors.
BROKEN_XLSX = (
    zipfile.BadZipFile,
    InvalidFileException,
    SyntaxError,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    OSError,
)


class FileProblem(Exception):
    """A file that cannot be read as a table: a message key (import.file.*) and its parameters."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


class _TooManyRows(Exception):
    """More rows than the reader was asked to take (read_table names the limit)."""


@dataclass(frozen=True)
class TableFile:
    """A file read as text: its header row(s), its data rows and where each row stands in the file."""

    kind: str
    encoding: str | None
    delimiter: str | None
    header_rows: list[list[str]]
    rows: list[list[str]]
    row_numbers: list[int]
    formula_cells: list[tuple[int, int]]
    sha256: str
    size: int
    # Row numbers of the data rows that had text beyond the header's last column (cut off to fit the header).
    long_rows: list[int] = field(default_factory=list)


def read_table(
    data: bytes, *, file_name: str, max_bytes: int, max_rows: int | None = None, header_rows: int = 1
) -> TableFile:
    """Read an uploaded file (CSV or XLSX, recognised by its content, not its name) as a table of text cells; a
    file of more than `max_rows` rows besides its header is refused as soon as the reading gets there."""
    if len(data) > max_bytes:
        raise FileProblem("import.file.too_large", limit_mb=round(max_bytes / MEGABYTE, 1))
    if not data.strip():
        raise FileProblem("import.file.empty", name=file_name)
    limit = None if max_rows is None else max_rows + header_rows
    try:
        if data.startswith(ZIP_SIGNATURE):
            kind, encoding, delimiter = "xlsx", None, None
            numbers, rows, formulas = _xlsx_records(data, file_name, max_bytes, limit)
        else:
            if data.startswith(OLE_SIGNATURE):
                raise FileProblem("import.file.old_excel", name=file_name)
            if data.startswith(BINARY_SIGNATURES) or b"\0" in data:
                raise FileProblem("import.file.not_a_table", name=file_name)
            encoding = _encoding(data, file_name)
            kind, delimiter, formulas = "csv", _sniff(data[:SNIFF_CHARS].decode(encoding, errors="ignore")), []
            # Decoded as it is read: the whole text at once (as a StringIO, four bytes a character) would take
            # several times the file's size on top of its rows.
            lines = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
            numbers, rows = _csv_records(lines, delimiter, limit)
    except _TooManyRows:
        raise FileProblem("import.file.too_many_rows", limit=Number(max_rows)) from None
    if len(rows) < header_rows:
        raise FileProblem("import.file.empty", name=file_name)
    if len(rows) == header_rows:
        raise FileProblem("import.file.no_rows", name=file_name)
    headers, rows, numbers = rows[:header_rows], rows[header_rows:], numbers[header_rows:]
    width = _header_width(headers)
    long_rows = []
    for index, cells in enumerate(rows):
        if len(cells) != width:
            if any(cells[width:]):
                long_rows.append(numbers[index])
            rows[index] = (cells + [""] * width)[:width]
    return TableFile(
        kind=kind,
        encoding=encoding,
        delimiter=delimiter,
        header_rows=[(cells + [""] * width)[:width] for cells in headers],
        rows=rows,
        row_numbers=numbers,
        formula_cells=[cell for cell in formulas if cell[1] < width],
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        long_rows=long_rows,
    )


def _header_width(headers: list[list[str]]) -> int:
    """The header's width: its last column with a name in any header row (trailing separators make no column)."""
    return max(max((i + 1 for i, name in enumerate(cells) if name), default=1) for cells in headers)


def _encoding(data: bytes, file_name: str) -> str:
    """The file's encoding: UTF-8 (with or without a byte order mark), else Windows-1252, each strictly."""
    for encoding in ENCODINGS:
        if encoding == "utf-8-sig" and not data.startswith(b"\xef\xbb\xbf"):
            continue
        try:
            data.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            continue
    raise FileProblem("import.file.cannot_decode", name=file_name)


def _field_counts(text: str, delimiter: str) -> list[int]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    counts: list[int] = []
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                counts.append(len(record))
                if len(counts) == SNIFF_RECORDS:
                    break
    except csv.Error:
        pass  # a broken line within the sample: judge on the lines before it; reading names it later
    return counts


def _sniff(text: str) -> str:
    """The delimiter that splits the header into columns and most lines into as many (a decimal comma in a
    ";" file splits some lines differently from the header, so "," loses there)."""
    best, best_score = DELIMITERS[0], (0.0, 0)
    for delimiter in DELIMITERS:
        counts = _field_counts(text, delimiter)
        if not counts or counts[0] < 2:
            continue
        score = (sum(count == counts[0] for count in counts) / len(counts), counts[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_records(lines: Iterable[str], delimiter: str, limit: int | None) -> tuple[list[int], list[list[str]]]:
    """The line number where each record that is not blank starts, and its stripped cells (one tight loop: this
    is where a million rows spend their time)."""
    reader = csv.reader(lines, delimiter=delimiter)
    numbers: list[int] = []
    rows: list[list[str]] = []
    end = 0
    # A million rows are millions of new lists and strings, none in a reference cycle: the cycle collector would
    # walk them again and again (a third of the reading time), so it waits until the loop is done.
    collecting = gc.isenabled()
    gc.disable()
    # A column of a million rows holds a few thousand distinct values (dates, scores, segments): each is kept once
    # (csv makes a new string per cell; ten million small strings would take most of a gigabyte).
    shared = {}
    once = shared.setdefault
    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            cells = [once(cell, cell) for cell in map(str.strip, record)]
            if any(cells):
                numbers.append(start)
                rows.append(cells)
                if limit is not None and len(rows) > limit:
                    raise _TooManyRows
    except csv.Error as error:
        # csv's field size limit (128 KB, process-wide, left as is) or a line it cannot split.
        raise FileProblem("import.file.bad_line", line=end + 1) from error
    finally:
        if collecting:
            gc.enable()
    return numbers, rows


def _xlsx_records(
    data: bytes, file_name: str, max_bytes: int, limit: int | None
) -> tuple[list[int], list[list[str]], list]:
    """The first sheet's non-blank rows as text (row numbers, cells), and the cells that held a formula."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            unpacked = sum(info.file_size for info in package.infolist())
    except zipfile.BadZipFile as error:
        raise FileProblem("import.file.not_a_table", name=file_name) from error
    if not all(part in names for part in XLSX_PARTS):
        raise FileProblem("import.file.not_a_table", name=file_name)
    # zipfile holds each part to its stated size, so the stated sizes bound what opening the package costs.
    if unpacked > UNPACKED_RATIO * max_bytes:
        raise FileProblem("import.file.unpacks_too_large", limit_mb=round(UNPACKED_RATIO * max_bytes / MEGABYTE))
    numbers: list[int] = []
    rows: list[list[str]] = []
    formulas: list[tuple[int, int]] = []
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            if workbook.worksheets:
                _read_sheet(workbook.worksheets[0], numbers, rows, formulas, limit)
        finally:
            workbook.close()
    except BROKEN_XLSX as error:
        raise FileProblem("import.file.broken_xlsx", name=file_name) from error
    return numbers, rows, formulas


def _read_sheet(
    sheet, numbers: list[int], rows: list[list[str]], formulas: list[tuple[int, int]], limit: int | None
) -> None:
    sheet.reset_dimensions()  # a sheet's stated size may be missing or wrong: read what is there
    for count, row in enumerate(sheet.iter_rows(), start=1):
        number = next((cell.row for cell in row if getattr(cell, "row", None)), count)
        cells = []
        for column, cell in enumerate(row):
            if getattr(cell, "data_type", None) == "f":
                formulas.append((number, column))
            cells.append(cell_text(cell.value))
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            numbers.append(number)
            rows.append(cells)
            if limit is not None and len(rows) > limit:
                raise _TooManyRows


def cell_text(value) -> str:
    """A spreadsheet value as text: ISO dates, numbers without float noise, nothing for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        value = value.replace(tzinfo=None, microsecond=0)
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float):
        return format(value, ".15g")  # a spreadsheet keeps 15 significant digits: 7.0 → "7", 0.1+0.2 → "0.3"
    return str(value).strip()
