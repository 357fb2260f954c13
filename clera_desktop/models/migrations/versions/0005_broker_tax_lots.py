"""positions carry the brokerage's own tax lots, where it reports them

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("positions") as batch:
        batch.add_column(sa.Column("tax_lots", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("positions") as batch:
        batch.drop_column("tax_lots")
