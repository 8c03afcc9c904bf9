"""A published pack as files, one per format. Drawing a file takes seconds, so it runs as a job of the
process-wide registry (cxgov.ui.kit.jobs), not in the script run: other clicks on the page do not stop it, and a
refresh or another tab finds the job again. While it runs the page polls its progress; once done it offers the
file, and when it failed it says why — never a part of a file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import streamlit as st

import cxgov.pack.formats  # noqa: F401 (each format registers itself in FORMATS on import)
from cxgov.errors import DomainError
from cxgov.pack.content import PackContent
from cxgov.pack.render import FORMATS, file_name, render_pack
from cxgov.ui.governance.pack_reads import stored
from cxgov.ui.kit.jobs import Job, Report, jobs
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import lang, tr

POLL_SECONDS = 1.0  # how often a page asks a running job how far it is: a file takes seconds, not milliseconds


@dataclass(frozen=True)
class PackFile:
    name: str
    mime: str
    data: bytes


def job_key(pack_id: int, code: str, template: bytes | None) -> tuple[int, str, str]:
    """A file is the same for the same pack, format and template: (pack id, format, the template's SHA-256)."""
    return (pack_id, code, hashlib.sha256(template).hexdigest() if template else "")


def draw(content: PackContent, code: str, template: bytes | None, report: Report) -> PackFile:
    """The work of a job: the pack drawn as one file (on a worker, never in the script run)."""
    data = render_pack(content, code, template=template, progress=report)
    return PackFile(name=file_name(content, code), mime=FORMATS[code].mime, data=data)


def failure(error: BaseException) -> str:
    """Why a file could not be drawn: a refusal in the user's words, anything else by its kind (logged)."""
    if isinstance(error, DomainError):
        return error.message(lang())
    return tr("pack_tab.file_failed", kind=type(error).__name__)


def render_downloads(pack_id: int, template: bytes | None) -> None:
    """A button per format: draw the file, follow its progress, then download it."""
    codes = sorted(FORMATS)
    if not codes:
        st.caption(tr("pack_tab.no_formats"))
        return
    for code, column in zip(codes, st.columns(len(codes)), strict=True):
        with column:
            _format(pack_id, code, template)


def _format(pack_id: int, code: str, template: bytes | None) -> None:
    key = job_key(pack_id, code, template)
    job = jobs().get(key)
    if job is not None and job.running:
        _progress(key)
    elif job is not None and job.error is None:
        found: PackFile = job.result
        st.download_button(
            tr("pack_tab.download", format=code.upper()),
            data=lambda: found.data,  # handed over on the click, not copied into every run of the page
            file_name=found.name,
            mime=found.mime,
            on_click="ignore",  # a download needs no run of the page
            icon=":material/download:",
            key=f"pack_download_{pack_id}_{code}",
        )
    else:
        if job is not None:
            st.error(plain(failure(job.error)), icon=":material/error:")
        if st.button(
            tr("pack_tab.produce", format=code.upper()), icon=":material/draft:", key=f"pack_produce_{pack_id}_{code}"
        ):
            _start(pack_id, code, template)


def _start(pack_id: int, code: str, template: bytes | None) -> None:
    content = stored(pack_id).content
    jobs().start(job_key(pack_id, code, template), lambda report: draw(content, code, template, report))
    st.rerun()  # drawn again: now with the job's progress


@st.fragment(run_every=POLL_SECONDS)
def _progress(key: tuple[int, str, str]) -> None:
    """Polls while the job runs; once it ended, the whole page runs again and draws the file or the reason, so
    nothing polls any more."""
    job: Job | None = jobs().get(key)
    if job is None or not job.running:
        st.rerun()
    share, step = job.progress
    st.progress(share, text=plain(step) if step else tr("pack_tab.drawing", format=key[1].upper()))
