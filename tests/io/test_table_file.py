"""Reading uploaded files (cxgov.io.table_file): text cells only, typed by content, refused files named."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from cxgov.errors import Number
from cxgov.i18n import TEXTS
from cxgov.io.table_file import FileProblem, TableFile, read_table

MB = 1024 * 1024
# No lone "\r": csv.writer leaves it unquoted when lines end in "\n", and then it does end a line.
CELL_TEXT = st.text(alphabet=st.sampled_from(list("abcXYZ 019éë€;,\t|\"'\n=+-@#.")), max_size=12)
HEADER = st.sampled_from(["Datum", "Score", "Kanaal", "Opmerking", "id", "Vraag"])  # few names: duplicates occur


def _read(data: bytes, name: str = "upload.csv", **kwargs) -> TableFile:
    return read_table(data, file_name=name, max_bytes=kwargs.pop("max_bytes", MB), **kwargs)


def _refused(data: bytes, name: str = "upload.csv", **kwargs) -> FileProblem:
    with pytest.raises(FileProblem) as refused:
        _read(data, name, **kwargs)
    assert refused.value.key in TEXTS
    return refused.value


def _lines_in(text: str) -> int:
    return len(io.StringIO(text, newline="").readlines())


@st.composite
def csv_files(draw):
    """A table written as Excel and other tools write it, with the cells and row numbers a reader must see."""
    delimiter = draw(st.sampled_from([";", ",", "\t", "|"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    newline = draw(st.sampled_from(["\r\n", "\n"]))
    width = draw(st.integers(2, 5))
    header = draw(st.lists(HEADER, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(CELL_TEXT, min_size=width, max_size=width), max_size=8))
    blank_after = draw(st.sets(st.integers(0, len(rows))))
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, quoting=quoting, lineterminator=newline)
    writer.writerow(header)
    expected, numbers = [], []
    for index, row in enumerate(rows):
        if index in blank_after:
            out.write(newline)
        start = _lines_in(out.getvalue()) + 1
        writer.writerow(row)
        if any(cell.strip() for cell in row):
            expected.append([cell.strip() for cell in row])
            numbers.append(start)
    encodings = ["utf-8", "utf-8-sig"] + (["cp1252"] if _encodable(out.getvalue(), "cp1252") else [])
    encoding = draw(st.sampled_from(encodings))
    data = out.getvalue().encode(encoding)
    if encoding == "cp1252" and _decodable(data, "utf-8"):
        encoding = "utf-8"  # plain ASCII: the same bytes in both, read as UTF-8
    return data, delimiter, encoding, header, expected, numbers


def _decodable(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@settings(max_examples=300, deadline=None, database=None)  # no example database left in the checkout
@given(csv_files())
def test_any_csv_reads_back_as_its_text(written):
    data, delimiter, encoding, header, expected, numbers = written
    if not expected:
        assert _refused(data).key == "import.file.no_rows"
        return
    table = _read(data)
    assert (table.kind, table.delimiter, table.encoding) == ("csv", delimiter, encoding)
    assert table.header_rows == [header]
    assert table.rows == expected
    assert table.row_numbers == numbers
    assert table.formula_cells == [] and table.long_rows == []


@settings(max_examples=300, deadline=None, database=None)
@given(st.binary(max_size=400) | st.text(max_size=200).map(lambda text: text.encode("utf-8")))
def test_any_bytes_are_read_or_refused_with_a_reason(data):
    try:
        table, key = _read(data, max_bytes=300), None
    except FileProblem as problem:
        table, key = None, problem.key
    assert key in TEXTS if table is None else len(table.rows) == len(table.row_numbers) > 0
    assert table is None or all(len(row) == len(table.header_rows[0]) for row in table.rows)


def test_a_dutch_excel_file_with_decimal_commas_is_split_on_semicolons():
    data = "Datum;Score;Opmerking\r\n01-02-2025;7,5;Goed\r\n02-02-2025;8;Prima, snel\r\n03-02-2025;6,5;Matig\r\n"
    table = _read(data.encode("cp1252"))
    assert table.delimiter == ";" and table.encoding == "utf-8"  # plain ASCII decodes as UTF-8 too
    assert table.rows[0] == ["01-02-2025", "7,5", "Goed"]
    assert table.rows[1] == ["02-02-2025", "8", "Prima, snel"]


def test_windows_1252_text_is_decoded_when_it_is_not_utf8():
    table = _read("Kanaal;Opmerking\nWinkel;Café, € 12,50 terug, reünie\n".encode("cp1252"))
    assert table.encoding == "cp1252"
    assert table.rows == [["Winkel", "Café, € 12,50 terug, reünie"]]


def test_a_byte_order_mark_is_not_part_of_the_first_header():
    table = _read("\ufeffDatum,Score\n2025-01-01,9\n".encode())
    assert (table.encoding, table.header_rows) == ("utf-8-sig", [["Datum", "Score"]])


def test_row_numbers_name_the_file_lines_past_blank_lines_and_multiline_fields():
    data = b'Datum;Opmerking\n\n2025-01-01;"Twee\nregels"\n;\n2025-01-02;"a;b"\n'
    table = _read(data)
    assert table.rows == [["2025-01-01", "Twee\nregels"], ["2025-01-02", "a;b"]]
    assert table.row_numbers == [3, 6]


def test_formula_looking_text_stays_text():
    table = _read(b"Opmerking,Telefoon\n=SUM(A1),+31 6 12345678\n@x,-2+3\n")
    assert table.rows == [["=SUM(A1)", "+31 6 12345678"], ["@x", "-2+3"]]


def test_rows_are_fitted_to_the_header_and_text_past_it_is_reported():
    table = _read(b"a;b;;\n1\n1;2;3\n4;5;;\n")
    assert table.header_rows == [["a", "b"]]
    assert table.rows == [["1", ""], ["1", "2"], ["4", "5"]]
    assert table.long_rows == [3]


def test_several_header_rows():
    table = _read(b"id,Q1\nResponse id,How likely\nx,y\nR1,9\n", header_rows=3)
    assert table.header_rows == [["id", "Q1"], ["Response id", "How likely"], ["x", "y"]]
    assert (table.rows, table.row_numbers) == ([["R1", "9"]], [4])


def test_a_huge_field_is_refused_naming_its_line():
    data = b"a;b\n1;2\n3;" + b"x" * 200_000 + b"\n"
    problem = _refused(data)
    assert (problem.key, problem.params) == ("import.file.bad_line", {"line": 3})


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "import.file.empty"),
        (b"\r\n\r\n", "import.file.empty"),
        (b"Datum;Score\n", "import.file.no_rows"),
        (b"%PDF-1.7\n...", "import.file.not_a_table"),
        (b"\x89PNG\r\n\x1a\n", "import.file.not_a_table"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "import.file.old_excel"),
        (b"a;b\n1;\x002\n", "import.file.not_a_table"),
        (b"a;b\n\x81\x8d;\x90\n", "import.file.cannot_decode"),  # bytes Windows-1252 leaves undefined
        (b"PK\x03\x04broken", "import.file.not_a_table"),
    ],
)
def test_files_that_are_not_tables_are_refused(data, key):
    assert _refused(data).key == key


def test_a_file_over_the_limit_is_refused_with_the_limit_in_megabytes():
    problem = _refused(b"a;b\n" * (MB // 2 + 1), max_bytes=2 * MB)
    assert (problem.key, problem.params) == ("import.file.too_large", {"limit_mb": 2.0})


def _xlsx(rows, formula: str | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if formula:
        sheet["C2"] = formula
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_rows_beyond_the_limit_are_refused_naming_it_and_the_limit_itself_is_read(kind):
    """Short rows packed into the size limit would hold the server's memory: the row limit stops the reading."""

    def file(rows: int) -> bytes:
        lines = [["Datum", "Score"], *([["03-02-2025", "9"]] * rows)]
        return "\n".join(";".join(line) for line in lines).encode() if kind == "csv" else _xlsx(lines)

    assert len(_read(file(3), max_rows=3).rows) == 3
    assert len(_read(file(3), max_rows=2, header_rows=2).rows) == 2  # header rows do not count
    problem = _refused(file(4), max_rows=3)
    assert (problem.key, problem.params) == ("import.file.too_many_rows", {"limit": Number(3)})


def test_an_xlsx_is_read_as_text_whatever_its_name():
    data = _xlsx(
        [
            ["Datum", "Score", "Opmerking"],
            [datetime(2025, 3, 31, 23, 30), 7.0, None],
            [date(2025, 4, 1), 7.5, "Prima"],
            [datetime(2025, 4, 2), 0.1 + 0.2, 12345678],
        ]
    )
    table = _read(data, "scores.csv")
    assert (table.kind, table.encoding, table.delimiter) == ("xlsx", None, None)
    assert table.rows == [
        ["2025-03-31 23:30:00", "7", ""],
        ["2025-04-01", "7.5", "Prima"],
        ["2025-04-02", "0.3", "12345678"],
    ]
    assert table.row_numbers == [2, 3, 4]


def test_a_formula_is_kept_as_text_and_flagged_never_evaluated():
    table = _read(_xlsx([["a", "b", "c"], [1, 2, None]], formula="=A2+B2"), "scores.xlsx")
    assert table.rows == [["1", "2", "=A2+B2"]]
    assert table.formula_cells == [(2, 2)]


def test_a_csv_named_xlsx_is_read_as_csv():
    assert _read(b"a;b\n1;2\n", "scores.xlsx").kind == "csv"


def test_a_zip_without_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("word/document.xml", "<w/>")
        package.writestr("[Content_Types].xml", "<Types/>")
    assert _refused(out.getvalue(), "scores.xlsx").key == "import.file.not_a_table"


def test_a_zip_bomb_is_refused_before_it_is_opened():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
        package.writestr("xl/worksheets/sheet1.xml", b"0" * (30 * MB))
    data = out.getvalue()
    assert len(data) < MB
    assert _refused(data, "scores.xlsx").key == "import.file.unpacks_too_large"


def test_a_damaged_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types")
        package.writestr("xl/workbook.xml", "not xml")
    assert _refused(out.getvalue(), "scores.xlsx").key == "import.file.broken_xlsx"
