"""How much room a text takes on a slide, estimated without a renderer. The theme's font is the company's choice,
so each character is given a width (in ems) that common sans-serif fonts stay under — narrow letters, wide letters,
capitals and the rest — a line is 1.2 times the font size, and text wraps at spaces as PowerPoint wraps it. Slides
planned with these estimates leave a little air rather than overflow. Also: text made safe for XML."""

from __future__ import annotations

import re
from functools import lru_cache

EMU_PER_PT = 12_700
EMU_PER_INCH = 914_400
LINE_HEIGHT = 1.2  # of the font size: PowerPoint's single line spacing
BOLD = 1.15  # bold text is this much wider
ELLIPSIS = "…"
# Widths in ems: DejaVu Sans's (LibreOffice's stand-in for Calibri), wider than Calibri's or Arial's.
NARROW, WIDE, CAPITAL, DIGIT, OTHER = 0.35, 0.95, 0.74, 0.64, 0.6
NARROW_CHARACTERS = frozenset(" iljtfrI.,;:'!|()[]-/")
WIDE_CHARACTERS = frozenset("mwMW—@%&…")

# XML 1.0 holds no control characters but tab and line breaks, no lone surrogates and no U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` as a slide can hold it: characters XML cannot carry removed, every line break as '\\n'."""
    return _NOT_XML.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))


def pt(size: float) -> int:
    """Points as EMU."""
    return round(size * EMU_PER_PT)


def per_line(width: int, size: float, *, bold: bool = False) -> float:
    """How many ems of text `size` points high fit on a line `width` EMU wide."""
    return max(1.0, width / EMU_PER_PT / size / (BOLD if bold else 1.0))


def line_height(size: float) -> int:
    return pt(size * LINE_HEIGHT)


@lru_cache(maxsize=65_536)
def width(text: str) -> float:
    """A text's width in ems."""
    return sum(_char(c) for c in text)


def _char(c: str) -> float:
    if c in NARROW_CHARACTERS:
        return NARROW
    if c in WIDE_CHARACTERS:
        return WIDE
    if c.isdigit():
        return DIGIT
    return CAPITAL if c.isupper() else OTHER


@lru_cache(maxsize=65_536)
def line_spans(text: str, room: float) -> tuple[tuple[int, int], ...]:
    """Where `text` breaks into lines of at most `room` ems, as (start, end) offsets: at spaces where it can, inside
    a word longer than a line where it must (as PowerPoint does), and at every line break."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        spans.extend((start + a, start + b) for a, b in _wrapped(line, room))
        start += len(line) + 1
    return tuple(spans)


def _wrapped(line: str, room: float) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin, used, last_space = 0, 0.0, -1
    n = 0
    while n < len(line):
        c = line[n]
        used += _char(c)
        if c == " ":
            last_space = n
        elif used > room:
            end = last_space if last_space > begin else max(n, begin + 1)
            spans.append((begin, end))
            begin = end
            while begin < len(line) and line[begin] == " ":
                begin += 1
            n, used, last_space = begin, 0.0, -1
            continue
        n += 1
    spans.append((begin, len(line)))
    return spans


def lines(text: str, room: float) -> int:
    return len(line_spans(text, room))


def shortened(text: str, room: float, max_lines: int) -> str:
    """`text` cut to `max_lines` lines, ending in '…' when anything was left out."""
    spans = line_spans(text, room)
    if len(spans) <= max_lines:
        return text
    start, end = spans[max_lines - 1]
    while end > start and width(text[start:end]) + WIDE > room:  # room for the ellipsis on the last line
        end -= 1
    return text[:end].rstrip() + ELLIPSIS


def split_at(text: str, room: float, max_lines: int) -> tuple[str, str]:
    """`text` cut after `max_lines` lines: what fits and what is left (both stripped of the spaces between)."""
    spans = line_spans(text, room)
    if len(spans) <= max_lines:
        return text, ""
    end = spans[max_lines - 1][1]
    return text[:end].rstrip(), text[end:].lstrip()
