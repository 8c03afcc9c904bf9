"""trust: status moves, reading corrections, sessions

Revision ID: 0006_trust
Revises: 0005_health_plan_team
Create Date: 2026-12-07 00:42:34.204354

Lifecycle status moves get their own history (status_transition); a KPI names its primary source and a
reading can be corrected (versioned) or withdrawn; a negative expense (a credit) carries its reason (existing
credits get a reason saying they predate the rule); plan-action costs become 64-bit like every other money
column (PostgreSQL's INTEGER stops at € 21 million); sign-ins become server-side session records, and company
identities are bound to a person by issuer and subject.
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0006_trust'
down_revision: str | None = '0005_health_plan_team'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('sign_in_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('mode', sa.Enum('local', 'sso', name='signinmode', native_enum=False, create_constraint=True, length=5), nullable=False),
    sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('ticket_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('ticket_expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('identity_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('ended_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('end_reason', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_sign_in_session_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_in_session')),
    sa.UniqueConstraint('identity_hash', name=op.f('uq_sign_in_session_identity_hash')),
    sa.UniqueConstraint('ticket_hash', name=op.f('uq_sign_in_session_ticket_hash')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_sign_in_session_token_hash'))
    )
    with op.batch_alter_table('sign_in_session', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sign_in_session_person_id'), ['person_id'], unique=False)

    op.create_table('sso_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('issuer', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('email_at_binding', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False),
    sa.Column('bound_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_sso_identity_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sso_identity')),
    sa.UniqueConstraint('issuer', 'subject', name='uq_sso_identity_issuer_subject')
    )
    with op.batch_alter_table('sso_identity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sso_identity_person_id'), ['person_id'], unique=False)

    op.create_table('status_transition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('initiative_id', sa.Integer(), nullable=False),
    sa.Column('move', sa.Enum('approve', 'reject', 'ask_info', 'answer_info', 'hold', 'resume', 'start', 'complete', 'cancel', name='statusmove', native_enum=False, create_constraint=True, length=11), nullable=False),
    sa.Column('from_status', sa.Enum('proposed', 'approved', 'active', 'on_hold', 'completed', 'rejected', 'cancelled', name='from_status', native_enum=False, create_constraint=True, length=9), nullable=False),
    sa.Column('to_status', sa.Enum('proposed', 'approved', 'active', 'on_hold', 'completed', 'rejected', 'cancelled', name='to_status', native_enum=False, create_constraint=True, length=9), nullable=False),
    sa.Column('moved_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('moved_by_id', sa.Integer(), nullable=True),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'], name=op.f('fk_status_transition_initiative_id_initiative')),
    sa.ForeignKeyConstraint(['moved_by_id'], ['person.id'], name=op.f('fk_status_transition_moved_by_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_transition'))
    )
    with op.batch_alter_table('status_transition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_transition_initiative_id'), ['initiative_id'], unique=False)

    with op.batch_alter_table('expense', schema=None) as batch_op:
        batch_op.add_column(sa.Column('correction_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
    op.execute("UPDATE expense SET correction_reason = 'credit booked before a reason was required' "
               "WHERE amount_cents < 0")
    with op.batch_alter_table('expense', schema=None) as batch_op:
        batch_op.create_check_constraint(op.f('ck_expense_credit_has_reason'),
                                         'amount_cents > 0 OR length(correction_reason) > 0')

    with op.batch_alter_table('kpi', schema=None) as batch_op:
        batch_op.add_column(sa.Column('primary_source', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False,
                                      server_default=''))

    with op.batch_alter_table('kpi_reading', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('updated_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('withdrawal_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
        batch_op.create_foreign_key(batch_op.f('fk_kpi_reading_withdrawn_by_id_person'), 'person', ['withdrawn_by_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_kpi_reading_updated_by_id_person'), 'person', ['updated_by_id'], ['id'])
        batch_op.create_check_constraint(op.f('ck_kpi_reading_version_positive'), 'version >= 1')

    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.alter_column('cost_cents',
               existing_type=sa.INTEGER(),
               type_=sa.BigInteger(),
               existing_nullable=True)



def downgrade() -> None:
    with op.batch_alter_table('plan_action', schema=None) as batch_op:
        batch_op.alter_column('cost_cents',
               existing_type=sa.BigInteger(),
               type_=sa.INTEGER(),
               existing_nullable=True)

    with op.batch_alter_table('kpi_reading', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_kpi_reading_updated_by_id_person'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_kpi_reading_withdrawn_by_id_person'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('ck_kpi_reading_version_positive'), type_='check')
        batch_op.drop_column('withdrawal_reason')
        batch_op.drop_column('withdrawn_by_id')
        batch_op.drop_column('withdrawn_at')
        batch_op.drop_column('updated_by_id')
        batch_op.drop_column('updated_at')
        batch_op.drop_column('version')

    with op.batch_alter_table('kpi', schema=None) as batch_op:
        batch_op.drop_column('primary_source')

    with op.batch_alter_table('expense', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_expense_credit_has_reason'), type_='check')
        batch_op.drop_column('correction_reason')

    with op.batch_alter_table('status_transition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_transition_initiative_id'))

    op.drop_table('status_transition')
    with op.batch_alter_table('sso_identity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sso_identity_person_id'))

    op.drop_table('sso_identity')
    with op.batch_alter_table('sign_in_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sign_in_session_person_id'))

    op.drop_table('sign_in_session')
