"""How every service that changes an initiative, or a row of it, gets hold of it: load it, authorise the acting
person with their relations to it, and refuse a page that is out of date — in that order, once per save."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from cxgov.models import Initiative, InitiativeMember, Person
from cxgov.rules.permissions import Action, Relation, authorise
from cxgov.services.unit import Actor, acting_person, check_version, get_or_404, versioned_update

# The default of `seen_version`: the change is to a row of the initiative with a version of its own (a
# milestone, a risk) or none (a check-in, a team link, a budget line), not to the initiative itself.
OWN_ROW = object()


def relations_to(session: Session, initiative: Initiative, person: Person | None) -> set[Relation]:
    """How `person` relates to `initiative`: owner, sponsor, team member."""
    if person is None:
        return set()
    relations = set()
    if initiative.owner_id == person.id:
        relations.add(Relation.OWNER)
    if initiative.sponsor_id == person.id:
        relations.add(Relation.SPONSOR)
    member = session.get(InitiativeMember, (initiative.id, person.id))
    if member is not None:
        relations.add(Relation.MEMBER)
    return relations


def initiative_to_change(
    session: Session,
    actor: Actor,
    initiative_id: int,
    actions: tuple[Action, ...] = (Action.EDIT_INITIATIVE,),
    *,
    seen_version: int | object | None = OWN_ROW,
    lock: bool = False,
) -> tuple[Person | None, Initiative]:
    """The acting person and the initiative, once each of `actions` is allowed them (in order: the first refused
    decides) and, for a change of the initiative itself, the page they saved from shows `seen_version` — an old
    page is a conflict before any rule is looked at. `lock` holds the row (PostgreSQL) so that two saves of the
    same initiative queue and the second sees the first (SQLite write units already run one at a time)."""
    person = acting_person(session, actor)
    initiative = get_or_404(session, Initiative, "initiative", initiative_id, lock=lock)
    relations = relations_to(session, initiative, person)
    for action in actions:
        authorise(person, action, relations, target=("initiative", initiative_id))
    if seen_version is not OWN_ROW:
        check_version(session, "initiative", initiative, seen_version)
    return person, initiative


def move_initiative_on(
    session: Session, person: Person | None, initiative: Initiative, seen_version: int, **values: Any
) -> None:
    """Write a move of the initiative (status, phase, lane, its PDCA record) at the version checked when it was
    loaded; the version moves on even when none of the initiative's own fields changes. The caller records the
    move (status history, phase transitions, the cycle's audit)."""
    versioned_update(
        session,
        person=person,
        model=Initiative,
        entity="initiative",
        row=initiative,
        seen_version=seen_version,
        values=values,
        move=True,
    )
