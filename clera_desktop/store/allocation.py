"""The store reads behind portfolio/allocation.py (its computations stay pure there)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple, cast

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from clera_desktop.core.money import round_cents
from clera_desktop.models.enums import SecurityType
from clera_desktop.models.tables import Account, Balance, DailyPrice
from clera_desktop.portfolio.allocation import (
    ZERO,
    AccountFacts,
    AllocationBook,
    Piece,
)
from clera_desktop.portfolio.totals import pair_name
from clera_desktop.portfolio.worth import Worth, account_worth, base_shares, cash_pieces
from clera_desktop.store.classification import classifications
from clera_desktop.store.rates import rate_book


def previous_closes(session: Session, today: date) -> dict[str, Decimal]:
    """Each symbol's last daily close before ``today``: what its day change is measured from."""
    last = (select(DailyPrice.symbol, func.max(DailyPrice.date).label("day"))
            .where(DailyPrice.date < today).group_by(DailyPrice.symbol).subquery())
    rows = session.execute(select(DailyPrice.symbol, DailyPrice.close)
                           .join(last, (DailyPrice.symbol == last.c.symbol) & (DailyPrice.date == last.c.day)))
    return {symbol: close for symbol, close in rows}  # noqa: C416 - a Result is not a mapping


#: The positions as stored (Decimals as their exact text), without the column types' processing:
#: with it (and every account valued through ORM rows) 60,000 took 1.4 s to book; this way
#: 0.55 s (bench/allocation_bench.py).
POSITION_ROWS = text("SELECT account_id, symbol, description, security_type, quantity, price, market_value, currency "
                     "FROM positions")


class _Stored(NamedTuple):
    """A stored position as :func:`worth.account_worth` reads it."""

    symbol: str
    description: str | None
    security_type: SecurityType
    quantity: Decimal
    price: Decimal | None
    market_value: Decimal | None
    currency: str


def _stored(row: Any) -> _Stored:
    _account, symbol, description, kind, quantity, price, market_value, currency = row
    return _Stored(symbol, description, SecurityType(kind), Decimal(quantity), None if price is None else Decimal(price),
                 None if market_value is None else Decimal(market_value), currency)


@dataclass(frozen=True, slots=True)
class _Own:
    """One piece in its account's currency, exact, before the account's cents are shared out."""

    symbol: str | None
    name: str | None
    currency: str
    value: Decimal
    day_change: Decimal | None


def allocation_book(session: Session, base: str, market_day: date) -> AllocationBook:
    """Every active account's holdings and cash in ``base``; each day change since the last close
    before ``market_day`` (the trading calendar's today)."""
    accounts = session.execute(select(Account.id, Account.name, Account.institution, Account.provider,
                                      Account.currency).where(Account.is_active.is_(True))).all()
    positions: dict[str, list[_Stored]] = defaultdict(list)
    for row in session.execute(POSITION_ROWS):
        positions[row[0]].append(_stored(row))
    balances: dict[str, list[Any]] = defaultdict(list)
    for balance in session.execute(select(Balance.account_id, Balance.currency, Balance.cash)):
        balances[balance.account_id].append(balance)
    rates = rate_book(session, newest_only=True)
    closes = previous_closes(session, market_day)
    pieces: list[Piece] = []
    facts: dict[str, AccountFacts] = {}
    left_out: dict[str, tuple[str, ...]] = {}
    for account_id, name, institution, provider, currency in accounts:
        facts[account_id] = AccountFacts(name, institution, provider.value)
        worth = account_worth(currency, positions[account_id], balances[account_id], rates)
        fx = rates.latest(currency, base)
        if worth.value and fx is None:
            left_out[account_id] = (f"{name} ({pair_name(currency, base)})",)
            continue
        if not worth.complete:
            left_out[account_id] = tuple(f"{what} in {name}" for what in (*worth.missing_prices, *worth.missing_rates))
        rate = Decimal(1) if fx is None else fx.rate
        own = _own_pieces(worth, closes)
        shares = base_shares(worth, rate)
        pieces.extend(Piece(account_id, p.symbol, p.name, p.currency, share,
                            None if p.day_change is None else round_cents(p.day_change * rate))
                      for p, share in zip(own, shares, strict=True))
    return AllocationBook(base, market_day, tuple(pieces), facts, classifications(session), left_out)


def _own_pieces(worth: Worth, closes: Mapping[str, Decimal]) -> list[_Own]:
    """The account's pieces as ``account_worth`` counted them, each with its change since the
    previous close (a position valued by its reported value alone has none)."""
    own = []
    for position, value in worth.valued:
        close = closes.get(position.symbol)
        change = None
        if close is not None and position.price is not None:
            change = position.quantity * (position.price - close) * worth.conversions.get(position.symbol, Decimal(1))
        own.append(_Own(position.symbol, cast(_Stored, position).description, position.currency, value, change))
    own.extend(_Own(None, "Cash", source, amount, ZERO) for source, amount in cash_pieces(worth))
    return own
