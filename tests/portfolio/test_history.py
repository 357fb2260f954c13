"""History reconstruction, hand-computed: splits, dividends, transfers, FX, partial sells, anchors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import numpy as np

from clera_desktop.models.enums import ActivityType as T
from clera_desktop.portfolio.history import ActivityRecord, Adjustment, PriceTable, rebuild_account, to_cents
from clera_desktop.portfolio.rates import RateBook

D = date


def rec(day: date, kind: T, symbol: str | None = None, quantity: str | None = None, price: str | None = None,
        amount: str | None = None, fee: str | None = None, *, ratio: bool = False) -> ActivityRecord:
    def dec(v: str | None) -> Decimal | None:
        return None if v is None else Decimal(v)

    return ActivityRecord(day, kind, symbol, dec(quantity), dec(price), dec(amount), dec(fee), ratio)


no_fx = RateBook([])  # one currency: nothing to convert


def test_buys_splits_partial_sells_and_dividends() -> None:
    records = [
        rec(D(2026, 1, 1), T.DEPOSIT, amount="1000"),
        rec(D(2026, 1, 2), T.BUY, "ABC", "10", "50", "-500.00"),
        rec(D(2026, 1, 4), T.SPLIT, "ABC", "2", ratio=True),  # 2-for-1: 20 shares
        rec(D(2026, 1, 4), T.SELL, "ABC", "5", "26", "129.50", "0.50"),  # after the split, same day
        rec(D(2026, 1, 5), T.DIVIDEND, "ABC", amount="3.75"),
    ]
    closes = PriceTable({"ABC": [(D(2026, 1, 2), Decimal("51")), (D(2026, 1, 3), Decimal("52")),
                                 (D(2026, 1, 4), Decimal("26.10")), (D(2026, 1, 5), Decimal("25.55"))]}, {"ABC": "USD"})
    history = rebuild_account("a", "USD", records, closes, no_fx, start=D(2026, 1, 1), end=D(2026, 1, 6))
    assert history.cash == [Decimal("1000"), Decimal("500"), Decimal("500"), Decimal("629.5"), Decimal("633.25"),
                            Decimal("633.25")]
    assert history.value == [
        Decimal("1000.00"),
        Decimal("1010.00"),  # 500 + 10 x 51
        Decimal("1020.00"),  # 500 + 10 x 52
        Decimal("1021.00"),  # 629.50 + 15 x 26.10
        Decimal("1016.50"),  # 633.25 + 15 x 25.55
        Decimal("1016.50"),  # a Tuesday without a close: carried forward
    ]
    assert history.flows[0] == Decimal(1000) and sum(history.flows) == Decimal(1000)
    assert history.income[4] == Decimal("3.75")
    assert history.adjustments == []


def test_a_provider_split_gives_the_shares_added() -> None:
    records = [rec(D(2026, 1, 1), T.TRANSFER_IN, "XYZ", "3", "10"),
               rec(D(2026, 1, 2), T.SPLIT, "XYZ", "3")]  # 2-for-1 as SnapTrade reports it: 3 shares added
    closes = PriceTable({"XYZ": [(D(2026, 1, 1), Decimal("10")), (D(2026, 1, 2), Decimal("5.01"))]}, {"XYZ": "USD"})
    history = rebuild_account("a", "USD", records, closes, no_fx, start=D(2026, 1, 1), end=D(2026, 1, 2))
    assert history.value == [Decimal("30.00"), Decimal("30.06")]
    assert history.flows == [Decimal("30.00"), Decimal(0)]  # a security transferred in is a flow at its value


def test_fx_converts_each_day_with_that_days_rate() -> None:
    records = [rec(D(2026, 1, 1), T.TRANSFER_IN, "SHOP", "2", "100")]
    closes = PriceTable({"SHOP": [(D(2026, 1, 1), Decimal("100")), (D(2026, 1, 2), Decimal("101"))]}, {"SHOP": "CAD"})

    cad_usd = RateBook([("CAD", "USD", D(2026, 1, 1), Decimal("0.73")), ("CAD", "USD", D(2026, 1, 2), Decimal("0.74"))])

    history = rebuild_account("a", "USD", records, closes, cad_usd, start=D(2026, 1, 1), end=D(2026, 1, 2))
    assert history.value == [Decimal("146.00"), Decimal("149.48")]


def test_what_activities_do_not_explain_is_an_explicit_adjustment() -> None:
    records = [rec(D(2026, 1, 1), T.DEPOSIT, amount="100"), rec(D(2026, 1, 2), T.BUY, "ABC", "1", "50", "-50")]
    closes = PriceTable({"ABC": [(D(2026, 1, 1), Decimal("50")), (D(2026, 1, 2), Decimal("50"))]}, {"ABC": "USD"})
    history = rebuild_account("a", "USD", records, closes, no_fx, start=D(2026, 1, 1), end=D(2026, 1, 2),
                              anchor_positions={"ABC": Decimal(3)}, anchor_cash=Decimal("50"))
    assert history.adjustments == [Adjustment("ABC", Decimal(2))]
    assert history.value[-1] == Decimal("200.00")  # the synced truth: 3 x 50 + 50 cash
    assert history.value[0] == Decimal("200.00")  # the 2 unexplained shares are carried back, said aloud


def test_half_cent_ties_are_decided_exactly() -> None:
    # 0.125 + 0.01 + ... : a float near a half cent is recomputed in Decimal
    values = np.array([1.005, 2.675])  # both are below the half cent as floats
    exact = {0: Decimal("1.005"), 1: Decimal("2.675")}
    assert to_cents(values, exact.__getitem__) == [Decimal("1.01"), Decimal("2.68")]  # half up, exactly


def test_a_dividend_price_placeholder_never_prices_the_shares() -> None:
    # SnapTrade reports dividends with price 0: the shares keep their last trade price
    records = [rec(D(2026, 1, 1), T.BUY, "TD.TO", "10", "80", "-800"),
               rec(D(2026, 1, 2), T.DIVIDEND, "TD.TO", "0", "0", "5")]
    history = rebuild_account("a", "CAD", records, PriceTable({}, {"TD.TO": "CAD"}), no_fx,
                              start=D(2026, 1, 1), end=D(2026, 1, 3))
    # cash -800 then +5; ten shares at their trade price of 80
    assert history.value == [Decimal("0.00"), Decimal("5.00"), Decimal("5.00")]
