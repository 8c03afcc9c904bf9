"""Initiatives, their classification and team, PDCA cycles and status check-ins."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from cxgov.models.base import Money, utcnow
from cxgov.models.enums import (
    ActDecision,
    Discipline,
    Health,
    Lane,
    Phase,
    Priority,
    Status,
    StatusMove,
    enum_type,
)

OPEN_TITLE_PREDICATE = "status NOT IN ('completed', 'rejected', 'cancelled')"


class Initiative(SQLModel, table=True):
    """The unit of CX work. Its PDCA phase lives in its open cycle (stored once)."""

    __table_args__ = (
        sa.CheckConstraint("progress_pct BETWEEN 0 AND 100", name="progress_range"),
        sa.CheckConstraint(
            "target_date IS NULL OR start_date IS NULL OR target_date >= start_date", name="dates_ordered"
        ),
        sa.CheckConstraint("version >= 1", name="version_positive"),
        # Titles are unique, case-insensitively, among initiatives still open (hand-written in the migration).
        sa.Index(
            "uq_initiative_open_title",
            sa.text("lower(title)"),
            unique=True,
            sqlite_where=sa.text(OPEN_TITLE_PREDICATE),
            postgresql_where=sa.text(OPEN_TITLE_PREDICATE),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    description: str = ""
    discipline: Discipline = Field(sa_type=enum_type(Discipline), index=True)
    objective_id: int | None = Field(default=None, foreign_key="strategic_objective.id", index=True)
    owner_id: int = Field(foreign_key="person.id", index=True)
    sponsor_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    owning_department_id: int | None = Field(default=None, foreign_key="department.id", index=True)
    requesting_department_id: int | None = Field(default=None, foreign_key="department.id")
    lane: Lane = Field(default=Lane.PROJECT, sa_type=enum_type(Lane))
    status: Status = Field(default=Status.PROPOSED, sa_type=enum_type(Status), index=True)
    priority: Priority = Field(default=Priority.MEDIUM, sa_type=enum_type(Priority))
    progress_pct: int = 0
    start_date: date | None = None
    target_date: date | None = None
    project_code: str | None = Field(default=None, max_length=40)  # finance's code, for imported actuals
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by_id: int | None = Field(default=None, foreign_key="person.id")


class InitiativeTerm(SQLModel, table=True):
    """An initiative's journey stages and channels."""

    __tablename__ = "initiative_term"

    initiative_id: int = Field(foreign_key="initiative.id", primary_key=True)
    term_id: int = Field(foreign_key="taxonomy_term.id", primary_key=True, index=True)


class InitiativeMember(SQLModel, table=True):
    """A team member of an initiative and their role on it."""

    __tablename__ = "initiative_member"

    initiative_id: int = Field(foreign_key="initiative.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True, index=True)
    role_on_initiative: str = Field(default="", max_length=80)


class PdcaCycle(SQLModel, table=True):
    """One plan-do-check-act cycle; exactly one per initiative is open (closed_on is null)."""

    __tablename__ = "pdca_cycle"
    __table_args__ = (
        sa.UniqueConstraint("initiative_id", "number", name="uq_pdca_cycle_initiative_number"),
        sa.Index(
            "uq_pdca_cycle_one_open",
            "initiative_id",
            unique=True,
            sqlite_where=sa.text("closed_on IS NULL"),
            postgresql_where=sa.text("closed_on IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id")
    number: int = 1
    phase: Phase = Field(default=Phase.PLAN, sa_type=enum_type(Phase))
    plan_started_on: date | None = None
    do_started_on: date | None = None
    check_started_on: date | None = None
    act_started_on: date | None = None
    closed_on: date | None = None
    # The A3 record of the cycle (one page: background to result). A quick fix uses three of these fields: problem
    # (background), change (done_summary) and result (check_result).
    background: str = ""
    # Set when an Adjust carried the previous cycle's lesson into this background: that cycle's number. The
    # sentence around it ("Lesson from cycle 2: …") is the reader's language, written when shown.
    lesson_from_cycle: int | None = None
    current_condition: str = ""
    target_kpi_id: int | None = Field(default=None, foreign_key="kpi.id")
    baseline_value: float | None = None
    target_value: float | None = None
    target_date: date | None = None
    root_cause: str = ""
    hypothesis: str = ""  # the countermeasure as an if-then hypothesis
    done_summary: str = ""  # what was done (Do), or a written qualitative result
    check_result: str = ""
    check_sample_size: int | None = None
    act_decision: ActDecision | None = Field(default=None, sa_type=enum_type(ActDecision))
    lesson: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class PlanAction(SQLModel, table=True):
    """One action of a cycle's plan: what, who, by when, at what cost; done when done_on is set."""

    __tablename__ = "plan_action"
    __table_args__ = (sa.CheckConstraint("cost_cents IS NULL OR cost_cents >= 0", name="cost_not_negative"),)

    id: int | None = Field(default=None, primary_key=True)
    cycle_id: int = Field(foreign_key="pdca_cycle.id", index=True)
    description: str = Field(max_length=300)
    owner_id: int | None = Field(default=None, foreign_key="person.id")
    due_on: date | None = None
    cost_cents: int | None = Field(default=None, sa_type=Money)
    done_on: date | None = None
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)


class PhaseTransition(SQLModel, table=True):
    """A move from one PDCA phase to the next, with who, when, why, and the criteria the person overrode."""

    __tablename__ = "phase_transition"

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    cycle_id: int = Field(foreign_key="pdca_cycle.id")
    from_phase: Phase = Field(sa_type=enum_type(Phase, "from_phase"))
    to_phase: Phase = Field(sa_type=enum_type(Phase, "to_phase"))
    moved_at: datetime = Field(default_factory=utcnow)
    moved_by_id: int | None = Field(default=None, foreign_key="person.id")
    reason: str = ""
    overridden: str = ""  # comma-separated criterion keys (cxgov.rules.pdca), empty when every criterion was met


class StatusTransition(SQLModel, table=True):
    """A move of an initiative's lifecycle status (cxgov.rules.lifecycle): who, when, from, to, which move and why.

    Asking the owner for more information and their answer are moves too (the status stays *proposed*): the
    latest move of a proposal says whether it waits for the owner or for a decision.
    """

    __tablename__ = "status_transition"

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    move: StatusMove = Field(sa_type=enum_type(StatusMove))
    from_status: Status = Field(sa_type=enum_type(Status, "from_status"))
    to_status: Status = Field(sa_type=enum_type(Status, "to_status"))
    moved_at: datetime = Field(default_factory=utcnow)
    moved_by_id: int | None = Field(default=None, foreign_key="person.id")
    reason: str = ""  # the reason, the question asked or the answer given


class CheckIn(SQLModel, table=True):
    """A status check-in: the reported delivery health, always with a reason unless green."""

    __tablename__ = "check_in"
    __table_args__ = (
        sa.CheckConstraint("health = 'green' OR length(reason) > 0", name="reason_unless_green"),
        sa.CheckConstraint("progress_pct IS NULL OR progress_pct BETWEEN 0 AND 100", name="progress_range"),
    )

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    checkin_date: date
    health: Health = Field(sa_type=enum_type(Health))
    reason: str = ""
    progress_pct: int | None = None
    summary: str = ""
    next_steps: str = ""
    blocker: str = ""  # the top blocker, if any
    # What the health rules (cxgov.rules.health) said when the person checked in, and why the person reported a
    # better health than that (required then: an override is a claim the board may question).
    derived_health: Health | None = Field(default=None, sa_type=enum_type(Health, "derived_health"))
    override_reason: str = ""
    author_id: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow)


class Milestone(SQLModel, table=True):
    """A dated milestone of an initiative; done when done_on is set, overdue when due_on has passed before."""

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    title: str = Field(max_length=200)
    due_on: date
    done_on: date | None = None
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)


class Risk(SQLModel, table=True):
    """A risk to an initiative: probability × impact (each 1–5), a mitigation and its owner; closed_on ends it."""

    __table_args__ = (
        sa.CheckConstraint("probability BETWEEN 1 AND 5", name="probability_range"),
        sa.CheckConstraint("impact BETWEEN 1 AND 5", name="impact_range"),
    )

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    title: str = Field(max_length=200)
    probability: int
    impact: int
    mitigation: str = ""
    owner_id: int | None = Field(default=None, foreign_key="person.id")
    closed_on: date | None = None
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)


class InitiativeDependency(SQLModel, table=True):
    """`initiative_id` is blocked by `blocked_by_id`: it cannot finish before the other delivers."""

    __tablename__ = "initiative_dependency"
    __table_args__ = (sa.CheckConstraint("initiative_id <> blocked_by_id", name="not_self"),)

    initiative_id: int = Field(foreign_key="initiative.id", primary_key=True)
    blocked_by_id: int = Field(foreign_key="initiative.id", primary_key=True, index=True)
    note: str = Field(default="", max_length=300)
    created_at: datetime = Field(default_factory=utcnow)
