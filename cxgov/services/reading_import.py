"""Import aggregated readings from a file (business KPIs, contact volumes, external studies): preview it, then
store it whole.

The preview and the import read the same bytes the same way (cxgov.io.reading_plan); the import never trusts an
earlier preview and refuses a file with any problem. A file is stored in one transaction: its import row (kind
"readings"), each new reading as a typed reading with its own audit event, and the file's audit event (who, name,
size, hash, readings per KPI). Readings already stored with the same value and n are skipped; an import only adds
readings, it never changes one (that is a correction, with its reason, in Admin → KPIs).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from cxgov.errors import ValidationError
from cxgov.io.catalogue import Catalogue
from cxgov.io.reading_plan import ReadingOptions, ReadingPlan, Stored, plan_readings
from cxgov.io.table_file import FileProblem, TableFile, read_table
from cxgov.models import Kpi, KpiReading, SurveyImport
from cxgov.rules.kpi_numbers import KpiScale
from cxgov.rules.permissions import Action, authorise
from cxgov.services.response_import import MEGABYTE, read_catalogue
from cxgov.services.unit import Actor, acting_person, audit_created
from cxgov.settings import get_settings


@dataclass(frozen=True)
class ReadingPreview:
    """A file as the import would store it: the plan (new readings, known ones, problems, mapping)."""

    plan: ReadingPlan
    table: TableFile
    catalogue: Catalogue

    @property
    def known(self) -> int:
        return len(self.plan.known)


@dataclass(frozen=True)
class ReadingImportResult:
    """What an import stored."""

    import_id: int
    added: int
    known: int
    per_kpi: dict[str, int]


def read_reading_file(data: bytes, *, file_name: str) -> TableFile:
    """The file as a table of text; ValidationError ("file") when it cannot be read as one."""
    try:
        settings = get_settings()
        return read_table(
            data, file_name=file_name, max_bytes=settings.import_max_mb * MEGABYTE, max_rows=settings.import_max_rows
        )
    except FileProblem as problem:
        raise ValidationError({"file": (problem.key, problem.params)}) from None


def preview_readings(
    *, session: Session, actor: Actor, data: bytes, file_name: str, options: ReadingOptions
) -> ReadingPreview:
    """Everything importing `data` would do, and every reason it cannot yet; writes nothing."""
    authorise(acting_person(session, actor), Action.IMPORT_MEASUREMENTS)
    return _preview(session, data, file_name, options)


def import_readings(
    *, session: Session, actor: Actor, data: bytes, file_name: str, options: ReadingOptions
) -> ReadingImportResult:
    """Store the file's new readings, all or nothing: refused (ValidationError) when any row has a problem;
    readings already stored with the same value and n are skipped and counted."""
    person = acting_person(session, actor)
    authorise(person, Action.IMPORT_MEASUREMENTS)
    preview = _preview(session, data, file_name, options)
    plan = preview.plan
    if not plan.ok:
        raise ValidationError({"file": ("import.refused", {"count": len(plan.problems)})})
    batch = SurveyImport(
        kind="readings",
        file_name=file_name[:255],
        size=preview.table.size,
        sha256=preview.table.sha256,
        imported_by_id=person.id if person else None,
    )
    session.add(batch)
    session.flush()
    rows = [
        KpiReading(
            kpi_id=r.kpi_id, period=r.period, value=r.value, sample_size=r.sample_size, source=r.source, origin="typed"
        )
        for r in plan.readings
    ]
    session.add_all(rows)
    try:
        session.flush()
    except IntegrityError as exc:  # someone recorded one of these readings at the same moment
        if "uq_kpi_reading" in str(exc.orig) or "kpi_reading.kpi_id" in str(exc.orig):
            raise ValidationError({"file": ("import.reading.taken_meanwhile", {})}) from None
        raise
    reason = f"imported from {batch.file_name} (import {batch.id})"
    for row in rows:
        audit_created(session, person=person, entity="kpi_reading", row=row, reason=reason)
    codes = {kpi.id: kpi.code for kpi in preview.catalogue.kpis}
    per_kpi = dict(sorted(Counter(codes[r.kpi_id] for r in plan.readings).items()))
    batch.rows_added, batch.rows_known = len(rows), len(plan.known)
    batch.rows_per_kpi = json.dumps(per_kpi, sort_keys=True)
    session.flush()
    audit_created(session, person=person, entity="survey_import", row=batch)
    return ReadingImportResult(batch.id, batch.rows_added, batch.rows_known, per_kpi)


def _preview(session: Session, data: bytes, file_name: str, options: ReadingOptions) -> ReadingPreview:
    table = read_reading_file(data, file_name=file_name)
    catalogue = read_catalogue(session)
    kpis = session.execute(sa.select(Kpi).where(Kpi.id.in_([kpi.id for kpi in catalogue.kpis]))).scalars()
    scales = {kpi.id: KpiScale.of(kpi) for kpi in kpis}
    plan = plan_readings(table, catalogue, scales, _live_readings(session), options, today=date.today())
    return ReadingPreview(plan, table, catalogue)


def _live_readings(session: Session) -> Stored:
    """Every reading that counts (not withdrawn), by KPI, month and source: readings are monthly aggregates, a few
    thousand at most, so all are read at once."""
    rows = session.execute(
        sa.select(KpiReading.kpi_id, KpiReading.period, KpiReading.source, KpiReading.value, KpiReading.sample_size)
        .join(Kpi, Kpi.id == KpiReading.kpi_id)
        .where(KpiReading.withdrawn_at.is_(None), Kpi.active)
    )
    return {(kpi_id, period, source): (value, n) for kpi_id, period, source, value, n in rows}
