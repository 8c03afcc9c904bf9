"""Benchmark: `verify-audit --rows` (the audit trail replayed against the rows) on the demo portfolio.

For each size (default: the 40-initiative demo and 5,000 initiatives) the script loads the demo, makes a few
hundred changes through the services (so the trail has events to replay, not only the demo's one), then
times, median of 5 runs each: plain `verify-audit` (the chain walk), reading the rows and columns the replay
reads, the same way, without comparing anything (the floor) and the replay itself. It prints milliseconds, the ratios,
the statements the replay ran, and checks that a value changed with plain SQL is found.

    .venv/bin/python bench/audit_rows.py [--initiatives 40 5000] [--postgres-url postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("CXGOV_AUDIT_KEY", "bench-audit-key-0123456789abcdef")

import sqlalchemy as sa
from sqlalchemy import event
from sqlmodel import SQLModel

from bench._scratch import scratch_postgres, scratch_sqlite
from bench._timing import median_ms
from cxgov import audit
from cxgov.audit import rows as audit_rows
from cxgov.db import make_engine, migrate, session_scope
from cxgov.demo.portfolio import REFERENCE_DATE  # a fixed day: every run measures the same portfolio
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services import plan
from cxgov.services.demo import load_demo_portfolio
from cxgov.settings import get_settings

EDITED = 150  # initiatives that get a milestone added and rescheduled through the services: 300 events


def read_every_audited_table(session) -> int:
    """The floor: the rows and columns the replay reads, read the same way, and nothing done with them."""
    rows = 0
    for entity, table_name in audit_rows.audited_tables().items():
        columns = audit_rows.read_columns(entity, SQLModel.metadata.tables[table_name])
        rows += sum(1 for _ in session.execute(sa.select(*columns).execution_options(yield_per=5000)).mappings())
    return rows


def edit_through_the_services(engine, count: int) -> None:
    with engine.connect() as connection:
        ids = connection.execute(sa.text(f"SELECT id FROM initiative ORDER BY id LIMIT {count}")).scalars().all()
    for initiative_id in ids:
        with session_scope(engine, write=True) as session:
            milestone = plan.add_milestone(
                session=session,
                actor=SYSTEM_ACTOR,
                initiative_id=initiative_id,
                data={"title": "Benchmark milestone", "due_on": "2027-03-31"},
            )
        with session_scope(engine, write=True) as session:
            plan.update_milestone(
                session=session,
                actor=SYSTEM_ACTOR,
                initiative_id=initiative_id,
                milestone_id=milestone,
                seen_version=1,
                data={"title": "Benchmark milestone", "due_on": "2027-04-30"},
            )


def statements(engine) -> int:
    seen = []
    listener = lambda *args: seen.append(1)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    with session_scope(engine) as session:
        audit_rows.replay(session)
    event.remove(engine, "before_cursor_execute", listener)
    return len(seen)


def tampering_found(engine) -> bool:
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE milestone SET due_on = '2027-05-31' WHERE id = (SELECT max(id) FROM milestone)"
        )  # one the services rescheduled
    with session_scope(engine) as session:
        return not audit_rows.replay(session).ok


def run(label: str, url: str, initiatives: int) -> None:
    migrate(url)
    engine = make_engine(url)
    with session_scope(engine, write=True) as session:
        load_demo_portfolio(session=session, actor=SYSTEM_ACTOR, initiatives=initiatives, today=REFERENCE_DATE)
    edit_through_the_services(engine, min(EDITED, initiatives))
    key = get_settings().audit_key
    verify_ms, verified = median_ms(engine, lambda s: audit.verify(s, key))
    floor, rows = median_ms(engine, read_every_audited_table)
    replay_ms, report = median_ms(engine, audit_rows.replay)
    count = statements(engine)
    found = tampering_found(engine)
    engine.dispose()
    assert verified.ok and report.ok, (verified.problems, report.differences[:5])
    print(f"{label}: {initiatives:,} initiatives, {rows:,} rows in audited tables, {verified.events:,} audit events")
    print(f"    verify-audit (chain)          {verify_ms:8.0f} ms")
    print(f"    read the rows it compares     {floor:8.0f} ms   (floor)")
    print(
        f"    verify-audit --rows replay    {replay_ms:8.0f} ms   {replay_ms / floor:5.1f}× the floor, "
        f"{report.fields_compared:,} values compared, {count} statements"
    )
    print(f"    a value changed with plain SQL: {'found' if found else 'NOT FOUND'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, nargs="+", default=[40, 5_000])
    parser.add_argument("--postgres-url", default=os.environ.get("CXGOV_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    for initiatives in args.initiatives:
        with scratch_sqlite() as url:
            run("SQLite", url, initiatives)
        if args.postgres_url:
            with scratch_postgres(args.postgres_url) as url:
                run("PostgreSQL", url, initiatives)
    if not args.postgres_url:
        print("PostgreSQL: skipped (give --postgres-url or set CXGOV_TEST_POSTGRES_URL)")


if __name__ == "__main__":
    main()
