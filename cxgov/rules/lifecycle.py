"""The lifecycle's status moves: which move leads from which status to which, who may make it, and what it needs.

The status of an initiative is never edited as a field: it changes only through these moves (and through the PDCA
moves that start, finish or stop the work, cxgov.services.pdca), each with its right and a reason, recorded in the
initiative's status history. Pure: the service reads the facts in its transaction and asks this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from cxgov.models.enums import Status, StatusMove
from cxgov.rules.permissions import Action


@dataclass(frozen=True)
class MoveRule:
    """One status move: the statuses it starts from, where it leads (None: it keeps the status), and the right."""

    move: StatusMove
    from_statuses: frozenset[Status]
    to_status: Status | None
    action: Action


_OPEN_WORK = frozenset({Status.PROPOSED, Status.APPROVED, Status.ACTIVE, Status.ON_HOLD})

# The moves a person makes on the status panel. Starting, completing and stopping work in the PDCA record (Plan → Do,
# the Act decision, a quick fix's result) are recorded as status moves too, but are made there, with their criteria.
MOVES: dict[StatusMove, MoveRule] = {
    rule.move: rule
    for rule in (
        MoveRule(StatusMove.APPROVE, frozenset({Status.PROPOSED}), Status.APPROVED, Action.APPROVE_INITIATIVE),
        MoveRule(StatusMove.REJECT, frozenset({Status.PROPOSED}), Status.REJECTED, Action.APPROVE_INITIATIVE),
        MoveRule(StatusMove.ASK_INFO, frozenset({Status.PROPOSED}), None, Action.APPROVE_INITIATIVE),
        MoveRule(StatusMove.ANSWER_INFO, frozenset({Status.PROPOSED}), None, Action.ANSWER_QUESTION),
        MoveRule(StatusMove.HOLD, frozenset({Status.APPROVED, Status.ACTIVE}), Status.ON_HOLD, Action.EDIT_INITIATIVE),
        # Resuming returns to the status the initiative was put on hold from: never a status it did not have.
        MoveRule(StatusMove.RESUME, frozenset({Status.ON_HOLD}), None, Action.EDIT_INITIATIVE),
        MoveRule(StatusMove.CANCEL, _OPEN_WORK, Status.CANCELLED, Action.EDIT_INITIATIVE),
    )
}

PANEL_ORDER = (
    StatusMove.APPROVE,
    StatusMove.ASK_INFO,
    StatusMove.REJECT,
    StatusMove.ANSWER_INFO,
    StatusMove.HOLD,
    StatusMove.RESUME,
    StatusMove.CANCEL,
)


@dataclass(frozen=True)
class StatusFacts:
    """What the moves look at: the status, whether a question to the owner is open, where a hold came from."""

    status: Status
    question_open: bool = False
    held_from: Status | None = None  # the status before the latest hold


def problem(move: StatusMove, facts: StatusFacts) -> str | None:
    """Why `move` cannot be made now (a message key), or None when it can."""
    rule = MOVES[move]
    if facts.status not in rule.from_statuses:
        return "lifecycle.error.not_from_status"
    if move is StatusMove.ASK_INFO and facts.question_open:
        return "lifecycle.error.question_open"
    if move is StatusMove.ANSWER_INFO and not facts.question_open:
        return "lifecycle.error.no_question"
    return None


def destination(move: StatusMove, facts: StatusFacts) -> Status:
    """The status after `move` (asking and answering keep it; resuming returns to the status before the hold)."""
    rule = MOVES[move]
    if rule.to_status is not None:
        return rule.to_status
    if move is StatusMove.RESUME:
        return facts.held_from or Status.ACTIVE
    return facts.status


def possible_moves(facts: StatusFacts) -> list[StatusMove]:
    """The panel's moves that can be made from these facts, in the panel's order (rights not yet considered)."""
    return [move for move in PANEL_ORDER if problem(move, facts) is None]


def facts_from(status: Status, history: list[tuple[StatusMove, Status]]) -> StatusFacts:
    """The facts from the initiative's status history, newest move first, as (move, status it started from)."""
    held_from = (
        next((from_status for move, from_status in history if move is StatusMove.HOLD), None)
        if status is Status.ON_HOLD
        else None
    )
    question_open = bool(history) and history[0][0] is StatusMove.ASK_INFO
    return StatusFacts(status=status, question_open=question_open, held_from=held_from)
