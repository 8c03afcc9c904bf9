"""`python -m cxgov import responses|readings FILE`, `purge-comments` and `recompute-figures`: the measurement
commands, checked by the same services as the pages.

Exit codes: 0 done (or a dry run without problems), 1 a file with problems (each printed with its row; nothing
written), 2 asked wrongly: bad arguments, a file that cannot be read as a table, an unknown person.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from cxgov.db import ensure_migrated, make_engine, session_scope
from cxgov.errors import ValidationError
from cxgov.i18n import t
from cxgov.io.catalogue import LISTED, Catalogue
from cxgov.io.columns import READING_FIELDS, SURVEY_FIELDS, Mapping, normalise
from cxgov.io.dutch_values import DateFormat
from cxgov.io.problems import Problem, field_name, problem_text
from cxgov.io.question_kpis import Question
from cxgov.io.reading_plan import ReadingOptions
from cxgov.io.response_plan import ImportOptions
from cxgov.io.survey_presets import PRESETS
from cxgov.io.table_file import TableFile
from cxgov.models import KpiFigure, Person, SurveyResponse
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.comment_retention import comments_to_purge, purge_comments, retention_cut_off
from cxgov.services.figures import recompute_figures
from cxgov.services.reading_import import import_readings, preview_readings, read_reading_file
from cxgov.services.response_import import (
    import_responses,
    preview_responses,
    read_catalogue,
    read_response_file,
    survey_questions,
)
from cxgov.settings import get_settings


class Refused(Exception):
    """A command asked wrongly (exit code 2): the message says what to change."""


def _run(command, args) -> int:
    """`command(args, engine)` on the migrated database; a refusal is printed and exits 2."""
    engine = make_engine(get_settings().database_url)
    try:
        ensure_migrated(engine)  # DatabaseNotMigrated: exit code 2, as every command
        return command(args, engine)
    except Refused as refused:
        print(f"error: {refused}; nothing was written.", file=sys.stderr)
        return 2
    finally:
        engine.dispose()


# --- import responses -------------------------------------------------------------------------------------------


def cmd_import_responses(args) -> int:
    """Preview (--dry-run) or import a file of survey responses."""
    return _run(_import_responses, args)


def _import_responses(args, engine) -> int:
    data, name = _read(args.file)
    with session_scope(engine) as session:
        actor = _actor(session, args.by)
        catalogue = read_catalogue(session)
    question_kpis = _question_kpis(args, data, name, catalogue)
    table = _readable(
        lambda: read_response_file(
            data, file_name=name, catalogue=catalogue, preset=args.preset, question_kpis=question_kpis
        )
    )
    options = ImportOptions(
        columns=_columns(args.column, table, SURVEY_FIELDS),
        kpi_code=args.kpi,
        value_maps=_value_maps(args.map, catalogue),
    )
    call = {"data": data, "file_name": name, "options": options, "preset": args.preset, "question_kpis": question_kpis}
    result, code = _import_or_preview(
        engine,
        args.dry_run,
        actor,
        call,
        preview=preview_responses,
        write=import_responses,
        show=_print_response_preview,
    )
    if result is None:
        return code
    print(
        f"Imported {name} (import {result.import_id}): {result.added:,} answers added "
        f"({_per_kpi(result.per_kpi)}), {result.known:,} already known; figures recomputed."
    )
    return 0


def _question_kpis(args, data: bytes, name: str, catalogue: Catalogue) -> dict[int, str] | None:
    """With a preset: the question columns given with --question, else those naming a KPI; the rest is listed."""
    if args.preset is None:
        if args.question:
            raise Refused("--question goes with --preset (a survey tool's export has one column per question)")
        return None
    questions, chosen = _readable(
        lambda: survey_questions(data, file_name=name, preset=args.preset, catalogue=catalogue)
    )
    if args.question:
        chosen = _chosen_questions(args.question, questions, catalogue)
    unmatched = [question for question in questions if question[0] not in chosen]
    for index, code in sorted(chosen.items()):
        column_id, text = next((q[1], q[2]) for q in questions if q[0] == index)
        print(f"Question {column_id} ({text or 'no text'}) → KPI {code}")
    for _, column_id, text in unmatched:
        print(f"Question {column_id} ({text or 'no text'}) not imported: map it with --question {column_id}=KPI_CODE")
    if not chosen:
        raise Refused("no question column names a KPI: map them with --question COLUMN_ID=KPI_CODE")
    return chosen


def _chosen_questions(pairs: list[str], questions: list[Question], catalogue: Catalogue) -> dict[int, str]:
    by_id = {normalise(column_id): index for index, column_id, _ in questions}
    kpis = catalogue.kpi_index()
    chosen = {}
    for pair in pairs:
        column_id, code = _pair(pair, "--question", "COLUMN_ID=KPI_CODE")
        if normalise(column_id) not in by_id:
            known = ", ".join(column_id for _, column_id, _ in questions) or "none"
            raise Refused(f"--question {pair}: the file has no question column {column_id!r} (it has: {known})")
        if normalise(code) not in kpis:
            raise Refused(f"--question {pair}: no KPI has the code or name {code!r}")
        chosen[by_id[normalise(column_id)]] = kpis[normalise(code)].code
    return chosen


def _value_maps(pairs: list[str], catalogue: Catalogue) -> dict[str, dict[str, int]]:
    """--map DIMENSION:VALUE=CODE_OR_NAME as the import's value maps."""
    maps: dict[str, dict[str, int]] = {}
    for pair in pairs:
        left, target = _pair(pair, "--map", "DIMENSION:VALUE=CODE_OR_NAME")
        dimension, _, value = left.partition(":")
        if dimension not in LISTED or not value:
            raise Refused(f"--map {pair}: write DIMENSION:VALUE=CODE_OR_NAME with a DIMENSION of {', '.join(LISTED)}")
        found = catalogue.list_index(dimension).get(normalise(target))
        if found is None:
            names = ", ".join(catalogue.list_names(dimension).values()) or "none"
            raise Refused(f"--map {pair}: no {dimension.replace('_', ' ')} is called {target!r} (there are: {names})")
        maps.setdefault(dimension, {})[value] = found
    return maps


def _print_response_preview(shown) -> None:
    plan = shown.plan
    _print_mapping(shown.table, plan.mapping, plan.columns)
    _print_date_format(plan.date_format)
    _print_counts(plan.counts(shown.catalogue), "answers")
    print(f"Already known (skipped): {shown.known:,}")
    print(f"Skipped answers (no score): {plan.skipped:,}")
    print(f"Comments with personal data redacted: {plan.redacted:,}")
    for dimension, values in plan.unknown_values.items():
        listed = ", ".join(f"{value!r} (rows: {rows:,})" for value, rows in values.items())
        print(f"{field_name(dimension, 'en')} values that match nothing (map them with --map): {listed}")


# --- import readings --------------------------------------------------------------------------------------------


def cmd_import_readings(args) -> int:
    """Preview (--dry-run) or import a file of aggregated readings."""
    return _run(_import_readings, args)


def _import_readings(args, engine) -> int:
    data, name = _read(args.file)
    with session_scope(engine) as session:
        actor = _actor(session, args.by)
    table = _readable(lambda: read_reading_file(data, file_name=name))
    call = {"data": data, "file_name": name, "options": ReadingOptions(_columns(args.column, table, READING_FIELDS))}
    result, code = _import_or_preview(
        engine, args.dry_run, actor, call, preview=preview_readings, write=import_readings, show=_print_reading_preview
    )
    if result is None:
        return code
    print(
        f"Imported {name} (import {result.import_id}): {result.added:,} readings added "
        f"({_per_kpi(result.per_kpi)}), {result.known:,} already known."
    )
    return 0


def _print_reading_preview(shown) -> None:
    plan = shown.plan
    _print_mapping(shown.table, plan.mapping, plan.columns)
    if plan.date_format is not None:
        _print_date_format(plan.date_format)
    _print_counts(plan.counts(shown.catalogue), "readings")
    print(f"Already known (skipped): {shown.known:,}")


# --- comments and figures ---------------------------------------------------------------------------------------


def cmd_purge_comments(args) -> int:
    """Remove the survey comments older than CXGOV_COMMENT_RETENTION_DAYS (--dry-run: count them only)."""
    return _run(_purge_comments, args)


def _purge_comments(args, engine) -> int:
    today = date.today()
    days, cut_off = get_settings().comment_retention_days, retention_cut_off(today)
    if args.dry_run:
        with session_scope(engine) as session:
            due = comments_to_purge(session=session, today=today)
        print(
            f"{due:,} comments of responses given before {cut_off} (older than {days} days) would be removed; "
            "dry run: nothing was written."
        )
        return 0
    with session_scope(engine, write=True) as session:
        removed = purge_comments(session=session, actor=SYSTEM_ACTOR, today=today)
    print(f"Removed {removed:,} comments of responses given before {cut_off} (older than {days} days); scores kept.")
    return 0


def cmd_recompute_figures(args) -> int:
    """Recompute every KPI's figures and computed readings from its responses (after a settings change)."""
    return _run(_recompute_figures, args)


def _recompute_figures(args, engine) -> int:
    with session_scope(engine, write=True) as session:
        kpi_ids = session.execute(
            sa.union(sa.select(SurveyResponse.kpi_id).distinct(), sa.select(KpiFigure.kpi_id).distinct())
        ).scalars()
        kpi_ids = sorted(set(kpi_ids))
        written = recompute_figures(session, kpi_ids)
    print(
        f"Recomputed {written:,} figures of {len(kpi_ids)} KPIs; a value from fewer than "
        f"{get_settings().kpi_min_responses} responses is indicative (CXGOV_KPI_MIN_RESPONSES)."
    )
    return 0


# --- shared -----------------------------------------------------------------------------------------------------


def _read(path_text: str) -> tuple[bytes, str]:
    path = Path(path_text)
    if not path.is_file():
        raise Refused(f"{path}: no such file")
    try:
        return path.read_bytes(), path.name
    except OSError as exc:
        raise Refused(f"cannot read {path}: {exc.strerror}") from exc


def _readable(read):
    """What `read` reads of the file, or Refused saying why it cannot be read as a table."""
    try:
        return read()
    except ValidationError as refused:
        raise Refused("; ".join(refused.field_messages("en").values()).removesuffix(".")) from None


def _actor(session, email: str | None):
    """The person --by names (their permissions apply), else the system actor."""
    if email is None:
        return SYSTEM_ACTOR
    person_id = session.execute(sa.select(Person.id).where(Person.email == email.strip().lower())).scalar()
    if person_id is None:
        raise Refused(f"--by {email}: no person has this e-mail address")
    return person_id


def _pair(text: str, option: str, form: str) -> tuple[str, str]:
    left, equals, right = text.partition("=")
    if not equals or not left.strip():
        raise Refused(f"{option} {text}: write {form}")
    return left.strip(), right.strip()


def _columns(pairs: list[str], table: TableFile, fields: tuple[str, ...]) -> dict[str, int | None]:
    """--column FIELD=COLUMN_HEADER as the column chosen for each field (FIELD= : not in the file)."""
    headers = table.header_rows[-1] if table.header_rows else []
    chosen: dict[str, int | None] = {}
    for pair in pairs:
        name, header = _pair(pair, "--column", "FIELD=COLUMN_HEADER")
        if name not in fields:
            raise Refused(f"--column {pair}: the field is one of {', '.join(fields)}")
        found = [index for index, text in enumerate(headers) if normalise(text) == normalise(header)]
        if header and not found:
            raise Refused(f"--column {pair}: the file has no column {header!r} (it has: {', '.join(headers)})")
        chosen[name] = found[0] if header else None
    return chosen


def _print_mapping(table: TableFile, mapping: Mapping, columns: dict[str, int]) -> None:
    headers = table.header_rows[-1] if table.header_rows else []
    print(f"Rows in the file: {len(table.rows):,}")
    print("Columns: " + ", ".join(f"{field_name(name, 'en')} ← {headers[index]!r}" for name, index in columns.items()))
    unused = [header for index, header in enumerate(headers) if header and index not in columns.values()]
    if unused:
        print("Columns not imported: " + ", ".join(repr(header) for header in unused))


def _print_date_format(date_format: DateFormat | None) -> None:
    if date_format is not None:
        print("Dates: " + t(date_format.description_key, "en", **date_format.params))


def _print_counts(counts, noun: str) -> None:
    print(f"New {noun} per KPI and month:" if len(counts) else f"New {noun}: none")
    for row in counts.itertuples(index=False):
        print(f"  {row.kpi:<12} {row.period:%Y-%m}  {row.rows:>9,}")


def _import_or_preview(engine, dry_run: bool, actor, call: dict, *, preview, write, show) -> tuple[object, int]:
    """(the import's result, 0); with --dry-run (None, 0 or 1) after `show` printed the preview; for a file with
    problems (None, 1) after each problem was printed with its row."""
    if dry_run:
        with session_scope(engine, write=True) as session:
            shown = preview(session=session, actor=actor, **call)
        show(shown)
        _print_problems(shown.plan.problems)
        print("Dry run: nothing was written.")
        return None, 1 if shown.plan.problems else 0
    try:
        with session_scope(engine, write=True) as session:
            return write(session=session, actor=actor, **call), 0
    except ValidationError as refused:
        with session_scope(engine, write=True) as session:
            shown = preview(session=session, actor=actor, **call)
        return None, _refused(refused, shown.plan.problems)


def _print_problems(problems: list[Problem]) -> None:
    if problems:
        print(f"Problems: {len(problems):,}")
    for problem in problems:
        print(f"  {problem_text(problem, 'en')}")


def _refused(refused: ValidationError, problems: list[Problem]) -> int:
    """An import refused: its problems (each with its row), exit code 1."""
    _print_problems(problems)
    print(f"error: {'; '.join(refused.field_messages('en').values())}", file=sys.stderr)
    return 1


def _per_kpi(per_kpi: dict[str, int]) -> str:
    return ", ".join(f"{code} {count:,}" for code, count in per_kpi.items()) or "none new"


def add_measurement_commands(commands) -> None:
    """Register import, purge-comments and recompute-figures on the command line's subcommands."""
    imports = commands.add_parser(
        "import",
        help="import survey responses or aggregated readings from a CSV or XLSX file",
        description="Import a file as the Import pages do, with the same checks: every problem is printed with "
        "its row and nothing is written unless the whole file is clean. --dry-run prints what the import would "
        "do. Exit code 1 for a file with problems, 2 for bad arguments, a file that cannot be read or an unknown "
        "person.",
    )
    kinds = imports.add_subparsers(dest="kind", required=True, metavar="responses|readings")
    responses = kinds.add_parser(
        "responses",
        help="survey responses: one row per answer, or a survey tool's export with --preset",
        description="Import survey responses (date, KPI, score, segments, comment), then recompute the figures "
        "of their KPIs. Responses already stored are skipped, never counted twice.",
    )
    responses.add_argument("--preset", choices=sorted(PRESETS), help="the survey tool whose export the file is")
    responses.add_argument("--kpi", metavar="CODE", help="the KPI every row answers (a file without a KPI column)")
    responses.add_argument(
        "--question",
        action="append",
        default=[],
        metavar="COLUMN_ID=KPI_CODE",
        help="with --preset: the KPI a question column answers (repeatable; default: the columns whose id or "
        "text names a KPI)",
    )
    responses.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="DIMENSION:VALUE=CODE_OR_NAME",
        help=f"read a file's VALUE as a listed value ({', '.join(LISTED)}), e.g. channel:Winkle=store (repeatable)",
    )
    _import_options(responses, SURVEY_FIELDS)
    responses.set_defaults(run=cmd_import_responses)
    readings = kinds.add_parser(
        "readings",
        help="aggregated readings: KPI, period (a month), value, n, source",
        description="Import readings of business KPIs, contact volumes or external studies, one row per KPI, "
        "month and source. A reading already stored with the same value and n is skipped; a different value for "
        "a month and source that has one is a problem (correct it in Admin → KPIs).",
    )
    _import_options(readings, READING_FIELDS)
    readings.set_defaults(run=cmd_import_readings)
    purge = commands.add_parser(
        "purge-comments",
        help="remove survey comments older than CXGOV_COMMENT_RETENTION_DAYS (scores stay)",
        description="Remove the comments of survey responses given more than CXGOV_COMMENT_RETENTION_DAYS days "
        "ago (default 730); scores and segments stay, so no figure changes. Audited as the system, with the "
        "count and the cut-off. Run it daily, e.g. from cron.",
    )
    purge.add_argument("--dry-run", action="store_true", help="count the comments due, write nothing")
    purge.set_defaults(run=cmd_purge_comments)
    commands.add_parser(
        "recompute-figures",
        help="recompute every KPI's figures from its responses (after changing CXGOV_KPI_MIN_RESPONSES)",
        description="Recompute every figure and computed reading from the stored survey responses, e.g. after "
        "changing CXGOV_KPI_MIN_RESPONSES (which decides when a value is indicative).",
    ).set_defaults(run=cmd_recompute_figures)


def _import_options(parser, fields: tuple[str, ...]) -> None:
    """What both imports take: the file, the columns chosen for `fields`, --dry-run and --by."""
    parser.add_argument("file", metavar="FILE", help="the CSV or XLSX file")
    parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=COLUMN_HEADER",
        help=f"the column holding FIELD ({', '.join(fields)}); FIELD= for none (repeatable)",
    )
    parser.add_argument("--dry-run", action="store_true", help="print what the import would do, write nothing")
    parser.add_argument(
        "--by",
        metavar="EMAIL",
        help="the person the import is done as, with their permissions (default: the system)",
    )
