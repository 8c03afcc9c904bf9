"""Long work outside the script run. A click stops the running script, so work that takes seconds (drawing a
board pack) runs on a worker of one process-wide registry instead: a refresh, another click or another browser
tab finds the job again by its key, follows its progress and takes its result when it is done."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent import futures
from functools import partial

import streamlit as st

from cxgov.errors import DomainError
from cxgov.ui.kit.runtime import settings

Report = Callable[[float, str], None]  # share done (0..1) and the step being worked on
Work = Callable[[Report], object]

# Drawing is CPU-bound Python: more workers than the cores only share the interpreter lock.
WORKERS = 2
# Finished results kept for a refresh or another tab: a pack file is a few MB, so a handful bounds the memory.
KEEP_FINISHED = 8
log = logging.getLogger(__name__)


class Job:
    """One piece of work: queued or running, then done (its result) or failed (its error)."""

    def __init__(self) -> None:
        self._progress: tuple[float, str] = (0.0, "")
        self.future: futures.Future | None = None
        self.filed = threading.Event()  # set once the registry has taken note of the end (logged, old jobs dropped)

    def report(self, share: float, step: str) -> None:
        """Called by the work as it goes (one tuple assigned at once: readers never see half of it)."""
        self._progress = (min(max(float(share), 0.0), 1.0), step)

    @property
    def progress(self) -> tuple[float, str]:
        return self._progress

    @property
    def running(self) -> bool:
        return not self.future.done()

    @property
    def error(self) -> BaseException | None:
        """Why the work failed; None while it runs or once it succeeded."""
        return self.future.exception() if self.future.done() else None

    @property
    def result(self) -> object:
        """What the work returned; None while it runs or when it failed."""
        return self.future.result() if self.future.done() and self.error is None else None

    def wait(self, timeout: float) -> bool:
        """Block until the work has ended and the registry filed it, or `timeout` seconds pass; True when it did."""
        return self.filed.wait(timeout)


class JobRegistry:
    """Jobs by key: one job per key at a time (asking again returns it), a failed one replaced when asked again,
    and at most `keep` finished ones kept, the least recently asked for dropped first."""

    def __init__(self, *, keep: int = KEEP_FINISHED, workers: int = WORKERS) -> None:
        self._keep = keep
        self._lock = threading.RLock()  # re-entered when a job ends before `start` has returned
        self._jobs: OrderedDict[Hashable, Job] = OrderedDict()
        self._pool = futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cxgov-job")

    def get(self, key: Hashable) -> Job | None:
        with self._lock:
            job = self._jobs.get(key)
            if job is not None:
                self._jobs.move_to_end(key)
            return job

    def kept(self) -> list[Job]:
        """Every job kept, running or finished (a page that starts jobs of its own keys waits on these in tests)."""
        with self._lock:
            return list(self._jobs.values())

    def start(self, key: Hashable, work: Work) -> Job:
        """The job under `key`: the one running or done, else `work(report)` started on a worker."""
        with self._lock:
            job = self.get(key)
            if job is not None and job.error is None:
                return job
            job = Job()
            self._jobs[key] = job
            job.future = self._pool.submit(work, job.report)
            job.future.add_done_callback(partial(self._ended, key, job))
            return job

    def _ended(self, key: Hashable, job: Job, future: futures.Future) -> None:
        error = future.exception()
        if error is not None and not isinstance(error, DomainError):  # a refusal is for the user, not a bug
            log.error("job %s failed", key, exc_info=error)
        with self._lock:
            finished = [k for k, kept in self._jobs.items() if not kept.running]
            for old in finished[: max(len(finished) - self._keep, 0)]:
                del self._jobs[old]
        job.filed.set()


@st.cache_resource(show_spinner=False)
def _registry_for(url: str) -> JobRegistry:
    return JobRegistry()


def jobs() -> JobRegistry:
    """The registry of this server process (per database: a job's key names rows of one database)."""
    return _registry_for(settings().database_url)
