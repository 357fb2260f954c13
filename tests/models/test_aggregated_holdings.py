"""Aggregated holdings against totals computed by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from clera_desktop.models.engine import Database
from clera_desktop.models.enums import Provider, SecurityType
from clera_desktop.models.queries import aggregated_holdings
from tests.models.factories import add_account, add_position

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed


def _world(session: Session) -> None:
    a = add_account(session, "a", name="Brokerage A")
    b = add_account(session, "b", Provider.PLAID, name="401k B")
    c = add_account(session, "c", Provider.ALPACA, name="Clera C")
    gone = add_account(session, "gone", name="Removed", active=False)
    cad = add_account(session, "cad", name="TFSA", currency="CAD")
    session.flush()
    add_position(session, a, "AAPL", "10", "190.12", cost_basis="1500.00")
    add_position(session, b, "AAPL", "2.5", "190.12", cost_basis="400.10")
    add_position(session, c, "AAPL", "0.00000001", "190.12", cost_basis="0.01")
    add_position(session, gone, "AAPL", "1000", "190.12", cost_basis="1.00")
    add_position(session, a, "VTI", "3", None, cost_basis="600")
    add_position(session, c, "VTI", "1", "250.5", cost_basis="240")
    add_position(session, cad, "SHOP", "4", "101.25", currency="CAD")
    add_position(session, a, "USD", "500", "1", security_type=SecurityType.CASH)


def test_totals_equal_hand_computed_sums(database: Database) -> None:
    database.write_sync(_world)
    holdings = {(h.symbol, h.currency): h for h in database.read_sync(aggregated_holdings)}

    aapl = holdings[("AAPL", "USD")]
    assert aapl.quantity == Decimal("12.50000001")
    # 10*190.12 + 2.5*190.12 + 0.00000001*190.12
    assert aapl.market_value == Decimal("1901.20") + Decimal("475.300") + Decimal("0.0000019012")
    assert aapl.cost_basis == Decimal("1900.11")
    assert [(s.account_id, s.quantity) for s in aapl.accounts] == [
        ("plaid_b", Decimal("2.5")), ("snaptrade_a", Decimal("10")), ("clera_c", Decimal("0.00000001")),
    ]
    assert sum(s.market_value for s in aapl.accounts) == aapl.market_value  # type: ignore[misc]


def test_inactive_accounts_and_cash_are_left_out(database: Database) -> None:
    database.write_sync(_world)
    holdings = database.read_sync(aggregated_holdings)
    assert all(share.account_id != "snaptrade_gone" for h in holdings for share in h.accounts)
    assert ("USD", "USD") not in {(h.symbol, h.currency) for h in holdings}


def test_an_unknown_price_makes_the_total_unknown_not_smaller(database: Database) -> None:
    database.write_sync(_world)
    vti = next(h for h in database.read_sync(aggregated_holdings) if h.symbol == "VTI")
    assert vti.quantity == Decimal(4)
    assert vti.market_value is None
    assert [s.market_value for s in vti.accounts] == [None, Decimal("250.5")]


def test_currencies_are_never_added_together(database: Database) -> None:
    database.write_sync(_world)
    shop = next(h for h in database.read_sync(aggregated_holdings) if h.symbol == "SHOP")
    assert (shop.currency, shop.market_value) == ("CAD", Decimal("405.00"))
