"""The risks of an initiative (Plan & team tab): score, level (cxgov.rules.risk), mitigation and owner; open
risks first, closed ones folded away; added, changed and closed by who may edit the initiative."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.queries import plan as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.rules.risk import SCALE, risk_level
from cxgov.services import plan as plan_service
from cxgov.ui.kit.initiative_table import HEALTH_TINTS, day_cell, text_cell
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import tr
from cxgov.ui.programs.plan.pieces import AREAS, active_people, done_form, pick, save_change

LEVEL_TINTS = {"high": HEALTH_TINTS["red"], "medium": HEALTH_TINTS["amber"], "low": HEALTH_TINTS["green"]}


def render_risks(d: InitiativeDetail, may_edit: bool) -> None:
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
            tr("plan.col.level"): [tr(f"plan.level.{risk_level(s)}") for s in scores],
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
    tints = [f"background-color: {LEVEL_TINTS[risk_level(s)]}" for s in scores]
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
            SCALE,
            key=f"{key}.probability",
            index=SCALE.index(int(row.probability)) if row is not None else 2,
            help=tr("plan.scale_help"),
        ),
        "impact": right.selectbox(
            tr("plan.field.impact"),
            SCALE,
            key=f"{key}.impact",
            index=SCALE.index(int(row.impact)) if row is not None else 2,
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
    people = active_people()
    with st.expander(tr("plan.risks.change"), icon=":material/warning:"):
        with st.form(f"plan_risk_add_{d.id}", clear_on_submit=True):
            data = _risk_fields(f"plan_risk_new_{d.id}", people)
            if st.form_submit_button(tr("plan.risks.add"), type="primary"):
                save_change(plan_service.add_risk, d, tr("plan.saved"), data=data)
        row = pick(frame, "title", f"plan_risk_pick_{d.id}", "plan.risks.pick")
        if row is None:
            return
        key = f"plan_risk_{row.id}_{row.version}"
        with st.form(f"{key}_edit"):
            data = _risk_fields(key, people | _named_owner(row), row)
            if st.form_submit_button(tr("form.save")):
                save_change(
                    plan_service.update_risk,
                    d,
                    tr("form.saved"),
                    risk_id=int(row.id),
                    seen_version=int(row.version),
                    data=data,
                )
        done_form(key, "closed_on", plan_service.close_risk, d, risk_id=int(row.id), seen_version=int(row.version))


def _named_owner(row) -> dict[int, str]:
    """A deactivated owner stays selectable on the risk they already own (re-saving must not drop them)."""
    return {} if pd.isna(row.owner_id) else {int(row.owner_id): str(row.owner)}
