"""The audit trail is append-only in the database and tamper-evident to anyone holding the key.

Tampering is done as an attacker with DDL rights would: drop the SQLite triggers, or switch PostgreSQL's
user triggers off (`session_replication_role = replica`, or `ALTER TABLE … DISABLE TRIGGER USER`).
"""

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy.exc import DBAPIError

from cxgov import audit
from cxgov.models import AuditEvent
from cxgov.models.base import utcnow
from cxgov.settings import PROJECT_ROOT
from tests.audit_tampering import (
    database_url,
    hmac_other_key,
    last_seq,
    rewrite_and_rechain,
    sha256_link,
    swap_events,
    triggers_off,
    verify,
)

# --- the database refuses changes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_event SET reason = 'nothing to see' WHERE seq = 2", "DELETE FROM audit_event WHERE seq = 2"],
)
def test_triggers_refuse_update_and_delete(chain, statement):
    with pytest.raises(DBAPIError, match="append-only"), chain.begin() as connection:
        connection.exec_driver_sql(statement)
    assert verify(chain).ok


def test_emptying_the_table_is_refused(chain):
    """TRUNCATE on PostgreSQL (row triggers do not see it); SQLite has none, and its whole-table DELETE
    skips the truncate shortcut when the table has triggers."""
    statement = "TRUNCATE audit_event" if chain.dialect.name == "postgresql" else "DELETE FROM audit_event"
    with pytest.raises(DBAPIError, match="append-only"), chain.begin() as connection:
        connection.exec_driver_sql(statement)
    assert verify(chain).ok


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
    problems = verify(chain).problems
    assert problems == ["event 2: content does not match its hash"]


def test_deleted_middle_event_is_detected(chain):
    with triggers_off(chain, "disable") as connection:
        connection.exec_driver_sql("DELETE FROM audit_event WHERE seq = 3")
    problems = verify(chain).problems
    assert "sequence gap: expected 3, found 4" in problems
    assert "event 4: broken link to the previous event" in problems


def test_deleted_last_event_is_detected_by_the_head(chain):
    last = last_seq(chain)
    with triggers_off(chain) as connection:
        connection.exec_driver_sql(f"DELETE FROM audit_event WHERE seq = {last}")
    problems = verify(chain).problems
    assert len(problems) == 1 and f"head says event {last} is last, the table ends at {last - 1}" in problems[0]


def test_swapped_events_are_detected(chain):
    swap_events(chain, 2, 3)
    problems = verify(chain).problems
    assert "event 2: content does not match its hash" in problems
    assert "event 3: content does not match its hash" in problems


@pytest.mark.parametrize("attacker_hash", [sha256_link, hmac_other_key], ids=["plain-sha256", "hmac-other-key"])
def test_rewritten_and_rechained_without_the_key_is_detected(chain, attacker_hash):
    """The attacker rewrites an event, recomputes every link and the head: consistent, but not with our key."""
    rewrite_and_rechain(chain, attacker_hash)
    report = verify(chain)
    assert report.events >= 6
    assert report.problems == [f"event {seq}: content does not match its hash" for seq in range(1, report.events + 1)]
    assert not any("link" in problem or "head" in problem for problem in report.problems)  # the chain itself holds


def test_verify_audit_command_fails_on_tampering(chain, cli):
    code, out, _ = cli(database_url(chain), "verify-audit")
    assert code == 0 and "OK" in out
    with triggers_off(chain) as connection:
        connection.exec_driver_sql("UPDATE audit_event SET old_value = 'x' WHERE seq = 1")
    code, _, err = cli(database_url(chain), "verify-audit")
    assert code == 1
    assert "FAIL: event 1: content does not match its hash" in err


def test_verify_audit_process_exit_code(chain):
    """The real entry point (`python -m cxgov verify-audit`) as an operator or cron job runs it."""
    env = os.environ | {"CXGOV_DATABASE_URL": database_url(chain)}

    def run():
        return subprocess.run(
            [sys.executable, "-m", "cxgov", "verify-audit"],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert run().returncode == 0
    with triggers_off(chain) as connection:
        connection.exec_driver_sql(f"DELETE FROM audit_event WHERE seq = {last_seq(chain)}")
    result = run()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FAIL: head says event" in result.stderr


# --- the head ----------------------------------------------------------------------------------------------


def test_verify_prints_the_head_which_is_the_last_event(chain, cli):
    with chain.connect() as connection:
        last_seq, last_hash = connection.exec_driver_sql(
            "SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1"
        ).one()
    report = verify(chain)
    assert (report.head_seq, report.head_hash) == (last_seq, last_hash)
    code, out, _ = cli(database_url(chain), "verify-audit")
    assert code == 0
    assert f"head: event {last_seq}, hash {last_hash}" in out


def test_empty_chain_verifies(engine, cli):
    report = verify(engine)
    assert report.ok and report.events == 0 and report.head_seq == 0
    code, out, _ = cli(database_url(engine), "verify-audit")
    assert code == 0 and "(empty chain)" in out


def test_canonical_text_covers_every_column():
    """A column left out of the hash could be changed unnoticed: the hashed text must name each one."""
    covered = set(
        json.loads(
            audit.canonical_text(
                AuditEvent(
                    seq=1, occurred_at=utcnow(), entity="x", entity_id="1", action="create", prev_hash="", hash=""
                )
            )
        )
    )
    assert covered == set(AuditEvent.model_fields) - {"prev_hash", "hash"}
