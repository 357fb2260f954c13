"""The benchmark beside the portfolio, worked by hand.

The portfolio: 1,000 at the end of 1 Jan; 500 brought in on 2 Jan; 200 taken out on 4 Jan.
SPY closes 100 (1 Jan), 110 (2 Jan), none on 3 Jan (a holiday), 99 (4 Jan).
AGG closes 50, 50, -, 51.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from clera_desktop.core.errors import CleraError
from clera_desktop.portfolio.benchmark import Benchmark, FlowDay, Prices, parse, run

D = Decimal
JAN = [date(2026, 1, d) for d in range(1, 5)]
DAYS = [FlowDay(JAN[1], D(1600), D(500), D(0)), FlowDay(JAN[2], D(1600), D(0), D(0)),
        FlowDay(JAN[3], D(1450), D(0), D(200))]
SPY = Prices([(JAN[0], D(100)), (JAN[1], D(110)), (JAN[3], D(99))])
AGG = Prices([(JAN[0], D(50)), (JAN[1], D(50)), (JAN[3], D(51))])


def test_every_deposit_buys_the_benchmark_at_the_start_of_its_day_and_withdrawals_leave_at_its_end() -> None:
    spy = run(parse("SPY"), {"SPY": SPY}, DAYS, D(1000), JAN[0])
    # 2 Jan: (1,000 + 500) x 1.1 = 1,650; 3 Jan: no close, unchanged; 4 Jan: 1,650 x 0.9 - 200 = 1,285
    assert [(d.day.day, d.value) for d in spy.days] == [(2, D(1650)), (3, D(1650)), (4, D(1285))]
    assert spy.twr == D("-0.01")  # 1.1 x 0.9 - 1
    assert (spy.net_flows, spy.gain) == (D(300), D(-15))  # 1,285 - 1,000 - 300
    assert spy.runs_from is None and spy.known
    # its money-weighted return (the range's own rate, under a year): the rate at which 1,000 on 1 Jan,
    # 500 on 2 Jan (a third of the range in), 200 out and 1,285 left on 4 Jan are worth nothing net
    assert spy.mwr is not None
    growth = 1 + float(spy.mwr)
    assert abs(-1000 - 500 / growth ** (1 / 3) + (200 + 1285) / growth) < 0.01


def test_without_flows_the_money_weighted_return_is_the_time_weighted_one() -> None:
    still = [FlowDay(day, D(0), D(0), D(0)) for day in JAN[1:]]
    spy = run(parse("SPY"), {"SPY": SPY}, still, D(1000), JAN[0])
    assert (spy.end_value, spy.twr, spy.mwr) == (D(990), D("-0.01"), D("-0.01"))


def test_a_blend_is_rebalanced_to_its_mix_every_day() -> None:
    blend = run(parse("SPY 60, AGG 40"), {"SPY": SPY, "AGG": AGG}, DAYS, D(1000), JAN[0])
    # factors: 0.6 x 1.1 + 0.4 x 1 = 1.06; then 1; then 0.6 x 0.9 + 0.4 x 1.02 = 0.948
    assert blend.twr == D("1.06") * D("0.948") - 1  # +0.488%
    assert blend.end_value == D(1500) * D("1.06") * D("0.948") - 200  # 1,307.32
    assert blend.end_value == D("1307.32")
    assert blend.benchmark.label == "60% SPY + 40% AGG"


def test_without_any_close_the_benchmark_is_unknown_and_a_late_one_says_when_it_starts() -> None:
    missing = run(parse("SPY 60, AGG 40"), {"SPY": SPY, "AGG": Prices([])}, DAYS, D(1000), JAN[0])
    assert (missing.twr, missing.end_value, missing.missing) == (None, None, ("AGG",))
    late = run(parse("SPY"), {"SPY": Prices([(JAN[1], D(110)), (JAN[3], D(99))])}, DAYS, D(1000), JAN[0])
    assert late.runs_from == JAN[2]  # 2 Jan waits (no close before it); it runs from 3 Jan
    assert late.twr == D("0.9") - 1
    assert late.end_value == D(1500) * D("0.9") - 200


@pytest.mark.parametrize(("text", "parts"), [
    ("spy", (("SPY", D(100)),)),
    ("SPY 60, AGG 40", (("SPY", D(60)), ("AGG", D(40)))),
    ("VTI:70 BND:30", (("VTI", D(70)), ("BND", D(30)))),
    ("VTI, BND", (("VTI", D(50)), ("BND", D(50)))),
])
def test_what_a_person_types_is_read_as_a_symbol_or_a_blend(text: str, parts: tuple[tuple[str, Decimal], ...]) -> None:
    assert parse(text) == Benchmark(parts)
    assert parse(parse(text).text) == parse(text)


@pytest.mark.parametrize(("text", "says"), [
    ("SPY 60, AGG 30", "add up to 100; these add up to 90"),
    ("SPY 60, AGG", "every part of a blend a weight"),
    ("SPY, SPY", "once"),
    ("S&P 500", "not a symbol"),
])
def test_a_blend_that_cannot_be_gets_a_sentence_not_a_traceback(text: str, says: str) -> None:
    with pytest.raises(CleraError, match=says):
        parse(text)
