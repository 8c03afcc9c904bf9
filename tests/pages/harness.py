"""Run the real app (app.py → st.navigation → page) in Streamlit's AppTest against a test database."""
from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from cxgov.settings import PROJECT_ROOT, get_settings
from cxgov.ui.acting import ACTING_KEY
from cxgov.ui.navigation import page_file
from cxgov.ui.text import LANGUAGE_KEY

APP = str(PROJECT_ROOT / "app.py")


def open_page(monkeypatch, database_url: str, url_path: str = "portfolio", *, lang: str = "en",
              acting: int | None = None, query: dict[str, str] | None = None, run: bool = True) -> AppTest:
    """AppTest of `url_path` through app.py, on `database_url`, in `lang`, acting as person `acting`."""
    monkeypatch.setenv("CXGOV_DATABASE_URL", database_url)
    get_settings.cache_clear()
    st.cache_data.clear()  # an engine or a read from the previous test must not leak in (DESIGN.md §4)
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state[LANGUAGE_KEY] = lang
    if acting is not None:
        at.session_state[ACTING_KEY] = acting
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if Path(page_file(url_path)).stem != url_path:
        # Before its first run AppTest finds a page by file name, which misses a custom url_path
        # (customer-understanding, audit-log, …) and silently runs the default page instead.
        at.run()
    at.switch_page(page_file(url_path))
    if run:
        at.run()
    return at


def texts(at: AppTest) -> str:
    """All visible text of the run (markdown, titles, captions, alerts, metrics, tables) for assertions."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning", "info", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    parts += [df.value.to_string() for df in at.dataframe]
    return "\n".join(parts)
