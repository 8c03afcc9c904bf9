"""The app frame around every page: database check, who is acting (worked out once per run, before the page
list), language switch, sign-in pages or the acting-as picker, navigation."""

from __future__ import annotations

import logging

import streamlit as st
from streamlit import config as streamlit_config

from cxgov import production
from cxgov.auth.cookie_route import serving_routes
from cxgov.db import DatabaseNotMigrated, ensure_migrated
from cxgov.i18n import LANGUAGES
from cxgov.settings import SettingsError, create_audit_key_file
from cxgov.ui.frame.acting import (
    ActingPerson,
    acting_person,
    can,
    picked_person,
    render_acting_picker,
    set_acting_person,
)
from cxgov.ui.frame.cookie import render_cookie_request
from cxgov.ui.frame.sessions import local_person
from cxgov.ui.frame.signin import require_sign_in
from cxgov.ui.frame.sso import auth_section, check_sso_config, require_sso_sign_in, sso_person
from cxgov.ui.kit.runtime import engine, notice_other_servers, settings
from cxgov.ui.kit.text import LANGUAGE_KEY, tr
from cxgov.ui.navigation import LANDED_KEY, PAGES, PAGES_DIR, landing_page

LANGUAGE_NAMES = {"en": "English", "nl": "Nederlands"}
log = logging.getLogger("cxgov")


@st.cache_resource(show_spinner=False)
def _schema_ok(url: str) -> bool:
    ensure_migrated(engine())
    return True


def _streamlit_options() -> dict[str, object]:
    """The live Streamlit options the production check needs; a cookie secret nobody set counts as None."""
    options = {name: st.get_option(name) for name in production.STREAMLIT_OPTIONS}
    if not streamlit_config.is_manually_set(production.COOKIE_SECRET):
        options[production.COOKIE_SECRET] = None  # Streamlit's random per-process default is no shared secret
    return options


@st.cache_resource(show_spinner=False)
def _log_warnings(warnings: tuple[str, ...]) -> None:
    """Warnings go to the server log once per process: they are for the operator, not for every user."""
    for warning in warnings:
        log.warning("%s", warning)


def check_production() -> None:
    """In production, stop with one message listing every insecure setting (values are never shown)."""
    found = production.problems(settings(), _streamlit_options(), auth_section(), sign_in_routes=serving_routes())
    _log_warnings(tuple(str(problem) for problem in found if not problem.refuses))
    refused = production.refusals(found)
    if refused:
        lines = "\n".join(f"- `{problem.setting}` {problem.message}" for problem in refused)
        st.error(f"{tr('frame.production_refused')}\n\n{lines}", icon=":material/error:")
        st.stop()


def check_database() -> None:
    """Stop with a clear message when settings are invalid or insecure, or the database is not migrated."""
    try:
        create_audit_key_file()  # local SQLite mode's key, before anything is audited (reading settings writes none)
        check_production()
        if settings().sso_sign_in:
            check_sso_config()
        _schema_ok(settings().database_url)
        notice_other_servers()
    except SettingsError as exc:
        st.error(f"cxgov cannot start: {exc}", icon=":material/error:")
        st.stop()
    except DatabaseNotMigrated as exc:
        st.error(str(exc), icon=":material/error:")
        st.stop()


def identify() -> None:
    """Work out who acts in this run, before the page list is built: a shared link to a page for some roles only
    must find its page after a refresh, a new tab or a sign-in."""
    if settings().acting_as_allowed:
        person = picked_person()
    elif settings().sso_sign_in:
        person = sso_person()
    else:
        person = local_person()
    set_acting_person(person)


def render_sidebar() -> None:
    """Language switch, then who is acting; until somebody is signed in, the sign-in page stops the run."""
    render_cookie_request()
    if LANGUAGE_KEY not in st.session_state:
        st.session_state[LANGUAGE_KEY] = settings().language
    st.sidebar.segmented_control(
        tr("frame.language"),
        LANGUAGES,
        key=LANGUAGE_KEY,
        format_func=LANGUAGE_NAMES.get,
        selection_mode="single",
        persist_state="session",
    )
    if not st.session_state.get(LANGUAGE_KEY):  # a second click deselects: keep a language
        st.session_state[LANGUAGE_KEY] = settings().language
    if settings().acting_as_allowed:
        render_acting_picker()
    elif settings().sso_sign_in:
        require_sso_sign_in()
    else:
        require_sign_in()


def navigation() -> st.navigation:
    """st.navigation with the sections from cxgov.ui.navigation, titles in the user's language; a page whose
    action the acting person may not do is left out, so its link answers "page not found".

    Before sign-in every page is listed (the sign-in page is shown instead of any of them): a shared link to a
    page for some roles only then still leads there once the right person has signed in.
    """
    person = acting_person()
    signed_out = person is None and not settings().acting_as_allowed
    sections: dict[str, list] = {}
    pages = {}
    for spec in PAGES:
        if spec.requires is not None and not signed_out and not can(spec.requires):
            continue
        # The portfolio stays the default page for everyone: Streamlit serves the default at the root only, so a
        # role-dependent default would break shared links (/my-work would be "not found" for managers).
        pages[spec.url_path] = st.Page(
            PAGES_DIR / spec.path,
            title=tr(spec.title),
            icon=spec.icon,
            url_path=spec.url_path,
            default=spec.url_path == "portfolio",
            visibility="hidden" if spec.hidden else "visible",
        )
        sections.setdefault(tr(spec.section), []).append(pages[spec.url_path])
    # Every page visible (no "View 5 more"); no menu before sign-in, only the sign-in form.
    current = st.navigation(sections, expanded=True, position="hidden" if signed_out else "sidebar")
    _land(current, pages, person)
    return current


def _land(current, pages: dict, person: ActingPerson | None) -> None:
    """Managers and contributors who open the app at its root start on My work — once per session, so the
    portfolio stays one click away."""
    if person is None or st.session_state.get(LANDED_KEY):
        return
    st.session_state[LANDED_KEY] = True
    landing = landing_page(person.role)
    if current.url_path == "" and landing != "portfolio":
        st.switch_page(pages[landing])
