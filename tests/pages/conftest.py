"""Page-test fixtures."""

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from cxgov.db import make_engine


@pytest.fixture
def db(database_url):
    """(url, engine) of a test database on each backend."""
    engine = make_engine(database_url)
    yield database_url, engine
    engine.dispose()


@pytest.fixture
def downloads(monkeypatch) -> dict[str, object]:
    """What each download button would hand over on its click: file name → the callable Streamlit keeps for it."""
    kept: dict[str, object] = {}
    register = MediaFileManager.add_deferred

    def keep(self, data_callable, mimetype, coordinates, file_name=None, **rest):
        kept[file_name] = data_callable
        return register(self, data_callable, mimetype, coordinates, file_name, **rest)

    monkeypatch.setattr(MediaFileManager, "add_deferred", keep)
    return kept
