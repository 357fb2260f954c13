"""Routing prefers the account that holds the symbol and can trade it, and says why."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from clera_desktop.models.enums import ConnectionStatus, ConnectionType, Provider
from clera_desktop.models.trading import TradingAccount
from clera_desktop.trading.accounts import Eligibility, why_not_tradable
from clera_desktop.trading.routing import route

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed


def account(id: str, provider: Provider, *, trade: bool = True, holds: dict[str, int] | None = None,
            status: ConnectionStatus = ConnectionStatus.ACTIVE) -> TradingAccount:
    return TradingAccount(
        id=id, provider=provider, provider_account_id=id, connection_id=None, provider_connection_id=None,
        name=id, institution=id.split("_")[0].title(), currency="USD", is_paper=provider is Provider.ALPACA,
        connection_type=ConnectionType.TRADE if trade else ConnectionType.READ, connection_status=status,
        cash=Decimal(100), buying_power=Decimal(100),
        holdings={k: Decimal(v) for k, v in (holds or {}).items()},
    )


def judged(*accounts: TradingAccount, flag: bool = True) -> list[Eligibility]:
    return [Eligibility(a, why_not_tradable(a, snaptrade_trading_enabled=flag)) for a in accounts]


SNAP = account("snaptrade_a", Provider.SNAPTRADE, holds={"AAPL": 3})
CLERA = account("clera_b", Provider.ALPACA, holds={"AAPL": 10, "MSFT": 1})
READ_ONLY = account("snaptrade_r", Provider.SNAPTRADE, trade=False, holds={"TSLA": 4})
PLAID = account("plaid_p", Provider.PLAID, holds={"VTI": 2})


def test_a_snaptrade_trade_account_holding_the_symbol_comes_first() -> None:
    decision = route("aapl", judged(SNAP, CLERA, READ_ONLY))
    assert decision.account == SNAP
    assert "holds 3 AAPL" in decision.reason and "1 other trading account also holds it" in decision.reason


def test_then_the_clera_account_when_it_alone_holds_it() -> None:
    assert route("MSFT", judged(SNAP, CLERA)).account == CLERA


def test_a_symbol_held_nowhere_goes_to_the_default_account() -> None:
    assert route("NVDA", judged(SNAP, CLERA), default_account_id="snaptrade_a").account == SNAP
    fallback = route("NVDA", judged(SNAP, CLERA))
    assert fallback.account == CLERA and "Clera brokerage" in fallback.reason


def test_read_only_and_plaid_accounts_are_never_eligible() -> None:
    decision = route("TSLA", judged(READ_ONLY, PLAID, CLERA))
    assert decision.account == CLERA
    assert "held only in read-only accounts" in decision.reason
    assert {e.account.id for e in decision.ineligible} == {"snaptrade_r", "plaid_p"}
    assert route("VTI", judged(READ_ONLY, PLAID)).account is None


def test_the_feature_flag_and_a_broken_connection_exclude_snaptrade() -> None:
    assert route("AAPL", judged(SNAP, CLERA, flag=False)).account == CLERA
    broken = replace(SNAP, connection_status=ConnectionStatus.NEEDS_RECONNECT)
    assert route("AAPL", judged(broken, CLERA)).account == CLERA
