"""The line every view of a meeting with a published pack shows: whether the live data still reads as the last
pack said, or which of its sections now read differently."""

from __future__ import annotations

import streamlit as st

from cxgov.queries.meetings import MeetingRecord
from cxgov.ui.governance.pack_reads import drift
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import moment, tr


def render_pack_line(rec: MeetingRecord) -> None:
    found = drift(rec.id)
    if found is None:
        return
    facts = {"n": found.number, "cut_off": moment(found.cut_off)}
    if found.differing:
        titles = ", ".join(plain(title) for title in found.differing)
        st.warning(tr("pack_line.differs", titles=titles, **facts), icon=":material/difference:")
    else:
        st.caption(tr("pack_line.matches", **facts))
