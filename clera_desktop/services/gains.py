"""Lots, realised gains and a sale's tax effect, for the views and the trade ticket.

Reads run on the database's reader thread; the two settings (each account's lot method and the
default, the long-term holding period) are written on its writer and announced as
``Change.GAINS | Change.POSITIONS`` (a manual account's cost comes from its lots).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.clock import Clock
from clera_desktop.core.errors import CleraError
from clera_desktop.core.money import round_cents
from clera_desktop.core.words import said
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import Provider
from clera_desktop.models.provider_data import BrokerTaxLot
from clera_desktop.models.tables import Account, Position
from clera_desktop.models.upserts import put_app_setting
from clera_desktop.portfolio.gains import GainsReport, LotValue, Term, term_of, value_lots
from clera_desktop.portfolio.lots import Lot, LotMethod, preview_sale
from clera_desktop.services.gains_store import LONG_TERM_KEY, GainsCache, account_lots, long_term_months
from clera_desktop.store.derived import bring_up_to_date
from clera_desktop.store.manual import LOT_METHOD_KEY, lot_method
from clera_desktop.store.rates import rate_book

log = logging.getLogger(__name__)
ZERO = Decimal(0)
#: The acquisition day of shares held before the first recorded activity (unknown; sorts first).
BEFORE_RECORDS = date.min

#: What the brokerages' APIs let an order say about lots. None of them takes a lot choice with an
#: order (SnapTrade's place-order, Alpaca's orders and Plaid, which is read-only): the broker's
#: own method decides which lots it reports as sold.
BROKER_PICKS_LOTS = said("The brokerage's own method decides which lots it reports as sold: its API takes no lot "
                         "choice with an order. This estimate closes lots by your method for this account.")


@dataclass(frozen=True, slots=True)
class HoldingLots:
    """One holding's open lots in one account, beside what the brokerage reports."""

    account_id: str
    symbol: str
    currency: str  # the account's: every amount here
    method: LotMethod
    lots: tuple[LotValue, ...]
    quantity_held: Decimal | None  # what the brokerage (or the manual account) holds now
    our_cost: Decimal | None  # the lots' cost; None when any lot's is unknown
    broker_cost: Decimal | None  # the position's reported cost basis
    reason: str  # why ours and the broker's differ, or "" when they agree or cannot be compared
    broker_lots: tuple[BrokerTaxLot, ...] | None = None  # the brokerage's own lots, where it reports them
    kept_by_hand: bool = False  # a manual account's: no brokerage to compare with

    @property
    def difference(self) -> Decimal | None:
        return None if self.our_cost is None or self.broker_cost is None else self.our_cost - self.broker_cost

    @property
    def broker_lots_agree(self) -> bool | None:
        """Ours and the brokerage's are the same lots (day, shares, cost to the cent); None: nothing to compare."""
        if self.broker_lots is None:
            return None

        def key(acquired: date | None, quantity: Decimal, cost: Decimal | None) -> tuple[object, ...]:
            return (acquired, quantity.normalize(), None if cost is None else round_cents(cost))

        ours = sorted((key(v.lot.acquired, v.lot.quantity, v.lot.cost) for v in self.lots), key=repr)
        theirs = sorted((key(lot.acquired, lot.quantity, lot.cost) for lot in self.broker_lots), key=repr)
        return ours == theirs


def broker_lots(text: str | None) -> tuple[BrokerTaxLot, ...] | None:
    if not text:
        return None
    try:
        rows = json.loads(text)
        return tuple(BrokerTaxLot(date.fromisoformat(r["acquired"]) if r.get("acquired") else None, Decimal(r["quantity"]),
                                  Decimal(r["cost"]) if r.get("cost") is not None else None, r.get("lot_id"))
                     for r in rows)
    except (ValueError, KeyError, TypeError, ArithmeticError):
        log.warning("stored tax lots could not be read", exc_info=True)
        return None


@dataclass(frozen=True, slots=True)
class SalePart:
    acquired: date | None
    quantity: Decimal
    cost: Decimal | None
    proceeds: Decimal
    gain: Decimal | None
    term: Term


@dataclass(frozen=True, slots=True)
class SalePreview:
    """What a sale would realise, in the account's currency, by the account's method."""

    symbol: str
    currency: str
    method: LotMethod
    parts: tuple[SalePart, ...]
    price: Decimal  # per share, the estimate's (the latest quote)
    sheltered: bool = False  # a tax-advantaged account: nothing taxed when realised
    lot_choice: str = BROKER_PICKS_LOTS

    @property
    def gain(self) -> Decimal | None:
        gains = [p.gain for p in self.parts]
        return None if any(g is None for g in gains) else sum((g for g in gains if g is not None), ZERO)

    def gain_by_term(self) -> dict[Term, Decimal]:
        result: dict[Term, Decimal] = {}
        for part in self.parts:
            if part.gain is not None:
                result[part.term] = result.get(part.term, ZERO) + part.gain
        return result


def _holding(session: Session, account_id: str, symbol: str, today: date) -> HoldingLots:
    account = session.get(Account, account_id)
    if account is None:
        raise CleraError(said("That account no longer exists."))
    found = account_lots(session, [account_id])
    if not found:
        raise CleraError(said("{account} is not active.", account=account.name))
    lots_of_account = found[0]
    book = lots_of_account.book
    position = session.scalars(select(Position).where(Position.account_id == account_id, Position.symbol == symbol)).first()
    lots = sorted(book.open.get(symbol, ()), key=lambda lot: lot.acquired)
    held_by_lots = sum((lot.quantity for lot in lots), ZERO)
    reasons = []
    if position is not None and position.quantity > held_by_lots:
        missing = position.quantity - held_by_lots
        # the oldest shares (FIFO closes them first), of unknown cost and day
        lots.insert(0, Lot(symbol, BEFORE_RECORDS, missing, None, unknown_history=True))
        reasons.append(f"{missing.normalize():f} shares were bought before the first recorded activity: their cost "
                       "is unknown here")
    if any(lot.cost is None and not lot.unknown_history for lot in lots):
        reasons.append("shares arrived by a transfer that carried no cost")
    price = _price_in(session, position, account.currency)
    valued = value_lots(lots, price, today, long_term_months(session))
    our_cost = None if any(lot.cost is None for lot in lots) else sum((lot.cost or ZERO for lot in lots), ZERO)
    by_hand = account.provider is Provider.MANUAL
    broker_cost = position.cost_basis if position is not None and not by_hand else None  # a manual one's is ours
    if broker_cost is not None and position is not None and position.currency != account.currency:
        broker_cost = None  # reported in another currency than the lots' costs: not comparable to the cent
    if not reasons and our_cost is not None and broker_cost is not None and abs(our_cost - broker_cost) >= Decimal("0.01"):
        reasons.append(f"the brokerage may close lots by another method than {lots_of_account.method.label.lower()}, "
                       "or count fees differently")
    theirs = broker_lots(position.tax_lots) if position is not None and position.currency == account.currency else None
    return HoldingLots(account_id, symbol, account.currency, lots_of_account.method, tuple(valued),
                       position.quantity if position is not None else None, our_cost, broker_cost, "; ".join(reasons),
                       theirs, kept_by_hand=by_hand)


def _price_in(session: Session, position: Position | None, currency: str) -> Decimal | None:
    """The position's price in the account's currency (None: no price, or no stored rate)."""
    if position is None or position.price is None:
        return None
    if position.currency == currency:
        return position.price
    use = rate_book(session, newest_only=True).latest(position.currency, currency)
    return None if use is None else position.price * use.rate


class GainsService:
    def __init__(self, database: Database, clock: Callable[[], Clock], base_currency: Callable[[], str],
                 bus: ChangeBus) -> None:
        self._database = database
        self._clock = clock
        self._base = base_currency
        self._bus = bus
        self.cache = GainsCache()
        bus.subscribe(self._on_changes)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches(Change.GAINS):  # the method or the long-term period: every account's lots
            self.cache.clear()
        elif changes.touches(Change.ACTIVITIES | Change.ACCOUNTS | Change.POSITIONS):
            self.cache.clear(changes.accounts or None)

    async def warm(self) -> None:
        """Replay every account's lots now, on the reader thread, so the Gains view, Holdings' lots
        and a sale's review open at once later (200,000 activities take seconds the first time)."""
        await self._database.read(self.cache.account_lots)

    async def report(self, start: date, end: date, account_ids: Collection[str] | None = None) -> GainsReport:
        base = self._base()
        return await self._database.read(lambda s: self.cache.report(s, base, start, end, account_ids))

    async def years_with_sales(self) -> list[int]:
        """Tax years that have a sale, newest first, and always this one."""
        today = self._clock().today()

        def read(session: Session) -> list[int]:
            years = {part.sold_on.year for a in self.cache.account_lots(session) for part in a.book.realised}
            return sorted(years | {today.year}, reverse=True)

        return await self._database.read(read)

    async def holding_lots(self, account_id: str, symbol: str) -> HoldingLots:
        today = self._clock().today()
        return await self._database.read(lambda s: _holding(s, account_id, symbol, today))

    async def preview_sale(self, account_id: str, symbol: str, quantity: Decimal, price: Decimal,
                           fee: Decimal = ZERO) -> SalePreview:
        """Which lots selling ``quantity`` at ``price`` (account currency) would close, and the gain."""
        today = self._clock().today()

        def read(session: Session) -> SalePreview:
            holding = _holding(session, account_id, symbol, today)
            months = long_term_months(session)
            (lots_of_account,) = account_lots(session, [account_id])
            book = lots_of_account.book
            shown_unknown = [v.lot for v in holding.lots if v.lot.unknown_history]
            if shown_unknown:  # shares held before the activities began: closed first by FIFO, cost unknown
                book.open[symbol] = [*shown_unknown, *book.open.get(symbol, [])]
            proceeds = quantity * price - fee
            parts = preview_sale(book, symbol, quantity, proceeds, fee, today)
            return SalePreview(symbol, holding.currency, holding.method, tuple(
                SalePart(known, p.quantity, p.cost, p.proceeds, p.gain, term_of(known, today, months))
                for p in parts for known in [None if p.acquired in (None, BEFORE_RECORDS) else p.acquired]), price,
                lots_of_account.sheltered)

        return await self._database.read(read)

    async def method(self, account_id: str | None) -> LotMethod:
        return await self._database.read(lambda s: lot_method(s, account_id))

    async def set_lot_method(self, account_id: str | None, method: LotMethod) -> Changes:
        """The account's method for closing lots (``None``: the default for every account)."""
        clock = self._clock()

        def write(session: Session) -> None:
            key = LOT_METHOD_KEY if account_id is None else f"{LOT_METHOD_KEY}:{account_id}"
            put_app_setting(session, key, method.value, now=clock.now())
            bring_up_to_date(session, clock)  # a manual account's cost comes from its lots

        await self._database.write(write)
        accounts = frozenset({account_id}) if account_id else frozenset()
        announced = (said("Lots in this account's sales are closed {method}.", method=said(method.label)) if account_id
                     else said("Lots in every account's sales (unless set for it) are closed {method}.",
                               method=said(method.label)))
        return self._bus.announce(Changes(Change.POSITIONS | Change.GAINS, accounts, announced))

    async def long_term_months(self) -> int:
        return await self._database.read(long_term_months)

    async def set_long_term_months(self, months: int) -> Changes:
        if not 0 <= months <= 600:
            raise CleraError(said("The long-term holding period is a number of months from 0 to 600."))
        clock = self._clock()
        await self._database.write(lambda s: put_app_setting(s, LONG_TERM_KEY, str(months), now=clock.now()))
        return self._bus.announce(Changes(Change.GAINS, frozenset(),
                                          said("Held more than {months} months is long-term.", months=months)))
