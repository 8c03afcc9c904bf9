"""What a board pack holds, format-free: its sections in order, each with a title, the chair's commentary, named
facts and named tables of plain values. The same content is stored as a published snapshot, read back, and drawn
as PPTX, PDF and XLSX; it is hashed in one canonical JSON form, so a snapshot read back hashes as it was stored.

Values are plain: text, whole numbers, floats, booleans, None, dates, UTC times and lists or dicts of those.
JSON has no dates, times or non-finite floats: they are stored tagged ({"$date": "2026-12-01"}).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum

import numpy as np
import pandas as pd


class SectionKind(StrEnum):
    COVER = "cover"  # the meeting: body, quarter, time, place, chair, secretary
    SUMMARY = "summary"  # the executive summary: the decisions requested, a paragraph each
    SECTION = "section"  # a proposed section of the agenda, read from the portfolio
    TOPIC = "topic"  # a free agenda topic: its title and commentary
    INITIATIVE = "initiative"  # an initiative on the agenda
    KPI = "kpi"  # a KPI on the agenda: its readings
    ONE_PAGER = "one_pager"  # appendix: one initiative on one page
    KPI_DEFINITIONS = "kpi_definitions"  # appendix: what each KPI measures and how
    FRESHNESS = "freshness"  # appendix: how fresh each data source was at the cut-off


APPENDIX = frozenset({SectionKind.ONE_PAGER, SectionKind.KPI_DEFINITIONS, SectionKind.FRESHNESS})


@dataclass(frozen=True)
class PackTable:
    """A named table: column names and rows of plain values. A pack summarises: a table holds at most `limit`
    rows, the first ones in the order read (worst or newest first), and `total` says how many there were."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    total: int | None = None  # the rows there were, when more than the pack holds

    @classmethod
    def of(cls, name: str, frame: pd.DataFrame, limit: int | None = None) -> PackTable:
        kept = frame if limit is None else frame.head(limit)
        return cls(
            name=name,
            columns=tuple(str(c) for c in frame.columns),
            rows=tuple(tuple(plain(v) for v in row) for row in kept.itertuples(index=False, name=None)),
            total=len(frame) if len(kept) < len(frame) else None,
        )

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(list(self.rows), columns=list(self.columns), dtype=object)


@dataclass(frozen=True)
class PackSection:
    """One section of the pack. `section` names the agenda section a SECTION shows; `ref_id` the initiative or
    KPI an INITIATIVE, KPI or ONE_PAGER is about."""

    kind: SectionKind
    title: str
    commentary: str = ""
    section: str | None = None
    ref_id: int | None = None
    facts: Mapping[str, object] = field(default_factory=dict)
    tables: tuple[PackTable, ...] = ()

    def table(self, name: str) -> PackTable | None:
        return next((t for t in self.tables if t.name == name), None)

    def data_json(self) -> str:
        """The section's data as stored: its references, facts and tables."""
        return canonical(
            {
                "section": self.section,
                "ref_id": self.ref_id,
                "facts": [[k, plain(v)] for k, v in self.facts.items()],  # in their order
                "tables": [
                    {"name": t.name, "columns": list(t.columns), "rows": [list(r) for r in t.rows], "total": t.total}
                    for t in self.tables
                ],
            }
        )

    def content_hash(self) -> str:
        return sha256(
            canonical(
                {"kind": self.kind.value, "title": self.title, "commentary": self.commentary, "data": self.data_json()}
            )
        )

    @classmethod
    def stored(cls, *, kind: str, title: str, commentary: str, data: str) -> PackSection:
        """A section read back from its stored row."""
        values = decoded(json.loads(data))
        return cls(
            kind=SectionKind(kind),
            title=title,
            commentary=commentary,
            section=values["section"],
            ref_id=values["ref_id"],
            facts=dict(values["facts"]),
            tables=tuple(
                PackTable(t["name"], tuple(t["columns"]), tuple(tuple(r) for r in t["rows"]), t["total"])
                for t in values["tables"]
            ),
        )


@dataclass(frozen=True)
class PackContent:
    """A whole pack: the meeting it is for, when its figures were read (the cut-off, UTC), its language and clock,
    its number among the meeting's packs (None for a draft built from the live data) and its sections."""

    meeting_id: int
    cut_off: datetime
    language: str
    time_zone: str
    sections: tuple[PackSection, ...]
    number: int | None = None

    @property
    def cover(self) -> PackSection:
        return next(s for s in self.sections if s.kind is SectionKind.COVER)

    def content_hash(self) -> str:
        """SHA-256 over what identifies the pack and its sections' hashes, in order."""
        return sha256(
            canonical(
                {
                    "meeting_id": self.meeting_id,
                    "number": self.number,
                    "cut_off": plain(self.cut_off),
                    "language": self.language,
                    "time_zone": self.time_zone,
                    "sections": [s.content_hash() for s in self.sections],
                }
            )
        )


def plain(value):
    """A value as the pack stores it: numpy and pandas scalars as Python ones, NaN and NaT as None, times in UTC."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list | tuple | np.ndarray):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def canonical(value) -> str:
    """One JSON text for one content: sorted keys, no spaces, ASCII, dates and odd floats tagged."""
    return json.dumps(_tagged(value), sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _tagged(value):
    value = plain(value)
    if isinstance(value, datetime):
        return {"$time": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, float) and not math.isfinite(value):
        return {"$float": repr(value)}
    if isinstance(value, list):
        return [_tagged(v) for v in value]
    if isinstance(value, dict):
        return {k: _tagged(v) for k, v in value.items()}
    return value


def decoded(value):
    """The JSON form read back: tagged dates, times and floats as values again."""
    if isinstance(value, list):
        return [decoded(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1:
            ((tag, text),) = value.items()
            if tag == "$time":
                return datetime.fromisoformat(text)
            if tag == "$date":
                return date.fromisoformat(text)
            if tag == "$float":
                return float(text)
        return {k: decoded(v) for k, v in value.items()}
    return value
