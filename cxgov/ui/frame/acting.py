"""Who is acting: the signed-in person (CXGOV_AUTH_MODE=local, cxgov.ui.frame.sessions; sso, cxgov.ui.frame.sso), or, in
the local demo mode (CXGOV_AUTH_MODE=acting-as, SQLite only), the person chosen in a labelled "acting as" picker.

The app frame works out who it is once, at the start of every run, before the page list is built
(cxgov.ui.frame.shell.identify); everything else asks `acting_person()`. The picker's choice lives only in this browser
session (never in the URL, never in a cookie): a refresh starts read-only again and never falls back to a
stronger role.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st
from sqlmodel import select

from cxgov.i18n import LANGUAGES
from cxgov.models import Person, Role
from cxgov.rules.permissions import Action, Relation, allowed
from cxgov.ui.kit.runtime import data_version, read_session, settings
from cxgov.ui.kit.text import label, lang, tr

ACTING_KEY = "cxgov_acting_person_id"
PICKER_KEYS = {language: f"{ACTING_KEY}.{language}" for language in LANGUAGES}  # the picker's widget per language
CURRENT_KEY = "cxgov_acting_person"  # who acts in this run, worked out once at its start


@dataclass(frozen=True)
class ActingPerson:
    id: int
    name: str
    role: Role
    sign_in_id: int | None = None  # the sign-in session they act through (not in the demo mode)
    must_change_password: bool = False  # a local account whose password an admin set


@st.cache_data(show_spinner=False)
def active_people(version: int, url: str) -> pd.DataFrame:
    """Active people (id, name, role) for pickers."""
    with read_session() as session:
        rows = session.exec(
            select(Person.id, Person.name, Person.role).where(Person.active).order_by(Person.name)
        ).all()
    return pd.DataFrame(rows, columns=["id", "name", "role"])


def _people() -> pd.DataFrame:
    return active_people(data_version("people"), settings().database_url)


def acting_person() -> ActingPerson | None:
    """The person the current user acts as in this run, or None (read-only, or nobody signed in yet)."""
    return st.session_state.get(CURRENT_KEY)


def set_acting_person(person: ActingPerson | None) -> None:
    """Who acts in this run (the app frame's decision at the start of the run, or a sign-in or sign-out)."""
    st.session_state[CURRENT_KEY] = person


def picked_person() -> ActingPerson | None:
    """The active person chosen in the demo picker; checked on every run, so a deactivation ends it."""
    person_id = st.session_state.get(ACTING_KEY)
    if person_id is None:
        return None
    people = _people()
    match = people[people["id"] == person_id]
    if match.empty:  # deactivated or gone since it was chosen
        st.session_state.pop(ACTING_KEY, None)
        return None
    row = match.iloc[0]
    return ActingPerson(id=int(row["id"]), name=str(row["name"]), role=Role(row["role"]))


def can(action: Action, relations: set[Relation] | frozenset[Relation] = frozenset()) -> bool:
    """Should the UI offer `action`? (The service decides again, inside its transaction.)"""
    person = acting_person()
    return person is not None and allowed(person.role, action, relations)


def render_acting_picker() -> None:
    """The sidebar picker of the local demo mode; its label names the mode."""
    people = _people()
    options = [None, *people["id"].tolist()]
    # Labels are computed during the run: AppTest calls format_func outside it, where tr() has no language.
    names = {None: tr("frame.nobody_read_only")} | {
        int(r.id): f"{r.name} · {label(Role(r.role))}" for r in people.itertuples()
    }
    chosen = st.session_state.get(ACTING_KEY)
    if chosen not in options:
        st.session_state.pop(ACTING_KEY, None)
        chosen = None
    # The browser sends the picked option's label back, and a label names the role in the page's language: one
    # widget per language, so a language switch starts a widget at the choice instead of dropping it. The choice
    # itself lives under ACTING_KEY, which no widget owns.
    widget_key = PICKER_KEYS[lang()]
    st.sidebar.selectbox(
        tr("frame.acting_as"),
        options,
        index=options.index(chosen),
        key=widget_key,
        format_func=names.get,
        on_change=lambda: st.session_state.update({ACTING_KEY: st.session_state[widget_key]}),
        help=tr("frame.acting_as_help"),
    )
