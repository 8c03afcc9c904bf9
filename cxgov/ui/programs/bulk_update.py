"""Programs → Update my initiatives: delivery health, reason, progress and target date of many initiatives at
once, edited in a snapshot frozen when editing starts (cxgov.rules.bulk) and saved row by row, each row one unit."""

from __future__ import annotations

import streamlit as st

from cxgov.errors import ConflictError, ValidationError
from cxgov.queries.initiatives import choices
from cxgov.rules.bulk import (
    EVERYONE,
    PROGRESS_DROP_TO_CONFIRM,
    Changed,
    RowPlan,
    check_in_scope,
    drops_to_confirm,
    plan,
    refreshed,
)
from cxgov.services.bulk import apply_bulk_row
from cxgov.ui.frame.acting import acting_person
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import tr
from cxgov.ui.kit.writes import submit
from cxgov.ui.navigation import page_file
from cxgov.ui.programs.bulk_editor import column_labels, render_editor
from cxgov.ui.programs.bulk_grid import STATE_KEY, Grid, changed_since, current_grid, freeze, read_snapshot

OWNER_KEY = "bulk_update_owner"


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
    labels = column_labels()
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
    grid.seen = refreshed(grid.seen, read_snapshot(grid.scope), ids)
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
    kind = check_in_scope(person.role) if person else None
    if kind is None:
        st.info(tr("bulk.cannot_check_in"), icon=":material/lock:")
        return
    st.caption(tr("bulk.intro"))
    grid = current_grid((person.id, kind, _owner_filter() if kind == EVERYONE else None))
    changed = changed_since(grid)
    if changed and not grid.pending():  # nothing to lose: simply show the data as it is now
        grid = st.session_state[STATE_KEY] = freeze(grid.scope, grid)
        changed = []
    reload = _warn_changed(changed) if changed else False
    _report(grid)
    if not grid.seen:
        st.info(tr("bulk.none"))
        return
    shown = render_editor(grid)
    buttons = st.container(horizontal=True)
    save = buttons.button(tr("bulk.save"), type="primary", key="bulk_update_save", icon=":material/save:")
    if buttons.button(tr("bulk.discard"), key="bulk_update_discard", icon=":material/undo:"):
        st.session_state[STATE_KEY] = freeze(grid.scope, grid)
        st.rerun()
    confirmed = _ask_about_drops(grid, shown)
    _links(grid)
    if reload:
        _reload_rows(grid, shown, [c.initiative_id for c in changed])
    if save:
        _save(grid, shown)
    elif confirmed:
        _save(grid, shown, confirmed)
