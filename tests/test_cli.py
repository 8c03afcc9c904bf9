"""`python -m cxgov …`: help for every command, migrate, verify-audit and a backup that keeps WAL rows."""

import argparse
import shutil
import sqlite3
import subprocess
import sys

import pytest

from cxgov.cli import build_parser, main
from cxgov.db import ensure_migrated, make_engine
from cxgov.settings import PROJECT_ROOT
from tests.factories import add_initiative, add_person

COMMANDS = sorted(next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices)


def test_the_command_line_offers_the_documented_commands():
    assert {"migrate", "verify-audit", "backup"} <= set(COMMANDS)


def test_help_exits_zero():
    result = subprocess.run(
        [sys.executable, "-m", "cxgov", "--help"], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert all(command in result.stdout for command in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    assert "usage: python -m cxgov " + command in capsys.readouterr().out


def test_migrate_a_fresh_database_then_the_app_accepts_it(tmp_path, cli):
    url = f"sqlite:///{tmp_path / 'new' / 'cxgov.sqlite3'}"
    code, out, _ = cli(url, "migrate")
    assert code == 0 and "migrated" in out
    engine = make_engine(url)
    ensure_migrated(engine)
    engine.dispose()
    assert cli(url, "migrate")[0] == 0  # running it again is harmless


def test_verify_audit_ok_prints_the_head(database_url, engine, cli):
    owner = add_person(engine)
    add_initiative(engine, owner_id=owner)
    with engine.connect() as connection:
        seq, digest = connection.exec_driver_sql("SELECT last_seq, last_hash FROM audit_head").one()
    code, out, _ = cli(database_url, "verify-audit")
    assert code == 0
    assert f"head: event {seq}, hash {digest}" in out and seq > 0


def test_backup_keeps_committed_rows_still_in_the_wal(sqlite_url, cli, tmp_path):
    """A file copy misses rows that live only in the WAL; the online backup has them, and not uncommitted ones."""
    database = sqlite_url.removeprefix("sqlite:///")
    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint=0")  # keep committed pages in the WAL, as a busy server does
    writer.executemany(
        "INSERT INTO department (name, active, version, created_at) VALUES (?, 1, 1, ?)",
        [(f"Committed {n}", "2026-11-29 10:00:00.000000") for n in range(25)],
    )
    pending = sqlite3.connect(database, isolation_level=None)
    pending.execute("BEGIN IMMEDIATE")
    pending.execute(
        "INSERT INTO department (name, active, version, created_at) VALUES ('Uncommitted', 1, 1, "
        "'2026-11-29 10:00:00.000000')"
    )
    naive_copy = tmp_path / "copied.sqlite3"
    shutil.copyfile(database, naive_copy)
    target = tmp_path / "backups" / "cxgov-backup.sqlite3"
    code, out, _ = cli(sqlite_url, "backup", "--output", str(target))
    pending.rollback()
    pending.close()
    writer.close()
    assert code == 0 and str(target) in out
    count = "SELECT count(*) FROM department WHERE name LIKE 'Committed %' OR name = 'Uncommitted'"
    with sqlite3.connect(target) as backup:
        assert backup.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert backup.execute(count).fetchone() == (25,)
    with sqlite3.connect(naive_copy) as copied:  # proves the rows were only in the WAL when we backed up
        assert copied.execute(count).fetchone() == (0,)
    assert cli(sqlite_url, "backup", "--output", str(target))[0] == 2  # never overwrites


def test_backup_of_postgres_points_to_pg_dump(cli):
    code, _, err = cli("postgresql://cxgov@127.0.0.1:5432/cxgov", "backup")
    assert code == 2
    assert "pg_dump" in err


def _typed_passwords(monkeypatch, *answers: str) -> None:
    """getpass answers in order (the command asks for the password, then its repetition)."""
    replies = iter(answers)
    monkeypatch.setattr("cxgov.cli.getpass.getpass", lambda prompt="": next(replies))


def test_set_password_gives_the_first_admin_a_password_to_sign_in_with(database_url, engine, cli, monkeypatch):
    from cxgov.db import session_scope
    from cxgov.models import LocalAccount, Person, Role
    from cxgov.services.accounts import sign_in

    admin = add_person(engine, Role.ADMIN, name="Ada Admin")
    with session_scope(engine) as session:
        email = session.get(Person, admin).email
    password = "Groene fiets op de kade"
    _typed_passwords(monkeypatch, password, password + "x")
    code, _, err = cli(database_url, "set-password", email)
    assert code == 2 and "not the same" in err
    _typed_passwords(monkeypatch, "short", "short")
    code, _, err = cli(database_url, "set-password", email)
    assert code == 2 and "too short" in err
    code, _, err = cli(database_url, "set-password", "nobody@example.nl")
    assert code == 2 and "no person" in err
    _typed_passwords(monkeypatch, password, password)
    code, out, _ = cli(database_url, "set-password", email.upper())
    assert code == 0 and "Password set" in out and password not in out
    with session_scope(engine, write=True) as session:
        result = sign_in(session=session, email=email, password=password)
    assert result.person_id == admin and result.must_change_password
    with session_scope(engine) as session:
        assert session.get(LocalAccount, admin).password_hash != password


def test_add_person_adds_the_first_admin_and_refuses_a_taken_address(database_url, engine, cli):
    from sqlmodel import select

    from cxgov.db import session_scope
    from cxgov.models import AuditEvent, Person, Role

    code, out, _ = cli(database_url, "add-person", "Ada@Voltera.NL", "--name", "Ada Admin", "--role", "admin")
    assert code == 0 and "Added Ada Admin <ada@voltera.nl> as admin" in out
    with session_scope(engine) as session:
        person = session.exec(select(Person).where(Person.email == "ada@voltera.nl")).one()
        actors = session.exec(select(AuditEvent.actor_name).where(AuditEvent.entity == "person")).all()
    assert (person.name, person.role) == ("Ada Admin", Role.ADMIN) and set(actors) == {"system"}
    code, _, err = cli(database_url, "add-person", "ada@voltera.nl", "--name", "Ada Twee")
    assert code == 2 and "already used by Ada Admin" in err
    code, _, err = cli(database_url, "add-person", "not-an-address", "--name", "X")
    assert code == 2 and "e-mail" in err
