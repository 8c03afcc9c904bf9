"""The permission policy: which role may do what, and which relation to an initiative grants it.

Services call `authorise()` with the acting person re-read inside their transaction; the UI asks
`allowed()` only to decide what to offer. The table below is the whole policy.
"""

from __future__ import annotations

from enum import StrEnum

from cxgov.errors import PermissionDenied
from cxgov.models import Person, Role

SYSTEM_ACTOR = "system"  # the command line (migrate, demo); never reachable from the UI


class Action(StrEnum):
    PROPOSE_INITIATIVE = "propose_initiative"
    CREATE_INITIATIVE_WITH_STATUS = "create_initiative_with_status"
    EDIT_INITIATIVE = "edit_initiative"  # its fields, its PDCA record and its moves through the phases
    APPROVE_INITIATIVE = "approve_initiative"  # decide on a proposal: fund it, reject it, or ask its owner a question
    ANSWER_QUESTION = "answer_question"  # answer the question asked about one's own proposal
    CHECK_IN = "check_in"
    MANAGE_BUDGET = "manage_budget"
    MANAGE_KPIS = "manage_kpis"
    MANAGE_PEOPLE = "manage_people"
    MANAGE_REFERENCE_DATA = "manage_reference_data"
    LOAD_DEMO = "load_demo"
    VIEW_AUDIT = "view_audit"
    MANAGE_ACCOUNTS = "manage_accounts"  # reset local-account passwords (which also unlocks them)
    # Governance meetings: prepare one (details, members, agenda, publishing), run it (attendance, minutes,
    # decisions, actions) and close it. The chair may do it all for the meetings they chair.
    RUN_MEETING = "run_meeting"
    READ_MEETING_DRAFT = "read_meeting_draft"  # a meeting's draft agenda, before it is published
    CLOSE_ACTION = "close_action"  # mark an action item done (its owner may) or drop it
    WRITE_BOARD_ASK = "write_board_ask"  # an initiative's ask of the board, before the pre-read deadline
    MANAGE_PACK_TEMPLATE = "manage_pack_template"  # the company's PowerPoint template the board packs are drawn in
    IMPORT_MEASUREMENTS = "import_measurements"  # survey responses and aggregated readings from files
    EXPORT_COMMENTS = "export_comments"  # survey comments (free text of customers): every export is audited


class Relation(StrEnum):
    OWNER = "owner"
    SPONSOR = "sponsor"
    MEMBER = "member"  # on the initiative's team, or a member or guest of the meeting
    CHAIR = "chair"  # chairs the meeting


ANY = frozenset(Relation)  # granted whatever the relation
MANAGES = frozenset({Relation.OWNER, Relation.SPONSOR})
ON_TEAM = frozenset({Relation.OWNER, Relation.SPONSOR, Relation.MEMBER})
EVERYONE_BUT_VIEWERS = {role: ANY for role in Role if role is not Role.VIEWER}

# action -> role -> the relations that grant it (ANY: always; absent: never)
POLICY: dict[Action, dict[Role, frozenset[Relation]]] = {
    Action.PROPOSE_INITIATIVE: EVERYONE_BUT_VIEWERS,
    Action.CREATE_INITIATIVE_WITH_STATUS: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY},
    Action.EDIT_INITIATIVE: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY, Role.MANAGER: MANAGES},
    Action.APPROVE_INITIATIVE: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY, Role.LEADER: ANY},
    # Anyone may propose, so the owner of a proposal may hold any role: the question asked is theirs to answer.
    Action.ANSWER_QUESTION: {role: MANAGES for role in Role if role is not Role.VIEWER}
    | {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY},
    Action.CHECK_IN: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY, Role.MANAGER: ON_TEAM, Role.CONTRIBUTOR: ON_TEAM},
    Action.MANAGE_BUDGET: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY, Role.MANAGER: MANAGES},
    Action.MANAGE_KPIS: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY, Role.ANALYST: ANY},
    Action.MANAGE_PEOPLE: {Role.ADMIN: ANY},
    Action.MANAGE_REFERENCE_DATA: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY},
    Action.LOAD_DEMO: {Role.ADMIN: ANY},
    Action.VIEW_AUDIT: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY, Role.LEADER: ANY},
    Action.MANAGE_ACCOUNTS: {Role.ADMIN: ANY},
    Action.RUN_MEETING: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY, Role.LEADER: frozenset({Relation.CHAIR})},
    Action.READ_MEETING_DRAFT: {role: frozenset({Relation.CHAIR, Relation.MEMBER}) for role in Role}
    | {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY},
    # An action's owner (OWNER) may mark it done whatever their role; dropping it is the meeting's to decide.
    Action.CLOSE_ACTION: {role: frozenset({Relation.OWNER}) for role in Role}
    | {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY, Role.LEADER: frozenset({Relation.OWNER, Relation.CHAIR})},
    Action.WRITE_BOARD_ASK: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY, Role.MANAGER: MANAGES, Role.LEADER: MANAGES},
    # Like the reference data: the programme office prepares the meetings and their packs.
    Action.MANAGE_PACK_TEMPLATE: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY},
    # The analysts and the programme office keep the measurements; managers record readings through a check-in.
    Action.IMPORT_MEASUREMENTS: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY, Role.ANALYST: ANY},
    Action.EXPORT_COMMENTS: {Role.ADMIN: ANY, Role.PROGRAMME_OFFICE: ANY, Role.ANALYST: ANY},
}


def allowed(role: Role, action: Action, relations: frozenset[Relation] | set[Relation] = frozenset()) -> bool:
    """May a person with `role` (and these relations to the initiative) do `action`?"""
    granting = POLICY[action].get(role)
    if granting is None:
        return False
    return granting is ANY or bool(granting & set(relations))


def authorise(
    person: Person | None,
    action: Action,
    relations: frozenset[Relation] | set[Relation] = frozenset(),
    target: tuple[str, object] | None = None,
) -> None:
    """Raise PermissionDenied unless `person` may do `action` (on `target`, an (entity, id) for the audit log);
    None is the system actor (CLI)."""
    if person is None:
        return
    if not allowed(person.role, action, relations):
        raise PermissionDenied(
            "error.permission",
            actor=(person.id, person.name),
            attempted=action.value,
            target=target,
            who=person.name,
            role=f"enum.role.{person.role.value}",
            action=f"action.{action.value}",
        )
