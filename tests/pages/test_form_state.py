"""A form cleared after its save: the next run hands the browser the first values (a widget the browser drew
keeps its own text unless told otherwise), while a form not saved keeps what was typed."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _form_page() -> None:
    import streamlit as st

    from cxgov.ui.kit.form_state import clear_after_save, first_values

    first_values("note_form", {"note_text": "", "note_kind": "a"})
    with st.form("note_form"):
        text = st.text_area("Note", key="note_text")
        st.selectbox("Kind", ["a", "b"], key="note_kind")
        saved = st.form_submit_button("Save")
    if saved and text.strip():
        clear_after_save("note_form")
        st.rerun()


def test_a_saved_form_is_drawn_with_its_first_values_again():
    at = AppTest.from_function(_form_page).run()
    at.text_area(key="note_text").input("Board approved the pilot")
    at.selectbox(key="note_kind").set_value("b")
    at.button[0].click().run()
    assert not at.exception
    assert (at.text_area(key="note_text").value, at.selectbox(key="note_kind").value) == ("", "a")
    # Set through session state: the browser replaces the text it still shows (deleting the key would not).
    assert at.text_area(key="note_text").proto.set_value


def test_a_form_not_saved_keeps_what_was_typed():
    at = AppTest.from_function(_form_page).run()
    at.text_area(key="note_text").input("   ")
    at.selectbox(key="note_kind").set_value("b")
    at.button[0].click().run()
    assert (at.text_area(key="note_text").value, at.selectbox(key="note_kind").value) == ("   ", "b")
