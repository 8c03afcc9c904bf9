"""The app frame around every page: database check, language switch, acting-as picker, navigation."""
from __future__ import annotations

import streamlit as st

from cxgov.db import DatabaseNotMigrated, ensure_migrated
from cxgov.i18n import LANGUAGES
from cxgov.settings import SettingsError
from cxgov.ui.acting import render_acting_picker
from cxgov.ui.navigation import PAGES, PAGES_DIR
from cxgov.ui.runtime import engine, settings
from cxgov.ui.text import LANGUAGE_KEY, tr

LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}


@st.cache_resource(show_spinner=False)
def _schema_ok(url: str) -> bool:
    ensure_migrated(engine())
    return True


def check_database() -> None:
    """Stop with a clear message when settings are invalid or the database is not migrated."""
    try:
        _schema_ok(settings().database_url)
    except SettingsError as exc:
        st.error(f"cxgov cannot start: {exc}", icon="⛔")
        st.stop()
    except DatabaseNotMigrated as exc:
        st.error(str(exc), icon="⛔")
        st.stop()


def render_sidebar() -> None:
    if LANGUAGE_KEY not in st.session_state:
        st.session_state[LANGUAGE_KEY] = settings().language
    st.sidebar.segmented_control(tr("frame.language"), LANGUAGES, key=LANGUAGE_KEY,
                                 format_func=LANGUAGE_NAMES.get, selection_mode="single",
                                 persist_state="session")
    if not st.session_state.get(LANGUAGE_KEY):  # a second click deselects: keep a language
        st.session_state[LANGUAGE_KEY] = settings().language
    render_acting_picker()


def navigation() -> st.navigation:
    """st.navigation with the sections from cxgov.ui.navigation, titles in the user's language."""
    sections: dict[str, list] = {}
    for spec in PAGES:
        page = st.Page(PAGES_DIR / spec.path, title=tr(spec.title), icon=spec.icon, url_path=spec.url_path,
                       default=spec.url_path == "portfolio", visibility="hidden" if spec.hidden else "visible")
        sections.setdefault(tr(spec.section), []).append(page)
    return st.navigation(sections, expanded=True)  # every page visible: no "View 5 more"
