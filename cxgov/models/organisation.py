"""People, departments, strategic objectives and the editable classification lists."""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from cxgov.models.base import utcnow
from cxgov.models.enums import Role, TaxonomyKind, enum_type


class Department(SQLModel, table=True):
    # Names are unique case-insensitively (an expression index, hand-written in the migration).
    __table_args__ = (sa.Index("uq_department_lower_name", sa.text("lower(name)"), unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    active: bool = True
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)


class Person(SQLModel, table=True):
    """Someone who uses cxgov or owns work in it. Never deleted: deactivated, history kept."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120)
    email: str = Field(max_length=254, unique=True)  # stored lower-case by the input model
    department_id: int | None = Field(default=None, foreign_key="department.id", index=True)
    role: Role = Field(default=Role.VIEWER, sa_type=enum_type(Role))
    active: bool = True
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)


class StrategicObjective(SQLModel, table=True):
    __tablename__ = "strategic_objective"
    __table_args__ = (sa.Index("uq_strategic_objective_lower_title", sa.text("lower(title)"), unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    description: str = ""
    owner_id: int | None = Field(default=None, foreign_key="person.id")
    active: bool = True
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)


class TaxonomyTerm(SQLModel, table=True):
    """One value of an editable list: a journey stage (klantreisfase) or a channel."""

    __tablename__ = "taxonomy_term"
    __table_args__ = (sa.UniqueConstraint("kind", "code", name="uq_taxonomy_term_kind_code"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: TaxonomyKind = Field(sa_type=enum_type(TaxonomyKind))
    code: str = Field(max_length=40)
    name_en: str = Field(max_length=80)
    name_nl: str = Field(max_length=80)
    position: int = 0
    active: bool = True
    version: int = 1
