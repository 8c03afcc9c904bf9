"""The "Plan & team" tab of the initiative page (milestones, risks, dependencies, team) and the actions of the
open cycle's plan in the PDCA record. Everyone reads; who may change the plan gets the forms below each list.

Each change is one service call through `submit` with the version of the row the user saw.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from cxgov.models import Status
from cxgov.queries import initiatives as initiative_queries
from cxgov.queries import plan as queries
from cxgov.queries.base import NO_UPDATE
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.services import plan as plan_service
from cxgov.services import team as team_service
from cxgov.ui.initiative_table import HEALTH_TINTS, day_cell, health_text, text_cell
from cxgov.ui.link_table import TableColumn, link, link_table, text
from cxgov.ui.past_dates import past_dates_confirmed
from cxgov.ui.portfolio import read
from cxgov.ui.text import label, money, tr
from cxgov.ui.writes import FLASH_KEY, show_errors, submit

AREAS = ("initiatives", "people")  # the plan lives with the initiative; names come from people
WRITES = ("initiatives",)
FIELDS = (
    "title",
    "due_on",
    "done_on",
    "probability",
    "impact",
    "mitigation",
    "owner_id",
    "closed_on",
    "description",
    "cost_cents",
    "blocked_by_id",
    "note",
    "person_id",
    "role_on_initiative",
)
# Risk score bands of the usual 5 × 5 matrix: 1–4 low, 5–9 medium, 10–25 high (tinted like RAG health).
RISK_BANDS = (
    (10, "high", HEALTH_TINTS["red"]),
    (5, "medium", HEALTH_TINTS["amber"]),
    (1, "low", HEALTH_TINTS["green"]),
)
ATTENTION_TINT = HEALTH_TINTS["red"]
LEVELS = (1, 2, 3, 4, 5)


def render_plan_and_team(d: InitiativeDetail, may_edit: bool) -> None:
    """The tab: milestones, risks, dependencies and team; with forms when `may_edit`."""
    _milestones(d, may_edit)
    _risks(d, may_edit)
    _dependencies(d, may_edit)
    _team(d, may_edit)


# --- milestones ---------------------------------------------------------------------------------------------


def _milestones(d: InitiativeDetail, may_edit: bool) -> None:
    st.subheader(tr("plan.milestones"))
    frame = read(queries.milestones, AREAS, initiative_id=d.id, today=date.today())
    if frame.empty:
        st.caption(tr("plan.milestones.none"))
    else:
        late = int(frame["overdue"].sum())
        if late:
            st.warning(tr(f"plan.milestones.overdue_count.{min(late, 2)}", n=late), icon=":material/schedule:")
        table = pd.DataFrame(
            {
                tr("plan.field.title"): frame["title"],
                tr("plan.field.due_on"): [day_cell(v) for v in frame["due_on"]],
                tr("plan.col.state"): _states(frame),
                tr("plan.field.done_on"): [day_cell(v) for v in frame["done_on"]],
            }
        )
        _show(table, frame["overdue"].tolist(), tr("plan.col.state"))
    if may_edit:
        _milestone_forms(d, frame)


def _states(frame: pd.DataFrame) -> list[str]:
    """Done, overdue or open, for each row of a frame with `done_on` and `overdue`."""
    return [
        tr("plan.state.done")
        if done is not None and not pd.isna(done)
        else tr("plan.state.overdue")
        if overdue
        else tr("plan.state.open")
        for done, overdue in zip(frame["done_on"], frame["overdue"], strict=True)
    ]


def _milestone_forms(d: InitiativeDetail, frame: pd.DataFrame) -> None:
    with st.expander(tr("plan.milestones.change"), icon=":material/flag:"):
        _add_form(d, f"plan_milestone_new_{d.id}", "plan.milestones.add", _milestone_fields, plan_service.add_milestone)
        _change_or_finish(
            d,
            frame,
            "milestone",
            "title",
            _milestone_fields,
            plan_service.update_milestone,
            plan_service.complete_milestone,
            "milestone_id",
        )


def _milestone_fields(key: str, row=None) -> dict:
    """The title and due date of a milestone; empty for a new one, else as stored in `row`."""
    return {
        "title": st.text_input(tr("plan.field.title"), value="" if row is None else row.title, key=f"{key}_title"),
        "due_on": st.date_input(
            tr("plan.field.due_on"), value=None if row is None else row.due_on, format="DD-MM-YYYY", key=f"{key}_due_on"
        ),
    }


# --- risks --------------------------------------------------------------------------------------------------


def _band(score: int) -> tuple[str, str]:
    return next((name, tint) for floor, name, tint in RISK_BANDS if score >= floor)


def _risks(d: InitiativeDetail, may_edit: bool) -> None:
    st.subheader(tr("plan.risks"))
    frame = read(queries.risks, AREAS, initiative_id=d.id)
    open_risks, closed = frame[frame["closed_on"].isna()], frame[frame["closed_on"].notna()]
    if open_risks.empty:
        st.caption(tr("plan.risks.none"))
    else:
        _risk_table(open_risks)
    if not closed.empty:
        with st.expander(tr("plan.risks.closed", n=len(closed))):
            _risk_table(closed, closed=True)
    if may_edit:
        _risk_forms(d, open_risks)


def _risk_table(frame: pd.DataFrame, closed: bool = False) -> None:
    scores = [int(s) for s in frame["score"]]
    table = pd.DataFrame(
        {
            tr("plan.col.score"): scores,
            tr("plan.col.level"): [tr(f"plan.level.{_band(s)[0]}") for s in scores],
            tr("plan.field.title"): frame["title"],
            tr("plan.col.p_x_i"): [
                f"{int(p)} × {int(i)}" for p, i in zip(frame["probability"], frame["impact"], strict=True)
            ],
            tr("plan.field.mitigation"): [text_cell(v) for v in frame["mitigation"]],
            tr("plan.field.owner_id"): [text_cell(v) for v in frame["owner"]],
        }
    )
    if closed:
        table[tr("plan.field.closed_on")] = [day_cell(v) for v in frame["closed_on"]]
    tints = [f"background-color: {_band(s)[1]}" for s in scores]
    styled = table.style.apply(lambda _column: tints, subset=[tr("plan.col.score"), tr("plan.col.level")])
    st.dataframe(styled, hide_index=True, width="stretch")


def _risk_fields(key: str, people: dict[int, str], row=None) -> dict:
    owners = [None, *people]
    current = None if row is None or pd.isna(row.owner_id) else int(row.owner_id)
    # The title first: a row of columns is placed where it is created, so it is created after the title.
    title = st.text_input(tr("plan.field.title"), value="" if row is None else row.title, key=f"{key}.title")
    left, right, owner = st.columns([1, 1, 2])
    return {
        "title": title,
        "probability": left.selectbox(
            tr("plan.field.probability"),
            LEVELS,
            key=f"{key}.probability",
            index=LEVELS.index(int(row.probability)) if row is not None else 2,
            help=tr("plan.scale_help"),
        ),
        "impact": right.selectbox(
            tr("plan.field.impact"),
            LEVELS,
            key=f"{key}.impact",
            index=LEVELS.index(int(row.impact)) if row is not None else 2,
            help=tr("plan.scale_help"),
        ),
        "owner_id": owner.selectbox(
            tr("plan.field.owner_id"),
            owners,
            key=f"{key}.owner",
            index=owners.index(current) if current in owners else 0,
            format_func=({None: "—"} | people).__getitem__,
        ),
        "mitigation": st.text_area(
            tr("plan.field.mitigation"), value="" if row is None else row.mitigation, height=70, key=f"{key}.mitigation"
        ),
    }


def _risk_forms(d: InitiativeDetail, frame: pd.DataFrame) -> None:
    people = _active_people()
    with st.expander(tr("plan.risks.change"), icon=":material/warning:"):
        with st.form(f"plan_risk_add_{d.id}", clear_on_submit=True):
            data = _risk_fields(f"plan_risk_new_{d.id}", people)
            if st.form_submit_button(tr("plan.risks.add"), type="primary"):
                _save(plan_service.add_risk, d, tr("plan.saved"), data=data)
        row = _pick(frame, "title", f"plan_risk_pick_{d.id}", "plan.risks.pick")
        if row is None:
            return
        key = f"plan_risk_{row.id}_{row.version}"
        with st.form(f"{key}_edit"):
            data = _risk_fields(key, people | _named_owner(row), row)
            if st.form_submit_button(tr("form.save")):
                _save(
                    plan_service.update_risk,
                    d,
                    tr("form.saved"),
                    risk_id=int(row.id),
                    seen_version=int(row.version),
                    data=data,
                )
        _done_form(key, "closed_on", plan_service.close_risk, d, risk_id=int(row.id), seen_version=int(row.version))


def _named_owner(row) -> dict[int, str]:
    """A deactivated owner stays selectable on the risk they already own (re-saving must not drop them)."""
    return {} if pd.isna(row.owner_id) else {int(row.owner_id): str(row.owner)}


# --- dependencies -------------------------------------------------------------------------------------------


def _other(r) -> tuple[dict, dict, dict, dict]:
    """The other initiative of a dependency: its link, status, target date and the dependency's note."""
    return (
        link(r.title, "initiative", int(r.id)),
        text(label(Status(r.status))),
        text(day_cell(r.target_date)),
        text(text_cell(r.note)),
    )


def _blocker_rows(frame: pd.DataFrame, flagged: list[bool]) -> list[list[dict]]:
    """Per blocker: link, why it needs attention (tinted), status, health (tinted), target date, note."""
    rows = []
    for r, attention in zip(frame.itertuples(), flagged, strict=True):
        title, status, target, note = _other(r)
        health = r.health if isinstance(r.health, str) else NO_UPDATE
        rows.append(
            [
                title,
                text(tr(f"plan.flag.{r.flag}"), tint=ATTENTION_TINT) if attention else text("—"),
                status,
                text(health_text(health), tint=HEALTH_TINTS[health]),
                target,
                note,
            ]
        )
    return rows


def _dependency_columns(*middle: TableColumn) -> list[TableColumn]:
    """The initiative, `middle`, then the target date and the note."""
    return [
        TableColumn(tr("plan.col.initiative"), "link"),
        *middle,
        TableColumn(tr("portfolio.col.target"), "date"),
        TableColumn(tr("plan.field.note"), "long"),
    ]


def _dependencies(d: InitiativeDetail, may_edit: bool) -> None:
    st.subheader(tr("plan.dependencies"))
    today = date.today()
    blockers = read(queries.blocked_by, AREAS, initiative_id=d.id, today=today)
    st.markdown(f"**{tr('plan.blocked_by')}**")
    if blockers.empty:
        st.caption(tr("plan.blocked_by.none"))
    else:
        flagged = [isinstance(f, str) for f in blockers["flag"]]
        if any(flagged):
            st.warning(tr(f"plan.blocked_by.flagged.{min(sum(flagged), 2)}", n=sum(flagged)), icon=":material/warning:")
        columns = _dependency_columns(
            TableColumn(tr("plan.col.attention"), "tint"),
            TableColumn(tr("portfolio.col.status")),
            TableColumn(tr("portfolio.col.health"), "tint"),
        )
        link_table(
            columns, _blocker_rows(blockers, flagged), caption=tr("plan.blocked_by"), key=f"plan_blocked_by_{d.id}"
        )
    waiting = read(queries.blocking, AREAS, initiative_id=d.id)
    st.markdown(f"**{tr('plan.blocking')}**")
    if waiting.empty:
        st.caption(tr("plan.blocking.none"))
    else:
        link_table(
            _dependency_columns(TableColumn(tr("portfolio.col.status"))),
            [list(_other(r)) for r in waiting.itertuples()],
            caption=tr("plan.blocking"),
            key=f"plan_blocking_{d.id}",
        )
    if may_edit:
        _dependency_forms(d, blockers)


def _dependency_forms(d: InitiativeDetail, blockers: pd.DataFrame) -> None:
    others = read(queries.initiative_choices, AREAS, initiative_id=d.id)
    taken = set(blockers["id"].tolist())
    names = {int(r.id): r.title for r in others.itertuples() if r.id not in taken}
    with st.expander(tr("plan.dependencies.change"), icon=":material/link:"):
        with st.form(f"plan_dependency_add_{d.id}", clear_on_submit=True):
            data = {
                "blocked_by_id": st.selectbox(
                    tr("plan.field.blocked_by_id"),
                    list(names),
                    index=None,
                    format_func=names.__getitem__,
                    key=f"plan_dependency_new_{d.id}",
                    placeholder=tr("plan.choose"),
                ),
                "note": st.text_input(tr("plan.field.note"), key=f"plan_dependency_note_{d.id}"),
            }
            if st.form_submit_button(tr("plan.dependencies.add"), type="primary"):
                _save(team_service.add_dependency, d, tr("plan.saved"), data=data)
        current = {int(r.id): r.title for r in blockers.itertuples()}
        _remove_form(
            f"plan_dependency_remove_{d.id}",
            current,
            "plan.dependencies.remove",
            team_service.remove_dependency,
            d,
            "blocked_by_id",
        )


# --- team ---------------------------------------------------------------------------------------------------


def _team(d: InitiativeDetail, may_edit: bool) -> None:
    st.subheader(tr("plan.team"))
    frame = read(queries.team, AREAS, initiative_id=d.id)
    if frame.empty:
        st.caption(tr("plan.team.none"))
    else:
        st.dataframe(
            pd.DataFrame(
                {
                    tr("plan.col.name"): [
                        n if a else tr("plan.team.inactive", name=n)
                        for n, a in zip(frame["name"], frame["active"], strict=True)
                    ],
                    tr("plan.field.role_on_initiative"): [text_cell(v) for v in frame["role_on_initiative"]],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    if not may_edit:
        return
    members = {int(r.person_id): r.name for r in frame.itertuples()}
    candidates = {k: v for k, v in _active_people().items() if k not in members}
    with st.expander(tr("plan.team.change"), icon=":material/group:"):
        with st.form(f"plan_member_add_{d.id}", clear_on_submit=True):
            person, role = st.columns([1, 1])
            data = {
                "person_id": person.selectbox(
                    tr("plan.field.person_id"),
                    list(candidates),
                    index=None,
                    format_func=candidates.__getitem__,
                    key=f"plan_member_new_{d.id}",
                    placeholder=tr("plan.choose"),
                ),
                "role_on_initiative": role.text_input(
                    tr("plan.field.role_on_initiative"),
                    key=f"plan_member_role_{d.id}",
                    placeholder=tr("plan.role_hint"),
                ),
            }
            if st.form_submit_button(tr("plan.team.add"), type="primary"):
                _save(team_service.add_team_member, d, tr("plan.saved"), data=data)
        _remove_form(
            f"plan_member_remove_{d.id}", members, "plan.team.remove", team_service.remove_team_member, d, "person_id"
        )


# --- the plan of the open cycle (shown in the PDCA record) --------------------------------------------------


def render_plan_actions(d: InitiativeDetail, cycle_id: int, may_edit: bool) -> None:
    """The actions of the cycle's plan (what, who, by when, cost, done); add and mark done when `may_edit`."""
    st.markdown(f"**{tr('plan.actions')}**")
    frame = read(queries.plan_actions, AREAS, cycle_id=cycle_id, today=date.today())
    if frame.empty:
        st.caption(tr("plan.actions.none"))
    else:
        costs = [None if pd.isna(c) else int(c) for c in frame["cost_cents"]]
        table = pd.DataFrame(
            {
                tr("plan.field.description"): frame["description"],
                tr("plan.field.owner_id"): [text_cell(v) for v in frame["owner"]],
                tr("plan.field.due_on"): [day_cell(v) for v in frame["due_on"]],
                tr("plan.field.cost_cents"): [money(c) for c in costs],
                tr("plan.col.state"): _states(frame),
            }
        )
        _show(table, frame["overdue"].tolist(), tr("plan.col.state"))
        done = int(frame["done_on"].notna().sum())
        st.caption(tr("plan.actions.summary", done=done, total=len(frame), cost=money(sum(c or 0 for c in costs))))
    if may_edit:
        _action_forms(d, frame)


def _action_fields(key: str, people: dict[int, str], row=None) -> dict:
    """What, who, by when and the cost of a plan action; empty for a new one, else as stored in `row`."""
    what, who = st.columns([2, 1])
    when, cost = st.columns([1, 1])
    owner = None if row is None or pd.isna(row.owner_id) else int(row.owner_id)
    cents = None if row is None or pd.isna(row.cost_cents) else int(row.cost_cents)
    return {
        "description": what.text_input(
            tr("plan.field.description"), value="" if row is None else row.description, key=f"{key}_description"
        ),
        "owner_id": who.selectbox(
            tr("plan.field.owner_id"),
            list(people),
            format_func=people.__getitem__,
            index=list(people).index(owner) if owner in people else None,
            key=f"{key}_owner",
            placeholder=tr("plan.choose"),
        ),
        "due_on": when.date_input(
            tr("plan.field.due_on"),
            format="DD-MM-YYYY",
            key=f"{key}_due",
            value=None if row is None or pd.isna(row.due_on) else row.due_on,
        ),
        # Typed back as the amount in euros with a decimal point, which the money parser reads unambiguously.
        "cost_cents": cost.text_input(
            tr("plan.field.cost_cents"),
            placeholder=tr("programs.amount_hint"),
            value="" if cents is None else f"{cents / 100:.2f}",
            key=f"{key}_cost",
        ),
    }


def _action_forms(d: InitiativeDetail, frame: pd.DataFrame) -> None:
    people = _active_people()
    with st.expander(tr("plan.actions.change"), icon=":material/checklist:"):
        _add_form(
            d,
            f"plan_action_new_{d.id}",
            "plan.actions.add",
            lambda key: _action_fields(key, people),
            plan_service.add_plan_action,
        )
        _change_or_finish(
            d,
            frame,
            "action",
            "description",
            lambda key, row: _action_fields(key, people, row),
            plan_service.update_plan_action,
            plan_service.complete_plan_action,
            "action_id",
        )


# --- shared pieces ------------------------------------------------------------------------------------------


def _show(table: pd.DataFrame, attention: list[bool], column: str) -> None:
    """A table whose `column` is tinted where `attention` (overdue) holds."""
    tints = [f"background-color: {ATTENTION_TINT}" if a else "" for a in attention]
    styled = table.style.apply(lambda _column: tints, subset=[column])
    st.dataframe(styled, hide_index=True, width="stretch")


def _active_people() -> dict[int, str]:
    people = read(initiative_queries.choices)["people"]
    return {int(r.id): r.name for r in people.itertuples() if r.active}


def _change_or_finish(
    d: InitiativeDetail,
    frame: pd.DataFrame,
    kind: str,
    title_column: str,
    fields: Callable[[str, object], dict],
    update: Callable,
    complete: Callable,
    id_param: str,
) -> None:
    """Pick an open milestone or action, then change it or mark it done, both against the version shown."""
    row = _pick(frame[frame["done_on"].isna()], title_column, f"plan_{kind}_pick_{d.id}", f"plan.{kind}s.pick")
    if row is None:
        return
    key = f"plan_{kind}_{row.id}_{row.version}"  # a new version starts from what is stored then
    ids = {id_param: int(row.id), "seen_version": int(row.version)}
    with st.form(f"{key}_edit"):
        data = fields(f"{key}_edit", row)
        submitted = st.form_submit_button(tr("form.save"))
        if _due_date_confirmed(f"{key}_edit", submitted, data, None if pd.isna(row.due_on) else row.due_on):
            _save(update, d, tr("form.saved"), data=data, **ids)
    _done_form(key, "done_on", complete, d, **ids)


def _add_form(d: InitiativeDetail, key: str, button_key: str, fields: Callable[[str], dict], service: Callable) -> None:
    """A form adding a row, its inputs keyed `{key}_…`: kept as typed while a due date in the past waits for
    confirmation, empty again once saved."""
    with st.form(f"{key}_form"):
        data = fields(key)
        submitted = st.form_submit_button(tr(button_key), type="primary")
        if _due_date_confirmed(key, submitted, data):
            _save(service, d, tr("plan.saved"), data=data, clear=key)


def _due_date_confirmed(key: str, submitted: bool, data: dict, stored=None) -> bool:
    """A due date moved into the past is saved only once the person confirms it."""
    return past_dates_confirmed(key, submitted, {tr("plan.field.due_on"): (data.get("due_on"), stored)})


def _pick(frame: pd.DataFrame, title_column: str, key: str, label_key: str):
    """Choose one row of `frame` to change (None when there is none); the choice redraws the forms below."""
    if frame.empty:
        return None
    names = {int(r.id): getattr(r, title_column) for r in frame.itertuples()}
    chosen = st.selectbox(tr(label_key), list(names), format_func=names.__getitem__, key=key)
    return next(r for r in frame.itertuples() if int(r.id) == chosen)


def _done_form(key: str, field: str, service: Callable, d: InitiativeDetail, **kwargs) -> None:
    """Mark the chosen row done (or closed) on a date, today by default."""
    with st.form(f"{key}_{field}"):
        when = st.date_input(tr(f"plan.field.{field}"), value=date.today(), format="DD-MM-YYYY", key=f"{key}.{field}")
        if st.form_submit_button(tr(f"plan.mark.{field}")):
            _save(service, d, tr("form.saved"), **{field: when}, **kwargs)


def _remove_form(
    key: str, options: dict[int, str], label_key: str, service: Callable, d: InitiativeDetail, argument: str
) -> None:
    if not options:
        return
    with st.form(key):
        chosen = st.selectbox(tr(label_key), list(options), format_func=options.__getitem__, key=f"{key}.choice")
        if st.form_submit_button(tr(label_key)):
            _save(service, d, tr("plan.removed"), **{argument: chosen})


def _save(service: Callable, d: InitiativeDetail, message: str, clear: str | None = None, **kwargs) -> None:
    """One change as one write unit; after it the page reruns with `message` (and the inputs keyed `{clear}_…`
    empty), else the form says what to fix."""
    result = submit(service, areas=WRITES, initiative_id=d.id, **kwargs)
    if result.ok:
        st.session_state[FLASH_KEY] = message
        for name in [name for name in st.session_state if clear and str(name).startswith(f"{clear}_")]:
            del st.session_state[name]
        st.rerun()
    show_errors(result, {name: tr(f"plan.field.{name}") for name in FIELDS})
