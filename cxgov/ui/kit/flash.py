"""The message of a save, shown once on the page the save leads to (the same page after a rerun, or another)."""

from __future__ import annotations

import streamlit as st

FLASH_KEY = "cxgov_flash"  # session state, as st.toast does not survive st.rerun or st.switch_page


def flash(message: str) -> None:
    """Keep `message` for the next run; the caller reruns or switches page."""
    st.session_state[FLASH_KEY] = message


def show_flash(*, toast: bool = False) -> None:
    """The message of the save that led here, once: as a success box, or as a toast where the page below it
    should not move (the initiative page)."""
    message = st.session_state.pop(FLASH_KEY, None)
    if not message:
        return
    if toast:
        st.toast(message, icon=":material/check_circle:")
    else:
        st.success(message, icon=":material/check_circle:")
