"""Which target a discipline's KPI trend draws: the most ambitious one its open initiatives set, on both databases."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from cxgov.db import session_scope
from cxgov.models import InitiativeKpi
from cxgov.queries.kpis import discipline_targets
from cxgov.rules.permissions import SYSTEM_ACTOR
from cxgov.services.kpis import create_kpi
from tests.factories import add_initiative, add_person


def _kpi(engine, code: str, direction: str) -> int:
    with session_scope(engine, write=True) as session:
        return create_kpi(
            session=session,
            actor=SYSTEM_ACTOR,
            data={"code": code, "name": code, "kind": "operational", "direction": direction, "discipline": "design"},
        )


def _aim(engine, initiative_id: int, kpi_id: int, target: float | None, due: date | None = None) -> None:
    with session_scope(engine, write=True) as session:
        session.add(
            InitiativeKpi(initiative_id=initiative_id, kpi_id=kpi_id, baseline=25.0, target=target, target_date=due)
        )


@pytest.fixture
def aims(engine):
    owner = add_person(engine)
    nps, wismo = _kpi(engine, "NPS", "higher_is_better"), _kpi(engine, "WISMO", "lower_is_better")
    chat, callback, portal = (
        add_initiative(engine, owner_id=owner, title=t, discipline="design") for t in ("Chat", "Callback", "Portal")
    )
    done = add_initiative(engine, owner_id=owner, title="Done", discipline="design", status="completed", phase="act")
    elsewhere = add_initiative(engine, owner_id=owner, title="Elsewhere", discipline="culture")
    _aim(engine, chat, nps, 35.0, date(2027, 3, 31))
    _aim(engine, callback, nps, 40.0, date(2027, 6, 30))
    _aim(engine, portal, nps, None)  # linked, without a target: sets none
    _aim(engine, done, nps, 50.0)  # a finished initiative's target is history
    _aim(engine, elsewhere, nps, 60.0)  # another discipline's ambition
    _aim(engine, chat, wismo, 20.0, date(2027, 3, 31))
    _aim(engine, callback, wismo, 18.0, date(2027, 9, 30))
    _aim(engine, portal, wismo, 18.0, date(2027, 6, 30))  # as ambitious, due sooner
    return {"engine": engine, "nps": nps, "wismo": wismo, "callback": callback, "portal": portal}


def test_the_most_ambitious_open_target_of_the_discipline_by_direction(aims):
    with session_scope(aims["engine"]) as session:
        targets = discipline_targets(session, "design").set_index("kpi_id")
    nps, wismo = targets.loc[aims["nps"]], targets.loc[aims["wismo"]]
    assert (nps["target"], nps["initiative_title"], nps["targets_set"]) == (40.0, "Callback", 2)
    assert (wismo["target"], wismo["target_date"], wismo["initiative_title"], wismo["targets_set"]) == (
        18.0,
        date(2027, 6, 30),
        "Portal",
        3,
    )
    with session_scope(aims["engine"]) as session:
        assert discipline_targets(session, "strategy").empty


def _statements(engine) -> int:
    """How many SQL statements reading the targets took."""
    statements = []

    def count(*_args):
        statements.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        with session_scope(engine) as session:
            discipline_targets(session, "design")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(statements)


def test_the_statement_count_does_not_grow_with_the_initiatives(aims):
    engine, owner = aims["engine"], add_person(aims["engine"])
    before = _statements(engine)
    for n in range(10):
        _aim(engine, add_initiative(engine, owner_id=owner, title=f"More {n}", discipline="design"), aims["nps"], 1.0)
    assert _statements(engine) == before
