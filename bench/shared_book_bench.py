"""The shared book's cost: the same sync, history and Accounts read on PostgreSQL beside SQLite.

    .venv/bin/python bench/shared_book_bench.py              # --scale 10: 20 bench accounts, 100,000 activities
    .venv/bin/python bench/shared_book_bench.py --scale 2    # a quick run

One sandbox (its own process, as a real provider) serves both stores in turn, and a throwaway
PostgreSQL server (tests/postgres.py: loopback, fsync off as a test server; a real one on the
network adds its round trips) holds the shared one. Prints for each engine: the first sync, the
repeat sync with nothing new, the history rebuilt from the first day, and the Accounts view's
read (every account valued, as the view loads them) of a household of 10 people x 20 accounts,
read as the owner and as a member through the row-level security policies.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from clera_desktop.core.settings import load_settings  # noqa: E402
from clera_desktop.demo import connect_to_sandbox  # noqa: E402
from clera_desktop.models.engine import Database  # noqa: E402
from clera_desktop.models.enums import PersonKind  # noqa: E402
from clera_desktop.models.shared_book import add_person, init_book  # noqa: E402
from clera_desktop.providers.registry import build_registry  # noqa: E402
from clera_desktop.services.history import HistoryService  # noqa: E402
from clera_desktop.store.valuation import account_values  # noqa: E402
from clera_desktop.sync.service import SyncService  # noqa: E402
from tests.postgres import throwaway_server  # noqa: E402

UNLIMITED = 10**9
PEOPLE, ACCOUNTS_EACH = 10, 20


def sync_and_rebuild(url: str | None, folder: Path, info: dict[str, object]) -> dict[str, float]:
    settings = load_settings(data_dir=folder, database_url=url, environ={})
    database = Database(settings.database_url)
    try:
        settings, credentials, secrets = connect_to_sandbox(settings, database, info)  # type: ignore[arg-type]
        registry = build_registry(settings, credentials, secrets, database, snaptrade_rate_limit=UNLIMITED)
        service = SyncService(database, registry.for_sync(), settings, fx=registry.fx, concurrency=8)
        started = time.perf_counter()
        first = asyncio.run(service.sync_all())
        first_s = time.perf_counter() - started
        assert first.ok, first.summary()
        started = time.perf_counter()
        repeat = asyncio.run(service.sync_all())
        repeat_s = time.perf_counter() - started
        assert repeat.ok and sum(o.rows_changed for o in repeat.outcomes) == 0, repeat.summary()
        history = HistoryService(database, lambda: settings, lambda: registry)
        started = time.perf_counter()
        asyncio.run(history.update())
        history_s = time.perf_counter() - started
        activities = database.read_sync(lambda s: s.execute(text("SELECT count(*) FROM activities")).scalar_one())
        days = database.read_sync(lambda s: s.execute(text("SELECT count(*) FROM portfolio_snapshots")).scalar_one())
    finally:
        database.close()
    return {"first sync": first_s, "repeat sync": repeat_s, "history rebuild": history_s,
            "activities": float(activities), "daily values": float(days)}


def household(database: Database) -> None:
    """10 people x 20 manual accounts, each with cash and three positions (what the view values)."""
    now = datetime(2026, 11, 20, 15, tzinfo=UTC)

    def write(session) -> None:  # type: ignore[no-untyped-def]
        for person in range(PEOPLE):
            for n in range(ACCOUNTS_EACH):
                account = f"manual_p{person}_{n}"
                session.execute(text(
                    "INSERT INTO accounts (id, provider, provider_account_id, institution, name, currency, is_active, "
                    "connection_type, is_paper, created_at, updated_at, owner_id) VALUES (:id, 'manual', :id, 'Bank', "
                    ":name, 'USD', true, 'read', false, :now, :now, :owner)"),
                    {"id": account, "name": f"Person {person} account {n}", "now": now.replace(tzinfo=None),
                     "owner": person + 1 if session.bind.dialect.name == "postgresql" else None})
                session.execute(text("INSERT INTO balances (account_id, currency, cash, buying_power, as_of) "
                                     "VALUES (:id, 'USD', '1000.00', '1000.00', :now)"),
                                {"id": account, "now": now.replace(tzinfo=None)})
                for symbol in ("AAPL", "MSFT", "VTI"):
                    session.execute(text(
                        "INSERT INTO positions (account_id, symbol, security_type, quantity, price, market_value, "
                        "currency, as_of) VALUES (:id, :symbol, 'equity', '10', '100.00', '1000.00', 'USD', :now)"),
                        {"id": account, "symbol": symbol, "now": now.replace(tzinfo=None)})

    database.write_sync(write)


def accounts_read(url: str, runs: int = 7) -> float:
    database = Database(url)
    try:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            values = database.read_sync(lambda s: account_values(s, "USD"))
            times.append(time.perf_counter() - started)
        assert len(values) == PEOPLE * ACCOUNTS_EACH and values[0].total == Decimal("4000.00")
        return statistics.median(times)
    finally:
        database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=10, help="2 x SCALE bench accounts (default 10)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="clera-shared-bench-"))
    sandbox = subprocess.Popen(
        [sys.executable, "-m", "clera_desktop", "sandbox", "--scale", str(args.scale), "--as-of", "2026-11-20",
         "--rate-limit", str(UNLIMITED), "--data-dir", str(folder / "sandbox")], stdout=subprocess.PIPE, text=True,
        cwd=ROOT)
    assert sandbox.stdout is not None
    info = json.loads(sandbox.stdout.readline())
    results: dict[str, dict[str, float]] = {}
    try:
        with throwaway_server() as server:
            if server is None:
                raise SystemExit("PostgreSQL is not installed here (tests/postgres.py): nothing to compare")
            results["SQLite"] = sync_and_rebuild(None, folder / "sqlite", info)
            results["PostgreSQL"] = sync_and_rebuild(server.create_database(), folder / "postgres", info)
            local = Database(f"sqlite:///{folder / 'household.sqlite'}")
            household(local)
            local.close()
            shared_url = server.create_database()
            shared = Database(shared_url)
            with shared.engine.begin() as connection:
                init_book(connection, str(make_url(shared_url).database), "Owner")
                for person in range(1, PEOPLE):
                    add_person(connection, str(make_url(shared_url).database), name=f"Person {person}",
                               login=f"bench_person_{person}", kind=PersonKind.MEMBER, password=None)
            household(shared)
            shared.close()
            member_url = str(make_url(shared_url).set(username="bench_person_1").render_as_string(hide_password=False))
            results["SQLite"]["Accounts read, 200 accounts"] = accounts_read(f"sqlite:///{folder / 'household.sqlite'}")
            results["PostgreSQL"]["Accounts read, 200 accounts"] = accounts_read(shared_url)
            results["PostgreSQL"]["the same, as a member (policies)"] = accounts_read(member_url)
            create_engine(shared_url).dispose()
    finally:
        sandbox.terminate()
        sandbox.wait(timeout=30)
    sqlite, postgres = results["SQLite"], results["PostgreSQL"]
    print(f"\nscale {args.scale}: {int(sqlite['activities']):,} activities, {int(sqlite['daily values']):,} daily values "
          f"(PostgreSQL: {int(postgres['activities']):,}, {int(postgres['daily values']):,})")
    print(f"{'':36}{'SQLite':>10}{'PostgreSQL':>12}{'ratio':>8}")
    for name in ("first sync", "repeat sync", "history rebuild", "Accounts read, 200 accounts"):
        print(f"{name + ' (s)':36}{sqlite[name]:>10.3f}{postgres[name]:>12.3f}{postgres[name] / sqlite[name]:>7.2f}x")
    member = postgres["the same, as a member (policies)"]
    print(f"{'Accounts read as a member (s)':36}{'':>10}{member:>12.3f}"
          f"{member / postgres['Accounts read, 200 accounts']:>7.2f}x (vs the owner, no policies)")


if __name__ == "__main__":
    main()
