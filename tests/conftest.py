"""Test databases built from the migrations: SQLite always, PostgreSQL when CXGOV_TEST_POSTGRES_URL is set.

Per-test rollback cannot work (concurrency tests and AppTest commit), so every test gets its own database:
a copy of a migrated SQLite template file, or `CREATE DATABASE … TEMPLATE` on PostgreSQL. SQLite test files
live in memory (/dev/shm) where the machine has it: the tests are bound by disk syncs otherwise.
Under pytest-xdist every worker builds its own templates (unique names), so no two workers share one.
In CI (CXGOV_REQUIRE_ALL_TESTS=1) a skipped PostgreSQL or browser test fails the run.

The tiers are markers set here by folder and fixture: `pages` (AppTest, tests/pages), `browser` (Chromium,
tests/e2e), `postgres` (the PostgreSQL side of a test on both databases) and `slow` (the modules listed in
SLOW_MODULES); `make test-fast` leaves all four out.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine

os.environ.setdefault("CXGOV_AUDIT_KEY", "test-audit-key-0123456789abcdef")
os.environ.pop("CXGOV_DATABASE_URL", None)
os.environ.pop("CXGOV_AUDIT_ANCHOR_FILE", None)  # tests never append to the anchors file of the machine

from cxgov.db import make_engine, migrate, normalise_url
from cxgov.settings import get_settings
from tests.audit_tampering import chain  # noqa: F401 (a fixture for the audit trail tests)

get_settings.cache_clear()
POSTGRES_URL = os.environ.get("CXGOV_TEST_POSTGRES_URL")
REQUIRE_ALL = os.environ.get("CXGOV_REQUIRE_ALL_TESTS") == "1"
BACKENDS = ["sqlite", "postgres"]
MEMORY_DIR = Path("/dev/shm")  # tmpfs: fsync costs nothing (about twice as fast as disk for the permission matrix)
TESTS_DIR = Path(__file__).parent


@pytest.fixture(scope="session")
def sqlite_dir(tmp_path_factory) -> Iterator[Path]:
    """Where this process's SQLite test databases go: a fresh folder in /dev/shm, else pytest's temporary one."""
    if not (MEMORY_DIR.is_dir() and os.access(MEMORY_DIR, os.W_OK)):
        yield tmp_path_factory.mktemp("databases")
        return
    folder = Path(tempfile.mkdtemp(prefix="cxgov-tests-", dir=MEMORY_DIR))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def sqlite_template(sqlite_dir) -> str:
    path = sqlite_dir / "template.sqlite3"
    migrate(f"sqlite:///{path}")
    return str(path)


@pytest.fixture
def sqlite_url(sqlite_dir, sqlite_template) -> Iterator[str]:
    """A fresh migrated SQLite database (for tests that are about SQLite or the UI's local mode)."""
    target = sqlite_dir / f"{uuid.uuid4().hex}.sqlite3"
    copy_sqlite(sqlite_template, str(target))
    yield f"sqlite:///{target}"
    for suffix in ("", "-wal", "-shm"):  # memory is not cleaned by pytest's temporary folder rotation
        Path(f"{target}{suffix}").unlink(missing_ok=True)


@pytest.fixture(scope="session")
def postgres_template() -> str | None:
    if not POSTGRES_URL:
        yield None
        return
    name = f"cxgov_tpl_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(POSTGRES_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    migrate(_pg_url(name))
    yield name
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def _pg_url(database: str) -> str:
    base = normalise_url(POSTGRES_URL)
    return base.rsplit("/", 1)[0] + "/" + database


def copy_sqlite(template: str, target: str) -> None:
    with sqlite3.connect(template) as source, sqlite3.connect(target) as dest:
        source.backup(dest)


@pytest.fixture(params=BACKENDS)
def database_url(request, postgres_template) -> str:
    """A fresh, migrated database for one test, on each backend."""
    if request.param == "sqlite":
        yield request.getfixturevalue("sqlite_url")
        return
    if postgres_template is None:
        pytest.skip("PostgreSQL tests need CXGOV_TEST_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/test)")
    with postgres_copy(postgres_template, "cxgov_t") as url:
        yield url


@contextmanager
def postgres_copy(template: str, prefix: str) -> Iterator[str]:
    """A new PostgreSQL database made from `template` (`CREATE DATABASE … TEMPLATE`), dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(normalise_url(POSTGRES_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield _pg_url(name)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


# Fixtures whose "postgres" parameter, or fixtures that by themselves, put a test on PostgreSQL.
POSTGRES_PARAMETERS = ("database_url", "backend")
POSTGRES_FIXTURES = {"postgres_e2e_database", "postgres_server"}
# The few modules that take most of the fast tier's time (each a thorough sweep: every service × role ×
# relation, concurrent writers, every migration up and down, property-based rules, the demo at scale).
SLOW_MODULES = {
    "services/test_permissions_matrix.py",
    "services/test_initiatives_concurrency.py",
    "audit/test_rows.py",
    "audit/test_anchors.py",
    "rules/test_health_total.py",
    "test_migrations.py",
    "demo/test_portfolio.py",
    "demo/test_responses.py",
    "demo/test_meetings.py",
}


def pytest_itemcollected(item):
    """The tiers as markers, by folder and fixture (for -m selection)."""
    folder = Path(item.path).parent
    if folder == TESTS_DIR / "pages":
        item.add_marker(pytest.mark.pages)
    if folder == TESTS_DIR / "e2e":
        item.add_marker(pytest.mark.browser)
    if Path(item.path).relative_to(TESTS_DIR).as_posix() in SLOW_MODULES:
        item.add_marker(pytest.mark.slow)
    params = getattr(item, "callspec", None) and item.callspec.params
    if (params and any(params.get(name) == "postgres" for name in POSTGRES_PARAMETERS)) or (
        POSTGRES_FIXTURES & set(getattr(item, "fixturenames", ()))
    ):
        item.add_marker(pytest.mark.postgres)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """In CI a skipped test means PostgreSQL or Chromium did not run: that must fail the run."""
    if not REQUIRE_ALL:
        return
    skipped = terminalreporter.stats.get("skipped", [])
    if skipped:
        terminalreporter.write_line(f"CI requires every test to run; {len(skipped)} were skipped:", red=True)
        for report in skipped[:20]:
            terminalreporter.write_line(
                f"  {report.nodeid}: {report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr}"
            )


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    # Under pytest-xdist the workers' reports reach the controller's reporter, which decides the exit status.
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if REQUIRE_ALL and reporter is not None and reporter.stats.get("skipped"):
        session.exitstatus = 1


@pytest.fixture
def cli(monkeypatch, capsys):
    """Run `python -m cxgov <args>` in-process against a database URL: returns (exit code, stdout, stderr)."""
    from cxgov.cli import main

    def run(url: str, *args: str) -> tuple[int, str, str]:
        monkeypatch.setenv("CXGOV_DATABASE_URL", url)
        get_settings.cache_clear()
        try:
            code = main(list(args))
        finally:
            monkeypatch.delenv("CXGOV_DATABASE_URL")
            get_settings.cache_clear()
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Settings a test changed through the environment (monkeypatch undoes it) never reach the next test."""
    yield
    get_settings.cache_clear()
