"""Sign-in sessions in the app: who a local-account sign-in belongs to, worked out at the start of every run from
this browser session's sign-in or, in a new tab or after a refresh, from the sign-in cookie; the "you were
signed out" page; and signing out everywhere.

A session that has ended — signed out in another tab, the person deactivated, a new password, expired — signs
the person out here too at their next click, and the page says why instead of showing the app.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from cxgov.queries.sessions import SignInState, sign_in_state
from cxgov.services.sessions import sign_out
from cxgov.ui.frame.acting import ActingPerson, acting_person, set_acting_person
from cxgov.ui.frame.cookie import cookie_token, request_clear
from cxgov.ui.kit.runtime import read_session, settings
from cxgov.ui.kit.text import tr
from cxgov.ui.kit.writes import submit

SIGN_IN_KEY = "cxgov_sign_in_id"  # the sign-in session this browser session acts through
ENDED_KEY = "cxgov_sign_in_ended"  # why it ended: the signed-out page says so until "Sign in again"


def local_person() -> ActingPerson | None:
    """The person signed in with a local account in this browser: by this browser session's sign-in, else by
    the cookie its first request brought. An ended or unknown session is forgotten and its cookie cleared."""
    sign_in_id = st.session_state.get(SIGN_IN_KEY)
    token = cookie_token()
    if sign_in_id is None and token is None:
        return None
    with read_session() as session:
        state = (
            sign_in_state(session, sign_in_id=sign_in_id)
            if sign_in_id is not None
            else sign_in_state(session, token=token)
        )
    if state is None or state.ended is not None:
        request_clear()
    return signed_in_person(state)


def signed_in_person(state: SignInState | None) -> ActingPerson | None:
    """The person of a lasting sign-in session; nobody for a missing or ended one (the signed-out page says why)."""
    if state is None or state.ended is not None:
        st.session_state.pop(SIGN_IN_KEY, None)
        if state is not None:
            st.session_state[ENDED_KEY] = state.ended
        return None
    st.session_state[SIGN_IN_KEY] = state.sign_in_id
    return ActingPerson(
        id=state.person_id,
        name=state.name,
        role=state.role,
        sign_in_id=state.sign_in_id,
        must_change_password=state.must_change_password,
    )


def render_signed_out(sign_in_again: Callable[[], None]) -> bool:
    """The "you were signed out" page, while an ended session's reason is pending; False when there is none."""
    ended = st.session_state.get(ENDED_KEY)
    if ended is None:
        return False
    st.title(tr("sessions.signed_out.title"))
    st.warning(tr(f"sessions.ended.{ended.value}", hours=settings().session_hours), icon=":material/lock:")
    st.button(tr("sessions.sign_in_again"), type="primary", key="cxgov_sign_in_again", on_click=sign_in_again)
    return True


def forget_ending() -> None:
    """Leave the signed-out page for the sign-in form."""
    st.session_state.pop(ENDED_KEY, None)


def sign_out_everywhere() -> None:
    """End every session of the acting person (all their tabs and browsers) and forget this one's."""
    if acting_person() is not None:
        submit(sign_out, areas=())  # refused only for a person deactivated meanwhile, whose sessions ended then
    st.session_state.pop(SIGN_IN_KEY, None)
    set_acting_person(None)
