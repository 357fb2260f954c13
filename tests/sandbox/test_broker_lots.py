"""The sandbox's brokerage keeps each account's open tax lots (first in, first out) as a brokerage
does: worked out once per change of the ledger, not replayed for every positions request."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from clera_desktop.sandbox.ledger import EventKind, LedgerEvent, fifo_lots, open_lots
from clera_desktop.sandbox.world import DemoAccount


def _event(n: int, kind: EventKind, symbol: str, shares: str, amount: str = "0") -> LedgerEvent:
    return LedgerEvent(f"e{n}", date(2024, 1, n), kind, Decimal(amount), "USD", symbol, Decimal(shares))


LEDGER = [
    _event(1, EventKind.BUY, "AAA", "10", "-100"),
    _event(2, EventKind.BUY, "BBB", "5", "-50"),
    _event(3, EventKind.BUY, "AAA", "10", "-200"),
    _event(4, EventKind.SELL, "AAA", "15", "300"),
    _event(5, EventKind.SPLIT, "BBB", "5"),
    _event(6, EventKind.BUY, "CCC", "1", "-7"),
    _event(7, EventKind.SELL, "CCC", "1", "8"),
]


def test_every_symbols_lots_in_one_pass_close_first_in_first_out_and_split() -> None:
    lots = open_lots(LEDGER)
    assert set(lots) == {"AAA", "BBB"}  # CCC was sold out: no lot left
    (aaa,) = lots["AAA"]
    assert (aaa.lot_id, aaa.quantity, aaa.cost) == ("e3", Decimal(5), Decimal(100))  # the first lot went first
    (bbb,) = lots["BBB"]
    assert (bbb.quantity, bbb.cost) == (Decimal(10), Decimal(50))  # a split doubles the shares, keeps the cost
    for symbol in ("AAA", "BBB", "CCC"):
        assert fifo_lots(LEDGER, symbol) == lots.get(symbol, [])


def test_an_account_keeps_its_lots_until_its_ledger_grows() -> None:
    account = DemoAccount("acct", "key", "Brokerage", "12345678", "USD", "TFSA", "E*TRADE", True,
                          datetime(2024, 1, 1, tzinfo=UTC), ledger=list(LEDGER[:3]))
    first = account.open_lots()
    assert account.open_lots() is first  # asked again: the same lots, not worked out again
    account.record(LEDGER[3])
    assert account.open_lots()["AAA"][0].quantity == Decimal(5)  # the sale is seen at once
