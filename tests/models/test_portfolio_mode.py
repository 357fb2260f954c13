from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from clera_desktop.models.engine import Database
from clera_desktop.models.enums import PortfolioMode, Provider
from clera_desktop.models.queries import portfolio_mode
from tests.models.factories import add_account

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed

CASES = [
    ((), PortfolioMode.NONE),
    ((Provider.ALPACA,), PortfolioMode.BROKERAGE),
    ((Provider.SNAPTRADE,), PortfolioMode.AGGREGATION),
    ((Provider.PLAID,), PortfolioMode.AGGREGATION),
    ((Provider.SNAPTRADE, Provider.PLAID), PortfolioMode.AGGREGATION),
    ((Provider.ALPACA, Provider.SNAPTRADE), PortfolioMode.HYBRID),
    ((Provider.ALPACA, Provider.PLAID), PortfolioMode.HYBRID),
    ((Provider.ALPACA, Provider.SNAPTRADE, Provider.PLAID), PortfolioMode.HYBRID),
    ((Provider.MANUAL,), PortfolioMode.NONE),
]


@pytest.mark.parametrize(("providers", "mode"), CASES)
def test_mode_follows_what_is_connected(database: Database, providers: tuple[Provider, ...], mode: PortfolioMode) -> None:
    def write(session: Session) -> None:
        for n, provider in enumerate(providers):
            add_account(session, f"acct{n}", provider)

    database.write_sync(write)
    assert database.read_sync(portfolio_mode) is mode


def test_inactive_accounts_do_not_count(database: Database) -> None:
    def write(session: Session) -> None:
        add_account(session, "live", Provider.ALPACA)
        add_account(session, "removed", Provider.SNAPTRADE, active=False)

    database.write_sync(write)
    assert database.read_sync(portfolio_mode) is PortfolioMode.BROKERAGE
