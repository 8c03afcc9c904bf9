"""a withdrawn reading frees its month and source

Revision ID: 0007_live_reading_slot
Revises: 0006_trust
Create Date: 2026-12-07 03:20:00

One reading per KPI, month and source was a unique constraint over every reading, withdrawn ones included, so
after withdrawing a typo the right value could not be recorded under the same source. It becomes a partial
unique index over the readings that are not withdrawn. The downgrade restores the constraint and fails if a
withdrawn reading and its replacement share a month and source (remove one first).
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate renders sqlmodel.sql.sqltypes.AutoString)
from alembic import op

revision: str = '0007_live_reading_slot'
down_revision: str | None = '0006_trust'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = sa.text("withdrawn_at IS NULL")


def upgrade() -> None:
    with op.batch_alter_table('kpi_reading', schema=None) as batch_op:
        batch_op.drop_constraint('uq_kpi_reading_kpi_period_source', type_='unique')
    op.create_index('uq_kpi_reading_live', 'kpi_reading', ['kpi_id', 'period', 'source'], unique=True,
                    sqlite_where=LIVE, postgresql_where=LIVE)


def downgrade() -> None:
    op.drop_index('uq_kpi_reading_live', table_name='kpi_reading')
    with op.batch_alter_table('kpi_reading', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_kpi_reading_kpi_period_source', ['kpi_id', 'period', 'source'])
