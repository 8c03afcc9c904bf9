"""Governance → Decisions: the register of every decision of the governance bodies, newest first, filtered by
kind, status, body and initiative (kept in the URL); one decision at a time with its rationale and its chain
both ways (what it supersedes, what superseded or reversed it). Read-only for everyone: a decision is corrected
by a later one, never edited."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models import DecisionKind, DecisionStatus
from cxgov.models.inputs_rules import id_from_text
from cxgov.queries.decisions import decision_register
from cxgov.ui.kit.initiative_table import day_cell, text_cell
from cxgov.ui.kit.link_table import TableColumn, link, link_table, text
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import counted, label, labelled, tr
from cxgov.ui.kit.url_filters import UrlFilters
from cxgov.ui.navigation import page_file

REGISTER_AREAS = ("meetings", "initiatives", "kpis", "people")
FILTERS = UrlFilters("decisions")
DECISION_PARAM = "id"  # the decision shown below the register: `decisions?id=12` links to one decision
STATUS_TINTS = {DecisionStatus.SUPERSEDED.value: "#eceff1", DecisionStatus.REVERSED.value: "#f8d7d7"}


def register() -> pd.DataFrame:
    return read(decision_register, REGISTER_AREAS)


def _choices(frame: pd.DataFrame) -> tuple[list[str], dict[int, str]]:
    bodies = sorted(set(frame["body"]))
    named = frame.dropna(subset=["initiative_id"]).drop_duplicates("initiative_id")
    return bodies, {int(r["initiative_id"]): str(r["initiative_title"]) for _, r in named.iterrows()}


def _filtered(frame: pd.DataFrame) -> pd.DataFrame:
    bodies, initiatives = _choices(frame)
    kinds, statuses = [k.value for k in DecisionKind], [s.value for s in DecisionStatus]
    columns = st.columns(4)
    chosen = {
        "kind": FILTERS.pick("decisions.filter.kind", "kind", kinds, lambda k: label(DecisionKind(k)), columns[0]),
        "status": FILTERS.pick(
            "decisions.filter.status", "status", statuses, lambda s: label(DecisionStatus(s)), columns[1]
        ),
        "body": FILTERS.pick("decisions.filter.body", "body", bodies, str, columns[2]),
        "initiative": FILTERS.pick(
            "decisions.filter.initiative", "initiative", list(initiatives), initiatives.get, columns[3]
        ),
    }
    FILTERS.share(chosen)
    keep = pd.Series(True, index=frame.index)
    for column, param in (("kind", "kind"), ("status", "status"), ("body", "body"), ("initiative_id", "initiative")):
        if chosen[param] is not None:
            keep &= (frame[column] == chosen[param]).fillna(False).astype(bool)  # a missing id matches nothing
    return frame[keep]


def render_register() -> None:
    """The register with its filters, and the decision chosen below it."""
    st.title(tr("page.decisions"))
    st.caption(tr("decisions.subtitle"))
    frame = register()
    if frame.empty:
        st.info(tr("decisions.none"), icon=":material/gavel:")
        return
    shown = _filtered(frame)
    if shown.empty:
        st.info(tr("common.no_results"))
        return
    st.caption(counted("decisions.count", len(shown)))
    _table(shown)
    _chosen(frame, shown)


def _table(frame: pd.DataFrame) -> None:
    columns = [
        TableColumn(tr("decisions.col.id")),
        TableColumn(tr("decisions.col.decided_on"), "date"),
        TableColumn(tr("decisions.col.body")),
        TableColumn(tr("decisions.col.kind")),
        TableColumn(tr("decisions.col.text"), "long"),
        TableColumn(tr("decisions.col.initiative"), "link"),
        TableColumn(tr("decisions.col.status"), "tint"),
        TableColumn(tr("decisions.col.review_on"), "date"),
        TableColumn(tr("decisions.col.meeting"), "link"),
    ]
    rows = [
        [
            text(f"#{int(d['id'])}"),
            text(day_cell(d["decided_on"])),
            text(d["body"]),
            text(label(DecisionKind(d["kind"]))),
            text(d["text"]),
            _initiative_cell(d),
            text(label(DecisionStatus(d["status"])), tint=STATUS_TINTS.get(d["status"])),
            text(day_cell(d["review_on"])),
            link(text_cell(d["meeting_quarter"]), "meeting", int(d["meeting_id"]))
            if not pd.isna(d["meeting_id"])
            else text("—"),
        ]
        for _, d in frame.iterrows()
    ]
    link_table(columns, rows, caption=tr("page.decisions"), key="decisions_register")


def _initiative_cell(d: pd.Series) -> dict:
    if pd.isna(d["initiative_id"]):
        return text("—")
    return link(text_cell(d["initiative_title"]), "initiative", int(d["initiative_id"]))


def _chosen(frame: pd.DataFrame, shown: pd.DataFrame) -> None:
    ids = [int(i) for i in shown["id"]]
    asked = st.query_params.get(DECISION_PARAM)
    if asked is not None and id_from_text(asked) not in ids:  # a link to a decision that is not (or not here)
        st.warning(tr("decisions.not_found"), icon=":material/search:")
    if st.session_state.get(FILTERS.key(DECISION_PARAM)) not in [None, *ids]:  # filtered out of the list
        del st.session_state[FILTERS.key(DECISION_PARAM)]
    FILTERS.start_from_url(DECISION_PARAM, ids)
    # Number, kind and day: the decision's own words stay in the table (an option would show markup as typed).
    names = {
        i: f"#{i} · {label(DecisionKind(k))} · {day_cell(d)}"
        for i, k, d in zip(ids, shown["kind"], shown["decided_on"], strict=True)
    }
    chosen = st.selectbox(
        tr("decisions.show"),
        [None, *ids],
        key=FILTERS.key(DECISION_PARAM),
        format_func=labelled({None: tr("decisions.show_none")} | names),
    )
    FILTERS.share({DECISION_PARAM: chosen})
    if chosen is not None:
        render_decision(frame.set_index("id"), chosen)


def chain(by_id: pd.DataFrame, decision_id: int) -> tuple[list[int], list[int]]:
    """The decisions `decision_id` supersedes, nearest first, and those that came after it, nearest first."""
    earlier, later = [], []
    current = by_id.loc[decision_id, "supersedes_id"]
    while not pd.isna(current) and int(current) in by_id.index and int(current) not in earlier:
        earlier.append(int(current))
        current = by_id.loc[int(current), "supersedes_id"]
    current = by_id.loc[decision_id, "superseded_by_id"]
    while not pd.isna(current) and int(current) in by_id.index and int(current) not in later:
        later.append(int(current))
        current = by_id.loc[int(current), "superseded_by_id"]
    return earlier, later


def _named(by_id: pd.DataFrame, decision_id: int) -> str:
    """'#4 (Approve, 12 Mar 2026): the decision's text' — its number, kind and day, then its words as text."""
    d = by_id.loc[decision_id]
    return f"#{decision_id} ({label(DecisionKind(d['kind']))}, {day_cell(d['decided_on'])}): {plain(d['text'][:80])}"


def render_decision(by_id: pd.DataFrame, decision_id: int) -> None:
    """One decision: what, why, by whom, and its chain both ways."""
    d = by_id.loc[decision_id]
    with st.container(border=True):
        st.subheader(
            tr("decisions.heading", id=decision_id, kind=label(DecisionKind(d["kind"])), day=day_cell(d["decided_on"]))
        )
        st.markdown(plain(d["text"]))
        st.markdown(f"**{tr('decisions.rationale')}:** " + (plain(d["rationale"]) if d["rationale"] else "—"))
        st.markdown(
            tr(
                "decisions.who",
                body=plain(d["body"]),
                chair=plain(text_cell(d["chair"])),
                recorder=plain(text_cell(d["recorded_by"])),
                status=label(DecisionStatus(d["status"])),
            )
        )
        if not pd.isna(d["kpi_id"]):
            st.markdown(f"**{tr('decisions.kpi')}:** {plain(d['kpi_name'])}")
        if not pd.isna(d["review_on"]):
            st.markdown(f"**{tr('decisions.col.review_on')}:** {day_cell(d['review_on'])}")
        if not pd.isna(d["new_target_date"]):
            st.markdown(f"**{tr('decisions.new_target_date')}:** {day_cell(d['new_target_date'])}")
        earlier, later = chain(by_id, decision_id)
        for i in earlier:
            st.markdown(tr("decisions.chain.supersedes", entry=_named(by_id, i)))
        for previous, i in zip([decision_id, *later], later, strict=False):
            undoes = by_id.loc[previous, "status"] == DecisionStatus.REVERSED.value
            st.markdown(
                tr("decisions.chain.reversed_by" if undoes else "decisions.chain.superseded_by", entry=_named(by_id, i))
            )
        _links(d)


def _links(d: pd.Series) -> None:
    row = st.container(horizontal=True)
    if not pd.isna(d["initiative_id"]):
        row.page_link(
            page_file("initiative"),
            label=tr("decisions.open_initiative"),
            icon=":material/article:",
            query_params={"id": str(int(d["initiative_id"]))},
        )
    if not pd.isna(d["meeting_id"]):
        row.page_link(
            page_file("meeting"),
            label=tr("decisions.open_meeting"),
            icon=":material/groups:",
            query_params={"id": str(int(d["meeting_id"]))},
        )
