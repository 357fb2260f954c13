"""CSV import and the report, through the command line a person would use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clera_desktop.cli import main
from clera_desktop.imports.activities_csv import parse_activities
from tests.clock import TODAY

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)

HEADER = "date,account,type,symbol,quantity,price,amount,fee,currency\n"
ACTIVITIES = HEADER + """\
2025-01-02,My IRA,DEPOSIT,,,,10000,,USD
2025-01-03,My IRA,BUY,ACME,100,50,,1,USD
2025-01-03,My IRA,BUY,ACME,100,50,,1,USD
2025-03-03,My IRA,DIVIDEND,ACME,,,25.50,,USD
2025-06-02,My IRA,SPLIT,ACME,2,,,,USD
2025-06-03,My IRA,SELL,ACME,50,27,,1,USD
2025-09-01,My IRA,WITHDRAWAL,,,,1000,,USD
"""
PRICES = "symbol,date,close,currency\nACME,2025-01-03,50,USD\nACME,2025-06-02,27.20,USD\nACME,2025-12-31,30,USD\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_import_preview_import_again_and_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    (tmp_path / "a.csv").write_text(ACTIVITIES)
    (tmp_path / "p.csv").write_text(PRICES)
    code, out = run(capsys, "import", "activities", str(tmp_path / "a.csv"), "--dry-run", "--data-dir", data)
    assert code == 0 and "7 new activities" in out and "new manual accounts: My IRA" in out and "nothing imported" in out
    assert run(capsys, "import", "prices", str(tmp_path / "p.csv"), "--data-dir", data)[0] == 0
    code, out = run(capsys, "import", "activities", str(tmp_path / "a.csv"), "--data-dir", data)
    assert "Imported 7 activities" in out  # the two identical BUY lines stay two activities
    code, out = run(capsys, "import", "activities", str(tmp_path / "a.csv"), "--data-dir", data)
    assert "0 new activities; 7 already imported" in out and "Imported 0 activities" in out

    code, out = run(capsys, "report", "--json", "--to", "2025-12-31", "--data-dir", data)
    report = json.loads(out)
    total = report["total"]
    # cash: 10000 - 2 x 5001 + 25.50 + (50 x 27 - 1) - 1000 = 372.50; 350 shares x 30 = 10500
    assert total["end_value"] == "10872.50" and total["net_flows"] == "9000.00"
    assert total["gain"] == "1872.50" and total["income"] == "25.50"
    assert report["accounts"][0]["name"] == "My IRA" and report["accounts"][0]["end_value"] == "10872.50"
    assert total["twr"] is not None and total["mwr"] is not None
    assert report["from"] == "2025-01-02" and report["base_currency"] == "USD"


def test_the_allocation_report_adds_up_to_the_performance_reports_value(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """The same holdings and cash, to the cent: ACME 350 x 30 and 372.50 in cash (worked above)."""
    data = str(tmp_path / "data")
    (tmp_path / "a.csv").write_text(ACTIVITIES)
    (tmp_path / "p.csv").write_text(PRICES)
    assert run(capsys, "import", "prices", str(tmp_path / "p.csv"), "--data-dir", data)[0] == 0
    assert run(capsys, "import", "activities", str(tmp_path / "a.csv"), "--data-dir", data)[0] == 0
    value = json.loads(run(capsys, "report", "--json", "--data-dir", data)[1])["total"]["end_value"]
    code, out = run(capsys, "report", "allocation", "--by", "currency", "--data-dir", data)
    allocation = json.loads(out)
    assert code == 0 and allocation["total"] == value == "10872.50"
    (usd,) = allocation["classes"]
    assert (usd["name"], usd["weight"]) == ("USD", "100.0000")
    assert {(h["symbol"], h["value"]) for h in usd["holdings"]} == {("ACME", "10500.00"), (None, "372.50")}
    by_class = json.loads(run(capsys, "report", "allocation", "--data-dir", data)[1])
    assert {c["name"] for c in by_class["classes"]} == {"Unclassified", "Cash"}  # a CSV says no security type


def test_a_bad_line_imports_nothing_and_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    (tmp_path / "bad.csv").write_text(HEADER + "2025-01-02,X,DEPOSIT,,,,100,,USD\n02/01/2025,X,BUY,ACME,-1,,,,USD\n")
    code, out = run(capsys, "import", "activities", str(tmp_path / "bad.csv"), "--data-dir", data)
    assert code == 1
    assert "line 3: date '02/01/2025' is not a date written YYYY-MM-DD" in out
    assert "line 3: quantity must not be negative" in out and "Nothing imported" in out
    code, out = run(capsys, "report", "--json", "--data-dir", data)
    assert json.loads(out)["accounts"] == []


@pytest.mark.parametrize(("line", "message"), [
    ("2025-01-02,A,BOUGHT,ACME,1,1,,,USD", "type 'BOUGHT' is not one of"),
    ("2025-01-02,A,BUY,,1,1,,,USD", "a BUY needs a symbol"),
    ("2025-01-02,A,BUY,ACME,1,,,,USD", "a BUY needs an amount, or a price to compute it"),
    ("2025-01-02,A,SPLIT,ACME,,,,,USD", "a SPLIT needs its ratio in quantity"),
    ("2025-01-02,A,DIVIDEND,ACME,,,,,USD", "a DIVIDEND needs an amount"),
    ('2025-01-02,A,DEPOSIT,,,,"1,000",,USD', "amount: '1,000' has a comma: use a decimal point and no thousands"),
    ("2025-01-02,A,DEPOSIT,,,,1e5x,,USD", "amount: not a number: '1e5x'"),
    ("2025-01-02,,DEPOSIT,,,,1,,USD", "account is empty"),
    ("2025-01-02,A,DEPOSIT,,,,1,,DOLLARS", "currency 'DOLLARS' is not a code"),
])
def test_each_line_rule(line: str, message: str) -> None:
    preview = parse_activities(HEADER + line + "\n", today=TODAY)
    errors = [e for parsed in preview.lines for e in parsed.errors] + preview.file_errors
    assert any(message in e for e in errors), errors


def test_a_missing_column_is_named() -> None:
    [error] = parse_activities("date,account,kind\n2025-01-01,A,DEPOSIT\n", today=TODAY).file_errors
    assert error.startswith("missing column: type (the file needs date,account,type and any of symbol,")
