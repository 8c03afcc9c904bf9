"""Domain vocabularies, stored as portable strings (values, never member names; no native PG enums)."""

from enum import StrEnum

import sqlalchemy as sa


class Discipline(StrEnum):
    STRATEGY = "strategy"
    CUSTOMER_UNDERSTANDING = "customer_understanding"
    DESIGN = "design"
    MEASUREMENT = "measurement"
    GOVERNANCE = "governance"
    CULTURE = "culture"


class Lane(StrEnum):
    QUICK_FIX = "quick_fix"
    PROJECT = "project"


class Status(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    COMPLETED = "completed"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


CLOSED_STATUSES = frozenset({Status.COMPLETED, Status.REJECTED, Status.CANCELLED})


class StatusMove(StrEnum):
    """The moves that change an initiative's lifecycle status; each has its right, its criteria and a reason
    (cxgov.rules.lifecycle). The status is never edited as a field."""

    APPROVE = "approve"  # proposed → approved: funded
    REJECT = "reject"  # proposed → rejected
    ASK_INFO = "ask_info"  # proposed stays proposed: back to the owner with a question
    ANSWER_INFO = "answer_info"  # the owner answers the question; the proposal waits for a decision again
    HOLD = "hold"  # approved or active → on hold
    RESUME = "resume"  # on hold → the status it was put on hold from
    START = "start"  # approved → active: work started (Plan → Do)
    COMPLETE = "complete"  # active → completed (Act: standardise; a quick fix's result)
    CANCEL = "cancel"  # stopped before it finished


class SignInMode(StrEnum):
    LOCAL = "local"
    SSO = "sso"


class Phase(StrEnum):
    PLAN = "plan"
    DO = "do"
    CHECK = "check"
    ACT = "act"


# Which PDCA phase an initiative may be in for each lifecycle status. Work (Do/Check/Act) needs an
# approved, funded initiative; a proposal or a rejected one is still planning; a finished one has acted.
ALLOWED_PHASES: dict[Status, frozenset[Phase]] = {
    Status.PROPOSED: frozenset({Phase.PLAN}),
    Status.APPROVED: frozenset({Phase.PLAN}),
    Status.ACTIVE: frozenset(Phase),
    Status.ON_HOLD: frozenset(Phase),
    Status.COMPLETED: frozenset({Phase.ACT}),
    Status.REJECTED: frozenset({Phase.PLAN}),
    Status.CANCELLED: frozenset(Phase),
}


class Health(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class Role(StrEnum):
    ADMIN = "admin"
    PROGRAMME_OFFICE = "programme_office"
    LEADER = "leader"
    ANALYST = "analyst"
    MANAGER = "manager"
    CONTRIBUTOR = "contributor"
    VIEWER = "viewer"


class Priority(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class KpiKind(StrEnum):
    NPS = "nps"
    CSAT = "csat"
    CES = "ces"
    ENPS = "enps"
    KTV = "ktv"
    MTV = "mtv"
    BUSINESS = "business"
    OPERATIONAL = "operational"


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class ActDecision(StrEnum):
    STANDARDISE = "standardise"
    ADJUST = "adjust"
    ABANDON = "abandon"


class ExpenseCategory(StrEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"
    SOFTWARE = "software"
    HARDWARE = "hardware"
    MARKETING = "marketing"
    TRAINING = "training"
    OTHER = "other"


class TaxonomyKind(StrEnum):
    """The editable lists initiatives are classified by."""

    JOURNEY_STAGE = "journey_stage"
    CHANNEL = "channel"


class MeetingStatus(StrEnum):
    """A governance meeting's life: prepared, its agenda published as the pre-read, held, its minutes approved
    at a later meeting (after which nothing of it changes)."""

    DRAFT = "draft"
    AGENDA_PUBLISHED = "agenda_published"
    HELD = "held"
    MINUTES_APPROVED = "minutes_approved"


class MeetingRole(StrEnum):
    MEMBER = "member"  # counts towards the quorum
    GUEST = "guest"  # invited; attends, does not count


class Attendance(StrEnum):
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"


class AgendaSection(StrEnum):
    """The proposed agenda's sections, in the order a CX board works through them."""

    OPENING = "opening"
    DECISIONS_REQUESTED = "decisions_requested"
    FOLLOW_UP = "follow_up"
    SCORECARD = "scorecard"
    PORTFOLIO = "portfolio"
    CHANGES = "changes"
    EXCEPTIONS = "exceptions"
    LESSONS = "lessons"
    MONEY = "money"
    OTHER_BUSINESS = "other_business"


class AgendaItemKind(StrEnum):
    SECTION = "section"  # one of the proposed sections, its data read live from the portfolio
    TOPIC = "topic"  # a free item with its own title
    INITIATIVE = "initiative"  # one initiative, chosen from the list
    KPI = "kpi"  # one KPI, chosen from the list


class AgendaItemStatus(StrEnum):
    PLANNED = "planned"
    DISCUSSED = "discussed"
    NOT_REACHED = "not_reached"  # goes to the agenda backlog
    REMOVED = "removed"  # taken off the agenda; goes to the backlog


class DecisionKind(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    DEFER = "defer"
    FUND = "fund"
    STOP = "stop"
    HOLD = "hold"
    RESUME = "resume"
    REPRIORITISE = "reprioritise"
    ESCALATE = "escalate"
    NOTE = "note"


class DecisionStatus(StrEnum):
    """Derived from the chain of decisions, never stored: decisions are insert-only."""

    ACTIVE = "active"
    SUPERSEDED = "superseded"
    REVERSED = "reversed"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"  # closed without doing it, with a reason


def enum_type(enum_class: type[StrEnum], name: str | None = None) -> sa.Enum:
    """A VARCHAR with a CHECK constraint holding the enum's values; `name` names the constraint when a table
    has two columns of the same enum."""
    return sa.Enum(
        enum_class,
        native_enum=False,
        create_constraint=True,
        values_callable=lambda members: [m.value for m in members],
        length=max(len(m.value) for m in enum_class),
        name=name or enum_class.__name__.lower(),
        validate_strings=True,
    )
