"""the lesson a cycle carries forward is stored as data

Revision ID: 0008_lesson_as_data
Revises: 0007_live_reading_slot
Create Date: 2026-12-07 05:10:00

An Adjust decision opened the next cycle with the background "Lesson from cycle N: <lesson>", an English
sentence stored for every reader. The background now holds the lesson alone and `lesson_from_cycle` the number
N; the sentence is written in the reader's language when shown. The upgrade parses the stored prefix back into
the column; the downgrade writes it again.
"""
import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008_lesson_as_data'
down_revision: str | None = '0007_live_reading_slot'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PREFIX = re.compile(r"Lesson from cycle (\d+): (.*)", re.DOTALL)

cycle = sa.table(
    'pdca_cycle',
    sa.column('id', sa.Integer),
    sa.column('background', sa.String),
    sa.column('lesson_from_cycle', sa.Integer),
)


def upgrade() -> None:
    with op.batch_alter_table('pdca_cycle', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lesson_from_cycle', sa.Integer(), nullable=True))
    connection = op.get_bind()
    carried = connection.execute(
        sa.select(cycle.c.id, cycle.c.background).where(cycle.c.background.like('Lesson from cycle %: %'))
    ).all()
    for row_id, background in carried:
        match = PREFIX.fullmatch(background)
        if match:
            connection.execute(
                sa.update(cycle)
                .where(cycle.c.id == row_id)
                .values(background=match.group(2), lesson_from_cycle=int(match.group(1)))
            )


def downgrade() -> None:
    connection = op.get_bind()
    carried = connection.execute(
        sa.select(cycle.c.id, cycle.c.background, cycle.c.lesson_from_cycle).where(
            cycle.c.lesson_from_cycle.is_not(None)
        )
    ).all()
    for row_id, background, number in carried:
        connection.execute(
            sa.update(cycle).where(cycle.c.id == row_id).values(background=f"Lesson from cycle {number}: {background}")
        )
    with op.batch_alter_table('pdca_cycle', schema=None) as batch_op:
        batch_op.drop_column('lesson_from_cycle')
