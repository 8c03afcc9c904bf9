"""Company single sign-on (CXGOV_AUTH_MODE=sso): Streamlit's st.login/st.user carry the identity, cxgov maps
its e-mail address to a person once per browser session (cxgov.services.sso) and keeps that person's id under
SIGNED_IN_KEY, re-checked against the active people on every run (a deactivation ends access at once).
"""
from __future__ import annotations

import streamlit as st

from cxgov import audit, sso
from cxgov.db import session_scope
from cxgov.services.sso import Refusal, SsoOutcome, sso_sign_in
from cxgov.ui.acting import SIGNED_IN_KEY, SIGNED_OUT_KEY, acting_person
from cxgov.ui.runtime import data_changed, engine
from cxgov.ui.safe import plain
from cxgov.ui.signin import signed_in_sidebar
from cxgov.ui.text import tr

IDENTITY_KEY = "cxgov_sso_identity"  # the provider identity (issuer, subject) SIGNED_IN_KEY was found for
REFUSAL_KEY = "cxgov_sso_refusal"  # (refusal, e-mail) shown instead of the page until "Try again"


def check_sso_config() -> None:
    """Stop with every problem of the `[auth]` section (production adds its own checks at start)."""
    problems = sso.config_problems(auth_section(), production=False)
    if problems:
        st.error(tr("frame.sso_config_refused") + "\n\n" + "\n".join(f"- {plain(p)}" for p in problems),
                 icon="⛔")
        st.stop()


def auth_section() -> dict[str, object] | None:
    """The `[auth]` section of Streamlit's secrets, or None when there is none."""
    section = st.secrets.get("auth") if st.secrets.load_if_toml_exists() else None
    return section.to_dict() if section is not None else None


def require_sso_sign_in() -> None:
    """The sign-in page until the provider vouches for somebody cxgov knows; then "signed in as" + sign out."""
    if not st.user.is_logged_in:
        for key in (SIGNED_IN_KEY, IDENTITY_KEY, REFUSAL_KEY):
            st.session_state.pop(key, None)
        _sign_in_page()
        st.stop()
    claims = st.user.to_dict()
    identity = (str(claims.get("iss") or ""), str(claims.get("sub") or ""), str(claims.get("email") or ""))
    if st.session_state.get(IDENTITY_KEY) != identity:  # first run, or another identity in this browser
        for key in (SIGNED_IN_KEY, REFUSAL_KEY):
            st.session_state.pop(key, None)
        st.session_state[IDENTITY_KEY] = identity
    person = acting_person()
    if person is None and REFUSAL_KEY not in st.session_state:
        st.session_state.pop(SIGNED_OUT_KEY, None)  # a deactivation is told by the refusal page below
        _resolve(claims)
        if acting_person() is not None:
            st.rerun()  # the page list was built before the sign-in: build it again with the person's pages
    if person is None:
        _refusal_page(*st.session_state[REFUSAL_KEY])
        st.stop()
    signed_in_sidebar(person, on_sign_out=st.logout)


def _resolve(claims: dict[str, object]) -> None:
    """One write unit per browser session: the sign-in (or the refusal) is audited, a new viewer created."""
    with session_scope(engine(), write=True) as session:
        outcome: SsoOutcome = sso_sign_in(session=session, claims=claims)
    data_changed(*(("people",) if outcome.created else ()), sealed=session.info.get(audit.SEALED_KEY))
    if outcome.person_id is None:
        st.session_state[REFUSAL_KEY] = (outcome.refusal, outcome.email)
    else:
        st.session_state[SIGNED_IN_KEY] = outcome.person_id


def _sign_in_page() -> None:
    st.title(tr("accounts.sign_in.title"))
    st.write(tr("sso.sign_in.intro"))
    st.button(tr("sso.sign_in.button"), type="primary", on_click=st.login, key="cxgov_sso_sign_in")
    st.caption(tr("sso.sign_in.help"))


def _refusal_page(refusal: Refusal, email: str | None) -> None:
    st.title(tr(f"sso.refused.{refusal.value}.title"))
    st.warning(tr(f"sso.refused.{refusal.value}.text", email=plain(email or "")), icon="🔒")
    buttons = st.container(horizontal=True)
    if refusal is not Refusal.DEACTIVATED and buttons.button(tr("sso.try_again"), type="primary",
                                                             key="cxgov_sso_try_again"):
        st.session_state.pop(REFUSAL_KEY, None)
        st.rerun()
    buttons.button(tr("accounts.sign_out"), key="cxgov_sso_sign_out", on_click=st.logout)
