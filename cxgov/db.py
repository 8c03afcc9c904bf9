"""Engines, one session scope per user action, and the migration state.

SQLite: foreign keys on, WAL, a busy timeout, and `BEGIN IMMEDIATE` for write units (a deferred
BEGIN lost or refused most concurrent read-then-write units; see docs/architecture.md, Measured pitfalls).
PostgreSQL via psycopg 3.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session

from cxgov import audit
from cxgov.errors import PermissionDenied
from cxgov.settings import PROJECT_ROOT, get_settings

ALEMBIC_INI = PROJECT_ROOT / "db" / "alembic.ini"
SQLITE_BUSY_TIMEOUT_MS = 30_000  # long enough for 8 writers queueing behind BEGIN IMMEDIATE


class DatabaseNotMigrated(RuntimeError):
    """The database schema is older (or newer) than this code: run `python -m cxgov migrate`."""


def normalise_url(url: str) -> str:
    """Use psycopg 3 for plain `postgresql://` URLs."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str) -> Engine:
    """An engine with the per-connection settings cxgov relies on."""
    url = normalise_url(url)
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    _install_sqlite_hooks(engine)
    return engine


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        write = connection.get_execution_options().get("cxgov_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@contextmanager
def session_scope(engine: Engine, *, write: bool = False) -> Iterator[Session]:
    """One transaction for one user action: commit on success, roll back on any error.

    A write unit seals its audit events (numbers and chains them under the head lock) as the
    last step before commit, so no service can forget to. A write unit refused by the permission
    policy is rolled back like any other, then the attempt is recorded in a unit of its own.
    """
    denied: PermissionDenied | None = None
    with engine.connect() as connection:
        connection = connection.execution_options(cxgov_write=write)
        with Session(bind=connection, expire_on_commit=False) as session:
            if write:
                key = get_settings().audit_key
                event.listen(session, "before_commit", lambda s: audit.seal(s, key))
            try:
                yield session
                session.commit()
            except PermissionDenied as exc:
                session.rollback()
                if not write:
                    raise
                denied = exc
            except BaseException:
                session.rollback()
                raise
    if denied is None:
        return
    # Outside the refused unit's connection: on SQLite a second writer would wait for it.
    with session_scope(engine, write=True) as session:
        audit.record_denial(session, denied)
    raise denied


def alembic_config(url: str) -> Config:
    """Alembic configuration for `url` (the environment lives in db/)."""
    config = Config(str(ALEMBIC_INI))
    config.set_main_option("script_location", str(PROJECT_ROOT / "db"))
    config.attributes["database_url"] = normalise_url(url)
    return config


def migrate(url: str, revision: str = "head") -> None:
    """Upgrade the database at `url` to `revision`."""
    command.upgrade(alembic_config(url), revision)


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


def ensure_migrated(engine: Engine) -> None:
    """Refuse to serve a database whose schema is not at the code's head revision."""
    current, head = schema_revision(engine), head_revision()
    if current != head:
        raise DatabaseNotMigrated(
            f"The database is at schema revision {current or 'none (empty)'}, this version of cxgov needs {head}. "
            "Run `python -m cxgov migrate` (or `make run`, which migrates) and start again."
        )
