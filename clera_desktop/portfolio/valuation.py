"""Account values in their own currency and in the person's base currency.

A value in base currency needs a recorded FX rate; without one it is ``None`` ("unknown"),
never a silent 1.0. The rate and its date travel with the value so the UI can say so.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.core.money import sum_known
from clera_desktop.models.domain import AccountValue, FxUse
from clera_desktop.models.enums import ConnectionStatus, SecurityType
from clera_desktop.models.queries import position_value
from clera_desktop.models.tables import Account, Balance, Connection, FxRate, Position


def latest_rate(session: Session, base: str, quote: str) -> FxUse | None:
    """One ``base`` unit in ``quote``, from the newest stored day (either direction)."""
    if base == quote:
        return FxUse(Decimal(1), date.min)
    direct = session.execute(select(FxRate.rate, FxRate.as_of).where(FxRate.base == base, FxRate.quote == quote)
                             .order_by(FxRate.as_of.desc()).limit(1)).first()
    if direct is not None:
        return FxUse(direct.rate, direct.as_of)
    inverse = session.execute(select(FxRate.rate, FxRate.as_of).where(FxRate.base == quote, FxRate.quote == base)
                              .order_by(FxRate.as_of.desc()).limit(1)).first()
    if inverse is not None and inverse.rate:
        return FxUse(Decimal(1) / inverse.rate, inverse.as_of)
    return None


def account_values(session: Session, base_currency: str, *, include_inactive: bool = False) -> list[AccountValue]:
    query = select(Account, Connection).outerjoin(Connection, Connection.id == Account.connection_id)
    if not include_inactive:
        query = query.where(Account.is_active.is_(True))
    rows = session.execute(query.order_by(Account.institution, Account.name)).all()
    positions: dict[str, list[Position]] = {}
    for position in session.scalars(select(Position)):
        positions.setdefault(position.account_id, []).append(position)
    cash_rows = session.execute(select(Balance.account_id, Balance.currency, Balance.cash)).all()
    cash: dict[str, dict[str, Decimal | None]] = {}
    for account_id, currency, amount in cash_rows:
        cash.setdefault(account_id, {})[currency] = amount
    values = []
    for account, connection in rows:
        held = [p for p in positions.get(account.id, []) if p.security_type is not SecurityType.CASH]
        parts = [position_value(p) for p in held]
        positions_value = sum_known(parts)
        account_cash = cash.get(account.id, {}).get(account.currency)
        total = None if positions_value is None or account_cash is None else positions_value + account_cash
        fx = latest_rate(session, account.currency, base_currency)
        status = ConnectionStatus.ACTIVE.value if connection is None else connection.status.value
        values.append(AccountValue(
            account_id=account.id, name=account.name, institution=account.institution,
            provider=account.provider.value, masked_number=account.masked_number, account_type=account.account_type,
            connection_type=account.connection_type.value, currency=account.currency, cash=account_cash,
            positions_value=positions_value, total=total, base_currency=base_currency,
            total_base=None if total is None or fx is None else total * fx.rate, fx=fx,
            last_sync_at=account.last_sync_at, stale_since=account.stale_since, status=status,
            status_reason=(connection.status_reason if connection else None) or account.last_error,
            is_paper=account.is_paper,
        ))
    return values
