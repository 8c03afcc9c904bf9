"""The demo offer on the empty portfolio: one click loads Voltera for an admin, and in the local demo mode while
it has no admin; everyone else sees the CLI command; production offers nothing."""

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
    engine = make_engine(sqlite_url)
    with session_scope(engine) as session:  # nobody could be an admin yet: the system loaded it
        assert session.execute(select(AuditEvent.actor_name)).scalars().all() == ["system"]
    engine.dispose()


def test_in_the_demo_mode_with_an_admin_only_the_admin_gets_the_button(monkeypatch, sqlite_url):
    engine = make_engine(sqlite_url)
    admin, viewer = add_person(engine, Role.ADMIN), add_person(engine, Role.VIEWER)
    engine.dispose()
    nobody = open_page(monkeypatch, sqlite_url, "portfolio")
    assert not [b for b in nobody.button if b.key == "cxgov_demo_load"]
    assert nobody.code[0].value == "python -m cxgov demo"
    as_viewer = open_page(monkeypatch, sqlite_url, "portfolio", acting=viewer, mode="acting-as")
    assert not [b for b in as_viewer.button if b.key == "cxgov_demo_load"]
    as_admin = open_page(monkeypatch, sqlite_url, "portfolio", acting=admin, mode="acting-as")
    assert _demo_button(as_admin)


def test_a_signed_in_viewer_is_never_offered_the_load(monkeypatch, database_url):
    at = open_page(monkeypatch, database_url, "portfolio", mode="sso")  # a viewer, on an empty database
    assert not at.exception, at.exception
    assert not [b for b in at.button if b.key == "cxgov_demo_load"]
    assert at.code[0].value == "python -m cxgov demo"


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
    from cxgov.ui.leadership.demo_offer import render_demo_offer

    render_demo_offer()


def test_production_offers_no_demo_at_all(monkeypatch):
    production = Settings(
        database_url="postgresql://db.example/cxgov", audit_key=b"x" * 32, language="en", environment="production"
    )
    for module in ("cxgov.ui.leadership.demo_offer", "cxgov.ui.frame.acting", "cxgov.ui.kit.text"):
        monkeypatch.setattr(f"{module}.settings", lambda: production)
    at = AppTest.from_function(_offer_script, default_timeout=30).run()
    assert not at.exception, at.exception
    assert not at.button and not at.code and "Voltera" not in texts(at)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_outside_local_mode_without_an_admin_the_offer_shows_the_cli_command(monkeypatch, lang):
    shared = Settings(database_url="postgresql://db.example/cxgov", audit_key=b"x" * 32, language=lang)
    monkeypatch.setattr("cxgov.ui.leadership.demo_offer.settings", lambda: shared)
    monkeypatch.setattr("cxgov.ui.frame.acting.settings", lambda: shared)
    monkeypatch.setattr("cxgov.ui.kit.text.settings", lambda: shared)
    at = AppTest.from_function(_offer_script, default_timeout=30).run()
    assert not at.exception, at.exception
    assert not at.button
    assert at.code[0].value == "python -m cxgov demo"
    assert ("admin" if lang == "en" else "beheerder") in texts(at)
