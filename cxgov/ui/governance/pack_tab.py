"""The meeting's Board pack tab: every published version of the pack, newest first — its cut-off, language, who
published it and when, its hash and whether it still holds what was stored — with its files to download; for
those who run the meeting, the form that publishes the next version. Files are drawn in the company's template
(Admin → Board pack template); while the stored template no longer holds what was uploaded, no file is offered."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from cxgov.errors import DomainError
from cxgov.queries.meetings import MeetingRecord
from cxgov.ui.governance.meeting_reads import may_run
from cxgov.ui.governance.pack_downloads import render_downloads
from cxgov.ui.governance.pack_publish import language_names, render_publish
from cxgov.ui.governance.pack_reads import company_template, versions
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import lang, moment, tr

SHORT_HASH = 12  # characters of the SHA-256 shown; the whole hash on hover


def _version(version: dict, offer_files: Callable[[int], None] | None) -> None:
    """`offer_files(pack id)` offers the version's files; None: none are offered (see render_pack_tab)."""
    with st.container(border=True):
        st.markdown(f"**{tr('pack_tab.version', n=int(version['number']))}**")
        who = version["published_by"]
        st.caption(
            " · ".join(
                [
                    tr("pack_tab.cut_off", when=moment(version["cut_off"])),
                    language_names()[version["language"]],
                    tr(
                        "pack_tab.published_by",
                        who=plain(who) if isinstance(who, str) else tr("audit.actor.system"),
                        when=moment(version["published_at"]),
                    ),
                ]
            )
        )
        digest = version["content_hash"]
        st.caption(tr("pack_tab.hash", short=digest[:SHORT_HASH]), help=tr("pack_tab.hash_full", full=digest))
        if not version["intact"]:
            st.error(tr("pack_tab.not_intact"), icon=":material/gpp_bad:")
        elif offer_files is not None:
            offer_files(int(version["id"]))


def render_pack_tab(rec: MeetingRecord) -> None:
    """The pack's versions for everyone who reads the meeting; publishing for those who run it."""
    if may_run(rec):
        with st.expander(tr("pack_tab.publish"), icon=":material/publish:"):
            render_publish(rec.id)
    found = versions(rec.id)
    if found.empty:
        st.info(tr("pack_tab.none"), icon=":material/folder_open:")
        return
    try:
        offer_files = partial(render_downloads, template=company_template())
    except DomainError as changed:  # drawn neither in a doctored template nor in another than the company chose
        st.error(plain(changed.message(lang())), icon=":material/gpp_bad:")
        offer_files = None
    for version in found.to_dict("records"):
        _version(version, offer_files)
