"""Tax lots from activities: what each holding cost, and what each sale realised.

Every buy and every transfer in of shares opens a lot (a transfer keeps the cost and the day of
purchase it carries), and so does a reinvested dividend (shares at a price); a split, or shares
paid as a dividend without a price, multiplies the shares of every open lot and keeps its cost; a sale
or a transfer out closes lots in the account's order: FIFO (oldest first), LIFO (newest first),
HIFO (dearest per share first) or AVERAGE (every share at the pool's average cost, the lots'
days still taken oldest first for the holding period). A sale of shares the activities never
bought (history that starts after the holding did) closes an *unknown cost* lot: its gain is
unknown, never a gain on a cost of zero.

Amounts are in the account's currency, exactly (Decimal). A lot's cost includes the buy's fee; a
sale's proceeds are net of its fee (tax withheld on a sale is a tax, reported with the others);
realised gain = proceeds - cost. A sale of part of a lot takes its share of the cost rounded to the
cent (half up, core/money) and the lot keeps the rest, as a brokerage keeps its lots: what the parts
cost adds up to what the lot cost, and the lots left compare with the brokerage's to the cent.
Conversion to the base currency (cost at the buy day's rate, proceeds at the sale day's) is the
report's job (:mod:`clera_desktop.portfolio.gains`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from clera_desktop.core.money import round_cents
from clera_desktop.models.enums import ActivityType
from clera_desktop.portfolio.history import ActivityRecord, cash_effect

ZERO = Decimal(0)
#: Held longer than this many months is long-term (US: more than one year, so a sale on the
#: anniversary is still short-term; the person can change it in Settings).
LONG_TERM_MONTHS = 12


@functools.lru_cache(maxsize=65536)
def months_later(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day where it is shorter (29 Feb -> 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def is_long_term(acquired: date, sold: date, months: int = LONG_TERM_MONTHS) -> bool:
    """Held for more than ``months``: sold after the anniversary, not on it."""
    return sold > months_later(acquired, months)


class LotMethod(StrEnum):
    FIFO = "fifo"
    LIFO = "lifo"
    HIFO = "hifo"
    AVERAGE = "average"

    @property
    def label(self) -> str:
        return {"fifo": "First in, first out (FIFO)", "lifo": "Last in, first out (LIFO)",
                "hifo": "Highest cost first (HIFO)", "average": "Average cost"}[self.value]


@dataclass(slots=True)
class Lot:
    symbol: str
    acquired: date  # the holding period starts here (a transfer carries the original day)
    quantity: Decimal  # shares still open (after splits)
    cost: Decimal | None  # of the open shares, account currency; None: unknown
    opened_by: int | None = None  # the activity's id
    unknown_history: bool = False  # shares sold that no activity bought

    @property
    def cost_per_share(self) -> Decimal | None:
        return None if self.cost is None or not self.quantity else self.cost / self.quantity


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs twice as much (75,000 sales a replay)
class Realised:
    """The part of one sale that closed one lot."""

    symbol: str
    sold_on: date
    acquired: date | None  # None: unknown history
    quantity: Decimal
    proceeds: Decimal  # net of the sale's fee and tax, this part's share
    cost: Decimal | None
    fees: Decimal  # this part's share of the sale's fee
    closed_by: int | None = None  # the sale's activity id

    @property
    def gain(self) -> Decimal | None:
        return None if self.cost is None else self.proceeds - self.cost

    def long_term(self, months: int = LONG_TERM_MONTHS) -> bool | None:
        return None if self.acquired is None else is_long_term(self.acquired, self.sold_on, months)


@dataclass
class LotBook:
    method: LotMethod
    open: dict[str, list[Lot]] = field(default_factory=lambda: defaultdict(list))
    realised: list[Realised] = field(default_factory=list)

    def held(self, symbol: str) -> Decimal:
        return sum((lot.quantity for lot in self.open.get(symbol, ())), ZERO)

    def cost(self, symbol: str) -> Decimal | None:
        """The open shares' cost; unknown if any lot's is."""
        total = ZERO
        for lot in self.open.get(symbol, ()):
            if lot.cost is None:
                return None
            total += lot.cost
        return total


def build_lots(records: Sequence[ActivityRecord], method: LotMethod = LotMethod.FIFO) -> LotBook:
    """Replay an account's activities (in the order they took effect) into lots and realised gains.

    The loop runs once per activity (200,000 in bench/gains_bench.py): the types are bound to
    locals and a buy's lot is appended here rather than through :func:`_open`."""
    book = LotBook(method)
    split, buy, sell, transfer_in, transfer_out, dividend = (
        ActivityType.SPLIT, ActivityType.BUY, ActivityType.SELL, ActivityType.TRANSFER_IN, ActivityType.TRANSFER_OUT,
        ActivityType.DIVIDEND)
    opened = book.open
    plain = method is not LotMethod.AVERAGE
    for r in _in_effect_order(records):
        symbol, kind, quantity = r.symbol, r.type, r.quantity
        if symbol is None:
            continue
        if kind is buy and quantity:
            lots = opened[symbol]
            if plain and (not lots or lots[-1].acquired <= r.day):
                lots.append(Lot(symbol, r.day, quantity, -cash_effect(r), r.id))
            else:
                _open(book, symbol, r.day, quantity, -cash_effect(r), r.id)
        elif kind is sell and quantity:
            proceeds = cash_effect(r) + (r.tax or ZERO)  # tax withheld is a tax (reported as such), not less proceeds
            _close(book, r, quantity, proceeds, r.fee or ZERO, realise=True)
        elif kind is split:
            _split(book, r)
        elif kind is transfer_in and quantity:
            cost = r.cost_basis if r.cost_basis is not None else (quantity * r.price if r.price is not None else None)
            _open(book, symbol, r.acquired_on or r.day, quantity, cost, r.id)
        elif kind is transfer_out and quantity:
            _close(book, r, quantity, ZERO, ZERO, realise=False)
        elif kind is dividend and quantity:
            if r.price:  # reinvested (SnapTrade's REI, Plaid's "dividend reinvestment"): a lot bought with it
                _open(book, symbol, r.day, quantity, quantity * r.price, r.id)
            else:  # shares paid as a dividend: the holding's cost spread over more shares, as a split
                _split(book, replace(r, split_is_ratio=False))
    return book


def _in_effect_order(records: Sequence[ActivityRecord]) -> Sequence[ActivityRecord]:
    """By day; a split first (it applies to the morning's shares), then as recorded. The store
    hands them over by day already: then, without a split, they are taken as they are."""
    split = ActivityType.SPLIT
    if any(r.type is split for r in records) or any(a.day > b.day for a, b in itertools.pairwise(records)):
        return sorted(records, key=lambda r: (r.day, r.type is not split))
    return records


def _open(book: LotBook, symbol: str, acquired: date, quantity: Decimal, cost: Decimal | None,
          activity_id: int | None) -> None:
    """Lots stay in the order they were acquired (a transfer's older day goes in its place), so
    FIFO and LIFO close from an end of the list without sorting it at every sale."""
    lots = book.open[symbol]
    lot = Lot(symbol, acquired, quantity, cost, activity_id)
    if not lots or lots[-1].acquired <= acquired:
        lots.append(lot)
    else:
        bisect.insort_right(lots, lot, key=lambda held: held.acquired)
    if book.method is LotMethod.AVERAGE:
        _average(lots)


def _average(lots: list[Lot]) -> None:
    """Every open share at the pool's cost per share (unknown if any share's cost is)."""
    quantity = sum((lot.quantity for lot in lots), ZERO)
    costs = [lot.cost for lot in lots]
    if not quantity:
        return
    if any(cost is None for cost in costs):
        for lot in lots:
            lot.cost = None
        return
    per_share = sum((c for c in costs if c is not None), ZERO) / quantity
    for lot in lots:
        lot.cost = per_share * lot.quantity


def _split(book: LotBook, r: ActivityRecord) -> None:
    assert r.symbol is not None
    lots = book.open.get(r.symbol, [])
    held = sum((lot.quantity for lot in lots), ZERO)
    if r.quantity is None or not held:
        return
    ratio = r.quantity if r.split_is_ratio else (held + r.quantity) / held
    for lot in lots:
        lot.quantity *= ratio  # the cost stays: the same money bought more, smaller shares


def _order(book: LotBook, lots: list[Lot]) -> Sequence[Lot]:
    """The lots in the order a sale closes them (the list itself is in acquisition order)."""
    if book.method is LotMethod.LIFO:
        return lots[::-1]
    if book.method is LotMethod.HIFO:  # unknown cost last: it says nothing about which is dearest
        return sorted(lots, key=lambda lot: (lot.cost_per_share is None, -(lot.cost_per_share or ZERO)))
    return lots  # FIFO, and AVERAGE's holding periods


def _close(book: LotBook, r: ActivityRecord, quantity: Decimal, proceeds: Decimal, fee: Decimal, *,
           realise: bool) -> None:
    """Close ``quantity`` shares in the method's order; the sale's proceeds and fee are shared out
    by shares (the last part taking the remainder: the parts add up to the sale to the last
    digit). A lot closed whole gives its cost as it is (no division)."""
    symbol = r.symbol
    assert symbol is not None
    lots = book.open[symbol]
    if lots and book.method is not LotMethod.HIFO:  # most sales take part of one lot: no sharing out
        lot = lots[-1] if book.method is LotMethod.LIFO else lots[0]
        held = lot.quantity
        if held > quantity:
            cost = None if lot.cost is None else round_cents(lot.cost * quantity / held)
            lot.cost = None if lot.cost is None or cost is None else lot.cost - cost
            lot.quantity = held - quantity
            if realise:
                book.realised.append(Realised(symbol, r.day, lot.acquired, quantity, proceeds, cost, fee, r.id))
            return
    realised = book.realised
    first_part = len(realised)
    day, sale_id = r.day, r.id
    left = quantity
    emptied = 0
    shared_proceeds = shared_fees = ZERO
    proceeds_a_share = proceeds / quantity
    fee_a_share = fee / quantity if fee else ZERO
    for lot in _order(book, lots):
        held = lot.quantity
        if held <= left:  # the whole lot
            taken, cost = held, lot.cost
            lot.quantity = ZERO
            emptied += 1
        else:
            taken = left
            cost = None if lot.cost is None else round_cents(lot.cost * left / held)
            lot.cost = None if lot.cost is None or cost is None else lot.cost - cost
            lot.quantity = held - left
        left -= taken
        if realise:  # shared out by shares; the last part takes the remainder below
            part_proceeds = proceeds_a_share * taken
            part_fee = fee_a_share * taken if fee else ZERO
            shared_proceeds += part_proceeds
            shared_fees += part_fee
            realised.append(Realised(symbol, day, lot.acquired, taken, part_proceeds, cost, part_fee, sale_id))
        if not left:
            break
    if emptied:
        if book.method is LotMethod.HIFO:
            book.open[symbol] = [lot for lot in lots if lot.quantity]
        elif book.method is LotMethod.LIFO:
            del lots[len(lots) - emptied:]
        else:
            del lots[:emptied]
    if not realise:
        return
    if left > 0:  # more than the activities ever bought: history from before the first one
        part_proceeds = proceeds_a_share * left
        part_fee = fee_a_share * left if fee else ZERO
        shared_proceeds += part_proceeds
        shared_fees += part_fee
        realised.append(Realised(symbol, day, None, left, part_proceeds, None, part_fee, sale_id))
    last = realised[-1]  # the parts add up to the sale to the last digit
    last.proceeds += proceeds - shared_proceeds
    last.fees += fee - shared_fees
    if len(realised) - first_part == 1:
        last.proceeds, last.fees = proceeds, fee


def open_lots(book: LotBook, symbol: str) -> list[Lot]:
    """The symbol's open lots, oldest first, as copies (the book stays the replay's)."""
    return [replace(lot) for lot in sorted(book.open.get(symbol, ()), key=lambda lot: lot.acquired)]


def preview_sale(book: LotBook, symbol: str, quantity: Decimal, proceeds: Decimal, fee: Decimal,
                 day: date) -> list[Realised]:
    """What selling ``quantity`` on ``day`` for ``proceeds`` (net of ``fee``) would realise under
    the book's method: the lots it would close, each part's cost and gain. The book is untouched."""
    trial = LotBook(book.method)
    trial.open[symbol] = open_lots(book, symbol)
    sale = ActivityRecord(day, ActivityType.SELL, symbol, quantity, None, proceeds, fee)
    _close(trial, sale, quantity, proceeds, fee, realise=True)
    return trial.realised
