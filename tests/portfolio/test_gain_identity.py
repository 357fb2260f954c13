"""Realised + change in unrealised + income - fees - taxes = the report's gain, for any range.

A manual account in one currency, through the real store and the command line: buys in lots,
a partial sale across two of them with a fee, a split between a buy and a sale, a dividend with
tax withheld, a fee and a tax line, and daily closes for every day in between. Every price has
two decimals and every quantity is whole, so each day's value is exact and the identity holds to
the cent, whatever the range (a range inside one holding period, across the sale, across the
split, and the whole history)."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from clera_desktop.cli import main
from tests.clock import TODAY

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)

START = TODAY - timedelta(days=60)


def _day(n: int) -> str:
    return (START + timedelta(days=n)).isoformat()


ACTIVITIES = "\n".join([
    "date,account,type,symbol,quantity,price,amount,fee,tax,currency",
    f"{_day(0)},Taxable,DEPOSIT,,,,10000,,,USD",
    f"{_day(1)},Taxable,BUY,ACME,10,100,,5,,USD",
    f"{_day(10)},Taxable,BUY,ACME,10,120,,5,,USD",
    f"{_day(20)},Taxable,SELL,ACME,15,130,,6,,USD",
    f"{_day(25)},Taxable,DIVIDEND,ACME,,,50,,7.50,USD",
    f"{_day(30)},Taxable,SPLIT,ACME,2,,,,,USD",
    f"{_day(35)},Taxable,BUY,ACME,4,70,,1,,USD",
    f"{_day(40)},Taxable,FEE,,,,12,,,USD",
    f"{_day(45)},Taxable,TAX,,,,20,,,USD",
    f"{_day(50)},Taxable,SELL,ACME,6,75,,2,,USD",
])


def _close(n: int) -> str:
    """100.00, 101.00, ... a dollar a day; halved from the split on (the same company, twice the shares)."""
    price = Decimal(100) + n
    return f"{price if n < 30 else price / 2:.2f}"


PRICES = "\n".join(["symbol,date,close,currency", *(f"ACME,{_day(n)},{_close(n)},USD" for n in range(61))])


def test_realised_plus_unrealised_plus_income_less_fees_and_taxes_is_the_gain(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"

    def _clera(data: Path, *args: str) -> str:
        """The command line's own entry, in this process (a process each cost 0.6 s to start, 8 times)."""
        code = main([*args, "--data-dir", str(data)])
        out, err = capsys.readouterr()
        assert code == 0, out + err
        return out

    (tmp_path / "activities.csv").write_text(ACTIVITIES + "\n", encoding="utf-8")
    (tmp_path / "prices.csv").write_text(PRICES + "\n", encoding="utf-8")
    _clera(data, "import", "activities", str(tmp_path / "activities.csv"))
    _clera(data, "import", "prices", str(tmp_path / "prices.csv"))
    for first, last in ((5, 9), (15, 28), (28, 33), (19, 55), (0, 60)):
        total = json.loads(_clera(data, "report", "--from", _day(first), "--to", _day(last)))["total"]
        realised, change = Decimal(total["realised_gain"]), Decimal(total["unrealised_gain_change"])
        parts = realised + change + Decimal(total["income"]) - Decimal(total["fees"]) - Decimal(total["taxes"])
        assert parts == Decimal(total["gain"]), (first, last, total)
    whole = json.loads(_clera(data, "report", "--from", _day(0), "--to", _day(60)))["total"]
    assert Decimal(whole["realised_gain"]) != 0 and Decimal(whole["taxes"]) == Decimal("27.50")
