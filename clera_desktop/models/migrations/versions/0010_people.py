"""a book's people: who owns each connection, account and SnapTrade user, and joint accounts' shares

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08

A book on one computer keeps these empty (everything is its one person's). A book shared on
PostgreSQL has one person per login role; ``clera-desktop server init`` adds the roles and the
row-level security policies that use these columns (models/shared_book.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import clera_desktop.models.column_types

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

KINDS = ("owner", "member", "viewer", "client")


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=True),
        sa.Column("kind", sa.Enum(*KINDS, name="personkind", native_enum=False, create_constraint=True, length=32),
                  nullable=False),
        sa.Column("created_at", clera_desktop.models.column_types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("login", name=op.f("uq_people_login")),
    )
    op.create_table(
        "account_shares",
        sa.Column("account_id", sa.String(length=160), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("share", clera_desktop.models.column_types.DecimalText(length=64), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name=op.f("fk_account_shares_account_id_accounts"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_account_shares_person_id_people"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("account_id", "person_id", name=op.f("pk_account_shares")),
    )
    for table, indexed in (("connections", True), ("accounts", True), ("snaptrade_users", False)):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("owner_id", sa.Integer(), nullable=True))
            batch.create_foreign_key(op.f(f"fk_{table}_owner_id_people"), "people", ["owner_id"], ["id"],
                                     ondelete="SET NULL")
            if indexed:
                batch.create_index(op.f(f"ix_{table}_owner_id"), ["owner_id"], unique=False)


def downgrade() -> None:
    for table, indexed in (("snaptrade_users", False), ("accounts", True), ("connections", True)):
        with op.batch_alter_table(table) as batch:
            if indexed:
                batch.drop_index(op.f(f"ix_{table}_owner_id"))
            batch.drop_constraint(op.f(f"fk_{table}_owner_id_people"), type_="foreignkey")
            batch.drop_column("owner_id")
    op.drop_table("account_shares")
    op.drop_table("people")
