"""The Allocation view on 60,000 positions, beside a plain SQL GROUP BY of the same positions.

    .venv/bin/python bench/allocation_bench.py [--runs 5] [--accounts 200]

The store: 200 accounts (one in five in CAD, with a CAD->USD rate), 300 positions each (60,000, the
shape of the sandbox's ``--scale 100`` world), a cash balance each, every symbol classified by a
provider (type, exchange, sector) and a previous close for each, written straight into the app's
schema. Timed, interleaved, in one run:

- baseline: ``SELECT sector, sum(quantity * price) FROM positions JOIN securities ... GROUP BY 1``
  (what a person's own SQL would do: floats, no currencies, no cash, no day change);
- Clera, the first open after a change (a sync): the book read (every position valued as the
  Accounts view values it, its cents shared out), split by asset class, the health rules, the table,
  the chart and the chosen class's holdings;
- Clera, opening the view again with nothing changed (the book kept; the app also reads it in the
  background after each sync, so this is what a click on "Allocation" costs);
- Clera, another dimension chosen: the split again, in memory.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 20)
SYMBOLS = [f"B{n:04d}" for n in range(300)]
SECTORS = ["Finance", "Technology Services", "Retail Trade", "Energy Minerals", "Health Technology", None]


def build_store(path: Path, accounts: int, seed: int = 7) -> int:
    from clera_desktop.models.engine import Database

    Database(f"sqlite:///{path}").close()  # the app's schema, migrated
    rng = random.Random(seed)
    stamp = "2026-11-20 00:00:00"
    with sqlite3.connect(path) as raw:
        raw.executemany("INSERT INTO accounts (id, provider, provider_account_id, institution, name, currency, is_active,"
                        " connection_type, is_paper, created_at, updated_at) VALUES (?, 'manual', ?, ?, ?, ?, 1,"
                        " 'read', 0, ?, ?)",
                        [(f"bench-{a}", f"b{a}", f"Bank {a % 7}", f"Bench {a}", "CAD" if a % 5 == 0 else "USD", stamp,
                          stamp) for a in range(accounts)])
        raw.executemany("INSERT INTO balances (account_id, currency, cash, as_of) VALUES (?, ?, ?, ?)",
                        [(f"bench-{a}", "CAD" if a % 5 == 0 else "USD", f"{rng.uniform(0, 5000):.2f}", stamp)
                         for a in range(accounts)])
        raw.executemany("INSERT INTO positions (account_id, symbol, security_type, quantity, price, currency, as_of) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [(f"bench-{a}", s, "etf" if int(s[1:]) % 4 == 0 else "equity", str(rng.randint(1, 500)),
                          f"{rng.uniform(5, 900):.4f}", "CAD" if a % 5 == 0 else "USD", stamp)
                         for a in range(accounts) for s in SYMBOLS])
        raw.executemany("INSERT INTO securities (symbol, security_type, exchange, sector, industry, updated_at) "
                        "VALUES (?, ?, ?, ?, NULL, ?)",
                        [(s, "etf" if int(s[1:]) % 4 == 0 else "equity", ("XNAS", "XNYS", "XTSE")[n % 3],
                          SECTORS[n % len(SECTORS)], stamp) for n, s in enumerate(SYMBOLS)])
        raw.executemany("INSERT INTO daily_prices (symbol, date, close, currency, source) VALUES (?, ?, ?, 'USD', 'b')",
                        [(s, (TODAY - timedelta(days=d)).isoformat(), f"{rng.uniform(5, 900):.4f}")
                         for s in SYMBOLS for d in range(1, 6)])
        raw.execute("INSERT INTO fx_rates (base, quote, rate, as_of, source) VALUES ('CAD', 'USD', '0.7155', ?, 'b')",
                    (TODAY.isoformat(),))
    return accounts * len(SYMBOLS)


def plain_group_by(path: Path) -> int:
    with sqlite3.connect(path) as raw:
        return len(raw.execute("SELECT s.sector, sum(CAST(p.quantity AS REAL) * CAST(p.price AS REAL)) FROM positions p "
                               "LEFT JOIN securities s ON s.symbol = p.symbol GROUP BY 1").fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--store", type=Path, help="an existing store instead of building one: the sandbox's "
                        "--scale 100 world as bench/sync_bench.py synced it (it prints the path)")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from clera_desktop.core.changes import Change, ChangeBus, Changes
    from clera_desktop.core.clock import FixedClock
    from clera_desktop.models.engine import Database
    from clera_desktop.portfolio.classification import Dimension
    from clera_desktop.services.allocation import AllocationService
    from clera_desktop.services.health import HealthService
    from clera_desktop.ui.garbage import collect_garbage_on_gui_thread
    from clera_desktop.ui.views.allocation_view import AllocationView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    collect_garbage_on_gui_thread(app)  # as the app collects: on the GUI thread's timer, not mid-read
    if args.store is not None:
        path = args.store
        with sqlite3.connect(path) as raw:
            positions, accounts, symbols = raw.execute(
                "SELECT count(*), count(DISTINCT account_id), count(DISTINCT symbol) FROM positions").fetchone()
        print(f"{positions:,} positions in {accounts} accounts, {symbols} symbols (the store at {path})")
    else:
        path = Path(tempfile.mkdtemp(prefix="clera-allocation-")) / "bench.sqlite"
        began = time.perf_counter()
        positions = build_store(path, args.accounts)
        print(f"{positions:,} positions in {args.accounts} accounts, {len(SYMBOLS)} symbols "
              f"(store built in {time.perf_counter() - began:.1f} s)")
    database = Database(f"sqlite:///{path}")
    clock = FixedClock.on(TODAY)
    bus = ChangeBus()
    allocation = AllocationService(database, lambda: clock, lambda: "USD", bus)
    health = HealthService(database, lambda: clock, allocation, bus)
    view = AllocationView(allocation, health)
    view.resize(1280, 800)
    view.show()
    app.processEvents()

    timings: dict[str, list[float]] = {"baseline": [], "cold": [], "warm": [], "switch": []}
    for _ in range(args.runs):  # interleaved: all see the same machine
        t = time.perf_counter()
        plain_group_by(path)
        timings["baseline"].append(time.perf_counter() - t)
        bus.announce(Changes(Change.POSITIONS))  # what a sync says: the kept book is stale
        view.dimension.setCurrentIndex(view.dimension.findData(Dimension.ASSET_CLASS.value))
        t = time.perf_counter()
        asyncio.run(view.reload())
        app.processEvents()
        timings["cold"].append(time.perf_counter() - t)
        t = time.perf_counter()
        asyncio.run(view.reload())
        app.processEvents()
        timings["warm"].append(time.perf_counter() - t)
        view.dimension.setCurrentIndex(view.dimension.findData(Dimension.SECTOR.value))
        t = time.perf_counter()
        view.show_split()
        app.processEvents()
        timings["switch"].append(time.perf_counter() - t)
    assert view.shown is not None and view.book is not None
    assert args.store is not None or len(view.book.pieces) == positions + args.accounts
    median = {k: statistics.median(v) * 1000 for k, v in timings.items()}
    least = {k: min(v) * 1000 for k, v in timings.items()}
    labels = {"baseline": "baseline: SQL GROUP BY sector over the positions",
              "cold": "Clera: first open after a sync (book read, health, models)",
              "warm": "Clera: opened again, nothing changed (book kept)",
              "switch": "Clera: another dimension chosen (in memory)"}
    print(f"{'':64}{'median ms':>10}{'min ms':>10}")
    for key, label in labels.items():
        print(f"{label:64}{median[key]:>10.0f}{least[key]:>10.0f}")
    print(f"ratios to the GROUP BY: first open {median['cold'] / median['baseline']:.1f}x, opened again "
          f"{median['warm'] / median['baseline']:.1f}x, another dimension {median['switch'] / median['baseline']:.1f}x; "
          f"{args.runs} runs each (goal: the view under 200 ms)")
    print(f"total {view.shown.total:,} USD in {len(view.shown.slices)} classes")
    database.close()


if __name__ == "__main__":
    main()
