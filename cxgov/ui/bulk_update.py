"""The "update my initiatives" grid: delivery health, reason, progress and target date of many initiatives at
once, edited in a snapshot frozen when editing starts (cxgov.rules.bulk) and saved row by row, each row one unit."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from cxgov.errors import ConflictError, ValidationError
from cxgov.models import Health
from cxgov.queries import bulk as queries
from cxgov.queries.initiatives import choices
from cxgov.rules.bulk import (
    EDITABLE,
    PROGRESS_DROP_TO_CONFIRM,
    Changed,
    RowPlan,
    SeenRow,
    cell,
    changed_underneath,
    drops_to_confirm,
    plan,
    refreshed,
)
from cxgov.rules.permissions import ON_TEAM, Action, allowed
from cxgov.services.bulk import apply_bulk_row
from cxgov.ui.acting import ActingPerson, acting_person
from cxgov.ui.health import derived_codes
from cxgov.ui.initiative_table import derived_text
from cxgov.ui.navigation import page_file
from cxgov.ui.portfolio import read
from cxgov.ui.runtime import read_session
from cxgov.ui.safe import plain
from cxgov.ui.text import label, tr
from cxgov.ui.writes import submit

TITLE_WIDTH = 320  # px: the title, owner, both healths, reason, progress and date fit a 1440 px window
STATE_KEY = "bulk_update_state"
OWNER_KEY = "bulk_update_owner"
EVERYONE, MINE = "everyone", "mine"  # whose initiatives the grid may list (the check-in right decides)


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


def _scope_kind(person: ActingPerson) -> str | None:
    """EVERYONE for roles that may check in on any initiative, MINE for those who may on their own."""
    if allowed(person.role, Action.CHECK_IN):
        return EVERYONE
    return MINE if allowed(person.role, Action.CHECK_IN, ON_TEAM) else None


def _read_snapshot(scope: tuple) -> list[SeenRow]:
    person_id, kind, owner_id = scope
    with read_session() as session:  # fresh, never cached: this is what the versions are compared with
        return queries.snapshot(session, person_id=person_id if kind == MINE else None, owner_id=owner_id)


def _freeze(scope: tuple, before: Grid | None) -> Grid:
    """A new snapshot; its editor key is new too, so no edit state of an earlier grid can apply to it."""
    rows = _read_snapshot(scope)
    return Grid(
        scope,
        {r.initiative_id: r for r in rows},
        {r.initiative_id: r.values() for r in rows},
        generation=before.generation + 1 if before else 0,
    )


def _grid(scope: tuple) -> Grid:
    grid = st.session_state.get(STATE_KEY)
    if grid is None or grid.scope != scope:
        grid = st.session_state[STATE_KEY] = _freeze(scope, grid)
    return grid


def _changed(grid: Grid) -> list[Changed]:
    """Compared on every run (one cheap statement): which of the snapshot's initiatives moved since."""
    with read_session() as session:
        return changed_underneath(grid.seen, queries.marks(session, grid.seen))


def _owner_filter() -> int | None:
    """Whose initiatives to list (programme office, admin); locked while edits are pending, as another
    filter freezes another snapshot and would drop them."""
    people = read(choices)["people"]
    owners = {int(r.id): r.name for r in people[people["owns"].astype(bool)].itertuples()}
    names = {None: tr("common.all")} | owners
    current = st.session_state.get(STATE_KEY)
    locked = current is not None and current.pending()
    return st.selectbox(
        tr("bulk.owner_filter"),
        [None, *owners],
        key=OWNER_KEY,
        format_func=names.get,
        disabled=locked,
        help=tr("bulk.owner_filter_locked") if locked else None,
    )


def _warn_changed(changed: list[Changed]) -> bool:
    """The warning naming each initiative changed underneath; True when the person asks to reload them."""
    lines = "\n".join(f"- {plain(c.title)} — {plain(c.by) if c.by else tr('bulk.changed.by_unknown')}" for c in changed)
    st.warning(f"{tr('bulk.changed.warning')}\n\n{lines}", icon=":material/warning:")
    return st.button(tr("bulk.changed.reload"), key="bulk_update_reload", icon=":material/refresh:")


def _frame(grid: Grid) -> pd.DataFrame:
    """The grid's data: the draft values, indexed by initiative id."""
    ids = list(grid.seen)
    derived = derived_codes(ids)  # what the rules say, beside the health the person reports
    frame = pd.DataFrame(
        {
            "title": [grid.seen[i].title for i in ids],
            "owner": [grid.seen[i].owner for i in ids],
            "derived": [derived_text(derived[i]) for i in ids],
            **{name: [grid.draft[i][name] for i in ids] for name in EDITABLE},
        },
        index=pd.Index(ids, name="id"),
    )
    frame["progress_pct"] = frame["progress_pct"].astype("Int64")
    return frame


def _labels() -> dict[str, str]:
    return {
        "health": tr("programs.field.health"),
        "reason": tr("programs.checkin.reason"),
        "progress_pct": tr("programs.field.progress"),
        "target_date": tr("programs.field.target_date"),
        "override_reason": tr("bulk.field.override_reason"),
    }


def _editor(grid: Grid) -> dict[int, dict]:
    """The grid; returns initiative id -> the values now shown in its row."""
    labels = _labels()
    healths = {h.value: label(h) for h in Health}
    config = {
        # Text, not a LinkColumn: a grid link opens a new tab, a new session (the links are below the grid).
        "title": st.column_config.TextColumn(tr("portfolio.col.title"), width=TITLE_WIDTH),
        "owner": st.column_config.TextColumn(tr("programs.field.owner"), width=150),
        "derived": st.column_config.TextColumn(tr("health.col.derived"), width=120, help=tr("bulk.derived_help")),
        "health": st.column_config.SelectboxColumn(
            labels["health"], options=list(healths), format_func=healths.get, width=120
        ),
        "reason": st.column_config.TextColumn(labels["reason"], width=320),
        "progress_pct": st.column_config.NumberColumn(
            labels["progress_pct"], min_value=0, max_value=100, step=1, format="%d%%", width=110
        ),
        "target_date": st.column_config.DateColumn(labels["target_date"], format="DD-MM-YYYY", width=120),
    }
    edited = st.data_editor(
        _frame(grid),
        key=grid.editor_key(),
        column_config=config,
        hide_index=True,
        disabled=["title", "owner", "derived"],
        num_rows="fixed",
        width="stretch",
    )
    # The returned frame keeps the index it was given: the frozen snapshot's ids, whatever the row positions.
    return {int(i): {name: cell(name, row[name]) for name in EDITABLE} for i, row in edited.iterrows()}


def _links(grid: Grid) -> None:
    """Each initiative's page as a real link (the same tab and session; a new tab on middle or Ctrl-click)."""
    with st.expander(tr("bulk.open_pages"), icon=":material/open_in_new:"):
        for initiative_id, row in grid.seen.items():
            st.page_link(page_file("initiative"), label=plain(row.title), query_params={"id": str(initiative_id)})


def _save_one(row: RowPlan, labels: dict[str, str]) -> tuple[str, str]:
    """(saved/conflict/invalid/refused, the message) of one row saved in its own unit."""
    result = submit(
        apply_bulk_row,
        areas=("initiatives",),
        initiative_id=row.initiative_id,
        seen_version=row.seen_version,
        seen_check_in_id=row.seen_check_in_id,
        changes=row.changes,
    )
    if result.ok:
        return "saved", ""
    if isinstance(result.problem, ConflictError):
        return "conflict", result.error
    if isinstance(result.problem, ValidationError):  # one message per row, naming each column at fault
        return "invalid", "; ".join(
            f"{labels.get(name, name)}: {message}" for name, message in result.field_errors.items()
        )
    return "refused", result.error or ""


def _save(grid: Grid, shown: dict[int, dict], confirmed: dict[int, int] | None = None) -> None:
    """Each changed row in its own unit, except a big progress drop not confirmed yet (held back and asked
    about); the saved rows are read again, the others keep their edits. With `confirmed` (initiative id -> the
    progress the person confirmed), only those rows are saved."""
    rows = plan(grid.seen, shown)
    if confirmed is not None:
        rows = [row for row in rows if row.initiative_id in confirmed]
    if not rows:
        st.info(tr("bulk.nothing_to_save"))
        return
    grid.held = drops_to_confirm(rows, grid.seen, confirmed or {})
    labels = _labels()
    outcomes = {row.initiative_id: _save_one(row, labels) for row in rows if row.initiative_id not in grid.held}
    grid.report = [(kind, grid.seen[i].title, message) for i, (kind, message) in outcomes.items()]
    _reload_rows(grid, shown, [i for i, (kind, _) in outcomes.items() if kind == "saved"])


def _ask_about_drops(grid: Grid, shown: dict[int, dict]) -> dict[int, int] | None:
    """The rows held back for a big progress drop (as long as they still show it), and a button to save them
    anyway; returns the confirmed drops when it is pressed."""
    waiting = {i: p for i, p in grid.held.items() if i in shown and shown[i]["progress_pct"] == p}
    if not waiting:
        return None
    lines = "\n".join(
        f"- **{plain(grid.seen[i].title)}**: {grid.seen[i].progress_pct}% → {p}%" for i, p in waiting.items()
    )
    st.warning(f"{tr('bulk.drop.warning', points=PROGRESS_DROP_TO_CONFIRM)}\n\n{lines}", icon=":material/warning:")
    pressed = st.button(tr("bulk.drop.confirm"), key="bulk_update_confirm_drops", type="primary")
    return waiting if pressed else None


def _reload_rows(grid: Grid, shown: dict[int, dict], ids: list[int]) -> None:
    """Read `ids` again (their edits are dropped); every other row keeps what the grid shows now."""
    grid.seen = refreshed(grid.seen, _read_snapshot(grid.scope), ids)
    grid.draft = {i: row.values() if i in ids else shown[i] for i, row in grid.seen.items()}
    grid.generation += 1
    st.rerun()


def _report(grid: Grid) -> None:
    if not grid.report:
        return
    count = {
        kind: sum(1 for k, _, _ in grid.report if k == kind) for kind in ("saved", "conflict", "invalid", "refused")
    }
    summary = tr(
        "bulk.summary",
        saved=count["saved"],
        conflicts=count["conflict"],
        invalid=count["invalid"],
        refused=count["refused"],
    )
    if grid.held:
        summary += " " + tr("bulk.summary_held", n=len(grid.held))
    problems = [(kind, title, message) for kind, title, message in grid.report if kind != "saved"]
    if not problems:
        st.success(summary, icon=":material/check_circle:")
        return
    lines = "\n".join(
        f"- **{plain(title)}** ({tr(f'bulk.kind.{kind}')}): {plain(message)}" for kind, title, message in problems
    )
    st.error(f"{summary}\n\n{lines}", icon=":material/error:")


def render_bulk_update() -> None:
    """The page: the grid of the acting person's open initiatives, the changed-underneath warning, saving."""
    st.title(tr("page.bulk_update"))
    person = acting_person()
    kind = _scope_kind(person) if person else None
    if kind is None:
        st.info(tr("bulk.cannot_check_in"), icon=":material/lock:")
        return
    st.caption(tr("bulk.intro"))
    grid = _grid((person.id, kind, _owner_filter() if kind == EVERYONE else None))
    changed = _changed(grid)
    if changed and not grid.pending():  # nothing to lose: simply show the data as it is now
        grid = st.session_state[STATE_KEY] = _freeze(grid.scope, grid)
        changed = []
    reload = _warn_changed(changed) if changed else False
    _report(grid)
    if not grid.seen:
        st.info(tr("bulk.none"))
        return
    shown = _editor(grid)
    buttons = st.container(horizontal=True)
    save = buttons.button(tr("bulk.save"), type="primary", key="bulk_update_save", icon=":material/save:")
    if buttons.button(tr("bulk.discard"), key="bulk_update_discard", icon=":material/undo:"):
        st.session_state[STATE_KEY] = _freeze(grid.scope, grid)
        st.rerun()
    confirmed = _ask_about_drops(grid, shown)
    _links(grid)
    if reload:
        _reload_rows(grid, shown, [c.initiative_id for c in changed])
    if save:
        _save(grid, shown)
    elif confirmed:
        _save(grid, shown, confirmed)
