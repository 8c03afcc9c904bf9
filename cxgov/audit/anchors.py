"""Anchors of the audit chain: its head (sequence number and hash) kept outside the database.

A chain whose head row lives in the same database cannot prove its own length: deleting the last events and
rewinding the head leaves a shorter chain that verifies. An anchor taken earlier and kept elsewhere can:
`verify` fails when the chain no longer holds the anchored event with the anchored hash.

One anchor is one line, stable and greppable (`grep cxgov-audit-anchor`):

    cxgov-audit-anchor 1234:<64 hex characters of the event's hash> 2026-12-07T10:15:02Z backup db/backups/x.sqlite3

The anchors file only ever grows: each line is appended with one `write` on a file opened for appending,
under an exclusive lock, so two processes anchoring at once never interleave or rewrite earlier lines.
"""

from __future__ import annotations

import fcntl
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import Session

from cxgov.models import AuditHead

MARK = "cxgov-audit-anchor"
HASH_LENGTH = 64  # an HMAC-SHA256 hex digest
_HASH = re.compile(r"[0-9a-f]{64}")


class AnchorError(ValueError):
    """An anchor (given on the command line or read from a file) that cannot be read; the message says why."""


@dataclass(frozen=True)
class Anchor:
    """The chain's event `seq` had hash `hash` when the anchor was taken; `origin` says where it was read."""

    seq: int
    hash: str
    origin: str = ""

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"


def parse_anchor(text: str, origin: str = "") -> Anchor:
    """`SEQ:HASH` → Anchor, or AnchorError naming what is wrong with it."""
    shown = f"{origin}: " if origin else ""
    seq_text, colon, digest = text.strip().partition(":")
    if not colon:
        raise AnchorError(f"{shown}anchor {text.strip()!r} is not SEQ:HASH (an event number, a colon, its hash)")
    if not seq_text.isdigit() or int(seq_text) < 1:
        raise AnchorError(
            f"{shown}anchor {text.strip()!r}: the event number must be a whole number of 1 or more, not {seq_text!r}"
        )
    digest = digest.lower()
    if not _HASH.fullmatch(digest):
        raise AnchorError(
            f"{shown}anchor {text.strip()!r}: the hash must be {HASH_LENGTH} hexadecimal characters "
            f"(0-9, a-f), not {len(digest)} characters {digest[:16]!r}…"
        )
    return Anchor(seq=int(seq_text), hash=digest, origin=origin)


def anchor_line(anchor: Anchor, note: str, at: datetime | None = None) -> str:
    """The anchor as one line of the documented format, without its line break."""
    moment = (at or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    note = " ".join(note.split())  # one line, whatever the note held
    return f"{MARK} {anchor} {moment} {note}".rstrip()


def read_anchors_file(path: Path) -> list[Anchor]:
    """Every anchor line of `path` (blank lines and `#` comments are skipped); AnchorError names a bad line."""
    anchors = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        origin = f"{path}, line {number}"
        words = line.split(maxsplit=2)
        if words[0] != MARK or len(words) < 2:
            raise AnchorError(f"{origin}: not an anchor line (it must start with {MARK} SEQ:HASH)")
        anchors.append(parse_anchor(words[1], origin))
    return anchors


def append_anchor(path: Path, anchor: Anchor, note: str) -> str:
    """Append `anchor` to the anchors file at `path` (created if needed) and return the line written."""
    line = anchor_line(anchor, note)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)  # other cxgov processes append one whole line at a time too
        # A line cut short by a crash must not swallow this one: start on a fresh line.
        ends_open = os.fstat(descriptor).st_size > 0 and _last_byte(path) != b"\n"
        os.write(descriptor, (("\n" if ends_open else "") + line + "\n").encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)  # closing releases the lock
    return line


def _last_byte(path: Path) -> bytes:
    with path.open("rb") as file:
        file.seek(-1, os.SEEK_END)
        return file.read(1)


def chain_head(session: Session) -> Anchor | None:
    """The head as an anchor, or None for an empty chain (an anchor at event 0 would prove nothing)."""
    head = session.get(AuditHead, 1)
    if head is None or head.last_seq == 0:
        return None
    return Anchor(seq=head.last_seq, hash=head.last_hash)


def anchor_head(session: Session, path: Path | None, note: str) -> str | None:
    """Append the chain's current head to the anchors file; returns the line, or None when nothing was kept.

    For every moment the chain's state is handed to someone outside the database (a backup, a published
    governance record): call it after that unit's commit, so the anchor includes its events.
    """
    anchor = chain_head(session)
    if anchor is None or path is None:
        return None
    return append_anchor(path, anchor, note)
