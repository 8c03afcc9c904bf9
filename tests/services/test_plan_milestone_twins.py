"""A milestone with the title (any case) and due date of another on the same initiative is refused, on both
databases, also when two such saves arrive at once; the same title on another day or initiative is fine."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlmodel import func, select

from cxgov.db import session_scope
from cxgov.errors import ValidationError
from cxgov.models import Milestone, Role
from cxgov.services import plan
from tests.factories import add_initiative, add_person

DUE = date(2027, 3, 31)
TWIN = {
    "title": "is already a milestone of this initiative with the same due date: change the title or the "
    "date (or leave the one that is there)"
}


def _add(engine, who, initiative_id, title, due_on=DUE) -> int:
    with session_scope(engine, write=True) as session:
        return plan.add_milestone(
            session=session, actor=who, initiative_id=initiative_id, data={"title": title, "due_on": due_on}
        )


def _refusal(engine, function, who, **kwargs) -> dict[str, str]:
    with pytest.raises(ValidationError) as refused, session_scope(engine, write=True) as session:
        function(session=session, actor=who, **kwargs)
    return refused.value.field_messages("en")


def _count(engine, initiative_id) -> int:
    with session_scope(engine) as session:
        return session.exec(
            select(func.count()).select_from(Milestone).where(Milestone.initiative_id == initiative_id)
        ).one()


@pytest.fixture
def pilot(engine):
    manager = add_person(engine, Role.MANAGER)
    initiative = add_initiative(engine, owner_id=manager, title="Proactive delivery updates")
    _add(engine, manager, initiative, "Pilot live in Ëindhoven")
    return {"engine": engine, "manager": manager, "initiative": initiative}


def test_the_same_title_in_another_case_on_the_same_day_is_refused(pilot):
    e, who, i = pilot["engine"], pilot["manager"], pilot["initiative"]
    data = {"title": "  pilot LIVE in ëindhoven ", "due_on": DUE}  # SQLite's lower() would miss the Ë
    assert _refusal(e, plan.add_milestone, who, initiative_id=i, data=data) == TWIN
    assert _count(e, i) == 1


def test_another_day_or_another_initiative_is_a_milestone_of_its_own(pilot):
    e, who, i = pilot["engine"], pilot["manager"], pilot["initiative"]
    _add(e, who, i, "Pilot live in Ëindhoven", date(2027, 4, 30))
    other = add_initiative(e, owner_id=who, title="Callback promise")
    _add(e, who, other, "Pilot live in Ëindhoven")
    assert _count(e, i) == 2 and _count(e, other) == 1


def test_changing_a_milestone_into_its_twin_is_refused_but_saving_it_as_it_is_is_not(pilot):
    e, who, i = pilot["engine"], pilot["manager"], pilot["initiative"]
    later = _add(e, who, i, "Pilot evaluated", date(2027, 4, 30))
    twin = {"title": "PILOT LIVE IN ËINDHOVEN", "due_on": DUE}
    assert (
        _refusal(e, plan.update_milestone, who, initiative_id=i, milestone_id=later, seen_version=1, data=twin) == TWIN
    )
    with session_scope(e, write=True) as session:  # re-saving a milestone is not a twin of itself
        plan.update_milestone(
            session=session,
            actor=who,
            initiative_id=i,
            milestone_id=later,
            seen_version=1,
            data={"title": "Pilot evaluated ", "due_on": date(2027, 4, 30)},
        )


def test_two_identical_saves_at_once_store_one_milestone(pilot):
    """A double click sends the same milestone twice: the initiative's lock makes the second see the first."""
    e, who, i = pilot["engine"], pilot["manager"], pilot["initiative"]
    start, outcomes = threading.Barrier(4), []

    def save():
        start.wait()
        try:
            _add(e, who, i, "Go-live", date(2027, 5, 31))
            outcomes.append("saved")
        except ValidationError:
            outcomes.append("refused")

    threads = [threading.Thread(target=save) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["refused", "refused", "refused", "saved"]
    assert _count(e, i) == 2
