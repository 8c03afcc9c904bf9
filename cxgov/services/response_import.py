"""Import survey responses from a file: preview it (every problem, what is already known), then store it whole.

The preview and the import read the same bytes the same way (cxgov.io.response_plan); the import never trusts
an earlier preview and refuses a file with any problem. A file is stored in one transaction: its import row,
its new responses (a response already stored — the same response id, or the same content — is skipped, never
counted twice), the recomputed figures of its KPIs, and one audit event for the file (who, name, size, hash,
rows per KPI).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session

from cxgov.errors import Number, ValidationError
from cxgov.io.catalogue import Catalogue, KpiRef, ListValue
from cxgov.io.question_kpis import Question, match_questions
from cxgov.io.response_plan import ImportOptions, ResponsePlan, plan_responses
from cxgov.io.survey_presets import PRESETS, Preset, question_columns, to_long
from cxgov.io.table_file import FileProblem, TableFile, read_table
from cxgov.models import Department, Kpi, KpiKind, SurveyImport, TaxonomyTerm
from cxgov.rules.permissions import Action, authorise
from cxgov.services.figures import recompute_figures
from cxgov.services.response_store import known_keys, store_responses
from cxgov.services.unit import Actor, acting_person, audit_created
from cxgov.settings import get_settings

MEGABYTE = 1024 * 1024
Progress = Callable[[float, str], None]  # fraction done, stage ("reading", "checking", "storing", "computing")


@dataclass(frozen=True)
class ResponsePreview:
    """A file as the import would store it: the plan (rows, problems, mapping), and how many rows are known."""

    plan: ResponsePlan
    table: TableFile
    catalogue: Catalogue
    known: int

    @property
    def new_rows(self) -> int:
        return len(self.plan.rows) - self.known


@dataclass(frozen=True)
class ImportResult:
    """What an import stored."""

    import_id: int
    added: int
    known: int
    per_kpi: dict[str, int]


def read_catalogue(session: Session) -> Catalogue:
    """The active KPIs and the listed dimensions' values, as the import matches them."""
    kpis = tuple(
        KpiRef(row.id, row.code, row.name, KpiKind(row.kind))
        for row in session.execute(sa.select(Kpi.id, Kpi.code, Kpi.name, Kpi.kind).where(Kpi.active))
    )
    terms = session.execute(
        sa.select(TaxonomyTerm.id, TaxonomyTerm.kind, TaxonomyTerm.code, TaxonomyTerm.name_en, TaxonomyTerm.name_nl)
        .where(TaxonomyTerm.active)
        .order_by(TaxonomyTerm.position, TaxonomyTerm.id)
    ).all()
    lists = {
        kind: tuple(ListValue(t.id, t.code, (t.name_en, t.name_nl)) for t in terms if str(t.kind) == kind)
        for kind in ("channel", "journey_stage")
    }
    departments = session.execute(sa.select(Department.id, Department.name).where(Department.active)).all()
    lists["department"] = tuple(ListValue(d.id, "", (d.name,)) for d in departments)
    return Catalogue(kpis=kpis, lists=lists)


def read_response_file(
    data: bytes,
    *,
    file_name: str,
    catalogue: Catalogue,
    preset: str | None = None,
    question_kpis: dict[int, str] | None = None,
) -> TableFile:
    """The file as a table of text, one row per answer. A survey tool's export goes through its preset: each
    question column answers the KPI `question_kpis` gives it (column index → KPI code), by default the KPI its id
    or text names (a column naming none is not imported)."""
    chosen, wide = _survey_export(data, file_name=file_name, preset=preset)
    if chosen is None:
        return wide
    if question_kpis is None:
        question_kpis, _ = match_questions(question_columns(wide, chosen), catalogue)
    # A respondent answers several questions: the row limit holds for the answers the export turns into rows.
    limit = get_settings().import_max_rows
    if sum(1 for cells in wide.rows for index in question_kpis if index < len(cells) and cells[index]) > limit:
        raise ValidationError({"file": ("import.file.too_many_answers", {"limit": Number(limit)})})
    return to_long(wide, chosen, question_kpis)


def survey_questions(
    data: bytes, *, file_name: str, preset: str, catalogue: Catalogue
) -> tuple[list[Question], dict[int, str]]:
    """A survey tool's export: its question columns (index, column id, question text) and the KPI code of each
    one that names exactly one KPI (the default of `read_response_file`)."""
    chosen, wide = _survey_export(data, file_name=file_name, preset=preset)
    questions = question_columns(wide, chosen)
    return questions, match_questions(questions, catalogue)[0]


def _survey_export(data: bytes, *, file_name: str, preset: str | None) -> tuple[Preset | None, TableFile]:
    """The preset named (None: a file of one row per answer) and the file read with its header rows."""
    if preset is not None and preset not in PRESETS:
        raise ValidationError({"preset": ("import.preset.unknown", {"preset": preset})})
    chosen = PRESETS[preset] if preset is not None else None
    try:
        table = read_table(
            data,
            file_name=file_name,
            max_bytes=get_settings().import_max_mb * MEGABYTE,
            max_rows=get_settings().import_max_rows,
            header_rows=chosen.header_rows if chosen else 1,
        )
    except FileProblem as problem:
        raise ValidationError({"file": (problem.key, problem.params)}) from None
    return chosen, table


def preview_responses(
    *,
    session: Session,
    actor: Actor,
    data: bytes,
    file_name: str,
    options: ImportOptions,
    preset: str | None = None,
    question_kpis: dict[int, str] | None = None,
) -> ResponsePreview:
    """Everything importing `data` would do, and every reason it cannot yet; writes nothing."""
    authorise(acting_person(session, actor), Action.IMPORT_MEASUREMENTS)
    catalogue = read_catalogue(session)
    table = read_response_file(
        data, file_name=file_name, catalogue=catalogue, preset=preset, question_kpis=question_kpis
    )
    plan = plan_responses(table, catalogue, _with_settings(options), today=date.today())
    return ResponsePreview(plan, table, catalogue, known_keys(session, plan.rows))


def import_responses(
    *,
    session: Session,
    actor: Actor,
    data: bytes,
    file_name: str,
    options: ImportOptions,
    preset: str | None = None,
    question_kpis: dict[int, str] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Store the file's responses, all or nothing: refused (ValidationError naming the problems) when any row
    has a problem; responses already stored are skipped. Recomputes the figures of the file's KPIs."""
    report = progress or (lambda fraction, stage: None)
    person = acting_person(session, actor)
    authorise(person, Action.IMPORT_MEASUREMENTS)
    report(0.0, "reading")
    catalogue = read_catalogue(session)
    table = read_response_file(
        data, file_name=file_name, catalogue=catalogue, preset=preset, question_kpis=question_kpis
    )
    report(0.1, "checking")
    plan = plan_responses(table, catalogue, _with_settings(options), today=date.today())
    if not plan.ok:
        raise ValidationError({"file": ("import.refused", {"count": len(plan.problems)})})
    if plan.rows.empty:
        raise ValidationError({"file": ("import.nothing", {})})
    size, sha256 = table.size, table.sha256
    del table  # the file's text cells (most of the memory a large file takes) are not needed to store its rows
    batch = SurveyImport(
        kind="responses",
        file_name=file_name[:255],
        size=size,
        sha256=sha256,
        preset=preset or "",
        imported_by_id=person.id if person else None,
    )
    session.add(batch)
    session.flush()
    report(0.3, "storing")
    added = store_responses(session, plan.rows, import_id=batch.id)
    codes = {kpi.id: kpi.code for kpi in catalogue.kpis}
    per_kpi = {codes[int(kpi_id)]: int(n) for kpi_id, n in added.items()}
    batch.rows_added = sum(per_kpi.values())
    batch.rows_known = len(plan.rows) - batch.rows_added
    batch.rows_per_kpi = json.dumps(per_kpi, sort_keys=True)
    session.flush()
    report(0.8, "computing")
    if batch.rows_added:
        recompute_figures(session, [int(kpi_id) for kpi_id in added.index])
    audit_created(session, person=person, entity="survey_import", row=batch)
    report(1.0, "done")
    return ImportResult(batch.id, batch.rows_added, batch.rows_known, per_kpi)


def _with_settings(options: ImportOptions) -> ImportOptions:
    """The installation's redaction setting applies whatever the caller asked."""
    redacting = get_settings().redact_comments
    return (
        options
        if options.redact_comments == redacting
        else ImportOptions(**{**options.__dict__, "redact_comments": redacting})
    )
