"""The actions row of the initiative page: Edit, and the inline check-in, expense and budget forms, each
offered to who may use it and saved through its service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import streamlit as st

from cxgov.models import CLOSED_STATUSES, ExpenseCategory, Health, Status
from cxgov.queries import initiatives as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.rules.permissions import Action
from cxgov.services import budget as budget_service
from cxgov.services import initiatives as initiative_service
from cxgov.ui.frame.acting import can
from cxgov.ui.kit.flash import flash
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import label, labelled, tr
from cxgov.ui.kit.writes import show_errors, submit
from cxgov.ui.navigation import page_file
from cxgov.ui.programs.health import assessments, override_reason_field
from cxgov.ui.programs.initiative_reads import DETAIL_AREAS, relations


def _flag(name: str, initiative_id: int) -> str:
    return f"programs_open_{name}_{initiative_id}"


def _check_in_fields(d: InitiativeDetail, labels: dict[str, str]) -> dict:
    """Health, reason, progress, what happened, next steps and the top blocker; and, in the same form, spend
    (for those who manage the budget) and a reading of one of the initiative's KPIs for this month."""
    data = {
        "checkin_date": st.date_input(
            labels["checkin_date"], value=date.today(), format="DD-MM-YYYY", key="programs_check_in.date"
        ),
        "health": st.selectbox(
            labels["health"],
            [h.value for h in Health],
            key="programs_check_in.health",
            format_func=labelled({h.value: label(h) for h in Health}),
        ),
        "reason": st.text_input(labels["reason"], key="programs_check_in.reason"),
        "progress_pct": st.number_input(
            labels["progress_pct"], 0, 100, value=d.progress_pct, step=5, key="programs_check_in.progress_pct"
        ),
        "summary": st.text_area(labels["summary"], key="programs_check_in.summary"),
        "next_steps": st.text_area(labels["next_steps"], key="programs_check_in.next_steps"),
        "blocker": st.text_input(labels["blocker"], key="programs_check_in.blocker"),
    }
    assessment = assessments([d.id]).get(d.id)
    if assessment is not None and assessment.delivery:
        data["override_reason"] = override_reason_field(assessment, labels["override_reason"])
    if can(Action.MANAGE_BUDGET, relations(d)):
        data["spend_cents"] = st.text_input(labels["spend_cents"], key="programs_check_in.spend")
    kpis = read(queries.kpi_links, DETAIL_AREAS, initiative_id=d.id)
    if not kpis.empty:
        names = {None: "—"} | {int(r.kpi_id): f"{r.code} · {r.name}" for r in kpis.itertuples()}
        kpi, value, sample = st.columns([2, 1, 1])
        data["kpi_id"] = kpi.selectbox(
            labels["kpi_id"], list(names), format_func=names.__getitem__, key="programs_check_in.kpi"
        )
        data["kpi_value"] = value.number_input(
            labels["kpi_value"], value=None, format="%g", key="programs_check_in.kpi_value"
        )
        data["kpi_sample_size"] = sample.number_input(
            labels["kpi_sample_size"], min_value=1, value=None, step=1, key="programs_check_in.kpi_sample_size"
        )
    return data


def _expense_fields(_d: InitiativeDetail, labels: dict[str, str]) -> dict:
    return {
        "spent_on": st.date_input(
            labels["spent_on"], value=date.today(), format="DD-MM-YYYY", key="programs_expense.spent_on"
        ),
        "amount_cents": st.text_input(
            labels["amount_cents"], placeholder=tr("programs.amount_hint"), key="programs_expense.amount"
        ),
        "category": st.selectbox(
            labels["category"],
            [c.value for c in ExpenseCategory],
            format_func=labelled({c.value: label(c) for c in ExpenseCategory}),
            key="programs_expense.category",
        ),
        "note": st.text_input(labels["note"], key="programs_expense.note"),
        "correction_reason": st.text_input(
            labels["correction_reason"], help=tr("credit.field.reason_help"), key="programs_expense.correction_reason"
        ),
    }


def _budget_fields(_d: InitiativeDetail, labels: dict[str, str]) -> dict:
    today = date.today()
    year_col, quarter_col, amount_col = st.columns(3)
    return {
        "year": year_col.number_input(labels["year"], 2000, 2100, value=today.year, step=1, key="programs_budget.year"),
        "quarter": quarter_col.selectbox(
            labels["quarter"],
            [1, 2, 3, 4],
            index=(today.month - 1) // 3,
            format_func=lambda q: f"Q{q}",
            key="programs_budget.quarter",
        ),
        "planned_cents": amount_col.text_input(
            labels["planned_cents"], placeholder=tr("programs.amount_hint"), key="programs_budget.amount"
        ),
    }


@dataclass(frozen=True)
class InlineForm:
    """A form that opens on the detail page: who may use it, what it saves through, and its fields."""

    action: Action
    service: Callable
    areas: tuple[str, ...]  # the data areas the save changes (so cached reads refresh)
    label_keys: dict[str, str]  # service field -> label key (also names the field in validation errors)
    fields: Callable[[InitiativeDetail, dict[str, str]], dict]  # draws the widgets, returns what was entered


INLINE_FORMS: dict[str, InlineForm] = {
    "check_in": InlineForm(
        Action.CHECK_IN,
        initiative_service.record_check_in,
        ("initiatives", "budget", "kpis"),
        {
            "checkin_date": "programs.checkin.date",
            "health": "programs.field.health",
            "reason": "programs.checkin.reason",
            "progress_pct": "programs.field.progress",
            "summary": "programs.checkin.summary",
            "next_steps": "programs.checkin.next_steps",
            "blocker": "programs.checkin.blocker",
            "override_reason": "health.field.override_reason",
            "spend_cents": "programs.checkin.spend",
            "kpi_id": "programs.checkin.kpi",
            "kpi_value": "programs.checkin.kpi_value",
            "kpi_sample_size": "programs.checkin.kpi_sample_size",
        },
        _check_in_fields,
    ),
    "expense": InlineForm(
        Action.MANAGE_BUDGET,
        budget_service.record_expense,
        ("budget",),
        {
            "spent_on": "programs.expense.date",
            "amount_cents": "programs.expense.amount",
            "category": "programs.expense.category",
            "note": "programs.expense.note",
            "correction_reason": "credit.field.reason",
        },
        _expense_fields,
    ),
    "budget": InlineForm(
        Action.MANAGE_BUDGET,
        budget_service.set_budget_line,
        ("budget",),
        {
            "year": "programs.budget.year",
            "quarter": "programs.budget.quarter",
            "planned_cents": "programs.budget.planned",
        },
        _budget_fields,
    ),
}


def _inline_form(d: InitiativeDetail, name: str, form: InlineForm) -> None:
    """Draw one inline form; after a save close it and rerun, otherwise show what to correct."""
    labels = {field: tr(key) for field, key in form.label_keys.items()}
    with st.form(f"programs_{name}_{d.id}"):
        st.markdown(f"**{tr(f'programs.open.{name}')}**")
        data = form.fields(d, labels)
        submitted = st.form_submit_button(tr("form.save"), type="primary")
    if not submitted:
        return
    result = submit(form.service, areas=form.areas, initiative_id=d.id, data=data)
    if result.ok:
        st.session_state.pop(_flag(name, d.id), None)
        flash(tr("form.saved"))
        st.rerun()
    show_errors(result, labels)


def render_actions(d: InitiativeDetail) -> None:
    """The buttons the acting person may use here, in one row; inline forms open from session-state flags."""
    rel = relations(d)
    row = st.container(horizontal=True, vertical_alignment="center")
    # A button, not a page link: a link sits higher than the buttons beside it and looks like another kind of thing.
    if can(Action.EDIT_INITIATIVE, rel) and row.button(
        tr("programs.edit"), icon=":material/edit:", key="programs_btn_edit"
    ):
        st.switch_page(page_file("initiative-form"), query_params={"id": str(d.id)})
    closed = Status(d.status) in CLOSED_STATUSES
    for name, form in INLINE_FORMS.items():
        if name == "check_in" and closed:
            continue  # finished, rejected or stopped: nothing left to report on
        if can(form.action, rel) and row.button(tr(f"programs.open.{name}"), key=f"programs_btn_{name}"):
            st.session_state[_flag(name, d.id)] = True
    for name, form in INLINE_FORMS.items():
        if st.session_state.get(_flag(name, d.id)):
            _inline_form(d, name, form)
