"""daily snapshots carry the day's external flows and income (for returns)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("portfolio_snapshots") as batch:
        batch.add_column(sa.Column("net_flow", sa.String(length=64), nullable=False, server_default="0"))
        batch.add_column(sa.Column("income", sa.String(length=64), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("portfolio_snapshots") as batch:
        batch.drop_column("income")
        batch.drop_column("net_flow")
