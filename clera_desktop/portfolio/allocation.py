"""Where the money is: the portfolio split by asset class, sector, region, country, currency,
account, institution or provider, for every account, a group of them, or one.

Every account is valued as every other view values it (:func:`worth.account_worth`, then its own
cents converted to the base currency's), and those cents are shared out among its holdings and
cash, the cent or two that rounding leaves over going to the largest parts. So the slices add up
to the very total the Holdings, Accounts and Dashboard views show, to the cent. What cannot be
valued (no price, or no rate to the base currency) is in no slice and is named.

Reading the store builds an :class:`AllocationBook` once (one row per holding per account); each
split is then a pass over it in memory, so changing the dimension needs no database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clera_desktop.core.money import CENT, quantize_cents
from clera_desktop.models.enums import SecurityType
from clera_desktop.models.tables import Account, Balance, DailyPrice, Position
from clera_desktop.portfolio.classification import CASH, Classification, Dimension, classifications
from clera_desktop.portfolio.rates import LatestRates
from clera_desktop.portfolio.totals import in_base, pair_name
from clera_desktop.portfolio.worth import account_worth

ZERO = Decimal(0)
HUNDRED = Decimal(100)
NO_CLASSIFICATION = Classification()


@dataclass(frozen=True, slots=True)
class Piece:
    """One holding (or one currency's cash) in one account, in the base currency."""

    account_id: str
    symbol: str | None  # None: cash
    name: str | None
    currency: str  # what it trades (or is held) in
    value: Decimal  # base currency, whole cents
    day_change: Decimal | None  # base currency; None: no previous close known


@dataclass(frozen=True, slots=True)
class AccountFacts:
    name: str
    institution: str
    provider: str


@dataclass(frozen=True, slots=True)
class SliceHolding:
    """A symbol's part of a slice, across the accounts in scope."""

    symbol: str | None  # None: cash
    name: str | None
    value: Decimal
    weight: Decimal  # percent of the scope's total
    day_change: Decimal | None
    accounts: tuple[str, ...]  # account names


@dataclass(frozen=True, slots=True)
class Slice:
    name: str
    value: Decimal
    weight: Decimal  # percent of the scope's total
    day_change: Decimal | None  # of the holdings with a previous close (None: none has one)
    holdings: tuple[SliceHolding, ...]  # largest first
    target: Decimal | None = None  # percent the person aims for
    day_change_missing: tuple[str, ...] = ()  # the holdings its day change leaves out (no previous close)

    @property
    def drift(self) -> Decimal | None:
        """Percentage points above (+) or below (-) the target."""
        return None if self.target is None else self.weight - self.target

    def to_rebalance(self, total: Decimal) -> Decimal | None:
        """What buying (+) or selling (-) would bring it to its target, in the base currency."""
        return None if self.target is None else quantize_cents(total * self.target / HUNDRED) - self.value


@dataclass(frozen=True, slots=True)
class Allocation:
    base: str
    dimension: Dimension
    total: Decimal
    slices: tuple[Slice, ...]  # largest first
    left_out: tuple[str, ...]  # what could not be valued, by name
    untargeted: Decimal | None = None  # percent of targets not set (None: no targets at all)


@dataclass(frozen=True)
class AllocationBook:
    """Every holding of every active account, valued once; split along any dimension in memory."""

    base: str
    as_of: date
    pieces: tuple[Piece, ...]
    accounts: Mapping[str, AccountFacts]
    classes: Mapping[str, Classification]
    left_out: Mapping[str, tuple[str, ...]]  # account id -> what of it could not be valued

    def split(self, dimension: Dimension, account_ids: Collection[str] | None = None,
              targets: Mapping[str, Decimal] | None = None) -> Allocation:
        chosen = [p for p in self.pieces if account_ids is None or p.account_id in account_ids]
        total = sum((p.value for p in chosen), ZERO)
        key = self._key(dimension)
        groups: dict[str, list[Piece]] = defaultdict(list)
        for piece in chosen:
            groups[key(piece)].append(piece)
        targets = targets or {}
        slices = [self._slice(name, pieces, total, targets.get(name)) for name, pieces in groups.items()]
        for name, target in targets.items():  # a class aimed for but not held: 0 now, all to buy
            if name not in groups:
                slices.append(Slice(name, ZERO, ZERO, ZERO, (), target))
        slices.sort(key=lambda s: (-s.value, s.name))
        left = sorted({what for account_id, whats in self.left_out.items()
                       if account_ids is None or account_id in account_ids for what in whats})
        untargeted = None if not targets else HUNDRED - sum(targets.values(), ZERO)
        return Allocation(self.base, dimension, total, tuple(slices), tuple(left), untargeted)

    def _key(self, dimension: Dimension) -> Callable[[Piece], str]:
        accounts = self.accounts
        if dimension is Dimension.CURRENCY:
            return lambda p: p.currency
        if dimension is Dimension.ACCOUNT:
            return lambda p: accounts[p.account_id].name
        if dimension is Dimension.INSTITUTION:
            return lambda p: accounts[p.account_id].institution
        if dimension is Dimension.PROVIDER:
            return lambda p: accounts[p.account_id].provider
        classes = self.classes
        return lambda p: CASH if p.symbol is None else classes.get(p.symbol, NO_CLASSIFICATION).along(dimension)

    def _slice(self, name: str, pieces: list[Piece], total: Decimal, target: Decimal | None) -> Slice:
        by_symbol: dict[str | None, list[Piece]] = defaultdict(list)
        for piece in pieces:
            by_symbol[piece.symbol].append(piece)
        holdings = [
            SliceHolding(symbol, parts[0].name, value := sum((p.value for p in parts), ZERO), weight(value, total),
                         _sum_known(p.day_change for p in parts),
                         tuple(sorted({self.accounts[p.account_id].name for p in parts})))
            for symbol, parts in by_symbol.items()
        ]
        holdings.sort(key=lambda h: (-h.value, h.symbol or ""))
        value = sum((h.value for h in holdings), ZERO)
        known = [h.day_change for h in holdings if h.day_change is not None]
        missing = tuple(h.symbol or "cash" for h in holdings if h.day_change is None)
        return Slice(name, value, weight(value, total), sum(known, ZERO) if known else None, tuple(holdings),
                     target, missing)


def weight(value: Decimal, total: Decimal) -> Decimal:
    return ZERO if not total else value * HUNDRED / total


def _sum_known(values: Iterable[Decimal | None]) -> Decimal | None:
    total = ZERO
    for value in values:
        if value is None:
            return None
        total += value
    return total


def share_out(total: Decimal, parts: list[Decimal]) -> list[Decimal]:
    """``parts`` (exact) to whole cents that add up to ``total`` (whole cents): each rounded, and the
    cents rounding left over given one at a time to the largest parts first."""
    shares = [quantize_cents(part) for part in parts]
    left = int((total - sum(shares, ZERO)) / CENT)
    if left and parts:
        order = sorted(range(len(parts)), key=lambda n: abs(parts[n]), reverse=True)
        step = CENT if left > 0 else -CENT
        for k in range(abs(left)):
            shares[order[k % len(order)]] += step
    return shares


def previous_closes(session: Session, today: date) -> dict[str, Decimal]:
    """Each symbol's last daily close before ``today``: what its day change is measured from."""
    last = (select(DailyPrice.symbol, func.max(DailyPrice.date).label("day"))
            .where(DailyPrice.date < today).group_by(DailyPrice.symbol).subquery())
    rows = session.execute(select(DailyPrice.symbol, DailyPrice.close)
                           .join(last, (DailyPrice.symbol == last.c.symbol) & (DailyPrice.date == last.c.day)))
    return {symbol: close for symbol, close in rows}  # noqa: C416 - a Result is not a mapping


def allocation_book(session: Session, base: str, market_day: date) -> AllocationBook:
    """Every active account's holdings and cash in ``base``; each day change since the last close
    before ``market_day`` (the trading calendar's today)."""
    accounts = session.execute(select(Account.id, Account.name, Account.institution, Account.provider,
                                      Account.currency).where(Account.is_active.is_(True))).all()
    positions = defaultdict(list)
    for row in session.execute(select(Position.account_id, Position.symbol, Position.description,
                                      Position.security_type, Position.quantity, Position.price,
                                      Position.market_value, Position.currency)):
        positions[row.account_id].append(row)
    balances = defaultdict(list)
    for balance in session.execute(select(Balance.account_id, Balance.currency, Balance.cash)):
        balances[balance.account_id].append(balance)
    rates = LatestRates.from_store(session)
    closes = previous_closes(session, market_day)
    pieces: list[Piece] = []
    facts: dict[str, AccountFacts] = {}
    left_out: dict[str, tuple[str, ...]] = {}
    for account_id, name, institution, provider, currency in accounts:
        facts[account_id] = AccountFacts(name, institution, provider.value)
        worth = account_worth(currency, positions[account_id], balances[account_id], rates)
        missing = [*worth.missing_prices, *worth.missing_rates]
        fx = rates.rate(currency, base)
        if worth.value and fx is None:
            left_out[account_id] = (f"{name} ({pair_name(currency, base)})",)
            continue
        if missing:
            left_out[account_id] = tuple(f"{what} in {name}" for what in missing)
        rate = Decimal(1) if fx is None else fx.rate
        own = _pieces_in_own_currency(account_id, currency, positions[account_id], balances[account_id], rates,
                                      worth.conversions, closes)
        total = in_base(worth.value, rate) if worth.value else ZERO
        values = share_out(total, [value * rate for _, value, _ in own])
        pieces.extend(Piece(account_id, piece.symbol, piece.name, piece.currency, value,
                            None if change is None else quantize_cents(change * rate))
                      for (piece, _, change), value in zip(own, values, strict=True))
    return AllocationBook(base, market_day, tuple(pieces), facts, classifications(session), left_out)


def _pieces_in_own_currency(account_id: str, currency: str, positions: list[Any], balances: list[Any], rates: LatestRates,
                            conversions: Mapping[str, Decimal], closes: Mapping[str, Decimal],
                            ) -> list[tuple[Piece, Decimal, Decimal | None]]:
    """(piece, exact value, exact day change) in the account's currency, counted as ``account_worth``
    counts them (its cash by currency; what it could not value left out)."""
    cash: dict[str, Decimal] = defaultdict(Decimal)

    def add_cash(amount: Decimal, source: str) -> None:
        if source == currency:
            cash[source] += amount
        elif (fx := rates.rate(source, currency)) is not None:
            cash[source] += amount * fx.rate

    for balance in balances:
        if balance.cash is not None:
            add_cash(balance.cash, balance.currency)
    held = []
    for p in positions:
        if p.security_type is SecurityType.CASH:
            add_cash(p.market_value if p.market_value is not None else p.quantity, p.currency)
            continue
        if p.currency != currency and p.symbol not in conversions:
            continue  # no rate: named by account_worth
        factor = conversions.get(p.symbol, Decimal(1))
        close = closes.get(p.symbol)
        if p.price is not None:
            change = None if close is None else p.quantity * (p.price - close) * factor
            held.append((Piece(account_id, p.symbol, p.description, p.currency, ZERO, None),
                         p.quantity * p.price * factor, change))
        elif p.market_value is not None:
            held.append((Piece(account_id, p.symbol, p.description, p.currency, ZERO, None),
                         p.market_value * factor, None))
    held.extend((Piece(account_id, None, "Cash", source, ZERO, None), amount, ZERO)
                for source, amount in sorted(cash.items()) if amount)
    return held
