"""health, plan and team

Revision ID: 0005_health_plan_team
Revises: 0004_check_in_blocker
Create Date: 2026-11-29 07:16:52.212708

Milestones, risks (probability × impact) and dependencies between initiatives; a check-in keeps what the
health rules said and why the person reported better (existing check-ins: none, no reason); plan actions get a
version for safe concurrent edits (existing ones start at 1).
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0005_health_plan_team'
down_revision: str | None = '0004_check_in_blocker'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('initiative_dependency',
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('blocked_by_id', sa.Integer(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.CheckConstraint('initiative_id <> blocked_by_id', name=op.f('ck_initiative_dependency_not_self')),
    sa.ForeignKeyConstraint(['blocked_by_id'], ['initiative.id'], name=op.f('fk_initiative_dependency_blocked_by_id_initiative')),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_initiative_dependency_initiative_id_initiative')),
    sa.PrimaryKeyConstraint('initiative_id', 'blocked_by_id', name=op.f('pk_initiative_dependency'))
    )
    with op.batch_alter_table('initiative_dependency', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_initiative_dependency_blocked_by_id'), ['blocked_by_id'], unique=False)

    op.create_table('milestone',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_milestone_initiative_id_initiative')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_milestone'))
    )
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestone_initiative_id'), ['initiative_id'], unique=False)

    op.create_table('risk',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('probability', sa.Integer(), nullable=False),
    sa.Column('impact', sa.Integer(), nullable=False),
    sa.Column('mitigation', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.CheckConstraint('impact BETWEEN 1 AND 5', name=op.f('ck_risk_impact_range')),
    sa.CheckConstraint('probability BETWEEN 1 AND 5', name=op.f('ck_risk_probability_range')),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_risk_initiative_id_initiative')),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_risk_owner_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk'))
    )
    with op.batch_alter_table('risk', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_initiative_id'), ['initiative_id'], unique=False)

    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.add_column(sa.Column('derived_health', sa.Enum('green', 'amber', 'red', name='derived_health', native_enum=False, create_constraint=True, length=5), nullable=True))
        batch_op.add_column(sa.Column('override_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))

    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.drop_column('version')

    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.drop_column('override_reason')
        batch_op.drop_constraint(batch_op.f('ck_check_in_derived_health'), type_='check')
        batch_op.drop_column('derived_health')

    with op.batch_alter_table('risk', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_initiative_id'))

    op.drop_table('risk')
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestone_initiative_id'))

    op.drop_table('milestone')
    with op.batch_alter_table('initiative_dependency', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_initiative_dependency_blocked_by_id'))

    op.drop_table('initiative_dependency')
