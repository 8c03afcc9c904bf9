"""The app frame: every page renders through app.py, on an empty database and on the demo portfolio.

An empty page renders in English only: the translation tests check every key in both languages, and the
demo portfolio renders every page in both, with Dutch dates and amounts to format."""

import pytest
from sqlmodel import select

from cxgov.db import make_engine, session_scope
from cxgov.i18n import enum_label
from cxgov.models import Health, Initiative, Person, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio
from cxgov.ui.navigation import PAGES
from tests.conftest import copy_sqlite
from tests.factories import add_person
from tests.pages.harness import open_page, texts

ALL_PAGES = [p.url_path for p in PAGES]


@pytest.mark.parametrize("url_path", ALL_PAGES)
def test_every_page_renders_on_an_empty_database(monkeypatch, sqlite_url, url_path):
    """As nobody (read only) in the demo mode; a page for some roles only as the installation's first admin."""
    [spec] = [p for p in PAGES if p.url_path == url_path]
    admin = add_person(make_engine(sqlite_url), Role.ADMIN) if spec.requires else None
    at = open_page(monkeypatch, sqlite_url, url_path, acting=admin, mode="acting-as")
    assert not at.exception, at.exception


def test_unmigrated_database_is_refused_with_a_clear_message(monkeypatch, tmp_path):
    at = open_page(monkeypatch, f"sqlite:///{tmp_path / 'empty.sqlite3'}", "portfolio")
    assert "python -m cxgov migrate" in at.error[0].value


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory, sqlite_template) -> str:
    """A SQLite file holding the 40-initiative demo portfolio, loaded once for this module."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    copy_sqlite(sqlite_template, str(path))
    engine = make_engine(f"sqlite:///{path}")
    with session_scope(engine, write=True) as session:
        load_demo_portfolio(session=session, actor=SYSTEM_ACTOR)
    engine.dispose()
    return str(path)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("url_path", ALL_PAGES)
def test_every_page_renders_on_the_demo_portfolio_as_an_admin(monkeypatch, tmp_path, demo_template, url_path, lang):
    target = tmp_path / "demo.sqlite3"
    copy_sqlite(demo_template, str(target))
    engine = make_engine(f"sqlite:///{target}")
    with session_scope(engine) as session:
        admin = session.exec(select(Person.id).where(Person.role == Role.ADMIN)).first()
        initiative = session.exec(select(Initiative.id).order_by(Initiative.id)).first()
    engine.dispose()
    at = open_page(
        monkeypatch,
        f"sqlite:///{target}",
        url_path,
        lang=lang,
        acting=admin,
        query={"id": str(initiative)} if url_path in ("initiative", "initiative-form") else None,
    )
    assert not at.exception, at.exception
    # A red health box is the demo's data speaking (an initiative off track), not a page failing to render.
    errors = [e.value for e in at.error if enum_label(Health.RED, lang) not in e.value.replace("\\", "")]
    assert not errors, errors
    assert "⟦" not in texts(at), "an untranslated key is shown"
