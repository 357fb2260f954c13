"""The command line never answers nonsense with an empty success: one sentence and a non-zero exit,
or the format asked for."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from clera_desktop.cli import main
from tests.test_import_and_report import ACTIVITIES, PRICES


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A folder with one manual account (My IRA) and its prices."""
    folder = str(tmp_path / "data")
    (tmp_path / "a.csv").write_text(ACTIVITIES)
    (tmp_path / "p.csv").write_text(PRICES)
    assert main(["import", "prices", str(tmp_path / "p.csv"), "--data-dir", folder]) == 0
    assert main(["import", "activities", str(tmp_path / "a.csv"), "--data-dir", folder]) == 0
    capsys.readouterr()
    return folder


def _said(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_info:  # argparse's own refusals
        code = int(exit_info.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("what", ["performance", "gains", "allocation"])
def test_an_account_the_folder_does_not_hold_is_named_not_reported_as_empty(
        data: str, what: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _said(capsys, "report", what, "--account", "NOPE", "--data-dir", data)
    assert code != 0 and out == ""
    assert "There is no account NOPE" in err and "export accounts" in err and "Traceback" not in err


def test_a_day_that_is_not_a_day_is_said_in_words(data: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _said(capsys, "report", "--from", "2026-13-01", "--data-dir", data)
    assert code == 2 and out == ""
    assert "'2026-13-01' is not a day: write it as YYYY-MM-DD" in err and "fromisoformat" not in err


def test_a_range_that_ends_before_it_starts_is_refused(data: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _said(capsys, "report", "--from", "2025-06-01", "--to", "2025-01-01", "--data-dir", data)
    assert code == 2 and out == "" and "--to 2025-01-01 is before --from 2025-06-01" in err
    code, _, err = _said(capsys, "report", "gains", "--from", "2025-06-01", "--to", "2025-01-01", "--data-dir", data)
    assert code == 2 and "is before" in err


def test_csv_is_given_where_it_is_made_and_refused_where_it_is_not(data: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _said(capsys, "report", "--csv", "--data-dir", data)
    assert code == 2 and out == "" and "--csv is for 'report gains'" in err
    code, out, _ = _said(capsys, "report", "gains", "--year", "2025", "--csv", "--data-dir", data)
    assert code == 0 and next(csv.reader(io.StringIO(out)))[0] != "{", "CSV, not JSON"
    code, _, err = _said(capsys, "report", "allocation", "--year", "2025", "--data-dir", data)
    assert code == 2 and "--year is for 'report gains'" in err


def test_exported_holdings_csv_has_a_figure_in_each_cell(data: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _said(capsys, "export", "holdings", "--data-dir", data)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 1
    (acme,) = rows
    assert acme["symbol"] == "ACME" and acme["quantity"] == "350" and acme["holding_quantity"] == "350"
    assert acme["account_id"].startswith("manual_") and not any(v.startswith(("[", "{")) for v in acme.values())
    code, out, _ = _said(capsys, "export", "holdings", "--format", "json", "--data-dir", data)
    assert json.loads(out)[0]["accounts"][0]["quantity"] == "350", "JSON keeps the nesting"
