"""Survey tools' exports (one row per respondent, one column per question, several header rows) turned into one
row per answer, the shape cxgov imports; columns with names, e-mail or location are never carried over."""

from __future__ import annotations

from dataclasses import dataclass, replace

from cxgov.io.columns import DIMENSION_FIELDS, field_of, normalise
from cxgov.io.dutch_values import DateFormat, ValueProblem, parse_date
from cxgov.io.table_file import TableFile

LONG_HEADERS = ["response_id", "date", "kpi", "score"]
# Headers that carry personal data in any tool's export: such a column is never a question nor a dimension.
PERSONAL = ("email", "e-mail", "e-mailadres", "email address", "first name", "last name", "voornaam", "achternaam")
PERSONAL += ("ip address", "ip-adres", "ipaddress", "name", "naam", "telefoon", "phone")


@dataclass(frozen=True)
class Preset:
    """How one survey tool lays out its export."""

    name: str
    header_rows: int
    id_headers: tuple[str, ...]  # the respondent's id, first found wins
    date_headers: tuple[str, ...]  # when the response was given, first found wins
    skip_headers: tuple[str, ...]  # never imported: the tool's bookkeeping and personal data
    text_rows: tuple[int, ...] = (1,)  # header rows whose text describes a question
    fill_forward: bool = False  # the first header row names a question once, over all of its columns
    date_order: str | None = None  # "mdy" where the tool writes month-first dates whatever the data shows
    ignored_texts: tuple[str, ...] = ()  # a text row's filler (e.g. "Response") that says nothing of the column


PRESETS: dict[str, Preset] = {
    "qualtrics": Preset(
        name="qualtrics",
        header_rows=3,  # column ids, question texts, {"ImportId": …}
        id_headers=("ResponseId", "ResponseID"),
        date_headers=("RecordedDate", "EndDate"),
        skip_headers=(
            "StartDate",
            "EndDate",
            "Status",
            "IPAddress",
            "Progress",
            "Duration (in seconds)",
            "Finished",
            "RecipientLastName",
            "RecipientFirstName",
            "RecipientEmail",
            "ExternalReference",
            "ExternalDataReference",
            "LocationLatitude",
            "LocationLongitude",
            "DistributionChannel",
            "UserLanguage",
            "Q_RecaptchaScore",
            "Q_RelevantIDDuplicate",
            "Q_RelevantIDDuplicateScore",
            "Q_RelevantIDFraudScore",
            "Q_RelevantIDLastStartDate",
        ),
    ),
    "surveymonkey": Preset(
        name="surveymonkey",
        header_rows=2,  # question texts, then the answer option of each column ("Response", "Open-Ended Response")
        id_headers=("Respondent ID",),
        date_headers=("End Date", "Start Date"),
        skip_headers=(
            "Collector ID",
            "Start Date",
            "End Date",
            "IP Address",
            "Email Address",
            "First Name",
            "Last Name",
            "Custom Data 1",
        ),
        text_rows=(0, 1),
        fill_forward=True,
        date_order="mdy",  # mm/dd/yyyy hh:mm:ss AM/PM
        ignored_texts=("Response", "Open-Ended Response"),
    ),
}


def _column_ids(table: TableFile, preset: Preset) -> list[str]:
    ids, last = [], ""
    for name in table.header_rows[0]:
        last = name or (last if preset.fill_forward else "")
        ids.append(last)
    return ids


def _texts(table: TableFile, preset: Preset) -> list[str]:
    ids = _column_ids(table, preset)
    texts = []
    for index in range(len(ids)):
        rows = [ids if row == 0 else table.header_rows[row] for row in preset.text_rows if row < len(table.header_rows)]
        parts = [row[index] for row in rows if row[index] and row[index] not in preset.ignored_texts]
        texts.append(" – ".join(dict.fromkeys(parts)))
    return texts


def _first(ids: list[str], names: tuple[str, ...]) -> int | None:
    wanted = [normalise(name) for name in names]
    found = [(wanted.index(normalise(name)), index) for index, name in enumerate(ids) if normalise(name) in wanted]
    return min(found)[1] if found else None


def _dimensions(table: TableFile, preset: Preset, taken: set[int]) -> dict[int, str]:
    """Columns that are a dimension (channel, store, comment…), with the header that says so."""
    ids, texts = _column_ids(table, preset), _texts(table, preset)
    found: dict[int, str] = {}
    for index, (column_id, text) in enumerate(zip(ids, texts, strict=True)):
        if index not in taken:
            header = next((name for name in (column_id, text) if field_of(name, DIMENSION_FIELDS)), None)
            if header:
                found[index] = header
    return found


def _excluded(table: TableFile, preset: Preset) -> set[int]:
    ids = _column_ids(table, preset)
    skipped = {normalise(name) for name in (*preset.skip_headers, *PERSONAL)}
    return {index for index, name in enumerate(ids) if normalise(name) in skipped}


def question_columns(table: TableFile, preset: Preset) -> list[tuple[int, str, str]]:
    """(index, column id, question text) of the columns that may hold answers to map to KPIs."""
    ids, texts = _column_ids(table, preset), _texts(table, preset)
    taken = {_first(ids, preset.id_headers), _first(ids, preset.date_headers)} | _excluded(table, preset)
    taken |= set(_dimensions(table, preset, taken))
    return [(index, ids[index], texts[index]) for index in range(len(ids)) if index not in taken and ids[index]]


def _date_text(text: str, preset: Preset) -> str:
    """The tool's own date order made explicit (ISO), so the column cannot be misread; unreadable text stays."""
    if not preset.date_order:
        return text
    try:
        return parse_date(text, DateFormat(preset.date_order, "", {})).isoformat()
    except ValueProblem:
        return text


def to_long(table: TableFile, preset: Preset, question_kpis: dict[int, str]) -> TableFile:
    """One row per answer: response id (respondent id + ":" + KPI code), date, KPI, score and the dimensions."""
    ids = _column_ids(table, preset)
    id_column, date_column = _first(ids, preset.id_headers), _first(ids, preset.date_headers)
    excluded = _excluded(table, preset)
    dimensions = _dimensions(table, preset, {id_column, date_column} | excluded)
    questions = sorted((index, kpi) for index, kpi in question_kpis.items() if index not in excluded)
    new_index = {id_column: 0, date_column: 1} | {index: 4 + n for n, index in enumerate(dimensions)}
    rows, numbers, formulas = [], [], []
    for number, cells in zip(table.row_numbers, table.rows, strict=True):
        respondent = cells[id_column] if id_column is not None else f"row {number}"
        day = _date_text(cells[date_column], preset) if date_column is not None else ""
        kept = [cells[index] for index in dimensions]
        for index, kpi in questions:
            if cells[index]:
                rows.append([f"{respondent}:{kpi}", day, kpi, cells[index], *kept])
                numbers.append(number)
    for number, index in table.formula_cells:
        if index in new_index:
            formulas.append((number, new_index[index]))
        elif index in question_kpis:
            formulas.append((number, 3))
    return replace(
        table,
        header_rows=[LONG_HEADERS + list(dimensions.values())],
        rows=rows,
        row_numbers=numbers,
        formula_cells=formulas,
        long_rows=[],
    )
