"""Returns against published worked examples and hand-computed cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from clera_desktop.portfolio.returns import DailyPoint, metrics, time_weighted, xirr


def test_excel_xirr_example() -> None:
    # Microsoft's XIRR documentation example: 0.373362535 (37.34%)
    flows = [(date(2008, 1, 1), -10000.0), (date(2008, 3, 1), 2750.0), (date(2008, 10, 30), 4250.0),
             (date(2009, 2, 15), 3250.0), (date(2009, 4, 1), 2750.0)]
    assert abs(xirr(flows) - 0.373362535) < 1e-8  # type: ignore[operator]  (Excel shows 9 places)


def test_textbook_time_weighted_return() -> None:
    # $100 at the start; it grows to $120; $100 more is deposited; the $220 falls to $209 (-5%):
    # TWR = 1.20 x 0.95 - 1 = 14%, whatever the size of the deposit
    points = [DailyPoint(date(2026, 1, 2), Decimal(120), Decimal(0), Decimal(0)),
              DailyPoint(date(2026, 1, 3), Decimal(209), Decimal(100), Decimal(0))]
    assert time_weighted(points, Decimal(100)) == Decimal("0.14")


def test_a_money_weighted_return_differs_when_money_arrives_before_a_fall() -> None:
    # one share for 100; a year later it is 120 and a second share is bought; a year after that
    # both are worth 130: TWR = 1.2 x (260 / 240) - 1 = 30%; MWR solves
    # 100 (1+r)^2 + 120 (1+r) = 260, r = 0.1205 (less: more money was in for the weaker year)
    result = metrics([DailyPoint(date(2024, 12, 31), Decimal(120), Decimal(0), Decimal(0)),
                      DailyPoint(date(2025, 1, 1), Decimal(240), Decimal(120), Decimal(0)),
                      DailyPoint(date(2026, 1, 1), Decimal(260), Decimal(0), Decimal(0))],
                     start_value=Decimal(100), start_day=date(2024, 1, 1))
    assert result.twr == Decimal("0.300000")
    assert abs(result.mwr - Decimal("0.1205")) < Decimal("0.0005")  # type: ignore[operator]
    assert result.gain == Decimal(40) and result.net_flows == Decimal(120)


def test_undefined_figures_are_none_not_zero() -> None:
    empty = metrics([DailyPoint(date(2026, 1, 1), Decimal(0), Decimal(0), Decimal(0))],
                    start_value=Decimal(0), start_day=date(2026, 1, 1))
    assert empty.twr is None and empty.mwr is None
    assert empty.as_json()["twr"] is None


def test_income_is_counted_but_is_not_a_flow() -> None:
    points = [DailyPoint(date(2026, 1, 2), Decimal(1010), Decimal(0), Decimal(10))]
    result = metrics(points, start_value=Decimal(1000), start_day=date(2026, 1, 1))
    assert result.income == Decimal(10) and result.net_flows == 0 and result.twr == Decimal("0.01")


def test_a_huge_gain_still_has_its_money_weighted_return() -> None:
    """1 deposited, 1,000,000 of interest three days later: a growth of a million times in the range,
    which the search once gave up on (it stopped at 10,000x) and reported as null."""
    points = [DailyPoint(date(2026, 3, 2), Decimal(1), Decimal(1), Decimal(0)),
              DailyPoint(date(2026, 3, 5), Decimal(1_000_001), Decimal(0), Decimal(1_000_000))]
    result = metrics(points, start_value=Decimal(0), start_day=date(2026, 3, 1))
    assert result.mwr_basis == "period" and result.mwr_missing is None
    # the deposit was in for 3 of the range's 4 days: g ** 0.75 = 1,000,001, so r = 1,000,001 ** (4/3) - 1
    expected = Decimal(repr(1_000_001 ** (4 / 3) - 1))
    assert result.mwr is not None and abs(result.mwr / expected - 1) < Decimal("1e-9")
    assert result.as_json()["mwr"] is not None


def test_without_a_rate_the_report_says_why() -> None:
    quiet = [DailyPoint(date(2026, 3, 2), Decimal(100), Decimal(0), Decimal(0))]
    result = metrics(quiet, start_value=Decimal(0), start_day=date(2026, 3, 1))
    assert result.mwr is None and result.as_json()["mwr_missing"] == "no money was invested in the range, or none came back"
    years = [DailyPoint(date(2026, 3, 2), Decimal(1), Decimal(1), Decimal(0)),
             DailyPoint(date(2027, 3, 3), Decimal("1e12"), Decimal(0), Decimal(0))]  # a year and two days
    huge = metrics(years, start_value=Decimal(0), start_day=date(2026, 3, 1))
    assert huge.mwr is None and huge.mwr_missing == "the rate is beyond a billion percent a year, too large to state"
