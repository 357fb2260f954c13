"""A household's book on PostgreSQL: each person's role, and what the database itself refuses them.

Every refusal here comes from the server (a grant or a row-level security policy), asked over a
plain connection as that person: the app hiding a button would not pass these tests.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from clera_desktop.cli import main
from clera_desktop.core.errors import StoreNotYours
from clera_desktop.core.settings import load_settings
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import OrderSide, OrderStatus, OrderType, TimeInForce
from clera_desktop.models.tables import Order
from clera_desktop.sandbox.server import SandboxServer
from clera_desktop.store.valuation import account_values
from clera_desktop.sync.service import SyncService
from clera_desktop.trading.accounts import trading_accounts
from tests.clock import TEST_CLOCK
from tests.sync.conftest import make_harness

pytestmark = pytest.mark.day  # alice's accounts are the demo world's, synced on the day it plays
PEOPLE = {"alice": "member", "bob": "member", "vera": "viewer", "carl": "client"}


@dataclass
class Household:
    owner_url: str
    urls: dict[str, str]
    alice_accounts: list[str]
    server_info: dict[str, dict[str, object]]

    def engine(self, login: str) -> Engine:
        return create_engine(self.urls[login])


def as_person(url: str, login: str) -> str:
    return str(make_url(url).set(username=login).render_as_string(hide_password=False))


@pytest.fixture
def household(empty_postgres: str, tmp_path: Path) -> Iterator[Household]:
    folder = str(tmp_path / "owner")
    assert main(["server", "init", "--db", empty_postgres, "--name", "Sam", "--data-dir", folder]) == 0
    for login, kind in PEOPLE.items():
        assert main(["server", "add-person", "--db", empty_postgres, "--data-dir", folder, "--name", login.title(),
                     "--login", login, "--kind", kind]) == 0
    urls = {login: as_person(empty_postgres, login) for login in PEOPLE}
    with SandboxServer(clock=TEST_CLOCK) as sandbox:
        alice = make_harness(sandbox, tmp_path / "alice", database_url=urls["alice"])  # alice's computer, her keys
        try:
            assert alice.sync().ok
            accounts = alice.database.read_sync(lambda s: list(s.scalars(text("SELECT id FROM accounts"))))
        finally:
            alice.database.close()
        yield Household(empty_postgres, urls, accounts, sandbox.info)


def count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def refused(engine: Engine, statement: str, **values: object) -> str:
    """What the server said refusing ``statement`` ("" when it did it; a change to no row says so)."""
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement), values)
            return "" if result.rowcount else "no row"
    except DBAPIError as error:
        return str(error.orig)


def test_a_member_sees_the_household_and_changes_only_their_own(household: Household) -> None:
    bob, owner = household.engine("bob"), create_engine(household.owner_url)
    theirs = household.alice_accounts[0]
    assert count(bob, "accounts") == len(household.alice_accounts) > 0
    assert count(bob, "positions") == count(owner, "positions") > 0
    assert refused(bob, "UPDATE accounts SET name = 'mine' WHERE id = :id", id=theirs) == "no row"
    assert refused(bob, "DELETE FROM connections") == "no row"
    assert count(owner, "connections") > 0
    assert "row-level security" in refused(bob, (
        "INSERT INTO orders (account_id, client_order_id, symbol, side, order_type, time_in_force, status, "
        "filled_quantity, currency, updated_at) VALUES (:id, 'bob-1', 'AAPL', 'buy', 'market', 'day', 'pending', "
        "'0', 'USD', now())"), id=theirs)
    assert "row-level security" in refused(bob, (
        "INSERT INTO accounts (id, provider, provider_account_id, institution, name, currency, is_active, "
        "connection_type, is_paper, created_at, updated_at, owner_id) VALUES ('x', 'manual', 'x', 'Bank', 'X', 'USD', "
        "true, 'read', false, now(), now(), (SELECT id FROM people WHERE login = 'alice'))"))
    assert "permission denied" in refused(bob, "UPDATE people SET kind = 'owner' WHERE login = 'bob'")
    # through the app: her accounts are not offered for trading, and a ticket is refused by the server
    database = Database(household.urls["bob"])
    try:
        eligible = database.read_sync(lambda s: trading_accounts(s, snaptrade_trading_enabled=True))
        assert eligible and all(e.reason == "This is Alice's account: only they can trade it, from their own computer."
                                for e in eligible)
        now = datetime(2026, 12, 1, 15, tzinfo=UTC)
        with pytest.raises(StoreNotYours, match="belongs to another person"):
            database.write_sync(lambda s: s.add(Order(
                account_id=theirs, client_order_id="bob-2", symbol="AAPL", side=OrderSide.BUY,
                order_type=OrderType.MARKET, time_in_force=TimeInForce.DAY, status=OrderStatus.PENDING,
                filled_quantity=Decimal(0), currency="USD", updated_at=now)))
    finally:
        database.close()


def test_a_viewer_reads_everything_and_writes_nothing(household: Household, tmp_path: Path) -> None:
    vera = household.engine("vera")
    assert count(vera, "accounts") == len(household.alice_accounts)
    assert count(vera, "activities") > 0
    for statement in ("UPDATE accounts SET name = 'x'", "DELETE FROM positions", "DELETE FROM daily_prices",
                      "INSERT INTO app_settings (key, value, updated_at) VALUES ('k', 'v', now())",
                      "INSERT INTO audit_log (at, action, details) VALUES (now(), 'x', '{}')"):
        assert "permission denied" in refused(vera, statement), statement
    database = Database(household.urls["vera"])
    try:
        assert database.read_only
        settings = load_settings(data_dir=tmp_path / "vera", database_url=household.urls["vera"], environ={},
                                 clock=TEST_CLOCK)
        assert asyncio.run(SyncService(database, {}, settings).sync_all()).outcomes == []  # nothing of hers to sync
        with pytest.raises(StoreNotYours, match="one of its viewers"):
            database.write_sync(lambda s: None)
    finally:
        database.close()


def test_a_client_sees_only_their_own_book(household: Household) -> None:
    carl = household.engine("carl")
    assert refused(carl, (
        "INSERT INTO accounts (id, provider, provider_account_id, institution, name, currency, is_active, "
        "connection_type, is_paper, created_at, updated_at) VALUES ('manual_carl', 'manual', 'carl', 'Bank', "
        "'Carl', 'USD', true, 'read', false, now(), now())")) == ""
    with carl.connect() as connection:
        assert connection.execute(text("SELECT id FROM accounts")).scalars().all() == ["manual_carl"]
        assert connection.execute(text("SELECT login FROM people")).scalars().all() == ["carl"]
    for table in ("positions", "activities", "balances", "orders", "connections", "snaptrade_users",
                  "portfolio_snapshots"):
        assert count(carl, table) == 0, table
    assert refused(carl, "UPDATE accounts SET name = 'x' WHERE id = :id", id=household.alice_accounts[0]) == "no row"


def test_the_audit_log_is_only_ever_added_to(household: Household) -> None:
    alice = household.engine("alice")
    assert refused(alice, "INSERT INTO audit_log (at, action, details) VALUES (now(), 'noted', '{}')") == ""
    assert "permission denied" in refused(alice, "DELETE FROM audit_log")
    assert "permission denied" in refused(alice, "UPDATE audit_log SET action = 'x'")


def test_no_secret_of_anyones_reaches_the_shared_book(household: Household) -> None:
    """Keys, secrets and tokens stay in each person's keyring: not one is in any column of any table."""
    info = household.server_info
    secrets = [str(info["snaptrade"]["consumer_key"]), str(info["snaptrade"]["demo_user_secret"]),
               str(info["plaid"]["secret"]), str(info["plaid"]["demo_access_token"]), str(info["alpaca"]["secret_key"])]
    owner = create_engine(household.owner_url)
    with owner.connect() as connection:
        for table in inspect(connection).get_table_names():
            for row in connection.execute(text(f"SELECT * FROM {table}")):
                written = " ".join(str(value) for value in row)
                assert not [s for s in secrets if s in written], table


def test_a_joint_account_is_seen_by_its_other_owner_and_changed_only_by_its_owner(
        household: Household, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    joint = household.alice_accounts[0]
    folder = str(tmp_path / "alice")
    share = ["server", "share", "--db", household.urls["alice"], "--data-dir", folder, "--account", joint]
    assert main([*share, "--person", "alice=0.6", "--person", "carl=0.3"]) == 1  # 0.9 in all
    assert "add up to 1" in capsys.readouterr().err
    assert main([*share, "--person", "alice=0.5", "--person", "carl=0.5"]) == 0
    assert "owned jointly: alice 50%, carl 50%" in capsys.readouterr().out
    carl = household.engine("carl")
    with carl.connect() as connection:
        assert connection.execute(text("SELECT id FROM accounts")).scalars().all() == [joint]
        seen = connection.execute(text("SELECT count(*), count(DISTINCT account_id) FROM positions")).one()
    with create_engine(household.owner_url).connect() as connection:
        held = connection.execute(text("SELECT count(*) FROM positions WHERE account_id = :id"), {"id": joint}).scalar()
    assert held and tuple(seen) == (held, 1)  # its holdings with it, no one else's
    assert refused(carl, "UPDATE accounts SET name = 'x' WHERE id = :id", id=joint) == "no row"
    # whose each account is, as the Accounts view shows it (nothing for one's own)
    for login, expected in (("carl", {joint: "Alice, Carl"}), ("bob", dict.fromkeys(household.alice_accounts, "Alice")
                                                                 | {joint: "Alice, Carl"})):
        database = Database(household.urls[login])
        try:
            shown = {v.account_id: v.owner for v in database.read_sync(lambda s: account_values(s, "USD"))}
        finally:
            database.close()
        assert shown == expected, login
    database = Database(household.urls["alice"])
    try:
        mine = {v.account_id: v.owner for v in database.read_sync(lambda s: account_values(s, "USD"))}
    finally:
        database.close()
    assert mine == dict.fromkeys(household.alice_accounts) | {joint: "Alice, Carl"}
    assert "row-level security" in refused(carl, (
        "INSERT INTO account_shares (account_id, person_id, share) VALUES (:id, (SELECT id FROM people "
        "WHERE login = 'carl'), '1')"), id=household.alice_accounts[1])


def test_each_person_keeps_their_own_base_currency(household: Household) -> None:
    from clera_desktop.models.queries import app_setting
    from clera_desktop.models.upserts import put_app_setting

    now = datetime(2026, 12, 1, 15, tzinfo=UTC)
    chosen = {"alice": "CAD", "bob": "EUR"}
    for login, code in chosen.items():
        database = Database(household.urls[login])
        try:
            database.write_sync(lambda s, c=code: put_app_setting(s, "base_currency", c, now=now))
        finally:
            database.close()
    for login, code in (*chosen.items(), ("vera", None)):
        database = Database(household.urls[login])
        try:
            kept = database.read_sync(lambda s: app_setting(s, "base_currency"))
            assert (kept.value if kept else None) == code, login
        finally:
            database.close()
    # bob asks to change everyone's: the policies let him change his own row alone
    assert refused(household.engine("bob"), "UPDATE app_settings SET value = 'JPY' WHERE key LIKE 'base_currency@%'") == ""
    with create_engine(household.owner_url).connect() as connection:
        kept = dict(connection.execute(text("SELECT key, value FROM app_settings WHERE key LIKE 'base_currency@%'")).all())
    assert sorted(kept.values()) == ["CAD", "JPY"]  # bob changed his own only: alice's stays CAD


def test_each_persons_app_keeps_their_own_accounts_history_and_reads_the_others(household: Household) -> None:
    from clera_desktop.store.derived import bring_up_to_date

    def brought(login: str) -> list[str]:
        database = Database(household.urls[login])
        try:
            return database.write_sync(lambda s: bring_up_to_date(s, TEST_CLOCK))  # refused rows would raise
        finally:
            database.close()

    assert brought("bob") == []  # none of his own; alice's would be refused by the server
    assert sorted(brought("alice")) == sorted(household.alice_accounts)
    assert count(household.engine("bob"), "portfolio_snapshots") == count(create_engine(household.owner_url),
                                                                          "portfolio_snapshots") > 0
