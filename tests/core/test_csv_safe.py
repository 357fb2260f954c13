"""Exports open in a spreadsheet as data: the audit's formula names are written inert."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from clera_desktop.core.csv_safe import cell, write_rows

FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(1+1)", "@SUM(1)", '=HYPERLINK("http://example.com","x")', "-2+3",
            "\t=1", "\uff1d1+1"]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_formula_is_written_as_text(text: str) -> None:
    assert cell(text) == "'" + text


@pytest.mark.parametrize(("value", "text"), [(Decimal("-1502.50"), "-1502.50"), ("-42", "-42"), ("+7.5", "+7.5"),
                                             ("1e-3", "1e-3"), (None, ""), ("Apple Inc.", "Apple Inc.")])
def test_numbers_stay_numbers_and_names_stay_names(value: object, text: str) -> None:
    assert cell(value) == text


def test_rows_round_trip_through_a_csv_reader() -> None:
    buffer = io.StringIO()
    write_rows(buffer, ["name", "amount"], [["=1+1", Decimal("-3.10")], ['a "quoted", name', Decimal("2")]])
    assert list(csv.reader(io.StringIO(buffer.getvalue()))) == [["name", "amount"], ["'=1+1", "-3.10"],
                                                                 ['a "quoted", name', "2"]]


def test_the_command_lines_exports_neutralise_an_imported_formula_name(tmp_path: Path) -> None:
    data = tmp_path / "data"
    source = tmp_path / "evil.csv"
    source.write_text("date,account,type,symbol,quantity,price,amount,fee,currency\n"
                      "2026-11-02,=cmd|' /C calc'!A0,DEPOSIT,,,,100,,USD\n", encoding="utf-8")

    def cli(*args: str) -> str:
        result = subprocess.run([sys.executable, "-m", "clera_desktop", *args, "--data-dir", str(data)],
                                capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        return result.stdout

    cli("import", "activities", str(source))
    for kind in ("accounts", "activities"):
        rows = list(csv.DictReader(io.StringIO(cli("export", kind))))
        names = {row.get("name") or row.get("account") for row in rows}
        assert "'=cmd|' /C calc'!A0" in names, (kind, names)
