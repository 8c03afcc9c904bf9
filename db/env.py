"""Alembic environment: cxgov's metadata, batch mode on SQLite, foreign keys guarded during migrations."""

from alembic import context
from sqlmodel import SQLModel

import cxgov.models  # noqa: F401  (registers every table)
from cxgov.db import make_engine, normalise_url
from cxgov.settings import get_settings

config = context.config
target_metadata = SQLModel.metadata


def database_url() -> str:
    return config.attributes.get("database_url") or normalise_url(get_settings().database_url)


def include_object(obj, name, type_, reflected, compare_to):
    """Expression and partial indexes are written by hand (autogenerate cannot compare them reliably)."""
    return not (type_ == "index" and name in HAND_WRITTEN_INDEXES)


HAND_WRITTEN_INDEXES = {
    "uq_initiative_open_title",
    "uq_pdca_cycle_one_open",
    "uq_department_lower_name",
    "uq_strategic_objective_lower_title",
    "uq_kpi_reading_live",
}


def run_migrations_offline() -> None:
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(database_url())
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            # A batch rebuild with foreign keys on cascades deletes into child tables: switch them off before the
            # transaction starts, check them after (see docs/architecture.md, Measured pitfalls).
            # (on the driver connection: SQLAlchemy's autobegin would wrap it in BEGIN, where it is a no-op)
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=sqlite,
            include_object=include_object,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        if sqlite:
            driver = connection.connection.driver_connection
            problems = driver.execute("PRAGMA foreign_key_check").fetchall()
            driver.execute("PRAGMA foreign_keys=ON")
            if problems:
                raise RuntimeError(f"foreign key check failed after migration: {problems[:10]}")
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
