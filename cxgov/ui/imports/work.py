"""The work of an import's jobs, on a worker of the process-wide registry (cxgov.ui.kit.jobs), never in the script
run: reading a large file takes seconds, and a click must not cancel an import half way (it would roll back).

A preview job keeps a summary of the preview (the first rows, counts, the problems), not the file's rows: a
million rows would otherwise stay in memory as long as the job is kept.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import Engine

from cxgov.db import session_scope
from cxgov.io.catalogue import Catalogue
from cxgov.io.columns import READING_FIELDS, SURVEY_FIELDS
from cxgov.io.problems import field_name, problem_text
from cxgov.io.reading_plan import ReadingOptions
from cxgov.io.response_plan import ImportOptions
from cxgov.io.table_file import TableFile
from cxgov.rules.kpi_engine import SCORING
from cxgov.services.reading_import import ReadingImportResult, ReadingPreview, import_readings, preview_readings
from cxgov.services.response_import import (
    ImportResult,
    import_responses,
    preview_responses,
    read_catalogue,
    survey_questions,
)
from cxgov.ui.kit.jobs import Report

SHOWN_ROWS = 10  # the first rows of the file, raw and as read: enough to see a day/month mix-up
SHOWN_PROBLEMS = 10_000  # listed one by one; beyond, each kind of problem is still counted


@dataclass(frozen=True)
class QuestionKpi:
    """A question column of a survey tool's export and the KPI its answers are imported as (None: not imported)."""

    index: int
    column_id: str
    text: str
    kpi_code: str | None


@dataclass(frozen=True)
class Upload:
    """A file as uploaded and the choices made for it (all plain data: it keys the jobs)."""

    kind: str  # "responses" (one row per answer) or "readings" (aggregated values per month)
    name: str
    data: bytes
    preset: str | None
    kpi_code: str | None
    columns: tuple[tuple[str, int | None], ...]
    value_maps: tuple[tuple[str, str, int], ...]  # (dimension, file value, list value id)
    # A survey tool's export: the KPI chosen for a question column (None: not imported), where the user chose one.
    question_choices: tuple[tuple[int, str | None], ...] = ()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def options(self) -> ImportOptions:
        maps: dict[str, dict[str, int]] = {}
        for dimension, value, target in self.value_maps:
            maps.setdefault(dimension, {})[value] = target
        return ImportOptions(columns=dict(self.columns), kpi_code=self.kpi_code, value_maps=maps)

    def questions(self, catalogue: Catalogue) -> list[QuestionKpi]:
        """A survey tool's export: each question column with its KPI — the one its id or text names, unless the
        user chose another or none (not imported). Empty for a file of one row per answer."""
        if self.preset is None:
            return []
        found, named = survey_questions(self.data, file_name=self.name, preset=self.preset, catalogue=catalogue)
        chosen = named | dict(self.question_choices)
        return [QuestionKpi(index, column_id, text, chosen.get(index)) for index, column_id, text in found]

    def response_arguments(self, questions: list[QuestionKpi]) -> dict:
        """What the response services take for this file (`questions`: as `questions` gives them)."""
        arguments = {"data": self.data, "file_name": self.name, "options": self.options(), "preset": self.preset}
        if self.preset is None:
            return arguments
        return arguments | {"question_kpis": {q.index: q.kpi_code for q in questions if q.kpi_code is not None}}

    def reading_arguments(self) -> dict:
        return {"data": self.data, "file_name": self.name, "options": ReadingOptions(columns=dict(self.columns))}

    def key(self, step: str, person_id: int, version: int) -> tuple:
        """The job's key: the same file, choices and data version give the same job."""
        choices = json.dumps(
            [self.kind, self.preset, self.kpi_code, self.columns, self.value_maps, self.question_choices], default=str
        )
        return ("import", step, person_id, self.sha256, choices, version)


@dataclass(frozen=True)
class PreviewSummary:
    """What the preview shows."""

    fields: tuple[str, ...]  # the fields a column may hold, in the order the choices are offered
    headers: list[str]
    columns: dict[str, int]
    first_rows: pd.DataFrame  # as in the file
    read_rows: pd.DataFrame  # the same rows as read: date, KPI, score, segments
    date_format: tuple[str, dict] | None  # description key and its parameters
    counts: pd.DataFrame  # KPI, month, rows
    problems: pd.DataFrame  # row, field, problem (the first SHOWN_PROBLEMS)
    problem_total: int
    problem_fields: pd.DataFrame  # field, rows with a problem there (all of them, also beyond SHOWN_PROBLEMS)
    unknown_values: dict[str, dict[str, int]]
    rows: int
    known: int
    skipped: int
    redacted: int
    list_names: dict[str, dict[int, str]]
    survey_kpis: dict[str, str]  # code → name: the KPIs a file's rows may answer
    questions: list[QuestionKpi] = field(default_factory=list)  # a survey tool's export: its question columns

    @property
    def ok(self) -> bool:
        return self.problem_total == 0


def preview(engine: Engine, person_id: int, upload: Upload, language: str, report: Report) -> PreviewSummary:
    """Read the file as the import would, writing nothing."""
    report(0.1, "reading")
    with session_scope(engine) as session:
        if upload.kind == "readings":
            found = preview_readings(session=session, actor=person_id, **upload.reading_arguments())
            return _readings_summary(found, language)
        questions = upload.questions(read_catalogue(session))
        found = preview_responses(session=session, actor=person_id, **upload.response_arguments(questions))
    plan = found.plan
    names = {d: found.catalogue.list_names(d, language) for d in ("channel", "journey_stage", "department")}
    return PreviewSummary(
        fields=SURVEY_FIELDS,
        **_file_parts(found.table, plan.columns, plan.date_format, plan.problems, language),
        read_rows=_read_rows(plan.rows.head(SHOWN_ROWS), found.catalogue, names),
        counts=plan.counts(found.catalogue),
        unknown_values=plan.unknown_values,
        rows=len(plan.rows),
        known=found.known,
        skipped=plan.skipped,
        redacted=plan.redacted,
        list_names=names,
        survey_kpis={kpi.code: kpi.name for kpi in found.catalogue.kpis if kpi.kind in SCORING},
        questions=questions,
    )


def _readings_summary(found: ReadingPreview, language: str) -> PreviewSummary:
    plan = found.plan
    codes = {kpi.id: kpi.code for kpi in found.catalogue.kpis}
    first = plan.readings[:SHOWN_ROWS]
    return PreviewSummary(
        fields=READING_FIELDS,
        **_file_parts(found.table, plan.columns, plan.date_format, plan.problems, language),
        read_rows=pd.DataFrame(
            [(r.row, codes[r.kpi_id], r.period, r.value, r.sample_size, r.source) for r in first],
            columns=["row", "kpi", "period", "value", "n", "source"],
        ),
        counts=plan.counts(found.catalogue),
        unknown_values={},
        rows=len(plan.readings) + found.known,
        known=found.known,
        skipped=0,
        redacted=0,
        list_names={},
        survey_kpis={},
    )


def _file_parts(table: TableFile, columns: dict[str, int], date_format, problems: list, language: str) -> dict:
    """What both kinds of preview show of the file itself: headers, first rows, how dates were read, problems."""
    headers = table.header_rows[-1] if table.header_rows else []
    fields = Counter(field_name(p.field, language) for p in problems)
    return {
        "headers": headers,
        "columns": columns,
        "first_rows": pd.DataFrame(table.rows[:SHOWN_ROWS], columns=_unique(headers)[: _width(table.rows)]),
        "date_format": (date_format.description_key, date_format.params) if date_format else None,
        "problems": pd.DataFrame(
            [(p.row, field_name(p.field, language), problem_text(p, language)) for p in problems[:SHOWN_PROBLEMS]],
            columns=["row", "field", "problem"],
        ),
        "problem_total": len(problems),
        "problem_fields": pd.DataFrame(fields.most_common(), columns=["field", "rows"]),
    }


def run_import(engine: Engine, person_id: int, upload: Upload, report: Report) -> ImportResult | ReadingImportResult:
    """Import the file in one transaction (the service refuses it whole if any row has a problem)."""
    with session_scope(engine, write=True) as session:
        if upload.kind == "readings":
            report(0.5, "storing")
            return import_readings(session=session, actor=person_id, **upload.reading_arguments())
        arguments = upload.response_arguments(upload.questions(read_catalogue(session)))
        return import_responses(session=session, actor=person_id, progress=report, **arguments)


def _unique(headers: list[str]) -> list[str]:
    """Headers as table columns: a blank or repeated header gets its position added."""
    seen: Counter = Counter()
    names = []
    for position, header in enumerate(headers, start=1):
        name = header or f"({position})"
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name} ({position})")
    return names


def _width(rows: list[list[str]]) -> int:
    return max((len(row) for row in rows[:SHOWN_ROWS]), default=0)


def _read_rows(rows: pd.DataFrame, catalogue, names: dict[str, dict[int, str]]) -> pd.DataFrame:
    """The first rows as the import reads them: the date written out, the KPI's code, segments by name."""
    codes = {kpi.id: kpi.code for kpi in catalogue.kpis}
    return pd.DataFrame(
        {
            "row": rows["row"],
            "date": rows["responded_on"],
            "kpi": rows["kpi_id"].map(codes),
            "score": rows["score"],
            "channel": rows["channel_id"].map(lambda i: names["channel"].get(i, "") if pd.notna(i) else ""),
            "journey_stage": rows["journey_stage_id"].map(
                lambda i: names["journey_stage"].get(i, "") if pd.notna(i) else ""
            ),
            "touchpoint": rows["touchpoint"],
            "region": rows["region"],
        }
    )
