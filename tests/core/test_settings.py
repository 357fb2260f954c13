from pathlib import Path

import pytest

from clera_desktop.core.settings import load_settings


def test_explicit_data_dir_beats_the_environment(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "a", environ={"CLERA_DATA_DIR": str(tmp_path / "b")})
    assert settings.data_dir == (tmp_path / "a").resolve()
    assert settings.database_url == f"sqlite:///{(tmp_path / 'a').resolve() / 'clera.sqlite'}"
    assert settings.log_dir == (tmp_path / "a").resolve() / "logs"


def test_environment_data_dir_and_db_override(tmp_path: Path) -> None:
    settings = load_settings(environ={"CLERA_DATA_DIR": str(tmp_path)}, database_url="sqlite:///x.db")
    assert settings.data_dir == tmp_path.resolve()
    assert settings.database_url == "sqlite:///x.db"


def test_feature_flags_have_documented_defaults_and_can_be_turned_off(tmp_path: Path) -> None:
    default = load_settings(data_dir=tmp_path, environ={})
    assert default.snaptrade_investment_sync is True
    assert default.snaptrade_trade_execution is True
    off = load_settings(data_dir=tmp_path, environ={"FF_SNAPTRADE_TRADE_EXECUTION": "false"})
    assert off.snaptrade_trade_execution is False


def test_a_mistyped_flag_is_an_error_not_a_silent_default(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="FF_SNAPTRADE_INVESTMENT_SYNC"):
        load_settings(data_dir=tmp_path, environ={"FF_SNAPTRADE_INVESTMENT_SYNC": "maybe"})


def test_plaid_environment_and_alpaca_paper(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path, environ={"PLAID_ENV": "Production", "ALPACA_PAPER": "0"})
    assert settings.plaid_environment == "production"
    assert settings.alpaca_paper is False
    with pytest.raises(ValueError, match="PLAID_ENV"):
        load_settings(data_dir=tmp_path, environ={"PLAID_ENV": "development"})
