"""Benchmark: the live data of a meeting's proposed agenda (every section) on the demo portfolio and at scale.

Loads the demo portfolio (40 initiatives, then N, default 5,000), adds a year of audit events (field edits,
target dates, budget plans) so the changes section has a real trail to read, and a meeting a quarter after the
previous one. Times `agenda_data` (median of 5) against a floor measured in the same run — one plain SELECT of
every initiative — and counts its SQL statements. Target: at most 2 s at 5,000 initiatives.

    .venv/bin/python bench/agenda.py [--initiatives N] [--postgres postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import uuid
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("CXGOV_AUDIT_KEY", "bench-audit-key-0123456789abcdef")

import sqlalchemy as sa
from sqlalchemy import create_engine

from bench._timing import median_ms
from cxgov.db import make_engine, migrate, normalise_url, session_scope
from cxgov.demo.portfolio import REFERENCE_DATE  # a fixed day: every run measures the same portfolio
from cxgov.models import AuditEvent, BudgetLine, Initiative, Meeting, MeetingMember, MeetingRole, MeetingStatus, Person
from cxgov.queries.agenda_data import agenda_data
from cxgov.rules.meetings import default_pre_read_due, quarter_of
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio

MEETING_STARTS = datetime.combine(REFERENCE_DATE, time(9, 0), tzinfo=UTC)
EDITS_PER_INITIATIVE = 18  # progress and target-date edits over the year
PLAN_EDITS_PER_LINE = 4


def add_audit_year(session, rng: random.Random) -> int:
    """A year of audited edits before the meeting, inserted in bulk (the chain is not what is measured here)."""
    seq = session.execute(sa.select(sa.func.coalesce(sa.func.max(AuditEvent.seq), 0))).scalar_one()
    initiatives = session.execute(sa.select(Initiative.id, Initiative.target_date)).all()
    lines = session.execute(sa.select(BudgetLine.id, BudgetLine.planned_cents)).all()
    people = session.execute(sa.select(Person.id, Person.name)).all()
    start = MEETING_STARTS - timedelta(days=365)
    events = []

    def event(entity: str, entity_id: int, field: str, old, new) -> None:
        who = rng.choice(people)
        events.append(
            {
                "occurred_at": start + timedelta(seconds=rng.randrange(365 * 86_400)),
                "actor_id": who.id,
                "actor_name": who.name,
                "entity": entity,
                "entity_id": str(entity_id),
                "action": "update",
                "field": field,
                "old_value": None if old is None else str(old),
                "new_value": str(new),
                "reason": "",
                "prev_hash": "",
                "hash": "",
            }
        )

    for initiative_id, target in initiatives:
        for n in range(EDITS_PER_INITIATIVE):
            if n % 3 == 0 and target is not None:
                event(
                    "initiative", initiative_id, "target_date", target, target + timedelta(days=rng.choice((-14, 30)))
                )
            else:
                event("initiative", initiative_id, "progress_pct", n * 5, n * 5 + 5)
    for line_id, cents in lines:
        for _ in range(PLAN_EDITS_PER_LINE):
            event("budget_line", line_id, "planned_cents", cents, int(cents * rng.uniform(0.8, 1.3)))
    events.sort(key=lambda e: e["occurred_at"])
    for e in events:
        seq += 1
        e["seq"] = seq
    session.execute(sa.insert(AuditEvent), events)
    return len(events)


def add_meetings(session) -> int:
    """The previous meeting a quarter before, and the meeting the agenda is for, with the board as members."""
    board = session.execute(sa.select(Person.id).order_by(Person.id).limit(6)).scalars().all()
    ids = []
    for starts_at in (MEETING_STARTS - timedelta(days=91), MEETING_STARTS):
        meeting = Meeting(
            body="CX board",
            quarter=quarter_of(starts_at.date()),
            starts_at=starts_at,
            chair_id=board[0],
            secretary_id=board[1],
            pre_read_due=default_pre_read_due(starts_at.date()),
            status=MeetingStatus.HELD if ids else MeetingStatus.DRAFT,
            previous_meeting_id=ids[-1] if ids else None,
        )
        session.add(meeting)
        session.flush()
        session.add_all(MeetingMember(meeting_id=meeting.id, person_id=p, role=MeetingRole.MEMBER) for p in board)
        ids.append(meeting.id)
    return ids[-1]


def statements(engine, work) -> int:
    seen = []

    def count(*_):
        seen.append(1)

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        with session_scope(engine) as session:
            work(session)
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def run(label: str, url: str, initiatives: int) -> None:
    migrate(url)
    engine = make_engine(url)
    with session_scope(engine, write=True) as session:
        load_demo_portfolio(session=session, actor=SYSTEM_ACTOR, initiatives=initiatives, today=REFERENCE_DATE)
    with session_scope(engine, write=True) as session:  # after the load's own event is sealed
        events = add_audit_year(session, random.Random(2026))
        meeting_id = add_meetings(session)
    floor, _ = median_ms(engine, lambda s: s.connection().execute(sa.select(Initiative.__table__)).all())
    agenda_ms, data = median_ms(engine, lambda s: agenda_data(s, meeting_id, today=REFERENCE_DATE))
    counted = statements(engine, lambda s: agenda_data(s, meeting_id, today=REFERENCE_DATE))
    engine.dispose()
    rows = {section.value: sum(len(t) for t in data.sections[section].tables.values()) for section in data.sections}
    print(f"{label}: {initiatives:,} initiatives, {events:,} audit events added over the year")
    print(f"    floor: SELECT every initiative  {floor:8.0f} ms")
    print(f"    agenda_data, every section      {agenda_ms:8.0f} ms   {agenda_ms / floor:5.1f}× the floor")
    print(f"    SQL statements                  {counted:8d}")
    print(f"    rows per section: {rows}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--initiatives", type=int, default=5_000)
    parser.add_argument(
        "--postgres", "--postgres-url", dest="postgres", default=os.environ.get("CXGOV_TEST_POSTGRES_URL")
    )
    args = parser.parse_args()
    for size in (40, args.initiatives):
        with tempfile.TemporaryDirectory() as folder:
            run("SQLite", f"sqlite:///{folder}/bench.sqlite3", size)
    if not args.postgres:
        print("PostgreSQL: skipped (give --postgres or set CXGOV_TEST_POSTGRES_URL)")
        return
    admin = create_engine(normalise_url(args.postgres), isolation_level="AUTOCOMMIT")
    for size in (40, args.initiatives):
        name = f"cxgov_bench_{uuid.uuid4().hex[:10]}"
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            run("PostgreSQL", normalise_url(args.postgres).rsplit("/", 1)[0] + "/" + name, size)
        finally:
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


if __name__ == "__main__":
    main()
