"""CSV files as people have them: what Excel writes in any locale, partial imports, exchange
rates, and the audit's hostile lines (future and ancient dates, NUL bytes, huge names, duplicates)."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from clera_desktop.cli import main
from clera_desktop.imports.activities_csv import parse_activities
from clera_desktop.imports.fx_csv import parse_rates
from clera_desktop.imports.prices_csv import parse_prices
from clera_desktop.models.enums import ActivityType
from tests.clock import TODAY

DAY = TODAY - timedelta(days=30)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


@pytest.mark.parametrize(("encoding", "separator", "amount", "said"), [
    ("utf-8-sig", ";", "1.234,56", "Read as UTF-8 with BOM, separated by semicolons, with decimal commas"),
    ("cp1252", ";", "1234,56", "Read as Windows-1252, separated by semicolons, with decimal commas"),
    ("utf-16", "\t", "1234.56", "Read as UTF-16, separated by tabs, with decimal points"),
    ("utf-8", ",", "1234.56", "Read as UTF-8, separated by commas, with decimal points"),
])
def test_what_excel_writes_is_read_and_said(encoding: str, separator: str, amount: str, said: str) -> None:
    rows = [["date", "account", "type", "amount", "currency"], [DAY.isoformat(), "Société Générale", "DEPOSIT", amount, "EUR"]]
    data = "\r\n".join(separator.join(row) for row in rows).encode(encoding)
    preview = parse_activities(data, today=TODAY)
    assert preview.detected is not None and preview.detected.describe().startswith(said)
    [line] = preview.lines
    assert line.ok, line.errors
    assert (line.account, line.amount, line.currency) == ("Société Générale", Decimal("1234.56"), "EUR")


def test_the_activity_model_people_need() -> None:
    text = "\n".join([
        "date,account,type,symbol,quantity,price,amount,fee,tax,currency,acquired",
        f"{DAY},A,DIVIDEND,KO,,,100,1,15,USD,",  # gross 100: 84 reaches the account
        f"{DAY},A,TAX,,,,20,,,USD,",
        f"{DAY},A,TAX,,,,-5,,,USD,",  # a tax refund
        f"{DAY},A,REFUND,,,,4,,,USD,",
        f"{DAY},A,TRANSFER_IN,KO,10,,450,,,USD,{DAY - timedelta(days=800)}",  # shares, their cost and first day
        f"{DAY},A,TRANSFER_OUT,,,,300,,,USD,",  # cash
        f"{DAY},A,SELL,KO,2,60,,1,3,USD,",  # 120 - 1 fee - 3 tax withheld
    ])
    lines = parse_activities(text, today=TODAY).lines
    assert all(line.ok for line in lines), [line.errors for line in lines]
    dividend, tax, refund_of_tax, refund, shares_in, cash_out, sale = lines
    assert (dividend.amount, dividend.fee, dividend.tax) == (Decimal(84), Decimal(1), Decimal(15))
    assert tax.amount == Decimal(-20) and refund_of_tax.amount == Decimal(5) and refund.amount == Decimal(4)
    assert shares_in.amount is None and shares_in.cost_basis == Decimal(450), "shares move no cash"
    assert shares_in.acquired_on == DAY - timedelta(days=800)
    assert cash_out.amount == Decimal(-300) and sale.amount == Decimal(116)
    assert {line.type for line in lines} >= {ActivityType.TAX, ActivityType.REFUND}


@pytest.mark.parametrize(("line", "message"), [
    (f"{TODAY + timedelta(days=1)},A,DEPOSIT,,,,1,,USD", "is after today"),
    ("0001-01-01,A,DEPOSIT,,,,1,,USD", "is before 1950"),
    (f"{DAY},A,DEPOSIT,,,,1e-999999,,USD", "more than 12 decimal places"),
    (f"{DAY},A,DEPOSIT,,,,1e999999,,USD", "beyond any real figure"),
    (f"{DAY},A,BUY,X,99999999999999999999999999999999999999,12345678901234567890.123456789,,,USD", "beyond any real figure"),
    (f"{DAY},A,SPLIT,X,1e300,,,,USD", "beyond any real figure"),
    (f"{DAY},A,FEE,,,,10,,USD,extra", "more cells than the header has columns"),
    (f"{DAY},A,DEPOSIT,,,,10,,USD", None),
])
def test_numbers_and_days_out_of_bounds_are_refused_with_the_reason(line: str, message: str | None) -> None:
    preview = parse_activities("date,account,type,symbol,quantity,price,amount,fee,currency\n" + line, today=TODAY)
    errors = [e for parsed in preview.lines for e in parsed.errors]
    assert (message is None and not errors) or any(message in e for e in errors if message), errors


def test_hostile_text_is_cleaned_and_capped() -> None:
    name = "Evil\x00\x1b[31m\u202eName" + "x" * 100_000
    preview = parse_activities(f"date,account,type,amount,currency\n{DAY},\"{name}\",DEPOSIT,5,USD\n", today=TODAY)
    [line] = preview.lines
    assert line.ok and "\x00" not in line.account and "\x1b" not in line.account and "\u202e" not in line.account
    assert line.account.startswith("Evil[31mName") and len(line.account) <= 200 and line.account.endswith("\u2026")


def test_two_closes_for_one_symbol_and_day_are_refused() -> None:
    preview = parse_prices(f"symbol,date,close,currency\nACME,{DAY},10,USD\nACME,{DAY},11,USD\n", today=TODAY)
    assert preview.lines[0].ok and preview.lines[1].errors == [f"a second close for ACME on {DAY} (line 2 has one)"]


def test_exchange_rates_are_checked() -> None:
    preview = parse_rates(f"base,quote,date,rate\nCHF,USD,{DAY},1.1\nCHF,CHF,{DAY},1\nCHF,USD,{DAY},0\n", today=TODAY)
    assert preview.lines[0].ok
    assert "CHF to CHF is always 1" in preview.lines[1].errors
    assert "rate must be greater than zero" in preview.lines[2].errors


def test_a_pair_quoted_both_ways_on_one_day_must_agree() -> None:
    """EUR,USD,1.1 and USD,EUR,5 on one day were both accepted, for the rate book to pick from."""
    contradicting = parse_rates(f"base,quote,date,rate\nEUR,USD,{DAY},1.1\nUSD,EUR,{DAY},5\n", today=TODAY)
    assert contradicting.lines[0].ok and contradicting.fatal
    assert any("contradicts line 2's EUR/USD 1.1" in e for e in contradicting.lines[1].errors)
    agreeing = parse_rates(f"base,quote,date,rate\nEUR,USD,{DAY},1.1\nUSD,EUR,{DAY},0.9095\n", today=TODAY)
    assert not agreeing.fatal, "one the other's inverse, within a spread"


def test_a_partial_import_brings_the_good_lines_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    path = tmp_path / "mixed.csv"
    path.write_text(f"date,account,type,amount,currency\n{DAY},Cash,DEPOSIT,100,USD\n{DAY},Cash,DEPOSIT,lots,USD\n"
                    f"{DAY},Cash,WITHDRAWAL,30,USD\n")
    code, out = run(capsys, "import", "activities", str(path), "--data-dir", data)
    assert code == 1 and "line 3: amount: not a number: 'lots'" in out and "--skip-bad" in out
    code, out = run(capsys, "import", "activities", str(path), "--skip-bad", "--data-dir", data)
    assert code == 0 and "Imported 2 activities (1 bad lines left out)" in out


def test_a_manual_account_in_another_currency_counts_once_a_rate_is_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    (tmp_path / "a.csv").write_text(f"date,account,type,amount,currency\n{DAY},Dollars,DEPOSIT,1000,USD\n"
                                    f"{DAY},Francs,DEPOSIT,1000,CHF\n")
    (tmp_path / "fx.csv").write_text(f"base;quote;date;rate\nCHF;USD;{DAY - timedelta(days=2)};1,1\n")
    assert run(capsys, "import", "activities", str(tmp_path / "a.csv"), "--data-dir", data)[0] == 0
    total = json.loads(run(capsys, "report", "--json", "--data-dir", data)[1])["total"]
    assert total["end_value"] == "1000.00" and total["complete"] is False and total["missing_rates"] == ["CHF/USD"]
    code, out = run(capsys, "import", "fx", str(tmp_path / "fx.csv"), "--data-dir", data)
    assert code == 0 and "decimal commas" in out and "Imported 1 exchange rates" in out
    total = json.loads(run(capsys, "report", "--json", "--data-dir", data)[1])["total"]
    assert total["end_value"] == "2100.00" and total["complete"] is True


def test_the_report_has_fees_taxes_and_the_yearly_rates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "data")
    start = TODAY - timedelta(days=400)
    (tmp_path / "a.csv").write_text(
        "date,account,type,symbol,quantity,price,amount,fee,tax,currency\n"
        f"{start},A,DEPOSIT,,,,1000,,,USD\n{start + timedelta(days=10)},A,INTEREST,,,,10,1,2,USD\n"
        f"{start + timedelta(days=20)},A,FEE,,,,5,,,USD\n")
    assert run(capsys, "import", "activities", str(tmp_path / "a.csv"), "--data-dir", data)[0] == 0
    total = json.loads(run(capsys, "report", "--json", "--data-dir", data)[1])["total"]
    assert (total["income"], total["fees"], total["taxes"]) == ("10.00", "6.00", "2.00")
    assert total["gain"] == "2.00" and total["mwr_basis"] == "annual" and total["twr_annualised"] is not None


def test_a_sale_of_shares_never_held_is_said_before_the_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A manual SELL of 1,000,000 AAPL never held went in without a word (position -1,000,000)."""
    data = str(tmp_path / "data")
    path = tmp_path / "oops.csv"
    path.write_text(f"date,account,type,symbol,quantity,price,amount,currency\n{DAY},Notes,DEPOSIT,,,,1000,USD\n"
                    f"{DAY},Notes,BUY,MSFT,2,100,,USD\n{DAY},Notes,SELL,MSFT,2,100,,USD\n"
                    f"{DAY},Notes,SELL,AAPL,1000000,150,,USD\n")
    code, out = run(capsys, "import", "activities", str(path), "--dry-run", "--data-dir", data)
    assert code == 0 and "Check: line 5: takes out 1,000,000 AAPL" in out and "Notes holds 0" in out
    assert "MSFT" not in out.split("Check:", 1)[1], "a sale of what was bought is not flagged"
