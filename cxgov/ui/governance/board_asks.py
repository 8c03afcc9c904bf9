"""The meeting's Asks tab: every initiative reported red or amber, with what its owner asks of the board (help,
a decision, money). Everyone reads the asks; an initiative's owner or sponsor writes theirs until the pre-read
deadline."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import Health
from cxgov.queries.board_asks import board_asks
from cxgov.queries.meetings import MeetingRecord
from cxgov.rules.permissions import Action, Relation
from cxgov.services.board_asks import write_board_ask
from cxgov.ui.frame.acting import acting_person, can
from cxgov.ui.governance.meeting_reads import locked, remember_version, today, version_seen
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import day, label, moment, tr
from cxgov.ui.kit.writes import forget_conflict, note_conflict, offer_reload, show_errors, submit
from cxgov.ui.navigation import page_file

ASK_AREAS = ("meetings", "initiatives", "people")
WRITE_AREAS = ("meetings",)
HEALTH_COLOURS = {Health.RED.value: "red", Health.AMBER.value: "orange", Health.GREEN.value: "green"}


def _relations(ask: dict) -> set[Relation]:
    me = acting_person()
    if me is None:
        return set()
    return {
        r for r, person in ((Relation.OWNER, ask["owner_id"]), (Relation.SPONSOR, ask["sponsor_id"])) if person == me.id
    }


def _form(rec: MeetingRecord, ask: dict) -> None:
    key = f"board_ask_{rec.id}_{ask['initiative_id']}"
    current = None if pd.isna(ask["version"]) else int(ask["version"])
    with st.form(key):
        text = st.text_area(tr("asks_tab.field.ask"), value=ask["ask"], max_chars=1000, key=f"{key}.text")
        saved = st.form_submit_button(tr("asks_tab.save"), type="primary", key=f"{key}.save")
    seen = f"{key}.seen"  # the version of the ask this form was drawn from
    if saved:
        result = submit(
            write_board_ask,
            areas=WRITE_AREAS,
            meeting_id=rec.id,
            initiative_id=int(ask["initiative_id"]),
            ask=text,
            seen_version=version_seen(seen, current),
        )
        if result.ok:
            forget_conflict(seen)
            flash(tr("asks_tab.saved"))
            st.rerun()
        note_conflict(result, seen, WRITE_AREAS)
        show_errors(result, {"ask": tr("asks_tab.field.ask")})
    offer_reload(seen, key=f"{key}.reload")
    remember_version(seen, current)


def _ask(rec: MeetingRecord, ask: dict, open_for_asks: bool) -> None:
    with st.container(border=True):
        head, badge = st.columns([5, 1])
        head.page_link(
            page_file("initiative"),
            label=plain(ask["title"]),
            icon=":material/article:",
            query_params={"id": str(int(ask["initiative_id"]))},
        )
        if ask["health"] in HEALTH_COLOURS:
            badge.badge(label(Health(ask["health"])), color=HEALTH_COLOURS[ask["health"]])
        owner = tr("asks_tab.owner", name=plain(ask["owner"]))
        st.caption(f"{owner} · {plain(ask['reason'])}" if ask["reason"] else owner)
        if ask["ask"]:
            st.markdown(plain(ask["ask"]))
            st.caption(tr("asks_tab.written", who=plain(ask["updated_by"] or "—"), when=moment(ask["updated_at"])))
        else:
            st.caption(tr("asks_tab.none"))
        relations = _relations(ask)
        if open_for_asks and relations and can(Action.WRITE_BOARD_ASK, relations):
            _form(rec, ask)


def render_board_asks(rec: MeetingRecord) -> None:
    """The asks of the meeting's pre-read, the acting person's own open for writing until the deadline."""
    asks = read(board_asks, ASK_AREAS, meeting_id=rec.id)
    open_for_asks = not locked(rec) and today() <= rec.pre_read_due
    key = "asks_tab.open_until" if open_for_asks else "asks_tab.closed"
    st.caption(tr(key, day=day(rec.pre_read_due)))
    if not open_for_asks:  # today's red and amber say nothing of a meeting past its deadline: its asks do
        asks = asks[asks["ask"] != ""]
    if asks.empty:
        st.info(tr("asks_tab.empty" if open_for_asks else "asks_tab.none_written"), icon=":material/check_circle:")
    for ask in asks.to_dict("records"):
        _ask(rec, ask, open_for_asks)
