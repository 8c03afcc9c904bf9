"""The presentation's timer: how long the agenda item on screen has been open in this browser session, against
its planned minutes — green while there is time, amber near the end, red once past it."""

from __future__ import annotations

import time

import streamlit as st

from cxgov.ui.kit.text import tr

OPENED_KEY = "present_item_opened"  # session state: agenda item id -> when it was first shown (time.time())
# The timer reruns on its own every 5 seconds: mm:ss moves visibly often enough for a speaker glancing at it,
# while the app stays idle most of the time (a browser test waiting for the page to settle sees it idle for
# seconds between ticks, where a 1-second tick would keep the page busy almost all the time). Only the timer
# reruns (a fragment), never the item's data.
TICK_SECONDS = 5
NEAR_END_SHARE = 0.2  # amber in the last fifth of the item's time …
NEAR_END_MIN_SECONDS = 60  # … and at least in its last minute
TIMER_COLOURS = {"on_time": "green", "near_end": "orange", "over": "red"}


def clock(seconds: float) -> str:
    """Elapsed time as mm:ss (minutes keep counting past 59: an item never runs for an hour)."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def timer_state(elapsed_seconds: float, planned_minutes: int) -> str:
    """ "on_time", "near_end" or "over" for an item planned for `planned_minutes` (0: no time planned, so any
    time spent is over)."""
    planned = planned_minutes * 60
    if elapsed_seconds > planned:
        return "over"
    near = max(planned * NEAR_END_SHARE, NEAR_END_MIN_SECONDS)
    return "near_end" if elapsed_seconds >= planned - near else "on_time"


def opened_at(item_id: int) -> float:
    """When the item was first shown in this session; the first call starts its clock."""
    opened = st.session_state.setdefault(OPENED_KEY, {})
    return opened.setdefault(item_id, time.time())


@st.fragment(run_every=TICK_SECONDS)
def render_timer(item_id: int, planned_minutes: int) -> None:
    """The elapsed time of the item against its planned minutes, as a coloured badge that ticks on its own."""
    elapsed = time.time() - opened_at(item_id)
    state = timer_state(elapsed, planned_minutes)
    st.badge(
        tr(f"present.timer.{state}", elapsed=clock(elapsed), planned=clock(planned_minutes * 60)),
        icon=":material/timer:",
        color=TIMER_COLOURS[state],
    )
