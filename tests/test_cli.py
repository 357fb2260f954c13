"""The command line as a person or a script meets it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clera_desktop.cli import build_parser, main
from clera_desktop.models.engine import head_revision

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def _run(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "clera_desktop", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_help_lists_options_and_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for expected in ("--data-dir", "--db", "--demo", "info", "FF_SNAPTRADE_TRADE_EXECUTION"):
        assert expected in text


def test_every_subcommand_takes_data_dir() -> None:
    parser = build_parser()
    subcommands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, sub in subcommands.items():
        assert "--data-dir" in sub.format_help(), name


def test_info_reports_the_schema(tmp_path: Path) -> None:
    assert _run("export", "accounts", "--data-dir", str(tmp_path)).returncode == 0  # the store exists
    result = _run("info", "--json", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["schema_revision"] == facts["schema_head"] == head_revision()
    assert facts["portfolio_mode"] == "none"


def test_a_bad_flag_value_is_a_clear_message_not_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "FF_SNAPTRADE_INVESTMENT_SYNC": "sometimes"}
    result = subprocess.run(
        [sys.executable, "-m", "clera_desktop", "info", "--data-dir", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert "FF_SNAPTRADE_INVESTMENT_SYNC must be true or false" in result.stderr
    assert "Traceback" not in result.stderr


def _without_keyring(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SNAPTRADE_", "PLAID_", "ALPACA_", "CLERA_SECRETS"))}
    return {**env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "CLERA_DATA_DIR": str(data_dir), **extra}


def test_locked_keys_are_said_to_be_locked_and_a_wrong_passphrase_is_a_sentence(tmp_path: Path) -> None:
    from clera_desktop.core.secrets import SecretStore, encrypted_file_backend

    SecretStore(encrypted_file_backend(tmp_path, "right words")).set("alpaca.api_key", "PKTEST123")
    command = [sys.executable, "-m", "clera_desktop", "sync"]
    locked = subprocess.run(command, env=_without_keyring(tmp_path), stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, timeout=60, check=False)
    assert locked.returncode == 1
    assert locked.stderr.count("Your saved keys are locked") == 1 and "needs API keys" not in locked.stderr
    wrong = subprocess.run(command, env=_without_keyring(tmp_path, CLERA_SECRETS_PASSPHRASE="wrong words"),
                           capture_output=True, text=True, timeout=60, check=False)
    assert wrong.returncode == 1
    assert "The passphrase does not open your saved keys" in wrong.stderr and "Traceback" not in wrong.stderr
