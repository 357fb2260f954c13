"""what each security is: the providers' classification and the person's own

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

``securities`` holds what the providers report (type, exchange, sector, industry) and is written
by the sync; ``security_choices`` holds the person's reclassifications, which no sync touches;
``taxonomy_terms`` the classes the person added; ``allocation_targets`` the share the person
aims for in a class.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SECURITY_TYPES = ("equity", "etf", "mutual_fund", "bond", "option", "crypto", "cash", "other")


def upgrade() -> None:
    op.create_table(
        "securities",
        sa.Column("symbol", sa.String(length=64), nullable=False),
        sa.Column("security_type", sa.Enum(*SECURITY_TYPES, name="securitytype", native_enum=False,
                                           create_constraint=True, length=32), nullable=True),
        sa.Column("exchange", sa.String(length=32), nullable=True),
        sa.Column("sector", sa.String(length=100), nullable=True),
        sa.Column("industry", sa.String(length=100), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("symbol", name=op.f("pk_securities")),
    )
    op.create_table(
        "security_choices",
        sa.Column("symbol", sa.String(length=64), nullable=False),
        sa.Column("dimension", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("symbol", "dimension", name=op.f("pk_security_choices")),
    )
    op.create_table(
        "taxonomy_terms",
        sa.Column("dimension", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("dimension", "name", name=op.f("pk_taxonomy_terms")),
    )
    op.create_table(
        "allocation_targets",
        sa.Column("dimension", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("percent", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("dimension", "name", name=op.f("pk_allocation_targets")),
    )


def downgrade() -> None:
    op.drop_table("allocation_targets")
    op.drop_table("taxonomy_terms")
    op.drop_table("security_choices")
    op.drop_table("securities")
