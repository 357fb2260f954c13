"""A repeat sync that brings the same positions and cash writes nothing and compares nothing row
by row; one that brings anything new writes it, whatever was remembered."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from clera_desktop.models.domain import account_id_for
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import ConnectionType, Provider, SecurityType
from clera_desktop.models.provider_data import AccountData, BrokerTaxLot, RemoteAccount, RemoteBalance, RemotePosition
from clera_desktop.models.tables import Account, Balance, Position
from clera_desktop.models.upserts import KnownPositions, prepare_account_data, store_prepared_account

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed

D = Decimal
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
ACCOUNT = RemoteAccount(Provider.SNAPTRADE, "a", None, "E*TRADE", "Brokerage", None, None, "USD", ConnectionType.READ)
ACCOUNT_ID = account_id_for(Provider.SNAPTRADE.account_prefix, "a")
LOTS = (BrokerTaxLot(NOW.date() - timedelta(days=400), D(6), D("600.00"), "lot-1"),
        BrokerTaxLot(NOW.date() - timedelta(days=30), D(4), D("560.00"), "lot-2"))
AAPL = RemotePosition("AAPL", D(10), "USD", SecurityType.EQUITY, D(150), D(1500), D(116), D(1160), tax_lots=LOTS)
VTI = RemotePosition("VTI", D(5), "USD", SecurityType.ETF, D(200))


def _sync(database: Database, known: KnownPositions, *positions: RemotePosition, now: datetime = NOW,
          cash: str = "100.00") -> int:
    """One account's sync with ``positions`` and ``cash``; returns the rows written or removed."""
    data = AccountData(ACCOUNT, (RemoteBalance("USD", D(cash), D(cash)),), tuple(positions), ())
    prepared = prepare_account_data(data, dialect=database.engine.dialect, now=now, known=known)
    changes = database.write_sync(lambda s: store_prepared_account(s, prepared, connection_id=None))
    return changes.positions_changed + changes.positions_removed + changes.balances_changed


def _held(database: Database) -> dict[str, tuple[Decimal, Decimal | None, str | None]]:
    return database.read_sync(lambda s: {p.symbol: (p.quantity, p.price, p.tax_lots)
                                         for p in s.scalars(select(Position).where(Position.account_id == ACCOUNT_ID))})


def test_the_same_positions_and_cash_again_write_nothing_and_keep_the_digest(database: Database) -> None:
    known = KnownPositions()
    assert _sync(database, known, AAPL, VTI) == 3
    digest = database.read_sync(lambda s: s.get_one(Account, ACCOUNT_ID).holdings_digest)
    assert digest

    assert _sync(database, known, AAPL, VTI, now=NOW + timedelta(hours=1)) == 0
    assert _sync(database, KnownPositions(), AAPL, VTI, now=NOW + timedelta(hours=2)) == 0  # a new process
    assert database.read_sync(lambda s: s.get_one(Account, ACCOUNT_ID).holdings_digest) == digest


def test_a_moved_price_a_new_lot_a_sold_holding_or_new_cash_is_written(database: Database) -> None:
    known = KnownPositions()
    _sync(database, known, AAPL, VTI)

    assert _sync(database, known, AAPL, VTI, cash="99.99") == 1
    assert database.read_sync(lambda s: s.scalars(select(Balance.cash)).one()) == D("99.99")

    assert _sync(database, known, replace(AAPL, price=D("151.25")), VTI, cash="99.99") == 1
    assert _held(database)["AAPL"][1] == D("151.25")

    more_lots = (*LOTS, BrokerTaxLot(NOW.date(), D(1), D("151.25"), "lot-3"))
    assert _sync(database, known, replace(AAPL, quantity=D(11), price=D("151.25"), tax_lots=more_lots), VTI,
                 cash="99.99") == 1
    assert '"lot-3"' in (_held(database)["AAPL"][2] or "")

    assert _sync(database, known, replace(AAPL, quantity=D(11), price=D("151.25"), tax_lots=more_lots),
                 cash="99.99") == 1
    assert set(_held(database)) == {"AAPL"}


def test_rows_changed_behind_the_digest_are_mended_when_the_provider_sends_something_new(database: Database) -> None:
    known = KnownPositions()
    _sync(database, known, AAPL, VTI)

    def lose_vti(session):  # type: ignore[no-untyped-def]
        session.delete(session.scalars(select(Position).where(Position.symbol == "VTI")).one())
        session.get_one(Account, ACCOUNT_ID).holdings_digest = None  # as every other writer of positions or cash must
    database.write_sync(lose_vti)

    assert _sync(database, known, AAPL, VTI) == 1
    assert set(_held(database)) == {"AAPL", "VTI"}


def test_remembered_positions_are_used_only_for_equal_ones() -> None:
    known = KnownPositions()
    made: list[str] = []

    def prepare(tag: str):  # type: ignore[no-untyped-def]
        def run():  # type: ignore[no-untyped-def]
            made.append(tag)
            return tag
        return run

    assert known.prepared(ACCOUNT_ID, (AAPL,), prepare("first")) == "first"
    assert known.prepared(ACCOUNT_ID, (replace(AAPL),), prepare("again")) == "first"  # equal, not the same object
    assert known.prepared(ACCOUNT_ID, (replace(AAPL, price=D(151)),), prepare("moved")) == "moved"
    assert known.prepared("other", (replace(AAPL, price=D(151)),), prepare("other account")) == "other account"
    assert made == ["first", "moved", "other account"]


def test_what_a_provider_says_a_security_is_counts_too(database: Database) -> None:
    """Exchange, sector and industry are kept per security, not in the position's row: a repeat sync
    that brings a sector for the first time writes it."""
    from clera_desktop.models.tables import Security

    known = KnownPositions()
    _sync(database, known, AAPL, VTI)
    assert _sync(database, known, replace(AAPL, sector="Electronic Technology"), VTI) == 0, "no position row moved"
    assert database.read_sync(lambda s: s.get_one(Security, "AAPL").sector) == "Electronic Technology"
