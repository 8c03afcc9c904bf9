"""The initiative form: propose/create (no `?id=`) or edit (`?id=`), keeping the version the user saw.

An edit starts from a snapshot read when the form is first shown for that initiative; the save passes the
snapshot's version, so a change someone else saved in between is reported instead of overwritten
(DESIGN.md §4, lost updates). Reload forgets the snapshot and starts again from what is stored now.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from cxgov.errors import ConflictError
from cxgov.models import Discipline, Lane, Phase, Priority, Status, TaxonomyKind
from cxgov.queries import initiatives as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.rules.permissions import Action
from cxgov.services import initiatives as initiative_service
from cxgov.ui.acting import acting_person, can
from cxgov.ui.initiatives import FLASH_KEY, choices, not_found, relations, requested_id, seen_key
from cxgov.ui.lifecycle import render_status_read_only
from cxgov.ui.navigation import page_file
from cxgov.ui.past_dates import past_dates_confirmed
from cxgov.ui.runtime import read_session
from cxgov.ui.safe import plain
from cxgov.ui.text import label, lang, tr
from cxgov.ui.url_filters import labelled
from cxgov.ui.writes import show_errors, submit

# Form field -> label key; the same names the service reports validation errors under.
FIELD_LABELS = {
    "title": "programs.field.title",
    "description": "programs.field.description",
    "discipline": "programs.field.discipline",
    "objective_id": "programs.field.objective",
    "owner_id": "programs.field.owner",
    "sponsor_id": "programs.field.sponsor",
    "owning_department_id": "programs.field.owning_department",
    "requesting_department_id": "programs.field.requesting_department",
    "lane": "programs.field.lane",
    "status": "programs.field.status",
    "phase": "programs.field.phase",
    "priority": "programs.field.priority",
    "progress_pct": "programs.field.progress",
    "start_date": "programs.field.start_date",
    "target_date": "programs.field.target_date",
    "journey_stage_ids": "programs.field.journey_stages",
    "channel_ids": "programs.field.channels",
    "project_code": "programs.field.project_code",
}


def _conflict_key(initiative_id: int) -> str:
    return f"initiative_form_conflict_{initiative_id}"


def _snapshot(initiative_id: int) -> InitiativeDetail | None:
    """The initiative as the user first saw it in this form; read fresh (uncached) on first show only."""
    snapshot = st.session_state.get(seen_key(initiative_id))
    if snapshot is None:
        with read_session() as session:
            snapshot = queries.initiative_detail(session, initiative_id)
        if snapshot is not None:
            st.session_state[seen_key(initiative_id)] = snapshot
    return snapshot


def _options(frame: pd.DataFrame, current, name: Callable = lambda r: r["name"]) -> tuple[list, dict]:
    """Active entries, plus the current value even if deactivated since (so an edit does not drop it)."""
    names = {int(r["id"]): name(r) for _, r in frame.iterrows()}
    keep = set(current) if isinstance(current, list) else {current}
    ids = [int(r["id"]) for _, r in frame.iterrows() if r["active"] or int(r["id"]) in keep]
    return ids, names


def _choice(field: str, options: list, current, fmt: Callable, key: str, optional: bool = True):
    values = [None, *options] if optional else list(options)
    index = values.index(current) if current in values else None
    return st.selectbox(
        tr(FIELD_LABELS[field]),
        values,
        index=index,
        key=f"{key}.{field}",
        format_func=labelled({None: tr("common.none")} | {v: fmt(v) for v in options}),
        placeholder=tr("programs.form.choose"),
    )


def _enum_choice(field: str, enum_class, current, key: str, allowed: list | None = None):
    options = allowed or [m.value for m in enum_class]
    return _choice(field, options, current, lambda v: label(enum_class(v)), key, optional=False)


def _term_choice(field: str, kind: TaxonomyKind, terms: pd.DataFrame, current: list[int], key: str):
    of_kind = terms[terms["kind"] == kind.value]
    ids, names = _options(of_kind, current, lambda r: r["name_nl"] if lang() == "nl" else r["name_en"])
    return st.multiselect(
        tr(FIELD_LABELS[field]),
        ids,
        default=[i for i in current if i in ids],
        format_func=labelled(names),
        key=f"{key}.{field}",
    )


def _defaults(d: InitiativeDetail | None) -> dict:
    if d is not None:
        return {name: getattr(d, name, None) for name in FIELD_LABELS} | {
            "journey_stage_ids": d.term_ids(TaxonomyKind.JOURNEY_STAGE.value),
            "channel_ids": d.term_ids(TaxonomyKind.CHANNEL.value),
        }
    me = acting_person()
    return {
        "owner_id": me.id if me else None,
        "status": Status.PROPOSED.value,
        "phase": Phase.PLAN.value,
        "lane": Lane.PROJECT.value,
        "priority": Priority.MEDIUM.value,
        "progress_pct": 0,
        "journey_stage_ids": [],
        "channel_ids": [],
    }


def _inputs(v: dict, key: str, creating: bool) -> dict:
    """The form's widgets, starting from `v`; returns what the user entered, by service field name."""
    options = choices()
    people, people_names = _options(options["people"], v.get("owner_id"))
    sponsors, _ = _options(options["people"], v.get("sponsor_id"))
    departments, department_names = _options(
        options["departments"], [v.get("owning_department_id"), v.get("requesting_department_id")]
    )
    objectives, objective_names = _options(options["objectives"], v.get("objective_id"))
    # Only the programme office creates initiatives in a later status; everyone else proposes (the service
    # enforces it; the form does not offer what would be refused).
    statuses = [Status.PROPOSED.value] if creating and not can(Action.CREATE_INITIATIVE_WITH_STATUS) else None
    data = {
        "title": st.text_input(tr(FIELD_LABELS["title"]), value=v.get("title") or "", key=f"{key}.title"),
        "description": st.text_area(
            tr(FIELD_LABELS["description"]), value=v.get("description") or "", key=f"{key}.description"
        ),
    }
    left, right = st.columns(2)
    with left:
        data["discipline"] = _enum_choice("discipline", Discipline, v.get("discipline"), key)
        data["owner_id"] = _choice("owner_id", people, v.get("owner_id"), people_names.get, key, optional=False)
        data["owning_department_id"] = _choice(
            "owning_department_id", departments, v.get("owning_department_id"), department_names.get, key
        )
        # After creation the lane changes with a reason, on the initiative page (PDCA record).
        data["lane"] = _enum_choice("lane", Lane, v.get("lane"), key, allowed=None if creating else [v.get("lane")])
        # After creation the phase moves only through the PDCA record's moves (criteria, reasons, history).
        data["phase"] = _enum_choice(
            "phase", Phase, v.get("phase"), key, allowed=None if creating else [v.get("phase")]
        )
        data["start_date"] = st.date_input(
            tr(FIELD_LABELS["start_date"]), value=v.get("start_date"), format="DD-MM-YYYY", key=f"{key}.start_date"
        )
    with right:
        data["objective_id"] = _choice("objective_id", objectives, v.get("objective_id"), objective_names.get, key)
        data["sponsor_id"] = _choice("sponsor_id", sponsors, v.get("sponsor_id"), people_names.get, key)
        data["requesting_department_id"] = _choice(
            "requesting_department_id", departments, v.get("requesting_department_id"), department_names.get, key
        )
        # After creation the status changes only through its moves (shown above the form, with their rights).
        data["status"] = (
            _enum_choice("status", Status, v.get("status"), key, allowed=statuses) if creating else v.get("status")
        )
        data["priority"] = _enum_choice("priority", Priority, v.get("priority"), key)
        data["target_date"] = st.date_input(
            tr(FIELD_LABELS["target_date"]), value=v.get("target_date"), format="DD-MM-YYYY", key=f"{key}.target_date"
        )
    data["progress_pct"] = st.slider(
        tr(FIELD_LABELS["progress_pct"]),
        0,
        100,
        value=int(v.get("progress_pct") or 0),
        step=5,
        key=f"{key}.progress_pct",
    )
    data["journey_stage_ids"] = _term_choice(
        "journey_stage_ids", TaxonomyKind.JOURNEY_STAGE, options["terms"], v.get("journey_stage_ids") or [], key
    )
    data["channel_ids"] = _term_choice(
        "channel_ids", TaxonomyKind.CHANNEL, options["terms"], v.get("channel_ids") or [], key
    )
    data["project_code"] = st.text_input(
        tr(FIELD_LABELS["project_code"]), value=v.get("project_code") or "", key=f"{key}.project_code"
    )
    # A required choice left empty is *missing* (the service then says "is required"), not an invalid None.
    return {name: value for name, value in data.items() if value is not None}


def _noting_conflict(initiative_id: int) -> Callable:
    """The edit service, remembering a conflict so the page can offer Reload."""

    def run(**kwargs):
        try:
            return initiative_service.update_initiative(**kwargs)
        except ConflictError:
            st.session_state[_conflict_key(initiative_id)] = True
            raise

    return run


def _save(initiative_id: int | None, snapshot: InitiativeDetail | None, data: dict) -> None:
    if initiative_id is None:
        result = submit(initiative_service.create_initiative, areas=("initiatives",), data=data)
    else:
        result = submit(
            _noting_conflict(initiative_id),
            areas=("initiatives",),
            initiative_id=initiative_id,
            seen_version=snapshot.version,
            data=data,
        )
    if result.ok:
        saved_id = result.value if initiative_id is None else initiative_id
        st.session_state.pop(seen_key(saved_id), None)
        st.session_state[FLASH_KEY] = tr("form.saved") if result.value else tr("form.no_changes")
        st.switch_page(page_file("initiative"), query_params={"id": str(saved_id)})
    show_errors(result, {name: tr(key) for name, key in FIELD_LABELS.items()})


def _offer_reload(initiative_id: int) -> None:
    if st.session_state.get(_conflict_key(initiative_id)) and st.button(tr("form.reload"), icon=":material/refresh:"):
        st.session_state.pop(_conflict_key(initiative_id), None)
        st.session_state.pop(seen_key(initiative_id), None)
        st.rerun()


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
        data = _inputs(_defaults(snapshot), key, creating=not editing)
        submitted = st.form_submit_button(tr("form.save"), type="primary")
        confirmed = past_dates_confirmed(
            key,
            submitted,
            {tr(FIELD_LABELS["target_date"]): (data.get("target_date"), snapshot.target_date if snapshot else None)},
        )
    if confirmed:
        _save(initiative_id, snapshot, data)
    if editing:
        _offer_reload(initiative_id)
        st.page_link(page_file("initiative"), label=tr("form.cancel"), query_params={"id": str(initiative_id)})
    else:
        st.page_link(page_file("initiatives"), label=tr("form.cancel"))
