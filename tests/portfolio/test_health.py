"""Health rules on a portfolio worked by hand: 30,000 USD in two institutions and two currencies.

Brokerage (Schwab, USD): AAPL 12,000, MSFT 8,000, cash 1,000 -> 21,000
TFSA (Questrade, CAD at 0.75): RY.TO 10,000 CAD = 7,500, cash 2,000 CAD = 1,500 -> 9,000
"""

from __future__ import annotations

from decimal import Decimal

from clera_desktop.models.domain import AccountValue
from clera_desktop.portfolio.health import DEFAULT_THRESHOLDS, Rule, RuleResult, check_health
from clera_desktop.portfolio.holdings import HoldingAccountRow, HoldingRow, HoldingsSnapshot
from clera_desktop.portfolio.totals import PortfolioTotal

D = Decimal


def _account(account_id: str, name: str, institution: str, currency: str, cash: str, total: str,
             total_base: str) -> AccountValue:
    return AccountValue(account_id=account_id, name=name, institution=institution, provider="snaptrade",
                        masked_number=None, account_type=None, connection_type="read", currency=currency, cash=D(cash),
                        positions_value=D(total) - D(cash), total=D(total), base_currency="USD",
                        total_base=D(total_base), fx=None, last_sync_at=None, stale_since=None, status="ok",
                        status_reason=None, is_paper=False)


def _holding(symbol: str, currency: str, value: str, value_base: str, account_id: str, account: str) -> HoldingRow:
    return HoldingRow(symbol, None, currency, D(10), None, D(value), D(value_base), None, None, None, None,
                      (HoldingAccountRow(account_id, account, "snaptrade", D(10), D(value)),))


ACCOUNTS = [_account("a", "Brokerage", "Schwab", "USD", "1000", "21000", "21000"),
            _account("b", "TFSA", "Questrade", "CAD", "2000", "12000", "9000")]
HOLDINGS = HoldingsSnapshot("USD", (
    _holding("AAPL", "USD", "12000", "12000", "a", "Brokerage"),
    _holding("MSFT", "USD", "8000", "8000", "a", "Brokerage"),
    _holding("RY.TO", "CAD", "10000", "7500", "b", "TFSA"),
), D(27500), None, PortfolioTotal("USD", D(30000)), D(2500))


def _results(**percent: int) -> dict[Rule, RuleResult]:
    thresholds = {**DEFAULT_THRESHOLDS, **{Rule(k): D(v) for k, v in percent.items()}}
    return {r.rule: r for r in check_health(ACCOUNTS, HOLDINGS, thresholds).results}


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
    empty = HoldingsSnapshot("USD", (), None, None, PortfolioTotal("USD", D(0)), None)
    report = check_health([], empty)
    assert all(r.largest is None and r.passed for r in report.results)
    assert "nothing to weigh yet" in report.results[0].sentence("USD")
