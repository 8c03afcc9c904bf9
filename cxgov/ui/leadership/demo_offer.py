"""The offer on an empty portfolio: load the Voltera demo portfolio in one click (or see the CLI command).

Only admins get the button, and nobody in production (the service refuses it there too). The one exception is
the local demo mode of `make run` (CXGOV_AUTH_MODE=acting-as): a brand-new database has no people, so nobody
could be an admin; until there is an active admin, whoever uses the picker may load the demo, as the system.
That mode exists only on the local SQLite file and never in production, and its picker already lets anyone act
as anyone, the admin included: the button gives nobody a right they did not have.
"""

from __future__ import annotations

import streamlit as st

from cxgov.db import session_scope
from cxgov.errors import DomainError
from cxgov.models import Role
from cxgov.rules.permissions import SYSTEM_ACTOR, Action
from cxgov.services.demo import load_demo_portfolio
from cxgov.services.unit import Actor
from cxgov.ui.frame.acting import acting_person, active_people, can
from cxgov.ui.kit.runtime import AREAS, data_changed, data_version, engine, settings
from cxgov.ui.kit.safe import plain
from cxgov.ui.kit.text import lang, tr

CLI_COMMAND = "python -m cxgov demo"


def demo_actor() -> Actor | None:
    """Who loads the demo: the acting admin; the system in the demo mode while it has no admin; else None."""
    if settings().is_production:
        return None
    if can(Action.LOAD_DEMO):
        return acting_person().id
    if settings().acting_as_allowed and not _has_admin():
        return SYSTEM_ACTOR
    return None


def _has_admin() -> bool:
    people = active_people(data_version("people"), settings().database_url)
    return bool((people["role"] == Role.ADMIN.value).any())


def render_demo_offer() -> None:
    """One line on the demo and a button that loads it; where that is not allowed, the CLI command instead; in
    production, nothing."""
    if settings().is_production:
        return
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
        st.error(plain(exc.message(lang())), icon=":material/error:")
        return
    data_changed(*AREAS)
    st.toast(tr("demo.offer.loaded", initiatives=summary.initiatives, rows=summary.rows))
    st.rerun()
