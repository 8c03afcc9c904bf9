"""local accounts

Revision ID: 0002_local_accounts
Revises: 0001_foundation
Create Date: 2026-11-29 02:07:44.238752

Local accounts for sign-in without an identity provider: one row per person holding an argon2id hash
(never the password) and the lockout state.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0002_local_accounts'
down_revision: str | None = '0001_foundation'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('local_account',
    sa.Column('person_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('password_changed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('must_change_password', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.CheckConstraint('failed_attempts >= 0', name=op.f('ck_local_account_failed_attempts_not_negative')),
    sa.CheckConstraint('version >= 1', name=op.f('ck_local_account_version_positive')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_local_account_person_id_person')),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_local_account'))
    )


def downgrade() -> None:
    op.drop_table('local_account')
