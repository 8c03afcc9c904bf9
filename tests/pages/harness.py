"""Run the real app (app.py → st.navigation → page) in Streamlit's AppTest against a test database."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st
from sqlalchemy import create_engine, text
from streamlit.testing.v1 import AppTest

from cxgov.db import make_engine
from cxgov.models import Role
from cxgov.settings import PROJECT_ROOT, get_settings
from cxgov.ui.acting import ACTING_KEY
from cxgov.ui.link_table import COMPONENT_NAME
from cxgov.ui.navigation import LANDED_KEY, page_file
from cxgov.ui.text import LANGUAGE_KEY
from tests.factories import add_person

APP = str(PROJECT_ROOT / "app.py")
# A complete [auth] section, as .streamlit/secrets.toml holds it; AppTest never talks to the provider.
TEST_AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "c" * 32,
    "client_id": "cxgov-tests",
    "client_secret": "not-a-secret",
    "server_metadata_url": "http://localhost:9400/.well-known/openid-configuration",
}


def open_page(
    monkeypatch,
    database_url: str,
    url_path: str | None = "portfolio",
    *,
    lang: str = "en",
    acting: int | None = None,
    mode: str | None = None,
    query: dict[str, str] | None = None,
    run: bool = True,
) -> AppTest:
    """AppTest of `url_path` (None: the person's landing page) through app.py, on `database_url`, in `lang`, in sign-in `mode` (CXGOV_AUTH_MODE).

    By default `acting` is the person signed in through company single sign-on (AppTest's `at.user` carries
    their e-mail address, as Streamlit's identity cookie would), on either database. Without `acting`, a
    reader without any write right: on SQLite the local demo mode with nobody picked; on PostgreSQL, which
    refuses the demo mode, the first active viewer signed in (one is added to a database that has none).
    `mode="acting-as"` picks `acting` in the demo picker; `mode="local"` starts at the sign-in form.
    """
    monkeypatch.setenv("CXGOV_DATABASE_URL", database_url)
    if mode is None:
        mode = "acting-as" if acting is None and database_url.startswith("sqlite") else "sso"
    monkeypatch.setenv("CXGOV_AUTH_MODE", mode)
    if mode == "sso" and acting is None:
        acting = _first_viewer(database_url)
    get_settings.cache_clear()
    st.cache_data.clear()  # an engine or a read from the previous test must not leak in
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[LANGUAGE_KEY] = lang
    at.secrets["auth"] = TEST_AUTH
    at.user = sso_user(database_url, acting) if mode == "sso" else {"is_logged_in": False}
    if mode == "acting-as" and acting is not None:
        at.session_state[ACTING_KEY] = acting
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if url_path is not None:  # a page asked for by name is a deep link, not an arrival at the root: no landing
        at.session_state[LANDED_KEY] = True
    if url_path is not None and Path(page_file(url_path)).stem != url_path:
        # Before its first run AppTest finds a page by file name, which misses a custom url_path
        # (customer-understanding, audit-log, …) and silently runs the default page instead.
        at.run()
    if url_path is not None:
        at.switch_page(page_file(url_path))
    if run:
        at.run()
    return at


def sso_user(database_url: str, person_id: int) -> dict[str, object]:
    """What st.user holds after the provider vouched for this person (the claims Google or Okta send)."""
    email = _scalar(database_url, "SELECT email FROM person WHERE id = :id", id=person_id)
    return {
        "is_logged_in": True,
        "iss": "http://localhost:9400",
        "sub": f"subject-{person_id}",
        "email": email,
        "email_verified": True,
    }


def _first_viewer(database_url: str) -> int:
    viewer = _scalar(database_url, "SELECT min(id) FROM person WHERE role = 'viewer' AND active")
    if viewer is not None:
        return viewer
    engine = make_engine(database_url)
    try:
        return add_person(engine, Role.VIEWER, name="Vera Viewer")
    finally:
        engine.dispose()


def _scalar(database_url: str, sql: str, **params):
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(sql), params).scalar()
    finally:
        engine.dispose()


def texts(at: AppTest) -> str:
    """All visible text of the run (markdown, titles, captions, alerts, metrics, tables) for assertions."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning", "info", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [df.value.to_string() for df in at.dataframe]
    parts += [table.frame.to_string() for table in link_tables(at)]
    return "\n".join(parts)


@dataclass(frozen=True)
class LinkTable:
    """What a link table (cxgov.ui.link_table) was given to draw: its cells as text, its links and tints."""

    key: str | None
    caption: str
    frame: pd.DataFrame  # one column per header (in the page's language), the cell texts
    hrefs: list[str | None]  # per row: where the row's link points (None for a row without one)
    tints: pd.DataFrame  # like `frame`: the background tint of each cell, or None

    def column(self, label: str) -> list[str]:
        return self.frame[label].tolist()


def link_tables(at: AppTest) -> list[LinkTable]:
    """Every link table of the run, in page order (AppTest shows a v2 component as an unknown element)."""
    found = []
    for element in at.get("bidi_component"):
        if element.proto.component_name != COMPONENT_NAME:
            continue
        data = json.loads(element.proto.json)
        labels = [c["label"] for c in data["columns"]]
        rows = data["rows"]
        found.append(
            LinkTable(
                key=element.key,
                caption=data["caption"],
                frame=pd.DataFrame([[cell["text"] for cell in row] for row in rows], columns=labels),
                hrefs=[next((cell["href"] for cell in row if "href" in cell), None) for row in rows],
                tints=pd.DataFrame([[cell.get("tint") for cell in row] for row in rows], columns=labels),
            )
        )
    return found


def link_table(at: AppTest, key: str) -> LinkTable:
    """The link table with `key`."""
    [table] = [t for t in link_tables(at) if t.key == key]
    return table
