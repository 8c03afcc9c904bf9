"""`python -m cxgov …`: migrate, demo, verify-audit, backup, check-config, set-password, add-person, pack. Each
command has --help."""

from __future__ import annotations

import argparse
import getpass
import os
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlmodel import select

from cxgov import audit, production
from cxgov.audit import rows as audit_rows
from cxgov.audit.anchors import MARK, Anchor, AnchorError, anchor_line, append_anchor, parse_anchor, read_anchors_file
from cxgov.auth import sso
from cxgov.cli_measurement import add_measurement_commands
from cxgov.db import DatabaseNotMigrated, ensure_migrated, make_engine, migrate, session_scope
from cxgov.errors import DomainError, NotFound, ValidationError
from cxgov.i18n import LANGUAGES, format_start
from cxgov.models import Meeting, Person, Role
from cxgov.models.base import utcnow
from cxgov.pack import formats  # noqa: F401 (every format registers itself)
from cxgov.pack.content import PackContent
from cxgov.pack.render import FORMATS, file_name, render_pack
from cxgov.pack.template import active_template, check_template
from cxgov.queries.board_pack import draft_pack, latest_pack_id, pack_versions, stored_pack
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.accounts import reset_password
from cxgov.services.demo import load_demo_portfolio
from cxgov.services.people import create_person
from cxgov.settings import PROJECT_ROOT, SettingsError, create_audit_key_file, get_settings


def cmd_migrate(args) -> int:
    create_audit_key_file()
    url = get_settings().database_url
    migrate(url)
    print(f"Database migrated to the latest schema: {_safe(url)}")
    return 0


def cmd_verify_audit(args) -> int:
    """Verify the chain (and its anchors, and with --rows the rows against it); print the head as an anchor."""
    settings = get_settings()
    anchors, sources = _anchors_to_check(args, settings)
    append_to = _anchors_file(args, settings) if args.append_anchor else None
    if args.append_anchor and append_to is None:
        print(
            "error: --append-anchor needs an anchors file: set CXGOV_AUDIT_ANCHOR_FILE or give --anchors-file.",
            file=sys.stderr,
        )
        return 2
    engine = make_engine(settings.database_url)
    # One snapshot for the chain and the rows while the app writes (each statement of a PostgreSQL read
    # otherwise sees new commits); a SQLite read transaction is one snapshot already.
    snapshot = (
        engine.execution_options(isolation_level="REPEATABLE READ") if engine.dialect.name == "postgresql" else engine
    )
    with session_scope(snapshot) as session:
        report = audit.verify(session, settings.audit_key, anchors=anchors)
        rows = audit_rows.replay(session) if args.rows else None
    engine.dispose()
    chain_ok = _print_chain_report(report, sources)
    if chain_ok and report.head_seq:
        _keep_anchor(report, append_to, "verify-audit")
    rows_ok = rows is None or _print_rows_report(rows)
    return 0 if chain_ok and rows_ok else 1


def _keep_anchor(report: audit.VerifyReport, path: Path | None, note: str) -> None:
    """Print the verified head as an anchor line, and append it to the anchors file at `path` if given."""
    head = Anchor(seq=report.head_seq, hash=report.head_hash)
    if path is None:
        print(anchor_line(head, note))
        return
    print(append_anchor(path, head, note))
    print(f"Anchor appended to {path}; copy it off this host as well.")


def _anchors_file(args, settings) -> Path | None:
    return Path(args.anchors_file) if args.anchors_file else settings.audit_anchor_file


def _anchors_to_check(args, settings) -> tuple[list[Anchor], str]:
    """The anchors of --anchor and of the anchors file (--anchors-file, else the configured one if it exists),
    and a description of where they came from. AnchorError on a malformed anchor or a missing --anchors-file."""
    anchors = [parse_anchor(text, "--anchor") for text in args.anchor or ()]
    sources = [f"{len(anchors)} given with --anchor"] if anchors else []
    path = _anchors_file(args, settings)
    if args.anchors_file and not path.is_file():
        raise AnchorError(f"--anchors-file {path}: no such file")
    if path is not None and path.is_file():
        from_file = read_anchors_file(path)
        anchors += from_file
        sources.append(f"{len(from_file)} from {path}")
    return anchors, ", ".join(sources)


def _print_chain_report(report: audit.VerifyReport, sources: str) -> bool:
    print(f"audit events: {report.events}")
    print(f"head: event {report.head_seq}, hash {report.head_hash or '(empty chain)'}")
    if report.anchors:
        print(f"anchors checked: {report.anchors} ({sources})")
    else:
        print(
            "anchors checked: none. Without an anchor, deleting the last events and rewinding the head "
            "passes this check: keep the anchor line below off this host and give it back with --anchor."
        )
    if report.ok:
        print(
            "OK: the sequence is gapless, every link and HMAC matches, the head is the last event"
            + (", and every anchor is in the chain." if report.anchors else ".")
        )
        return True
    _print_failures(report.problems)
    return False


def _print_rows_report(report: audit_rows.RowReport) -> bool:
    print(
        f"rows: {report.rows_checked:,} rows checked, {report.fields_compared:,} values compared with "
        f"{report.events_replayed:,} audit events"
    )
    for line in report.not_replayed_lines():
        print(f"not replayed: {line}")
    if report.ok:
        print("OK: every row the audit trail describes holds the values the trail says.")
        return True
    _print_failures([str(difference) for difference in report.differences])
    return False


def _print_failures(problems: list[str]) -> None:
    for problem in problems[:50]:
        print(f"FAIL: {problem}", file=sys.stderr)
    if len(problems) > 50:
        print(f"… and {len(problems) - 50} more problems", file=sys.stderr)


def migrated_engine(url: str):
    """An engine on `url`, refusing (DatabaseNotMigrated → exit 2 in main) an un-migrated database."""
    engine = make_engine(url)
    ensure_migrated(engine)
    return engine


def cmd_demo(args) -> int:
    """Load the Voltera demo portfolio into an empty database and print what was inserted."""
    settings = get_settings()
    engine = migrated_engine(settings.database_url)
    started = time.perf_counter()
    with session_scope(engine, write=True) as session:
        summary = load_demo_portfolio(session=session, actor=SYSTEM_ACTOR, initiatives=args.initiatives, seed=args.seed)
    elapsed = time.perf_counter() - started
    print(f"Demo portfolio loaded into {_safe(settings.database_url)} (seed {summary.seed}):")
    for table, count in summary.counts.items():
        print(f"  {table:<20} {count:>9,}")
    print(f"  {'total rows':<20} {summary.rows:>9,}  in {elapsed:.1f} s ({summary.rows / elapsed:,.0f} rows/s)")
    return 0


def cmd_backup(args) -> int:
    """SQLite's online backup API: consistent even while the app writes (a file copy loses WAL rows). The
    copy's audit chain is verified against the anchors so far, then its head is appended as a new anchor."""
    settings = get_settings()
    url = make_url(settings.database_url)
    if url.get_backend_name() != "sqlite":
        print(
            "backup makes copies of the local SQLite database; for PostgreSQL run "
            "`python -m cxgov verify-audit --append-anchor`, then pg_dump (see README).",
            file=sys.stderr,
        )
        return 2
    target = (
        Path(args.output)
        if args.output
        else (PROJECT_ROOT / "db" / "backups" / f"cxgov-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.sqlite3")
    )
    if target.exists():
        print(f"{target} already exists; choose another --output.", file=sys.stderr)
        return 2
    anchors_file = settings.audit_anchor_file
    anchors = read_anchors_file(anchors_file) if anchors_file and anchors_file.is_file() else []
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(url.database)) as source, closing(sqlite3.connect(target)) as dest:
        source.backup(dest)
    print(f"Backup written to {target}")
    return _anchor_backup(target, settings.audit_key, anchors, anchors_file)


def _anchor_backup(target: Path, key: bytes, anchors: list[Anchor], anchors_file: Path | None) -> int:
    """Verify the backup's own chain against the anchors so far; keep its head as the next anchor."""
    copy = make_engine(f"sqlite:///{target}")
    with session_scope(copy) as session:
        report = audit.verify(session, key, anchors=anchors)
    copy.dispose()
    if not report.ok:
        _print_failures(report.problems)
        print("The backup's audit chain does not verify: no anchor was kept.", file=sys.stderr)
        return 1
    if not report.head_seq:
        print("The audit trail is empty: there is no anchor to keep.")
        return 0
    _keep_anchor(report, anchors_file, f"backup {target}")
    if anchors_file is None:
        print("No anchors file (CXGOV_AUDIT_ANCHOR_FILE): keep the anchor line above off this host.")
    return 0


def cmd_check_config(args) -> int:
    """The production check of the app's start, on the settings and Streamlit's config files/environment."""
    settings = get_settings()
    if not settings.is_production:
        print(
            "CXGOV_ENV is development: nothing is refused. Run with CXGOV_ENV=production to check a "
            "production configuration."
        )
        return 0
    found = production.problems(
        settings, production.read_streamlit_options(PROJECT_ROOT), sso.read_auth_section(PROJECT_ROOT)
    )
    for problem in found:
        print(problem, file=sys.stderr if problem.refuses else sys.stdout)
    if production.refusals(found):
        return 1
    print(
        "OK: the production settings and Streamlit options pass (flags given to `streamlit run` are "
        "checked by the app at start)."
    )
    return 0


def cmd_set_password(args) -> int:
    """Set a person's local-account password (e.g. the first admin's); they choose their own at sign-in."""
    settings = get_settings()
    engine = migrated_engine(settings.database_url)
    email = args.email.strip().lower()  # stored lower-case, as the sign-in form compares them
    with session_scope(engine) as session:
        person_id = session.exec(select(Person.id).where(Person.email == email)).first()
    if person_id is None:
        print(
            f"error: no person has the e-mail address {email!r}; add them first (People page or demo).", file=sys.stderr
        )
        return 2
    password = getpass.getpass(f"New password for {email}: ")
    if getpass.getpass("Repeat the new password: ") != password:
        print("error: the two passwords are not the same; nothing was changed.", file=sys.stderr)
        return 2
    try:
        with session_scope(engine, write=True) as session:
            reset_password(session=session, actor=SYSTEM_ACTOR, person_id=person_id, new_password=password)
    except ValidationError as exc:
        for name, message in exc.field_messages("en").items():
            print(f"error: the {name.replace('_', ' ')} {message}; nothing was changed.", file=sys.stderr)
        return 2
    print(f"Password set for {email}. They must choose their own at their next sign-in (CXGOV_AUTH_MODE=local).")
    return 0


def cmd_add_person(args) -> int:
    """Add a person, e.g. the first admin of an installation that signs in with local accounts or SSO."""
    engine = migrated_engine(get_settings().database_url)
    try:
        with session_scope(engine, write=True) as session:
            create_person(
                session=session, actor=SYSTEM_ACTOR, data={"name": args.name, "email": args.email, "role": args.role}
            )
    except ValidationError as exc:
        for name, message in exc.field_messages("en").items():
            print(f"error: the {name.replace('_', ' ')} {message}; nobody was added.", file=sys.stderr)
        return 2
    print(f"Added {args.name} <{args.email.strip().lower()}> as {args.role}.")
    return 0


class PackRefused(Exception):
    """A pack the command will not draw, and the exit code saying why (2: asked wrongly, 1: a pack not intact)."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


def cmd_pack(args) -> int:
    """Draw a meeting's board pack as one file: the latest published version, version N, or a draft read from the
    live data now (not stored). The file is written whole or not at all."""
    try:
        if args.format not in FORMATS:
            raise PackRefused(f"format {args.format} is not available (available: {', '.join(sorted(FORMATS))})")
        if args.language and not args.draft:
            raise PackRefused(
                "--language goes with --draft: a published pack is drawn in the language it was published in"
            )
        out = Path(args.out) if args.out else None
        if out is not None:
            _check_writable(out)
        template = _read_template(Path(args.template)) if args.template else None
        settings = get_settings()
        engine = migrated_engine(settings.database_url)
        try:
            with session_scope(engine) as session:
                content, content_hash = _pack_to_draw(session, args, settings.language)
                if template is None:
                    template = _stored_template(session)
        finally:
            engine.dispose()
        data = render_pack(content, args.format, template=template)
        path = out or Path.cwd() / file_name(content, args.format)
        _write_whole(path, data)
    except PackRefused as refused:
        print(f"error: {refused}; nothing was written.", file=sys.stderr)
        return refused.exit_code
    version = f"version {content.number}" if content.number else "a draft (not published)"
    cut_off = format_start(content.cut_off, "en", content.time_zone)
    print(f"Wrote {path} ({len(data):,} bytes): {version} of meeting {content.meeting_id}, cut-off {cut_off}")
    print(f"content hash (SHA-256): {content_hash}")
    return 0


def _pack_to_draw(session, args, default_language: str) -> tuple[PackContent, str]:
    """The pack the arguments name and its hash; NotFound for an unknown meeting, PackRefused for a pack that is
    not there or not intact."""
    if session.get(Meeting, args.meeting) is None:
        raise NotFound("error.not_found", entity="entity.meeting", id=args.meeting)
    if args.draft:
        content = draft_pack(session, args.meeting, language=args.language or default_language, cut_off=utcnow())
        return content, content.content_hash()
    if args.version is None:
        pack_id = latest_pack_id(session, args.meeting)
        if pack_id is None:
            raise PackRefused(f"meeting {args.meeting} has no published board pack: publish it first, or use --draft")
    else:
        versions = pack_versions(session, args.meeting)
        chosen = versions[versions["number"] == args.version]
        if chosen.empty:
            published = ", ".join(str(n) for n in sorted(versions["number"])) or "none"
            raise PackRefused(
                f"meeting {args.meeting} has no board pack version {args.version} (published versions: {published})"
            )
        pack_id = int(chosen["id"].iloc[0])
    stored = stored_pack(session, pack_id)
    if not stored.intact:
        raise PackRefused(
            f"board pack version {stored.content.number} of meeting {args.meeting} (pack {stored.id}, hash "
            f"{stored.content_hash}) no longer matches its hash: its stored rows were changed outside cxgov. Check "
            "the audit trail (python -m cxgov verify-audit --rows)",
            exit_code=1,
        )
    return stored.content, stored.content_hash


def _check_writable(out: Path) -> None:
    """Refuse, before any work, an --out that names a folder or lies in a folder that is not there."""
    if out.is_dir():
        raise PackRefused(f"--out {out} is a folder: give the file's name")
    if not out.parent.is_dir():
        raise PackRefused(f"the folder {out.parent} does not exist")


def _read_template(path: Path) -> bytes:
    """The file, once it passes the checks an upload passes (cxgov.pack.template.check_template)."""
    if not path.is_file():
        raise PackRefused(f"--template {path}: no such file")
    data = path.read_bytes()
    try:
        check_template(data, path.name)
    except DomainError as refused:
        raise PackRefused(f"--template {path}: {_sentence(refused)}") from None
    return data


def _stored_template(session) -> bytes | None:
    """The template uploaded on Admin → Board pack template (None: the default), unless it was changed since."""
    try:
        return active_template(session)
    except DomainError as changed:
        raise PackRefused(_sentence(changed)) from None


def _sentence(error: DomainError) -> str:
    """A refusal's message without its full stop, as "; nothing was written." follows it."""
    return error.message("en").removesuffix(".")


def _write_whole(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`: the file is whole or not there (or
    as it was), never half-written."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise PackRefused(f"cannot write in {path.parent}: {exc.strerror}") from exc
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.fchmod(handle, 0o666 & ~umask)  # as any new file: mkstemp makes it readable by its owner only
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        raise PackRefused(f"cannot write {path}: {exc.strerror}") from exc
    finally:
        Path(temporary).unlink(missing_ok=True)  # after the rename it is gone already


def _refused_in_production() -> bool:
    """Commands never run on a production configuration the app would refuse (e.g. an empty audit key)."""
    refused = production.refusals(production.problems(get_settings(), None))
    for problem in refused:
        print(problem, file=sys.stderr)
    if refused:
        print("Fix these first; `python -m cxgov check-config` lists every problem.", file=sys.stderr)
    return bool(refused)


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m cxgov", description="cxgov command line")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "migrate",
        help="create or upgrade the database schema (CXGOV_DATABASE_URL)",
        description="Create or upgrade the database schema to the latest revision.",
    ).set_defaults(run=cmd_migrate)
    verify = commands.add_parser(
        "verify-audit",
        help="verify the tamper-evident audit chain and print its head as an anchor line",
        description="Check gapless sequence numbers, every HMAC link, that the head row matches the last event, "
        "and that every anchor (an earlier head kept outside the database) is still in the chain. "
        "Anchors come from --anchor, --anchors-file, or by default the configured "
        "CXGOV_AUDIT_ANCHOR_FILE when it exists. On success the head is printed as an anchor line "
        f"('{MARK} SEQ:HASH TIME NOTE') to keep elsewhere. Exit code 1 when anything is wrong, "
        "2 for a malformed anchor.",
    )
    verify.add_argument(
        "--anchor", action="append", metavar="SEQ:HASH", help="an earlier anchor: event number and hash (repeatable)"
    )
    verify.add_argument(
        "--anchors-file",
        metavar="FILE",
        help="a file of anchor lines (default: CXGOV_AUDIT_ANCHOR_FILE, when it exists)",
    )
    verify.add_argument(
        "--append-anchor",
        action="store_true",
        help="when the chain verifies, append its head to the anchors file (e.g. after pg_dump)",
    )
    verify.add_argument(
        "--rows",
        action="store_true",
        help="also replay the audit trail against the rows and report every value that differs",
    )
    verify.set_defaults(run=cmd_verify_audit)
    demo = commands.add_parser(
        "demo",
        help="load the Voltera demo portfolio into an empty database",
        description="Load the demo portfolio of Voltera (a fictional Dutch retailer) into a database without "
        "initiatives: departments, people, journey stages, channels, objectives, 18 KPIs with 36 "
        "monthly readings, initiatives with PDCA cycles, check-ins, budgets and expenses. The same "
        "seed always gives the same portfolio. Refuses a database that already holds initiatives.",
    )
    demo.add_argument(
        "--initiatives",
        type=int,
        default=40,
        metavar="N",
        help="number of initiatives: the 40 of the demo table, more are variants (default 40)",
    )
    demo.add_argument("--seed", type=int, default=2026, metavar="S", help="random seed (default 2026)")
    demo.set_defaults(run=cmd_demo)
    backup = commands.add_parser(
        "backup",
        help="online backup of the SQLite database, anchored",
        description="Copy the SQLite database with the online backup API, verify the "
        "copy's audit chain against the anchors so far and append its head "
        "to the anchors file (CXGOV_AUDIT_ANCHOR_FILE). Exit code 1 when "
        "the copy's chain does not verify (the copy is kept, unanchored).",
    )
    backup.add_argument("--output", help="backup file (default: db/backups/cxgov-<UTC time>.sqlite3)")
    backup.set_defaults(run=cmd_backup)
    commands.add_parser(
        "check-config",
        help="check a production configuration (CXGOV_ENV=production) as the app does at start",
        description="With CXGOV_ENV=production, list every setting the app refuses to start with (missing or "
        "short CXGOV_AUDIT_KEY or server.cookieSecret, CXGOV_AUTH_MODE=acting-as, an incomplete "
        "or plain-HTTP [auth] section with CXGOV_AUTH_MODE=sso, server.enableXsrfProtection off, "
        'client.showErrorDetails other than "none") and warn about SQLite. Streamlit options are read from ~/.streamlit/config.toml, the project\'s '
        ".streamlit/config.toml and STREAMLIT_* environment variables; flags given to `streamlit "
        "run` are not visible here, the app checks its live options again at start. Secret values "
        "are never printed. Exit code 1 when anything is refused.",
    ).set_defaults(run=cmd_check_config)
    set_password = commands.add_parser(
        "set-password",
        help="set a person's local-account password (e.g. the first admin's)",
        description="Set the local-account password of the person with this e-mail address, creating the "
        "account if needed and unlocking it; the person must choose their own password at their "
        "next sign-in (CXGOV_AUTH_MODE=local). The password is asked twice and never echoed; the "
        "change is audited as the system, without the password.",
    )
    set_password.add_argument("email", metavar="EMAIL", help="e-mail address of an existing person")
    set_password.set_defaults(run=cmd_set_password)
    add_person = commands.add_parser(
        "add-person",
        help="add a person, e.g. the first admin",
        description="Add a person with an e-mail address, a name and a role (default viewer). Use it for the "
        "first admin of a new installation (--role admin), who then adds everybody else on Admin → "
        "People. Audited as the system.",
    )
    add_person.add_argument("email", metavar="EMAIL", help="their e-mail address (how they sign in)")
    add_person.add_argument("--name", required=True, help="their name as cxgov shows it")
    add_person.add_argument(
        "--role", choices=[role.value for role in Role], default=Role.VIEWER.value, help="their role (default viewer)"
    )
    add_person.set_defaults(run=cmd_add_person)
    pack = commands.add_parser(
        "pack",
        help="draw a meeting's board pack as a PPTX, PDF or XLSX file",
        description="Draw a meeting's board pack as one file: by default the latest version published, with "
        "--version N that version, with --draft the pack as the live data reads now (neither published nor "
        "stored). A published pack is drawn only while it still matches its hash (exit code 1 otherwise). The "
        "file is written to a temporary file beside it, then renamed: never half-written. Exit code 2 for an "
        "unknown meeting or version, a meeting without a published pack, a format that is not available, a "
        "template refused (one given with --template, or the uploaded one changed since) or an output folder that "
        "is not there.",
    )
    pack.add_argument("--meeting", type=int, required=True, metavar="ID", help="the meeting's id")
    pack.add_argument("--format", required=True, metavar="pptx|pdf|xlsx", help="the file's format")
    pack.add_argument("--out", metavar="FILE", help="the file to write (default: board-pack-meeting-ID-vN.FORMAT here)")
    pack.add_argument(
        "--template",
        metavar="FILE",
        help="a .pptx file whose layouts and theme the slides take, checked as an upload is (default: the template "
        "uploaded on Admin → Board pack template, else cxgov's own)",
    )
    which = pack.add_mutually_exclusive_group()
    which.add_argument("--version", type=int, metavar="N", help="the published version N (default: the latest)")
    which.add_argument(
        "--draft", action="store_true", help="the pack as the live data reads now, not published or stored"
    )
    pack.add_argument("--language", choices=LANGUAGES, help="a draft's language (default: CXGOV_LANGUAGE)")
    pack.set_defaults(run=cmd_pack)
    add_measurement_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.run is not cmd_check_config and _refused_in_production():
            return 2
        return args.run(args)
    except (SettingsError, DomainError, DatabaseNotMigrated, AnchorError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
