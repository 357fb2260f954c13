"""accounts remember a digest of the positions and cash last written from their provider

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

A repeat sync brings every position and balance again, mostly unchanged; comparing the digest of
what came with the one stored skips the row-by-row upserts (a third of a repeat sync's writing).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("holdings_digest", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("holdings_digest")
