"""Schema upgrades keep every row; the migrations describe exactly the models."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from clera_desktop.models.engine import Database, alembic_config, current_revision, head_revision, make_engine, upgrade
from clera_desktop.models.tables import Base

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.both_engines
def test_migrations_create_exactly_the_models(database: Database) -> None:
    """One set of revisions for both engines: each makes exactly the tables the models describe."""
    with database.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_upgrade_from_the_first_release_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute(
            "INSERT INTO accounts (id, provider, provider_account_id, institution, name, currency, "
            "is_active, connection_type, is_paper, created_at, updated_at) VALUES "
            "('snaptrade_a', 'snaptrade', 'a', 'Demo', 'Main', 'USD', 1, 'trade', 0, "
            "'2025-01-01 00:00:00', '2025-01-01 00:00:00')"
        )
        raw.execute(
            "INSERT INTO positions (account_id, symbol, security_type, quantity, price, currency, as_of) "
            "VALUES ('snaptrade_a', 'AAPL', 'equity', '0.00000001', '190.12', 'USD', '2025-01-01 00:00:00')"
        )
    database = Database(f"sqlite:///{path}")
    try:
        assert current_revision(database.engine) == head_revision()
        with sqlite3.connect(path) as raw:
            assert raw.execute("SELECT name FROM accounts").fetchall() == [("Main",)]
            assert raw.execute("SELECT quantity, price FROM positions").fetchall() == [("0.00000001", "190.12")]
            assert raw.execute("SELECT count(*) FROM app_settings").fetchone() == (0,)
    finally:
        database.close()


def test_the_shipped_first_release_fixture_upgrades(tmp_path: Path) -> None:
    """A database file as release 0001 wrote it (tests/models/fixtures), not rebuilt by today's code."""
    path = tmp_path / "fixture.sqlite"
    path.write_bytes((FIXTURES / "schema_0001.sqlite").read_bytes())
    before = sqlite3.connect(path).execute("SELECT count(*) FROM activities").fetchone()
    database = Database(f"sqlite:///{path}")
    try:
        assert current_revision(database.engine) == head_revision()
    finally:
        database.close()
    after = sqlite3.connect(path).execute("SELECT count(*) FROM activities").fetchone()
    assert before == after == (3,)


def test_the_recorded_head_is_alembics_head() -> None:
    from clera_desktop.models.engine import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_sqlite_is_opened_with_wal_foreign_keys_and_a_busy_timeout(database: Database) -> None:
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_the_shipped_release_0003_fixture_upgrades_and_keeps_every_row(tmp_path: Path) -> None:
    """Release 0003's file (tests/models/fixtures/schema_0003.sqlite): activities, a sync run left
    running by a killed process, snapshots and settings survive 0004, which adds interrupted runs,
    TAX/REFUND activities and the tax, carried cost and acquisition day of a line."""
    path = tmp_path / "fixture.sqlite"
    path.write_bytes((FIXTURES / "schema_0003.sqlite").read_bytes())
    database = Database(f"sqlite:///{path}")
    database.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
        assert raw.execute("SELECT provider_activity_id, type, price, amount, tax, cost_basis, acquired_on "
                           "FROM activities ORDER BY id").fetchall() == [
            ("t1", "deposit", None, "10000", None, None, None), ("t2", "buy", "150.25", "-1502.5", None, None, None),
            ("t3", "dividend", None, "2.4", None, None, None)]
        assert raw.execute("SELECT status FROM sync_runs").fetchall() == [("running",)]
        assert raw.execute("SELECT value FROM app_settings WHERE key = 'base_currency'").fetchone() == ("CAD",)
        raw.execute("UPDATE sync_runs SET status = 'interrupted'")  # the new vocabulary is allowed
        raw.execute("INSERT INTO activities (account_id, provider_activity_id, type, trade_date, amount, currency) "
                    "VALUES ('snaptrade_a1', 't4', 'tax', '2025-03-14', '-0.36', 'USD')")
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute("UPDATE sync_runs SET status = 'maybe'")


def test_0004_downgrades_to_0003_keeping_rows(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    database = Database(f"sqlite:///{path}")
    database.close()
    engine = make_engine(f"sqlite:///{path}")
    try:
        config = alembic_config(engine)
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")
        assert current_revision(engine) == "0003"
    finally:
        engine.dispose()


def test_0005_adds_the_brokers_tax_lots_keeping_every_position(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "db.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine, "0004")
    finally:
        engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO accounts (id, provider, provider_account_id, institution, name, currency, is_active, "
                    "connection_type, is_paper, created_at, updated_at) VALUES ('a', 'manual', 'a', 'x', 'A', 'USD', 1, "
                    "'read', 0, '2026-01-01', '2026-01-01')")
        raw.execute("INSERT INTO positions (account_id, symbol, security_type, quantity, currency, as_of) "
                    "VALUES ('a', 'ACME', 'equity', '3', 'USD', '2026-01-01')")
    Database(f"sqlite:///{path}").close()  # to the head
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT symbol, quantity, tax_lots FROM positions").fetchall() == [("ACME", "3", None)]


def test_the_shipped_release_0009_fixture_keeps_every_child_row_through_0010(tmp_path: Path) -> None:
    """Release 0009's file (tests/models/fixtures/schema_0009.sqlite: a manual account, its
    activities, position, a year of daily values). 0010 adds an owner to accounts, which SQLite
    does by copying the table and dropping the old one: with foreign keys on, that drop cascaded
    into every position, activity and daily value (models/engine.upgrade turns them off)."""
    path = tmp_path / "fixture.sqlite"
    path.write_bytes((FIXTURES / "schema_0009.sqlite").read_bytes())
    children = ("accounts", "activities", "positions", "portfolio_snapshots", "daily_prices", "app_settings")

    def counted() -> dict[str, int]:
        with sqlite3.connect(path) as raw:
            return {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in children}

    before = counted()
    assert before["activities"] == 7 and before["portfolio_snapshots"] > 600
    Database(f"sqlite:///{path}").close()
    assert counted() == before
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
        assert raw.execute("SELECT owner_id FROM accounts").fetchall() == [(None,)]  # the book's one person's
        assert raw.execute("PRAGMA foreign_keys").fetchone() == (0,)  # a plain connection's default, untouched
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
