"""The registry of long work (cxgov.ui.kit.jobs), without a Streamlit run: one job per key, its progress and
result or error, a failed job replaced when asked again, and a bounded number of finished jobs kept."""

from __future__ import annotations

import logging
import threading

import pytest

from cxgov.errors import DomainError
from cxgov.ui.kit.jobs import JobRegistry

WAIT = 30  # seconds a test waits for work it released (it ends in milliseconds)


def test_work_runs_on_a_worker_and_reports_its_progress():
    registry = JobRegistry()
    go = threading.Event()
    callers = []

    def work(report):
        callers.append(threading.current_thread().name)
        report(0.4, "Drawing the cover")
        assert go.wait(WAIT)
        return b"file"

    job = registry.start("pack", work)
    assert job.running and job.result is None and job.error is None
    go.set()
    assert job.wait(WAIT)
    assert (job.running, job.result, job.error, job.progress) == (False, b"file", None, (0.4, "Drawing the cover"))
    assert callers[0].startswith("cxgov-job") and callers[0] != threading.current_thread().name
    assert registry.get("pack") is job and registry.get("other") is None


def test_progress_is_kept_within_zero_and_one():
    registry = JobRegistry()
    job = registry.start("pack", lambda report: report(1.7, "over") or b"")
    assert job.wait(WAIT)
    assert job.progress == (1.0, "over")


def test_asking_again_returns_the_job_and_the_work_runs_once():
    registry = JobRegistry(workers=4)
    go = threading.Event()
    runs = []

    def work(report):
        runs.append(1)
        assert go.wait(WAIT)
        return b"file"

    found = []
    askers = [threading.Thread(target=lambda: found.append(registry.start("pack", work))) for _ in range(8)]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join(WAIT)
    go.set()
    assert found[0].wait(WAIT)
    assert len({id(job) for job in found}) == 1 and len(runs) == 1
    assert registry.start("pack", work) is found[0] and len(runs) == 1  # done: its result, not a second run


def test_a_failure_is_kept_logged_and_replaced_when_asked_again(caplog):
    registry = JobRegistry()

    def broken(report):
        raise ZeroDivisionError("divided by zero")

    with caplog.at_level(logging.ERROR, logger="cxgov.ui.kit.jobs"):
        failed = registry.start("pack", broken)
        assert failed.wait(WAIT)
    assert isinstance(failed.error, ZeroDivisionError) and failed.result is None
    assert [r.exc_info[0] for r in caplog.records] == [ZeroDivisionError]
    again = registry.start("pack", lambda report: b"file")
    assert again is not failed and again.wait(WAIT) and again.result == b"file"
    assert registry.get("pack") is again


def test_a_refusal_is_kept_but_not_logged_as_a_bug(caplog):
    registry = JobRegistry()

    def refused(report):
        raise DomainError("pack.error.held", status="enum.meetingstatus.held")

    with caplog.at_level(logging.ERROR, logger="cxgov.ui.kit.jobs"):
        job = registry.start("pack", refused)
        assert job.wait(WAIT)
    assert isinstance(job.error, DomainError)
    assert caplog.records == []


@pytest.mark.parametrize("asked_again", [False, True])
def test_only_the_last_finished_jobs_are_kept_and_never_a_running_one(asked_again):
    registry = JobRegistry(keep=2)
    go = threading.Event()

    def slow(report):
        assert go.wait(WAIT)
        return b"slow"

    running = registry.start("running", slow)
    for key in ("first", "second"):
        assert registry.start(key, lambda report: b"done").wait(WAIT)
    if asked_again:
        registry.get("first")  # used again: now the second is the least recently used
    assert registry.start("third", lambda report: b"done").wait(WAIT)
    dropped, kept = ("second", "first") if asked_again else ("first", "second")
    assert registry.get(dropped) is None
    assert registry.get(kept) is not None and registry.get("third") is not None
    assert registry.get("running") is running and running.running
    go.set()
    assert running.wait(WAIT)
