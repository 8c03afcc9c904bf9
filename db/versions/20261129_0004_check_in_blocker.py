"""check-in blocker

Revision ID: 0004_check_in_blocker
Revises: 0003_pdca_record
Create Date: 2026-11-29 05:31:38.942335

The top blocker of a check-in (existing check-ins have none).
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0004_check_in_blocker'
down_revision: str | None = '0003_pdca_record'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.add_column(sa.Column('blocker', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.drop_column('blocker')

