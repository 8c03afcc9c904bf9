"""Programs → Initiatives: every initiative, filtered (shareable through the URL) and sorted, linking to its page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

import pandas as pd
import streamlit as st

from cxgov.models import Discipline, Lane, Phase, Status, TaxonomyKind
from cxgov.queries import initiatives as queries
from cxgov.queries.base import HEALTH_ORDER
from cxgov.queries.initiatives import InitiativeFilter
from cxgov.rules.permissions import Action
from cxgov.ui.frame.acting import can
from cxgov.ui.kit.initiative_table import health_text, initiative_table
from cxgov.ui.kit.pickers import named
from cxgov.ui.kit.runtime import read
from cxgov.ui.kit.text import counted, label, labelled, term_name, tr
from cxgov.ui.kit.url_filters import UrlFilters
from cxgov.ui.navigation import page_file
from cxgov.ui.programs.health import derived_codes
from cxgov.ui.programs.initiative_reads import choices


def _enum_codes(enum_class) -> tuple[list, Callable]:
    return [m.value for m in enum_class], lambda code: label(enum_class(code))


LIST_FILTERS = UrlFilters("programs_list")  # the list's filters and sorting, shared by URL


def _filters(options: dict[str, pd.DataFrame]) -> InitiativeFilter:
    people = options["people"]
    owners = named(people[people["owns"].astype(bool)])
    departments, objectives = named(options["departments"]), named(options["objectives"])
    terms = options["terms"]
    stages = named(terms[terms["kind"] == TaxonomyKind.JOURNEY_STAGE.value], term_name)
    channels = named(terms[terms["kind"] == TaxonomyKind.CHANNEL.value], term_name)
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
    st.caption(counted("programs.list.count", len(frame)))
    derived = derived_codes(frame["id"].tolist())
    frame["derived"] = [derived[i] for i in frame["id"]]
    initiative_table(frame, LIST_COLUMNS, key="initiatives_table", caption=tr("page.initiatives"), download=True)
