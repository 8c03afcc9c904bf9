"""pdca record

Revision ID: 0003_pdca_record
Revises: 0002_local_accounts
Create Date: 2026-11-29 04:55:24.552806

The PDCA cycle becomes an A3 record (background, current condition, target KPI/baseline/target/date, root
cause, what was done, check sample size); plan actions per cycle; the phase transitions with their reasons
and overridden criteria. Existing cycles get empty texts.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0003_pdca_record'
down_revision: str | None = '0002_local_accounts'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('phase_transition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('from_phase', sa.Enum('plan', 'do', 'check', 'act', name='from_phase', native_enum=False, create_constraint=True, length=5), nullable=False),
    sa.Column('to_phase', sa.Enum('plan', 'do', 'check', 'act', name='to_phase', native_enum=False, create_constraint=True, length=5), nullable=False),
    sa.Column('moved_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('moved_by_id', sa.Integer(), nullable=True),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('overridden', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['cycle_id'], ['pdca_cycle.id'], name=op.f('fk_phase_transition_cycle_id_pdca_cycle')),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_phase_transition_initiative_id_initiative')),
    sa.ForeignKeyConstraint(['moved_by_id'], ['person.id'], name=op.f('fk_phase_transition_moved_by_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_phase_transition'))
    )
    with op.batch_alter_table('phase_transition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phase_transition_initiative_id'), ['initiative_id'], unique=False)

    op.create_table('plan_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('cost_cents', sa.Integer(), nullable=True),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.CheckConstraint('cost_cents IS NULL OR cost_cents >= 0', name=op.f('ck_plan_action_cost_not_negative')),
    sa.ForeignKeyConstraint(['cycle_id'], ['pdca_cycle.id'], name=op.f('fk_plan_action_cycle_id_pdca_cycle')),
    sa.ForeignKeyConstraint(['owner_id'], ['person.id'], name=op.f('fk_plan_action_owner_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_action'))
    )
    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_action_cycle_id'), ['cycle_id'], unique=False)

    with op.batch_alter_table('pdca_cycle', schema=None) as batch_op:
        batch_op.add_column(sa.Column('background', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('current_condition', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('target_kpi_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('baseline_value', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('target_value', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('target_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('root_cause', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('done_summary', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('check_sample_size', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_pdca_cycle_target_kpi_id_kpi'), 'kpi', ['target_kpi_id'], ['id'])



def downgrade() -> None:
    with op.batch_alter_table('pdca_cycle', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_pdca_cycle_target_kpi_id_kpi'), type_='foreignkey')
        batch_op.drop_column('check_sample_size')
        batch_op.drop_column('done_summary')
        batch_op.drop_column('root_cause')
        batch_op.drop_column('target_date')
        batch_op.drop_column('target_value')
        batch_op.drop_column('baseline_value')
        batch_op.drop_column('target_kpi_id')
        batch_op.drop_column('current_condition')
        batch_op.drop_column('background')

    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_action_cycle_id'))

    op.drop_table('plan_action')
    with op.batch_alter_table('phase_transition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_phase_transition_initiative_id'))

    op.drop_table('phase_transition')
