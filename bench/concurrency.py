"""Concurrent saves: 8 threads × 50 read-modify-write saves of an initiative, on one row and on eight rows.

Each save reads the initiative and its version in one read session (what the form showed), then saves a
counter one higher with that version in a write session. A rejected save (ConflictError) re-reads and
tries again after a short random pause, as a user would after "reload". The naive save (reload the row at
submit, assign the form's values, commit: the usual Streamlit save) runs the same loop as a floor.

    python bench/concurrency.py [--postgres-url postgresql://postgres@127.0.0.1:5432/test]

SQLite runs in a temporary file; PostgreSQL (with --postgres-url or CXGOV_TEST_POSTGRES_URL) in a fresh
database this script creates and drops. tests/services/test_initiatives_concurrency.py asserts on the same `run_saves`.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, create_engine, func
from sqlmodel import select

from cxgov import audit
from cxgov.db import make_engine, migrate, normalise_url, session_scope
from cxgov.errors import ConflictError
from cxgov.models import AuditEvent, Initiative, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.initiatives import SCALAR_FIELDS, create_initiative, current_cycle, update_initiative
from cxgov.services.people import create_person
from cxgov.settings import get_settings

THREADS, SAVES = 8, 50
# A user who is told "changed by X, reload" takes seconds to retry; a random pause of up to 50 ms still keeps
# 8 threads colliding (over a thousand refusals on PostgreSQL) but stops them refusing each other in lockstep,
# which made the run take twice as long.
RETRY_PAUSE_S = 0.05
MAX_ATTEMPTS_PER_SAVE = 200  # a thread that cannot save in 200 tries is stuck, not unlucky: stop it
_names = itertools.count(1)

Save = Callable[[Engine, int, int], bool]


@dataclass
class Outcome:
    """What one run of concurrent saves did; `lost` and `errors` must be empty for the versioned save."""

    save: str
    rows: int
    accepted_by_row: Counter = field(default_factory=Counter)
    rejected: int = 0
    errors: list[str] = field(default_factory=list)
    final_by_row: dict[int, int] = field(default_factory=dict)
    audit_seqs: list[int] = field(default_factory=list)
    audit_before: int = 0
    verify_ok: bool = False
    seconds: float = 0.0

    @property
    def accepted(self) -> int:
        return sum(self.accepted_by_row.values())

    @property
    def lost(self) -> int:
        """Saves reported as accepted whose increment is not in the final value."""
        return sum(self.accepted_by_row[row] - self.final_by_row[row] for row in self.final_by_row)

    @property
    def gapless(self) -> bool:
        return self.audit_seqs == list(range(self.audit_before + 1, self.audit_before + 1 + len(self.audit_seqs)))


def read_form(engine: Engine, initiative_id: int) -> tuple[dict, int]:
    """The edit form as a user sees it: every field of the initiative, and the version it is at."""
    with session_scope(engine) as session:
        row = session.get(Initiative, initiative_id)
        data = row.model_dump(include=set(SCALAR_FIELDS))
        data["phase"] = current_cycle(session, initiative_id).phase
        return data, row.version


def versioned_save(engine: Engine, actor: int, initiative_id: int) -> bool:
    """Save counter + 1 with the version the form showed; False when the service reports a conflict."""
    data, seen = read_form(engine, initiative_id)
    data["description"] = str(int(data["description"] or 0) + 1)
    try:
        with session_scope(engine, write=True) as session:
            update_initiative(session=session, actor=actor, initiative_id=initiative_id, seen_version=seen, data=data)
    except ConflictError:
        return False
    return True


def naive_save(engine: Engine, actor: int, initiative_id: int) -> bool:
    """The usual Streamlit save: reload the row at submit, assign the form's values, commit (no check)."""
    data, _ = read_form(engine, initiative_id)
    with session_scope(engine, write=True) as session:
        row = session.get(Initiative, initiative_id)
        row.description = str(int(data["description"] or 0) + 1)
        session.add(row)
    return True


SAVES_BY_NAME: dict[str, Save] = {"versioned": versioned_save, "naive": naive_save}


def prepare(engine: Engine, rows: int) -> tuple[int, list[int]]:
    """An owner and `rows` fresh initiatives whose description is the counter 0."""
    with session_scope(engine, write=True) as session:
        n = next(_names)
        owner = create_person(
            session=session,
            actor=SYSTEM_ACTOR,
            data={
                "name": f"Bench owner {n}",
                "email": f"bench{n}.{uuid.uuid4().hex[:6]}@example.nl",
                "role": Role.MANAGER,
            },
        )
        ids = [
            create_initiative(
                session=session,
                actor=SYSTEM_ACTOR,
                data={
                    "title": f"Bench {uuid.uuid4().hex[:10]}",
                    "description": "0",
                    "discipline": "design",
                    "owner_id": owner,
                },
            )
            for _ in range(rows)
        ]
    return owner, ids


def run_saves(
    engine: Engine, *, save: str = "versioned", same_row: bool = True, threads: int = THREADS, saves: int = SAVES
) -> Outcome:
    """`threads` threads each make `saves` accepted saves, all on one initiative or each on its own."""
    actor, ids = prepare(engine, 1 if same_row else threads)
    outcome = Outcome(save=save, rows=len(ids))
    outcome.audit_before = _last_seq(engine)
    lock, start = threading.Lock(), threading.Barrier(threads)

    def worker(initiative_id: int) -> None:
        accepted = rejected = 0
        errors: list[str] = []
        start.wait()
        for _ in range(saves * MAX_ATTEMPTS_PER_SAVE):
            if accepted == saves:
                break
            try:
                if SAVES_BY_NAME[save](engine, actor, initiative_id):
                    accepted += 1
                else:
                    rejected += 1
                    time.sleep(random.uniform(0, RETRY_PAUSE_S))
            except Exception as exc:  # noqa: BLE001 (anything but a ConflictError is a failure the report must show)
                errors.append(f"{type(exc).__name__}: {exc}")
        with lock:
            outcome.accepted_by_row[initiative_id] += accepted
            outcome.rejected += rejected
            outcome.errors.extend(errors)

    workers = [threading.Thread(target=worker, args=(ids[i % len(ids)],)) for i in range(threads)]
    began = time.perf_counter()
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    outcome.seconds = time.perf_counter() - began
    _collect(engine, outcome, ids)
    return outcome


def _last_seq(engine: Engine) -> int:
    with session_scope(engine) as session:
        return session.exec(select(func.coalesce(func.max(AuditEvent.seq), 0))).one()


def _collect(engine: Engine, outcome: Outcome, ids: list[int]) -> None:
    with session_scope(engine) as session:
        rows = session.exec(select(Initiative.id, Initiative.description).where(Initiative.id.in_(ids))).all()
        outcome.final_by_row = {row_id: int(description) for row_id, description in rows}
        outcome.audit_seqs = list(
            session.exec(
                select(AuditEvent.seq).where(AuditEvent.seq > outcome.audit_before).order_by(AuditEvent.seq)
            ).all()
        )
        outcome.verify_ok = audit.verify(session, get_settings().audit_key).ok


def _postgres_database(admin_url: str):
    """A fresh PostgreSQL database (URL) and a function that drops it."""
    name = f"cxgov_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(admin_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return normalise_url(admin_url).rsplit("/", 1)[0] + "/" + name, drop


def bench_backend(label: str, url: str, threads: int, saves: int) -> list[tuple]:
    """Migrate `url`, run the four scenarios and return one table row each."""
    migrate(url)
    engine = make_engine(url)
    table = []
    try:
        for save, same_row in itertools.product(("versioned", "naive"), (True, False)):
            o = run_saves(engine, save=save, same_row=same_row, threads=threads, saves=saves)
            versioned = save == "versioned"
            table.append(
                (
                    label,
                    save,
                    "same row" if same_row else f"{o.rows} rows",
                    o.accepted,
                    o.rejected,
                    len(o.errors),
                    o.lost,
                    len(o.audit_seqs),
                    ("yes" if o.gapless else "NO") if versioned else "-",
                    "OK" if o.verify_ok else "FAIL",
                    f"{o.accepted / o.seconds:.0f}",
                )
            )
            for error in o.errors[:3]:
                print(f"  {label} {save}: {error}", file=sys.stderr)
    finally:
        engine.dispose()
    return table


def print_table(rows: list[tuple]) -> None:
    """A compact table: numbers right-aligned under right-aligned headings."""
    header = (
        "backend",
        "save",
        "rows",
        "accepted",
        "rejected",
        "errors",
        "lost",
        "audit events",
        "gapless",
        "verify",
        "saves/s",
    )
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    numeric = [isinstance(v, int) or v.isdigit() for v in rows[0]]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print(
            "  ".join(
                str(v).rjust(w) if right else str(v).ljust(w) for v, w, right in zip(row, widths, numeric, strict=True)
            )
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("CXGOV_TEST_POSTGRES_URL"),
        help="server to create a scratch database on (default: CXGOV_TEST_POSTGRES_URL)",
    )
    parser.add_argument("--threads", type=int, default=THREADS)
    parser.add_argument("--saves", type=int, default=SAVES, help="accepted saves per thread")
    args = parser.parse_args(argv)
    os.environ.setdefault("CXGOV_AUDIT_KEY", "bench-audit-key-" + uuid.uuid4().hex)  # a scratch chain
    get_settings.cache_clear()
    print(
        f"Concurrent saves: {args.threads} threads x {args.saves} accepted saves each "
        "(versioned = the service's version check; naive = reload at submit, no check)"
    )
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        rows += bench_backend("sqlite", f"sqlite:///{scratch}/bench.sqlite3", args.threads, args.saves)
    if args.postgres_url:
        url, drop = _postgres_database(args.postgres_url)
        try:
            rows += bench_backend("postgres", url, args.threads, args.saves)
        finally:
            drop()
    else:
        print("(PostgreSQL skipped: set CXGOV_TEST_POSTGRES_URL or pass --postgres-url)")
    print_table(rows)
    failed = any(r[1] == "versioned" and (r[5] or r[6] or r[8] != "yes" or r[9] != "OK") for r in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
