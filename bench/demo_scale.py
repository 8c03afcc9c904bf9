"""Benchmark: load the demo portfolio with 10,000 initiatives into a fresh database and print the figures.

    .venv/bin/python bench/demo_scale.py [--initiatives N] [--postgres-url postgresql://postgres@127.0.0.1:5432/test]

SQLite always runs (a temporary file). PostgreSQL runs when --postgres-url or CXGOV_TEST_POSTGRES_URL is given:
the script creates a fresh database next to the given one and drops it afterwards. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("CXGOV_AUDIT_KEY", "bench-audit-key-0123456789abcdef")

from sqlalchemy import create_engine

from cxgov import audit
from cxgov.db import make_engine, migrate, normalise_url, session_scope
from cxgov.demo.portfolio import REFERENCE_DATE  # a fixed day: every run measures the same portfolio
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio
from cxgov.settings import get_settings


def run(label: str, url: str, initiatives: int) -> None:
    """Migrate `url`, load the demo, verify the audit chain, print elapsed time, rows/s and counts."""
    migrate(url)
    engine = make_engine(url)
    started = time.perf_counter()
    with session_scope(engine, write=True) as session:
        summary = load_demo_portfolio(
            session=session, actor=SYSTEM_ACTOR, initiatives=initiatives, today=REFERENCE_DATE
        )
    elapsed = time.perf_counter() - started
    with session_scope(engine) as session:
        verified = audit.verify(session, get_settings().audit_key).ok
    engine.dispose()
    print(
        f"{label}: {summary.initiatives:,} initiatives, {summary.rows:,} rows in {elapsed:.1f} s "
        f"({summary.rows / elapsed:,.0f} rows/s); audit chain {'OK' if verified else 'BROKEN'}"
    )
    for table, count in summary.counts.items():
        print(f"    {table:<20} {count:>9,}")


def run_postgres(base_url: str, initiatives: int) -> None:
    name = f"cxgov_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(base_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        run("PostgreSQL", normalise_url(base_url).rsplit("/", 1)[0] + "/" + name, initiatives)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("CXGOV_TEST_POSTGRES_URL"),
        help="a PostgreSQL server URL (default: CXGOV_TEST_POSTGRES_URL)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run("SQLite", f"sqlite:///{folder}/bench.sqlite3", args.initiatives)
    if args.postgres_url:
        run_postgres(args.postgres_url, args.initiatives)
    else:
        print("PostgreSQL: skipped (give --postgres-url or set CXGOV_TEST_POSTGRES_URL)")


if __name__ == "__main__":
    main()
