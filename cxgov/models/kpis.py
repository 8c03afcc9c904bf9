"""The KPI catalogue, KPI readings and the initiative↔KPI link."""

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from cxgov.models.base import utcnow
from cxgov.models.enums import Direction, Discipline, KpiKind, enum_type


class Kpi(SQLModel, table=True):
    """A KPI with its scale, and its method (how the number is measured) stored alongside."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=160)
    kind: KpiKind = Field(sa_type=enum_type(KpiKind))
    unit: str = Field(default="", max_length=20)
    scale_min: float | None = None
    scale_max: float | None = None
    method: str = ""
    direction: Direction = Field(default=Direction.HIGHER_IS_BETTER, sa_type=enum_type(Direction))
    discipline: Discipline | None = Field(default=None, sa_type=enum_type(Discipline))
    owner_id: int | None = Field(default=None, foreign_key="person.id")
    description: str = ""
    # The source whose reading counts when several report the same month (e.g. "Panel Q"); the others are
    # shown beside it, never mixed into the KPI's value.
    primary_source: str = Field(default="", max_length=80)
    active: bool = True
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)


class KpiReading(SQLModel, table=True):
    """The value of a KPI for one period (a plain date: the first day of the month or quarter)."""

    __tablename__ = "kpi_reading"
    __table_args__ = (
        # One live reading per KPI, month and source; a withdrawn one stays in the history and frees its place for
        # the right value (a partial index, hand-written in the migration).
        sa.Index(
            "uq_kpi_reading_live",
            "kpi_id",
            "period",
            "source",
            unique=True,
            sqlite_where=sa.text("withdrawn_at IS NULL"),
            postgresql_where=sa.text("withdrawn_at IS NULL"),
        ),
        sa.CheckConstraint("sample_size IS NULL OR sample_size >= 0", name="sample_size_positive"),
        sa.CheckConstraint("version >= 1", name="version_positive"),
        sa.CheckConstraint("origin IN ('typed', 'computed')", name="origin_known"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kpi_id: int = Field(foreign_key="kpi.id")
    period: date
    value: float
    sample_size: int | None = None
    source: str = Field(default="", max_length=80)
    created_at: datetime = Field(default_factory=utcnow)
    # Corrections are versioned edits with a reason (in the audit log); a withdrawn reading stays in the
    # history with who withdrew it and why, and never counts.
    version: int = 1
    updated_at: datetime | None = None
    updated_by_id: int | None = Field(default=None, foreign_key="person.id")
    withdrawn_at: datetime | None = None
    withdrawn_by_id: int | None = Field(default=None, foreign_key="person.id")
    withdrawal_reason: str = ""
    # Typed (entered by hand or imported as a figure) or computed from survey responses (cxgov.models.measurement):
    # a computed reading carries its 95 % interval and indicative flag, is recomputed, and is never edited by hand.
    origin: str = Field(default="typed", max_length=8)
    value_low: float | None = None
    value_high: float | None = None
    indicative: bool = False
    second_value: float | None = None  # KTV/MTV: share of 8+; CES: net CES
    second_low: float | None = None
    second_high: float | None = None


class InitiativeKpi(SQLModel, table=True):
    """A KPI an initiative is measured against, with its baseline and target."""

    __tablename__ = "initiative_kpi"

    initiative_id: int = Field(foreign_key="initiative.id", primary_key=True)
    kpi_id: int = Field(foreign_key="kpi.id", primary_key=True, index=True)
    baseline: float | None = None
    target: float | None = None
    target_date: date | None = None
