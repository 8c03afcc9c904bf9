"""Moving a project to its next PDCA phase: the button, a question naming the move (a move is audited and not
simply undone), and — when the phase's criteria are unmet — the warnings and a reason to proceed anyway."""

from __future__ import annotations

import streamlit as st

from cxgov.models import Phase
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.services import pdca as service
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import label, tr
from cxgov.ui.kit.writes import WriteResult, show_errors, submit
from cxgov.ui.programs.pdca.saving import after_save, field_labels


def render_move(d: InitiativeDetail, phase: Phase, to_phase: Phase) -> None:
    """The button moving `d` from `phase` to `to_phase`, asked again before it happens; unmet criteria after."""
    unmet_key, asked_key = f"pdca_unmet_{d.id}", f"pdca_asked_{d.id}"
    asked = st.session_state.get(asked_key)
    if asked is not None and asked["from"] != phase.value:  # moved by someone else meanwhile: ask afresh
        st.session_state.pop(asked_key)
        asked = None
    if asked is None:
        if st.button(tr("pdca.move_to", phase=label(to_phase)), key=f"pdca_move_{d.id}", type="primary"):
            # The version seen when the move was asked for: a change by someone else meanwhile is a conflict.
            st.session_state[asked_key] = {"from": phase.value, "version": d.version}
            st.rerun()
    elif _confirmed(d, phase, to_phase, asked_key):
        st.session_state.pop(asked_key, None)
        result = submit(
            service.move_to_next_phase, areas=("initiatives",), initiative_id=d.id, seen_version=asked["version"]
        )
        if isinstance(result.problem, service.CriteriaNotMet):
            st.session_state[unmet_key] = result.problem.unmet
        else:
            after_save(result, tr("pdca.moved", phase=label(to_phase)))
    _unmet(d, to_phase, unmet_key)


def _confirmed(d: InitiativeDetail, phase: Phase, to_phase: Phase, asked_key: str) -> bool:
    """'Move X from Do to Check?' with yes and cancel; True once yes is pressed (cancel forgets the question)."""
    st.warning(
        tr("pdca.confirm_move", title=plain(d.title), from_phase=label(phase), to_phase=label(to_phase)),
        icon=":material/help:",
    )
    buttons = st.container(horizontal=True)
    yes = buttons.button(tr("pdca.confirm_yes", phase=label(to_phase)), key=f"pdca_confirm_{d.id}", type="primary")
    if buttons.button(tr("pdca.confirm_cancel"), key=f"pdca_cancel_{d.id}"):
        st.session_state.pop(asked_key, None)
        st.rerun()
    return yes


def _unmet(d: InitiativeDetail, to_phase: Phase, unmet_key: str) -> None:
    """The criteria a move did not meet, and the form to proceed anyway with a reason."""
    unmet = st.session_state.get(unmet_key)
    if not unmet:
        return
    lines = "\n".join(f"- {tr(f'pdca.criterion.{key}')}" for key in unmet)
    st.warning(f"{tr('pdca.unmet_intro')}\n\n{lines}", icon=":material/warning:")
    with st.form(f"pdca_override_{d.id}"):
        reason = st.text_input(tr("pdca.proceed_reason"), key=f"pdca_override_reason_{d.id}")
        proceed = st.form_submit_button(tr("pdca.proceed_anyway"))
    if proceed:
        result = submit(
            service.move_to_next_phase,
            areas=("initiatives",),
            initiative_id=d.id,
            seen_version=d.version,
            override_reason=reason,
        )
        if isinstance(result.problem, service.CriteriaNotMet):  # no reason given: the same warnings stay
            show_errors(WriteResult(ok=False, field_errors={"override_reason": result.error}), field_labels())
            return
        st.session_state.pop(unmet_key, None)
        after_save(result, tr("pdca.moved", phase=label(to_phase)))
