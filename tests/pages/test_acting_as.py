"""Who is acting: the local-mode picker, read-only elsewhere, never in the URL, never a stronger fallback."""
import streamlit as st
from sqlalchemy import text

from cxgov.db import make_engine
from cxgov.models import Role
from cxgov.settings import get_settings
from cxgov.ui.acting import ACTING_KEY
from tests.factories import add_person
from tests.pages.harness import open_page


def test_mode_decides_whether_the_picker_is_offered(monkeypatch, database_url):
    at = open_page(monkeypatch, database_url, "portfolio")
    assert not at.exception
    pickers = [s for s in at.sidebar.selectbox if s.key == ACTING_KEY]
    if database_url.startswith("sqlite"):
        assert pickers, "local SQLite mode offers the acting-as picker"
    else:
        assert not pickers
        assert any("Read-only" in i.value for i in at.sidebar.info)


def test_shared_database_with_explicit_setting_shows_a_warning_banner(monkeypatch, database_url):
    monkeypatch.setenv("CXGOV_ALLOW_ACTING_AS", "true")
    at = open_page(monkeypatch, database_url, "portfolio")
    get_settings.cache_clear()
    assert [s for s in at.sidebar.selectbox if s.key == ACTING_KEY]
    banner = [w.value for w in at.warning if "CXGOV_ALLOW_ACTING_AS" in w.value]
    assert bool(banner) == (not database_url.startswith("sqlite"))


def test_the_choice_is_never_in_the_url_and_deactivation_falls_back_to_read_only(monkeypatch, sqlite_url):
    engine = make_engine(sqlite_url)
    admin = add_person(engine, Role.ADMIN, name="Anouk Admin")
    at = open_page(monkeypatch, sqlite_url, "portfolio", acting=admin)
    assert at.session_state[ACTING_KEY] == admin
    assert not any("acting" in key.lower() or str(admin) == value for key, value in at.query_params.items())
    with engine.begin() as conn:  # test arrangement: deactivate behind the app's back
        conn.execute(text("UPDATE person SET active = false WHERE id = :id"), {"id": admin})
    st.cache_data.clear()
    at.run()
    assert ACTING_KEY not in at.session_state or at.session_state[ACTING_KEY] is None
