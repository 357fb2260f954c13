"""Health rules on a portfolio worked by hand: 30,000 USD in two institutions and two currencies.

Brokerage (Schwab, USD): AAPL 12,000, MSFT 8,000, cash 1,000 -> 21,000
TFSA (Questrade, CAD at 0.75): RY.TO 10,000 CAD = 7,500, cash 2,000 CAD = 1,500 -> 9,000
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from clera_desktop.portfolio.allocation import AccountFacts, AllocationBook, Piece
from clera_desktop.portfolio.health import DEFAULT_THRESHOLDS, Rule, RuleResult, check_health

D = Decimal


def _piece(account_id: str, symbol: str | None, currency: str, value: str) -> Piece:
    return Piece(account_id, symbol, symbol or "Cash", currency, D(value), None)


ACCOUNTS = {"a": AccountFacts("Brokerage", "Schwab", "snaptrade"), "b": AccountFacts("TFSA", "Questrade", "snaptrade")}
BOOK = AllocationBook("USD", date(2026, 12, 1), (
    _piece("a", "AAPL", "USD", "12000"), _piece("a", "MSFT", "USD", "8000"), _piece("a", None, "USD", "1000"),
    _piece("b", "RY.TO", "CAD", "7500"), _piece("b", None, "CAD", "1500"),
), ACCOUNTS, {}, {})


def _results(**percent: int) -> dict[Rule, RuleResult]:
    thresholds = {**DEFAULT_THRESHOLDS, **{Rule(k): D(v) for k, v in percent.items()}}
    return {r.rule: r for r in check_health(BOOK, thresholds).results}


def test_each_position_over_the_threshold_is_named_largest_first() -> None:
    positions = _results(position=20)[Rule.POSITION]
    assert [(e.name, e.weight) for e in positions.over] == [
        ("AAPL", D(40)), ("MSFT", D(8000) / D(30000) * 100), ("RY.TO", D(25))]
    assert [e.name for e in _results(position=30)[Rule.POSITION].over] == ["AAPL"]


def test_an_institution_over_the_threshold_names_the_holdings_that_make_it_up() -> None:
    institution = _results(institution=60)[Rule.INSTITUTION]
    (schwab,) = institution.over
    assert (schwab.name, schwab.weight, schwab.causes) == ("Schwab", D(70), ("AAPL", "MSFT"))
    assert "Schwab 70.0% (AAPL, MSFT)" in institution.sentence("USD")


def test_currencies_count_cash_at_the_accounts_rate_and_pass_under_the_threshold() -> None:
    currency = _results(currency=80)[Rule.CURRENCY]
    largest = currency.largest
    assert currency.passed and largest is not None
    assert (largest.name, largest.weight, largest.causes) == ("USD", D(70), ("AAPL", "MSFT", "cash"))
    (cad,) = [e for e in _results(currency=25)[Rule.CURRENCY].over if e.name == "CAD"]
    assert cad.value == D(9000) and cad.causes == ("RY.TO", "cash")


def test_cash_over_the_threshold_names_the_accounts_holding_the_most() -> None:
    assert _results(cash=20)[Rule.CASH].passed
    (cash,) = _results(cash=5)[Rule.CASH].over
    assert (cash.value, cash.causes) == (D(2500), ("TFSA", "Brokerage"))
    assert cash.weight == D(2500) / D(30000) * 100


def test_nothing_to_weigh_is_said_not_divided_by_zero() -> None:
    report = check_health(AllocationBook("USD", date(2026, 12, 1), (), {}, {}, {}))
    assert all(r.largest is None and r.passed for r in report.results)
    assert "nothing to weigh yet" in report.results[0].sentence("USD")
