"""The Programs area: the initiatives list with its filters, one initiative's detail with its inline
check-in and budget forms, and the create/edit form that keeps the version the user saw."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date

import pandas as pd
import streamlit as st

from cxgov.models import (
    CLOSED_STATUSES,
    Discipline,
    ExpenseCategory,
    Health,
    Lane,
    Phase,
    Priority,
    Status,
    TaxonomyKind,
)
from cxgov.models.inputs_rules import id_from_text
from cxgov.queries import initiatives as queries
from cxgov.queries.base import HEALTH_ORDER
from cxgov.queries.initiatives import InitiativeDetail, InitiativeFilter
from cxgov.rules.permissions import Action, Relation
from cxgov.services import budget as budget_service
from cxgov.services import initiatives as initiative_service
from cxgov.ui.acting import acting_person, can
from cxgov.ui.health import assessments, derived_codes, override_reason_field, render_health_panel
from cxgov.ui.initiative_table import day_cell, health_text, initiative_table, text_cell
from cxgov.ui.lifecycle import render_status_panel
from cxgov.ui.navigation import page_file
from cxgov.ui.pdca import render_pdca
from cxgov.ui.plan import render_plan_and_team
from cxgov.ui.portfolio import READ_AREAS, read
from cxgov.ui.safe import plain
from cxgov.ui.text import day, label, lang, measure, money, tr
from cxgov.ui.url_filters import UrlFilters, labelled
from cxgov.ui.writes import FLASH_KEY, show_errors, submit

DETAIL_AREAS = (*READ_AREAS, "kpis")


# --- reads ------------------------------------------------------------------------------------------------


def choices() -> dict[str, pd.DataFrame]:
    """People, departments, objectives, journey stages and channels for filters and forms (cached)."""
    return read(queries.choices)


def detail(initiative_id: int) -> InitiativeDetail | None:
    """The cached read model of one initiative."""
    return read(queries.initiative_detail, DETAIL_AREAS, initiative_id=initiative_id)


def requested_id() -> int | None:
    """The `?id=` of the page URL as an id, or None when it is missing or cannot name an initiative."""
    return id_from_text(st.query_params.get("id"))


def relations(d: InitiativeDetail) -> set[Relation]:
    """How the acting person relates to the initiative (decides which buttons to offer)."""
    me = acting_person()
    if me is None:
        return set()
    found = {Relation.OWNER} if d.owner_id == me.id else set()
    found |= {Relation.SPONSOR} if d.sponsor_id == me.id else set()
    return found | ({Relation.MEMBER} if me.id in d.member_ids else set())


def _term_name(row) -> str:
    return row["name_nl"] if lang() == "nl" else row["name_en"]


def _named(frame: pd.DataFrame, name: Callable = lambda r: r["name"]) -> dict[int, str]:
    return {int(r["id"]): name(r) for _, r in frame.iterrows()}


def seen_key(initiative_id: int) -> str:
    """Where the edit form keeps the snapshot (and so the version) the user saw of this initiative."""
    return f"initiative_form_seen_{initiative_id}"


def not_found() -> None:
    """Missing, invalid or unknown `?id=`: say so and link back to the list."""
    st.warning(tr("programs.not_found"), icon=":material/search:")
    st.page_link(page_file("initiatives"), label=tr("programs.back_to_list"), icon=":material/arrow_back:")


# --- the list ---------------------------------------------------------------------------------------------


def _enum_codes(enum_class) -> tuple[list, Callable]:
    return [m.value for m in enum_class], lambda code: label(enum_class(code))


LIST_FILTERS = UrlFilters("programs_list")  # the list's filters and sorting, shared by URL


def _filters(options: dict[str, pd.DataFrame]) -> InitiativeFilter:
    people = options["people"]
    owners = _named(people[people["owns"].astype(bool)])
    departments, objectives = _named(options["departments"]), _named(options["objectives"])
    terms = options["terms"]
    stages = _named(terms[terms["kind"] == TaxonomyKind.JOURNEY_STAGE.value], _term_name)
    channels = _named(terms[terms["kind"] == TaxonomyKind.CHANNEL.value], _term_name)
    text = LIST_FILTERS.search("programs.filter.text", "programs.filter.text_hint")
    row1, row2 = st.columns(5), st.columns(5)
    chosen = {
        "discipline": LIST_FILTERS.pick("programs.field.discipline", "discipline", *_enum_codes(Discipline), row1[0]),
        "status": LIST_FILTERS.pick("programs.field.status", "status", *_enum_codes(Status), row1[1]),
        "phase": LIST_FILTERS.pick("programs.field.phase", "phase", *_enum_codes(Phase), row1[2]),
        "health": LIST_FILTERS.pick("programs.field.health", "health", list(HEALTH_ORDER), health_text, row1[3]),
        "lane": LIST_FILTERS.pick("programs.field.lane", "lane", *_enum_codes(Lane), row1[4]),
        "owner": LIST_FILTERS.pick("programs.field.owner", "owner", list(owners), owners.get, row2[0]),
        "department": LIST_FILTERS.pick(
            "programs.field.owning_department", "department", list(departments), departments.get, row2[1]
        ),
        "objective": LIST_FILTERS.pick(
            "programs.field.objective", "objective", list(objectives), objectives.get, row2[2]
        ),
        "stage": LIST_FILTERS.pick("programs.field.journey_stages", "stage", list(stages), stages.get, row2[3]),
        "channel": LIST_FILTERS.pick("programs.field.channels", "channel", list(channels), channels.get, row2[4]),
    }
    LIST_FILTERS.share({"q": text, **chosen})
    return InitiativeFilter(
        discipline=chosen["discipline"],
        status=chosen["status"],
        phase=chosen["phase"],
        health=chosen["health"],
        lane=chosen["lane"],
        owner_id=chosen["owner"],
        department_id=chosen["department"],
        objective_id=chosen["objective"],
        journey_stage_id=chosen["stage"],
        channel_id=chosen["channel"],
        text=text,
    )


def _sorting() -> tuple[str, bool]:
    left, right = st.columns([3, 1])
    LIST_FILTERS.start_from_url("sort", list(queries.SORTS), default=queries.SORTS[0])
    LIST_FILTERS.start_from_url("desc", [True], default=False)
    sort = left.selectbox(
        tr("programs.sort"),
        list(queries.SORTS),
        key=LIST_FILTERS.key("sort"),
        format_func=labelled({s: tr(f"programs.sort.{s}") for s in queries.SORTS}),
    )
    descending = right.toggle(tr("programs.sort.descending"), key=LIST_FILTERS.key("desc"))
    LIST_FILTERS.share({"sort": None if sort == queries.SORTS[0] else sort, "desc": descending})
    return sort, descending


# Which initiative, how it goes (reported, by the rules, progress), where it stands, who owns it, when it is
# due and the money; the discipline last. Eleven columns fit a 1440 px window beside the sidebar; the owning
# department is a filter above and on the initiative's page.
LIST_COLUMNS = (
    "title",
    "health",
    "derived",
    "progress_pct",
    "status",
    "phase",
    "owner",
    "target_date",
    "planned_cents",
    "actual_cents",
    "discipline",
)


def render_list() -> None:
    """The initiatives page: filters (kept in the URL), sorting, and the table linking to each initiative."""
    st.title(tr("page.initiatives"))
    if can(Action.PROPOSE_INITIATIVE) and st.button(tr("programs.new"), type="primary", icon=":material/add:"):
        st.switch_page(page_file("initiative-form"))
    with st.expander(tr("programs.filters"), expanded=True):
        f = _filters(choices())
    sort, descending = _sorting()
    frame = read(queries.initiative_list, sort=sort, descending=descending, **asdict(f))
    if frame.empty:
        st.info(tr("common.no_results") if f != InitiativeFilter() else tr("programs.list.empty"))
        return
    st.caption(tr("programs.list.count_one") if len(frame) == 1 else tr("programs.list.count", n=len(frame)))
    derived = derived_codes(frame["id"].tolist())
    frame["derived"] = [derived[i] for i in frame["id"]]
    initiative_table(frame, LIST_COLUMNS, key="initiatives_table", caption=tr("page.initiatives"), download=True)


# --- the detail page ------------------------------------------------------------------------------------


def _facts(d: InitiativeDetail) -> list[tuple[str, str]]:
    stages = [t.name_nl if lang() == "nl" else t.name_en for t in d.terms if t.kind == TaxonomyKind.JOURNEY_STAGE]
    channels = [t.name_nl if lang() == "nl" else t.name_en for t in d.terms if t.kind == TaxonomyKind.CHANNEL]
    phase = label(Phase(d.phase)) if d.phase else "—"
    return [
        ("programs.field.owner", d.owner),
        ("programs.field.sponsor", d.sponsor or "—"),
        ("programs.field.owning_department", d.owning_department or "—"),
        ("programs.field.requesting_department", d.requesting_department or "—"),
        ("programs.field.discipline", label(Discipline(d.discipline))),
        ("programs.field.objective", d.objective or "—"),
        ("programs.field.lane", label(Lane(d.lane))),
        ("programs.field.status", label(Status(d.status))),
        ("programs.field.phase", tr("programs.phase_in_cycle", phase=phase, n=d.cycle_number or 1)),
        ("programs.field.priority", label(Priority(d.priority))),
        ("programs.field.start_date", day(d.start_date)),
        ("programs.field.target_date", day(d.target_date)),
        ("programs.field.journey_stages", ", ".join(stages) or "—"),
        ("programs.field.channels", ", ".join(channels) or "—"),
        ("programs.field.project_code", d.project_code or "—"),
    ]


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
        st.session_state[FLASH_KEY] = tr("form.saved")
        st.rerun()
    show_errors(result, labels)


def _actions(d: InitiativeDetail) -> None:
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


def _render_check_ins(initiative_id: int) -> None:
    frame = read(queries.check_ins, DETAIL_AREAS, initiative_id=initiative_id)
    if frame.empty:
        st.caption(tr("programs.checkins.none"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                tr("programs.checkin.date"): [day(v) for v in frame["checkin_date"]],
                tr("programs.field.health"): [health_text(h) for h in frame["health"]],
                tr("programs.checkin.reason"): frame["reason"],
                tr("programs.field.progress"): [
                    text_cell(None if pd.isna(p) else int(p)) for p in frame["progress_pct"]
                ],
                tr("programs.checkin.summary"): frame["summary"],
                tr("programs.checkin.next_steps"): frame["next_steps"],
                tr("programs.checkin.blocker"): [text_cell(v) for v in frame["blocker"]],
                tr("health.col.derived"): [
                    text_cell(v) if pd.isna(v) else label(Health(v)) for v in frame["derived_health"]
                ],
                tr("health.col.override_reason"): [text_cell(v) for v in frame["override_reason"]],
                tr("programs.checkin.author"): frame["author"],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def _render_kpis(initiative_id: int) -> None:
    frame = read(queries.kpi_links, DETAIL_AREAS, initiative_id=initiative_id)
    if frame.empty:
        st.caption(tr("programs.kpis.none"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                tr("programs.kpi.code"): frame["code"],
                tr("programs.kpi.name"): frame["name"],
                tr("programs.kpi.baseline"): [measure(v) for v in frame["baseline"]],
                tr("programs.kpi.target"): [measure(v) for v in frame["target"]],
                tr("programs.kpi.latest"): [measure(v) for v in frame["latest_value"]],
                tr("programs.kpi.latest_period"): [day_cell(v) for v in frame["latest_period"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def _render_budget(d: InitiativeDetail) -> None:
    tiles = st.columns(3)
    tiles[0].metric(tr("programs.col.planned"), money(d.planned_cents))
    tiles[1].metric(tr("programs.col.actual"), money(d.actual_cents))
    tiles[2].metric(tr("programs.budget.variance"), money(d.actual_cents - d.planned_cents))
    quarters = read(queries.budget_by_quarter, DETAIL_AREAS, initiative_id=d.id)
    if not quarters.empty:
        st.dataframe(
            pd.DataFrame(
                {
                    tr("programs.budget.period"): [
                        f"{y} Q{q}" for y, q in zip(quarters["year"], quarters["quarter"], strict=True)
                    ],
                    tr("programs.col.planned"): [money(int(v)) for v in quarters["planned_cents"]],
                    tr("programs.col.actual"): [money(int(v)) for v in quarters["actual_cents"]],
                    tr("programs.budget.variance"): [money(int(v)) for v in quarters["variance_cents"]],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    spent = read(queries.expenses, DETAIL_AREAS, initiative_id=d.id)
    st.markdown(f"**{tr('programs.expenses')}**")
    if spent.empty:
        st.caption(tr("programs.expenses.none"))
        return
    st.dataframe(
        pd.DataFrame(
            {
                tr("programs.expense.date"): [day(v) for v in spent["spent_on"]],
                tr("programs.expense.amount"): [money(int(v)) for v in spent["amount_cents"]],
                tr("programs.expense.category"): [label(ExpenseCategory(c)) for c in spent["category"]],
                tr("programs.expense.note"): [_expense_note(r) for r in spent.itertuples()],
                tr("programs.expense.booked_by"): [text_cell(v) for v in spent["booked_by"]],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def _expense_note(expense) -> str:
    """The note, and for a credit first what it is and why ("Credit: supplier credit note")."""
    if expense.amount_cents >= 0:
        return expense.note
    credit = tr("credit.shown", reason=expense.correction_reason)
    return f"{credit} · {expense.note}" if expense.note else credit


def show_flash() -> None:
    """The toast of the save that led here, once."""
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.toast(message, icon=":material/check_circle:")


def render_detail() -> None:
    """One initiative, reached by `?id=`: facts, reported health, actions, check-ins, KPIs and budget."""
    show_flash()
    initiative_id = requested_id()
    d = detail(initiative_id) if initiative_id is not None else None
    if d is None:
        st.title(tr("page.initiative"))
        not_found()
        return
    st.session_state.pop(seen_key(d.id), None)  # the next edit starts from what is stored then
    st.title(plain(d.title))
    st.page_link(page_file("initiatives"), label=tr("programs.back_to_list"), icon=":material/arrow_back:")
    render_health_panel(
        d.health,
        d.checkin_date,
        d.reason,
        assessments([d.id]).get(d.id),
        read(queries.check_ins, DETAIL_AREAS, initiative_id=d.id),
    )
    st.progress(d.progress_pct / 100, text=tr("programs.progress", pct=d.progress_pct))
    _actions(d)
    render_status_panel(d, relations(d))
    left, right = st.columns(2)
    for i, (key, value) in enumerate(_facts(d)):
        (left if i % 2 == 0 else right).markdown(f"**{tr(key)}:** {plain(value)}")
    st.subheader(tr("programs.field.description"))
    st.markdown(plain(d.description) if d.description else f"*{tr('programs.no_description')}*")
    pdca_tab, plan_tab, checkins_tab, kpis_tab, budget_tab = st.tabs(
        [
            tr("programs.tab.pdca"),
            tr("programs.tab.plan"),
            tr("programs.tab.check_ins"),
            tr("programs.tab.kpis"),
            tr("programs.tab.budget"),
        ]
    )
    may_edit = can(Action.EDIT_INITIATIVE, relations(d))
    with pdca_tab:
        render_pdca(d, may_edit=may_edit)
    with plan_tab:
        render_plan_and_team(d, may_edit=may_edit)
    with checkins_tab:
        _render_check_ins(d.id)
    with kpis_tab:
        _render_kpis(d.id)
    with budget_tab:
        _render_budget(d)
