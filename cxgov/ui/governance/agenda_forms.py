"""Preparing the agenda: Propose agenda and Publish agenda, the form adding a topic, an initiative or a KPI, the
form editing one item, and the agenda backlog whose items can be taken up again."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.minutes import agenda_item_title
from cxgov.models import CLOSED_STATUSES, AgendaItemKind, MeetingStatus
from cxgov.queries import admin as admin_queries
from cxgov.queries import portfolio
from cxgov.queries.meetings import MeetingRecord, agenda_backlog
from cxgov.services.agenda import add_agenda_item, propose_agenda, update_agenda_item
from cxgov.services.meetings import publish_agenda
from cxgov.ui.governance.meeting_form import active_people
from cxgov.ui.governance.meeting_reads import MEETING_AREAS, WRITE_AREAS, seen_version, settle_change
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.form_state import clear_after_save, first_values
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import counted, label, labelled, lang, tr
from cxgov.ui.kit.writes import note_conflict, offer_reload, show_errors, submit

ADDABLE = (AgendaItemKind.TOPIC, AgendaItemKind.INITIATIVE, AgendaItemKind.KPI)  # sections come from Propose
ITEM_LABELS = {
    "title": "agenda_tab.field.title",
    "initiative_id": "agenda_tab.field.initiative",
    "kpi_id": "agenda_tab.field.kpi",
    "duration_minutes": "agenda_tab.field.duration",
    "presenter_id": "agenda_tab.field.presenter",
    "commentary": "agenda_tab.field.commentary",
}


def _labels() -> dict[str, str]:
    return {field: tr(key) for field, key in ITEM_LABELS.items()}


def render_agenda_moves(rec: MeetingRecord, *, has_items: bool) -> None:
    """Propose agenda (the sections not yet on it), and Publish agenda while it is a draft."""
    row = st.container(horizontal=True)
    if row.button(tr("agenda_tab.propose"), icon=":material/auto_awesome:", key=f"agenda_propose_{rec.id}"):
        result = submit(propose_agenda, areas=WRITE_AREAS, meeting_id=rec.id, seen_version=seen_version(rec))
        settle_change(rec, result, counted("agenda_tab.proposed", result.value or 0))
    if rec.status == MeetingStatus.DRAFT.value and row.button(
        tr("agenda_tab.publish"),
        type="primary",
        icon=":material/publish:",
        key=f"agenda_publish_{rec.id}",
        disabled=not has_items,
        help=tr("agenda_tab.publish_help"),
    ):
        result = submit(publish_agenda, areas=WRITE_AREAS, meeting_id=rec.id, seen_version=seen_version(rec))
        settle_change(rec, result, tr("agenda_tab.published"))


def _people_choice(field: str, key: str, current: int | None = None) -> int | None:
    people = {None: "—"} | active_people()
    options = list(people)
    index = options.index(current) if current in people else 0
    return st.selectbox(tr(ITEM_LABELS[field]), options, index=index, format_func=labelled(people), key=key)


def _open_initiatives() -> dict[int, str]:
    frame = read(portfolio.initiatives)
    open_ones = frame[~frame["status"].isin([s.value for s in CLOSED_STATUSES])].sort_values("title")
    return {int(r.id): r.title for r in open_ones.itertuples()}


def _active_kpis() -> dict[int, str]:
    frame = read(admin_queries.kpis, ("kpis", "people"))
    return {int(r.id): f"{r.code} · {r.name}" for r in frame[frame["active"]].itertuples()}


def _subject(kind: AgendaItemKind, key: str) -> dict:
    """What the item is about: a topic's title, or the initiative or KPI chosen from the list."""
    if kind is AgendaItemKind.TOPIC:
        return {"title": st.text_input(tr(ITEM_LABELS["title"]), max_chars=200, key=f"{key}.title")}
    choices = _open_initiatives() if kind is AgendaItemKind.INITIATIVE else _active_kpis()
    field = "initiative_id" if kind is AgendaItemKind.INITIATIVE else "kpi_id"
    picked = st.selectbox(
        tr(ITEM_LABELS[field]), list(choices), index=None, format_func=labelled(choices), key=f"{key}.{field}"
    )
    return {field: picked}


def render_add_item(rec: MeetingRecord) -> None:
    """Add a topic, an initiative or a KPI (placed before any other business)."""
    key = f"agenda_add_{rec.id}"
    with st.expander(tr("agenda_tab.add"), icon=":material/playlist_add:"):
        kind = st.radio(
            tr("agenda_tab.field.kind"),
            [k.value for k in ADDABLE],
            format_func=labelled({k.value: label(k) for k in ADDABLE}),
            horizontal=True,
            key=f"{key}.kind",
        )
        # Not clear_on_submit: a double click would send the emptied form and lose what was typed; the typed
        # texts are emptied once the item is saved.
        first_values(key, {f"{key}.title": "", f"{key}.commentary": ""})
        with st.form(key):
            values = _subject(AgendaItemKind(kind), key)
            values["duration_minutes"] = st.number_input(
                tr(ITEM_LABELS["duration_minutes"]), min_value=0, max_value=600, value=10, step=5, key=f"{key}.minutes"
            )
            values["presenter_id"] = _people_choice("presenter_id", f"{key}.presenter")
            values["commentary"] = st.text_area(tr(ITEM_LABELS["commentary"]), key=f"{key}.commentary")
            added = st.form_submit_button(tr("agenda_tab.add_submit"), type="primary", key=f"{key}.submit")
        if added:
            result = submit(
                add_agenda_item,
                areas=WRITE_AREAS,
                meeting_id=rec.id,
                seen_version=seen_version(rec),
                kind=kind,
                **values,
            )
            if result.ok:
                clear_after_save(key)
            settle_change(rec, result, tr("agenda_tab.added"), _labels())


def render_edit_item(rec: MeetingRecord, item: dict, seen_key: str) -> None:
    """Edit one item's minutes planned, presenter and commentary (and a topic's title), at the version seen when
    Edit was pressed."""
    item_id = int(item["id"])
    key = f"agenda_item_{item_id}"
    with st.form(key):
        changes = {}
        if item["kind"] == AgendaItemKind.TOPIC.value:
            changes["title"] = st.text_input(
                tr(ITEM_LABELS["title"]), value=item["title"], max_chars=200, key=f"{key}.title"
            )
        changes["duration_minutes"] = st.number_input(
            tr(ITEM_LABELS["duration_minutes"]),
            min_value=0,
            max_value=600,
            value=int(item["duration_minutes"]),
            step=5,
            key=f"{key}.minutes",
        )
        presenter = None if pd.isna(item["presenter_id"]) else int(item["presenter_id"])
        changes["presenter_id"] = _people_choice("presenter_id", f"{key}.presenter", presenter)
        changes["commentary"] = st.text_area(
            tr(ITEM_LABELS["commentary"]), value=item["commentary"], key=f"{key}.commentary"
        )
        save, cancel = st.columns([1, 4])
        saved = save.form_submit_button(tr("form.save"), type="primary", key=f"{key}.save")
        cancelled = cancel.form_submit_button(tr("form.cancel"), key=f"{key}.cancel")
    if cancelled:
        st.session_state.pop(seen_key, None)
        st.rerun()
    if saved:
        _save_item(item_id, changes, seen_key)
    offer_reload(seen_key, key=f"{key}.reload")


def _save_item(item_id: int, changes: dict, seen_key: str) -> None:
    result = submit(
        update_agenda_item,
        areas=WRITE_AREAS,
        item_id=item_id,
        seen_version=st.session_state.get(seen_key),
        changes=changes,
    )
    if result.ok:
        st.session_state.pop(seen_key, None)
        flash(tr("agenda_tab.saved"))
        st.rerun()
    note_conflict(result, seen_key, WRITE_AREAS)
    show_errors(result, _labels())


def render_backlog(rec: MeetingRecord) -> None:
    """Items removed from, or not reached at, earlier meetings of this body, each with Take up."""
    backlog = read(agenda_backlog, MEETING_AREAS, meeting_id=rec.id)
    with st.expander(tr("agenda_tab.backlog", n=len(backlog)), icon=":material/inventory_2:"):
        if backlog.empty:
            st.caption(tr("agenda_tab.backlog_empty"))
        for item in backlog.to_dict("records"):
            text, button = st.columns([4, 1], vertical_alignment="center")
            text.markdown(
                tr(
                    "agenda_tab.backlog_item",
                    title=plain(agenda_item_title(item, lang())),
                    kind=label(AgendaItemKind(item["kind"])),
                    quarter=plain(item["meeting_quarter"]),
                )
            )
            if button.button(tr("agenda_tab.take_up"), icon=":material/redo:", key=f"agenda_take_up_{item['id']}"):
                result = submit(
                    add_agenda_item,
                    areas=WRITE_AREAS,
                    meeting_id=rec.id,
                    seen_version=seen_version(rec),
                    kind=item["kind"],
                    title=item["title"],
                    initiative_id=None if pd.isna(item["initiative_id"]) else int(item["initiative_id"]),
                    kpi_id=None if pd.isna(item["kpi_id"]) else int(item["kpi_id"]),
                    from_backlog_item_id=int(item["id"]),
                )
                settle_change(rec, result, tr("agenda_tab.taken_up"))
