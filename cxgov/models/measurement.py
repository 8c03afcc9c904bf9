"""Measurement from raw data: survey responses and the file each came in with, the figures computed from them
(per month and quarter, overall and per segment), KPI targets per period, and the segments an initiative ran in.

Computed figures are derived data: an import recomputes them from the responses, nobody edits them. The overall
monthly figure of a KPI is also written as its computed reading (cxgov.models.kpis.KpiReading, origin
"computed"), so every page and export that reads readings sees the same number with the same margin.
"""

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from cxgov.models.base import utcnow

# The segment dimensions a response carries, in the order the pages offer them. Channel and journey stage are
# matched to the editable lists, department to the departments; touchpoint and store/region are free text.
DIMENSIONS = ("channel", "touchpoint", "journey_stage", "department", "region")
GRAINS = ("month", "quarter")
COMPUTED_SOURCE = "responses"  # the source name of computed readings; a typed reading may not take it


class SurveyImport(SQLModel, table=True):
    """One imported file: what it was (name, size, SHA-256), who imported it, how many rows it added."""

    __tablename__ = "survey_import"
    __table_args__ = (sa.CheckConstraint("kind IN ('responses', 'readings')", name="kind_known"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=10)
    file_name: str = Field(max_length=255)
    size: int  # bytes; uploads are limited far below 2 GB (CXGOV_IMPORT_MAX_MB)
    sha256: str = Field(max_length=64)
    preset: str = Field(default="", max_length=40)
    rows_added: int = 0
    rows_known: int = 0  # already imported before (the same response id or fingerprint): never counted twice
    rows_per_kpi: str = Field(default="{}", sa_type=sa.Text)  # JSON: KPI code → rows added
    imported_by_id: int | None = Field(default=None, foreign_key="person.id")
    imported_at: datetime = Field(default_factory=utcnow)


class SurveyResponse(SQLModel, table=True):
    """One answer of one respondent to one KPI's question, with the segments it belongs to."""

    __tablename__ = "survey_response"
    __table_args__ = (
        # The response id from the file, else a fingerprint of its content: a re-import never double counts.
        sa.UniqueConstraint("kpi_id", "response_key", name="uq_survey_response_kpi_key"),
        sa.Index("ix_survey_response_kpi_period", "kpi_id", "period"),
        sa.CheckConstraint("score BETWEEN 0 AND 10", name="score_on_a_survey_scale"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kpi_id: int = Field(foreign_key="kpi.id")
    responded_on: date
    period: date  # the first day of its month: what every aggregate groups by
    score: int = Field(sa_type=sa.SmallInteger)
    channel_id: int | None = Field(default=None, foreign_key="taxonomy_term.id")
    journey_stage_id: int | None = Field(default=None, foreign_key="taxonomy_term.id")
    department_id: int | None = Field(default=None, foreign_key="department.id")
    touchpoint: str = Field(default="", max_length=80)
    region: str = Field(default="", max_length=80)
    comment: str = Field(default="", sa_type=sa.Text)  # redacted before storage; removed after the retention
    comment_removed_at: datetime | None = None
    response_key: str = Field(max_length=160)
    import_id: int = Field(foreign_key="survey_import.id", index=True)


class KpiFigure(SQLModel, table=True):
    """A KPI's figure for one month or quarter, overall (dimension "") or for one segment, with the tally it was
    computed from (tallies add up, so any window can be pooled from them without reading responses again)."""

    __tablename__ = "kpi_figure"
    __table_args__ = (
        sa.UniqueConstraint("kpi_id", "grain", "period", "dimension", "segment", name="uq_kpi_figure_cell"),
        sa.CheckConstraint("grain IN ('month', 'quarter')", name="grain_known"),
        sa.CheckConstraint("n >= 0", name="n_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kpi_id: int = Field(foreign_key="kpi.id")
    grain: str = Field(max_length=7)
    period: date
    dimension: str = Field(default="", max_length=20)  # "" or one of DIMENSIONS
    segment: str = Field(default="", max_length=80)  # a list term's or department's id, or the free text
    n: int
    total: float
    total_sq: float
    high: int  # answers in the kind's top group (promoters, 4–5, 8+, 5–7)
    low: int  # answers in the kind's bottom group (detractors, 1–3)
    value: float | None = None
    value_low: float | None = None
    value_high: float | None = None
    second_value: float | None = None  # KTV/MTV: share of 8+; CES: net CES
    second_low: float | None = None
    second_high: float | None = None
    indicative: bool = False


class KpiTarget(SQLModel, table=True):
    """A KPI's target from a month on, until the next target of the same KPI."""

    __tablename__ = "kpi_target"
    __table_args__ = (sa.UniqueConstraint("kpi_id", "valid_from", name="uq_kpi_target_kpi_from"),)

    id: int | None = Field(default=None, primary_key=True)
    kpi_id: int = Field(foreign_key="kpi.id")
    valid_from: date  # the first day of a month
    target: float
    version: int = 1
    set_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow)


class InitiativeSegment(SQLModel, table=True):
    """A segment an initiative ran in (a pilot in some stores, one channel): the rest of its dimension is the
    control group of the initiative's effect estimate."""

    __tablename__ = "initiative_segment"

    initiative_id: int = Field(foreign_key="initiative.id", primary_key=True)
    dimension: str = Field(max_length=20, primary_key=True)
    segment: str = Field(max_length=80, primary_key=True)
