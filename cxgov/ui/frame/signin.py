"""Sign-in with local accounts (CXGOV_AUTH_MODE=local): the form instead of the page, a forced first password
change, and "signed in as" with a sign-out button in the sidebar.

A successful sign-in opens a sign-in session on the server and has the browser fetch its HttpOnly cookie
(cxgov.ui.frame.cookie), so the person stays signed in across tabs and refreshes; cxgov.ui.frame.sessions checks that
session on every run, so a sign-out elsewhere, a deactivation or a new password ends it at the next click.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from cxgov import audit
from cxgov.db import session_scope
from cxgov.errors import ValidationError
from cxgov.services.accounts import SignInFailed, change_own_password, sign_in
from cxgov.ui.frame.acting import ActingPerson, acting_person
from cxgov.ui.frame.cookie import request_clear, request_cookie
from cxgov.ui.frame.sessions import SIGN_IN_KEY, forget_ending, render_signed_out, sign_out_everywhere
from cxgov.ui.kit.runtime import data_changed, engine
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import label, lang, tr
from cxgov.ui.kit.writes import WriteResult, show_errors, submit

EMAIL_KEY, PASSWORD_KEY = "cxgov_sign_in_email", "cxgov_sign_in_password"
FAILED_KEY = "cxgov_sign_in_failed"  # what the last attempt's refusal said, shown once under the form


def require_sign_in() -> None:
    """Show who is signed in; when nobody is (or a new password is due), show that page and stop the run."""
    person = acting_person()
    if person is None:
        if not render_signed_out(forget_ending):
            _sign_in_form()
        st.stop()
    signed_in_sidebar(person, on_sign_out=_sign_out)
    if person.must_change_password:
        _new_password_form(person)
        st.stop()


def signed_in_sidebar(person: ActingPerson, on_sign_out: Callable[[], None]) -> None:
    """ "Signed in as NAME · ROLE" and a sign-out button (its callback runs before the next run)."""
    st.sidebar.markdown(plain(tr("accounts.signed_in_as", name=person.name, role=label(person.role))))
    st.sidebar.button(tr("accounts.sign_out"), key="cxgov_sign_out", on_click=on_sign_out)


def _sign_out() -> None:
    sign_out_everywhere()
    request_clear()


def _sign_in_form() -> None:
    st.title(tr("accounts.sign_in.title"))
    with st.form("cxgov_sign_in"):
        st.text_input(tr("accounts.sign_in.email"), key=EMAIL_KEY, autocomplete="username")
        st.text_input(
            tr("accounts.sign_in.password"), type="password", key=PASSWORD_KEY, autocomplete="current-password"
        )
        st.form_submit_button(tr("accounts.sign_in.submit"), type="primary", on_click=_attempt)
    failed: WriteResult | None = st.session_state.pop(FAILED_KEY, None)
    if failed is not None and failed.error:  # one message for every reason, so it tells an attacker nothing
        st.error(failed.error, icon=":material/error:")
    elif failed is not None:  # an empty field: say which, nothing was attempted
        show_errors(failed, {"email": tr("accounts.sign_in.email"), "password": tr("accounts.sign_in.password")})
    st.caption(tr("accounts.sign_in.help"))


def _attempt() -> None:
    """The form's callback, which runs before the script: the only moment a widget's value may still change, so
    the password is emptied here while the typed e-mail address stays for the next try.

    One attempt in its own write unit, committed whatever the outcome (the counter and lockout must stay).
    """
    email, password = st.session_state.get(EMAIL_KEY) or "", st.session_state.get(PASSWORD_KEY) or ""
    st.session_state[PASSWORD_KEY] = ""
    try:
        with session_scope(engine(), write=True) as session:
            result = sign_in(session=session, email=email, password=password)
        data_changed(sealed=session.info.get(audit.SEALED_KEY))
        result.person_id_or_raise()
    except ValidationError as exc:
        st.session_state[FAILED_KEY] = WriteResult(ok=False, field_errors=exc.field_messages(lang()))
        return
    except SignInFailed as exc:
        st.session_state[FAILED_KEY] = WriteResult(ok=False, error=exc.message(lang()))
        return
    forget_ending()
    st.session_state[SIGN_IN_KEY] = result.sign_in_id
    request_cookie(result.ticket)


def _new_password_form(person: ActingPerson) -> None:
    st.title(tr("accounts.new_password.title"))
    st.info(tr("accounts.new_password.why"))
    labels = {
        name: tr(f"accounts.new_password.{suffix}")
        for name, suffix in (("current_password", "current"), ("new_password", "new"), ("repeat", "repeat"))
    }
    with st.form("cxgov_new_password", clear_on_submit=True):
        current = st.text_input(
            labels["current_password"], type="password", key="cxgov_current_password", autocomplete="current-password"
        )
        new = st.text_input(
            labels["new_password"], type="password", key="cxgov_new_password", autocomplete="new-password"
        )
        repeat = st.text_input(
            labels["repeat"], type="password", key="cxgov_repeat_password", autocomplete="new-password"
        )
        submitted = st.form_submit_button(tr("accounts.new_password.submit"), type="primary")
    if not submitted:
        return
    if new != repeat:  # checked here: the service never sees the repetition
        show_errors(WriteResult(ok=False, field_errors={"repeat": tr("accounts.new_password.mismatch")}), labels)
        return
    result = submit(
        change_own_password,
        areas=("people",),
        current_password=current,
        new_password=new,
        keep_sign_in=person.sign_in_id,
    )
    if not result.ok:
        show_errors(result, labels)
        return
    st.toast(tr("accounts.new_password.saved"))
    st.rerun()  # the sign-in session is read again: no new password is due any more
