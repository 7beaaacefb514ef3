"""attempt monotonic reference

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 21:54:30.911936
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mono_ref', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('boot_id', sa.String(length=64), nullable=False, server_default=''))



def downgrade() -> None:
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.drop_column('boot_id')
        batch_op.drop_column('mono_ref')

