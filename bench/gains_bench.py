"""Lots and realised gains: 200,000 activities over 500 symbols in 10 accounts, beside a plain FIFO.

    .venv/bin/python bench/gains_bench.py [--runs 3]

1. Replay: every account's lots and realised gains (``build_lots`` FIFO, then ``realised_gains``
   with terms and base-currency figures) beside a plain Python FIFO of the same activities (a
   deque of [shares, cost] per symbol, Decimal, realised total only), in the same run. Both totals
   must agree to the cent.
2. The Gains view on that data: the activities in a SQLite store, then what opening the view does
   (the report for one tax year read from the store, replayed, and set into the view's model),
   timed from the click to the rows being in the model (the paint after is Qt's, the same for
   every view).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict, deque
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from clera_desktop.models.enums import ActivityType as T  # noqa: E402
from clera_desktop.portfolio.gains import AccountLots, realised_gains  # noqa: E402
from clera_desktop.portfolio.history import ActivityRecord, cash_effect  # noqa: E402
from clera_desktop.portfolio.lots import LotMethod, build_lots  # noqa: E402

END = date(2026, 11, 20)
START = END - timedelta(days=5 * 365)
SYMBOLS = [f"S{n:03d}" for n in range(500)]
ACCOUNTS = [f"bench-{n}" for n in range(10)]


def world(seed: int = 5, activities: int = 200_000) -> dict[str, list[ActivityRecord]]:
    rng = random.Random(seed)
    by_account: dict[str, list[ActivityRecord]] = {a: [] for a in ACCOUNTS}
    held: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    span = (END - START).days
    days = sorted(START + timedelta(days=rng.randrange(span)) for _ in range(activities))
    for n, day in enumerate(days):
        account, symbol = rng.choice(ACCOUNTS), rng.choice(SYMBOLS)
        price = Decimal(f"{rng.uniform(10, 400):.2f}")
        fee = Decimal(rng.choice(["0", "0", "1.00", "4.95"]))
        have = held[(account, symbol)]
        if have >= 2 and rng.random() < 0.4:
            quantity = Decimal(rng.randint(1, int(have)))
            kind = T.SELL
            held[(account, symbol)] -= quantity
        else:
            quantity = Decimal(rng.randint(1, 50))
            kind = T.BUY
            held[(account, symbol)] += quantity
        by_account[account].append(ActivityRecord(day, kind, symbol, quantity, price, None, fee, id=n))
    return by_account


def plain_fifo(records: list[ActivityRecord]) -> Decimal:
    """The baseline: FIFO with a deque per symbol, Decimal, the realised total and nothing else."""
    lots: dict[str, deque[list[Decimal]]] = defaultdict(deque)
    realised = Decimal(0)
    for r in sorted(records, key=lambda r: r.day):
        assert r.symbol is not None and r.quantity is not None
        if r.type is T.BUY:
            lots[r.symbol].append([r.quantity, -cash_effect(r)])
            continue
        proceeds, left, cost = cash_effect(r), r.quantity, Decimal(0)
        queue = lots[r.symbol]
        while left:
            shares, lot_cost = queue[0]
            taken = min(shares, left)
            part = lot_cost * taken / shares
            cost += part
            left -= taken
            if taken == shares:
                queue.popleft()
            else:
                queue[0] = [shares - taken, lot_cost - part]
        realised += proceeds - cost
    return realised


def replay(by_account: dict[str, list[ActivityRecord]]) -> Decimal:
    books = [AccountLots(a, a, "USD", LotMethod.FIFO, build_lots(records)) for a, records in by_account.items()]
    report = realised_gains(books, "USD", START, END, lambda *_: None)
    return sum((line.gain or Decimal(0) for line in report.lines), Decimal(0))


def timed(work, runs: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def store(by_account: dict[str, list[ActivityRecord]], folder: Path):  # type: ignore[no-untyped-def]
    from clera_desktop.models.engine import Database
    from clera_desktop.models.enums import ConnectionType, Provider
    from clera_desktop.models.tables import Account, Activity

    database = Database(f"sqlite:///{folder / 'bench.sqlite'}")
    now = datetime(2026, 11, 20, tzinfo=UTC)

    def write(session) -> None:  # type: ignore[no-untyped-def]
        for account in by_account:
            session.add(Account(id=account, provider=Provider.MANUAL, provider_account_id=account, institution="Bench",
                                name=account, currency="USD", connection_type=ConnectionType.READ, created_at=now,
                                updated_at=now))
        session.flush()
        session.execute(Activity.__table__.insert(), [
            {"account_id": account, "provider_activity_id": f"{account}-{r.id}", "type": r.type, "trade_date": r.day,
             "symbol": r.symbol, "quantity": r.quantity, "price": r.price, "amount": cash_effect(r), "fee": r.fee,
             "currency": "USD"} for account, records in by_account.items() for r in records])

    database.write_sync(write)
    return database


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    by_account = world()
    count = sum(len(r) for r in by_account.values())
    sales = sum(1 for rs in by_account.values() for r in rs if r.type is T.SELL)
    print(f"{count:,} activities ({sales:,} sales), {len(SYMBOLS)} symbols, {len(ACCOUNTS)} accounts")

    plain_seconds, plain_total = timed(lambda: sum((plain_fifo(r) for r in by_account.values()), Decimal(0)), args.runs)
    lots_seconds, _ = timed(lambda: [build_lots(r) for r in by_account.values()], args.runs)
    clera_seconds, clera_total = timed(lambda: replay(by_account), args.runs)
    print(f"plain Python FIFO (realised total only):               {plain_seconds * 1000:8.0f} ms")
    print(f"Clera lots and realised parts (build_lots, FIFO):       {lots_seconds * 1000:8.0f} ms  "
          f"({lots_seconds / plain_seconds:.2f}x the plain FIFO)")
    print(f"  + every part as a report line (term, base, cents):   {clera_seconds * 1000:8.0f} ms  "
          f"({clera_seconds / plain_seconds:.2f}x the plain FIFO)")
    assert isinstance(plain_total, Decimal) and isinstance(clera_total, Decimal)
    print(f"realised totals: plain {plain_total:.2f}, Clera {clera_total:.2f}, "
          f"difference {abs(plain_total - clera_total):.2f}")

    from PySide6.QtWidgets import QApplication

    from clera_desktop.services.gains_store import GainsCache
    from clera_desktop.ui.item_models.table_model import RowsTableModel
    from clera_desktop.ui.views.gains_view import gain_columns

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        database = store(by_account, Path(folder))
        model = RowsTableModel(gain_columns("USD"))
        cache = GainsCache()

        def open_view(year: int) -> int:
            report = database.read_sync(lambda s: cache.report(s, "USD", date(year, 1, 1), date(year, 12, 31)))
            model.set_rows(report.lines)
            return len(report.lines)

        year = END.year - 1
        cold = []
        for _ in range(args.runs):
            cache.clear()
            started = time.perf_counter()
            lines = open_view(year)
            cold.append(time.perf_counter() - started)
        warm, _ = timed(lambda: open_view(year), args.runs)
        cache.clear()
        open_view(year)
        other, other_lines = timed(lambda: (cache._reports.clear(), open_view(year - 1))[1], args.runs)
        print(f"Gains view, tax year {year} ({lines:,} sale parts), from the store to the model's rows:")
        print(f"  first open (every activity read and replayed): {statistics.median(cold) * 1000:6.0f} ms")
        print(f"  opened again (lots and report kept):           {warm * 1000:6.0f} ms")
        print(f"  another year ({other_lines:,} parts; lots kept):       {other * 1000:6.0f} ms")
        database.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
