"""Lots and realised gains, each method on one worked example computed by hand.

The example: three buys and one partial sale across them, with fees in the cost and the proceeds.

    2024-01-10  BUY 10 @ 100, fee 5    lot A: 10 shares, cost 1,005.00 (100.50 a share)
    2024-06-10  BUY 10 @ 120, fee 5    lot B: 10 shares, cost 1,205.00 (120.50 a share)
    2024-09-10  BUY  5 @  90           lot C:  5 shares, cost   450.00 ( 90.00 a share)
    2025-02-10  SELL 12 @ 130, fee 6   proceeds 1,560 - 6 = 1,554.00 (129.50 a share)
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from clera_desktop.models.enums import ActivityType
from clera_desktop.portfolio.history import ActivityRecord
from clera_desktop.portfolio.lots import LotMethod, build_lots

D = Decimal
BUY, SELL = ActivityType.BUY, ActivityType.SELL


def trade(day: date, kind: ActivityType, quantity: str, price: str, fee: str = "0", n: int = 0,
          symbol: str = "ACME") -> ActivityRecord:
    return ActivityRecord(day, kind, symbol, D(quantity), D(price), None, D(fee), id=n)


EXAMPLE = [
    trade(date(2024, 1, 10), BUY, "10", "100", "5", 1),
    trade(date(2024, 6, 10), BUY, "10", "120", "5", 2),
    trade(date(2024, 9, 10), BUY, "5", "90", "0", 3),
    trade(date(2025, 2, 10), SELL, "12", "130", "6", 4),
]


@pytest.mark.parametrize(("method", "closed", "open_lots"), [
    # (acquired, shares, proceeds, cost, gain, long term?) for each lot the sale closed
    (LotMethod.FIFO, [(date(2024, 1, 10), "10", "1295", "1005", "290", True),
                      (date(2024, 6, 10), "2", "259", "241", "18", False)],
     [(date(2024, 6, 10), "8", "964"), (date(2024, 9, 10), "5", "450")]),
    (LotMethod.LIFO, [(date(2024, 9, 10), "5", "647.5", "450", "197.5", False),
                      (date(2024, 6, 10), "7", "906.5", "843.5", "63", False)],
     [(date(2024, 1, 10), "10", "1005"), (date(2024, 6, 10), "3", "361.5")]),
    (LotMethod.HIFO, [(date(2024, 6, 10), "10", "1295", "1205", "90", False),
                      (date(2024, 1, 10), "2", "259", "201", "58", True)],
     [(date(2024, 1, 10), "8", "804"), (date(2024, 9, 10), "5", "450")]),
    # the pool: 2,660.00 for 25 shares, 106.40 a share; the days still go oldest first
    (LotMethod.AVERAGE, [(date(2024, 1, 10), "10", "1295", "1064", "231", True),
                         (date(2024, 6, 10), "2", "259", "212.8", "46.2", False)],
     [(date(2024, 6, 10), "8", "851.2"), (date(2024, 9, 10), "5", "532")]),
])
def test_each_method_closes_lots_as_worked_by_hand(method: LotMethod, closed: list[tuple[object, ...]],
                                                  open_lots: list[tuple[object, ...]]) -> None:
    book = build_lots(EXAMPLE, method)
    got = [(r.acquired, r.quantity, r.proceeds, r.cost, r.gain, r.long_term()) for r in book.realised]
    assert got == [(day, D(q), D(p), D(c), D(g), term) for day, q, p, c, g, term in closed]  # type: ignore[arg-type]
    assert sum((r.fees for r in book.realised), D(0)) == D(6)
    assert [(lot.acquired, lot.quantity, lot.cost) for lot in sorted(book.open["ACME"], key=lambda lot: lot.acquired)] \
        == [(day, D(q), D(c)) for day, q, c in open_lots]  # type: ignore[arg-type]
    realised_cost = sum((r.cost for r in book.realised if r.cost is not None), D(0))
    assert realised_cost + (book.cost("ACME") or 0) == D("2660"), "every cent of cost is either realised or open"


def test_a_split_between_buy_and_sell_splits_the_lot_and_keeps_its_cost() -> None:
    for split in (ActivityRecord(date(2024, 3, 1), ActivityType.SPLIT, "ACME", D(2), None, None, None, split_is_ratio=True),
                  ActivityRecord(date(2024, 3, 1), ActivityType.SPLIT, "ACME", D(10), None, None, None)):  # shares added
        book = build_lots([trade(date(2024, 1, 10), BUY, "10", "100"), split,
                           trade(date(2024, 4, 1), SELL, "5", "60")])
        (sale,) = book.realised
        assert (sale.quantity, sale.cost, sale.proceeds, sale.gain) == (D(5), D(250), D(300), D(50))
        assert book.held("ACME") == D(15) and book.cost("ACME") == D(750)


def test_a_transfer_in_carries_its_cost_and_its_original_day() -> None:
    moved = ActivityRecord(date(2024, 1, 5), ActivityType.TRANSFER_IN, "ACME", D(10), None, None, None,
                           cost_basis=D(500), acquired_on=date(2020, 5, 1))
    book = build_lots([moved, trade(date(2024, 3, 1), SELL, "10", "80")])
    (sale,) = book.realised
    assert (sale.acquired, sale.cost, sale.gain, sale.long_term()) == (date(2020, 5, 1), D(500), D(300), True)


def test_a_buy_and_a_sale_on_one_day_realise_on_that_day() -> None:
    day = date(2024, 5, 1)
    book = build_lots([trade(day, BUY, "10", "50", n=1), trade(day, SELL, "10", "51", n=2)])
    (sale,) = book.realised
    assert (sale.gain, sale.long_term(), sale.acquired) == (D(10), False, day)
    assert book.held("ACME") == 0


def test_shares_no_activity_bought_close_an_unknown_cost_lot_not_a_free_one() -> None:
    book = build_lots([trade(date(2024, 1, 10), BUY, "2", "10"), trade(date(2024, 2, 1), SELL, "5", "12")])
    known, unknown = book.realised
    assert (known.quantity, known.gain) == (D(2), D(4))
    assert (unknown.quantity, unknown.cost, unknown.gain, unknown.acquired) == (D(3), None, None, None)
    assert unknown.proceeds == D(36)


def test_a_transfer_out_closes_lots_without_realising_anything() -> None:
    book = build_lots([trade(date(2024, 1, 10), BUY, "10", "100", n=1),
                       ActivityRecord(date(2024, 2, 1), ActivityType.TRANSFER_OUT, "ACME", D(4), None, None, None)])
    assert book.realised == [] and book.held("ACME") == D(6) and book.cost("ACME") == D(600)


def test_hifo_takes_unknown_cost_last() -> None:
    unknown = ActivityRecord(date(2024, 1, 1), ActivityType.TRANSFER_IN, "ACME", D(5), None, None, None)
    book = build_lots([unknown, trade(date(2024, 2, 1), BUY, "5", "10"), trade(date(2024, 3, 1), SELL, "5", "11")],
                      LotMethod.HIFO)
    (sale,) = book.realised
    assert sale.cost == D(50) and book.cost("ACME") is None, "the open shares' cost is unknown, and says so"


def test_a_reinvested_dividend_opens_a_lot_and_a_stock_dividend_spreads_the_cost() -> None:
    day = date(2025, 3, 3)
    reinvested = ActivityRecord(date(2025, 6, 2), ActivityType.DIVIDEND, "ACME", D("0.5"), D("110"), D("55"), None, id=2)
    book = build_lots([trade(day, BUY, "10", "100", n=1), reinvested])
    assert [(lot.acquired, lot.quantity, lot.cost) for lot in book.open["ACME"]] == [
        (day, D(10), D(1000)), (date(2025, 6, 2), D("0.5"), D("55.0"))]

    paid_in_shares = ActivityRecord(date(2025, 6, 2), ActivityType.DIVIDEND, "ACME", D(1), None, D(0), None, id=3)
    book = build_lots([trade(day, BUY, "10", "100", n=1), paid_in_shares])
    assert [(lot.acquired, lot.quantity, lot.cost) for lot in book.open["ACME"]] == [(day, D(11), D(1000))]
