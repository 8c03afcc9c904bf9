"""The local demo mode's "acting as" picker: only when chosen, only on SQLite, never in the URL, never a
stronger fallback; every other mode shows who is signed in instead."""

import pytest
import streamlit as st
from sqlalchemy import text

from cxgov.db import make_engine
from cxgov.models import Role
from cxgov.settings import SettingsError, load_settings
from cxgov.ui.frame.acting import ACTING_KEY, PICKER_KEYS
from tests.factories import add_person
from tests.pages.harness import open_page


def _pickers(at):
    return [s for s in at.sidebar.selectbox if s.key in PICKER_KEYS.values()]


def test_the_demo_mode_offers_the_picker_with_its_mode_in_the_label(monkeypatch, sqlite_url):
    at = open_page(monkeypatch, sqlite_url, "portfolio", mode="acting-as")
    assert not at.exception
    [picker] = _pickers(at)
    assert picker.label == "Acting as (local demo mode)"


@pytest.mark.parametrize("mode", ["local", "sso"])
def test_no_picker_in_the_sign_in_modes(monkeypatch, database_url, mode):
    admin = add_person(make_engine(database_url), Role.ADMIN)
    at = open_page(monkeypatch, database_url, "portfolio", mode=mode, acting=admin if mode == "sso" else None)
    assert not at.exception
    assert not _pickers(at)


def test_the_demo_mode_is_refused_on_a_shared_database(monkeypatch):
    monkeypatch.setenv("CXGOV_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/cxgov")
    monkeypatch.setenv("CXGOV_AUDIT_KEY", "k" * 32)
    monkeypatch.setenv("CXGOV_AUTH_MODE", "acting-as")
    with pytest.raises(SettingsError, match="needs the local SQLite database"):
        load_settings()


def test_the_choice_is_never_in_the_url_and_deactivation_falls_back_to_read_only(monkeypatch, sqlite_url):
    engine = make_engine(sqlite_url)
    admin = add_person(engine, Role.ADMIN, name="Anouk Admin")
    at = open_page(monkeypatch, sqlite_url, "portfolio", acting=admin, mode="acting-as")
    assert at.session_state[ACTING_KEY] == admin
    assert not any("acting" in key.lower() or str(admin) == value for key, value in at.query_params.items())
    with engine.begin() as conn:  # test arrangement: deactivate behind the app's back
        conn.execute(text("UPDATE person SET active = false WHERE id = :id"), {"id": admin})
    st.cache_data.clear()
    at.run()
    assert ACTING_KEY not in at.session_state or at.session_state[ACTING_KEY] is None
