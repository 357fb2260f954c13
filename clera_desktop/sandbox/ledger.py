"""Account ledgers: the events that explain every demo account's cash and positions.

The sandbox never stores positions on their own: it replays each account's ledger into a
:class:`Book`, so today's holdings are always exactly what three years of activities imply.
Amounts are signed cash effects in the account's currency (SnapTrade's convention: money in
is positive); providers that use another convention (Plaid) flip the sign when rendering.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from clera_desktop.sandbox.market import cents


class EventKind(StrEnum):
    BUY = "BUY"
    SELL = "SELL"
    DIVIDEND = "DIVIDEND"
    INTEREST = "INTEREST"
    DEPOSIT = "DEPOSIT"
    WITHDRAWAL = "WITHDRAWAL"
    FEE = "FEE"
    SPLIT = "SPLIT"
    TRANSFER_IN = "TRANSFER_IN"
    TRANSFER_OUT = "TRANSFER_OUT"
    TAX = "TAX"  # withheld from a dividend (world.NON_RESIDENT_TAX, FOREIGN_TAX): negative


@dataclass(frozen=True, slots=True)
class LedgerEvent:
    id: str
    day: date
    kind: EventKind
    amount: Decimal  # signed cash effect
    currency: str
    symbol: str | None = None
    quantity: Decimal | None = None  # shares moved; for SPLIT, the shares added
    price: Decimal | None = None
    fee: Decimal = Decimal(0)
    description: str = ""


@dataclass(slots=True)
class Holding:
    quantity: Decimal
    cost: Decimal  # total cost basis in the account currency


@dataclass(slots=True)
class Book:
    """Cash and holdings after replaying a ledger."""

    cash: Decimal = Decimal(0)
    holdings: dict[str, Holding] = field(default_factory=dict)

    def apply(self, event: LedgerEvent) -> None:
        self.cash += event.amount
        if event.symbol is None or event.quantity is None:
            return
        holding = self.holdings.setdefault(event.symbol, Holding(Decimal(0), Decimal(0)))
        if event.kind is EventKind.BUY:
            holding.quantity += event.quantity
            holding.cost += -event.amount
        elif event.kind is EventKind.TRANSFER_IN:
            holding.quantity += event.quantity
            holding.cost += event.quantity * (event.price or Decimal(0))
        elif event.kind in (EventKind.SELL, EventKind.TRANSFER_OUT):
            if event.quantity > holding.quantity:
                raise ValueError(f"{event.id}: selling {event.quantity} {event.symbol}, holding {holding.quantity}")
            holding.cost -= cents(holding.cost * event.quantity / holding.quantity)
            holding.quantity -= event.quantity
        elif event.kind is EventKind.SPLIT:
            holding.quantity += event.quantity
        if holding.quantity == 0:
            del self.holdings[event.symbol]

    @classmethod
    def replay(cls, events: list[LedgerEvent]) -> Book:
        book = cls()
        for event in events:
            book.apply(event)
        return book


@dataclass(slots=True)
class BrokerLot:
    """One tax lot as a brokerage keeps it (first in, first out)."""

    lot_id: str
    day: date
    quantity: Decimal
    cost: Decimal


#: Brokerages whose positions carry tax lots (SnapTrade: "when tax lot data is enabled for the
#: account", on paid plans); the demo enables it for one, so the app shows both cases.
TAX_LOT_INSTITUTIONS = frozenset({"E*TRADE"})


def fifo_lots(events: list[LedgerEvent], symbol: str) -> list[BrokerLot]:
    """The open lots of ``symbol`` after ``events`` (:func:`open_lots`)."""
    return open_lots(events).get(symbol, [])


def open_lots(events: list[LedgerEvent]) -> dict[str, list[BrokerLot]]:
    """Every symbol's open lots after ``events``, in one pass: closed first in, first out; a split
    multiplies every lot's shares and keeps its cost."""
    by_symbol: dict[str, list[BrokerLot]] = defaultdict(list)
    for event in events:
        if event.symbol is None or event.quantity is None:
            continue
        lots = by_symbol[event.symbol]
        if event.kind is EventKind.BUY:
            lots.append(BrokerLot(event.id, event.day, event.quantity, -event.amount))
        elif event.kind is EventKind.TRANSFER_IN:
            lots.append(BrokerLot(event.id, event.day, event.quantity, event.quantity * (event.price or Decimal(0))))
        elif event.kind is EventKind.SPLIT:
            held = sum((lot.quantity for lot in lots), Decimal(0))
            for lot in lots if held else ():
                lot.quantity += lot.quantity * event.quantity / held
        elif event.kind in (EventKind.SELL, EventKind.TRANSFER_OUT):
            left = event.quantity
            while left and lots:
                lot = lots[0]
                taken = min(lot.quantity, left)
                lot.cost -= cents(lot.cost * taken / lot.quantity) if taken < lot.quantity else lot.cost
                lot.quantity -= taken
                left -= taken
                if not lot.quantity:
                    lots.pop(0)
    return {symbol: lots for symbol, lots in by_symbol.items() if lots}
