"""The offer on an empty portfolio: load the Voltera demo portfolio in one click (or see the CLI command)."""
from __future__ import annotations

import streamlit as st

from cxgov.db import session_scope
from cxgov.errors import DomainError
from cxgov.permissions import SYSTEM_ACTOR, Action
from cxgov.services.demo import load_demo_portfolio
from cxgov.services.unit import Actor
from cxgov.ui.acting import acting_person, can
from cxgov.ui.runtime import AREAS, data_changed, engine, settings
from cxgov.ui.safe import plain
from cxgov.ui.text import lang, tr

CLI_COMMAND = "python -m cxgov demo"


def demo_actor() -> Actor | None:
    """Who loads the demo: the acting admin, else the system in local mode; None when not allowed here."""
    if can(Action.LOAD_DEMO):
        return acting_person().id
    if settings().is_sqlite:  # local mode is one person's own database: nobody else's data to protect
        return SYSTEM_ACTOR
    return None


def render_demo_offer() -> None:
    """One line on the demo and a button that loads it; where that is not allowed, the CLI command instead."""
    st.info(tr("demo.offer.text"), icon=":material/science:")
    actor = demo_actor()
    if actor is None:
        st.caption(tr("demo.offer.cli"))
        st.code(CLI_COMMAND, language="bash")
        return
    if not st.button(tr("demo.offer.button"), key="cxgov_demo_load", type="primary"):
        return
    try:
        with st.spinner(tr("demo.offer.loading")), session_scope(engine(), write=True) as session:
            summary = load_demo_portfolio(session=session, actor=actor)
    except DomainError as exc:
        st.error(plain(exc.message(lang())), icon="⛔")
        return
    data_changed(*AREAS)
    st.toast(tr("demo.offer.loaded", initiatives=summary.initiatives, rows=summary.rows))
    st.rerun()
