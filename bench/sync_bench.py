"""Sync benchmark: the sandbox's large world into SQLite, beside raw sqlite3.executemany.

    .venv/bin/python bench/sync_bench.py            # 200 accounts x 300 positions, 1,000,000 activities
    .venv/bin/python bench/sync_bench.py --scale 5  # a quick run: 10 accounts, 50,000 activities

It also stores the same fetched accounts into an encrypted store (SQLCipher, as Settings › Security
makes it) beside the plain one: the cost of encryption at rest on the same run.

The sandbox runs in its own process (as a real provider would), so its JSON encoding does not
compete with the app for the interpreter. Prints, in one run: rows stored by the first sync and
the rate of its storage (time inside write transactions), the repeat sync's time with nothing
new, and the same rows written with raw ``sqlite3.executemany`` in one transaction into the same
schema.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from clera_desktop.core.settings import load_settings
from clera_desktop.demo import connect_to_sandbox
from clera_desktop.models.engine import Database, make_engine, upgrade
from clera_desktop.providers.registry import build_registry
from clera_desktop.sync.service import SyncService

TABLES = ("accounts", "balances", "positions", "activities", "orders")
UNLIMITED = 10**9


def _count(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as raw:
        return {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def _raw_baseline(source: Path, folder: Path) -> tuple[int, float]:
    """Copy every synced row into a fresh database of the same schema with executemany, one transaction."""
    target = folder / "raw.sqlite"
    engine = make_engine(f"sqlite:///{target}")
    upgrade(engine)
    engine.dispose()
    with sqlite3.connect(source) as src:
        tables = {}
        for table in ("connections", *TABLES):
            cursor = src.execute(f"SELECT * FROM {table}")
            tables[table] = ([d[0] for d in cursor.description], cursor.fetchall())
    raw = sqlite3.connect(target)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute("PRAGMA foreign_keys=ON")
    rows = 0
    started = time.perf_counter()
    with raw:
        for table, (columns, values) in tables.items():
            marks = ",".join("?" * len(columns))
            raw.executemany(f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})", values)
            rows += len(values) if table != "connections" else 0
    elapsed = time.perf_counter() - started
    raw.close()
    return rows, elapsed


def _fetch_all(registry):  # type: ignore[no-untyped-def]
    async def fetch_all():  # type: ignore[no-untyped-def]
        fetched = []
        for client in registry.for_sync().values():
            for connection in await client.list_connections():
                for account in await client.list_accounts(connection):
                    fetched.append((connection, await client.fetch_account(account, activities_since=None)))
        return fetched

    return asyncio.run(fetch_all())


def _storage_alone(fetched, folder: Path, *, encrypted: bool = False) -> tuple[int, float]:  # type: ignore[no-untyped-def]
    """Time the app's storage path alone (prepare + one transaction per account) for accounts
    fetched into memory first, into a fresh database: the same work as the first sync's storage,
    without eight fetchers parsing JSON on the same interpreter at the same time. ``encrypted``:
    into a SQLCipher store (models/cipher.py), as Settings › Security makes it."""
    from datetime import UTC, datetime

    from clera_desktop.models import cipher
    from clera_desktop.models.upserts import prepare_account_data, store_prepared_account, upsert_connection

    place = folder / ("encrypted" if encrypted else "plain")
    place.mkdir()
    key = cipher.new_key() if encrypted else None
    if encrypted:
        cipher.write_mark(place, cipher.Mark("bench"))
    database = Database(f"sqlite:///{place / 'alone.sqlite'}", key_lookup=lambda _name: key)
    now = datetime.now(UTC)
    started = time.perf_counter()
    for connection, data in fetched:
        prepared = prepare_account_data(data, dialect=database.engine.dialect, now=now)
        database.write_sync(lambda s, c=connection, p=prepared: (
            upsert_connection(s, c, now=now), store_prepared_account(s, p, connection_id=None)))
    elapsed = time.perf_counter() - started
    rows = database.read_sync(lambda s: sum(s.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES))
    database.close()
    return rows, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=100, help="2 x SCALE bench accounts (default 100 = 200)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="clera-sync-bench-"))
    print(f"building the sandbox world (scale {args.scale}) in its own process ...", flush=True)
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "clera_desktop", "sandbox", "--scale", str(args.scale), "--as-of", "2026-11-20",
         "--rate-limit", str(UNLIMITED), "--data-dir", str(folder / "sandbox")],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1],
    )
    assert server.stdout is not None
    info = json.loads(server.stdout.readline())
    print(f"  world ready in {time.perf_counter() - started:.1f}s", flush=True)
    try:
        settings = load_settings(data_dir=folder / "data", environ={})
        database = Database(settings.database_url)
        settings, credentials, secrets = connect_to_sandbox(settings, database, info)
        registry = build_registry(settings, credentials, secrets, database, snaptrade_rate_limit=UNLIMITED)
        service = SyncService(database, registry.for_sync(), settings, fx=registry.fx, concurrency=8)

        database.write_seconds = database.write_cpu_seconds = 0.0
        started = time.perf_counter()
        first = asyncio.run(service.sync_all())
        first_wall, first_store = time.perf_counter() - started, database.write_seconds
        first_store_cpu = database.write_cpu_seconds
        assert first.ok, first.summary()
        counts = _count(settings.database_path)  # type: ignore[arg-type]
        rows = sum(counts.values())

        database.write_seconds = 0.0
        started, started_cpu = time.perf_counter(), time.process_time()
        repeat = asyncio.run(service.sync_all())
        repeat_wall, repeat_store = time.perf_counter() - started, database.write_seconds
        repeat_cpu = time.process_time() - started_cpu
        assert repeat.ok and sum(o.rows_changed for o in repeat.outcomes) == 0, repeat.summary()
        database.close()

        raw_rows, raw_seconds = _raw_baseline(settings.database_path, folder)  # type: ignore[arg-type]
        fetched = _fetch_all(registry)
        isolated_rows, isolated_seconds = _storage_alone(fetched, folder)
        encrypted_rows, encrypted_seconds = _storage_alone(fetched, folder, encrypted=True)
        assert encrypted_rows == isolated_rows
    finally:
        server.terminate()
        server.wait(timeout=30)

    print()
    print(f"rows stored: {rows:,} ({', '.join(f'{t} {n:,}' for t, n in counts.items())})")
    print(f"{'':34}{'seconds':>10}{'rows/s':>14}")
    print(f"{'first sync, storage (in txns)':34}{first_store:>10.2f}{rows / first_store:>14,.0f}")
    print(f"{'first sync, storage (writer CPU)':34}{first_store_cpu:>10.2f}{rows / first_store_cpu:>14,.0f}")
    print(f"{'first sync, wall (fetch + store)':34}{first_wall:>10.2f}{rows / first_wall:>14,.0f}")
    print(f"{'storage alone (prepare + txns)':34}{isolated_seconds:>10.2f}{isolated_rows / isolated_seconds:>14,.0f}")
    print(f"{'the same, encrypted (SQLCipher)':34}{encrypted_seconds:>10.2f}{encrypted_rows / encrypted_seconds:>14,.0f}")
    print(f"{'raw sqlite3.executemany, 1 txn':34}{raw_seconds:>10.2f}{raw_rows / raw_seconds:>14,.0f}")
    print(f"{'repeat sync, wall (nothing new)':34}{repeat_wall:>10.2f}")
    print(f"{'repeat sync, storage (in txns)':34}{repeat_store:>10.2f}")
    print(f"{'repeat sync, the app process CPU':34}{repeat_cpu:>10.2f}")
    print()
    print(f"first-sync storage vs raw: {isolated_seconds / raw_seconds:.2f}x the raw time for the storage path "
          f"alone; during the sync {first_store / raw_seconds:.2f}x in transactions (wall), "
          f"{first_store_cpu / raw_seconds:.2f}x of the writer's CPU (goal <= 3x)")
    print(f"encryption at rest: storage takes {encrypted_seconds / isolated_seconds:.2f}x the plain store's time")
    print(f"repeat sync vs first sync: {repeat_wall / first_wall:.1%} of the first sync's time (goal <= 5%)")
    print(f"the synced store (for bench/allocation_bench.py and bench/income_bench.py --store): {settings.database_path}")


if __name__ == "__main__":
    main()
