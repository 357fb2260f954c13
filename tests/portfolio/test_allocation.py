"""Allocation from the store, worked by hand: two accounts in two currencies, one security nobody
classified, one account without a rate; and the person's classes surviving a re-sync.

Brokerage (Schwab, USD): AAPL 10 x 150 = 1,500; VTI 5 x 200 = 1,000; MYST 1 x 33.33; cash 500
    -> 3,033.33
TFSA (Questrade, CAD at 0.7155): RY 20 x 125 = 2,500 CAD -> 1,788.75; cash 500 CAD -> 357.75
    -> 3,000 CAD -> 2,146.50
Swiss (CHF, no rate to USD): left out and named.
Total 5,179.83 USD.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.clock import FixedClock
from clera_desktop.models.domain import account_id_for
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import ConnectionType, Provider, SecurityType
from clera_desktop.models.provider_data import AccountData, RemoteAccount, RemoteBalance, RemotePosition
from clera_desktop.models.tables import DailyPrice, FxRate
from clera_desktop.models.upserts import store_account_data
from clera_desktop.portfolio.allocation import Allocation
from clera_desktop.portfolio.classification import Dimension
from clera_desktop.portfolio.worth import share_out
from clera_desktop.services.allocation import AllocationService
from clera_desktop.store.allocation import allocation_book
from clera_desktop.store.classification import classifications
from clera_desktop.store.valuation import account_values

D = Decimal
TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


A = account_id_for(Provider.SNAPTRADE.account_prefix, "a")
T = account_id_for(Provider.SNAPTRADE.account_prefix, "t")
AAPL = RemotePosition("AAPL", D(10), "USD", SecurityType.EQUITY, D(150))
VTI = RemotePosition("VTI", D(5), "USD", SecurityType.ETF, D(200))
MYST = RemotePosition("MYST", D(1), "USD", SecurityType.OTHER, D("33.33"))  # type "other", no close: nothing known
RY = RemotePosition("RY", D(20), "CAD", SecurityType.EQUITY, D(125))


def _sync(database: Database, number: str, name: str, institution: str, currency: str,
          positions: list[RemotePosition], cash: str = "500") -> None:
    account = RemoteAccount(Provider.SNAPTRADE, number, None, institution, name, None, None, currency,
                            ConnectionType.READ)
    data = AccountData(account, (RemoteBalance(currency, D(cash), None),), tuple(positions), ())
    database.write_sync(lambda s: store_account_data(s, data, connection_id=None, now=NOW))


def _closes(session: Session) -> None:
    for symbol, close, currency in (("AAPL", "145", "USD"), ("VTI", "202", "USD"), ("RY", "124", "CAD")):
        session.add(DailyPrice(symbol=symbol, date=date(2026, 11, 30), close=D(close), currency=currency, source="t"))
    session.add(FxRate(base="CAD", quote="USD", rate=D("0.7155"), as_of=date(2026, 11, 1), source="test"))


@pytest.fixture
def store(database: Database) -> Database:
    database.write_sync(_closes)
    _sync(database, "a", "Brokerage", "Schwab", "USD", [
        replace(AAPL, exchange="XNAS", sector="Electronic Technology"), replace(VTI, exchange="ARCX"), MYST])
    _sync(database, "t", "TFSA", "Questrade", "CAD", [replace(RY, exchange="TSX")])
    _sync(database, "c", "Swiss", "PostFinance", "CHF", [RemotePosition("NESN", D(10), "CHF", price=D(100))], "0")
    return database


def _split(store: Database, dimension: Dimension, accounts: list[str] | None = None) -> Allocation:
    book = store.read_sync(lambda s: allocation_book(s, "USD", TODAY))
    return book.split(dimension, accounts)


def _slices(allocation: Allocation) -> dict[str, tuple[Decimal, Decimal | None]]:
    return {s.name: (s.value, s.day_change) for s in allocation.slices}


def test_asset_classes_add_up_to_the_total_every_view_shows_with_the_unclassified_said(store: Database) -> None:
    allocation = _split(store, Dimension.ASSET_CLASS)
    assert _slices(allocation) == {
        "Stocks": (D("3288.75"), D("64.31")),  # AAPL 1,500 (+50) and RY 1,788.75 (+20 CAD = +14.31)
        "ETFs": (D("1000.00"), D("-10.00")),
        "Cash": (D("857.75"), D(0)),  # 500 + 500 CAD at 0.7155
        "Unclassified": (D("33.33"), None),  # MYST: type "other", no close
    }
    assert allocation.slices[-1].day_change_missing == ("MYST",)
    assert allocation.total == D("5179.83")
    accounts = store.read_sync(lambda s: account_values(s, "USD"))
    assert allocation.total == sum(a.total_base for a in accounts if a.total_base is not None)
    assert allocation.left_out == ("Swiss (CHF/USD)",)
    stocks = allocation.slices[0]
    assert stocks.weight == D("3288.75") * 100 / D("5179.83")
    assert [(h.symbol, h.value, h.accounts) for h in stocks.holdings] == [
        ("RY", D("1788.75"), ("TFSA",)), ("AAPL", D("1500.00"), ("Brokerage",))]


def test_currency_region_and_sector_come_from_what_the_providers_reported(store: Database) -> None:
    currencies = _split(store, Dimension.CURRENCY)
    # USD's day change: +50 (AAPL) - 10 (VTI), and says it leaves MYST out
    assert _slices(currencies) == {"USD": (D("3033.33"), D("40.00")), "CAD": (D("2146.50"), D("14.31"))}
    assert currencies.slices[0].day_change_missing == ("MYST",)
    regions = _split(store, Dimension.REGION)
    assert {s.name: s.value for s in regions.slices} == {
        "North America": D("4288.75"), "Cash": D("857.75"), "Unclassified": D("33.33")}
    sectors = _split(store, Dimension.SECTOR)
    assert {s.name: s.value for s in sectors.slices} == {
        "Electronic Technology": D("1500.00"), "Unclassified": D("2822.08"), "Cash": D("857.75")}  # VTI, RY, MYST


def test_one_account_and_targets_with_their_drift_and_the_trade_that_rebalances(store: Database) -> None:
    book = store.read_sync(lambda s: allocation_book(s, "USD", TODAY))
    brokerage = book.split(Dimension.ASSET_CLASS, [A], targets={"Stocks": D(60), "Bonds": D(10)})
    assert brokerage.total == D("3033.33")
    stocks = next(s for s in brokerage.slices if s.name == "Stocks")
    assert stocks.weight == D(1500) * 100 / D("3033.33")
    assert stocks.drift == stocks.weight - 60
    assert stocks.to_rebalance(brokerage.total) == D("1820.00") - D("1500.00")  # 60% of 3,033.33 = 1,819.998
    bonds = next(s for s in brokerage.slices if s.name == "Bonds")
    assert (bonds.value, bonds.to_rebalance(brokerage.total)) == (D(0), D("303.33"))
    assert brokerage.untargeted == D(30)


def test_cents_rounding_leaves_over_go_to_the_largest_parts() -> None:
    # each half cent rounds up (100.01 twice is a cent too many): the first of the largest gives it back
    assert share_out(D("200.01"), [D("100.005"), D("100.005")]) == [D("100.00"), D("100.01")]
    assert share_out(D("1.00"), [D("0.333"), D("0.333"), D("0.334")]) == [D("0.33"), D("0.33"), D("0.34")]


def test_the_persons_class_wins_and_survives_a_resync_while_no_provider_wipes_anothers(store: Database) -> None:
    bus = ChangeBus()
    heard: list[Changes] = []
    bus.subscribe(heard.append)
    service = AllocationService(store, lambda: FixedClock(NOW), lambda: "USD", bus)
    asyncio.run(service.classify("RY", {Dimension.SECTOR: "Finance", Dimension.ASSET_CLASS: "Dividend stocks"}))
    assert heard[-1].what is Change.CLASSIFICATION
    # the next sync reports RY again, now with a sector from the provider: the person's stays
    _sync(store, "t", "TFSA", "Questrade", "CAD", [replace(RY, exchange="XTSE", sector="Banks")])
    # and a provider that reports no sector leaves AAPL's from the other one
    _sync(store, "a", "Brokerage", "Schwab", "USD", [replace(AAPL, exchange="XNAS"), VTI, MYST])
    classes = store.read_sync(classifications)
    assert (classes["RY"].sector, classes["RY"].asset_class, classes["RY"].country) == (
        "Finance", "Dividend stocks", "Canada")
    assert classes["AAPL"].sector == "Electronic Technology"
    offered = asyncio.run(service.classes_of("RY"))
    assert offered.reported.sector == "Banks" and "Dividend stocks" in offered.offered[Dimension.ASSET_CLASS]
    assert {s.name for s in _split(store, Dimension.ASSET_CLASS).slices} >= {"Dividend stocks"}
    asyncio.run(service.classify("RY", {Dimension.SECTOR: None}))  # back to what the provider says
    assert store.read_sync(classifications)["RY"].sector == "Banks"


def test_alpacas_us_equity_class_says_nothing_about_stock_or_etf(store: Database) -> None:
    account = RemoteAccount(Provider.ALPACA, "p", None, "Alpaca", "Alpaca paper", None, None, "USD", ConnectionType.TRADE)
    data = AccountData(account, (), (replace(VTI, security_type=SecurityType.EQUITY, exchange="ARCA"),
                                     RemotePosition("ALPO", D(1), "USD", SecurityType.EQUITY, D(5), exchange="NASDAQ")), ())
    store.write_sync(lambda s: store_account_data(s, data, connection_id=None, now=NOW))
    classes = store.read_sync(classifications)
    assert (classes["VTI"].asset_class, classes["VTI"].country) == ("ETFs", "United States")
    assert (classes["ALPO"].asset_class, classes["ALPO"].country) == (None, "United States")
