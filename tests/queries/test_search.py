"""Free-text search: whatever is typed (or put in the URL, `?q=%00`) is searched for, never a failed page.

PostgreSQL refuses NUL even in a query's parameters; the initiatives list, the lessons library and the audit log
failed on it. `%` and `_` are letters like any other.
"""

from __future__ import annotations

from datetime import date

import pytest

from cxgov.db import session_scope
from cxgov.models import Role
from cxgov.queries.audit import AuditFilter, events
from cxgov.queries.initiatives import initiative_list
from cxgov.queries.pdca import lessons
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.pdca import decide_act
from tests.factories import add_initiative, add_person, approve_and_move


@pytest.fixture
def library(engine):
    owner = add_person(engine, Role.MANAGER, name="Mila Manager")
    initiative_id = add_initiative(engine, owner_id=owner, title="Recovery cards")
    version = approve_and_move(engine, initiative_id, 3)
    with session_scope(engine, write=True) as session:
        decide_act(
            session=session,
            actor=SYSTEM_ACTOR,
            initiative_id=initiative_id,
            seen_version=version,
            decision="standardise",
            lesson="Cards signed by the store manager: 100% read",
        )
    return engine


def _searched(engine, text: str) -> tuple[list[str], list[str], int]:
    with session_scope(engine) as session:
        return (
            initiative_list(session, text=text)["title"].tolist(),
            lessons(session, text=text)["lesson"].tolist(),
            events(session, AuditFilter(text=text), limit=10)[1],
        )


@pytest.mark.parametrize("typed", ["\x00", "cards\x00", "\x00 CARDS "])
def test_nul_in_a_search_is_left_out_instead_of_failing(library, typed):
    titles, found, audited = _searched(library, typed)
    assert titles == ["Recovery cards"] and found == ["Cards signed by the store manager: 100% read"]
    assert audited == (_searched(library, "")[2] if typed == "\x00" else _searched(library, "cards")[2])


def test_percent_and_underscore_are_searched_literally(library):
    assert _searched(library, "100%")[1] == ["Cards signed by the store manager: 100% read"]
    assert _searched(library, "1_0")[1] == [] and _searched(library, "%")[0] == []


def test_the_audit_log_reaches_the_last_day_the_calendar_has(library):
    with session_scope(library) as session:
        everything = events(session, AuditFilter(), limit=1_000)[1]
        assert events(session, AuditFilter(date_from=date(2000, 1, 1), date_to=date.max), limit=1_000)[1] == everything
        assert everything > 0
