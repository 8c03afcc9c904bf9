"""Worksheet names Excel accepts, made from titles anyone may have typed: none of []:*?/\\, no control or format
characters, no apostrophe at either end, at most 31 UTF-16 units (Excel counts those), not 'History' (Excel
keeps it for itself) and unique in the workbook, compared as Excel compares them (case-insensitively)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable

from cxgov.io.export import SHEET_NAME_FORBIDDEN, SHEET_NAME_MAX

RESERVED = frozenset({"history"})


def sheet_names(titles: Iterable[str], *, taken: Iterable[str] = (), unnamed: Callable[[int], str]) -> list[str]:
    """One name per title, in order, none equal to another or to one `taken`; `unnamed(n)` names the n-th title
    (from 1) when nothing of it is left."""
    used = {name.casefold() for name in taken} | RESERVED
    names = []
    for n, title in enumerate(titles, start=1):
        base = cleaned(title) or cleaned(unnamed(n))
        name, copy = base, 1
        while name.casefold() in used:
            copy += 1
            suffix = f" ({copy})"
            name = _cut(base, SHEET_NAME_MAX - _units(suffix)).rstrip(" '") + suffix
        used.add(name.casefold())
        names.append(name)
    return names


def cleaned(title: str) -> str:
    """`title` as a worksheet name, not yet made unique: forbidden characters as spaces, runs of spaces as one."""
    kept = "".join(
        " " if c in SHEET_NAME_FORBIDDEN or c.isspace() else "" if unicodedata.category(c).startswith("C") else c
        for c in title  # control, format, private-use and unassigned characters ("C…") dropped
    )
    return _cut(" ".join(kept.split()), SHEET_NAME_MAX).strip(" '")


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, units: int) -> str:
    """The longest start of `text` of at most `units` UTF-16 units (a character beyond the BMP counts two)."""
    total = 0
    for i, c in enumerate(text):
        total += _units(c)
        if total > units:
            return text[:i]
    return text
