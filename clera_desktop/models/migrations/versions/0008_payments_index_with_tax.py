"""the payments index holds the tax lines too (a holding's tax withheld, reported apart)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

The Income view counts a holding's TAX lines as the tax withheld from its dividends; its query
reads them through the same partial index as the payments, so the index's condition widens.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COLUMNS = ["trade_date", "account_id", "currency", "type", "symbol", "amount", "fee", "tax"]


def upgrade() -> None:
    op.drop_index("ix_activities_payments", table_name="activities")
    op.create_index("ix_activities_payments", "activities", COLUMNS,
                    sqlite_where=sa.text("type IN ('dividend', 'interest', 'tax')"),
                    postgresql_where=sa.text("type IN ('dividend', 'interest', 'tax')"))


def downgrade() -> None:
    op.drop_index("ix_activities_payments", table_name="activities")
    op.create_index("ix_activities_payments", "activities", COLUMNS,
                    sqlite_where=sa.text("type IN ('dividend', 'interest')"),
                    postgresql_where=sa.text("type IN ('dividend', 'interest')"))
