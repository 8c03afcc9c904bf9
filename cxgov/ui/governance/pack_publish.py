"""Publishing the meeting's board pack, for those who run the meeting: its language, the chair's opening of the
executive summary and a paragraph per decision requested, each starting as drafted from the data. Only the
paragraphs the chair changed are sent; the service drafts the others itself."""

from __future__ import annotations

import streamlit as st

from cxgov.services.board_pack import publish_pack
from cxgov.settings import LANGUAGES
from cxgov.ui.governance.meeting_reads import WRITE_AREAS
from cxgov.ui.governance.pack_reads import requested, versions
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.form_state import clear_after_save, first_values
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import labelled, lang, tr
from cxgov.ui.kit.writes import show_errors, submit

SUMMARY_MAX = 5_000  # as the service's input model allows (cxgov.models.inputs_meetings.PackInput)
PARAGRAPH_MAX = 2_000


def language_names() -> dict[str, str]:
    return {code: tr(f"pack_tab.language.{code}") for code in LANGUAGES}


def _language(meeting_id: int) -> str:
    key = f"pack_language_{meeting_id}"
    first_values(key, {key: lang()})
    return st.radio(
        tr("pack_tab.field.language"), LANGUAGES, key=key, format_func=labelled(language_names()), horizontal=True
    )


def render_publish(meeting_id: int) -> None:
    """The form that publishes the meeting's next pack version."""
    language = _language(meeting_id)
    asked = requested(meeting_id, language)
    name = f"pack_publish_{meeting_id}_{language}"  # one form per language: the drafts are written in it
    drafted = {f"{name}.{key}": paragraph for key, _, _, paragraph in asked}
    first_values(name, {f"{name}.summary": "", **drafted})
    with st.form(name):
        st.text_area(tr("pack_tab.field.summary"), key=f"{name}.summary", max_chars=SUMMARY_MAX, height=150)
        if asked:
            st.caption(tr("pack_tab.paragraphs"))
        else:
            st.caption(tr("pack_tab.no_requests"))
        for key, _, title, _ in asked:
            st.text_area(plain(title), key=f"{name}.{key}", max_chars=PARAGRAPH_MAX)
        published = st.form_submit_button(
            tr("pack_tab.publish_button"), type="primary", icon=":material/publish:", key=f"{name}.submit"
        )
    if not published:
        return
    changed = {
        key: st.session_state[f"{name}.{key}"]
        for key, _, _, paragraph in asked
        if st.session_state[f"{name}.{key}"] != paragraph
    }
    result = submit(
        publish_pack,
        areas=WRITE_AREAS,
        meeting_id=meeting_id,
        language=language,
        summary=st.session_state[f"{name}.summary"],
        paragraphs=changed,
    )
    if result.ok:
        clear_after_save(name)
        flash(tr("pack_tab.published", n=_number(meeting_id, result.value)))
        st.rerun()
    show_errors(
        result,
        {
            "language": tr("pack_tab.field.language"),
            "summary": tr("pack_tab.field.summary"),
            "paragraphs": tr("pack_tab.paragraphs"),
        },
    )


def _number(meeting_id: int, pack_id: int) -> int:
    """The version number the service gave the pack just published (read after the write: the areas are new)."""
    found = versions(meeting_id)
    return int(found.loc[found["id"] == pack_id, "number"].iloc[0])
