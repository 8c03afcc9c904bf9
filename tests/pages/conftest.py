"""Page-test fixtures."""

import pytest

from cxgov.db import make_engine


@pytest.fixture
def db(database_url):
    """(url, engine) of a test database on each backend."""
    engine = make_engine(database_url)
    yield database_url, engine
    engine.dispose()
