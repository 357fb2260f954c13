"""An update rebuilds an account from the day its inputs changed, and the days it rebuilds are the
days a rebuild from the first activity gives, to the cent; the days before are not touched."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from clera_desktop.models.domain import account_id_for
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import ActivityType as T
from clera_desktop.models.enums import ConnectionType, Provider
from clera_desktop.models.history_marks import mark_rewritten
from clera_desktop.models.provider_data import AccountData, RemoteAccount, RemoteActivity, RemoteBalance
from clera_desktop.models.tables import Account, Activity, DailyPrice, PortfolioSnapshot, Position
from clera_desktop.models.upserts import store_account_data
from clera_desktop.portfolio.history import AccountHistory, ActivityRecord, PriceTable, rebuild_account
from clera_desktop.portfolio.rates import RateBook
from clera_desktop.store import history as history_store
from clera_desktop.store.derived import bring_up_to_date
from clera_desktop.store.history import rebuild_and_store
from tests.clock import TEST_CLOCK

pytestmark = pytest.mark.both_engines  # the store's engines: SQLite, and PostgreSQL where installed

START = date(2026, 1, 1)
END = date(2026, 3, 31)
FIELDS = ("value", "cash", "flows", "income", "flows_out", "internal", "fees", "taxes")


def _book(seed: int) -> tuple[list[ActivityRecord], PriceTable]:
    """Deposits, buys, sales, dividends, splits (ratio and shares added), transfers of shares in and
    out, fees, and a symbol never closed (priced by its trades alone), over a quarter."""
    rng = random.Random(seed)
    closes = {s: [] for s in ("AAA", "BBB")}  # type: dict[str, list[tuple[date, Decimal]]]
    price = {"AAA": 50.0, "BBB": 120.0, "ZZZ": 10.0}
    records: list[ActivityRecord] = []
    held = {s: Decimal(0) for s in price}
    day = START
    while day <= END:
        for symbol in price:
            price[symbol] *= 1 + rng.gauss(0, 0.02)
        if day.weekday() < 5:
            for symbol in closes:
                if rng.random() < 0.9:  # a holiday now and then
                    closes[symbol].append((day, Decimal(f"{price[symbol]:.2f}")))
        for _ in range(rng.randint(0, 2)):
            symbol = rng.choice(list(price))
            at = Decimal(f"{price[symbol]:.2f}")
            roll = rng.random()
            if roll < 0.35:
                shares = Decimal(rng.randint(1, 2000)) / 100  # fractional shares, as many brokerages sell
                records.append(ActivityRecord(day, T.DEPOSIT, None, None, None, shares * at + 5, None))
                records.append(ActivityRecord(day, T.BUY, symbol, shares, at, -(shares * at) - 1, Decimal(1)))
                held[symbol] += shares
            elif roll < 0.55 and held[symbol] > 0:
                shares = held[symbol] * Decimal(rng.randint(1, 100)) / 100
                records.append(ActivityRecord(day, T.SELL, symbol, shares, at, shares * at - 1, Decimal(1),
                                              tax=Decimal("0.25")))
                held[symbol] -= shares
            elif roll < 0.65 and held[symbol] > 0:
                records.append(ActivityRecord(day, T.DIVIDEND, symbol, None, None, Decimal("3.10"), Decimal("0.10"),
                                              tax=Decimal("0.45")))
            elif roll < 0.70 and held[symbol] > 0:
                ratio = rng.random() < 0.5
                quantity = Decimal(2) if ratio else held[symbol]  # a 2-for-1 either way
                records.append(ActivityRecord(day, T.SPLIT, symbol, quantity, None, None, None, split_is_ratio=ratio))
                held[symbol] *= 2
                price[symbol] /= 2
            elif roll < 0.78:
                shares = Decimal(rng.randint(1, 5))
                records.append(ActivityRecord(day, T.TRANSFER_IN, symbol, shares, at, None, None))
                held[symbol] += shares
            elif roll < 0.83 and held[symbol] > 0:
                records.append(ActivityRecord(day, T.TRANSFER_OUT, symbol, held[symbol], None, None, None))
                held[symbol] = Decimal(0)
            else:
                records.append(ActivityRecord(day, T.FEE, None, None, None, Decimal("-2.50"), None))
        day += timedelta(days=1)
    return records, PriceTable(closes, {"AAA": "USD", "BBB": "USD", "ZZZ": "USD"})


def _days_from(history: AccountHistory, first: int) -> dict[str, list[object]]:
    return {name: list(getattr(history, name))[first:] for name in FIELDS}


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("anchored", [False, True])
def test_a_rebuild_from_any_day_gives_that_days_figures_of_a_full_rebuild(seed: int, anchored: bool) -> None:
    records, prices = _book(seed)
    records = [r for r in records if r.day < END]  # the last day quiet: a range of it opens on its shares alone
    anchor = {"AAA": Decimal(7), "BBB": Decimal(0)} if anchored else None  # today's shares the activities miss
    cash = Decimal("1234.56") if anchored else None
    full = rebuild_account("a", "USD", records, prices, RateBook([]), start=START, end=END,
                           anchor_positions=anchor, anchor_cash=cash)
    for offset in (1, 9, 30, 45, 61, 89, (END - START).days):
        since = START + timedelta(days=offset)
        part = rebuild_account("a", "USD", records, prices, RateBook([]), start=since, end=END,
                               anchor_positions=anchor, anchor_cash=cash, history_start=START)
        assert part.days == full.days[offset:]
        assert _days_from(part, 0) == _days_from(full, offset), since
        assert part.adjustments == full.adjustments


# ---- against the store ---------------------------------------------------------------------------

NOW = datetime.combine(TEST_CLOCK.today(), datetime.min.time(), tzinfo=UTC)
TODAY = TEST_CLOCK.today()
FIRST = TODAY - timedelta(days=200)


def _manual_book(session: Session) -> None:
    session.add(Account(id="manual_m", provider=Provider.MANUAL, provider_account_id="m", institution="Me",
                        name="Manual", currency="USD", connection_type=ConnectionType.READ, created_at=NOW,
                        updated_at=NOW))
    session.flush()
    rng = random.Random(3)
    close = 100.0
    for n in range(201):
        day = FIRST + timedelta(days=n)
        close *= 1 + rng.gauss(0, 0.01)
        session.add(DailyPrice(symbol="VTI", date=day, close=Decimal(f"{close:.2f}"), currency="USD", source="test"))
        if n % 20 == 0:
            session.add_all([
                Activity(account_id="manual_m", provider_activity_id=f"d{n}", type=T.DEPOSIT, trade_date=day,
                         amount=Decimal(1000), currency="USD"),
                Activity(account_id="manual_m", provider_activity_id=f"b{n}", type=T.BUY, trade_date=day, symbol="VTI",
                         quantity=Decimal(5), price=Decimal(f"{close:.2f}"), amount=-5 * Decimal(f"{close:.2f}"),
                         currency="USD"),
            ])
    bring_up_to_date(session, TEST_CLOCK)


def _snapshots(session: Session) -> list[tuple[object, ...]]:
    return [tuple(row) for row in session.execute(
        select(PortfolioSnapshot.date, PortfolioSnapshot.value, PortfolioSnapshot.cash, PortfolioSnapshot.net_flow,
               PortfolioSnapshot.income, PortfolioSnapshot.fees, PortfolioSnapshot.taxes)
        .where(PortfolioSnapshot.account_id == "manual_m").order_by(PortfolioSnapshot.date))]


def _rebuilt_from(database: Database, monkeypatch: pytest.MonkeyPatch, change: object) -> list[date]:
    """Apply ``change`` (a write), bring the history up to date, and say from which day it rebuilt."""
    starts: list[date] = []
    real = history_store.rebuild_account

    def spy(*args: object, **kwargs: object) -> AccountHistory:
        starts.append(kwargs["start"])  # type: ignore[arg-type]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(history_store, "rebuild_account", spy)

    def write(session: Session) -> None:
        change(session)  # type: ignore[operator]
        bring_up_to_date(session, TEST_CLOCK)

    database.write_sync(write)
    monkeypatch.setattr(history_store, "rebuild_account", real)
    return starts


def _full(database: Database) -> list[tuple[object, ...]]:
    database.write_sync(lambda s: rebuild_and_store(s, "manual_m", TEST_CLOCK, force=True))
    return database.read_sync(_snapshots)


def test_a_new_activity_rebuilds_from_its_day_and_agrees_with_a_full_rebuild(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    database.write_sync(_manual_book)
    before = database.read_sync(_snapshots)
    late = TODAY - timedelta(days=10)

    def deposit(session: Session) -> None:
        session.add(Activity(account_id="manual_m", provider_activity_id="late", type=T.DIVIDEND, trade_date=late,
                             symbol="VTI", amount=Decimal("12.34"), currency="USD"))

    assert _rebuilt_from(database, monkeypatch, deposit) == [late]
    updated = database.read_sync(_snapshots)
    assert updated[:190] == before[:190]  # the days before it as they were
    assert updated[190][1] == before[190][1] + Decimal("12.34")
    assert updated == _full(database)


def test_a_new_close_rebuilds_from_its_day(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    database.write_sync(_manual_book)
    vti_day = TODAY - timedelta(days=3)

    def corrected_close(session: Session) -> None:  # a day the closes skipped, now imported
        session.execute(DailyPrice.__table__.delete().where(DailyPrice.date == vti_day))
        bring_up_to_date(session, TEST_CLOCK)
        session.add(DailyPrice(symbol="VTI", date=vti_day, close=Decimal("1.00"), currency="USD", source="test"))

    starts = _rebuilt_from(database, monkeypatch, corrected_close)
    assert starts[-1] == vti_day  # the removal rebuilt every day; the added close only its own on
    assert database.read_sync(_snapshots) == _full(database)


def test_nothing_changed_rebuilds_nothing_and_a_removed_activity_rebuilds_everything(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    database.write_sync(_manual_book)
    assert _rebuilt_from(database, monkeypatch, lambda session: None) == []

    def remove(session: Session) -> None:
        session.execute(Activity.__table__.delete().where(Activity.provider_activity_id == "d100"))

    assert _rebuilt_from(database, monkeypatch, remove) == [FIRST]
    assert database.read_sync(_snapshots) == _full(database)


def test_an_activity_rewritten_in_place_rebuilds_from_the_day_its_writer_marks(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A form's edit keeps the activity's id, and the count: its writer marks the account from the
    earlier of the old and the new day, and the history and the manual positions follow."""
    database.write_sync(_manual_book)
    moved_from, moved_to = FIRST + timedelta(days=100), FIRST + timedelta(days=150)

    def edit(session: Session) -> None:
        activity = session.scalars(select(Activity).where(Activity.provider_activity_id == "b100")).one()
        mark_rewritten(session, "manual_m", min(activity.trade_date, moved_to), now=NOW)
        activity.trade_date, activity.quantity = moved_to, Decimal(6)
        activity.amount = -6 * (activity.price or Decimal(0))

    assert _rebuilt_from(database, monkeypatch, edit) == [moved_from]
    assert database.read_sync(_snapshots) == _full(database)
    shares = database.read_sync(lambda s: s.scalars(select(Position.quantity)
                                                    .where(Position.account_id == "manual_m")).one())
    assert shares == Decimal(5 * 11 + 1)  # eleven buys of 5, one now of 6


def test_a_provider_rewriting_an_activity_it_sent_before_rebuilds_every_day(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sync that corrects an activity (same id at the provider, a new amount) keeps the count and
    the newest id: the sync's writer marks the account, and the history is rebuilt."""
    account = RemoteAccount(Provider.SNAPTRADE, "n1", None, "Broker", "Brokerage", None, None, "USD", ConnectionType.READ)
    first_day = TODAY - timedelta(days=30)

    def sent(amount: str) -> AccountData:
        return AccountData(account, (RemoteBalance("USD", Decimal(amount), None),), (), (
            RemoteActivity("dep-1", T.DEPOSIT, first_day, "USD", amount=Decimal(amount)),
            RemoteActivity("int-1", T.INTEREST, TODAY - timedelta(days=5), "USD", amount=Decimal(0))))

    def sync(amount: str) -> None:
        def write(session: Session) -> None:
            store_account_data(session, sent(amount), connection_id=None, now=NOW)
            bring_up_to_date(session, TEST_CLOCK)

        database.write_sync(write)

    sync("100")
    starts: list[date] = []
    real = history_store.rebuild_account
    monkeypatch.setattr(history_store, "rebuild_account",
                        lambda *a, **k: starts.append(k["start"]) or real(*a, **k))  # type: ignore[func-returns-value]
    sync("250")
    assert starts == [first_day]
    account_id = account_id_for(Provider.SNAPTRADE.account_prefix, "n1")
    values = database.read_sync(lambda s: s.scalars(select(PortfolioSnapshot.value).where(
        PortfolioSnapshot.account_id == account_id, PortfolioSnapshot.date == first_day)).one())
    assert values == Decimal(250)


def test_accounts_rebuilt_together_read_the_closes_once_and_agree_with_each_alone(
        database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """An import of a whole history rebuilds every account from its first day: from the second on,
    the closes come from one read of every held symbol's (SharedCloses), each account's the same."""
    reads: list[int] = []
    real = history_store.price_table
    monkeypatch.setattr(history_store, "price_table", lambda *a, **k: reads.append(1) or real(*a, **k))

    def second_account(session: Session) -> None:
        session.add(Account(id="manual_n", provider=Provider.MANUAL, provider_account_id="n", institution="Me",
                            name="Second", currency="USD", connection_type=ConnectionType.READ, created_at=NOW,
                            updated_at=NOW))
        session.flush()
        for n, symbol in enumerate(("VTI", "GLD")):
            day = FIRST + timedelta(days=30 + n)
            session.add(DailyPrice(symbol="GLD", date=day, close=Decimal("180.50"), currency="USD", source="test"))
            session.add(Activity(account_id="manual_n", provider_activity_id=f"t{n}", type=T.TRANSFER_IN,
                                 trade_date=day, symbol=symbol, quantity=Decimal(3), price=Decimal(100),
                                 currency="USD"))

    database.write_sync(second_account)
    database.write_sync(_manual_book)  # both accounts rebuilt in full, the second from the shared read
    assert len(reads) == 2  # the first account's own read, then every held symbol's once
    monkeypatch.setattr(history_store, "price_table", real)

    def each(session: Session) -> list[list[tuple[object, ...]]]:
        return [[tuple(r) for r in session.execute(
            select(PortfolioSnapshot.date, PortfolioSnapshot.value, PortfolioSnapshot.net_flow)
            .where(PortfolioSnapshot.account_id == account).order_by(PortfolioSnapshot.date))]
            for account in ("manual_m", "manual_n")]

    together = database.read_sync(each)
    for account in ("manual_m", "manual_n"):
        database.write_sync(lambda s, a=account: rebuild_and_store(s, a, TEST_CLOCK, force=True))  # alone
    assert database.read_sync(each) == together
    assert all(len(days) > 100 for days in together)
