"""An aggregated-readings file (business KPIs, contact volumes, external studies) read into the readings an import
would add, with every problem named by its row.

Pure: no database. One row is one reading: KPI (code or name), period (a month), value, n and source. Each is
checked by the rule every other path that writes a reading keeps (cxgov.rules.kpi_numbers), and against the
readings already stored: the same reading again is known and skipped, a different value for a month and source
that already has one is a problem (a correction is made in Admin → KPIs, with its reason, never by a file).
Readings files are small (one row per KPI and month), so rows are read one by one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from cxgov.errors import Number
from cxgov.io.catalogue import Catalogue
from cxgov.io.columns import READING_FIELDS, Mapping, detect_mapping, normalise
from cxgov.io.dutch_values import DateFormat, ValueProblem, date_format_of, parse_number
from cxgov.io.months import parse_month
from cxgov.io.problems import Problem
from cxgov.io.table_file import TableFile
from cxgov.models.measurement import COMPUTED_SOURCE
from cxgov.rules.kpi_numbers import KpiScale, reading_problems

REQUIRED = ("kpi", "period", "value")
SOURCE_LIMIT = 80  # a reading's source as stored (the column's width)
# Values read from a file and from the database may differ in their last bits (a float read back from either
# database); anything closer than this is the same number typed twice.
SAME = 1e-9
Key = tuple[int, date, str]  # KPI id, month, source: what a live reading is unique on
Stored = dict[Key, tuple[float, int | None]]  # the live readings' value and n
_RULE_FIELDS = {"sample_size": "n"}  # the rule's field names as the file's


@dataclass(frozen=True)
class ReadingOptions:
    """The choices a user makes in the preview (or on the command line)."""

    columns: dict[str, int | None] = field(default_factory=dict)  # field → column index (None: not in the file)


@dataclass(frozen=True)
class PlannedReading:
    """One reading of the file, as it would be stored."""

    row: int
    kpi_id: int
    period: date
    value: float
    sample_size: int | None
    source: str


@dataclass
class ReadingPlan:
    """What importing the file would add, what is known already, and why it cannot be imported yet."""

    mapping: Mapping
    columns: dict[str, int]
    date_format: DateFormat | None  # how full dates in the period column are read (None: the file has none)
    readings: list[PlannedReading]  # new readings, only from rows without problems
    known: list[PlannedReading]  # rows that repeat a live reading exactly: skipped
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self, catalogue: Catalogue) -> pd.DataFrame:
        """New readings per KPI and month: what the import adds."""
        codes = {kpi.id: kpi.code for kpi in catalogue.kpis}
        frame = pd.DataFrame(
            [(codes[r.kpi_id], r.period) for r in self.readings], columns=["kpi", "period"], dtype=object
        )
        return frame.groupby(["kpi", "period"]).size().reset_index(name="rows")


def plan_readings(
    table: TableFile,
    catalogue: Catalogue,
    scales: dict[int, KpiScale],
    stored: Stored,
    options: ReadingOptions,
    *,
    today: date,
) -> ReadingPlan:
    """Read every row of `table` against the KPIs (`scales` by id) and the live readings: the readings an import
    adds, the ones it already has, or every problem."""
    headers = table.header_rows[-1] if table.header_rows else []
    mapping = detect_mapping(headers, READING_FIELDS, required=REQUIRED)
    columns = {name: index for name, index in {**mapping.columns, **options.columns}.items() if index is not None}
    periods = [cells[columns["period"]] for cells in table.rows] if "period" in columns else []
    date_format = date_format_of(periods) if any(_is_date(text) for text in periods) else None
    formulas = {number for number, _ in table.formula_cells}
    index = catalogue.kpi_index()
    first_rows: dict[Key, int] = {}
    readings, known, problems = [], [], _file_problems(mapping, columns)
    if any(problem.row == 0 and problem.key == "import.column.missing" for problem in problems):
        return ReadingPlan(mapping, columns, date_format, [], [], problems)
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        found: list[Problem] = []
        reading = _reading(number, cells, columns, index, scales, date_format or _DAY_FIRST, today, found)
        if number in formulas:
            found.append(Problem(number, "file", "import.cell.formula"))
        if reading is not None:
            key = (reading.kpi_id, reading.period, reading.source)
            if key in first_rows:
                found.append(Problem(number, "period", "import.reading.repeated", {"first_row": first_rows[key]}))
            first_rows.setdefault(key, number)
            held = stored.get(key)
            if held is not None and not _same(reading, held):
                found.append(_conflict(reading, held))
            if not found:
                (readings if held is None else known).append(reading)
        problems += found
    return ReadingPlan(mapping, columns, date_format, readings, known, problems)


_DAY_FIRST = DateFormat("dmy", "import.date_format.day_month_year_assumed", {})


def _is_date(text: str) -> bool:
    """A full date (three parts), as opposed to a month (2025-03, mrt 2025)."""
    return sum(text.count(mark) for mark in "-/.") >= 2


def _file_problems(mapping: Mapping, columns: dict[str, int]) -> list[Problem]:
    """What is wrong with the file as a whole (row 0): a required column missing, a header given twice."""
    return [Problem(0, name, "import.column.missing", {"field": name}) for name in REQUIRED if name not in columns] + [
        Problem(0, "columns", "import.column.duplicate", {"header": h}) for h in mapping.duplicate_headers
    ]


def _cell(cells: list[str], columns: dict[str, int], name: str) -> str:
    return cells[columns[name]].strip() if name in columns else ""


def _reading(number, cells, columns, index, scales, date_format, today, found: list[Problem]) -> PlannedReading | None:
    """The row as a reading, or None with its problems added to `found`."""
    kpi_text = _cell(cells, columns, "kpi")
    kpi = index.get(normalise(kpi_text)) if kpi_text else None
    if kpi is None:
        key = "import.kpi.unknown" if kpi_text else "import.kpi.empty"
        found.append(Problem(number, "kpi", key, {"text": kpi_text}))
    period = _parsed(
        number, "period", _cell(cells, columns, "period"), lambda text: parse_month(text, date_format), found
    )
    value = _parsed(number, "value", _cell(cells, columns, "value"), parse_number, found)
    sample_size = _sample_size(number, _cell(cells, columns, "n"), found)
    source = _cell(cells, columns, "source")
    if source.casefold() == COMPUTED_SOURCE:
        found.append(Problem(number, "source", "measurement.error.source_reserved", {"source": COMPUTED_SOURCE}))
    elif len(source) > SOURCE_LIMIT:
        found.append(Problem(number, "source", "import.text.too_long", {"limit": SOURCE_LIMIT}))
    if kpi is None or value is None or period is None or any(problem.field == "n" for problem in found):
        return None
    rules = reading_problems(scales[kpi.id], value=value, sample_size=sample_size, period=period, today=today)
    found += [Problem(number, _RULE_FIELDS.get(name, name), *problem) for name, problem in rules.items()]
    return PlannedReading(number, kpi.id, period, value, sample_size, source)


def _parsed(number: int, name: str, text: str, parse, found: list[Problem]):
    """`parse(text)`, or None with the problem (an empty cell: "import.<name>.empty") added to `found`."""
    if not text:
        found.append(Problem(number, name, f"import.{name}.empty"))
        return None
    try:
        return parse(text)
    except ValueProblem as problem:
        found.append(Problem(number, name, problem.key, problem.params))
        return None


def _sample_size(number: int, text: str, found: list[Problem]) -> int | None:
    """n as a whole number; None when the cell is empty, or cannot be read (the problem added to `found`)."""
    if not text:
        return None
    try:
        value = parse_number(text)
    except ValueProblem as problem:
        found.append(Problem(number, "n", problem.key, problem.params))
        return None
    if not float(value).is_integer():
        found.append(Problem(number, "n", "import.n.not_whole", {"text": text}))
        return None
    return int(value)


def _same(reading: PlannedReading, held: tuple[float, int | None]) -> bool:
    """The live reading of the month and source says what the row says (value and n)."""
    value, sample_size = held
    return math.isclose(value, reading.value, rel_tol=SAME, abs_tol=SAME) and sample_size == reading.sample_size


def _conflict(reading: PlannedReading, held: tuple[float, int | None]) -> Problem:
    """The month and source hold another reading: named with its value and n, corrected in Admin → KPIs."""
    value, sample_size = held
    if sample_size is None:
        return Problem(reading.row, "value", "import.reading.conflict_no_n", {"value": Number(value)})
    return Problem(reading.row, "value", "import.reading.conflict", {"value": Number(value), "n": Number(sample_size)})
