"""Setting or resetting a person's local password (Admin → People)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.services.accounts import reset_password
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import tr
from cxgov.ui.kit.writes import WriteResult, show_errors, submit

RESET_ROUND_KEY = "cxgov_admin_reset_round"


def password_reset_form(people: pd.DataFrame) -> None:
    """Set or reset a person's local password (typed twice); they must choose their own at the next sign-in."""
    if people.empty:
        st.caption(tr("admin.nothing_to_edit"))
        return
    st.caption(tr("admin.account.intro"))
    names = dict(zip(people["id"].tolist(), people["name"].tolist(), strict=True))
    round_ = st.session_state.get(RESET_ROUND_KEY, 0)  # a new round after a reset: no password stays in a widget
    with st.form(f"admin_password_reset_{round_}"):
        person_id = st.selectbox(
            tr("admin.account.person"), list(names), format_func=names.get, key=f"admin.reset.{round_}.person"
        )
        first = st.text_input(tr("admin.account.new_password"), type="password", key=f"admin.reset.{round_}.new")
        second = st.text_input(tr("admin.account.repeat_password"), type="password", key=f"admin.reset.{round_}.repeat")
        submitted = st.form_submit_button(tr("admin.account.submit"), type="primary")
    if not submitted:
        return
    labels = {"new_password": tr("admin.account.new_password"), "repeat_password": tr("admin.account.repeat_password")}
    if first != second:  # caught here: the service only ever sees one password
        show_errors(WriteResult(ok=False, field_errors={"repeat_password": tr("admin.account.mismatch")}), labels)
        return
    result = submit(reset_password, areas=("people",), person_id=person_id, new_password=first)
    if result.ok:
        st.session_state[RESET_ROUND_KEY] = round_ + 1
        flash(tr("admin.account.done", name=plain(names[person_id])))
        st.rerun()
    show_errors(result, labels)
