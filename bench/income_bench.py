"""The Income view on a million activities, beside a plain SQL GROUP BY of the same payments.

    .venv/bin/python bench/income_bench.py [--runs 3] [--accounts 200]

The store: 200 accounts (one in five in CAD, with a daily CAD->USD rate), 300 positions and 5,000
activities each (a million; a third of them dividends, some interest), the shape of the sandbox's
``--scale 100`` world, written straight into the app's schema. Timed, interleaved, in one run:

- baseline: ``SELECT strftime('%Y-%m', trade_date), sum(amount) ... GROUP BY 1`` over the
  dividends and interest (what a person's own SQL would do: no currencies, no sources);
- Clera: opening the Income view, from the click to the rows in its models and the bars drawn
  (the report read and converted, by month, year and source, the headline): after a sync that
  brought a payment (every payment read again; the app does this in the background after each
  sync), the first time after a start (a new view and service: the report kept in the store), and
  again with nothing changed (the report kept in memory).
"""

from __future__ import annotations

import argparse
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
START = TODAY - timedelta(days=5 * 365)
SYMBOLS = [f"B{n:04d}" for n in range(300)]


def build_store(path: Path, accounts: int, seed: int = 7) -> tuple[int, int]:
    from clera_desktop.models.engine import Database

    Database(f"sqlite:///{path}").close()  # the app's schema, migrated
    rng = random.Random(seed)
    stamp = "2026-11-20 00:00:00"
    span = (TODAY - START).days
    payments = 0
    with sqlite3.connect(path) as raw:
        raw.executemany("INSERT INTO accounts (id, provider, provider_account_id, institution, name, currency, is_active,"
                        " connection_type, is_paper, created_at, updated_at) VALUES (?, 'manual', ?, 'Bench', ?, ?, 1,"
                        " 'read', 0, ?, ?)",
                        [(f"bench-{a}", f"b{a}", f"Bench {a}", "CAD" if a % 5 == 0 else "USD", stamp, stamp)
                         for a in range(accounts)])
        raw.executemany("INSERT INTO positions (account_id, symbol, security_type, quantity, currency, as_of) "
                        "VALUES (?, ?, 'equity', ?, ?, ?)",
                        [(f"bench-{a}", s, str(rng.randint(1, 500)), "CAD" if a % 5 == 0 else "USD", stamp)
                         for a in range(accounts) for s in SYMBOLS])
        raw.executemany("INSERT INTO fx_rates (base, quote, rate, as_of, source) VALUES ('CAD', 'USD', ?, ?, 'bench')",
                        [(f"{0.70 + 0.05 * rng.random():.6f}", (START + timedelta(days=d)).isoformat())
                         for d in range(span + 1)])
        for a in range(accounts):
            currency = "CAD" if a % 5 == 0 else "USD"
            rows = []
            for n in range(5000):
                kind = ("buy", "sell", "dividend")[rng.randrange(3)] if n % 50 else "interest"
                day = (START + timedelta(days=rng.randrange(span))).isoformat()
                symbol = None if kind == "interest" else rng.choice(SYMBOLS)
                amount = f"{rng.uniform(0.5, 90):.2f}" if kind in ("dividend", "interest") else f"{-rng.uniform(10, 900):.2f}"
                tax = f"{float(amount) * 0.15:.2f}" if kind == "dividend" and currency == "CAD" else None
                payments += kind in ("dividend", "interest")
                rows.append((f"bench-{a}", f"a{a}-{n}", kind, day, symbol, amount, tax, currency))
            raw.executemany("INSERT INTO activities (account_id, provider_activity_id, type, trade_date, symbol, amount,"
                            " tax, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return accounts * 5000, payments


def plain_group_by(path: Path) -> int:
    with sqlite3.connect(path) as raw:
        return len(raw.execute("SELECT strftime('%Y-%m', trade_date), sum(amount), sum(tax) FROM activities "
                               "WHERE type IN ('dividend', 'interest') GROUP BY 1").fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--store", type=Path, help="an existing store instead of building one: the sandbox's "
                        "--scale 100 world as bench/sync_bench.py synced it (it prints the path)")
    args = parser.parse_args()

    import asyncio

    from PySide6.QtWidgets import QApplication

    from clera_desktop.core.changes import Change, ChangeBus, Changes
    from clera_desktop.core.clock import FixedClock
    from clera_desktop.models.engine import Database
    from clera_desktop.services.income import IncomeService
    from clera_desktop.ui.views.income_view import IncomeView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if args.store is not None:
        path = args.store
        with sqlite3.connect(path) as raw:
            activities, payments, accounts = raw.execute(
                "SELECT count(*), sum(type IN ('dividend', 'interest') AND trade_date <= ?), count(DISTINCT account_id) "
                "FROM activities", (TODAY.isoformat(),)).fetchone()
            positions = raw.execute("SELECT count(*) FROM positions").fetchone()[0]
        print(f"{activities:,} activities ({payments:,} dividends and interest), {accounts} accounts, "
              f"{positions:,} positions (the store at {path})")
    else:
        path = Path(tempfile.mkdtemp(prefix="clera-income-")) / "bench.sqlite"
        began = time.perf_counter()
        activities, payments = build_store(path, args.accounts)
        print(f"{activities:,} activities ({payments:,} dividends and interest), {args.accounts} accounts, "
              f"{args.accounts * len(SYMBOLS):,} positions (store built in {time.perf_counter() - began:.0f} s)")
    database = Database(f"sqlite:///{path}")
    clock = FixedClock.on(TODAY)

    def opened(view: IncomeView) -> float:
        began = time.perf_counter()
        asyncio.run(view.reload())
        app.processEvents()
        return time.perf_counter() - began

    def income_view(bus: ChangeBus) -> IncomeView:
        view = IncomeView(IncomeService(database, lambda: clock, lambda: "USD", bus))
        view.resize(1280, 800)
        view.show()
        app.processEvents()
        return view

    bus = ChangeBus()
    view = income_view(bus)
    changed: list[float] = []
    started: list[float] = []
    theirs: list[float] = []
    again: list[float] = []
    for run in range(args.runs):  # interleaved: both see the same machine
        t = time.perf_counter()
        plain_group_by(path)
        theirs.append(time.perf_counter() - t)
        with sqlite3.connect(path) as raw:  # a sync brought one more dividend: every payment is read again
            raw.execute("INSERT INTO activities (account_id, provider_activity_id, type, trade_date, symbol, amount, "
                        "currency) VALUES ('bench-1', ?, 'dividend', ?, 'B0001', '1.23', 'USD')",
                        (f"bench-more-{run}-{time.time_ns()}", TODAY.isoformat()))
        bus.announce(Changes(Change.ACTIVITIES))
        changed.append(opened(view))
        asyncio.run(database.write(lambda s: None))  # the report kept in the store is written by now
        started.append(opened(income_view(ChangeBus())))  # as a new start: nothing kept in memory
        again.append(opened(view))
    assert view.report is not None and (args.store is not None or view.report.payments >= payments)
    base = statistics.median(theirs)
    print(f"{'':52}{'median ms':>10}{'min ms':>10}")
    for label, times in (("baseline: SQL GROUP BY month over the payments", theirs),
                         ("Clera: opened after a sync brought a payment", changed),
                         ("Clera: opened first after a start (kept in store)", started),
                         ("Clera: opened again, nothing changed (kept)", again)):
        print(f"{label:52}{statistics.median(times) * 1000:>10.0f}{min(times) * 1000:>10.0f}")
    print(f"ratios to the GROUP BY: after a sync {statistics.median(changed) / base:.2f}x, first after a start "
          f"{statistics.median(started) / base:.2f}x, again {statistics.median(again) / base:.2f}x; {args.runs} runs "
          "each (goal: the view under 200 ms)")
    database.close()


if __name__ == "__main__":
    main()
