"""Date fields in the user's language. Streamlit's date input shows an empty field as "dd-mm-yyyy" whatever its
`format` says: the field's segments always use its date library's English letters. Dutch writes "jjjj" for the
year, so on a Dutch page a style rule draws the empty year segment with the Dutch letters (typing is unchanged)."""

from __future__ import annotations

import streamlit as st

from cxgov.ui.kit.text import lang

YEAR_LETTERS = {"nl": "jjjj"}  # day and month read "dd" and "mm" in Dutch as in English
# The empty year segment (react-aria marks it data-type="year", data-placeholder="true") keeps its place and
# stays focusable; only its own letters shrink away and the locale's are drawn in their place, at the size
# Streamlit gives date segments (0.875rem).
_STYLE = """<style>
[data-testid="stDateInputField"] [data-type="year"][data-placeholder="true"] {{ font-size: 0; }}
[data-testid="stDateInputField"] [data-type="year"][data-placeholder="true"]::before {{
  content: "{letters}"; font-size: 0.875rem; }}
</style>"""


def localise_date_placeholders() -> None:
    """On a page in a language whose year letters differ from English, show empty date fields in them."""
    letters = YEAR_LETTERS.get(lang())
    if letters:
        st.html(_STYLE.format(letters=letters))
