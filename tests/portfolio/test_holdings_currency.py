"""Holdings show value, cost and gain in one currency, the base, at one rate; price in its own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clera_desktop.core.money import round_cents
from clera_desktop.store.holdings import holdings_snapshot
from clera_desktop.store.rates import rate_book
from tests.sync.conftest import Harness

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed


def test_a_canadian_listing_shows_value_cost_and_gain_in_the_base_currency(harness: Harness) -> None:
    harness.sync()
    snapshot = harness.database.read_sync(lambda s: holdings_snapshot(s, "USD"))
    row = next(r for r in snapshot.rows if r.currency == "CAD" and r.cost_basis)
    cad_usd = harness.database.read_sync(lambda s: rate_book(s).latest("CAD", "USD"))
    assert cad_usd is not None and cad_usd.rate != 1
    # the value is the account's cents in USD shared out: within a cent of the converted value
    assert abs(row.market_value_base - row.market_value * cad_usd.rate) <= Decimal("0.01")  # type: ignore[operator]
    assert row.market_value_base == round_cents(row.market_value_base)  # type: ignore[arg-type]
    assert row.cost_basis_base == row.cost_basis * cad_usd.rate  # type: ignore[operator]
    assert row.gain == row.market_value_base - row.cost_basis_base  # type: ignore[operator]
    assert row.price is not None and row.missing_rate is None

    in_chf = harness.database.read_sync(lambda s: holdings_snapshot(s, "CHF"))  # the sandbox fetched no CHF rate
    cad = next(r for r in in_chf.rows if r.symbol == row.symbol)
    assert cad.missing_rate == "CAD/CHF" and cad.market_value_base is None and cad.gain is None
    assert in_chf.portfolio is not None and not in_chf.portfolio.complete
    assert "no USD/CHF rate" in in_chf.portfolio.note() and in_chf.portfolio.amount == Decimal(0)
