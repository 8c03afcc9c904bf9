"""Anchors: the audit chain's head kept outside the database proves the chain's length.

Every attack of the outside probe, run against the chain with and without an anchor taken before the attack.
Plainly: without an anchor, cutting off the last events and rewinding the head row PASSES verification (the
chain that is left is consistent, and the head agrees with it); with an anchor it fails. Every other attack
fails either way.
"""

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from cxgov.audit.anchors import (
    MARK,
    Anchor,
    AnchorError,
    anchor_head,
    anchor_line,
    append_anchor,
    parse_anchor,
    read_anchors_file,
)
from cxgov.db import make_engine, session_scope
from cxgov.models import Role
from cxgov.settings import PROJECT_ROOT, load_settings
from tests.audit_tampering import (
    database_url,
    hmac_other_key,
    last_seq,
    rewrite_and_rechain,
    swap_events,
    triggers_off,
    verify,
)
from tests.factories import add_initiative, add_person

HASH = "ab" * 32


def _anchor(engine) -> Anchor:
    """The head as it is now: the anchor an operator would have kept."""
    report = verify(engine)
    return Anchor(seq=report.head_seq, hash=report.head_hash)


# --- the probe's attacks ------------------------------------------------------------------------------------


def _edit_middle(engine):
    with triggers_off(engine) as connection:
        connection.exec_driver_sql("UPDATE audit_event SET new_value = 'Something else' WHERE seq = 2")


def _delete_middle(engine):
    with triggers_off(engine, "disable") as connection:
        connection.exec_driver_sql("DELETE FROM audit_event WHERE seq = 3")


def _delete_tail_without_rewinding(engine):
    last = last_seq(engine)
    with triggers_off(engine) as connection:
        connection.exec_driver_sql(f"DELETE FROM audit_event WHERE seq > {last - 2}")


def _swap_payloads(engine):
    swap_events(engine, 2, 3)


def _rechain_with_another_key(engine):
    rewrite_and_rechain(engine, hmac_other_key)


def cut_tail_and_rewind(engine, keep: int) -> None:
    """Delete every event after `keep` and move the head back to event `keep`: the blind spot."""
    with triggers_off(engine) as connection:
        kept_hash = connection.exec_driver_sql(f"SELECT hash FROM audit_event WHERE seq = {keep}").scalar_one()
        connection.exec_driver_sql(f"DELETE FROM audit_event WHERE seq > {keep}")
        connection.execute(
            text("UPDATE audit_head SET last_seq = :seq, last_hash = :hash"), {"seq": keep, "hash": kept_hash}
        )


def _cut_tail_and_rewind(engine):
    cut_tail_and_rewind(engine, last_seq(engine) - 2)


ATTACKS = [
    _edit_middle,
    _delete_middle,
    _delete_tail_without_rewinding,
    _swap_payloads,
    _rechain_with_another_key,
    _cut_tail_and_rewind,
]


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda a: a.__name__.strip("_"))
def test_every_attack_of_the_probe_fails_with_an_anchor_and_only_the_rewind_passes_without(chain, attack):
    anchor = _anchor(chain)
    attack(chain)
    without = verify(chain)
    with_anchor = verify(chain, [anchor])
    assert without.ok is (attack is _cut_tail_and_rewind), without.problems  # the blind spot, stated plainly
    assert not with_anchor.ok
    if attack is _cut_tail_and_rewind:  # only the anchor sees it
        assert len(with_anchor.problems) == 1 and with_anchor.problems[0].startswith(f"anchor {anchor}: ")


def test_the_rewind_is_named_by_the_anchor_it_contradicts(chain):
    last = last_seq(chain)
    older, newest = Anchor(seq=2, hash=_hash_of(chain, 2)), _anchor(chain)
    cut_tail_and_rewind(chain, last - 2)
    report = verify(chain, [older, newest])
    assert report.ok is False and report.anchors == 2
    assert report.problems == [f"anchor {newest}: the chain ends at event {last - 2}: events were removed from its end"]


def test_a_chain_regrown_after_the_cut_contradicts_the_anchor_by_its_hash(chain):
    """After the cut the app goes on writing: the chain reaches the anchored number again, with other events."""
    anchor = _anchor(chain)
    cut_tail_and_rewind(chain, anchor.seq - 2)
    owner = add_person(chain, Role.PROGRAMME_OFFICE)
    add_initiative(chain, owner_id=owner, actor=owner, title="Written after the cut")
    assert last_seq(chain) >= anchor.seq and verify(chain).ok
    problems = verify(chain, [anchor]).problems
    assert len(problems) == 1
    assert problems[0].startswith(f"anchor {anchor}: event {anchor.seq} has another hash")


def test_an_anchor_of_an_untouched_chain_passes_and_so_does_an_older_one(chain):
    older = Anchor(seq=3, hash=_hash_of(chain, 3))
    report = verify(chain, [older, _anchor(chain)])
    assert report.ok and report.anchors == 2


def _hash_of(engine, seq: int) -> str:
    with engine.connect() as connection:
        return connection.exec_driver_sql(f"SELECT hash FROM audit_event WHERE seq = {seq}").scalar_one()


def test_events_added_behind_an_unmoved_head_are_reported(chain):
    """Verification stops at the head (writers commit meanwhile); an event beyond a head that stays put is
    one that was added without moving it."""
    last = last_seq(chain)
    with triggers_off(chain) as connection:
        connection.exec_driver_sql(
            f"INSERT INTO audit_event (seq, occurred_at, actor_name, entity, entity_id, action, reason, prev_hash, "
            f"hash) SELECT {last + 1}, occurred_at, actor_name, entity, entity_id, action, reason, hash, hash "
            f"FROM audit_event WHERE seq = {last}"
        )
    assert verify(chain).problems == [f"the table holds events after event {last}, which the head says is last"]


# --- the command line -------------------------------------------------------------------------------------


def _anchor_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(MARK + " ")]


def test_verify_audit_prints_an_anchor_line_and_checks_it_later(chain, cli):
    code, out, _ = cli(database_url(chain), "verify-audit")
    [line] = _anchor_lines(out)
    assert code == 0 and "anchors checked: none" in out
    given = line.split()[1]
    assert given == str(_anchor(chain))
    cut_tail_and_rewind(chain, last_seq(chain) - 1)
    code, out, err = cli(database_url(chain), "verify-audit")
    assert code == 0, "without an anchor the rewound chain passes: the blind spot anchors close"
    code, out, err = cli(database_url(chain), "verify-audit", "--anchor", given)
    assert code == 1
    assert f"FAIL: anchor {given} (from --anchor): the chain ends at event" in err
    assert not _anchor_lines(out), "a chain that fails is never offered as an anchor"


def test_verify_audit_reads_the_configured_anchors_file_and_appends_to_it(chain, cli, monkeypatch, tmp_path):
    anchors = tmp_path / "anchors" / "audit-anchors.txt"
    monkeypatch.setenv("CXGOV_AUDIT_ANCHOR_FILE", str(anchors))
    code, out, _ = cli(database_url(chain), "verify-audit", "--append-anchor")
    assert code == 0 and f"Anchor appended to {anchors}" in out
    [line] = anchors.read_text().splitlines()
    assert line.endswith(" verify-audit") and line in out
    code, out, _ = cli(database_url(chain), "verify-audit")
    assert code == 0 and f"anchors checked: 1 (1 from {anchors})" in out
    cut_tail_and_rewind(chain, last_seq(chain) - 1)
    code, _, err = cli(database_url(chain), "verify-audit")
    assert code == 1 and f"(from {anchors}, line 1): the chain ends at event" in err


def test_append_anchor_needs_an_anchors_file(chain, cli):
    code, _, err = cli(database_url(chain), "verify-audit", "--append-anchor")
    assert code == 2 and "set CXGOV_AUDIT_ANCHOR_FILE or give --anchors-file" in err


def test_backup_appends_the_copy_s_head_as_an_anchor(sqlite_url, cli, monkeypatch, tmp_path):
    engine = make_engine(sqlite_url)
    owner = add_person(engine, Role.PROGRAMME_OFFICE)
    anchors = tmp_path / "audit-anchors.txt"
    anchors.write_text("# anchors of the test installation\n")
    monkeypatch.setenv("CXGOV_AUDIT_ANCHOR_FILE", str(anchors))
    for n in (1, 2):
        add_initiative(engine, owner_id=owner, actor=owner, title=f"Before backup {n}")
        target = tmp_path / f"backup-{n}.sqlite3"
        code, out, _ = cli(sqlite_url, "backup", "--output", str(target))
        assert code == 0 and f"Anchor appended to {anchors}" in out
    lines = read_anchors_file(anchors)
    assert [a.seq for a in lines] == sorted({a.seq for a in lines}) and len(lines) == 2
    assert lines[-1] == Anchor(
        seq=last_seq(engine), hash=_hash_of(engine, last_seq(engine)), origin=f"{anchors}, line 3"
    )
    assert anchors.read_text().splitlines()[2].endswith(f"backup {tmp_path / 'backup-2.sqlite3'}")
    cut_tail_and_rewind(engine, lines[0].seq)
    code, _, err = cli(sqlite_url, "backup", "--output", str(tmp_path / "backup-3.sqlite3"))
    assert code == 1 and "no anchor was kept" in err and f"anchor {lines[1]}" in err
    assert len(read_anchors_file(anchors)) == 2  # nothing appended for a chain that contradicts its anchors
    engine.dispose()


def test_backup_without_an_anchors_file_prints_the_anchor_to_keep(sqlite_url, cli, tmp_path):
    engine = make_engine(sqlite_url)
    owner = add_person(engine, Role.PROGRAMME_OFFICE)
    add_initiative(engine, owner_id=owner, actor=owner)
    code, out, _ = cli(sqlite_url, "backup", "--output", str(tmp_path / "backup.sqlite3"))
    [line] = _anchor_lines(out)
    assert code == 0 and line.split()[1] == str(_anchor(engine))
    assert "No anchors file (CXGOV_AUDIT_ANCHOR_FILE): keep the anchor line above off this host." in out
    engine.dispose()


def test_backup_of_an_empty_chain_keeps_no_anchor(sqlite_url, cli, monkeypatch, tmp_path):
    monkeypatch.setenv("CXGOV_AUDIT_ANCHOR_FILE", str(tmp_path / "audit-anchors.txt"))
    code, out, _ = cli(sqlite_url, "backup", "--output", str(tmp_path / "empty.sqlite3"))
    assert code == 0 and "no anchor to keep" in out
    assert not (tmp_path / "audit-anchors.txt").exists()


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("12", "is not SEQ:HASH"),
        ("0:" + HASH, "must be a whole number of 1 or more, not '0'"),
        ("-3:" + HASH, "must be a whole number of 1 or more, not '-3'"),
        ("twelve:" + HASH, "must be a whole number of 1 or more, not 'twelve'"),
        ("12:" + HASH[:-1], "must be 64 hexadecimal characters (0-9, a-f), not 63 characters"),
        ("12:" + "xy" * 32, "must be 64 hexadecimal characters"),
    ],
)
def test_a_malformed_anchor_is_refused_with_what_is_wrong(chain, cli, given, message):
    with pytest.raises(AnchorError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_anchor(given)
    code, out, err = cli(database_url(chain), "verify-audit", f"--anchor={given}")
    assert code == 2 and f"error: --anchor: anchor {given!r}" in err and message in err
    assert "audit events" not in out  # refused before any verification


def test_a_malformed_anchors_file_names_the_line(chain, cli, tmp_path):
    anchors = tmp_path / "anchors.txt"
    anchors.write_text(f"{MARK} 3:{HASH} 2026-12-01T10:00:00Z backup\n\nnot an anchor at all\n")
    code, _, err = cli(database_url(chain), "verify-audit", "--anchors-file", str(anchors))
    assert code == 2 and f"{anchors}, line 3: not an anchor line" in err
    anchors.write_text(f"{MARK} 3:{HASH[:10]} 2026-12-01T10:00:00Z backup\n")
    code, _, err = cli(database_url(chain), "verify-audit", "--anchors-file", str(anchors))
    assert code == 2 and f"{anchors}, line 1: anchor" in err and "not 10 characters" in err
    code, _, err = cli(database_url(chain), "verify-audit", "--anchors-file", str(tmp_path / "missing.txt"))
    assert code == 2 and "missing.txt: no such file" in err


def test_the_anchor_line_format_is_stable():
    line = anchor_line(Anchor(seq=1234, hash=HASH), "backup /x/y z.sqlite3\nsecond line", at=None)
    mark, anchor, moment, note = line.split(" ", 3)
    assert (mark, anchor, note) == (MARK, f"1234:{HASH}", "backup /x/y z.sqlite3 second line")
    assert len(moment) == 20 and moment.endswith("Z") and moment[10] == "T"
    assert parse_anchor(anchor.upper()) == Anchor(seq=1234, hash=HASH)


# --- the anchors file -------------------------------------------------------------------------------------


def _append_many(path: str, writer: int, count: int, start) -> None:
    start.wait()  # every writer begins at the same moment, so their appends really race
    for n in range(count):
        append_anchor(Path(path), Anchor(seq=writer * 10_000 + n + 1, hash=HASH), f"writer {writer} line {n}")


def test_concurrent_appends_from_many_processes_keep_every_line_whole(tmp_path):
    path = tmp_path / "audit-anchors.txt"
    append_anchor(path, Anchor(seq=1, hash=HASH), "before")
    before = path.read_bytes()
    writers, count = 6, 200
    context = multiprocessing.get_context("fork")
    start = context.Barrier(writers)
    processes = [context.Process(target=_append_many, args=(str(path), w, count, start)) for w in range(1, writers + 1)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [process.exitcode for process in processes] == [0] * writers
    assert path.read_bytes().startswith(before)  # earlier lines are never rewritten
    anchors = read_anchors_file(path)  # every line parses: none interleaved or torn
    assert len(anchors) == 1 + writers * count
    assert {a.seq for a in anchors} == {1} | {w * 10_000 + n + 1 for w in range(1, writers + 1) for n in range(count)}


def test_an_append_after_a_torn_last_line_starts_a_fresh_line(tmp_path):
    path = tmp_path / "audit-anchors.txt"
    path.write_text(f"{MARK} 7:{HASH} 2026-12-01T10:00:00Z backup\n{MARK} 8:{HASH[:20]}")  # a crash mid-write
    append_anchor(path, Anchor(seq=9, hash=HASH), "after the crash")
    lines = path.read_text().splitlines()
    assert len(lines) == 3 and lines[2].startswith(f"{MARK} 9:{HASH}")
    with pytest.raises(AnchorError, match="line 2"):
        read_anchors_file(path)  # the torn line is shown to the operator, not silently dropped


def test_anchor_head_for_callers_after_a_commit(engine, tmp_path):
    """The one function a published record (or any hand-over of the chain) calls after its commit."""
    path = tmp_path / "audit-anchors.txt"
    with session_scope(engine) as session:
        assert anchor_head(session, path, "board pack") is None  # an empty chain proves nothing
    owner = add_person(engine, Role.PROGRAMME_OFFICE)
    add_initiative(engine, owner_id=owner, actor=owner)
    with session_scope(engine) as session:
        line = anchor_head(session, path, "board pack 2026-12")
        assert anchor_head(session, None, "no file configured") is None
    assert path.read_text() == line + "\n" and line.endswith(" board pack 2026-12")
    assert verify(engine, read_anchors_file(path)).ok


# --- the setting --------------------------------------------------------------------------------------------


def test_local_sqlite_keeps_its_anchors_beside_the_generated_audit_key(monkeypatch, tmp_path):
    monkeypatch.delenv("CXGOV_DATABASE_URL", raising=False)
    monkeypatch.delenv("CXGOV_AUDIT_KEY", raising=False)
    monkeypatch.setenv("CXGOV_AUDIT_KEY_FILE", str(tmp_path / "keys" / "audit.key"))
    assert load_settings().audit_anchor_file == tmp_path / "keys" / "audit-anchors.txt"
    monkeypatch.setenv("CXGOV_AUDIT_ANCHOR_FILE", str(tmp_path / "elsewhere.txt"))
    assert load_settings().audit_anchor_file == tmp_path / "elsewhere.txt"


def test_no_default_anchors_file_without_a_generated_key(monkeypatch):
    monkeypatch.setenv("CXGOV_AUDIT_KEY", "k" * 32)
    assert load_settings().audit_anchor_file is None
    monkeypatch.setenv("CXGOV_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")
    assert load_settings().audit_anchor_file is None


def test_the_process_exit_code_of_a_rewound_chain_with_its_anchor(chain):
    """`python -m cxgov verify-audit --anchor` as a cron job runs it: exit 1 after the rewind."""
    env = os.environ | {"CXGOV_DATABASE_URL": database_url(chain)}
    anchor = str(_anchor(chain))

    def run():
        return subprocess.run(
            [sys.executable, "-m", "cxgov", "verify-audit", "--anchor", anchor],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert run().returncode == 0
    cut_tail_and_rewind(chain, last_seq(chain) - 1)
    result = run()
    assert result.returncode == 1 and f"FAIL: anchor {anchor}" in result.stderr
