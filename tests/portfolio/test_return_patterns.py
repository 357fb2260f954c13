"""Returns on the patterns people have, each hand-computed (or from a published worked example):
deposit-and-buy, sell-and-withdraw, selling everything, an account opened mid-range, transfers,
internal transfers, a short range's money-weighted return, income with fees and taxes, a split
over days without a close, a currency without a rate, and figures too large for a float."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import numpy as np
import pytest

from clera_desktop.models.engine import Database
from clera_desktop.models.enums import ActivityType as T
from clera_desktop.models.enums import Provider
from clera_desktop.models.tables import FxRate, PortfolioSnapshot
from clera_desktop.portfolio.history import ActivityRecord, PriceTable, rebuild_account, to_cents
from clera_desktop.portfolio.rates import RateBook
from clera_desktop.portfolio.returns import DailyPoint, metrics, period_rate
from clera_desktop.services.history import build_report
from tests.models.factories import add_account

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed

D = date
ZERO = Decimal(0)


def rec(day: date, kind: T, symbol: str | None = None, quantity: str | None = None, price: str | None = None,
        amount: str | None = None, fee: str | None = None, tax: str | None = None, *, ratio: bool = False,
        internal: bool = False) -> ActivityRecord:
    def dec(v: str | None) -> Decimal | None:
        return None if v is None else Decimal(v)

    return ActivityRecord(day, kind, symbol, dec(quantity), dec(price), dec(amount), dec(fee), ratio, dec(tax), internal)


no_fx = RateBook([])  # one currency: nothing to convert


def points_of(history) -> list[DailyPoint]:  # type: ignore[no-untyped-def]
    return [DailyPoint(d, v, f, i, o, fees, taxes) for d, v, f, i, o, fees, taxes in zip(
        history.days, history.value, history.flows, history.income, history.flows_out, history.fees, history.taxes,
        strict=True)]


def test_published_example_one_deposit_and_one_withdrawal() -> None:
    """mathcelebrity.com, "Time Weighted Rate of Interest": 100,000 on January 1; 112,000 on March 1,
    then 30,000 paid in; 125,000 on August 1, then 42,000 taken out; 100,000 a year on: 18.78%.
    In days: the payment in arrives at the start of the next day; the withdrawal leaves at the
    end of August 1 (money out counts at the end of its day)."""
    points = [DailyPoint(D(2025, 3, 1), Decimal(112000), ZERO, ZERO),
              DailyPoint(D(2025, 3, 2), Decimal(142000), Decimal(30000), ZERO),
              DailyPoint(D(2025, 8, 1), Decimal(83000), Decimal(-42000), ZERO, Decimal(42000)),
              DailyPoint(D(2026, 1, 1), Decimal(100000), ZERO, ZERO)]
    result = metrics(points, start_value=Decimal(100000), start_day=D(2024, 12, 31))
    expected = Decimal("1.12") * Decimal(125000) / Decimal(142000) * Decimal(100000) / Decimal(83000) - 1
    assert result.twr == expected.quantize(Decimal("0.000001")) and f"{result.twr:.4f}" == "0.1878"


def test_published_example_three_flows_and_the_yearly_rate() -> None:
    """Mississippi College, Financial Mathematics, Example 5.3.2: balances 14,516 (2016-11-01), 14,547
    then +3,000 (2017-03-01), 18,351 then -2,000 (2017-08-01), 16,969 then +2,500 (2018-02-01), 18,542
    (2018-04-01, as the table says; the formula line misprints 18,524 but computes with 18,542): growth
    1.035877 over the 17 months (the text's yearly rate counts months; ours, days)."""
    points = [DailyPoint(D(2017, 3, 1), Decimal(14547), ZERO, ZERO),
              DailyPoint(D(2017, 3, 2), Decimal(17547), Decimal(3000), ZERO),
              DailyPoint(D(2017, 8, 1), Decimal(16351), Decimal(-2000), ZERO, Decimal(2000)),
              DailyPoint(D(2018, 2, 1), Decimal(16969), ZERO, ZERO),
              DailyPoint(D(2018, 2, 2), Decimal(19469), Decimal(2500), ZERO),
              DailyPoint(D(2018, 4, 1), Decimal(18542), ZERO, ZERO)]
    result = metrics(points, start_value=Decimal(14516), start_day=D(2016, 11, 1))
    assert f"{result.twr:.6f}" == "0.035877"
    days = (D(2018, 4, 1) - D(2016, 11, 1)).days
    assert result.twr_annualised == Decimal(repr(float(1 + result.twr) ** (365 / days) - 1)).quantize(Decimal("0.000001"))


def test_sell_and_withdraw_on_one_day_then_deposit_and_buy_the_security_rose_32_percent() -> None:
    """The audit's case: buy 10 @ 100; next day sell 5 @ 110 and withdraw 550; later deposit 1,200
    and buy 10 @ 120; the price ends at 132. Only the security was held: the return is 32% (it said 46.67%)."""
    records = [rec(D(2026, 1, 5), T.DEPOSIT, amount="1000"), rec(D(2026, 1, 5), T.BUY, "ABC", "10", "100", "-1000"),
               rec(D(2026, 1, 6), T.SELL, "ABC", "5", "110", "550"), rec(D(2026, 1, 6), T.WITHDRAWAL, amount="-550"),
               rec(D(2026, 1, 8), T.DEPOSIT, amount="1200"), rec(D(2026, 1, 8), T.BUY, "ABC", "10", "120", "-1200")]
    closes = {D(2026, 1, 5): "100", D(2026, 1, 6): "110", D(2026, 1, 7): "120", D(2026, 1, 8): "120", D(2026, 1, 9): "132"}
    prices = PriceTable({"ABC": [(d, Decimal(c)) for d, c in closes.items()]}, {"ABC": "USD"})
    history = rebuild_account("a", "USD", records, prices, no_fx, start=D(2026, 1, 5), end=D(2026, 1, 9))
    assert history.value == [Decimal("1000.00"), Decimal("550.00"), Decimal("600.00"), Decimal("1800.00"),
                             Decimal("1980.00")]
    assert history.flows_out[1] == Decimal(550) and history.flows[1] == Decimal(-550)
    result = metrics(points_of(history), start_value=ZERO, start_day=D(2026, 1, 4))
    assert result.twr == Decimal("0.320000")


def test_selling_everything_and_withdrawing_it_keeps_the_last_days_return() -> None:
    """It said 0% (the day's base was not positive, so skipped) or -100%."""
    records = [rec(D(2026, 1, 5), T.DEPOSIT, amount="1000"), rec(D(2026, 1, 5), T.BUY, "ABC", "10", "100", "-1000"),
               rec(D(2026, 1, 6), T.SELL, "ABC", "10", "110", "1100"), rec(D(2026, 1, 6), T.WITHDRAWAL, amount="-1100")]
    prices = PriceTable({"ABC": [(D(2026, 1, 5), Decimal(100)), (D(2026, 1, 6), Decimal(110))]}, {"ABC": "USD"})
    history = rebuild_account("a", "USD", records, prices, no_fx, start=D(2026, 1, 5), end=D(2026, 1, 8))
    assert history.value == [Decimal("1000.00"), Decimal("0.00"), Decimal("0.00"), Decimal("0.00")]
    result = metrics(points_of(history), start_value=ZERO, start_day=D(2026, 1, 4))
    assert result.twr == Decimal("0.100000"), "the empty days after have no return and change nothing"
    assert result.gain == Decimal(100) and result.net_flows == Decimal(-100)


def test_shares_transferred_in_carry_their_cost_and_move_no_cash() -> None:
    """A TRANSFER_IN with an amount used to credit the amount as cash too (the value doubled)."""
    records = [rec(D(2026, 1, 5), T.TRANSFER_IN, "ABC", "10", "80")]  # carried cost in price; amount None: no cash
    prices = PriceTable({"ABC": [(D(2026, 1, 5), Decimal(100)), (D(2026, 1, 6), Decimal(105))]}, {"ABC": "USD"})
    history = rebuild_account("a", "USD", records, prices, no_fx, start=D(2026, 1, 5), end=D(2026, 1, 6))
    assert history.cash == [ZERO, ZERO] and history.value == [Decimal("1000.00"), Decimal("1050.00")]
    assert history.flows == [Decimal("1000.00"), ZERO], "the shares' value that day is the flow"
    result = metrics(points_of(history), start_value=ZERO, start_day=D(2026, 1, 4))
    assert result.twr == Decimal("0.050000")


def test_income_is_gross_and_its_fee_and_tax_are_deducted_and_reported() -> None:
    """A fee on a DIVIDEND used to be accepted and ignored."""
    records = [rec(D(2026, 1, 5), T.DEPOSIT, amount="1000"),
               rec(D(2026, 1, 6), T.DIVIDEND, "ABC", amount="84.00", fee="1.00", tax="15.00"),  # 100 gross
               rec(D(2026, 1, 7), T.FEE, amount="-10"), rec(D(2026, 1, 7), T.REFUND, amount="4"),
               rec(D(2026, 1, 8), T.TAX, amount="-20"), rec(D(2026, 1, 9), T.TAX, amount="5")]  # a tax refund
    history = rebuild_account("a", "USD", records, PriceTable({}, {}), no_fx, start=D(2026, 1, 5), end=D(2026, 1, 9))
    assert history.cash[-1] == Decimal("1063.00")  # 1000 + 84 - 10 + 4 - 20 + 5
    result = metrics(points_of(history), start_value=ZERO, start_day=D(2026, 1, 4))
    assert (result.income, result.fees, result.taxes) == (Decimal(100), Decimal(7), Decimal(30))
    assert result.gain == result.income - result.fees - result.taxes == Decimal(63)


def test_a_close_carried_over_a_split_day_is_split_adjusted() -> None:
    """No close on the day of a 10-for-1 split (a holiday, or prices imported by hand): the
    carried-forward close used to value ten times the shares at the old price for days."""
    records = [rec(D(2026, 1, 5), T.TRANSFER_IN, "ABC", "10", "1000"),
               rec(D(2026, 1, 7), T.SPLIT, "ABC", "10", ratio=True)]
    prices = PriceTable({"ABC": [(D(2026, 1, 5), Decimal(1000)), (D(2026, 1, 6), Decimal(1010)),
                                 (D(2026, 1, 9), Decimal("102.50"))]}, {"ABC": "USD"})
    history = rebuild_account("a", "USD", records, prices, no_fx, start=D(2026, 1, 5), end=D(2026, 1, 9))
    assert history.value == [Decimal("10000.00"), Decimal("10100.00"), Decimal("10100.00"), Decimal("10100.00"),
                             Decimal("10250.00")]


def test_figures_too_large_for_a_float_are_computed_exactly_not_wrapped() -> None:
    """int64 cents end at 9.2e16: a bad file once showed -92,233,720,368,547,758.08."""
    values = np.array([1e20, 12.345, -3e18])
    exact = {0: Decimal("100000000000000000000.004"), 1: Decimal("12.345"), 2: Decimal("-3000000000000000000.125")}
    assert to_cents(values, exact.__getitem__) == [Decimal("100000000000000000000.00"), Decimal("12.35"),
                                                   Decimal("-3000000000000000000.13")]  # ties half up


def test_a_weeks_threefold_money_weighted_return_is_the_weeks_own_and_never_crashes() -> None:
    """A 3x gain within a week used to crash the report (decimal.InvalidOperation at ~1e22 a year);
    a six-day range showed +135,851,492.56%."""
    points = [DailyPoint(D(2026, 1, 5) + timedelta(days=n), Decimal(1000 * (1 + 2 * n / 5)), ZERO, ZERO)
              for n in range(6)]
    result = metrics(points, start_value=Decimal(1000), start_day=D(2026, 1, 4))
    assert result.mwr_basis == "period" and result.mwr == Decimal("2.000000")
    assert result.twr_annualised is None, "no yearly rate for a range under a year"


def test_of_several_money_weighted_rates_the_one_nearest_the_simple_return_is_given() -> None:
    # -100 now, +230 halfway, -132 at the end: 21% and 44% both solve it
    flows = [(0.0, -100.0), (0.5, 230.0), (1.0, -132.0)]
    assert period_rate(flows, near=0.15) == pytest.approx(0.21, abs=1e-9)
    assert period_rate(flows, near=0.5) == pytest.approx(0.44, abs=1e-9)


def _snapshots(database: Database, account_id: str, rows: list[tuple[date, str, str, str]],
               currency: str = "USD") -> None:
    """(day, value, net_flow, flow_out) per day."""
    def write(session) -> None:  # type: ignore[no-untyped-def]
        for day, value, flow, out in rows:
            session.add(PortfolioSnapshot(account_id=account_id, date=day, value=Decimal(value), cash=ZERO,
                                          currency=currency, net_flow=Decimal(flow), income=ZERO,
                                          flow_out=Decimal(out)))

    database.write_sync(write)


def test_an_account_opened_mid_range_joins_the_total_on_its_first_day(database: Database) -> None:
    database.write_sync(lambda s: (add_account(s, "a"), add_account(s, "b")))
    _snapshots(database, "snaptrade_a", [(D(2026, 1, 5), "1000", "1000", "0"), (D(2026, 1, 6), "1100", "0", "0"),
                                         (D(2026, 1, 7), "1210", "0", "0")])
    _snapshots(database, "snaptrade_b", [(D(2026, 1, 6), "500", "500", "0"), (D(2026, 1, 7), "550", "0", "0")])
    report = database.read_sync(lambda s: build_report(s, "USD", None, None, None, today=D(2026, 1, 7)))
    # day 6: (1100 + 500) / (1000 + 500) = 1.0667 (B's 500 came in at the start and stayed flat);
    # day 7: 1760 / 1600 = 1.1
    assert report.total.twr == (Decimal(1600) / Decimal(1500) * Decimal("1.1") - 1).quantize(Decimal("0.000001"))
    assert report.total.net_flows == Decimal(1500) and report.complete


def test_a_transfer_between_the_persons_own_accounts_is_no_flow_for_the_total(database: Database) -> None:
    from clera_desktop.store.history import rebuild_all
    from tests.clock import TEST_CLOCK

    def write(session) -> None:  # type: ignore[no-untyped-def]
        for ext in ("a", "b"):
            add_account(session, ext, Provider.MANUAL, name=ext.upper())
        session.flush()
        from clera_desktop.models.tables import Activity, DailyPrice

        day = TEST_CLOCK.today() - timedelta(days=3)
        for n, (account, kind, qty, amount) in enumerate([("a", T.DEPOSIT, None, "1000"), ("a", T.BUY, "10", "-1000"),
                                                          ("a", T.TRANSFER_OUT, "10", None), ("b", T.TRANSFER_IN, "10", None)]):
            on = day if n < 2 else day + timedelta(days=1)
            session.add(Activity(account_id=f"manual_{account}", provider_activity_id=f"x{n}", type=kind,
                                 trade_date=on, symbol="ABC" if qty else None, quantity=Decimal(qty) if qty else None,
                                 price=Decimal(100) if kind is T.BUY else None,
                                 amount=Decimal(amount) if amount else None, currency="USD"))
        for n in range(4):
            session.add(DailyPrice(symbol="ABC", date=day + timedelta(days=n), close=Decimal(100 + 10 * n),
                                   currency="USD", source="test"))

    database.write_sync(write)
    database.write_sync(lambda s: rebuild_all(s, TEST_CLOCK))
    report = database.read_sync(lambda s: build_report(s, "USD", None, None, None, today=TEST_CLOCK.today()))
    by_name = {a.name: a.metrics for a in report.accounts}
    assert by_name["A"].net_flows == Decimal(1000) - Decimal(1100), "for A the shares left: a flow out"
    assert by_name["B"].net_flows == Decimal(1100), "for B they came in"
    assert report.total.net_flows == Decimal(1000), "for the person nothing came or went but the deposit"
    assert report.total.twr == Decimal("0.300000"), "100 -> 130"


def test_an_account_in_a_currency_without_a_rate_is_left_out_of_the_total_and_named(database: Database) -> None:
    """A 1,000 CHF deposit with no CHF rate used to be reported as 1,000.00 USD and summed in 1:1."""
    database.write_sync(lambda s: (add_account(s, "usd"), add_account(s, "chf", Provider.MANUAL, name="Swiss",
                                                                      currency="CHF")))
    _snapshots(database, "snaptrade_usd", [(D(2026, 1, 5), "1000", "1000", "0")])
    _snapshots(database, "manual_chf", [(D(2026, 1, 5), "1000", "1000", "0")], currency="CHF")
    report = database.read_sync(lambda s: build_report(s, "USD", None, None, None, today=D(2026, 1, 5)))
    assert report.total.end_value == Decimal(1000) and not report.complete
    assert report.missing_rates == ("CHF/USD",) and report.left_out == ("Swiss",)
    assert report.as_json()["total"]["missing_rates"] == ["CHF/USD"]  # type: ignore[index]
    database.write_sync(lambda s: s.add(FxRate(base="CHF", quote="USD", rate=Decimal("1.1"), as_of=D(2026, 1, 2),
                                               source="csv")))
    report = database.read_sync(lambda s: build_report(s, "USD", None, None, None, today=D(2026, 1, 5)))
    assert report.complete and report.total.end_value == Decimal("2100.00")
    assert {a.currency for a in report.accounts} == {"CHF", "USD"}, "each account in its own currency"
