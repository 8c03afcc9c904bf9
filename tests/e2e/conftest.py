"""Browser fixtures: a real Streamlit server on a seeded SQLite database, driven by Debian's Chromium.

Never `playwright install`: Playwright drives the system browser, one browser kept up to date by Debian.
Without /usr/bin/chromium the tests skip with a reason, unless CXGOV_TEST_BROWSER=1 (CI), where a missing
browser is a failure.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from cxgov.db import make_engine, migrate, session_scope
from cxgov.models import Person, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.accounts import change_own_password, reset_password
from cxgov.services.budget import record_expense, set_budget_line
from cxgov.services.demo import load_demo_portfolio
from cxgov.settings import PROJECT_ROOT, get_settings
from tests.conftest import postgres_copy
from tests.factories import add_department, add_initiative, add_person
from tests.hostile import ADMIN_NAME, BY_KEY, seed_corpus

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
SERVER_START_TIMEOUT_S = 60  # a cold Streamlit import on a slow CI machine takes ~5 s; allow plenty
DEMO_INITIATIVES = 12  # enough for realistic screenshots, small enough to seed in well under a second
START_DATE = date(2026, 3, 5)  # day < 10 and month < 10: '5 Mar 2026' vs '05-03-2026' tells the locales apart
PLANNED_CENTS = 1_234_567  # € 12.345,67: thousands and decimals show the locale's separators
STEP_TIMEOUT_MS = 20_000  # one Streamlit run, even the cold first one on a slow CI machine, stays well below
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class Seed:
    """What the journeys need to know about the seeded data."""

    manager_name: str
    initiative_id: int
    initiative_title: str
    meeting_id: int | None = None  # a governance meeting the journeys look at, where the seed has one


def seed_database(engine) -> Seed:
    """The demo portfolio (realistic screenshots) plus known rows the journeys assert on."""
    with session_scope(engine, write=True) as session:
        load_demo_portfolio(session=session, actor=SYSTEM_ACTOR, initiatives=DEMO_INITIATIVES)
    department_id = add_department(engine, "E2E Complaints Desk")
    add_person(engine, Role.ADMIN, name="Anna Admin", department_id=department_id)
    manager_id = add_person(engine, Role.MANAGER, name="Mark Manager", department_id=department_id)
    title = "Faster complaint handling"
    initiative_id = add_initiative(
        engine,
        owner_id=manager_id,
        title=title,
        discipline="governance",
        owning_department_id=department_id,
        start_date=START_DATE,
        target_date=date(2027, 6, 30),
        description="Halve the time to resolve complaints.",
    )
    with session_scope(engine, write=True) as session:
        set_budget_line(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"year": 2026, "quarter": 4, "planned_cents": PLANNED_CENTS},
        )
        record_expense(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            data={"spent_on": date(2026, 11, 2), "amount_cents": 250_075, "note": "Workshop"},
        )
    return Seed(manager_name="Mark Manager", initiative_id=initiative_id, initiative_title=title)


@dataclass(frozen=True)
class Database:
    url: str
    audit_key: str  # the key the seed was sealed with: the server must use it too, or the chain breaks
    seed: Seed


@dataclass(frozen=True)
class Server:
    url: str  # http://127.0.0.1:PORT, no trailing slash
    seed: Seed


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Streamlit exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)  # polling interval, bounded by the deadline above
    raise RuntimeError(
        f"Streamlit did not answer /_stcore/health in {SERVER_START_TIMEOUT_S} s:\n{log.read_text()[-3000:]}"
    )


def start_server(
    database: Database,
    log: Path,
    *,
    auth_mode: str = "acting-as",
    host: str = "127.0.0.1",
    port: int | None = None,
    options: tuple[str, ...] = (),
):
    """Start `streamlit run serve.py` (the app and its sign-in cookie route) in its own process group; yield a
    Server; kill the group afterwards.

    The server's output goes to `log` (kept in pytest's temporary directory for a failed run's diagnosis).
    `options` are further `streamlit run` flags (e.g. where the secrets file is).
    """
    port = port or free_port()
    env = os.environ | {
        "CXGOV_DATABASE_URL": database.url,
        "CXGOV_AUDIT_KEY": database.audit_key,
        "CXGOV_LANGUAGE": "en",
        "CXGOV_AUTH_MODE": auth_mode,
    }
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "serve.py",
        "--server.port",
        str(port),
        "--server.address",
        host,
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        *options,
    ]
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://{host}:{port}"
    try:
        _wait_healthy(url, process, log)
        yield Server(url=url, seed=database.seed)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="session")
def browser_executable() -> Path:
    """/usr/bin/chromium, or a skip (a failure when CXGOV_TEST_BROWSER=1)."""
    if CHROMIUM.exists():
        return CHROMIUM
    reason = "browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium fonts-dejavu-core)"
    if os.environ.get("CXGOV_TEST_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def e2e_database(tmp_path_factory, browser_executable) -> Database:
    """A migrated SQLite database with the demo portfolio and the known rows of `seed_database`."""
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'cxgov.sqlite3'}"
    migrate(url)
    get_settings.cache_clear()  # seal the seed with the key of the current environment, not a cached one
    audit_key = get_settings().audit_key.decode()
    engine = make_engine(url)
    try:
        seed = seed_database(engine)
    finally:
        engine.dispose()
    return Database(url=url, audit_key=audit_key, seed=seed)


@pytest.fixture(scope="session")
def app_server(e2e_database, tmp_path_factory):
    """One Streamlit server shared by the journeys that do not need a fresh start."""
    yield from start_server(e2e_database, tmp_path_factory.mktemp("logs") / "streamlit-shared.log")


@pytest.fixture
def fresh_server(e2e_database, tmp_path):
    """A Streamlit server nobody has visited yet (first-visit behaviour: cold caches, no session)."""
    yield from start_server(e2e_database, tmp_path / "streamlit-fresh.log")


@pytest.fixture(scope="session")
def browser(browser_executable):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=STEP_TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(browser_executable), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (no cookies, no Streamlit session) per test."""
    # Tall: Streamlit scrolls inside its main block, so a "full page" screenshot is just the viewport.
    context = browser.new_context(viewport={"width": 1400, "height": 1600}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """tests/artifacts/ (git-ignored): screenshots for people to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


LOCAL_PASSWORD = "Fietsen langs de Amstel in november"  # the seeded manager's own password on PostgreSQL


def give_local_account(engine, person_id: int) -> None:
    """A local account with LOCAL_PASSWORD for the person, already their own (no forced change): the system sets
    a first password, the person changes it."""
    with session_scope(engine, write=True) as session:
        reset_password(session=session, actor=SYSTEM_ACTOR, person_id=person_id, new_password=f"first {LOCAL_PASSWORD}")
    with session_scope(engine, write=True) as session:
        change_own_password(
            session=session,
            actor=person_id,
            current_password=f"first {LOCAL_PASSWORD}",
            new_password=LOCAL_PASSWORD,
        )


@pytest.fixture(scope="session")
def postgres_e2e_database(postgres_template, browser_executable) -> Database:
    """The seed of `e2e_database` in a PostgreSQL database made from the migrated template (or a skip); the
    seeded manager has a local account with LOCAL_PASSWORD, already their own (no forced change)."""
    if postgres_template is None:
        pytest.skip("PostgreSQL browser journeys need CXGOV_TEST_POSTGRES_URL")
    with postgres_copy(postgres_template, "cxgov_e2e") as url:
        engine = make_engine(url)
        try:
            seed = seed_database(engine)
            with session_scope(engine) as session:
                manager = session.exec(select(Person.id).where(Person.name == seed.manager_name)).one()
            give_local_account(engine, manager)
        finally:
            engine.dispose()
        yield Database(url=url, audit_key=get_settings().audit_key.decode(), seed=seed)


@pytest.fixture(scope="session")
def postgres_server(postgres_e2e_database, tmp_path_factory):
    """The app on PostgreSQL, with local accounts (the "acting as" picker is for SQLite only)."""
    yield from start_server(
        postgres_e2e_database, tmp_path_factory.mktemp("logs") / "streamlit-postgres.log", auth_mode="local"
    )


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, browser_executable):
    """A Streamlit server on a database holding the corpus in every text field (and nothing else)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'cxgov.sqlite3'}"
    migrate(url)
    get_settings.cache_clear()
    engine = make_engine(url)
    try:
        seed = seed_corpus(engine)
    finally:
        engine.dispose()
    database = Database(
        url=url,
        audit_key=get_settings().audit_key.decode(),
        seed=Seed(
            manager_name=ADMIN_NAME,
            initiative_id=seed.initiative_ids["html_link"],
            initiative_title=BY_KEY["html_link"].text,
            meeting_id=seed.meeting_ids["html_link"],
        ),
    )
    yield from start_server(database, tmp_path_factory.mktemp("logs") / "streamlit-hostile.log")
