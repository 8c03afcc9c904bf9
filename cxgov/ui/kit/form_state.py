"""A form's first values, and the same values again after a save. Streamlit keeps what a widget shows in the
browser: deleting a widget's key from session state does not empty the field there, while a value set through
session state before the widget is drawn does."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st


def _again_key(name: str) -> str:
    return f"{name}.clear_again"


def first_values(name: str, values: Mapping[str, object]) -> None:
    """Before the form `name` is drawn: each widget key of `values` gets its first value when the widget is new,
    and every one of them again after `clear_after_save(name)`."""
    again = st.session_state.pop(_again_key(name), False)
    for key, value in values.items():
        if again or key not in st.session_state:
            st.session_state[key] = value


def clear_after_save(name: str) -> None:
    """The form `name` was saved: the next run draws it with its first values."""
    st.session_state[_again_key(name)] = True
