"""What the bulk update page keeps between runs: the snapshot frozen when editing starts (cxgov.rules.bulk),
the values the grid starts from, and the last save's report; and what changed underneath it since."""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from cxgov.queries import bulk as queries
from cxgov.rules.bulk import MINE, Changed, SeenRow, changed_underneath
from cxgov.ui.kit.runtime import read_session

STATE_KEY = "bulk_update_state"


@dataclass
class Grid:
    """What the page keeps between runs (plain data only): the snapshot, the values shown, the last save."""

    scope: tuple  # (person id, EVERYONE or MINE, owner filter): another scope freezes a new snapshot
    seen: dict[int, SeenRow]  # initiative id -> the row as stored when editing started (with its versions)
    draft: dict[int, dict]  # initiative id -> the values the grid starts from (kept edits of rows not saved)
    generation: int = 0  # part of the editor's key: a new generation starts the grid's edit state afresh
    report: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, title, message) of the last save
    held: dict[int, int] = field(default_factory=dict)  # initiative id -> a progress drop waiting to be confirmed

    def editor_key(self) -> str:
        return f"bulk_update_grid_{self.generation}"

    def pending(self) -> bool:
        """Edits not saved yet: in the grid's own state, or kept from a save that refused them."""
        edits = st.session_state.get(self.editor_key()) or {}
        return bool(edits.get("edited_rows")) or any(self.draft[i] != row.values() for i, row in self.seen.items())


def read_snapshot(scope: tuple) -> list[SeenRow]:
    person_id, kind, owner_id = scope
    with read_session() as session:  # fresh, never cached: this is what the versions are compared with
        return queries.snapshot(session, person_id=person_id if kind == MINE else None, owner_id=owner_id)


def freeze(scope: tuple, before: Grid | None) -> Grid:
    """A new snapshot; its editor key is new too, so no edit state of an earlier grid can apply to it."""
    rows = read_snapshot(scope)
    return Grid(
        scope,
        {r.initiative_id: r for r in rows},
        {r.initiative_id: r.values() for r in rows},
        generation=before.generation + 1 if before else 0,
    )


def current_grid(scope: tuple) -> Grid:
    grid = st.session_state.get(STATE_KEY)
    if grid is None or grid.scope != scope:
        grid = st.session_state[STATE_KEY] = freeze(scope, grid)
    return grid


def changed_since(grid: Grid) -> list[Changed]:
    """Compared on every run (one cheap statement): which of the snapshot's initiatives moved since."""
    with read_session() as session:
        return changed_underneath(grid.seen, queries.marks(session, grid.seen))
