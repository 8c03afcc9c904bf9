"""Bulk updates of one's initiatives, the pure part: what a row may change, the snapshot frozen when editing
starts, which rows changed underneath it, and turning the grid's edits into one change set per initiative.

Rows are keyed by initiative id throughout: the grid's own edit state is keyed by row position and is lost
when the data behind it changes (see docs/architecture.md, Measured pitfalls), so the grid edits a frozen snapshot and every step here
looks rows up by id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from pydantic import Field

from cxgov.models.enums import Health, Role
from cxgov.models.inputs import Strict
from cxgov.models.inputs_rules import BusinessDate
from cxgov.rules.permissions import ON_TEAM, Action, allowed

CHECK_IN_FIELDS = ("health", "reason", "progress_pct")  # saved as one new check-in (check-ins are never edited)
# Points of progress a row may lose without being asked about: a larger fall is more often a slip of the
# keyboard (80 typed as 8) than news, and a check-in cannot be taken back.
PROGRESS_DROP_TO_CONFIRM = 50
EDITABLE = (*CHECK_IN_FIELDS, "target_date")
EVERYONE, MINE = "everyone", "mine"  # whose initiatives the grid may list (the check-in right decides)


def check_in_scope(role: Role) -> str | None:
    """EVERYONE for roles that may check in on any initiative, MINE for those who may on their own team's
    initiatives, None for roles that may not check in at all."""
    if allowed(role, Action.CHECK_IN):
        return EVERYONE
    return MINE if allowed(role, Action.CHECK_IN, ON_TEAM) else None


class RowChanges(Strict):
    """What one grid row may change; the check-in's own rules (reason unless green, progress 0–100) are
    checked by the check-in service. A field left out is not changed; target_date None clears the date."""

    health: Health | None = None
    reason: str | None = Field(default=None, max_length=2_000)
    progress_pct: int | None = None  # bounded by CheckInInput, which reports it with the row's other problems
    target_date: BusinessDate | None = None


@dataclass(frozen=True)
class SeenRow:
    """One initiative as the person saw it when editing started: its values and what says it moved since."""

    initiative_id: int
    title: str
    owner: str
    version: int
    check_in_id: int | None  # the newest check-in's id: a check-in by anyone since means "changed underneath"
    health: str | None  # the latest check-in's; None before the first check-in
    reason: str
    progress_pct: int
    target_date: date | None

    def values(self) -> dict[str, object]:
        """The editable values (EDITABLE) as stored."""
        return {name: getattr(self, name) for name in EDITABLE}


@dataclass(frozen=True)
class Mark:
    """What an initiative looks like now, cheaply: version, newest check-in, and who changed it last."""

    version: int
    check_in_id: int | None
    updated_by: str | None  # who last changed the initiative itself
    checked_in_by: str | None  # who wrote the newest check-in


@dataclass(frozen=True)
class Changed:
    """An initiative of the snapshot that changed in the database since: its title, and by whom if known."""

    initiative_id: int
    title: str
    by: str | None


@dataclass(frozen=True)
class RowPlan:
    """One row's save: the versions seen and only the values that differ from them."""

    initiative_id: int
    seen_version: int
    seen_check_in_id: int | None
    changes: dict[str, object]


def cell(name: str, value) -> object:
    """A grid cell as a plain value: blanks (None, NaN, NaT, <NA>) to None ('' for the reason), dates as dates,
    whole numbers as int."""
    if value is None or pd.isna(value):
        return "" if name == "reason" else None
    if name == "target_date":
        if isinstance(value, datetime):
            return value.date()
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    if name == "progress_pct" and isinstance(value, float) and value.is_integer():
        return int(value)
    if name == "reason":
        return str(value).strip()
    return value


def plan(seen: Mapping[int, SeenRow], edited: Mapping[int, Mapping[str, object]]) -> list[RowPlan]:
    """One change set per edited initiative that differs from what was seen, in the snapshot's order.

    A changed health, reason or progress becomes one new check-in, which needs all three: the row's values as
    shown. Rows not in the snapshot are ignored (the grid adds no rows); unchanged rows are left out.
    """
    plans = []
    for initiative_id, row in seen.items():
        if initiative_id not in edited:
            continue
        now = {name: cell(name, edited[initiative_id].get(name, before)) for name, before in row.values().items()}
        differs = {name for name, value in now.items() if value != row.values()[name]}
        changes = {name: now[name] for name in CHECK_IN_FIELDS} if differs & set(CHECK_IN_FIELDS) else {}
        if "target_date" in differs:
            changes["target_date"] = now["target_date"]
        if changes:
            plans.append(RowPlan(initiative_id, row.version, row.check_in_id, changes))
    return plans


def drops_to_confirm(
    rows: Iterable[RowPlan], seen: Mapping[int, SeenRow], confirmed: Mapping[int, int]
) -> dict[int, int]:
    """The rows whose progress falls by more than PROGRESS_DROP_TO_CONFIRM points to a value the person has not
    confirmed (`confirmed`: initiative id -> the value they did): initiative id -> the new progress."""
    held = {}
    for row in rows:
        new, old = row.changes.get("progress_pct"), seen[row.initiative_id].progress_pct
        falls = new is not None and old is not None and old - new > PROGRESS_DROP_TO_CONFIRM
        if falls and confirmed.get(row.initiative_id) != new:
            held[row.initiative_id] = new
    return held


def changed_underneath(seen: Mapping[int, SeenRow], now: Mapping[int, Mark]) -> list[Changed]:
    """The snapshot's initiatives whose version or newest check-in moved (or that are gone), with who did it."""
    changed = []
    for initiative_id, row in seen.items():
        mark = now.get(initiative_id)
        if mark is None:
            changed.append(Changed(initiative_id, row.title, None))
        elif mark.check_in_id != row.check_in_id:
            changed.append(Changed(initiative_id, row.title, mark.checked_in_by))
        elif mark.version != row.version:
            changed.append(Changed(initiative_id, row.title, mark.updated_by))
    return changed


def refreshed(seen: Mapping[int, SeenRow], fresh: Iterable[SeenRow], ids: Iterable[int]) -> dict[int, SeenRow]:
    """The snapshot with the rows of `ids` replaced by their `fresh` state, in the snapshot's order."""
    wanted = set(ids)
    by_id = {row.initiative_id: row for row in fresh if row.initiative_id in wanted}
    return {i: by_id[i] if i in wanted else row for i, row in seen.items() if i not in wanted or i in by_id}
