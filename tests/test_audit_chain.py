"""The audit trail is append-only in the database and tamper-evident to anyone holding the key.

Tampering is done as an attacker with DDL rights would: drop the SQLite triggers, or switch PostgreSQL's
user triggers off (`session_replication_role = replica`, or `ALTER TABLE … DISABLE TRIGGER USER`).
"""
import hashlib
import hmac
import json
import os
import subprocess
import sys
from contextlib import contextmanager

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from cxgov import audit
from cxgov.db import session_scope
from cxgov.models import AuditEvent, Role
from cxgov.models.base import utcnow
from cxgov.settings import PROJECT_ROOT, get_settings
from tests.factories import add_initiative, add_person

COLUMNS = ("occurred_at", "actor_id", "actor_name", "entity", "entity_id", "action", "field", "old_value",
           "new_value", "reason", "prev_hash", "hash")


def _key() -> bytes:
    return get_settings().audit_key


def _verify(engine) -> audit.VerifyReport:
    with session_scope(engine) as session:
        return audit.verify(session, _key())


@pytest.fixture
def chain(engine):
    """An engine whose audit trail holds a few events (creates and field edits)."""
    owner = add_person(engine, Role.PROGRAMME_OFFICE)
    for n in range(3):
        add_initiative(engine, owner_id=owner, actor=owner, title=f"Chain initiative {n}")
    report = _verify(engine)
    assert report.ok and report.events >= 6, report.problems
    return engine


@contextmanager
def triggers_off(engine, how: str = "replica"):
    """A connection on which the append-only triggers do not fire; they are back on afterwards."""
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            triggers = connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event'").all()
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
            connection.exec_driver_sql("ALTER TABLE audit_event DISABLE TRIGGER USER")
            yield connection
            connection.exec_driver_sql("ALTER TABLE audit_event ENABLE TRIGGER USER")


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def _last_seq(engine) -> int:
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT max(seq) FROM audit_event").scalar_one()


# --- the database refuses changes ------------------------------------------------------------------------

@pytest.mark.parametrize("statement", ["UPDATE audit_event SET reason = 'nothing to see' WHERE seq = 2",
                                       "DELETE FROM audit_event WHERE seq = 2"])
def test_triggers_refuse_update_and_delete(chain, statement):
    with pytest.raises(DBAPIError, match="append-only"), chain.begin() as connection:
        connection.exec_driver_sql(statement)
    assert _verify(chain).ok


def test_emptying_the_table_is_refused(chain):
    """TRUNCATE on PostgreSQL (row triggers do not see it); SQLite has none, and its whole-table DELETE
    skips the truncate shortcut when the table has triggers."""
    statement = "TRUNCATE audit_event" if chain.dialect.name == "postgresql" else "DELETE FROM audit_event"
    with pytest.raises(DBAPIError, match="append-only"), chain.begin() as connection:
        connection.exec_driver_sql(statement)
    assert _verify(chain).ok


def test_triggers_come_back_after_an_attacker_switches_them_off(chain):
    """The tamper helper itself: proves the bypass is real and temporary (so the tests below are honest)."""
    ways = ["replica", "disable"] if chain.dialect.name == "postgresql" else ["drop"]
    for how in ways:
        with triggers_off(chain, how) as connection:
            connection.exec_driver_sql("UPDATE audit_event SET reason = reason WHERE seq = 1")
        with pytest.raises(DBAPIError, match="append-only"), chain.begin() as connection:
            connection.exec_driver_sql("UPDATE audit_event SET reason = reason WHERE seq = 1")


# --- tampering is detected -------------------------------------------------------------------------------

def test_edited_value_is_detected(chain):
    with triggers_off(chain) as connection:
        connection.exec_driver_sql("UPDATE audit_event SET new_value = 'Something else' WHERE seq = 2")
    problems = _verify(chain).problems
    assert problems == ["event 2: content does not match its hash"]


def test_deleted_middle_event_is_detected(chain):
    with triggers_off(chain, "disable") as connection:
        connection.exec_driver_sql("DELETE FROM audit_event WHERE seq = 3")
    problems = _verify(chain).problems
    assert "sequence gap: expected 3, found 4" in problems
    assert "event 4: broken link to the previous event" in problems


def test_deleted_last_event_is_detected_by_the_head(chain):
    last = _last_seq(chain)
    with triggers_off(chain) as connection:
        connection.exec_driver_sql(f"DELETE FROM audit_event WHERE seq = {last}")
    problems = _verify(chain).problems
    assert len(problems) == 1 and f"head says event {last} is last, the table ends at {last - 1}" in problems[0]


def swap_events(engine, first: int, second: int) -> None:
    """Swap everything two events hold but their numbers (hashes and links included)."""
    with triggers_off(engine) as connection:
        rows = {seq: row for seq, *row in connection.exec_driver_sql(
            f"SELECT seq, {', '.join(COLUMNS)} FROM audit_event WHERE seq IN ({first}, {second})").all()}
        assignments = ", ".join(f"{column} = :{column}" for column in COLUMNS)
        for seq, other in ((first, second), (second, first)):
            connection.execute(text(f"UPDATE audit_event SET {assignments} WHERE seq = :seq"),
                               dict(zip(COLUMNS, rows[other])) | {"seq": seq})


def test_swapped_events_are_detected(chain):
    swap_events(chain, 2, 3)
    problems = _verify(chain).problems
    assert "event 2: content does not match its hash" in problems
    assert "event 3: content does not match its hash" in problems


def _sha256(prev: str, canonical: str) -> str:
    return hashlib.sha256((prev + "\n" + canonical).encode()).hexdigest()


def _hmac_other_key(prev: str, canonical: str) -> str:
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
            connection.execute(text("UPDATE audit_event SET prev_hash = :prev, hash = :hash WHERE seq = :seq"),
                               {"prev": prev, "hash": digest, "seq": event.seq})
            prev = digest
        connection.execute(text("UPDATE audit_head SET last_hash = :hash"), {"hash": prev})


@pytest.mark.parametrize("attacker_hash", [_sha256, _hmac_other_key], ids=["plain-sha256", "hmac-other-key"])
def test_rewritten_and_rechained_without_the_key_is_detected(chain, attacker_hash):
    """The attacker rewrites an event, recomputes every link and the head: consistent, but not with our key."""
    rewrite_and_rechain(chain, attacker_hash)
    report = _verify(chain)
    assert report.events >= 6
    assert report.problems == [f"event {seq}: content does not match its hash" for seq in range(1, report.events + 1)]
    assert not any("link" in problem or "head" in problem for problem in report.problems)  # the chain itself holds


def test_verify_audit_command_fails_on_tampering(chain, cli):
    code, out, _ = cli(_url(chain), "verify-audit")
    assert code == 0 and "OK" in out
    with triggers_off(chain) as connection:
        connection.exec_driver_sql("UPDATE audit_event SET old_value = 'x' WHERE seq = 1")
    code, _, err = cli(_url(chain), "verify-audit")
    assert code == 1
    assert "FAIL: event 1: content does not match its hash" in err


def test_verify_audit_process_exit_code(chain):
    """The real entry point (`python -m cxgov verify-audit`) as an operator or cron job runs it."""
    env = os.environ | {"CXGOV_DATABASE_URL": _url(chain)}
    run = lambda: subprocess.run([sys.executable, "-m", "cxgov", "verify-audit"], cwd=PROJECT_ROOT, env=env,  # noqa: E731
                                 capture_output=True, text=True, timeout=60)
    assert run().returncode == 0
    with triggers_off(chain) as connection:
        connection.exec_driver_sql(f"DELETE FROM audit_event WHERE seq = {_last_seq(chain)}")
    result = run()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAIL: head says event" in result.stderr


# --- the head ----------------------------------------------------------------------------------------------

def test_verify_prints_the_head_which_is_the_last_event(chain, cli):
    with chain.connect() as connection:
        last_seq, last_hash = connection.exec_driver_sql(
            "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1").one()
    report = _verify(chain)
    assert (report.head_seq, report.head_hash) == (last_seq, last_hash)
    code, out, _ = cli(_url(chain), "verify-audit")
    assert code == 0
    assert f"head: event {last_seq}, hash {last_hash}" in out


def test_empty_chain_verifies(engine, cli):
    report = _verify(engine)
    assert report.ok and report.events == 0 and report.head_seq == 0
    code, out, _ = cli(_url(engine), "verify-audit")
    assert code == 0 and "(empty chain)" in out


def test_canonical_text_covers_every_column():
    """A column left out of the hash could be changed unnoticed: the hashed text must name each one."""
    covered = set(json.loads(audit.canonical_text(AuditEvent(seq=1, occurred_at=utcnow(), entity="x",
                                                             entity_id="1", action="create", prev_hash="",
                                                             hash=""))))
    assert covered == set(AuditEvent.model_fields) - {"prev_hash", "hash"}
