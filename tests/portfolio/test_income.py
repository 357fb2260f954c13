"""Income by month, year and holding; the trailing twelve months against the twelve before; the
projection from what is still held. Worked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from clera_desktop.models.enums import ActivityType
from clera_desktop.portfolio.income import IncomeReport, Payment, payments_in_base, share_out
from clera_desktop.portfolio.totals import in_base

D = Decimal
TODAY = date(2026, 12, 1)


def paid(day: date, symbol: str | None, net: str, tax: str = "0", account: str = "a") -> Payment:
    return Payment(day, account, account.upper(), symbol, "interest" if symbol is None else "dividend", "USD",
                   D(net) + D(tax), D(tax), D(0), D(net) + D(tax), D(tax), D(0))


PAYMENTS = (
    paid(date(2025, 3, 15), "KO", "40", "6"),     # the twelve months before
    paid(date(2025, 11, 30), "KO", "40", "6"),    # the last day of the twelve months before
    paid(date(2025, 12, 2), "KO", "42", "6.30"),  # inside the trailing twelve months
    paid(date(2026, 6, 15), "KO", "42", "6.30"),
    paid(date(2026, 9, 1), "MSFT", "25"),         # sold since: no projection
    paid(date(2026, 10, 31), None, "3.10"),       # interest on cash
)


def report() -> IncomeReport:
    return IncomeReport("USD", TODAY, PAYMENTS, frozenset({("a", "KO")}), frozenset({"a"}))


def test_the_trailing_twelve_months_against_the_twelve_before() -> None:
    income = report()
    assert income.trailing_twelve_months() == (D("112.10"), D("12.60"))
    assert income.twelve_months_before() == (D("80"), D("12"))
    assert income.year_over_year() == D("112.10") / D("80") - 1


def test_by_month_year_and_source_and_the_projection_of_what_is_still_held() -> None:
    income = report()
    months = {month: net for month, net, _tax in income.by_month()}
    assert len(income.by_month()) == 24 and months["2026-06"] == D(42) and months["2026-07"] == D(0)
    assert income.by_year() == [(2026, D("76.40"), D("6.30"), D("70.10")), (2025, D("140.30"), D("18.30"), D("122"))]
    sources = {s.symbol: s for s in income.by_source()}
    assert (sources["KO"].net, sources["KO"].payments, sources["KO"].projected) == (D(84), 2, D(84))
    assert sources["MSFT"].projected == 0, "no longer held: nothing projected"
    assert sources[None].projected == D("3.10"), "interest goes on while the account does"
    assert income.projected_next_twelve_months() == D("87.10")


def test_a_payment_without_a_rate_is_named_and_left_out() -> None:
    odd = Payment(date(2026, 5, 1), "c", "C", "NESN", "dividend", "CHF", D(10), D(3.5), D(0), None, None, None,
                  "CHF->USD")
    income = IncomeReport("USD", TODAY, (*PAYMENTS, odd), frozenset(), frozenset())
    assert income.trailing_twelve_months()[0] == D("112.10") and income.missing_rates == ("CHF->USD",)


def test_an_accounts_payments_of_one_day_convert_together_as_the_history_converts_that_day() -> None:
    """Three 8.73 CAD dividends of one day at 0.7155: one by one, 6.25 USD each (18.75); the day's
    26.19 CAD converts to 18.74, the history's figure. The shares sum to the day's: a cent comes
    off one of them."""
    rate = D("0.7155")
    rows = [(date(2026, 6, 1), "t", "TFSA", symbol, ActivityType.DIVIDEND, D("8.73"), None, None, "CAD")
            for symbol in ("RY", "TD", "BNS")]
    payments = payments_in_base(rows, "USD", lambda _c, _b, _d: rate)
    assert sorted(p.gross_base for p in payments) == [D("6.24"), D("6.25"), D("6.25")]  # type: ignore[type-var]
    assert sum((p.gross_base or D(0) for p in payments), D(0)) == in_base(D("26.19"), rate) == D("18.74")


def test_the_shares_sum_to_the_total_whichever_way_the_rounding_went() -> None:
    assert share_out(D("0.03"), [D("0.005")] * 5, D(1)) == [D("0.01"), D("0.01"), D("0.01"), D(0), D(0)]
    assert share_out(D("0.07"), [D("0.015"), D("0.015"), D("0.035")], D(1)) == [D("0.02"), D("0.02"), D("0.03")]
