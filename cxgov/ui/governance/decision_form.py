"""Record a decision in presentation mode: its kind, text and rationale, the initiative it concerns (the item's,
or one chosen), a KPI, a review date, a new target date and the active decision it supersedes or reverses.

The board decides on what it was shown: the versions of the open initiatives are kept from when the item was
shown, and a decision on an initiative someone changed since is refused (nothing recorded) — the panel says who
changed it and offers Review & retry, which shows the initiative as it is now and takes its new version."""

from __future__ import annotations

import streamlit as st

from cxgov.errors import ConflictError
from cxgov.models import DecisionKind, DecisionStatus, Status
from cxgov.queries import pdca as kpi_choice_queries
from cxgov.queries.decisions import decision_register
from cxgov.queries.meetings import MeetingRecord
from cxgov.services.decisions import record_decision
from cxgov.ui.governance.item_data import item_id_value
from cxgov.ui.governance.present_reads import open_initiatives
from cxgov.ui.kit.date_fields import localise_date_placeholders
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.form_state import clear_after_save, first_values
from cxgov.ui.kit.runtime import data_changed, read
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import day, label, labelled, tr
from cxgov.ui.kit.writes import show_errors, submit
from cxgov.ui.programs.initiative_reads import detail

AREAS = ("meetings", "initiatives")  # a decision may move its initiative on
FIELDS = ("kind", "text", "rationale", "initiative", "kpi", "review_on", "new_target_date", "supersedes", "reverses")


def seen_key(item_id: int) -> str:
    """Where the versions of the open initiatives as the item was first shown are kept."""
    return f"present_decision_seen_{item_id}"


def _conflict_key(item_id: int) -> str:
    return f"present_decision_conflict_{item_id}"


def _field(item_id: int, name: str) -> str:
    return f"present_decision_{name}_{item_id}"


def _form(item_id: int) -> str:
    return f"present_decision_form_{item_id}"


def _first_values(own: int | None) -> dict[str, object]:
    """The form's fields as it opens: an approval of the item's own initiative (if it has one), nothing else."""
    return {
        "kind": DecisionKind.APPROVE.value,
        "text": "",
        "rationale": "",
        "initiative": own,
        "kpi": None,
        "review_on": None,
        "new_target_date": None,
        "supersedes": None,
        "reverses": False,
    }


def seen_versions(item: dict) -> dict[int, int]:
    """initiative id -> the version shown with the item (taken the first time the item is shown)."""
    key = seen_key(int(item["id"]))
    if key not in st.session_state:
        versions = {row.initiative_id: row.version for row in open_initiatives()}
        initiative_id = item_id_value(item.get("initiative_id"))
        if initiative_id is not None and initiative_id not in versions:  # a closed one: a note may still name it
            found = detail(initiative_id)
            if found is not None:
                versions[initiative_id] = found.version
        st.session_state[key] = versions
    return st.session_state[key]


def _active_decisions(r: MeetingRecord) -> dict[int, str]:
    """The body's active decisions a new one may supersede or reverse: id -> '#4 · Approve · text…'."""
    active = read(decision_register, ("meetings",), status=DecisionStatus.ACTIVE.value)
    active = active[active["body"] == r.body]
    return {
        int(d["id"]): f"#{int(d['id'])} · {label(DecisionKind(d['kind']))} · {d['text'][:60]}"
        for _, d in active.iterrows()
    }


def render_decision_form(r: MeetingRecord, item: dict) -> None:
    item_id = int(item["id"])
    versions = seen_versions(item)
    titles = {row.initiative_id: row.title for row in open_initiatives()}
    own = item_id_value(item.get("initiative_id"))
    if own is not None and own not in titles:
        titles = {own: str(item.get("initiative_title") or own)} | titles
    kpis = read(kpi_choice_queries.kpi_choices, ("kpis",))
    kpi_names = {int(k["id"]): f"{k['code']} · {k['name']}" for _, k in kpis.iterrows()}
    earlier = _active_decisions(r)
    none = {None: tr("present.none_chosen")}
    conflict = st.session_state.get(_conflict_key(item_id))
    first_values(_form(item_id), {_field(item_id, name): value for name, value in _first_values(own).items()})
    with st.expander(tr("present.record_decision"), icon=":material/gavel:", expanded=bool(conflict)):
        if conflict:
            _review(item_id, conflict)
        localise_date_placeholders()
        with st.form(_form(item_id), border=False):
            kind = st.selectbox(
                tr("present.decision.kind"),
                [k.value for k in DecisionKind],
                key=_field(item_id, "kind"),
                format_func=labelled({k.value: label(k) for k in DecisionKind}),
            )
            text = st.text_area(tr("present.decision.text"), key=_field(item_id, "text"), height=90)
            rationale = st.text_area(tr("present.decision.rationale"), key=_field(item_id, "rationale"), height=70)
            initiative = st.selectbox(
                tr("present.decision.initiative"),
                [None, *titles],
                key=_field(item_id, "initiative"),
                placeholder=none[None],
                format_func=labelled(none | titles),
            )
            kpi = st.selectbox(
                tr("present.decision.kpi"),
                [None, *kpi_names],
                key=_field(item_id, "kpi"),
                placeholder=none[None],
                format_func=labelled(none | kpi_names),
            )
            review_on = st.date_input(
                tr("present.decision.review_on"), value=None, format="DD-MM-YYYY", key=_field(item_id, "review_on")
            )
            new_target = st.date_input(
                tr("present.decision.new_target_date"),
                value=None,
                format="DD-MM-YYYY",
                key=_field(item_id, "new_target_date"),
            )
            supersedes = st.selectbox(
                tr("present.decision.supersedes"),
                [None, *earlier],
                key=_field(item_id, "supersedes"),
                placeholder=none[None],
                format_func=labelled(none | earlier),
            )
            reverses = st.checkbox(tr("present.decision.reverses"), key=_field(item_id, "reverses"))
            recorded = st.form_submit_button(
                tr("present.decision.record"), type="primary", icon=":material/gavel:", key=_field(item_id, "submit")
            )
    if not recorded:
        return
    result = submit(
        record_decision,
        areas=AREAS,
        meeting_id=r.id,
        kind=kind,
        text=text,
        rationale=rationale,
        agenda_item_id=item_id,
        initiative_id=initiative,
        seen_initiative_version=versions.get(initiative) if initiative is not None else None,
        kpi_id=kpi,
        review_on=review_on,
        new_target_date=new_target,
        supersedes_id=supersedes,
        reverses=reverses,
    )
    if result.ok:
        clear_after_save(_form(item_id))
        st.session_state.pop(seen_key(item_id), None)
        st.session_state.pop(_conflict_key(item_id), None)
        flash(tr("present.decision.recorded", id=result.value))
        st.rerun()
    if isinstance(result.problem, ConflictError) and initiative is not None:
        data_changed(*AREAS)  # the initiative provably moved on: cached reads of it are stale
        st.session_state[_conflict_key(item_id)] = {"initiative": initiative, "message": result.error}
        st.rerun()
    show_errors(result, {name: tr(f"present.decision.{name}") for name in FIELDS} | _service_labels())


def _service_labels() -> dict[str, str]:
    """The service's argument names for the fields whose name differs from the form's."""
    return {
        "initiative_id": tr("present.decision.initiative"),
        "kpi_id": tr("present.decision.kpi"),
        "supersedes_id": tr("present.decision.supersedes"),
        "seen_initiative_version": tr("present.decision.initiative"),
    }


def _review(item_id: int, conflict: dict) -> None:
    """Nothing was recorded: who changed the initiative, what it is now, and Review & retry."""
    st.error(plain(conflict["message"]), icon=":material/sync_problem:")
    now = detail(conflict["initiative"])
    if now is not None:
        st.caption(
            tr(
                "present.decision.now",
                title=plain(now.title),
                status=label(Status(now.status)),
                target=day(now.target_date),
            )
        )
    if st.button(
        tr("present.decision.review_retry"), key=f"present_decision_retry_{item_id}", icon=":material/refresh:"
    ):
        st.session_state.pop(seen_key(item_id), None)  # take the versions as they are now
        st.session_state.pop(_conflict_key(item_id), None)
        st.rerun()
