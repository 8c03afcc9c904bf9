"""Page-test fixtures."""
import pytest

from cxgov.db import make_engine


@pytest.fixture
def db(database_url, monkeypatch):
    """(url, engine) of a test database on each backend; on PostgreSQL the acting-as picker is switched on
    explicitly (CXGOV_ALLOW_ACTING_AS, as for a shared demo) so pages can be driven as a person."""
    monkeypatch.setenv("CXGOV_ALLOW_ACTING_AS", "1")
    engine = make_engine(database_url)
    yield database_url, engine
    engine.dispose()
