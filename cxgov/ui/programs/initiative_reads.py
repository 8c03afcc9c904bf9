"""What the initiative pages share: the cached reads of one initiative and of the choices for filters and forms,
the `?id=` of the page, and how the acting person relates to the initiative."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cxgov.models.inputs_rules import id_from_text
from cxgov.queries import initiatives as queries
from cxgov.queries.initiatives import InitiativeDetail
from cxgov.rules.permissions import Relation
from cxgov.ui.frame.acting import acting_person
from cxgov.ui.kit.runtime import READ_AREAS, read
from cxgov.ui.kit.text import tr
from cxgov.ui.navigation import page_file

DETAIL_AREAS = (*READ_AREAS, "kpis")


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


def seen_key(initiative_id: int) -> str:
    """Where the edit form keeps the snapshot (and so the version) the user saw of this initiative."""
    return f"initiative_form_seen_{initiative_id}"


def not_found() -> None:
    """Missing, invalid or unknown `?id=`: say so and link back to the list."""
    st.warning(tr("programs.not_found"), icon=":material/search:")
    st.page_link(page_file("initiatives"), label=tr("programs.back_to_list"), icon=":material/arrow_back:")
