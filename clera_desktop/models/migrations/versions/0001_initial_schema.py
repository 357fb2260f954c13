"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25

Money columns are TEXT holding canonical decimals (see models.column_types.DecimalText);
timestamps are naive UTC DATETIME text. The types are spelled out here with plain SQLAlchemy
types so this revision never changes when the app's column types do.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('account_id', sa.String(length=160), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_account_id'), ['account_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('connections',
    sa.Column('id', sa.String(length=160), nullable=False),
    sa.Column('provider', sa.Enum('snaptrade', 'plaid', 'alpaca', 'manual', name='provider', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('provider_connection_id', sa.String(length=128), nullable=False),
    sa.Column('brokerage_name', sa.String(length=200), nullable=False),
    sa.Column('brokerage_slug', sa.String(length=100), nullable=True),
    sa.Column('connection_type', sa.Enum('read', 'trade', name='connectiontype', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status', sa.Enum('active', 'needs_reconnect', 'disabled', name='connectionstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('status_reason', sa.Text(), nullable=True),
    sa.Column('disabled_since', sa.DateTime(), nullable=True),
    sa.Column('last_sync_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_connections')),
    sa.UniqueConstraint('provider', 'provider_connection_id', name=op.f('uq_connections_provider_provider_connection_id'))
    )
    op.create_table('daily_prices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('symbol', sa.String(length=64), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('open', sa.String(length=64), nullable=True),
    sa.Column('high', sa.String(length=64), nullable=True),
    sa.Column('low', sa.String(length=64), nullable=True),
    sa.Column('close', sa.String(length=64), nullable=False),
    sa.Column('volume', sa.String(length=64), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_daily_prices')),
    sa.UniqueConstraint('symbol', 'date', name=op.f('uq_daily_prices_symbol_date'))
    )
    op.create_table('fx_rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('base', sa.String(length=3), nullable=False),
    sa.Column('quote', sa.String(length=3), nullable=False),
    sa.Column('rate', sa.String(length=64), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fx_rates')),
    sa.UniqueConstraint('base', 'quote', 'as_of', name=op.f('uq_fx_rates_base_quote_as_of'))
    )
    op.create_table('snaptrade_users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.String(length=128), nullable=False),
    sa.Column('key_kind', sa.Enum('commercial', 'personal', name='snaptradekeykind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_snaptrade_users')),
    sa.UniqueConstraint('user_id', name=op.f('uq_snaptrade_users_user_id'))
    )
    op.create_table('accounts',
    sa.Column('id', sa.String(length=160), nullable=False),
    sa.Column('provider', sa.Enum('snaptrade', 'plaid', 'alpaca', 'manual', name='provider', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('provider_account_id', sa.String(length=128), nullable=False),
    sa.Column('connection_id', sa.String(length=160), nullable=True),
    sa.Column('institution', sa.String(length=200), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('masked_number', sa.String(length=32), nullable=True),
    sa.Column('account_type', sa.String(length=64), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('connection_type', sa.Enum('read', 'trade', name='connectiontype', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('is_paper', sa.Boolean(), nullable=False),
    sa.Column('stale_since', sa.DateTime(), nullable=True),
    sa.Column('last_sync_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('activities_synced_through', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['connection_id'], ['connections.id'], name=op.f('fk_accounts_connection_id_connections'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('provider', 'provider_account_id', name=op.f('uq_accounts_provider_provider_account_id'))
    )
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_accounts_connection_id'), ['connection_id'], unique=False)

    op.create_table('sync_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('provider', sa.Enum('snaptrade', 'plaid', 'alpaca', 'manual', name='provider', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('connection_id', sa.String(length=160), nullable=True),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.Enum('running', 'succeeded', 'partial', 'failed', name='syncstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['connection_id'], ['connections.id'], name=op.f('fk_sync_runs_connection_id_connections'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_runs'))
    )
    with op.batch_alter_table('sync_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_runs_connection_id'), ['connection_id'], unique=False)

    op.create_table('activities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.String(length=160), nullable=False),
    sa.Column('provider_activity_id', sa.String(length=160), nullable=False),
    sa.Column('type', sa.Enum('buy', 'sell', 'dividend', 'interest', 'deposit', 'withdrawal', 'fee', 'split', 'transfer_in', 'transfer_out', 'other', name='activitytype', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('raw_type', sa.String(length=64), nullable=True),
    sa.Column('trade_date', sa.Date(), nullable=False),
    sa.Column('settlement_date', sa.Date(), nullable=True),
    sa.Column('symbol', sa.String(length=64), nullable=True),
    sa.Column('quantity', sa.String(length=64), nullable=True),
    sa.Column('price', sa.String(length=64), nullable=True),
    sa.Column('amount', sa.String(length=64), nullable=True),
    sa.Column('fee', sa.String(length=64), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_activities_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activities')),
    sa.UniqueConstraint('account_id', 'provider_activity_id', name=op.f('uq_activities_account_id_provider_activity_id'))
    )
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.create_index('ix_activities_account_trade_date', ['account_id', 'trade_date'], unique=False)

    op.create_table('balances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.String(length=160), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('cash', sa.String(length=64), nullable=True),
    sa.Column('buying_power', sa.String(length=64), nullable=True),
    sa.Column('as_of', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_balances_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_balances')),
    sa.UniqueConstraint('account_id', 'currency', name=op.f('uq_balances_account_id_currency'))
    )
    op.create_table('orders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.String(length=160), nullable=False),
    sa.Column('provider_order_id', sa.String(length=160), nullable=True),
    sa.Column('client_order_id', sa.String(length=128), nullable=False),
    sa.Column('symbol', sa.String(length=64), nullable=False),
    sa.Column('side', sa.Enum('buy', 'sell', name='orderside', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('order_type', sa.Enum('market', 'limit', 'stop', 'stop_limit', name='ordertype', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('time_in_force', sa.Enum('day', 'gtc', 'ioc', 'fok', 'opg', 'cls', name='timeinforce', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('quantity', sa.String(length=64), nullable=True),
    sa.Column('notional', sa.String(length=64), nullable=True),
    sa.Column('limit_price', sa.String(length=64), nullable=True),
    sa.Column('stop_price', sa.String(length=64), nullable=True),
    sa.Column('status', sa.Enum('pending', 'accepted', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired', name='orderstatus', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('filled_quantity', sa.String(length=64), nullable=False),
    sa.Column('average_fill_price', sa.String(length=64), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('reject_reason', sa.Text(), nullable=True),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('filled_at', sa.DateTime(), nullable=True),
    sa.Column('canceled_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_orders_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_orders')),
    sa.UniqueConstraint('account_id', 'provider_order_id', name=op.f('uq_orders_account_id_provider_order_id')),
    sa.UniqueConstraint('client_order_id', name=op.f('uq_orders_client_order_id'))
    )
    op.create_table('portfolio_snapshots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.String(length=160), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('value', sa.String(length=64), nullable=False),
    sa.Column('cash', sa.String(length=64), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_portfolio_snapshots_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_portfolio_snapshots')),
    sa.UniqueConstraint('account_id', 'date', name=op.f('uq_portfolio_snapshots_account_id_date'))
    )
    op.create_table('positions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.String(length=160), nullable=False),
    sa.Column('symbol', sa.String(length=64), nullable=False),
    sa.Column('universal_symbol_id', sa.String(length=128), nullable=True),
    sa.Column('description', sa.String(length=300), nullable=True),
    sa.Column('security_type', sa.Enum('equity', 'etf', 'mutual_fund', 'bond', 'option', 'crypto', 'cash', 'other', name='securitytype', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('quantity', sa.String(length=64), nullable=False),
    sa.Column('price', sa.String(length=64), nullable=True),
    sa.Column('market_value', sa.String(length=64), nullable=True),
    sa.Column('average_cost', sa.String(length=64), nullable=True),
    sa.Column('cost_basis', sa.String(length=64), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('as_of', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_positions_account_id_accounts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_positions')),
    sa.UniqueConstraint('account_id', 'symbol', name=op.f('uq_positions_account_id_symbol'))
    )
    with op.batch_alter_table('positions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_positions_symbol'), ['symbol'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('positions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_positions_symbol'))

    op.drop_table('positions')
    op.drop_table('portfolio_snapshots')
    op.drop_table('orders')
    op.drop_table('balances')
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_index('ix_activities_account_trade_date')

    op.drop_table('activities')
    with op.batch_alter_table('sync_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_runs_connection_id'))

    op.drop_table('sync_runs')
    with op.batch_alter_table('accounts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_accounts_connection_id'))

    op.drop_table('accounts')
    op.drop_table('snaptrade_users')
    op.drop_table('fx_rates')
    op.drop_table('daily_prices')
    op.drop_table('connections')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))
        batch_op.drop_index(batch_op.f('ix_audit_log_account_id'))

    op.drop_table('audit_log')
