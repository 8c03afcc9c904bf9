"""The dependencies of an initiative (Plan & team tab): what blocks it — flagged when a blocker needs
attention — and what waits for it, each a link to the other initiative."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from cxgov.models import Status
from cxgov.queries import plan as queries
from cxgov.queries.base import NO_UPDATE
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.services import team as team_service
from cxgov.ui.kit.initiative_table import HEALTH_TINTS, day_cell, health_text, text_cell
from cxgov.ui.kit.link_table import TableColumn, link, link_table, text
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import counted, label, tr
from cxgov.ui.programs.plan.pieces import AREAS, ATTENTION_TINT, remove_form, save_change


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


def render_dependencies(d: InitiativeDetail, may_edit: bool) -> None:
    st.subheader(tr("plan.dependencies"))
    today = date.today()
    blockers = read(queries.blocked_by, AREAS, initiative_id=d.id, today=today)
    st.markdown(f"**{tr('plan.blocked_by')}**")
    if blockers.empty:
        st.caption(tr("plan.blocked_by.none"))
    else:
        flagged = [isinstance(f, str) for f in blockers["flag"]]
        if any(flagged):
            st.warning(counted("plan.blocked_by.flagged", sum(flagged)), icon=":material/warning:")
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
                save_change(team_service.add_dependency, d, tr("plan.saved"), data=data)
        current = {int(r.id): r.title for r in blockers.itertuples()}
        remove_form(
            f"plan_dependency_remove_{d.id}",
            current,
            "plan.dependencies.remove",
            team_service.remove_dependency,
            d,
            "blocked_by_id",
        )
