"""Measurement → Import: choose a file (and a survey tool's export format), see the preview — how every column,
date and number was read, what would be added, every problem by its row — fix the mapping, then import.

The preview and the import run as jobs (cxgov.ui.kit.jobs): a large file takes seconds, and a click elsewhere must
not cancel an import half way. The choices made for a file live in the session, keyed by the file's hash.
"""

from __future__ import annotations

import streamlit as st

from cxgov.errors import DomainError
from cxgov.io.survey_presets import PRESETS
from cxgov.rules.permissions import Action
from cxgov.ui.frame.acting import acting_person, can
from cxgov.ui.imports import work
from cxgov.ui.imports.history import render_recent_imports
from cxgov.ui.imports.preview import render_preview
from cxgov.ui.kit.jobs import Job, jobs
from cxgov.ui.kit.runtime import data_changed, data_version, engine, settings
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import counted, labelled, lang, tr

POLL_SECONDS = 1.0  # a preview or an import takes seconds: the page asks how far it is once a second
IMPORT_AREAS = ("kpis", "initiatives")  # figures feed the KPI pages and the initiatives' Check and health
# "kind:file hash" → {"columns": {field: index}, "maps": {(dimension, value): id}, "kpi": code,
# "questions": {question column index: KPI code or None}}
CHOICES_KEY = "import_choices"
UPLOADS_KEY = "import_uploads"
KINDS = ("responses", "readings")  # bumped after an import: the uploader starts empty again


def choices_for(sha256: str) -> dict:
    """The mapping choices made for the file with this hash (created empty)."""
    return st.session_state.setdefault(CHOICES_KEY, {}).setdefault(sha256, {"columns": {}, "maps": {}})


def render_imports() -> None:
    """The import tab: file, preview, import."""
    st.subheader(tr("imports.header"))
    st.markdown(tr("imports.about"))
    person = acting_person()
    if person is None or not can(Action.IMPORT_MEASUREMENTS):
        st.info(tr("imports.not_allowed"))
        return
    _file_area(person.id)
    render_recent_imports()


def _file_area(person_id: int) -> None:
    """The kind of file, the survey tool's format, the uploader, then the chosen file's preview or import."""
    kind = st.radio(
        tr("imports.kind"),
        KINDS,
        format_func=labelled({code: tr(f"imports.kind.{code}") for code in KINDS}),
        horizontal=True,
        help=tr("imports.kind_help"),
        key="import_kind",
    )
    preset = None
    if kind == "responses":
        preset = st.selectbox(
            tr("imports.preset"),
            [None, *sorted(PRESETS)],
            format_func=labelled({name: tr(f"imports.preset.{name or 'none'}") for name in [None, *PRESETS]}),
            help=tr("imports.preset_help"),
            key="import_preset",
        )
    uploads = st.session_state.setdefault(UPLOADS_KEY, 0)
    limit = settings().import_max_mb
    chosen = st.file_uploader(
        tr("imports.file"),
        type=["csv", "txt", "xlsx"],  # what the browser offers; the content decides what the file is
        help=tr("imports.file_help", limit=limit),
        key=f"import_file.{uploads}",
        max_upload_size=limit,
    )
    if chosen is None:
        st.caption(tr(f"imports.formats.{kind}"))
        return
    upload = _upload(kind, chosen.name, chosen.getvalue(), preset)
    _render_file(person_id, upload)


def _upload(kind: str, name: str, data: bytes, preset: str | None) -> work.Upload:
    plain_upload = work.Upload(kind, name, data, preset, None, (), ())
    choices = choices_for(f"{kind}:{plain_upload.sha256}")
    return work.Upload(
        kind=kind,
        name=name,
        data=data,
        preset=preset,
        kpi_code=choices.get("kpi"),
        columns=tuple(sorted(choices["columns"].items())),
        value_maps=tuple(sorted((d, v, i) for (d, v), i in choices["maps"].items())),
        question_choices=tuple(sorted(choices.get("questions", {}).items())) if preset else (),
    )


def _render_file(person_id: int, upload: work.Upload) -> None:
    imported_key = upload.key("import", person_id, 0)
    done = jobs().get(imported_key)
    if done is not None and _render_import(upload.kind, imported_key, done):
        return
    key = upload.key("preview", person_id, data_version("kpis"))
    database, language = engine(), lang()  # read in the script run: the worker has no Streamlit context
    job = jobs().start(key, lambda report: work.preview(database, person_id, upload, language, report))
    if job.running:
        _progress(key, "imports.reading")
        return
    if job.error is not None:
        st.error(plain(_failure(job.error)), icon=":material/error:")
        return
    summary: work.PreviewSummary = job.result
    render_preview(summary, choices_for(f"{upload.kind}:{upload.sha256}"))
    if st.button(
        tr(f"imports.import.{upload.kind}", rows=summary.rows - summary.known),
        type="primary",
        icon=":material/upload:",
        disabled=not summary.ok or summary.rows == summary.known,
        help=None if summary.ok else tr("imports.fix_first"),
        key=f"import_go.{upload.sha256[:16]}",
    ):
        jobs().start(imported_key, lambda report: work.run_import(database, person_id, upload, report))
        st.rerun()


def _render_import(kind: str, key: tuple, job: Job) -> bool:
    """The import of this file: its progress, its failure, or what it added. True while it runs or once done."""
    if job.running:
        _progress(key, "imports.importing")
        return True
    if job.error is not None:
        st.error(plain(_failure(job.error)), icon=":material/error:")
        return False
    result = job.result
    if st.session_state.get(f"import_noted.{result.import_id}") is None:
        st.session_state[f"import_noted.{result.import_id}"] = True
        data_changed(*IMPORT_AREAS)
    per_kpi = ", ".join(f"{code} {n}" for code, n in sorted(result.per_kpi.items()))
    st.success(
        counted(f"imports.done.{kind}", result.added, known=result.known, kpis=plain(per_kpi) or "—"),
        icon=":material/check_circle:",
    )
    if st.button(tr("imports.another"), icon=":material/upload_file:", key=f"import_another.{result.import_id}"):
        st.session_state[UPLOADS_KEY] = st.session_state.get(UPLOADS_KEY, 0) + 1
        st.rerun()
    return True


def _failure(error: BaseException) -> str:
    """A refusal in the user's words (each field's reason); anything else by its kind (the log has the rest)."""
    if isinstance(error, DomainError):
        return error.message(lang())
    return tr("imports.failed", kind=type(error).__name__)


@st.fragment(run_every=POLL_SECONDS)
def _progress(key: tuple, text_key: str) -> None:
    """Polls while the job runs; once it ended the whole page runs again and shows the outcome."""
    job = jobs().get(key)
    if job is None or not job.running:
        st.rerun()
    share, step = job.progress
    st.progress(share, text=tr(f"imports.step.{step}") if step else tr(text_key))
