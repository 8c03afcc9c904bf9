"""Timing for benchmark scripts (run_all.py skips files starting with `_`)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from cxgov.db import session_scope

RUNS = 5  # the median of five: one slow run on the shared machine does not move it


def median_ms(engine, work: Callable) -> tuple[float, object]:
    """The median time in milliseconds of `work(session)` over RUNS read sessions, and its last result."""
    timings, result = [], None
    for _ in range(RUNS):
        with session_scope(engine) as session:
            began = time.perf_counter()
            result = work(session)
            timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings), result
