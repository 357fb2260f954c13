"""Provider API credentials: from the environment first, then the keyring.

The environment is for scripting and CI; what a person types into the app goes to the
keyring. ``repr`` never shows a secret.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from clera_desktop.core.secrets import SecretKey, SecretStore
from clera_desktop.core.settings import PlaidEnvironment, parse_flag


@dataclass(frozen=True, slots=True)
class SnapTradeCredentials:
    client_id: str
    consumer_key: str = field(repr=False)
    personal: bool = False  # a personal key: the person's own SnapTrade account, no user registration


@dataclass(frozen=True, slots=True)
class PlaidCredentials:
    client_id: str
    secret: str = field(repr=False)
    environment: PlaidEnvironment = PlaidEnvironment.SANDBOX


@dataclass(frozen=True, slots=True)
class AlpacaCredentials:
    api_key: str
    secret_key: str = field(repr=False)
    paper: bool = True


@dataclass(frozen=True, slots=True)
class Credentials:
    snaptrade: SnapTradeCredentials | None = None
    plaid: PlaidCredentials | None = None
    alpaca: AlpacaCredentials | None = None


def _pair(
    env: Mapping[str, str], store: SecretStore | None, names: tuple[str, str], keys: tuple[str, str]
) -> tuple[str, str] | None:
    first, second = env.get(names[0], "").strip(), env.get(names[1], "").strip()
    if first and second:
        return first, second
    if store is None or store.is_locked:
        return None
    first, second = store.get(keys[0]) or "", store.get(keys[1]) or ""
    return (first, second) if first and second else None


def _alpaca_paper(env: Mapping[str, str], stored: Callable[[str], str | None]) -> bool:
    """Paper unless ALPACA_PAPER says otherwise, or the keys were saved as live keys."""
    if env.get("ALPACA_PAPER") is not None:
        return parse_flag("ALPACA_PAPER", env.get("ALPACA_PAPER"), True)
    return stored(SecretKey.ALPACA_ENVIRONMENT) != "live"


def resolve_credentials(
    store: SecretStore | None, environ: Mapping[str, str] | None = None
) -> Credentials:
    """What each provider can be reached with; a provider without both halves is ``None``."""
    env = os.environ if environ is None else environ
    snaptrade = _pair(
        env, store, ("SNAPTRADE_CLIENT_ID", "SNAPTRADE_CONSUMER_KEY"),
        (SecretKey.SNAPTRADE_CLIENT_ID, SecretKey.SNAPTRADE_CONSUMER_KEY),
    )
    plaid = _pair(
        env, store, ("PLAID_CLIENT_ID", "PLAID_SECRET"), (SecretKey.PLAID_CLIENT_ID, SecretKey.PLAID_SECRET)
    )
    alpaca = _pair(
        env, store, ("ALPACA_API_KEY", "ALPACA_SECRET_KEY"),
        (SecretKey.ALPACA_API_KEY, SecretKey.ALPACA_SECRET_KEY),
    )
    def stored(name: str) -> str | None:
        return None if store is None or store.is_locked else store.get(name)

    personal_env = env.get("SNAPTRADE_PERSONAL_KEY")
    personal = (parse_flag("SNAPTRADE_PERSONAL_KEY", personal_env, False) if personal_env is not None
                else stored(SecretKey.SNAPTRADE_KEY_KIND) == "personal") if snaptrade else False
    plaid_env = env.get("PLAID_ENV") or (stored(SecretKey.PLAID_ENVIRONMENT) if plaid else None) or "sandbox"
    return Credentials(
        snaptrade=SnapTradeCredentials(*snaptrade, personal=personal) if snaptrade else None,
        plaid=PlaidCredentials(*plaid, environment=PlaidEnvironment(plaid_env.strip().lower())) if plaid else None,
        alpaca=AlpacaCredentials(*alpaca, paper=_alpaca_paper(env, stored)) if alpaca else None,
    )


def with_typed_keys(current: Credentials, typed: Mapping[str, str]) -> Credentials:
    """``current`` with what a person typed laid over it: a field left empty keeps the key in use
    (which may have come from the environment or the demo, not the keyring), so saving Settings
    unchanged changes nothing."""

    def value(name: str, kept: str | None) -> str | None:
        return typed.get(name, "").strip() or kept

    snap, plaid_now, alpaca_now = current.snaptrade, current.plaid, current.alpaca
    client = value(SecretKey.SNAPTRADE_CLIENT_ID, snap.client_id if snap else None)
    key = value(SecretKey.SNAPTRADE_CONSUMER_KEY, snap.consumer_key if snap else None)
    kind = typed.get(SecretKey.SNAPTRADE_KEY_KIND)
    personal = kind == "personal" if kind else bool(snap and snap.personal)
    snaptrade = SnapTradeCredentials(client, key, personal=personal) if client and key else None
    plaid_client = value(SecretKey.PLAID_CLIENT_ID, plaid_now.client_id if plaid_now else None)
    secret = value(SecretKey.PLAID_SECRET, plaid_now.secret if plaid_now else None)
    environment = PlaidEnvironment(typed.get(SecretKey.PLAID_ENVIRONMENT)
                                   or (plaid_now.environment if plaid_now else PlaidEnvironment.SANDBOX))
    plaid = PlaidCredentials(plaid_client, secret, environment=environment) if plaid_client and secret else None
    api_key = value(SecretKey.ALPACA_API_KEY, alpaca_now.api_key if alpaca_now else None)
    secret_key = value(SecretKey.ALPACA_SECRET_KEY, alpaca_now.secret_key if alpaca_now else None)
    alpaca_environment = typed.get(SecretKey.ALPACA_ENVIRONMENT)
    paper = alpaca_environment != "live" if alpaca_environment else (alpaca_now.paper if alpaca_now else True)
    alpaca = AlpacaCredentials(api_key, secret_key, paper=paper) if api_key and secret_key else None
    return Credentials(snaptrade, plaid, alpaca)
