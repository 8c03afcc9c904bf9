"""The status panel of the initiative page: the status, what it waits for, the moves the acting person may make
(each asks its reason: the question, the answer), and the status history. The status is never a form field."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import Status, StatusMove
from cxgov.queries import lifecycle as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.rules import lifecycle
from cxgov.rules.lifecycle import MOVES, StatusFacts
from cxgov.rules.permissions import Relation
from cxgov.services.lifecycle import move_status
from cxgov.ui.frame.acting import can
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.initiative_table import text_cell
from cxgov.ui.kit.runtime import READ_AREAS, read
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import day, label, moment, tr
from cxgov.ui.kit.writes import show_errors, submit

MOVE_PARAM = "move"  # ?move=hold opens that move's form (the edit form links here)
# What the reason field of each move asks for; moves not listed ask for a reason.
REASON_LABELS = {StatusMove.ASK_INFO: "lifecycle.field.question", StatusMove.ANSWER_INFO: "lifecycle.field.answer"}


def history(initiative_id: int) -> pd.DataFrame:
    return read(queries.status_history, READ_AREAS, initiative_id=initiative_id)


def facts_of(d: InitiativeDetail) -> StatusFacts:
    moves = history(d.id)
    return lifecycle.facts_from(
        Status(d.status), [(StatusMove(m), Status(f)) for m, f in zip(moves["move"], moves["from_status"], strict=True)]
    )


def allowed_moves(d: InitiativeDetail, relations: set[Relation]) -> list[StatusMove]:
    """The moves the acting person may make on `d` now: possible from its status, and within their rights."""
    return [move for move in lifecycle.possible_moves(facts_of(d)) if can(MOVES[move].action, relations)]


def _open_key(initiative_id: int) -> str:
    return f"lifecycle_open_move_{initiative_id}"


def render_status_panel(d: InitiativeDetail, relations: set[Relation]) -> None:
    """Status and what it waits for; a button per allowed move opening its form; the history below."""
    moves = history(d.id)
    latest = moves.iloc[0] if not moves.empty else None
    if latest is not None:
        said = {
            "who": plain(text_cell(latest["moved_by"])),
            "day": day(pd.Timestamp(latest["moved_at"]).date()),
            "text": plain(latest["reason"]),
        }
        if latest["move"] in (StatusMove.ASK_INFO.value, StatusMove.ANSWER_INFO.value):
            st.info(tr(f"lifecycle.waiting.{latest['move']}", **said), icon=":material/help:")
        else:  # the last decision on the status, and why
            st.caption(tr("lifecycle.latest", move=label(StatusMove(latest["move"])), **said))
    offered = allowed_moves(d, relations)
    requested = st.query_params.get(MOVE_PARAM)
    if requested in {m.value for m in offered}:  # arrived from the edit form's link
        st.session_state[_open_key(d.id)] = requested
        del st.query_params[MOVE_PARAM]
    if offered:
        row = st.container(horizontal=True)
        for move in offered:
            if row.button(label(move), key=f"lifecycle_btn_{move.value}_{d.id}", icon=":material/swap_horiz:"):
                st.session_state[_open_key(d.id)] = move.value
    chosen = st.session_state.get(_open_key(d.id))
    if chosen in {m.value for m in offered}:
        _move_form(d, StatusMove(chosen))
    if not moves.empty:
        with st.expander(tr("lifecycle.history", n=len(moves)), icon=":material/history:"):
            _history_table(moves)


def _move_form(d: InitiativeDetail, move: StatusMove) -> None:
    reason_label = tr(REASON_LABELS.get(move, "lifecycle.field.reason"))
    with st.form(f"lifecycle_form_{move.value}_{d.id}"):
        st.markdown(f"**{tr(f'lifecycle.confirm.{move.value}', title=plain(d.title))}**")
        reason = st.text_area(reason_label, key=f"lifecycle_reason_{move.value}_{d.id}", height=90)
        go, cancel = st.columns([1, 4])
        submitted = go.form_submit_button(label(move), type="primary", key=f"lifecycle_submit_{move.value}_{d.id}")
        cancelled = cancel.form_submit_button(tr("form.cancel"), key=f"lifecycle_cancel_{move.value}_{d.id}")
    if cancelled:
        st.session_state.pop(_open_key(d.id), None)
        st.rerun()
    if not submitted:
        return
    result = submit(
        move_status, areas=("initiatives",), initiative_id=d.id, seen_version=d.version, move=move.value, reason=reason
    )
    if result.ok:
        st.session_state.pop(_open_key(d.id), None)
        flash(tr(f"lifecycle.done.{move.value}", status=label(Status(result.value))))
        st.rerun()
    show_errors(result, {"reason": reason_label, "move": tr("programs.field.status")})


def _history_table(moves: pd.DataFrame) -> None:
    st.dataframe(
        pd.DataFrame(
            {
                tr("lifecycle.col.moved_at"): [moment(v) for v in moves["moved_at"]],
                tr("lifecycle.col.move"): [label(StatusMove(m)) for m in moves["move"]],
                tr("lifecycle.col.status"): [
                    f"{label(Status(a))} → {label(Status(b))}"
                    for a, b in zip(moves["from_status"], moves["to_status"], strict=True)
                ],
                tr("lifecycle.col.moved_by"): [text_cell(v) for v in moves["moved_by"]],
                tr("lifecycle.col.reason"): moves["reason"],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def render_status_read_only(d: InitiativeDetail, relations: set[Relation], initiative_page: str) -> None:
    """The edit form's status: read-only, with the allowed moves as links to their forms on the initiative page."""
    st.markdown(f"**{tr('programs.field.status')}:** {label(Status(d.status))}")
    offered = allowed_moves(d, relations)
    if not offered:
        st.caption(tr("lifecycle.no_moves"))
        return
    st.caption(tr("lifecycle.moves_on_page"))
    row = st.container(horizontal=True)
    for move in offered:
        row.page_link(
            initiative_page,
            label=label(move),
            icon=":material/swap_horiz:",
            query_params={"id": str(d.id), MOVE_PARAM: move.value},
        )
