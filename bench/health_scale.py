"""Benchmark: derived health and My work on the demo portfolio at scale, against the list query as the floor.

The initiatives list now judges every listed initiative by the health rules (cxgov.queries.health.assess),
and My work does so for a person's initiatives. Both must stay in the league of the list query itself: this
script loads the demo portfolio with N initiatives (default 10,000), then times, median of 5 runs each,
the list query (one SQL statement: the floor), `assess` over every initiative, and My work for the person
who owns the most. It prints milliseconds and the ratio to the floor.

    .venv/bin/python bench/health_scale.py [--initiatives N] [--postgres-url postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("CXGOV_AUDIT_KEY", "bench-audit-key-0123456789abcdef")

import sqlalchemy as sa
from sqlalchemy import create_engine

from bench._timing import median_ms
from cxgov.db import make_engine, migrate, normalise_url, session_scope
from cxgov.demo.portfolio import REFERENCE_DATE  # a fixed day: every run measures the same portfolio
from cxgov.models import Initiative
from cxgov.queries.health import assess
from cxgov.queries.initiatives import initiative_list
from cxgov.queries.my_work import my_work
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio


def run(label: str, url: str, initiatives: int) -> None:
    migrate(url)
    engine = make_engine(url)
    with session_scope(engine, write=True) as session:
        load_demo_portfolio(session=session, actor=SYSTEM_ACTOR, initiatives=initiatives, today=REFERENCE_DATE)
    with session_scope(engine) as session:
        busiest = session.execute(
            sa.select(Initiative.owner_id).group_by(Initiative.owner_id).order_by(sa.func.count().desc()).limit(1)
        ).scalar_one()
    today = REFERENCE_DATE
    floor, listed = median_ms(engine, lambda s: initiative_list(s))
    judged_ms, judged = median_ms(
        engine,
        lambda s: assess(s, initiative_ids=listed["id"].tolist(), today=today, cadence_days=30, spend_tolerance_pct=10),
    )
    work_ms, work = median_ms(
        engine,
        lambda s: my_work(s, person_id=busiest, may_approve=True, today=today, cadence_days=30, spend_tolerance_pct=10),
    )
    engine.dispose()
    flagged = sum(1 for a in judged.values() if a.delivery)
    print(f"{label}: {len(listed):,} initiatives, {flagged:,} with a delivery rule firing")
    print(f"    list query (floor)          {floor:8.0f} ms")
    print(f"    assess every initiative     {judged_ms:8.0f} ms   {judged_ms / floor:5.1f}× the floor")
    print(
        f"    My work of the busiest owner {work_ms:7.0f} ms   {work_ms / floor:5.1f}× the floor ({len(work):,} items)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--postgres-url", default=os.environ.get("CXGOV_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        run("SQLite", f"sqlite:///{folder}/bench.sqlite3", args.initiatives)
    if not args.postgres_url:
        print("PostgreSQL: skipped (give --postgres-url or set CXGOV_TEST_POSTGRES_URL)")
        return
    name = f"cxgov_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(args.postgres_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        run("PostgreSQL", normalise_url(args.postgres_url).rsplit("/", 1)[0] + "/" + name, args.initiatives)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


if __name__ == "__main__":
    main()
