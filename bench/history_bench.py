"""History rebuild: 10 years x 500 symbols x 200,000 activities, beside plain numpy, and the report.

    .venv/bin/python bench/history_bench.py [--runs 3]

Both sides start from the same loaded inputs (activities as records with Decimals, closes as
(date, Decimal) lists per symbol: what the store hands over) and produce the same daily values:
- baseline: a plain numpy computation (records -> arrays, bincount + cumsum holdings, carried-
  forward closes, one product per day), no splits, anchors, flows or exact cents;
- Clera: ``activity_columns`` + ``rebuild_account`` anchored to the final positions and cash
  (split handling, anchors, flows, income, exact cents). The generated world has no splits.
The two value series are compared (largest difference, in cents). Then the report (TWR, XIRR,
gain, income) is timed over the stored daily snapshots, whole range and one year.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clera_desktop.models.enums import ActivityType as T  # noqa: E402
from clera_desktop.portfolio.history import ActivityRecord, PriceTable, activity_columns, rebuild_account  # noqa: E402
from clera_desktop.portfolio.rates import RateBook  # noqa: E402

END = date(2026, 11, 20)
START = END - timedelta(days=3652)
SYMBOLS = [f"S{n:03d}" for n in range(500)]


Anchors = tuple[dict[str, Decimal], Decimal]


def world(seed: int = 11, activities: int = 200_000) -> tuple[list[ActivityRecord], PriceTable, Anchors]:
    rng = random.Random(seed)
    days = [START + timedelta(days=i) for i in range(3653)]
    trading_days = [d for d in days if d.weekday() < 5]
    closes: dict[str, list[tuple[date, Decimal]]] = {}
    price_now: dict[str, float] = {}
    for symbol in SYMBOLS:
        price = rng.uniform(10, 400)
        series = []
        for d in trading_days:
            price = max(1.0, price * (1 + rng.gauss(0.0003, 0.015)))
            series.append((d, Decimal(f"{price:.2f}")))
        closes[symbol] = series
        price_now[symbol] = price
    close_on = {s: dict(rows) for s, rows in closes.items()}
    records: list[ActivityRecord] = [ActivityRecord(START, T.DEPOSIT, None, None, None, Decimal(5_000_000), None)]
    held: dict[str, Decimal] = {}
    for n in range(activities - 1):
        d = trading_days[int(n * len(trading_days) / activities)]
        roll = rng.random()
        symbol = rng.choice(SYMBOLS)
        price = close_on[symbol][d]
        if roll < 0.42 or not held:
            q = Decimal(rng.randint(1, 40))
            records.append(ActivityRecord(d, T.BUY, symbol, q, price, -(q * price) - Decimal("0.99"), Decimal("0.99")))
            held[symbol] = held.get(symbol, Decimal(0)) + q
        elif roll < 0.72:
            symbol = rng.choice(list(held))
            price = close_on[symbol][d]
            q = min(held[symbol], Decimal(rng.randint(1, 40)))
            records.append(ActivityRecord(d, T.SELL, symbol, q, price, q * price - Decimal("0.99"), Decimal("0.99")))
            held[symbol] -= q
            if not held[symbol]:
                del held[symbol]
        elif roll < 0.87:
            symbol = rng.choice(list(held))
            records.append(ActivityRecord(d, T.DIVIDEND, symbol, None, None, Decimal(rng.randint(100, 9999)) / 100, None))
        elif roll < 0.92:
            records.append(ActivityRecord(d, T.INTEREST, None, None, None, Decimal(rng.randint(1, 999)) / 100, None))
        elif roll < 0.96:
            records.append(ActivityRecord(d, T.DEPOSIT, None, None, None, Decimal(rng.randint(100, 20000)), None))
        elif roll < 0.98:
            records.append(ActivityRecord(d, T.WITHDRAWAL, None, None, None, -Decimal(rng.randint(100, 5000)), None))
        else:
            records.append(ActivityRecord(d, T.FEE, None, None, None, -Decimal(rng.randint(100, 2000)) / 100, None))
    cash = sum((r.amount or Decimal(0) for r in records), Decimal(0))
    return records, PriceTable(closes, dict.fromkeys(SYMBOLS, "USD")), (dict(held), cash)


no_fx = RateBook([])  # one currency: nothing to convert


def clera(records: list[ActivityRecord], prices: PriceTable, anchors: Anchors):  # type: ignore[no-untyped-def]
    """As the store runs it: anchored to the synced positions and cash (which the activities explain)."""
    symbols = sorted({r.symbol for r in records if r.symbol} | set(anchors[0]))
    columns = activity_columns(records, START, {s: i for i, s in enumerate(symbols)}, (END - START).days + 1)
    return rebuild_account("bench", "USD", records, prices, no_fx, start=START, end=END, columns=columns,
                           anchor_positions=anchors[0], anchor_cash=anchors[1])


def plain_numpy(records: list[ActivityRecord], prices: PriceTable) -> np.ndarray:
    """The same daily values, the plainest way numpy allows."""
    symbols = sorted(prices.closes)
    column = {s: i for i, s in enumerate(symbols)}
    n_days, n_cols = (END - START).days + 1, len(symbols)
    sign = {T.BUY: 1.0, T.SELL: -1.0}
    day = np.fromiter(((r.day - START).days for r in records), dtype=np.int64, count=len(records))
    col = np.fromiter((column.get(r.symbol, 0) for r in records), dtype=np.int64, count=len(records))  # type: ignore[arg-type]
    qty = np.fromiter((sign.get(r.type, 0.0) * float(r.quantity or 0) for r in records), dtype=np.float64, count=len(records))
    cash = np.fromiter((float(r.amount or 0) for r in records), dtype=np.float64, count=len(records))
    holdings = np.cumsum(np.bincount(day * n_cols + col, weights=qty, minlength=n_days * n_cols).reshape(n_days, n_cols), axis=0)
    matrix = np.full((n_days, n_cols), np.nan)
    for n, symbol in enumerate(symbols):
        rows = prices.closes[symbol]
        matrix[np.fromiter(((d - START).days for d, _ in rows), dtype=np.int64, count=len(rows)), n] = \
            np.fromiter((float(c) for _, c in rows), dtype=np.float64, count=len(rows))
    index = np.where(~np.isnan(matrix), np.arange(n_days)[:, None], 0)
    np.maximum.accumulate(index, axis=0, out=index)
    filled = np.nan_to_num(matrix[index, np.arange(n_cols)])
    return (holdings * filled).sum(axis=1) + np.cumsum(np.bincount(day, weights=cash, minlength=n_days))


def report_time(history) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from clera_desktop.models.engine import Database
    from clera_desktop.models.enums import ConnectionType, Provider
    from clera_desktop.models.tables import Account, PortfolioSnapshot
    from clera_desktop.models.upserts import upsert_rows
    from clera_desktop.services.history import build_report

    folder = Path(tempfile.mkdtemp(prefix="clera-history-"))
    database = Database(f"sqlite:///{folder / 'bench.sqlite'}")
    now = datetime.now(UTC)

    def store(session):  # type: ignore[no-untyped-def]
        session.add(Account(id="manual_bench", provider=Provider.MANUAL, provider_account_id="bench", institution="Manual",
                            name="Bench", currency="USD", connection_type=ConnectionType.READ, created_at=now, updated_at=now))
        session.flush()
        upsert_rows(session, PortfolioSnapshot, [
            {"account_id": "manual_bench", "date": d, "value": v, "cash": c, "currency": "USD", "net_flow": f, "income": i}
            for d, v, c, f, i in zip(history.days, history.value, history.cash, history.flows, history.income, strict=True)
        ], ["account_id", "date"], ignore=())

    database.write_sync(store)
    timings = []
    for start in (None, END - timedelta(days=365)):
        began = time.perf_counter()
        report = database.read_sync(lambda s, f=start: build_report(s, "USD", None, f, None, today=END))
        timings.append(time.perf_counter() - began)
        assert report.total.twr is not None
    database.close()
    return timings[0], timings[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    began = time.perf_counter()
    records, prices, anchors = world()
    print(f"inputs: {len(records):,} activities, {len(SYMBOLS)} symbols, {(END - START).days + 1:,} days, "
          f"{sum(len(v) for v in prices.closes.values()):,} closes (built in {time.perf_counter() - began:.1f} s)")
    ours, theirs = [], []
    history = None
    for _ in range(args.runs):  # interleaved, so both see the same machine
        t = time.perf_counter()
        baseline_values = plain_numpy(records, prices)
        theirs.append(time.perf_counter() - t)
        t = time.perf_counter()
        history = clera(records, prices, anchors)
        ours.append(time.perf_counter() - t)
    assert history is not None and history.adjustments == []
    ours_cents = np.array([int(v * 100) for v in history.value], dtype=np.int64)
    difference = np.abs(ours_cents - np.round(baseline_values * 100).astype(np.int64)).max()
    mine, base = statistics.median(ours), statistics.median(theirs)
    print(f"{'':48}{'median s':>10}{'min s':>10}")
    print(f"{'baseline: plain numpy daily values':48}{base:>10.3f}{min(theirs):>10.3f}")
    print(f"{'Clera: rebuild (splits, anchors, flows, cents)':48}{mine:>10.3f}{min(ours):>10.3f}")
    print(f"ratio: {mine / base:.2f}x the plain numpy computation (goal <= 2x), {args.runs} runs each")
    print(f"largest difference between the two daily value series: {difference} cent(s); last value "
          f"{history.value[-1]:,} USD")
    whole, year = report_time(history)
    print(f"report over the stored snapshots: whole range {whole * 1000:.0f} ms, last year {year * 1000:.0f} ms (goal < 1 s)")


if __name__ == "__main__":
    main()
