"""Company single sign-on (CXGOV_AUTH_MODE=sso): Streamlit's st.login/st.user carry the identity; cxgov keys a
sign-in session on each provider round trip (cxgov.services.sso), opened and audited by the round trip's first
run and resumed silently by every refresh and new tab, and checked on every run like a local one
(cxgov.ui.frame.sessions): a sign-out in another tab or a deactivation ends it at the next click.
"""

from __future__ import annotations

import streamlit as st
from sqlalchemy.exc import IntegrityError

from cxgov import audit
from cxgov.auth import sso
from cxgov.db import session_scope
from cxgov.queries.sessions import Ended, sign_in_state
from cxgov.services.sso import Refusal, SsoOutcome, sso_sign_in
from cxgov.ui.frame.acting import ActingPerson, acting_person
from cxgov.ui.frame.sessions import ENDED_KEY, render_signed_out, sign_out_everywhere, signed_in_person
from cxgov.ui.frame.signin import signed_in_sidebar
from cxgov.ui.kit.runtime import data_changed, engine, read_session
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import tr

REFUSAL_KEY = "cxgov_sso_refusal"  # (round trip, refusal, e-mail) shown instead of the page until "Try again"


def check_sso_config() -> None:
    """Stop with every problem of the `[auth]` section (production adds its own checks at start)."""
    problems = sso.config_problems(auth_section(), production=False)
    if problems:
        st.error(
            tr("frame.sso_config_refused") + "\n\n" + "\n".join(f"- {plain(p)}" for p in problems),
            icon=":material/error:",
        )
        st.stop()


def auth_section() -> dict[str, object] | None:
    """The `[auth]` section of Streamlit's secrets, or None when there is none."""
    section = st.secrets.get("auth") if st.secrets.load_if_toml_exists() else None
    return section.to_dict() if section is not None else None


def sso_person() -> ActingPerson | None:
    """The person behind this browser's company sign-in, or None (not signed in at the provider, refused, or
    their session ended). The first run of a round trip opens its session; later runs only read it."""
    if not st.user.is_logged_in:
        for key in (REFUSAL_KEY, ENDED_KEY):
            st.session_state.pop(key, None)
        return None
    claims = st.user.to_dict()
    round_trip = sso.round_trip_key(claims)
    refused = st.session_state.get(REFUSAL_KEY)
    if refused is not None and refused[0] == round_trip:
        return None
    st.session_state.pop(REFUSAL_KEY, None)
    with read_session() as session:
        state = sign_in_state(session, round_trip=round_trip)
    if state is None:
        outcome = _sign_in(claims)
        if outcome.person_id is None:
            st.session_state[REFUSAL_KEY] = (round_trip, outcome.refusal, outcome.email)
            return None
        with read_session() as session:
            state = sign_in_state(session, sign_in_id=outcome.sign_in_id)
    if state.ended is Ended.DEACTIVATED:  # told by the refusal page, which offers no "Try again"
        st.session_state[REFUSAL_KEY] = (round_trip, Refusal.DEACTIVATED, state.email)
        return None
    return signed_in_person(state)


def _sign_in(claims: dict[str, object]) -> SsoOutcome:
    """One write unit for the round trip's first run: the sign-in (or refusal) audited, a new viewer created."""
    try:
        with session_scope(engine(), write=True) as session:
            outcome = sso_sign_in(session=session, claims=claims)
    except IntegrityError:  # another tab of the same round trip opened its session a moment earlier: resume it
        with session_scope(engine(), write=True) as session:
            outcome = sso_sign_in(session=session, claims=claims)
    data_changed(*(("people",) if outcome.created else ()), sealed=session.info.get(audit.SEALED_KEY))
    return outcome


def require_sso_sign_in() -> None:
    """ "Signed in as" + sign out; else the sign-in, refusal or signed-out page instead of the app."""
    person = acting_person()
    if person is not None:
        signed_in_sidebar(person, on_sign_out=_sign_out)
        return
    refused = st.session_state.get(REFUSAL_KEY)
    if not st.user.is_logged_in:
        _sign_in_page()
    elif refused is not None:
        _refusal_page(*refused[1:])
    elif not render_signed_out(_sign_in_again):
        _sign_in_page()
    st.stop()


def _sign_out() -> None:
    sign_out_everywhere()
    st.logout()


def _sign_in_again() -> None:
    st.session_state.pop(ENDED_KEY, None)
    st.login()


def _sign_in_page() -> None:
    st.title(tr("accounts.sign_in.title"))
    st.write(tr("sso.sign_in.intro"))
    st.button(tr("sso.sign_in.button"), type="primary", on_click=st.login, key="cxgov_sso_sign_in")
    st.caption(tr("sso.sign_in.help"))


def _refusal_page(refusal: Refusal, email: str | None) -> None:
    st.title(tr(f"sso.refused.{refusal.value}.title"))
    st.warning(tr(f"sso.refused.{refusal.value}.text", email=plain(email or "")), icon=":material/lock:")
    buttons = st.container(horizontal=True)
    if refusal is not Refusal.DEACTIVATED and buttons.button(
        tr("sso.try_again"), type="primary", key="cxgov_sso_try_again"
    ):
        st.session_state.pop(REFUSAL_KEY, None)
        st.rerun()
    buttons.button(tr("accounts.sign_out"), key="cxgov_sso_sign_out", on_click=st.logout)
