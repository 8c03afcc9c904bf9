"""Planning meetings: the New meeting form (its pre-read deadline follows the date until changed by hand) and
Propose the next meeting of a series; each leads to the meeting's page once saved."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import time, timedelta

import streamlit as st

from cxgov.models import Role
from cxgov.queries import initiatives as initiative_queries
from cxgov.rules.meetings import default_pre_read_due
from cxgov.services.meetings import create_meeting, propose_next_meeting
from cxgov.ui.frame.acting import acting_person
from cxgov.ui.governance.meeting_reads import WRITE_AREAS, today, utc_start
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.runtime import read, settings
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import labelled, tr
from cxgov.ui.kit.writes import WriteResult, show_errors, submit
from cxgov.ui.navigation import page_file

KEY = "new_meeting"
DEFAULT_START = time(14, 0)  # a board meets in the afternoon unless told otherwise
DEFAULT_DAYS_AHEAD = 28  # time for the pre-read: a month ahead
LABELS = {
    "body": "meetings_page.field.body",
    "starts_at": "meetings_page.field.day",
    "duration_minutes": "meetings_page.field.duration",
    "place": "meetings_page.field.place",
    "chair_id": "meetings_page.field.chair",
    "secretary_id": "meetings_page.field.secretary",
    "member_ids": "meetings_page.field.members",
    "guest_ids": "meetings_page.field.guests",
    "pre_read_due": "meetings_page.field.pre_read_due",
    "quarter": "meetings_page.field.quarter",
}


def active_people() -> dict[int, str]:
    """Id -> name of everyone who may be invited (active people)."""
    people = read(initiative_queries.choices)["people"]
    return {int(p.id): p.name for p in people.itertuples() if p.active}


def _follow_the_day() -> None:
    """A new meeting date moves the pre-read deadline to five working days before it."""
    st.session_state[f"{KEY}.pre_read"] = default_pre_read_due(st.session_state[f"{KEY}.day"])


def _defaults() -> None:
    day = today() + timedelta(days=DEFAULT_DAYS_AHEAD)
    st.session_state.setdefault(f"{KEY}.day", day)
    st.session_state.setdefault(f"{KEY}.pre_read", default_pre_read_due(day))


def _person_choice(field: str, people: dict[int, str], default: int | None) -> int | None:
    options = list(people)
    return st.selectbox(
        tr(LABELS[field]),
        options,
        index=options.index(default) if default in people else None,
        format_func=labelled(people),
        key=f"{KEY}.{field}",
    )


def _fields(people: dict[int, str]) -> dict:
    me = acting_person()
    mine = me.id if me else None
    _defaults()
    body, place = st.columns(2)
    values = {
        "body": body.text_input(tr(LABELS["body"]), value=settings().board_name, max_chars=120, key=f"{KEY}.body"),
        "place": place.text_input(tr(LABELS["place"]), max_chars=300, key=f"{KEY}.place"),
    }
    day, clock, length = st.columns(3)
    chosen_day = day.date_input(
        tr(LABELS["starts_at"]), format="DD-MM-YYYY", key=f"{KEY}.day", on_change=_follow_the_day
    )
    chosen_time = clock.time_input(tr("meetings_page.field.time"), value=DEFAULT_START, step=900, key=f"{KEY}.time")
    values["duration_minutes"] = length.number_input(
        tr(LABELS["duration_minutes"]), min_value=15, max_value=600, value=120, step=15, key=f"{KEY}.duration"
    )
    values["starts_at"] = utc_start(chosen_day, chosen_time) if chosen_day and chosen_time else None
    chair, secretary = st.columns(2)
    with chair:  # a leader plans the meetings they chair; the programme office is the usual secretary
        values["chair_id"] = _person_choice("chair_id", people, mine if me and me.role is Role.LEADER else None)
    with secretary:
        values["secretary_id"] = _person_choice(
            "secretary_id", people, mine if me and me.role is not Role.LEADER else None
        )
    names = labelled(people)
    values["member_ids"] = st.multiselect(tr(LABELS["member_ids"]), list(people), format_func=names, key=f"{KEY}.m")
    values["guest_ids"] = st.multiselect(tr(LABELS["guest_ids"]), list(people), format_func=names, key=f"{KEY}.g")
    values["pre_read_due"] = st.date_input(
        tr(LABELS["pre_read_due"]), format="DD-MM-YYYY", key=f"{KEY}.pre_read", help=tr("meetings_page.pre_read_help")
    )
    return values


def render_new_meeting() -> None:
    """The New meeting form, folded away under the list."""
    with st.expander(tr("meetings_page.new"), icon=":material/add:"):
        people = active_people()
        values = _fields(people)
        if not st.button(tr("meetings_page.create"), type="primary", key=f"{KEY}.create"):
            return
        missing = {f: tr("meetings_page.error.choose") for f in ("chair_id", "secretary_id") if values[f] is None}
        if values["starts_at"] is None:
            missing["starts_at"] = tr("meetings_page.error.choose")
        labels = {field: tr(key) for field, key in LABELS.items()}
        if missing:  # the service would refuse these too; saying so here names the field
            show_errors(WriteResult(ok=False, field_errors=missing), labels)
            return
        result = submit(create_meeting, areas=WRITE_AREAS, **values)
        if result.ok:
            go_to_meeting(result.value, tr("meetings_page.created"))
        show_errors(result, labels)


def go_to_meeting(meeting_id: int, message: str) -> None:
    flash(message)
    st.switch_page(page_file("meeting"), query_params={"id": str(meeting_id)})


def propose_next(meeting: Mapping, *, key: str) -> None:
    """The button proposing the meeting after `meeting` (id, body, quarter): a draft a quarter later."""
    caption = tr("meetings_page.propose_next", body=plain(meeting["body"]), quarter=plain(meeting["quarter"]))
    if st.button(caption, icon=":material/event_repeat:", key=key):
        result = submit(propose_next_meeting, areas=WRITE_AREAS, after_meeting_id=int(meeting["id"]))
        if result.ok:
            go_to_meeting(result.value, tr("meetings_page.proposed"))
        show_errors(result)


def render_propose_next(latest: Sequence[Mapping]) -> None:
    """Propose the next meeting of each body's latest meeting."""
    st.subheader(tr("meetings_page.next_heading"))
    st.caption(tr("meetings_page.next_help"))
    for meeting in latest:
        propose_next(meeting, key=f"propose_next_{meeting['id']}")
