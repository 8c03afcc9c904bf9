"""A survey-responses file read into what an import would store, with every problem named by its row.

Pure: no database. The file is a table of text (cxgov.io.table_file), one row per answer (a survey tool's export
is turned into that shape first, cxgov.io.survey_presets). Each column is parsed once per distinct value, not per
row, so a million rows with a few thousand distinct dates, scores and segments take seconds. Nothing here writes:
a plan without problems is what confirming stores.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from cxgov.io.catalogue import LISTED, Catalogue
from cxgov.io.columns import SURVEY_FIELDS, Mapping, detect_mapping, normalise
from cxgov.io.dutch_values import DateFormat, ValueProblem, date_format_of, parse_date, parse_number
from cxgov.io.problems import Problem
from cxgov.io.redact import redact
from cxgov.io.table_file import TableFile
from cxgov.rules.kpi_engine import SCORING

REQUIRED = ("date", "score")  # and a KPI: a column, or one KPI chosen for the whole file
TEXT_LIMIT = 80  # touchpoint and store/region as stored (the columns' width)
COMMENT_LIMIT = 4000  # a survey comment longer than this is cut, with a problem-free note in the preview
STORED = (
    "kpi_id",
    "responded_on",
    "period",
    "score",
    "channel_id",
    "journey_stage_id",
    "department_id",
    "touchpoint",
    "region",
    "comment",
    "response_key",
)
_ID_COLUMNS = {"channel": "channel_id", "journey_stage": "journey_stage_id", "department": "department_id"}


@dataclass(frozen=True)
class ImportOptions:
    """The choices a user makes in the preview (or on the command line)."""

    columns: dict[str, int | None] = field(default_factory=dict)  # field → column index (None: not in the file)
    kpi_code: str | None = None  # every row answers this KPI (a file without a KPI column)
    value_maps: dict[str, dict[str, int]] = field(default_factory=dict)  # dimension → file value → list value id
    redact_comments: bool = True


@dataclass
class ResponsePlan:
    """What importing the file would store, and why it cannot yet."""

    mapping: Mapping
    columns: dict[str, int]
    date_format: DateFormat | None
    rows: pd.DataFrame  # STORED columns plus "row" (the file's row number), only rows without problems
    problems: list[Problem]
    unknown_values: dict[str, dict[str, int]]  # dimension → value not in its list → rows
    skipped: int  # rows without a score: a skipped question, left out like the engine leaves it out
    redacted: int  # comments in which personal data was replaced

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self, catalogue: Catalogue) -> pd.DataFrame:
        """Rows per KPI and month: what the import adds to each figure."""
        codes = {kpi.id: kpi.code for kpi in catalogue.kpis}
        grouped = self.rows.groupby(["kpi_id", "period"]).size().reset_index(name="rows")
        return grouped.assign(kpi=grouped["kpi_id"].map(codes))[["kpi", "period", "rows"]]


def _column(frame: pd.DataFrame, columns: dict[str, int], name: str) -> pd.Series:
    return frame[columns[name]].astype(str).str.strip() if name in columns else pd.Series("", index=frame.index)


def _per_value(values: pd.Series, function) -> pd.Series:
    """`function` of each row's value, computed once per distinct value (a million rows hold few distinct ones)."""
    return values.map({value: function(value) for value in values.unique()})


def _parsed(values: pd.Series, parse) -> tuple[pd.Series, pd.Series]:
    """`parse` applied once per distinct value: (results, problems as (key, params) or None)."""
    results, problems = {}, {}
    for value in values.unique():
        try:
            results[value], problems[value] = parse(value), None
        except ValueProblem as problem:
            results[value], problems[value] = None, (problem.key, problem.params)
    return values.map(results), values.map(problems)


def _whole_score(text: str) -> float | None:
    number = parse_number(text)
    if number is not None and not float(number).is_integer():
        raise ValueProblem("import.score.not_whole", text=text)
    return number


# A kind of problem: the rows that have it, the field, and its message for one row (asked only for those rows).
Found = tuple[pd.Series, str, Callable[[int], tuple[str, dict]]]


def plan_responses(table: TableFile, catalogue: Catalogue, options: ImportOptions, *, today: date) -> ResponsePlan:
    """Read every row of `table` against the catalogue: the rows an import stores, or every problem (an answer
    dated after `today` among them)."""
    headers = table.header_rows[-1] if table.header_rows else []
    mapping = detect_mapping(headers, SURVEY_FIELDS, required=REQUIRED)
    columns = {name: index for name, index in {**mapping.columns, **options.columns}.items() if index is not None}
    if not table.rows:  # a survey tool's export before any question is given a KPI
        problems = _file_problems(mapping, columns, options, catalogue)
        empty = pd.DataFrame(columns=[*STORED, "row"])
        return ResponsePlan(mapping, columns, None, empty, problems, unknown_values={}, skipped=0, redacted=0)
    frame = pd.DataFrame(table.rows, dtype=object).fillna("")
    numbers = pd.Series(table.row_numbers, index=frame.index, dtype="int64")
    found: list[Found] = []

    kpi_ids = _kpis(frame, columns, catalogue, options, found)
    score_text = _column(frame, columns, "score")
    skipped = score_text == ""
    scores, score_problems = _parsed(score_text, _whole_score)
    found.append((score_problems.notna(), "score", score_problems.__getitem__))
    found.append(_outside_scale(scores, kpi_ids, catalogue, score_text))
    days, date_format = _dates(frame, columns, today, found)
    stored = pd.DataFrame({"kpi_id": kpi_ids, "score": scores, "responded_on": days}, index=frame.index)
    unknown_values = _segments(frame, columns, catalogue, options, stored, found)
    stored["comment"], redacted = _comments(_column(frame, columns, "comment"), options.redact_comments)
    found += _formulas(table, numbers)

    bad = pd.Series(False, index=frame.index)
    problems: list[Problem] = []
    for mask, name, describe in found:
        mask = mask.fillna(False).astype(bool) & ~skipped  # a skipped answer has nothing to refuse
        bad |= mask
        problems += [Problem(int(numbers[i]), name, *describe(i)) for i in mask[mask].index]
    keep = ~bad & ~skipped & stored["kpi_id"].notna()
    rows = _finish(stored[keep].assign(row=numbers[keep]), _column(frame, columns, "response_id")[keep])
    problems += _repeated_ids(rows)
    problems.sort(key=lambda p: (p.row, p.field))
    return ResponsePlan(
        mapping=mapping,
        columns=columns,
        date_format=date_format,
        rows=rows,
        problems=_file_problems(mapping, columns, options, catalogue) + problems,
        unknown_values=unknown_values,
        skipped=int(skipped.sum()),
        redacted=redacted,
    )


def _file_problems(
    mapping: Mapping, columns: dict[str, int], options: ImportOptions, catalogue: Catalogue
) -> list[Problem]:
    """What is wrong with the file as a whole (row 0): a missing column, a KPI for all rows that does not exist."""
    problems = [Problem(0, name, "import.column.missing", {"field": name}) for name in REQUIRED if name not in columns]
    if options.kpi_code is None and "kpi" not in columns:
        problems.append(Problem(0, "kpi", "import.column.no_kpi", {}))
    if options.kpi_code is not None and normalise(options.kpi_code) not in catalogue.kpi_index():
        problems.append(Problem(0, "kpi", "import.kpi.unknown", {"text": options.kpi_code}))
    return problems + [
        Problem(0, "columns", "import.column.duplicate", {"header": h}) for h in mapping.duplicate_headers
    ]


def _kpis(frame, columns, catalogue: Catalogue, options: ImportOptions, found: list[Found]) -> pd.Series:
    """Each row's KPI id (NaN where unknown): the KPI chosen for the file, or the row's KPI by code or name."""
    index = catalogue.kpi_index()
    if options.kpi_code is not None or "kpi" not in columns:
        kpi = index.get(normalise(options.kpi_code or ""))
        return pd.Series(kpi.id if kpi else np.nan, index=frame.index, dtype="float64")
    text = _column(frame, columns, "kpi")
    ids = _per_value(text, lambda value: getattr(index.get(normalise(value)), "id", np.nan)).astype("float64")
    found.append((ids.isna(), "kpi", lambda i: ("import.kpi.unknown", {"text": text[i]})))
    return ids


def _outside_scale(scores: pd.Series, kpi_ids: pd.Series, catalogue: Catalogue, text: pd.Series) -> Found:
    """A score outside its KPI's answer scale (NPS 0–10, CSAT 1–5, …) is an error, never dropped; so is an
    answer to a KPI no survey measures."""
    kpis = {kpi.id: kpi for kpi in catalogue.kpis}
    scales = {k: SCORING.get(kpi.kind) for k, kpi in kpis.items()}
    low = kpi_ids.map({k: s.scale_min for k, s in scales.items() if s}).astype("float64")
    high = kpi_ids.map({k: s.scale_max for k, s in scales.items() if s}).astype("float64")
    not_survey = kpi_ids.notna() & low.isna()
    numeric = pd.to_numeric(scores, errors="coerce")
    outside = numeric.notna() & ((numeric < low) | (numeric > high))

    def describe(i: int) -> tuple[str, dict]:
        kpi = kpis[kpi_ids[i]]
        if not_survey[i]:
            return "import.score.not_a_survey_kpi", {"kpi": kpi.name}
        return "import.score.outside", {"text": text[i], "low": int(low[i]), "high": int(high[i]), "kpi": kpi.name}

    return (outside | not_survey, "score", describe)


def _dates(frame, columns, today: date, found: list[Found]) -> tuple[pd.Series, DateFormat | None]:
    """Each row's date, read in the one order the whole column shows (a day/month mix-up is named per row); an
    answer cannot have been given after today (a month and day swapped, or a typo in the year)."""
    if "date" not in columns:
        return pd.Series(None, index=frame.index, dtype=object), None
    text = _column(frame, columns, "date")
    date_format = date_format_of(text.unique())

    def given_on(value: str) -> date:
        day = parse_date(value, date_format)
        if day > today:
            raise ValueProblem("import.date.future", text=value)
        return day

    days, problems = _parsed(text, given_on)
    found.append((text == "", "date", lambda i: ("import.date.empty", {})))
    found.append((problems.notna() & (text != ""), "date", problems.__getitem__))
    return days, date_format


def _segments(frame, columns, catalogue: Catalogue, options: ImportOptions, stored: pd.DataFrame, found: list[Found]):
    """Listed dimensions matched to their lists (or the user's mapping); free-text ones kept within their width.
    Returns the values that match nothing, per dimension, with their row counts."""
    unknown: dict[str, dict[str, int]] = {}
    for dimension in LISTED:
        text = _column(frame, columns, dimension)
        chosen = {normalise(value): target for value, target in options.value_maps.get(dimension, {}).items()}
        index = catalogue.list_index(dimension) | chosen
        ids = _per_value(text, lambda value, index=index: index.get(normalise(value)) if value else None)
        missing = ids.isna() & (text != "")
        if missing.any():
            unknown[dimension] = {str(k): int(v) for k, v in text[missing].value_counts().items()}
            found.append((missing, dimension, lambda i, d=dimension, t=text: (f"import.{d}.unknown", {"text": t[i]})))
        stored[_ID_COLUMNS[dimension]] = ids
    for name in ("touchpoint", "region"):
        text = _column(frame, columns, name)
        found.append((text.str.len() > TEXT_LIMIT, name, lambda i: ("import.text.too_long", {"limit": TEXT_LIMIT})))
        stored[name] = text
    return unknown


def _comments(text: pd.Series, redacting: bool) -> tuple[pd.Series, int]:
    """Comments cut to COMMENT_LIMIT and, when redacting, with personal data replaced (once per distinct text)."""
    cut = text.str.slice(0, COMMENT_LIMIT)
    if not redacting:
        return cut, 0
    results = {value: redact(value) if value else (value, []) for value in cut.unique()}
    return cut.map(lambda value: results[value][0]), int(cut.map(lambda value: bool(results[value][1])).sum())


def _formulas(table: TableFile, numbers: pd.Series) -> list[Found]:
    """A spreadsheet cell holding a formula is refused (cxgov never evaluates one)."""
    rows = {number for number, _ in table.formula_cells}
    if not rows:
        return []
    return [(numbers.isin(rows), "file", lambda i: ("import.cell.formula", {}))]


def _finish(rows: pd.DataFrame, response_ids: pd.Series) -> pd.DataFrame:
    """Types as stored, the month of each answer, and each answer's key: the file's response id where it has
    one, else a fingerprint of its content and its occurrence (identical answers in one file stay distinct, and
    a later export that holds them again matches them one to one)."""
    rows = rows.copy()
    rows["kpi_id"] = rows["kpi_id"].astype("int64")
    rows["score"] = rows["score"].astype("int64")
    rows["period"] = _per_value(rows["responded_on"], lambda day: day.replace(day=1))
    for column in _ID_COLUMNS.values():
        rows[column] = rows[column].astype("Int64")
    if rows.empty:
        return rows.assign(response_key=pd.Series(dtype=object))
    if (response_ids != "").all():
        rows["response_key"] = "id:" + response_ids.str.slice(0, 150)
        return rows
    segments = [rows[column].fillna(-1).astype("int64").astype(str) for column in _ID_COLUMNS.values()]
    content = rows["kpi_id"].astype(str) + "|" + rows["responded_on"].map(str) + "|" + rows["score"].astype(str)
    for part in (*segments, rows["touchpoint"], rows["region"], rows["comment"]):
        content = content + "|" + part
    occurrence = content.groupby(content).cumcount().astype(str)
    digests = [hashlib.blake2b(text.encode(), digest_size=16).hexdigest() for text in content]
    rows["response_key"] = "fp:" + pd.Series(digests, index=rows.index) + "#" + occurrence
    return rows


def _repeated_ids(rows: pd.DataFrame) -> list[Problem]:
    """A response id given twice for the same KPI in one file: which of the two is right cannot be told."""
    repeated = rows["response_key"].str.startswith("id:") & rows.duplicated(["kpi_id", "response_key"], keep="first")
    return [
        Problem(int(n), "response_id", "import.response_id.repeated", {"text": key[3:]})
        for n, key in zip(rows.loc[repeated, "row"], rows.loc[repeated, "response_key"], strict=True)
    ]
