"""Settings: where data lives, which database, feature flags, provider endpoints.

Resolved once at start-up from (highest first) command-line options, environment variables
and platform defaults (platformdirs). Credentials are *not* settings: see ``core.secrets``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote, unquote

import platformdirs

from clera_desktop.core.clock import Clock, SystemClock, clock_from

APP_NAME = "CleraDesktop"
#: The reverse-DNS id: the .desktop file, the macOS bundle, the Windows AppUserModelID.
APP_ID = "com.clera.CleraDesktop"
APP_AUTHOR = "Clera"
DATABASE_FILENAME = "clera.sqlite"

#: Feature flags and their defaults (documented in README.md).
FEATURE_FLAG_DEFAULTS: Mapping[str, bool] = {
    # Sync SnapTrade accounts, balances, positions, activities and orders.
    "FF_SNAPTRADE_INVESTMENT_SYNC": True,
    # Allow trade tickets on SnapTrade connections that have trade access.
    "FF_SNAPTRADE_TRADE_EXECUTION": True,
}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class PlaidEnvironment(StrEnum):
    SANDBOX = "sandbox"
    PRODUCTION = "production"


def parse_flag(name: str, raw: str | None, default: bool) -> bool:
    """Read a boolean environment value; a typo is an error, not a silent default."""
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name} must be true or false, not {raw!r}")


@dataclass(frozen=True, slots=True)
class ProviderEndpoints:
    """Where the providers live. ``None`` means the provider's real, public host."""

    snaptrade_host: str | None = None
    plaid_host: str | None = None
    alpaca_trading_url: str | None = None
    alpaca_data_url: str | None = None
    alpaca_stream_url: str | None = None
    fx_base_url: str = "https://api.frankfurter.dev/v1"


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    log_dir: Path
    database_url: str
    base_currency: str = "USD"
    plaid_environment: PlaidEnvironment = PlaidEnvironment.SANDBOX
    alpaca_paper: bool = True
    demo: bool = False
    feature_flags: Mapping[str, bool] = field(default_factory=lambda: dict(FEATURE_FLAG_DEFAULTS))
    endpoints: ProviderEndpoints = field(default_factory=ProviderEndpoints)
    clock: Clock = field(default_factory=SystemClock)

    @property
    def snaptrade_investment_sync(self) -> bool:
        return self.feature_flags["FF_SNAPTRADE_INVESTMENT_SYNC"]

    @property
    def snaptrade_trade_execution(self) -> bool:
        return self.feature_flags["FF_SNAPTRADE_TRADE_EXECUTION"]

    @property
    def database_path(self) -> Path | None:
        """The SQLite file behind ``database_url``, or ``None`` for a non-file URL."""
        prefix = "sqlite:///"
        if self.database_url.startswith(prefix) and self.database_url != "sqlite:///:memory:":
            return Path(unquote(self.database_url[len(prefix):].split("?", 1)[0]))
        return None

    def with_endpoints(self, endpoints: ProviderEndpoints) -> Settings:
        return replace(self, endpoints=endpoints)


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def _chosen_store(data_dir: Path) -> str:
    """The book Settings › Storage chose for this data folder (core/storage_choice.py), else its own file."""
    from clera_desktop.core.storage_choice import chosen

    shared = chosen(data_dir)
    return shared.url if shared is not None else sqlite_url(data_dir / DATABASE_FILENAME)


def sqlite_url(path: Path) -> str:
    """The URL of the SQLite file at ``path``, whatever the path holds: SQLAlchemy reads the
    database part of a URL percent-decoded, so a folder named ``100%25`` or ``Jösé`` (or a Windows
    ``C:\\``) is written percent-encoded, and :attr:`Settings.database_path` reads it back."""
    return "sqlite:///" + quote(str(path), safe="/")


def load_settings(
    *,
    data_dir: Path | None = None,
    database_url: str | None = None,
    demo: bool = False,
    as_of: str | None = None,
    clock: Clock | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Build settings from explicit options, then the environment, then platform defaults.

    An explicit ``data_dir`` (``--data-dir``) beats ``CLERA_DATA_DIR``; logs follow the data
    folder when one is given, so a throwaway folder keeps everything together. ``as_of``
    (``--as-of``) or ``CLERA_TODAY`` fix the clock (core.clock); ``clock`` hands one over whole.
    """
    env = os.environ if environ is None else environ
    chosen_dir = data_dir or (Path(env["CLERA_DATA_DIR"]) if env.get("CLERA_DATA_DIR") else None)
    resolved_data = (chosen_dir or default_data_dir()).expanduser().resolve()
    log_dir = resolved_data / "logs" if chosen_dir else default_log_dir()
    flags = {
        name: parse_flag(name, env.get(name), default)
        for name, default in FEATURE_FLAG_DEFAULTS.items()
    }
    plaid_env = env.get("PLAID_ENV", PlaidEnvironment.SANDBOX.value).strip().lower()
    try:
        plaid_environment = PlaidEnvironment(plaid_env)
    except ValueError:
        raise ValueError(f"PLAID_ENV must be sandbox or production, not {plaid_env!r}") from None
    base_currency = env.get("CLERA_BASE_CURRENCY", "USD").strip().upper()
    return Settings(
        data_dir=resolved_data,
        log_dir=log_dir,
        database_url=database_url or _chosen_store(resolved_data),
        base_currency=base_currency,
        plaid_environment=plaid_environment,
        alpaca_paper=parse_flag("ALPACA_PAPER", env.get("ALPACA_PAPER"), True),
        demo=demo,
        feature_flags=flags,
        clock=clock or clock_from(as_of, env),
    )
