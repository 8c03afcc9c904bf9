"""The meeting's Agenda tab: the items in order with who presents them, their minutes, status and commentary,
what changed after the agenda was published, the time planned against the meeting's length; for those who
prepare the meeting, the controls to order, edit, remove and add items."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.minutes import agenda_item_title
from cxgov.models import AgendaItemKind, AgendaItemStatus, MeetingStatus
from cxgov.queries.meetings import MeetingRecord
from cxgov.services.agenda import remove_agenda_item, reorder_agenda
from cxgov.ui.governance.agenda_forms import render_add_item, render_agenda_moves, render_backlog, render_edit_item
from cxgov.ui.governance.item_data import render_item_data
from cxgov.ui.governance.meeting_reads import PREPARING, WRITE_AREAS, may_run, seen_version, settle_change
from cxgov.ui.governance.present_reads import live_data
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import label, lang, start_time, tr
from cxgov.ui.kit.writes import submit
from cxgov.ui.navigation import page_file


def editing_key(item_id: int) -> str:
    """Session state: the version of the item seen when its Edit was opened."""
    return f"agenda_editing_{item_id}"


def on_agenda(rec: MeetingRecord) -> pd.DataFrame:
    """The items not removed, in their order."""
    return rec.agenda[rec.agenda["status"] != AgendaItemStatus.REMOVED.value].sort_values("position")


def _time(rec: MeetingRecord) -> None:
    over = rec.planned_minutes - rec.duration_minutes
    line = tr("agenda_tab.time", planned=rec.planned_minutes, length=rec.duration_minutes)
    if over > 0:
        st.warning(tr("agenda_tab.over_time", line=line, over=over), icon=":material/timer_off:")
    else:
        st.caption(line)


def _publication(rec: MeetingRecord) -> None:
    if rec.status == MeetingStatus.DRAFT.value:
        st.caption(tr("agenda_tab.draft"))
    elif rec.agenda_published_at is not None:
        st.caption(tr("agenda_tab.published_at", when=start_time(rec.agenda_published_at)))


def _facts(item: dict) -> str:
    presenter = "—" if pd.isna(item["presenter"]) or not item["presenter"] else plain(item["presenter"])
    return " · ".join(
        [
            label(AgendaItemKind(item["kind"])),
            tr("agenda_tab.presenter", name=presenter),
            tr("meeting_page.minutes_n", n=int(item["duration_minutes"])),
            label(AgendaItemStatus(item["status"])),
        ]
    )


def _move(rec: MeetingRecord, order: list[int], index: int, step: int) -> None:
    moved = order.copy()
    moved[index], moved[index + step] = moved[index + step], moved[index]
    result = submit(
        reorder_agenda, areas=WRITE_AREAS, meeting_id=rec.id, seen_version=seen_version(rec), item_ids=moved
    )
    settle_change(rec, result, tr("agenda_tab.reordered"))


def _controls(rec: MeetingRecord, item: dict, order: list[int], index: int) -> None:
    item_id = int(item["id"])
    row = st.container(horizontal=True)
    if row.button(tr("agenda_tab.up"), icon=":material/arrow_upward:", key=f"agenda_up_{item_id}", disabled=index == 0):
        _move(rec, order, index, -1)
    last = index == len(order) - 1
    if row.button(tr("agenda_tab.down"), icon=":material/arrow_downward:", key=f"agenda_down_{item_id}", disabled=last):
        _move(rec, order, index, 1)
    if row.button(tr("agenda_tab.edit"), icon=":material/edit:", key=f"agenda_edit_{item_id}"):
        st.session_state[editing_key(item_id)] = int(item["version"])
    if row.button(tr("agenda_tab.remove"), icon=":material/playlist_remove:", key=f"agenda_remove_{item_id}"):
        result = submit(remove_agenda_item, areas=WRITE_AREAS, item_id=item_id, seen_version=seen_version(rec))
        settle_change(rec, result, tr("agenda_tab.removed"))
    if editing_key(item_id) in st.session_state:
        render_edit_item(rec, item, editing_key(item_id))


def _item(rec: MeetingRecord, item: dict, number: int, editable: bool, order: list[int]) -> None:
    with st.container(border=True):
        st.markdown(f"**{number}. {plain(agenda_item_title(item, lang()))}**")
        if item["changed_after_publishing"]:
            st.badge(tr("agenda_tab.changed"), color="orange", icon=":material/update:")
        st.caption(_facts(item))
        if item["commentary"]:
            st.markdown(plain(item["commentary"]))
        if item["kind"] == AgendaItemKind.INITIATIVE.value:
            st.page_link(
                page_file("initiative"),
                label=tr("agenda_tab.open_initiative"),
                icon=":material/article:",
                query_params={"id": str(int(item["initiative_id"]))},
            )
        if editable:
            _controls(rec, item, order, number - 1)
        with st.expander(tr("agenda_tab.live_data"), icon=":material/insights:"):
            render_item_data(item, live_data(rec.id))


def render_agenda(rec: MeetingRecord) -> None:
    """The agenda as everyone reads it, with the preparing controls for those who run the meeting."""
    editable = may_run(rec) and rec.status in PREPARING
    items = on_agenda(rec)
    _publication(rec)
    _time(rec)
    if editable:
        render_agenda_moves(rec, has_items=not items.empty)
    if items.empty:
        st.info(tr("agenda_tab.empty"), icon=":material/event_note:")
    order = [int(i) for i in items["id"]]
    for number, item in enumerate(items.to_dict("records"), start=1):
        _item(rec, item, number, editable, order)
    removed = rec.agenda[rec.agenda["status"] == AgendaItemStatus.REMOVED.value]
    if not removed.empty:
        with st.expander(tr("agenda_tab.removed_heading", n=len(removed)), icon=":material/playlist_remove:"):
            for item in removed.to_dict("records"):
                st.markdown(f"- {plain(agenda_item_title(item, lang()))}")
    if editable:
        render_add_item(rec)
        render_backlog(rec)
