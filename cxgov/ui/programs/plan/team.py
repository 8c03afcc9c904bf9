"""The team of an initiative (Plan & team tab): who works on it in which role; members added and removed by
who may edit the initiative."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.queries import plan as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.services import team as team_service
from cxgov.ui.kit.initiative_table import text_cell
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import tr
from cxgov.ui.programs.plan.pieces import AREAS, active_people, remove_form, save_change


def render_team(d: InitiativeDetail, may_edit: bool) -> None:
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
    candidates = {k: v for k, v in active_people().items() if k not in members}
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
                save_change(team_service.add_team_member, d, tr("plan.saved"), data=data)
        remove_form(
            f"plan_member_remove_{d.id}", members, "plan.team.remove", team_service.remove_team_member, d, "person_id"
        )
