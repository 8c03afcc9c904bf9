"""Sign-in with local accounts (CXGOV_AUTH_MODE=local): the form instead of the page, a forced first
password change, and "signed in as" with a sign-out button in the sidebar.

The signed-in person's id lives under SIGNED_IN_KEY, which no widget uses: only a successful sign-in sets it.
cxgov.ui.acting re-checks it against the active people on every run, so a deactivation signs the person out.
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from cxgov import audit
from cxgov.db import session_scope
from cxgov.errors import ValidationError
from cxgov.services.accounts import SignInFailed, change_own_password, sign_in
from cxgov.ui.acting import SIGNED_IN_KEY, SIGNED_OUT_KEY, ActingPerson, acting_person
from cxgov.ui.runtime import data_changed, engine
from cxgov.ui.safe import plain
from cxgov.ui.text import label, lang, tr
from cxgov.ui.writes import WriteResult, show_errors, submit

MUST_CHANGE_KEY = "cxgov_must_change_password"  # set by a sign-in whose account has a password set by an admin


def require_sign_in() -> None:
    """Show who is signed in; when nobody is (or a new password is due), show that form and stop the page."""
    person = acting_person()
    if person is None:
        _sign_in_form()
        st.stop()
    signed_in_sidebar(person, on_sign_out=_sign_out)
    if st.session_state.get(MUST_CHANGE_KEY):
        _new_password_form()
        st.stop()


def signed_in_sidebar(person: ActingPerson, on_sign_out: Callable[[], None]) -> None:
    """"Signed in as NAME · ROLE" and a sign-out button (its callback runs before the next run)."""
    st.sidebar.markdown(plain(tr("accounts.signed_in_as", name=person.name, role=label(person.role))))
    st.sidebar.button(tr("accounts.sign_out"), key="cxgov_sign_out", on_click=on_sign_out)


def _sign_out() -> None:
    for key in (SIGNED_IN_KEY, MUST_CHANGE_KEY):
        st.session_state.pop(key, None)


def _sign_in_form() -> None:
    st.title(tr("accounts.sign_in.title"))
    if st.session_state.pop(SIGNED_OUT_KEY, False):
        st.warning(tr("accounts.signed_out_deactivated"), icon="🔒")
    # clear_on_submit: the password must not stay in the session state after the attempt
    with st.form("cxgov_sign_in", clear_on_submit=True):
        email = st.text_input(tr("accounts.sign_in.email"), key="cxgov_sign_in_email", autocomplete="username")
        password = st.text_input(tr("accounts.sign_in.password"), type="password", key="cxgov_sign_in_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(tr("accounts.sign_in.submit"), type="primary")
    st.caption(tr("accounts.sign_in.help"))
    if submitted:
        _attempt(email, password)


def _attempt(email: str, password: str) -> None:
    """One attempt in its own write unit, committed whatever the outcome (the counter and lockout must stay)."""
    try:
        with session_scope(engine(), write=True) as session:
            result = sign_in(session=session, email=email, password=password)
        data_changed(sealed=session.info.get(audit.SEALED_KEY))
        person_id = result.person_id_or_raise()
    except ValidationError as exc:  # an empty field: say which, nothing was attempted
        show_errors(WriteResult(ok=False, field_errors=exc.field_messages(lang())),
                    {"email": tr("accounts.sign_in.email"), "password": tr("accounts.sign_in.password")})
        return
    except SignInFailed as exc:  # one message for every reason, so it tells an attacker nothing
        st.error(exc.message(lang()), icon="⛔")
        return
    st.session_state[SIGNED_IN_KEY] = person_id
    st.session_state[MUST_CHANGE_KEY] = result.must_change_password
    st.rerun()


def _new_password_form() -> None:
    st.title(tr("accounts.new_password.title"))
    st.info(tr("accounts.new_password.why"))
    labels = {name: tr(f"accounts.new_password.{suffix}") for name, suffix in
              (("current_password", "current"), ("new_password", "new"), ("repeat", "repeat"))}
    with st.form("cxgov_new_password", clear_on_submit=True):
        current = st.text_input(labels["current_password"], type="password", key="cxgov_current_password",
                                autocomplete="current-password")
        new = st.text_input(labels["new_password"], type="password", key="cxgov_new_password",
                            autocomplete="new-password")
        repeat = st.text_input(labels["repeat"], type="password", key="cxgov_repeat_password",
                               autocomplete="new-password")
        submitted = st.form_submit_button(tr("accounts.new_password.submit"), type="primary")
    if not submitted:
        return
    if new != repeat:  # checked here: the service never sees the repetition
        show_errors(WriteResult(ok=False, field_errors={"repeat": tr("accounts.new_password.mismatch")}), labels)
        return
    result = submit(change_own_password, areas=("people",), current_password=current, new_password=new)
    if not result.ok:
        show_errors(result, labels)
        return
    st.session_state.pop(MUST_CHANGE_KEY, None)
    st.toast(tr("accounts.new_password.saved"))
    st.rerun()
