"""What the board pack's views read, cached by data area: the meeting's published packs with whether each still
holds what it was stored with, one pack as stored, the decisions requested (to draft the executive summary),
where the live data now reads differently from the meeting's last pack, and the company template files are drawn
in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from sqlmodel import Session

from cxgov.models.base import utcnow
from cxgov.pack.collect import requests
from cxgov.pack.template import active_template
from cxgov.queries.board_pack import StoredPack, latest_pack_id, live_differences, pack_versions, stored_pack
from cxgov.ui.governance import meeting_reads
from cxgov.ui.governance.present_reads import DATA_AREAS, live_data
from cxgov.ui.kit.runtime import read

PACK_AREAS = ("meetings", "people")  # packs are written with the meeting; their publisher is a person
# The template is set up once, like departments and lists: Admin → Board pack template saves it there.
TEMPLATE_AREAS = ("reference",)


@dataclass(frozen=True)
class PackDrift:
    """The meeting's last pack against the live data: its number, cut-off, and the titles of its sections that
    now read differently (empty: the pack still says what the data says)."""

    number: int
    cut_off: datetime
    differing: tuple[str, ...]


def checked_versions(session: Session, meeting_id: int) -> pd.DataFrame:
    """The meeting's packs, newest first (cxgov.queries.board_pack.pack_versions), with `intact`: whether each
    pack's stored hashes still match what it holds."""
    versions = pack_versions(session, meeting_id)
    return versions.assign(intact=[stored_pack(session, int(pack_id)).intact for pack_id in versions["id"]])


def pack_drift(session: Session, meeting_id: int, today: date) -> PackDrift | None:
    """The last pack of the meeting against the data as it reads now; None before a pack is published. `today`
    keys the cache: the live data depends on the day (what is overdue, how old a check-in is)."""
    pack_id = latest_pack_id(session, meeting_id)
    if pack_id is None:
        return None
    stored = stored_pack(session, pack_id)
    differing = live_differences(session, stored.content, now=utcnow())
    return PackDrift(number=stored.content.number, cut_off=stored.content.cut_off, differing=tuple(differing))


def versions(meeting_id: int) -> pd.DataFrame:
    return read(checked_versions, PACK_AREAS, meeting_id=meeting_id)


def stored(pack_id: int) -> StoredPack | None:
    return read(stored_pack, PACK_AREAS, pack_id=pack_id)


def company_template() -> bytes | None:
    """The uploaded template in use (None: cxgov's default); raises the DomainError of
    cxgov.pack.template.active_template when the stored file was changed behind cxgov's back."""
    return read(active_template, TEMPLATE_AREAS)


def drift(meeting_id: int) -> PackDrift | None:
    """Computed again after any change to what a pack shows, or on a new day."""
    return read(pack_drift, DATA_AREAS, meeting_id=meeting_id, today=meeting_reads.today())


def requested(meeting_id: int, language: str) -> list[tuple[str, int | None, str, str]]:
    """The decisions the meeting is asked for, each (key, initiative id, title, paragraph drafted in
    `language`), read from the meeting's live data."""
    return requests(live_data(meeting_id), language)
