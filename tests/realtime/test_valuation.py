"""Live valuation arithmetic: a move of dp changes a holder's value by exactly quantity x dp."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clera_desktop.core.money import CENT
from clera_desktop.portfolio.totals import in_base
from clera_desktop.realtime.book import AccountBook, LiveBook
from clera_desktop.realtime.prices import LivePrices
from clera_desktop.realtime.valuation import LiveValuation

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)

USD_ACCOUNT = AccountBook("a", "Brokerage", "USD", Decimal("100.01"), {"AAPL": Decimal("2.5"), "MSFT": Decimal(1)},
                          {"AAPL": Decimal("180.10"), "MSFT": Decimal("400")}, {}, Decimal(1))
CAD_ACCOUNT = AccountBook("b", "TFSA", "CAD", Decimal("50"), {"AAPL": Decimal("0.123456789")},
                          {"AAPL": Decimal("180.10")}, {"AAPL": Decimal("1.3712")}, Decimal("0.7293"))


def book() -> LiveBook:
    return LiveBook("USD", (USD_ACCOUNT, CAD_ACCOUNT), {"AAPL": "USD", "MSFT": "USD"})


def test_a_tick_moves_each_holder_by_quantity_times_the_change() -> None:
    valuation = LiveValuation(book())
    before_a, before_b = valuation.value("a").value, valuation.value("b").value
    assert before_a == Decimal("100.01") + Decimal("2.5") * Decimal("180.10") + Decimal("400")
    changed = valuation.apply({"AAPL": Decimal("180.37")})
    assert changed == {"a", "b"}
    assert valuation.value("a").value - before_a == Decimal("2.5") * Decimal("0.27")
    assert valuation.value("b").value - before_b == Decimal("0.123456789") * Decimal("1.3712") * Decimal("0.27")
    assert valuation.apply({"AAPL": Decimal("180.37")}) == set()  # no move, no change


def test_the_total_converts_each_account_with_its_recorded_rate() -> None:
    valuation = LiveValuation(book())
    valuation.apply({"MSFT": Decimal("401.5"), "AAPL": Decimal("179")})
    a, b = valuation.value("a"), valuation.value("b")
    assert b.value_base == in_base(b.value, Decimal("0.7293")) == (b.value.quantize(CENT) * Decimal("0.7293")).quantize(CENT)
    assert valuation.total_base() == a.value.quantize(CENT) + b.value_base


def test_an_account_without_a_rate_is_left_out_of_the_total_and_named() -> None:
    euro = AccountBook("c", "Euro savings", "EUR", Decimal("250.5"), {}, {}, {}, None)
    valuation = LiveValuation(LiveBook("USD", (USD_ACCOUNT, euro)))
    total = valuation.total()
    assert total.amount == valuation.value("a").value.quantize(CENT), "the others still add up"
    assert not total.complete and "Euro savings (250.50 EUR): no EUR/USD rate" in total.note()
    assert valuation.value("c").value_base is None


def test_an_empty_account_needs_no_rate() -> None:
    empty = AccountBook("e", "New CHF account", "CHF", Decimal(0), {}, {}, {}, None)
    total = LiveValuation(LiveBook("USD", (USD_ACCOUNT, empty))).total()
    assert total.complete and total.note() == ""


def test_a_position_priced_only_by_its_reported_value_counts_until_its_first_tick() -> None:
    reported = AccountBook("f", "Fund", "USD", Decimal(0), {"VFIAX": Decimal(2)}, {}, {}, Decimal(1),
                           unpriced_values={"VFIAX": Decimal("1000.00")})
    valuation = LiveValuation(LiveBook("USD", (reported,)))
    assert valuation.value("f").value == Decimal("1000.00") and valuation.value("f").missing_prices == ()
    valuation.apply({"VFIAX": Decimal("510")})
    assert valuation.value("f").value == Decimal("1020"), "the tick replaces the reported value, not adds to it"


def test_a_symbol_without_any_price_is_reported_and_joins_when_it_trades() -> None:
    partial = AccountBook("d", "New", "USD", Decimal(0), {"NVDA": Decimal(3)}, {}, {}, Decimal(1))
    valuation = LiveValuation(LiveBook("USD", (partial,)))
    assert valuation.value("d").missing_prices == ("NVDA",)
    valuation.apply({"NVDA": Decimal("120.5")})
    assert valuation.value("d").value == Decimal("361.5") and valuation.value("d").missing_prices == ()


def test_prices_fold_a_batch_to_the_last_tick_and_keep_float_digits() -> None:
    clock = [0.0]
    prices = LivePrices(stale_after=10, clock=lambda: clock[0])
    assert prices.fold([("AAPL", 180.1), ("MSFT", 400.0), ("AAPL", 180.37)]) == {
        "AAPL": Decimal("180.37"), "MSFT": Decimal("400.0")}
    assert prices.ticks_seen == 3
    clock[0] = 11.0
    prices.fold([("MSFT", 401.25)])
    assert prices.stale() == {"AAPL"}
