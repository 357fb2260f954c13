"""The store reads behind portfolio/holdings.py (its computations stay pure there)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from clera_desktop.models.enums import SecurityType
from clera_desktop.models.queries import position_value
from clera_desktop.portfolio.holdings import (
    ZERO,
    HoldingAccountRow,
    HoldingPart,
    HoldingsSnapshot,
    snapshot_of,
)
from clera_desktop.portfolio.worth import base_shares
from clera_desktop.store.rates import rate_book
from clera_desktop.store.valuation import valued_accounts


def holdings_snapshot(session: Session, base: str) -> HoldingsSnapshot:
    rates = rate_book(session, newest_only=True)
    valued = valued_accounts(session, base, rates=rates)
    currency_rates: dict[str, Decimal] = {}
    cash_by_account: dict[str, Decimal] = {}
    parts: list[tuple[tuple[str, str, str, str], HoldingPart]] = []  # sorted by symbol, currency, account name, id
    for account in valued:
        value, worth = account.value, account.worth
        share_of: dict[int, Decimal] = {}  # id(position) -> its share of the account's base total
        if not worth.value or value.fx is not None:  # else no rate to the base: left out of the total, and named
            shares = base_shares(worth, Decimal(1) if value.fx is None else value.fx.rate)
            held, cash = shares[:len(worth.valued)], shares[len(worth.valued):]
            share_of.update((id(counted), share) for (counted, _), share in zip(worth.valued, held, strict=True))
            cash_by_account[value.account_id] = sum(cash, ZERO)
        for position in account.positions:
            if position.security_type is SecurityType.CASH:
                continue
            fx = rates.latest(position.currency, base)
            if fx is not None:
                currency_rates[position.currency] = fx.rate
            order = (position.symbol, position.currency, value.name, value.account_id)
            parts.append((order, HoldingPart(position.symbol, position.currency, position.description, HoldingAccountRow(
                value.account_id, value.name, value.provider, position.quantity, position_value(position),
                position.price, share_of.get(id(position)), position.cost_basis))))
    parts.sort(key=lambda keyed: keyed[0])
    return snapshot_of(base, (part for _, part in parts), [v.value for v in valued], cash_by_account, currency_rates)
