"""The demo offer on the empty portfolio: one click loads Voltera; elsewhere it shows the CLI command."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from cxgov.db import make_engine, session_scope
from cxgov.models import AuditEvent, Initiative, Role
from cxgov.settings import Settings
from tests.factories import add_person
from tests.pages.harness import open_page, texts


def _initiatives(url: str) -> int:
    engine = make_engine(url)
    with session_scope(engine) as session:
        count = session.execute(select(func.count()).select_from(Initiative)).scalar_one()
    engine.dispose()
    return count


def _demo_button(at):
    return next(b for b in at.button if b.key == "cxgov_demo_load")


@pytest.mark.parametrize(("lang", "label"), [("en", "Load the demo portfolio"), ("nl", "Laad het demoportfolio")])
def test_local_mode_loads_the_demo_with_one_click(monkeypatch, sqlite_url, lang, label):
    at = open_page(monkeypatch, sqlite_url, "portfolio", lang=lang)
    assert not at.exception, at.exception
    button = _demo_button(at)
    assert button.label == label
    assert "Voltera" in texts(at)
    button.click().run()
    assert not at.exception, at.exception
    assert _initiatives(sqlite_url) == 40
    assert not [b for b in at.button if b.key == "cxgov_demo_load"]  # the portfolio is no longer empty


def test_an_acting_admin_loads_the_demo_on_any_database(monkeypatch, database_url):
    engine = make_engine(database_url)
    admin = add_person(engine, Role.ADMIN)
    engine.dispose()
    at = open_page(monkeypatch, database_url, "portfolio", acting=admin)
    _demo_button(at).click().run()
    assert not at.exception, at.exception
    assert _initiatives(database_url) == 40
    engine = make_engine(database_url)
    with session_scope(engine) as session:
        load = select(AuditEvent.actor_id).where(AuditEvent.entity != "sso_sign_in")
        assert session.execute(load).scalars().all() == [admin]
    engine.dispose()


def _offer_script():
    from cxgov.ui.demo import render_demo_offer

    render_demo_offer()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_outside_local_mode_without_an_admin_the_offer_shows_the_cli_command(monkeypatch, lang):
    shared = Settings(database_url="postgresql://db.example/cxgov", audit_key=b"x" * 32, language=lang)
    monkeypatch.setattr("cxgov.ui.demo.settings", lambda: shared)
    monkeypatch.setattr("cxgov.ui.acting.settings", lambda: shared)
    monkeypatch.setattr("cxgov.ui.text.settings", lambda: shared)
    at = AppTest.from_function(_offer_script, default_timeout=30).run()
    assert not at.exception, at.exception
    assert not at.button
    assert at.code[0].value == "python -m cxgov demo"
    assert ("admin" if lang == "en" else "beheerder") in texts(at)
