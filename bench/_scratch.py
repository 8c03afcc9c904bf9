"""Scratch databases for benchmark scripts: a temporary SQLite file, or a PostgreSQL database created next to
a given server URL and dropped afterwards (run_all.py skips files starting with `_`)."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine

from cxgov.db import normalise_url


@contextmanager
def scratch_sqlite() -> Iterator[str]:
    """The URL of a new SQLite file, removed afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{folder}/bench.sqlite3"


@contextmanager
def scratch_postgres(base_url: str) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database on the server of `base_url`, dropped afterwards."""
    name = f"cxgov_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(base_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield normalise_url(base_url).rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
