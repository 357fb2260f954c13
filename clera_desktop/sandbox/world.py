"""The deterministic demo world: brokerages, users, connections, accounts and their ledgers.

``DemoWorld.build(seed, as_of)`` gives the same world, byte for byte, for the same arguments
(:meth:`DemoWorld.fingerprint` proves it). ``scale`` adds benchmark accounts on top of the
small world without changing it: ``scale=100`` adds 200 accounts with 300 positions and 5,000
activities each (a million activities).
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_DOWN, Decimal

from clera_desktop.core.clock import Clock, SystemClock
from clera_desktop.sandbox.instruments import (
    CATALOGUE,
    LISTED_NOT_HELD,
    SPLIT_DAYS_AGO,
    SPLIT_RATIO,
    SPLIT_SYMBOL,
    Instrument,
    synthetic_instruments,
)
from clera_desktop.sandbox.ledger import Book, BrokerLot, EventKind, LedgerEvent, open_lots
from clera_desktop.sandbox.market import CENT, LiveMarket, PriceHistory, business_days, cents

HISTORY_YEARS = 3
BENCH_ACCOUNTS_PER_SCALE = 2
BENCH_POSITIONS = 300
BENCH_ACTIVITIES = 5_000


def held_in_demo(symbol: str) -> bool:
    """The small world's accounts trade the catalogue, less what is listed only (LISTED_NOT_HELD)
    and the benchmark world's synthetic tickers."""
    return symbol not in LISTED_NOT_HELD and not symbol.startswith("B")


#: Tax withheld from a dividend, reported by each provider as a line of its own: a listing in another
#: currency than the account's (the treaty rate between the US and Canada), and an international
#: fund's foreign taxes (what the countries it holds withheld before paying it).
NON_RESIDENT_TAX = Decimal("0.15")
FOREIGN_TAX = {"VXUS": Decimal("0.07")}


@functools.lru_cache(maxsize=1 << 20)
def stable_uuid(*parts: object) -> str:
    """A UUID that depends only on ``parts``: ids survive a rebuild of the world."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "clera-sandbox:" + ":".join(map(str, parts))))


@dataclass(frozen=True, slots=True)
class BrokerageSpec:
    slug: str
    name: str
    allows_trading: bool
    allows_fractional: bool
    commission: Decimal = Decimal(0)

    @property
    def id(self) -> str:
        return stable_uuid("brokerage", self.slug)


BROKERAGES: dict[str, BrokerageSpec] = {
    b.slug: b
    for b in (
        BrokerageSpec("ROBINHOOD", "Robinhood", allows_trading=True, allows_fractional=True),
        BrokerageSpec("QUESTRADE", "Questrade", allows_trading=True, allows_fractional=False, commission=Decimal("4.95")),
        BrokerageSpec("ETRADE", "E*TRADE", allows_trading=True, allows_fractional=False),
        BrokerageSpec("WEALTHSIMPLE", "Wealthsimple", allows_trading=True, allows_fractional=True),
        BrokerageSpec("FIDELITY", "Fidelity", allows_trading=False, allows_fractional=True),
    )
}


@dataclass(frozen=True, slots=True)
class AccountPlan:
    """How to grow one account's three years of history."""

    key: str
    name: str
    currency: str
    raw_type: str
    universe: tuple[str, ...]
    fractional: bool
    initial_deposit: Decimal
    monthly_deposit: Decimal
    commission: Decimal = Decimal(0)
    buy_chance: float = 0.04
    sell_chance: float = 0.008
    transfer_in: bool = False
    withdrawals: bool = True
    holds_through_split: bool = False  # the demo's split happens to shares someone holds, on every day


@dataclass
class DemoOrder:
    """An order in any provider's account; providers render it in their own shape."""

    id: str
    client_order_id: str
    account_id: str
    symbol: str
    side: str  # buy | sell
    order_type: str  # market | limit | stop | stop_limit
    time_in_force: str  # day | gtc | ioc | fok
    quantity: Decimal | None
    notional: Decimal | None
    limit_price: Decimal | None
    stop_price: Decimal | None
    status: str  # new | accepted | partially_filled | filled | canceled | rejected | expired
    created_at: datetime
    updated_at: datetime
    filled_quantity: Decimal = Decimal(0)
    average_fill_price: Decimal | None = None
    filled_at: datetime | None = None
    canceled_at: datetime | None = None
    reject_reason: str | None = None
    currency: str = "USD"
    commission: Decimal = Decimal(0)


@dataclass
class DemoAccount:
    id: str  # the provider's own account id
    key: str
    name: str
    number: str
    currency: str
    raw_type: str
    institution: str
    fractional: bool
    created_at: datetime
    ledger: list[LedgerEvent] = field(default_factory=list)
    orders: list[DemoOrder] = field(default_factory=list)
    subtype: str = "brokerage"  # Plaid's account subtype
    _book: Book | None = field(default=None, repr=False)
    _lots: tuple[int, int, dict[str, list[BrokerLot]]] | None = field(default=None, repr=False)

    @property
    def book(self) -> Book:
        if self._book is None:
            self._book = Book.replay(self.ledger)
        return self._book

    def open_lots(self) -> dict[str, list[BrokerLot]]:
        """Each symbol's open tax lots, kept until the (append-only) ledger grows: a brokerage keeps
        its lots, it does not replay the account's history for every positions request."""
        key = (id(self.ledger), len(self.ledger))
        if self._lots is None or self._lots[:2] != key:
            self._lots = (*key, open_lots(self.ledger))
        return self._lots[2]

    def record(self, event: LedgerEvent) -> None:
        book = self.book  # replay what came before, then add this event once
        self.ledger.append(event)
        book.apply(event)

    @property
    def masked_number(self) -> str:
        return "****" + self.number[-4:]


@dataclass
class SnapConnection:
    id: str
    brokerage: BrokerageSpec
    type: str  # read | trade
    created_at: datetime
    login: str
    accounts: list[DemoAccount]
    disabled: bool = False
    disabled_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass
class SnapUser:
    user_id: str
    secret: str
    created_at: datetime
    connections: dict[str, SnapConnection] = field(default_factory=dict)


@dataclass
class PlaidItem:
    item_id: str
    access_token: str
    institution_id: str
    institution_name: str
    accounts: list[DemoAccount]
    error_code: str | None = None  # e.g. ITEM_LOGIN_REQUIRED
    products_ready: bool = True


@dataclass
class AlpacaAccountState:
    account: DemoAccount
    key_id: str
    secret_key: str
    status: str = "ACTIVE"


class DemoWorld:
    """All sandbox state. Mutations hold ``lock``; the servers and tests share one world."""

    def __init__(self, seed: int, clock: Clock, scale: float = 0) -> None:
        self.seed = seed
        self.clock = clock
        self.as_of = as_of = clock.market_today()
        self.scale = scale
        self.lock = threading.RLock()
        self.start = as_of - timedelta(days=365 * HISTORY_YEARS)
        self.days = business_days(self.start - timedelta(days=30), as_of)
        self.split_day = self.days[-SPLIT_DAYS_AGO]
        self.instruments: dict[str, Instrument] = {i.symbol: i for i in CATALOGUE}
        if scale > 0:
            self.instruments.update({i.symbol: i for i in synthetic_instruments(BENCH_POSITIONS)})
        self.prices = PriceHistory(seed, self.instruments, self.days, self.split_day)
        self.market = LiveMarket(seed, self.prices, as_of, clock)
        self.created_at = datetime.combine(self.start, time(14, 0), UTC)
        self.snaptrade_users: dict[str, SnapUser] = {}
        self.plaid_items: dict[str, PlaidItem] = {}
        self.alpaca: AlpacaAccountState | None = None
        self._counter = 0

    # ---- building ---------------------------------------------------------------------

    @classmethod
    def build(cls, seed: int = 7, clock: Clock | None = None, scale: float = 0) -> DemoWorld:
        """The world on the clock's market day (the system clock's when none is given)."""
        world = cls(seed, clock or SystemClock(), scale)
        world._populate()
        return world

    def _populate(self) -> None:
        us = tuple(s for s, i in self.instruments.items() if i.currency == "USD" and held_in_demo(s))
        ca = tuple(s for s, i in self.instruments.items() if i.currency == "CAD")
        user = SnapUser("demo-user", self.secret("snaptrade-demo-user"), self.created_at)
        self.snaptrade_users[user.user_id] = user
        self.add_snaptrade_connection(user, "ROBINHOOD", "read", [
            AccountPlan("rh-individual", "Robinhood Individual", "USD", "INDIVIDUAL", us[:20], True,
                        Decimal(15000), Decimal(500), transfer_in=True),
        ])
        self.add_snaptrade_connection(user, "QUESTRADE", "trade", [
            AccountPlan("qt-tfsa", "Questrade TFSA", "CAD", "TFSA", ca, False, Decimal(20000), Decimal(500),
                        commission=Decimal("4.95"), withdrawals=False),
            AccountPlan("qt-margin", "Questrade Margin", "USD", "MARGIN", us[10:40], False, Decimal(25000),
                        Decimal(0), commission=Decimal("4.95")),
        ])
        self.add_snaptrade_connection(user, "ETRADE", "trade", [
            AccountPlan("et-brokerage", "E*TRADE Brokerage", "USD", "INDIVIDUAL", us[:30], False, Decimal(30000), Decimal(1000),
                        holds_through_split=True),
        ])
        for n in range(int(self.scale * BENCH_ACCOUNTS_PER_SCALE)):
            self._add_bench_account(user, n)
        self.add_plaid_item("ins_109508", "Vanguard", [
            AccountPlan("vg-401k", "Vanguard 401(k)", "USD", "401k", ("VTI", "VOO", "BND", "VXUS", "VNQ"), True,
                        Decimal(40000), Decimal(800), withdrawals=False),
            AccountPlan("vg-ira", "Vanguard Roth IRA", "USD", "roth", ("VTI", "SCHD", "QQQ", "AAPL"), True,
                        Decimal(6000), Decimal(500), withdrawals=False),
        ], subtypes=("401k", "roth"))
        self.alpaca = AlpacaAccountState(
            self._grow(AccountPlan("clera-paper", "Clera Brokerage (paper)", "USD", "paper", us, True,
                                   Decimal(50000), Decimal(0), buy_chance=0.03), "Alpaca",
                       account_id=stable_uuid(self.seed, "alpaca")),
            key_id="PKDEMO" + self.secret("alpaca-key")[:14].upper(),
            secret_key=self.secret("alpaca-secret"),
        )

    def secret(self, purpose: str) -> str:
        return hashlib.sha256(f"{self.seed}:{purpose}".encode()).hexdigest()[:40]

    def add_snaptrade_connection(
        self, user: SnapUser, slug: str, connection_type: str, plans: list[AccountPlan], login: str = "demo"
    ) -> SnapConnection:
        brokerage = BROKERAGES[slug]
        with self.lock:
            connection_id = stable_uuid(self.seed, user.user_id, "connection", slug, len(user.connections))
            accounts = [self._grow(plan, brokerage.name, account_id=stable_uuid(self.seed, user.user_id, plan.key))
                        for plan in plans]
            connection = SnapConnection(connection_id, brokerage, connection_type, self.created_at, login, accounts,
                                        updated_at=self.created_at)
            user.connections[connection_id] = connection
            return connection

    def plans_for_new_connection(self, slug: str, user: SnapUser) -> list[AccountPlan]:
        """Accounts a brokerage linked through the portal brings with it."""
        brokerage = BROKERAGES[slug]
        n = len(user.connections)
        us = tuple(s for s, i in self.instruments.items() if i.currency == "USD" and held_in_demo(s))
        return [AccountPlan(f"{slug.lower()}-{n}", f"{brokerage.name} Individual", "USD", "INDIVIDUAL",
                            us[n % 7: n % 7 + 12], brokerage.allows_fractional, Decimal(10000), Decimal(250),
                            commission=brokerage.commission)]

    def add_plaid_item(
        self, institution_id: str, institution_name: str, plans: list[AccountPlan], subtypes: tuple[str, ...]
    ) -> PlaidItem:
        with self.lock:
            n = len(self.plaid_items)
            item_id = "item-" + stable_uuid(self.seed, "plaid-item", institution_id, n)[:24]
            accounts = []
            for plan, subtype in zip(plans, subtypes, strict=True):
                account = self._grow(plan, institution_name, account_id=self._plaid_id(plan.key))
                account.subtype = subtype
                accounts.append(account)
            item = PlaidItem(item_id, "access-sandbox-" + stable_uuid(self.seed, "plaid-token", item_id), institution_id,
                             institution_name, accounts)
            self.plaid_items[item_id] = item
            return item

    def _plaid_id(self, key: str) -> str:
        digest = hashlib.sha256(f"{self.seed}:plaid:{key}".encode()).hexdigest()
        return "".join(chr(ord("A") + int(c, 16) % 26) if i % 3 else c for i, c in enumerate(digest[:37]))

    def _grow(self, plan: AccountPlan, institution: str, *, account_id: str) -> DemoAccount:
        rng = random.Random(f"{self.seed}:account:{plan.key}")
        number = "".join(str(rng.randrange(10)) for _ in range(9))
        account = DemoAccount(account_id, plan.key, plan.name, number, plan.currency, plan.raw_type, institution,
                              plan.fractional, self.created_at)
        for event in _simulate(rng, plan, self, account_id):
            account.record(event)
        return account

    def _add_bench_account(self, user: SnapUser, n: int) -> None:
        universe = tuple(f"B{k:04d}" for k in range(1, BENCH_POSITIONS + 1))
        plan = AccountPlan(f"bench-{n}", f"Bench Account {n}", "USD", "MARGIN", universe, False,
                           Decimal(5_000_000), Decimal(0))
        brokerage = BROKERAGES["ETRADE"]
        connection_id = stable_uuid(self.seed, user.user_id, "bench-connection", n // 10)
        connection = user.connections.get(connection_id)
        if connection is None:
            connection = SnapConnection(connection_id, brokerage, "read", self.created_at, "bench", [],
                                        updated_at=self.created_at)
            user.connections[connection_id] = connection
        rng = random.Random(f"{self.seed}:bench:{n}")
        account = DemoAccount(stable_uuid(self.seed, "bench-account", n), plan.key, plan.name,
                              f"{900000000 + n}", "USD", "MARGIN", brokerage.name, False, self.created_at)
        account.ledger = list(_simulate_bench(rng, plan, self, account.id))
        connection.accounts.append(account)

    # ---- queries and changes used by the provider imitations ----------------------------

    def next_id(self, purpose: str) -> str:
        with self.lock:
            self._counter += 1
            return stable_uuid(self.seed, purpose, self._counter)

    def snaptrade_account(self, user: SnapUser, account_id: str) -> tuple[SnapConnection, DemoAccount] | None:
        for connection in user.connections.values():
            for account in connection.accounts:
                if account.id == account_id:
                    return connection, account
        return None

    def all_accounts(self) -> list[DemoAccount]:
        accounts = [a for u in self.snaptrade_users.values() for c in u.connections.values() for a in c.accounts]
        accounts += [a for item in self.plaid_items.values() for a in item.accounts]
        if self.alpaca:
            accounts.append(self.alpaca.account)
        return accounts

    def fingerprint(self) -> str:
        """A canonical dump of everything generated, for "same seed, same world" checks."""
        dump = {
            "users": {
                u.user_id: {c.id: [c.brokerage.slug, c.type, [(a.id, a.number, [repr(e) for e in a.ledger])
                                                              for a in c.accounts]]
                            for c in u.connections.values()} for u in self.snaptrade_users.values()
            },
            "plaid": {i.item_id: [i.access_token, [(a.id, [repr(e) for e in a.ledger]) for a in i.accounts]]
                      for i in self.plaid_items.values()},
            "alpaca": [repr(e) for e in self.alpaca.account.ledger] if self.alpaca else None,
            "prices": {s: [repr(b) for b in self.prices.bars(s)] for s in sorted(self.instruments)},
        }
        return json.dumps(dump, sort_keys=True)


def _quantity(budget: Decimal, price: Decimal, fractional: bool) -> Decimal:
    step = Decimal("0.0001") if fractional else Decimal(1)
    return (budget / price).quantize(step, rounding=ROUND_DOWN)


def _simulate(rng: random.Random, plan: AccountPlan, world: DemoWorld, account_id: str) -> list[LedgerEvent]:
    """Three years of plausible activity; every event keeps cash and shares non-negative."""
    book = Book()
    events: list[LedgerEvent] = []
    days = [d for d in world.days if d >= world.start and d < world.as_of]
    currency = plan.currency

    def emit(day: date, kind: EventKind, amount: Decimal, **kw: object) -> None:
        event = LedgerEvent(stable_uuid(account_id, "activity", len(events)), day, kind, amount, currency, **kw)  # type: ignore[arg-type]
        book.apply(event)
        events.append(event)

    transfer_day = days[len(days) // 3] if plan.transfer_in else None
    eve_of_split = max((d for d in days if d < world.split_day), default=None)
    previous_month = None
    for index, day in enumerate(days):
        price_of = lambda s, day=day: world.prices.close_on(s, day)  # noqa: E731
        if index == 0:
            emit(day, EventKind.DEPOSIT, plan.initial_deposit, description="Initial deposit")
        if day.month != previous_month and index > 0:
            previous_month = day.month
            if plan.monthly_deposit and rng.random() < 0.85:
                emit(day, EventKind.DEPOSIT, plan.monthly_deposit, description="Recurring deposit")
            if book.cash > 100:
                interest = cents(book.cash * Decimal("0.0025"))
                if interest >= CENT:
                    emit(day, EventKind.INTEREST, interest, description="Cash interest")
            if day.month in (3, 6, 9, 12):
                for symbol, holding in sorted(book.holdings.items()):
                    instrument = world.instruments[symbol]
                    if instrument.dividend_yield > 0:
                        amount = cents(holding.quantity * price_of(symbol) * instrument.dividend_yield / 4)
                        if amount >= CENT:
                            emit(day, EventKind.DIVIDEND, amount, symbol=symbol,
                                 description=f"{symbol} quarterly dividend")
                            rate = NON_RESIDENT_TAX if instrument.currency != currency else FOREIGN_TAX.get(symbol)
                            withheld = cents(amount * rate) if rate else Decimal(0)
                            if withheld >= CENT:
                                emit(day, EventKind.TAX, -withheld, symbol=symbol,
                                     description=f"{symbol} dividend: tax withheld")
            if day.month == 1 and plan.commission:
                emit(day, EventKind.FEE, -Decimal("25.00"), description="Annual account fee")
            if plan.withdrawals and day.month == 8 and book.cash > 2000:
                emit(day, EventKind.WITHDRAWAL, -Decimal(1000), description="Withdrawal to bank")
        elif index == 0:
            previous_month = day.month
        if day == world.split_day and SPLIT_SYMBOL in book.holdings:
            extra = book.holdings[SPLIT_SYMBOL].quantity * (SPLIT_RATIO - 1)
            emit(day, EventKind.SPLIT, Decimal(0), symbol=SPLIT_SYMBOL, quantity=extra,
                 description=f"{SPLIT_SYMBOL} {SPLIT_RATIO}-for-1 stock split")
        if day == transfer_day:
            symbol = plan.universe[0]
            emit(day, EventKind.TRANSFER_IN, Decimal(0), symbol=symbol, quantity=Decimal(10), price=price_of(symbol),
                 description=f"ACATS transfer in: 10 {symbol}")
        if rng.random() < plan.buy_chance and book.cash > 200:
            symbol = rng.choice(plan.universe)
            price = price_of(symbol)
            budget = min(book.cash - plan.commission, cents(Decimal(rng.uniform(300, 4000))))
            quantity = _quantity(budget, price, plan.fractional)
            if quantity > 0:
                cost = cents(quantity * price)
                emit(day, EventKind.BUY, -(cost + plan.commission), symbol=symbol, quantity=quantity, price=price,
                     fee=plan.commission, description=f"Bought {quantity} {symbol}")
        if rng.random() < plan.sell_chance and book.holdings:
            symbol = rng.choice(sorted(book.holdings))
            held = book.holdings[symbol].quantity
            quantity = _quantity(held * Decimal(rng.choice(("0.25", "0.5", "1"))), Decimal(1), plan.fractional)
            if 0 < quantity <= held:
                price = price_of(symbol)
                proceeds = cents(quantity * price)
                emit(day, EventKind.SELL, proceeds - plan.commission, symbol=symbol, quantity=quantity, price=price,
                     fee=plan.commission, description=f"Sold {quantity} {symbol}")
        if plan.holds_through_split and day == eve_of_split and SPLIT_SYMBOL not in book.holdings:
            price = price_of(SPLIT_SYMBOL)  # last in the day: nothing can sell it before the split
            quantity = _quantity(min(book.cash - plan.commission, Decimal(2500)), price, plan.fractional)
            if quantity > 0:
                emit(day, EventKind.BUY, -(cents(quantity * price) + plan.commission), symbol=SPLIT_SYMBOL,
                     quantity=quantity, price=price, fee=plan.commission, description=f"Bought {quantity} {SPLIT_SYMBOL}")
    return events


def _simulate_bench(rng: random.Random, plan: AccountPlan, world: DemoWorld, account_id: str) -> list[LedgerEvent]:
    """The benchmark accounts: every symbol bought, then buys, sells and dividends up to the target."""
    days = [d for d in world.days if d >= world.start and d < world.as_of]
    events: list[LedgerEvent] = []
    held: dict[str, Decimal] = {}

    def emit(day: date, kind: EventKind, amount: Decimal, **kw: object) -> None:
        events.append(LedgerEvent(f"{account_id[:8]}-{len(events):06d}", day, kind, amount, "USD", **kw))  # type: ignore[arg-type]

    emit(days[0], EventKind.DEPOSIT, plan.initial_deposit, description="Initial deposit")
    per_day = max(1, (BENCH_ACTIVITIES - 1) // len(days) + 1)
    for day in days:
        for _ in range(per_day):
            if len(events) >= BENCH_ACTIVITIES:
                return events
            if len(held) < len(plan.universe):
                symbol = plan.universe[len(held)]
                kind = EventKind.BUY
            else:
                symbol = plan.universe[rng.randrange(len(plan.universe))]
                kind = (EventKind.BUY, EventKind.SELL, EventKind.DIVIDEND)[rng.randrange(3)]
            price = world.prices.close_on(symbol, day)
            if kind is EventKind.BUY:
                quantity = Decimal(rng.randrange(1, 20))
                held[symbol] = held.get(symbol, Decimal(0)) + quantity
                emit(day, kind, -cents(quantity * price), symbol=symbol, quantity=quantity, price=price)
            elif kind is EventKind.SELL and held[symbol] > 1:
                quantity = Decimal(1)
                held[symbol] -= quantity
                emit(day, kind, cents(quantity * price), symbol=symbol, quantity=quantity, price=price)
            else:
                emit(day, EventKind.DIVIDEND, cents(held[symbol] * price / 400) or CENT, symbol=symbol)
    return events
