"""interrupted sync runs; TAX and REFUND activities; tax withheld, carried cost and acquisition day;
daily snapshots split flows into in and out, mark internal transfers, and carry fees and taxes

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SYNC_BEFORE = ("running", "succeeded", "partial", "failed")
SYNC_AFTER = (*SYNC_BEFORE, "interrupted")
ACTIVITY_BEFORE = ("buy", "sell", "dividend", "interest", "deposit", "withdrawal", "fee", "split", "transfer_in",
                   "transfer_out", "other")
ACTIVITY_AFTER = (*ACTIVITY_BEFORE[:-1], "tax", "refund", "other")
SNAPSHOT_COLUMNS = ("flow_out", "internal_flow", "fees", "taxes")


def _vocabulary(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    with op.batch_alter_table("sync_runs") as batch:
        batch.alter_column("status", existing_type=_vocabulary(SYNC_BEFORE, "syncstatus"),
                           type_=_vocabulary(SYNC_AFTER, "syncstatus"), existing_nullable=False)
    with op.batch_alter_table("activities") as batch:
        batch.alter_column("type", existing_type=_vocabulary(ACTIVITY_BEFORE, "activitytype"),
                           type_=_vocabulary(ACTIVITY_AFTER, "activitytype"), existing_nullable=False)
        batch.add_column(sa.Column("tax", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("cost_basis", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("acquired_on", sa.Date(), nullable=True))
    with op.batch_alter_table("portfolio_snapshots") as batch:
        for column in SNAPSHOT_COLUMNS:
            batch.add_column(sa.Column(column, sa.String(length=64), nullable=False, server_default="0"))
    # a history state names what was rebuilt from what: every account is rebuilt with the new figures
    op.execute("DELETE FROM app_settings WHERE key LIKE 'history:%'")


def downgrade() -> None:
    with op.batch_alter_table("portfolio_snapshots") as batch:
        for column in reversed(SNAPSHOT_COLUMNS):
            batch.drop_column(column)
    op.execute("UPDATE sync_runs SET status = 'failed' WHERE status = 'interrupted'")
    op.execute("UPDATE activities SET type = 'other' WHERE type IN ('tax', 'refund')")
    with op.batch_alter_table("activities") as batch:
        batch.drop_column("acquired_on")
        batch.drop_column("cost_basis")
        batch.drop_column("tax")
        batch.alter_column("type", existing_type=_vocabulary(ACTIVITY_AFTER, "activitytype"),
                           type_=_vocabulary(ACTIVITY_BEFORE, "activitytype"), existing_nullable=False)
    with op.batch_alter_table("sync_runs") as batch:
        batch.alter_column("status", existing_type=_vocabulary(SYNC_AFTER, "syncstatus"),
                           type_=_vocabulary(SYNC_BEFORE, "syncstatus"), existing_nullable=False)
