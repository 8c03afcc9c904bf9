"""The app frame: every page renders through app.py, in both languages, on an empty database."""
import pytest

from cxgov.ui.navigation import PAGES
from tests.pages.harness import open_page

ALL_PAGES = [p.url_path for p in PAGES]


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("url_path", ALL_PAGES)
def test_every_page_renders_on_an_empty_database(monkeypatch, sqlite_url, url_path, lang):
    at = open_page(monkeypatch, sqlite_url, url_path, lang=lang)
    assert not at.exception, at.exception


def test_unmigrated_database_is_refused_with_a_clear_message(monkeypatch, tmp_path):
    at = open_page(monkeypatch, f"sqlite:///{tmp_path / 'empty.sqlite3'}", "portfolio")
    assert "python -m cxgov migrate" in at.error[0].value
