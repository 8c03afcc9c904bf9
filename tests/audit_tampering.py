"""Tampering with the audit trail as an attacker with DDL rights would, shared by the chain and anchor tests."""

import hashlib
import hmac
from contextlib import contextmanager

import pytest
from sqlalchemy import text
from sqlmodel import select

from cxgov import audit
from cxgov.db import session_scope
from cxgov.models import AuditEvent, Role
from cxgov.settings import get_settings
from tests.factories import add_initiative, add_person

COLUMNS = (
    "occurred_at",
    "actor_id",
    "actor_name",
    "entity",
    "entity_id",
    "action",
    "field",
    "old_value",
    "new_value",
    "reason",
    "prev_hash",
    "hash",
)


@pytest.fixture
def chain(engine):
    """An engine whose audit trail holds a few events (creates and field edits)."""
    owner = add_person(engine, Role.PROGRAMME_OFFICE)
    for n in range(3):
        add_initiative(engine, owner_id=owner, actor=owner, title=f"Chain initiative {n}")
    report = verify(engine)
    assert report.ok and report.events >= 6, report.problems
    return engine


@contextmanager
def triggers_off(engine, how: str = "replica", table: str = "audit_event"):
    """A connection on which the append-only triggers of `table` do not fire; they are back on afterwards."""
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            triggers = connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
            ).all()
            assert triggers
            for name, _ in triggers:
                connection.exec_driver_sql(f"DROP TRIGGER {name}")
            yield connection
            for _, sql in triggers:
                connection.exec_driver_sql(sql)
        elif how == "replica":
            connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
            yield connection
        else:
            connection.exec_driver_sql(f"ALTER TABLE {table} DISABLE TRIGGER USER")
            yield connection
            connection.exec_driver_sql(f"ALTER TABLE {table} ENABLE TRIGGER USER")


def database_url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def last_seq(engine) -> int:
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT max(seq) FROM audit_event").scalar_one()


def swap_events(engine, first: int, second: int) -> None:
    """Swap everything two events hold but their numbers (hashes and links included)."""
    with triggers_off(engine) as connection:
        rows = {
            seq: row
            for seq, *row in connection.exec_driver_sql(
                f"SELECT seq, {', '.join(COLUMNS)} FROM audit_event WHERE seq IN ({first}, {second})"
            ).all()
        }
        assignments = ", ".join(f"{column} = :{column}" for column in COLUMNS)
        for seq, other in ((first, second), (second, first)):
            connection.execute(
                text(f"UPDATE audit_event SET {assignments} WHERE seq = :seq"),
                dict(zip(COLUMNS, rows[other], strict=True)) | {"seq": seq},
            )


def sha256_link(prev: str, canonical: str) -> str:
    return hashlib.sha256((prev + "\n" + canonical).encode()).hexdigest()


def hmac_other_key(prev: str, canonical: str) -> str:
    return hmac.new(b"a key the attacker guessed", (prev + "\n" + canonical).encode(), hashlib.sha256).hexdigest()


def rewrite_and_rechain(engine, attacker_hash) -> None:
    """Change the first event, then recompute every link and the head with `attacker_hash`."""
    with triggers_off(engine) as connection:
        connection.exec_driver_sql("UPDATE audit_event SET actor_name = 'Someone innocent' WHERE seq = 1")
    with session_scope(engine) as session:
        events = session.exec(select(AuditEvent).order_by(AuditEvent.seq)).all()
    with triggers_off(engine) as connection:
        prev = ""
        for event in events:
            digest = attacker_hash(prev, audit.canonical_text(event))
            connection.execute(
                text("UPDATE audit_event SET prev_hash = :prev, hash = :hash WHERE seq = :seq"),
                {"prev": prev, "hash": digest, "seq": event.seq},
            )
            prev = digest
        connection.execute(text("UPDATE audit_head SET last_hash = :hash"), {"hash": prev})


def verify(engine, anchors=()) -> audit.VerifyReport:
    with session_scope(engine) as session:
        return audit.verify(session, get_settings().audit_key, anchors=anchors)
