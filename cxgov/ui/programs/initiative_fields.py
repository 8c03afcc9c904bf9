"""The fields of the initiative form, starting from the stored initiative (edit) or from defaults (new): active
people, departments, objectives and terms to choose from, plus a value chosen before and deactivated since."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from cxgov.models import Discipline, Lane, Phase, Priority, Status, TaxonomyKind
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.rules.permissions import Action
from cxgov.ui.frame.acting import acting_person, can
from cxgov.ui.kit.text import label, labelled, term_name, tr
from cxgov.ui.programs.initiative_reads import choices

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
    ids, names = _options(of_kind, current, term_name)
    return st.multiselect(
        tr(FIELD_LABELS[field]),
        ids,
        default=[i for i in current if i in ids],
        format_func=labelled(names),
        key=f"{key}.{field}",
    )


def initiative_defaults(d: InitiativeDetail | None) -> dict:
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


def initiative_inputs(v: dict, key: str, creating: bool) -> dict:
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
