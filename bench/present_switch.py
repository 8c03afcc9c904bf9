"""Benchmark: switching items in presentation mode, the way a secretary clicks Next in the meeting.

Loads the demo portfolio with its governance record into a scratch SQLite file, opens presentation mode for the
last held CX board as the programme office (so the side panel with its forms is drawn too) in Streamlit's
AppTest, and times whole page runs: the first (cold: the agenda's live data is computed), then Next through every
item (the first visit of each), then Previous back through them (warm: every read comes from the cache). The
target is at most 0.3 s for a warm switch. Prints the medians in milliseconds.

    .venv/bin/python bench/present_switch.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("CXGOV_AUDIT_KEY", "bench-audit-key-0123456789abcdef")

import sqlalchemy as sa
import streamlit as st
from streamlit.testing.v1 import AppTest

from cxgov.db import make_engine, migrate, session_scope
from cxgov.demo.portfolio import REFERENCE_DATE  # a fixed day: every run measures the same portfolio
from cxgov.models import Meeting, MeetingStatus, Person, Role
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.demo import load_demo_portfolio
from cxgov.settings import PROJECT_ROOT, get_settings
from cxgov.ui.frame.acting import ACTING_KEY
from cxgov.ui.navigation import LANDED_KEY, page_file

TARGET_MS = 300


def _timed(at: AppTest) -> float:
    began = time.perf_counter()
    at.run()
    elapsed = (time.perf_counter() - began) * 1000
    if at.exception:
        raise SystemExit(f"the page failed: {at.exception[0].value}")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.sqlite3"
        migrate(url)
        engine = make_engine(url)
        with session_scope(engine, write=True) as session:
            load_demo_portfolio(session=session, actor=SYSTEM_ACTOR, today=REFERENCE_DATE)
        with session_scope(engine) as session:
            meeting_id = (
                session.execute(
                    sa.select(Meeting.id)
                    .where(Meeting.status != MeetingStatus.DRAFT)
                    .order_by(Meeting.starts_at.desc())
                )
                .scalars()
                .first()
            )
            secretary = (
                session.execute(sa.select(Person.id).where(Person.role == Role.PROGRAMME_OFFICE).order_by(Person.id))
                .scalars()
                .first()
            )
        engine.dispose()
        os.environ.update({"CXGOV_DATABASE_URL": url, "CXGOV_AUTH_MODE": "acting-as"})
        get_settings.cache_clear()
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=120)
        at.session_state[ACTING_KEY] = secretary
        at.session_state[LANDED_KEY] = True
        at.query_params["id"] = str(meeting_id)
        at.switch_page(page_file("present"))
        cold = _timed(at)
        first_visits, warm = [], []
        while not at.button(key="present_next").disabled:
            at.button(key="present_next").click()
            first_visits.append(_timed(at))
        items = int(at.query_params["item"])
        while not at.button(key="present_previous").disabled:
            at.button(key="present_previous").click()
            warm.append(_timed(at))
    print(f"presentation mode, demo portfolio, meeting {meeting_id} with {items} items (SQLite, AppTest page runs):")
    print(f"    first run (cold: the agenda's live data computed)   {cold:8.0f} ms")
    print(f"    Next, first visit of each item (median)             {statistics.median(first_visits):8.0f} ms")
    print(f"    Previous, warm switch (median)                      {statistics.median(warm):8.0f} ms")
    print(f"    warm switch, slowest                                {max(warm):8.0f} ms   (target {TARGET_MS} ms)")


if __name__ == "__main__":
    main()
