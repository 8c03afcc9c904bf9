"""Governance → presentation mode (deep link `present?id=N&item=K`): one agenda item at a time, large enough for
a projector, with previous / next (the item is in the URL, so a refresh or a shared link keeps the place), the
item's timer, and for the people running the meeting a side panel to take minutes and record decisions and
actions. Everyone who may read the meeting sees it read-only."""

from __future__ import annotations

import streamlit as st

from cxgov.minutes import agenda_item_title
from cxgov.models import AgendaItemStatus, MeetingStatus
from cxgov.models.inputs_rules import id_from_text
from cxgov.queries.meetings import MeetingRecord
from cxgov.ui.governance.banners import render_banners
from cxgov.ui.governance.item_data import render_item_data
from cxgov.ui.governance.meeting_reads import readable, record
from cxgov.ui.governance.present_reads import live_data, may_run, shown_items
from cxgov.ui.governance.side_panel import render_side_panel
from cxgov.ui.governance.timer import render_timer
from cxgov.ui.kit.flash import show_flash
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import counted, label, lang, start_time, tr
from cxgov.ui.navigation import page_file

ITEM_PARAM = "item"  # the item's place on the agenda, 1 first
# Larger text in the main column for the back of the room: our own style rule, never user text.
PROJECTOR_STYLE = """<style>
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] p { font-size: 1.2rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2.6rem; }
</style>"""


def requested_position(count: int) -> int:
    """The item asked for by `?item=`, kept within the agenda (the first item when missing or unreadable)."""
    asked = id_from_text(st.query_params.get(ITEM_PARAM)) or 1
    return min(max(asked, 1), count)


def _go_to(position: int) -> None:
    st.query_params[ITEM_PARAM] = str(position)


def render_present() -> None:
    """The meeting named by `?id=` in presentation mode, at the item named by `?item=`."""
    show_flash(toast=True)
    r = record(id_from_text(st.query_params.get("id")))
    if r is None or not readable(r):
        st.title(tr("page.present"))
        st.warning(tr("present.not_found"), icon=":material/search:")
        _back_link(None)
        return
    items = shown_items(r)
    if items.empty:
        st.title(plain(f"{r.body} {r.quarter}"))
        st.info(tr("present.no_agenda"), icon=":material/list:")
        _back_link(r.id)
        return
    position = requested_position(len(items))
    if st.query_params.get(ITEM_PARAM) != str(position):
        _go_to(position)
    item = items.iloc[position - 1].to_dict()
    st.html(PROJECTOR_STYLE)
    running = may_run(r)
    main, side = st.columns([3, 1], gap="large") if running else (st.container(), None)
    with main:
        render_banners(r)
        _heading(r, item, position, len(items))
        render_item_data(item, live_data(r.id), large=True)
        _back_link(r.id)
    if side is not None:
        with side:
            render_side_panel(r, item)


def _heading(r: MeetingRecord, item: dict, position: int, count: int) -> None:
    where, back, forth = st.columns([4, 1.5, 1.5], vertical_alignment="center")
    where.caption(
        tr("present.position", n=position, count=count)
        + " · "
        + plain(f"{r.body} {r.quarter}")
        + " · "
        + start_time(r.starts_at)
        + " · "
        + label(MeetingStatus(r.status))
    )
    back.button(
        tr("present.previous"),
        key="present_previous",
        icon=":material/arrow_back:",
        disabled=position <= 1,
        on_click=_go_to,
        args=(position - 1,),
        width="stretch",
    )
    forth.button(
        tr("present.next"),
        key="present_next",
        icon=":material/arrow_forward:",
        disabled=position >= count,
        on_click=_go_to,
        args=(position + 1,),
        width="stretch",
    )
    st.title(plain(agenda_item_title(item, lang())))
    who, clock = st.columns([3, 1], vertical_alignment="center")
    presenter = item.get("presenter")
    who.markdown(
        (tr("present.presenter", name=plain(presenter)) + " · " if isinstance(presenter, str) and presenter else "")
        + counted("present.minutes", int(item["duration_minutes"]))
        + " · "
        + label(AgendaItemStatus(item["status"]))
    )
    with clock:
        render_timer(int(item["id"]), int(item["duration_minutes"]))
    if isinstance(item.get("commentary"), str) and item["commentary"].strip():
        with st.container(border=True):
            st.markdown(plain(item["commentary"]))


def _back_link(meeting_id: int | None) -> None:
    """Back to the meeting, or to the meetings when there is none to go back to."""
    if meeting_id is not None:
        st.page_link(
            page_file("meeting"),
            label=tr("present.back_to_meeting"),
            icon=":material/arrow_back:",
            query_params={"id": str(meeting_id)},
        )
    else:
        st.page_link(page_file("meetings"), label=tr("present.back_to_meetings"), icon=":material/arrow_back:")
