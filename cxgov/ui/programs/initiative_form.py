"""Programs → the initiative form: propose/create (no `?id=`) or edit (`?id=`), keeping the version the user saw.

An edit starts from a snapshot read when the form is first shown for that initiative; the save passes the
snapshot's version, so a change someone else saved in between is reported instead of overwritten (see
docs/architecture.md, Measured pitfalls: lost updates). Reload forgets the snapshot and starts again from what is stored now.
"""

from __future__ import annotations

import streamlit as st

from cxgov.queries import initiatives as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.rules.permissions import Action
from cxgov.services import initiatives as initiative_service
from cxgov.ui.frame.acting import acting_person, can
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.past_dates import past_dates_confirmed
from cxgov.ui.kit.runtime import read_session
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import tr
from cxgov.ui.kit.writes import forget_conflict, note_conflict, offer_reload, show_errors, submit
from cxgov.ui.navigation import page_file
from cxgov.ui.programs.initiative_fields import FIELD_LABELS, initiative_defaults, initiative_inputs
from cxgov.ui.programs.initiative_reads import not_found, relations, requested_id, seen_key
from cxgov.ui.programs.lifecycle import render_status_read_only


def _snapshot(initiative_id: int) -> InitiativeDetail | None:
    """The initiative as the user first saw it in this form; read fresh (uncached) on first show only."""
    snapshot = st.session_state.get(seen_key(initiative_id))
    if snapshot is None:
        with read_session() as session:
            snapshot = queries.initiative_detail(session, initiative_id)
        if snapshot is not None:
            st.session_state[seen_key(initiative_id)] = snapshot
    return snapshot


def _save(initiative_id: int | None, snapshot: InitiativeDetail | None, data: dict) -> None:
    if initiative_id is None:
        result = submit(initiative_service.create_initiative, areas=("initiatives",), data=data)
    else:
        result = submit(
            initiative_service.update_initiative,
            areas=("initiatives",),
            initiative_id=initiative_id,
            seen_version=snapshot.version,
            data=data,
        )
    if result.ok:
        saved_id = result.value if initiative_id is None else initiative_id
        st.session_state.pop(seen_key(saved_id), None)
        forget_conflict(seen_key(saved_id))
        flash(tr("form.saved") if result.value else tr("form.no_changes"))
        st.switch_page(page_file("initiative"), query_params={"id": str(saved_id)})
    if initiative_id is not None:
        note_conflict(result, seen_key(initiative_id))
    show_errors(result, {name: tr(key) for name, key in FIELD_LABELS.items()})


def _may_use_form(snapshot: InitiativeDetail | None) -> bool:
    if acting_person() is None:
        st.info(tr("programs.form.no_person"), icon=":material/person:")
        return False
    if snapshot is None and not can(Action.PROPOSE_INITIATIVE):
        st.warning(tr("programs.form.may_not_propose"), icon=":material/error:")
        return False
    if snapshot is not None and not can(Action.EDIT_INITIATIVE, relations(snapshot)):
        st.warning(tr("programs.form.may_not_edit"), icon=":material/error:")
        return False
    return True


def render_form() -> None:
    """The create/edit page."""
    raw_id = st.query_params.get("id")
    initiative_id = requested_id()
    snapshot = _snapshot(initiative_id) if initiative_id is not None else None
    editing = raw_id is not None
    st.title(tr("programs.form.edit_title") if editing else tr("programs.form.new_title"))
    if editing and snapshot is None:
        not_found()
        return
    if editing:
        st.caption(plain(snapshot.title))
    if not _may_use_form(snapshot):
        return
    if editing:
        render_status_read_only(snapshot, relations(snapshot), page_file("initiative"))
    # The version seen is part of the key: after a reload the widgets start from the stored values.
    key = f"programs_form_{initiative_id}_{snapshot.version}" if editing else "programs_form_new"
    with st.form(key):
        data = initiative_inputs(initiative_defaults(snapshot), key, creating=not editing)
        submitted = st.form_submit_button(tr("form.save"), type="primary")
        confirmed = past_dates_confirmed(
            key,
            submitted,
            {tr(FIELD_LABELS["target_date"]): (data.get("target_date"), snapshot.target_date if snapshot else None)},
        )
    if confirmed:
        _save(initiative_id, snapshot, data)
    if editing:
        offer_reload(seen_key(initiative_id), icon=":material/refresh:")
        st.page_link(page_file("initiative"), label=tr("form.cancel"), query_params={"id": str(initiative_id)})
    else:
        st.page_link(page_file("initiatives"), label=tr("form.cancel"))
