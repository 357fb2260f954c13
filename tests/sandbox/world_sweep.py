"""What the UI tests assume of the demo world, checked for one day's world without a window or a store.

The demo world is rebuilt for every day (its three years of history end on the clock's day), so a
test that holds on five days can fail on the sixth (2026-12-07: a lot of 1,700.145 rounded two
ways). :func:`check_day` builds one day's world and takes its activities and tax lots through the
same two halves the sync joins: the sandbox's SnapTrade JSON (``snaptrade_shapes``) read by the
app's SnapTrade parser. Then, per account:

- the activities explain the holdings the brokerage reports (our lots hold its shares);
- each sale's closed lots add up to the shares sold, and their proceeds to the sale's;
- where the brokerage reports tax lots (E*TRADE), ours are the same lots to the cent
  (``HoldingLots.broker_lots_agree``, what the Holdings view shows);
- the account's value through ``portfolio/worth`` (Accounts) equals the history's value on the
  same day (Performance and the report), and the Allocation view's pieces of it add up to that
  value in whole cents.

tests/sandbox/test_world_every_day.py walks 400+ consecutive days with it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

import numpy as np

from clera_desktop.core.clock import FixedClock
from clera_desktop.core.money import round_cents
from clera_desktop.models.enums import ActivityType, SecurityType
from clera_desktop.portfolio.gains import value_lots
from clera_desktop.portfolio.history import ActivityRecord, PriceTable, rebuild_account
from clera_desktop.portfolio.lots import LotBook, LotMethod, Realised, build_lots, open_lots
from clera_desktop.portfolio.rates import RateBook
from clera_desktop.portfolio.totals import in_base
from clera_desktop.portfolio.worth import account_worth, share_out
from clera_desktop.providers.snaptrade import SnapTradeClient, _tax_lots
from clera_desktop.sandbox import snaptrade_shapes
from clera_desktop.sandbox.ledger import TAX_LOT_INSTITUTIONS, fifo_lots
from clera_desktop.sandbox.world import DemoAccount, DemoWorld
from clera_desktop.services.gains import HoldingLots
from clera_desktop.store.allocation import _own_pieces

SEED = 7  # the demo's (SandboxServer's default)
ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class _Position:
    symbol: str
    quantity: Decimal
    price: Decimal | None
    currency: str
    market_value: Decimal | None = None
    security_type: SecurityType = SecurityType.EQUITY
    description: str | None = None


@dataclass(frozen=True, slots=True)
class _Cash:
    currency: str
    cash: Decimal | None


def _no_fx(source: str, target: str, days: list[date]) -> np.ndarray:
    return np.full(len(days), np.nan)


def _over_the_wire(payload: object) -> object:
    """As the SDK hands it over: through JSON text (floats where the sandbox sends numbers)."""
    return json.loads(json.dumps(payload, default=str))


def app_records(world: DemoWorld, account: DemoAccount) -> list[ActivityRecord]:
    """The account's ledger as the app stores it after a sync: SnapTrade's JSON, the app's parser."""
    remote = SimpleNamespace(currency=account.currency)  # what the parser reads of the account
    records = []
    for index, event in enumerate(account.ledger):
        instrument = world.instruments.get(event.symbol) if event.symbol else None
        item = _over_the_wire(snaptrade_shapes.activity(account, event, instrument, account.institution))
        parsed = SnapTradeClient._activity(item, remote)  # type: ignore[arg-type]
        records.append(ActivityRecord(parsed.trade_date, parsed.type, parsed.symbol, parsed.quantity, parsed.price,
                                      parsed.amount, parsed.fee, tax=parsed.tax, id=index))
    return records


def _shown(world: DemoWorld, symbol: str) -> str:
    """The symbol as SnapTrade shows it, and so as the app keeps it (``RY.TO``)."""
    return snaptrade_shapes.display_symbol(world.instruments[symbol])


def check_day(day: date) -> list[str]:
    """Every broken assumption in ``day``'s demo world, in words (an empty list: all hold)."""
    world = DemoWorld.build(SEED, FixedClock.on(day))
    valued_on = max(d for d in world.days if d < world.as_of)  # the last close the history holds
    problems: list[str] = []
    for account in world.all_accounts():
        where = f"{day} {account.name}"
        records = app_records(world, account)
        book = build_lots(records, LotMethod.FIFO)
        ours = {symbol: book.held(symbol) for symbol in book.open if book.held(symbol)}
        theirs = {_shown(world, symbol): holding.quantity for symbol, holding in account.book.holdings.items()}
        if ours != theirs:
            problems.append(f"{where}: the activities explain {ours}, the brokerage holds {theirs}")
            continue
        problems += _sales_add_up(where, records, book.realised)
        if account.institution in TAX_LOT_INSTITUTIONS:
            problems += _lots_agree(where, world, account, book, valued_on)
        problems += _values_agree(where, world, account, records, valued_on)
    return problems


def _sales_add_up(where: str, records: list[ActivityRecord], realised: list[Realised]) -> list[str]:
    shares: dict[int | None, Decimal] = defaultdict(Decimal)
    proceeds: dict[int | None, Decimal] = defaultdict(Decimal)
    for part in realised:
        shares[part.closed_by] += part.quantity
        proceeds[part.closed_by] += part.proceeds
    problems = []
    for r in records:
        if r.type is ActivityType.SELL and r.quantity and (shares[r.id] != r.quantity or proceeds[r.id] != r.amount):
            problems.append(f"{where}: the sale of {r.quantity} {r.symbol} on {r.day} closed lots of "
                            f"{shares[r.id]} shares for {proceeds[r.id]} (sold for {r.amount})")
    return problems


def _lots_agree(where: str, world: DemoWorld, account: DemoAccount, book: LotBook, valued_on: date) -> list[str]:
    problems = []
    for symbol, holding in sorted(account.book.holdings.items()):
        price = world.prices.close_on(symbol, valued_on)
        reported = _over_the_wire([snaptrade_shapes.tax_lot(lot, price) for lot in fifo_lots(account.ledger, symbol)])
        lots = open_lots(book, _shown(world, symbol))
        shown = HoldingLots(account.id, symbol, account.currency, LotMethod.FIFO, tuple(value_lots(lots, price, valued_on)),
                            holding.quantity, book.cost(_shown(world, symbol)), round_cents(holding.cost), "",
                            _tax_lots(reported))
        if not shown.broker_lots_agree:
            ours = [(lot.acquired, lot.quantity, lot.cost) for lot in lots]
            theirs = [(lot.acquired, lot.quantity, lot.cost) for lot in shown.broker_lots or ()]
            problems.append(f"{where}: {symbol} lots differ: ours {ours}, the brokerage's {theirs}")
    return problems


def _values_agree(where: str, world: DemoWorld, account: DemoAccount, records: list[ActivityRecord],
                  valued_on: date) -> list[str]:
    raw = {_shown(world, symbol): symbol for symbol in {e.symbol for e in account.ledger if e.symbol}}
    currency_of = {shown: world.instruments[symbol].currency for shown, symbol in raw.items()}
    if any(c != account.currency for c in currency_of.values()):
        return []  # a listing in another currency needs a rate: the store's tests cover those
    closes = {shown: world.prices.close_on(symbol, valued_on) for shown, symbol in raw.items()}
    held = {_shown(world, symbol): holding.quantity for symbol, holding in account.book.holdings.items()}
    positions = [_Position(shown, quantity, closes[shown], currency_of[shown]) for shown, quantity in held.items()]
    worth = account_worth(account.currency, positions, [_Cash(account.currency, account.book.cash)], RateBook([]))
    first = records[0].day if records else valued_on
    history = rebuild_account(account.id, account.currency, records, PriceTable({s: [(valued_on, c)] for s, c in closes.items()},
                                                                              currency_of),
                              _no_fx, start=first, end=valued_on,
                              anchor_positions=held,
                              anchor_cash=account.book.cash)
    if history.adjustments:
        return [f"{where}: the history needs adjustments {history.adjustments}"]
    if round_cents(worth.value) != history.value[-1]:
        return [f"{where}: worth {round_cents(worth.value)} but the history's value {history.value[-1]} on {valued_on}"]
    # the Allocation view's pieces of the account, as allocation_book shares its cents out
    pieces = share_out(in_base(worth.value, Decimal(1)), [own.value for own in _own_pieces(worth, {})])
    if sum(pieces, ZERO) != history.value[-1] or any(piece != round_cents(piece) for piece in pieces):
        return [f"{where}: the allocation's pieces {pieces} do not add up to {history.value[-1]} in cents"]
    return []


def days_around(today: date, before: int, after: int) -> list[date]:
    return [today + timedelta(days=n) for n in range(-before, after + 1)]
