"""What every view of a meeting says before anything else: that it was held without a quorum, that its
minutes are approved, so nothing of it changes any more, and whether the live data still reads as its last
board pack said."""

from __future__ import annotations

import streamlit as st

from cxgov.models import MeetingStatus
from cxgov.queries.meetings import MeetingRecord
from cxgov.ui.governance.attendance import quorum_line
from cxgov.ui.governance.meeting_reads import locked
from cxgov.ui.governance.pack_line import render_pack_line
from cxgov.ui.kit.text import tr

HELD = frozenset({MeetingStatus.HELD.value, MeetingStatus.MINUTES_APPROVED.value})


def render_banners(rec: MeetingRecord) -> None:
    if rec.status in HELD and rec.quorum.recorded and not rec.quorum.met:
        st.error(tr("meeting_page.banner.no_quorum", line=quorum_line(rec.quorum)), icon=":material/group_off:")
    if locked(rec):
        st.info(tr("meeting_page.banner.locked"), icon=":material/lock:")
    render_pack_line(rec)
