"""Admin → Board pack template: the PowerPoint template packs are drawn in (cxgov's default or the company's
upload) with the layouts taken from it and the file to download, an upload checked by the service before anything
is stored, and the way back to the default. Only those allowed to change the template get the page at all."""

from __future__ import annotations

import math

import streamlit as st

from cxgov.errors import DomainError
from cxgov.pack.template import MB
from cxgov.queries.pack_template import TemplateInUse, template_in_use
from cxgov.services.pack_templates import upload_template, use_default_template
from cxgov.ui.governance.pack_reads import TEMPLATE_AREAS
from cxgov.ui.kit.flash import show_flash
from cxgov.ui.kit.runtime import read, settings
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import lang, moment, number, tr
from cxgov.ui.kit.writes import settle, submit

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
DEFAULT_FILE_NAME = "cxgov-board-pack-template.pptx"
UPLOADS_KEY = "pack_template_uploads"  # how many uploads went through: a new uploader, empty, after each


def render_pack_template() -> None:
    st.title(tr("entity.pack_template"))
    show_flash()
    st.caption(tr("pack_template_page.intro"))
    st.subheader(tr("pack_template_page.in_use"))
    try:
        in_use = read(template_in_use, TEMPLATE_AREAS)
    except DomainError as changed:  # the stored file was changed behind cxgov's back: replace it or go back
        st.error(plain(changed.message(lang())), icon=":material/gpp_bad:")
        in_use = None
    if in_use is not None:
        _describe(in_use)
    if in_use is None or not in_use.is_default:
        _back_to_default()
    _upload()


def _describe(in_use: TemplateInUse) -> None:
    if in_use.is_default:
        st.markdown(tr("pack_template_page.default"))
    else:
        st.markdown(
            tr(
                "pack_template_page.uploaded",
                name=plain(in_use.file_name),
                size=_megabytes(len(in_use.data)),
                who=plain(in_use.uploaded_by) if in_use.uploaded_by else tr("audit.actor.system"),
                when=moment(in_use.uploaded_at),
            )
        )
    st.markdown(
        "\n".join(
            f"- {tr(key, name=plain(name))}"
            for key, name in (
                ("pack_template_page.layout_title", in_use.title_layout),
                ("pack_template_page.layout_content", in_use.content_layout),
            )
        )
    )
    st.download_button(
        tr("pack_template_page.download"),
        data=lambda: in_use.data,  # handed over on the click, not sent with every run of the page
        file_name=in_use.file_name or DEFAULT_FILE_NAME,
        mime=PPTX,
        on_click="ignore",
        icon=":material/download:",
        help=tr("pack_template_page.download_help"),
        key="pack_template_download",
    )


def _megabytes(size_bytes: int) -> str:
    """Rounded up to a tenth, as the size limit's message is: never "20" for a file just over 20 MB."""
    return number(math.ceil(size_bytes * 10 / MB) / 10)


def _upload() -> None:
    st.subheader(tr("pack_template_page.upload_heading"))
    uploads = st.session_state.setdefault(UPLOADS_KEY, 0)
    limit = settings().pack_template_max_mb
    chosen = st.file_uploader(
        tr("pack_template_page.file"),
        type=["pptx"],  # what the browser offers; the service checks what the file holds
        help=tr("pack_template_page.file_help", limit=number(limit, 0)),
        key=f"pack_template_file.{uploads}",
        max_upload_size=limit,  # the browser's own cap, said beside the field; the service checks the size again
    )
    if st.button(
        tr("pack_template_page.upload"),
        type="primary",
        icon=":material/upload_file:",
        disabled=chosen is None,
        key="pack_template_upload",
    ):
        result = submit(upload_template, areas=TEMPLATE_AREAS, file_name=chosen.name, data=chosen.getvalue())
        if result.ok:
            st.session_state[UPLOADS_KEY] = uploads + 1
        settle(result, tr("pack_template_page.uploaded_done", name=plain(chosen.name)))


def _back_to_default() -> None:
    if st.button(
        tr("pack_template_page.back"),
        icon=":material/restart_alt:",
        help=tr("pack_template_page.back_help"),
        key="pack_template_default",
    ):
        settle(submit(use_default_template, areas=TEMPLATE_AREAS), tr("pack_template_page.back_done"))
