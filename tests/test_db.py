"""Database settings cxgov relies on: SQLite pragmas, portable enums, UTC, CHECK constraints."""

import sqlite3
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from cxgov.db import SQLITE_BUSY_TIMEOUT_MS, make_engine, session_scope
from cxgov.models import AuditEvent, Initiative, Role
from tests.factories import add_initiative, add_person


@pytest.mark.parametrize("write", [False, True], ids=["read", "write"])
def test_sqlite_connections_have_foreign_keys_wal_and_a_busy_timeout(sqlite_url, write):
    engine = make_engine(sqlite_url)
    with session_scope(engine, write=write) as session:
        pragma = lambda name: session.connection().exec_driver_sql(f"PRAGMA {name}").scalar_one()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("busy_timeout") == SQLITE_BUSY_TIMEOUT_MS > 0
    engine.dispose()


def test_sqlite_write_units_hold_the_write_lock_from_the_start(sqlite_url):
    """BEGIN IMMEDIATE: while one write unit is open, another writer cannot even begin (read-then-write safe)."""
    engine = make_engine(sqlite_url)
    with session_scope(engine, write=True) as session:
        session.connection()  # begins the unit
        other = sqlite3.connect(engine.url.database, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
    engine.dispose()


def test_enums_are_stored_as_their_values(engine):
    owner = add_person(engine, Role.PROGRAMME_OFFICE)
    initiative_id = add_initiative(
        engine, owner_id=owner, actor=owner, status="on_hold", discipline="customer_understanding"
    )
    with engine.connect() as connection:
        stored = connection.exec_driver_sql(
            f"SELECT status, discipline, lane FROM initiative WHERE id = {initiative_id}"
        ).one()
        assert tuple(stored) == ("on_hold", "customer_understanding", "project")
        role = connection.exec_driver_sql(f"SELECT role FROM person WHERE id = {owner}").scalar_one()
        assert role == "programme_office"
    with pytest.raises(IntegrityError), engine.begin() as connection:  # a CHECK constraint guards the values
        connection.exec_driver_sql(f"UPDATE initiative SET status = 'ON_HOLD' WHERE id = {initiative_id}")


def test_no_native_enum_types(engine):
    """Native enum types broke upgrade → downgrade → upgrade ('type already exists'): strings plus a CHECK."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            assert connection.exec_driver_sql("SELECT typname FROM pg_type WHERE typtype = 'e'").all() == []
        else:
            table_sql = connection.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'initiative'"
            ).scalar_one()
            assert "status VARCHAR(9) NOT NULL" in table_sql and "CHECK (status IN (" in table_sql


def test_datetimes_come_back_utc_aware(engine):
    owner = add_person(engine)
    initiative_id = add_initiative(engine, owner_id=owner)
    with session_scope(engine) as session:
        initiative = session.get(Initiative, initiative_id)
        event = session.exec(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        for moment in (initiative.created_at, initiative.updated_at, event.occurred_at):
            assert moment.tzinfo is not None and moment.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE initiative SET progress_pct = 150",
        "UPDATE initiative SET progress_pct = -1",
        "UPDATE initiative SET start_date = '2026-06-01', target_date = '2026-01-01'",
        "UPDATE initiative SET version = 0",
    ],
    ids=["progress-150", "progress-negative", "dates-reversed", "version-zero"],
)
def test_check_constraints_refuse_bad_values_at_the_database(engine, statement):
    owner = add_person(engine)
    add_initiative(engine, owner_id=owner)
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.exec_driver_sql(statement)
