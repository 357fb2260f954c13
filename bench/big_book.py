"""A power user's book, timed through the command line a person would use.

    .venv/bin/python bench/big_book.py                       # 2,000 and 10,000 activities, 500 securities, 8 years
    .venv/bin/python bench/big_book.py --activities 2000 --years 2   # a quicker look

Its own seeded generator writes three CSV files per book: daily closes of ``--securities`` US
securities over ``--years`` years of business days, and ``--activities`` activities across ten
manual accounts (deposits funding buys, sales of what is held, dividends, withdrawals of what the
sales brought). Each book is imported into a fresh data folder, and each command runs in a fresh
process (``python -m clera_desktop``), as a person would run it:

- ``import prices`` and ``import activities`` (the history built once, at the end of the import);
- ``report --json`` (three runs), ``report gains --year`` (one), ``report allocation`` (one);
- one more activity imported, then ``report --json`` again;
- the window (bench/big_book_window.py): each view's first and second open, one more activity
  until every view has redrawn, closing it.

Beside them, the baseline: the same end value worked out by plain SQL and numpy from the same
store (the last close of every held symbol times its shares, plus cash), timed in this process.
Prints a table; the figures are the median of the runs.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from clera_desktop.sandbox.market import business_days  # noqa: E402 - after the checkout is on the path

AS_OF = date(2026, 12, 7)
ACCOUNTS = tuple(f"Account {n:02d}" for n in range(1, 11))
PER_FILE = 400_000


def closes(securities: int, years: int, seed: int) -> tuple[list[str], list[date], dict[str, list[Decimal]]]:
    rng = random.Random(seed)
    days = business_days(AS_OF - timedelta(days=365 * years), AS_OF - timedelta(days=1))
    symbols = [f"S{n:03d}" for n in range(1, securities + 1)]
    series = {}
    for symbol in symbols:
        price, path = rng.uniform(20, 300), []
        for _ in days:
            price *= 1 + rng.gauss(0.0003, 0.015)
            path.append(Decimal(f"{max(price, 1):.2f}"))
        series[symbol] = path
    return symbols, days, series


def write_prices(folder: Path, name: str, symbols: list[str], days: list[date],
                 series: dict[str, list[Decimal]]) -> tuple[list[Path], int]:
    """The closes in files of at most PER_FILE lines (an import takes half a million at most, so
    eight years of 500 securities are three files, as a person would export them)."""
    per_file = max(1, PER_FILE // len(days))
    iso = [d.isoformat() for d in days]
    paths = []
    for n in range(0, len(symbols), per_file):
        path = folder / f"{name}-{n // per_file + 1}.csv"
        with path.open("w", encoding="utf-8") as out:
            out.write("symbol,date,close,currency\n")
            for symbol in symbols[n:n + per_file]:
                out.writelines(f"{symbol},{day},{close},USD\n" for day, close in zip(iso, series[symbol], strict=True))
        paths.append(path)
    return paths, len(symbols) * len(days)


def write_activities(path: Path, count: int, symbols: list[str], days: list[date], series: dict[str, list[Decimal]],
                     seed: int) -> list[str]:
    """``count`` lines: each account's buys funded by a deposit the same day, sales of what it holds
    (their proceeds withdrawn), and now and then a dividend. Returns the lines (without the header)."""
    rng = random.Random(seed + count)
    held: dict[tuple[str, str], int] = {}
    index = {d: n for n, d in enumerate(days)}
    lines: list[str] = []
    # in the order of the days, once (a day may come up more than once): a sale only ever takes
    # shares bought before it, so every lot's cost is known, as in a real record
    picks = sorted(rng.choices(range(len(days)), k=count))
    while len(lines) < count:
        for n in picks:
            if len(lines) >= count:
                break
            day = days[n]
            account = rng.choice(ACCOUNTS)
            owned = [s for (a, s), q in held.items() if a == account and q > 0]
            roll = rng.random()
            if owned and roll < 0.25:
                symbol = rng.choice(owned)
                shares = rng.randint(1, held[(account, symbol)])
                price = series[symbol][index[day]]
                held[(account, symbol)] -= shares
                lines.append(f"{day},{account},SELL,{symbol},{shares},{price},,1,USD")
                lines.append(f"{day},{account},WITHDRAWAL,,,,{shares * price - 1},,USD")
            elif owned and roll < 0.35:
                symbol = rng.choice(owned)
                lines.append(f"{day},{account},DIVIDEND,{symbol},,,{Decimal(rng.randint(100, 5000)) / 100},,USD")
            else:
                symbol = rng.choice(symbols)
                shares = rng.randint(1, 50)
                price = series[symbol][index[day]]
                lines.append(f"{day},{account},DEPOSIT,,,,{shares * price + 1},,USD")
                lines.append(f"{day},{account},BUY,{symbol},{shares},{price},,1,USD")
                held[(account, symbol)] = held.get((account, symbol), 0) + shares
    lines = lines[:count]
    path.write_text("date,account,type,symbol,quantity,price,amount,fee,currency\n" + "\n".join(lines) + "\n",
                    encoding="utf-8")
    return lines


def clera(data: Path, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "clera_desktop", *args, "--data-dir", str(data),
                           "--as-of", AS_OF.isoformat()], capture_output=True, text=True, cwd=ROOT, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"clera-desktop {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return seconds, done.stdout


def window_figures(data: Path, one_more: Path) -> dict[str, float]:
    """The window's figures on the book (bench/big_book_window.py, offscreen, a process of its own)."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "big_book_window.py"), str(data), AS_OF.isoformat(),
                           str(one_more)], capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"the window bench failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def baseline_end_value(store: Path) -> tuple[float, Decimal]:
    """The portfolio's value today by plain SQL: shares held (activities) x last close, plus cash."""
    started = time.perf_counter()
    with sqlite3.connect(store) as raw:
        shares = raw.execute("""
            SELECT symbol, sum(CASE type WHEN 'buy' THEN CAST(quantity AS REAL) WHEN 'sell' THEN -CAST(quantity AS REAL)
                                        ELSE 0 END)
            FROM activities WHERE symbol IS NOT NULL GROUP BY symbol""").fetchall()
        last = dict(raw.execute("""
            SELECT symbol, close FROM daily_prices p
            WHERE date = (SELECT max(date) FROM daily_prices q WHERE q.symbol = p.symbol)""").fetchall())
        cash = raw.execute("SELECT sum(CAST(cash AS REAL)) FROM balances").fetchone()[0] or 0.0
    value = sum(q * float(last[s]) for s, q in shares if q and s in last) + cash
    return time.perf_counter() - started, Decimal(f"{value:.2f}")


def one_book(count: int, args: argparse.Namespace, folder: Path) -> dict[str, str]:
    symbols, days, series = closes(args.securities, args.years, args.seed)
    activities_csv = folder / f"activities-{count}.csv"
    price_files, rows = write_prices(folder, f"prices-{count}", symbols, days, series)
    write_activities(activities_csv, count, symbols, days, series, args.seed)
    data = folder / f"book-{count}"
    result: dict[str, str] = {"closes": f"{rows:,} in {len(price_files)} files"}
    seconds = sum(clera(data, "import", "prices", str(path))[0] for path in price_files)
    result["import prices"] = f"{seconds:.1f} s"
    seconds, _ = clera(data, "import", "activities", str(activities_csv))
    result["import activities"] = f"{seconds:.1f} s"
    runs = [clera(data, "report", "--json") for _ in range(args.runs)]
    result["report --json"] = f"{statistics.median(s for s, _ in runs):.2f} s"
    seconds, _ = clera(data, "report", "gains", "--year", str(AS_OF.year - 2), "--json")
    result["report gains --year"] = f"{seconds:.2f} s"
    seconds, _ = clera(data, "report", "allocation")
    result["report allocation"] = f"{seconds:.2f} s"
    one_more = folder / f"one-more-{count}.csv"
    one_more.write_text(f"date,account,type,symbol,quantity,price,amount,fee,currency\n"
                        f"{days[-1]},{ACCOUNTS[0]},DEPOSIT,,,,1234.56,,USD\n", encoding="utf-8")
    seconds, _ = clera(data, "import", "activities", str(one_more))
    after, latest = clera(data, "report", "--json")
    result["one more activity: import"] = f"{seconds:.2f} s"
    result["... then report --json"] = f"{after:.2f} s"
    start_up, _ = clera(data, "info")
    result["a bare command (info)"] = f"{start_up:.2f} s"
    baseline, value = baseline_end_value(data / "clera.sqlite")
    result["baseline: end value by SQL"] = f"{baseline:.3f} s"
    reported = json.loads(latest)["total"]["end_value"]
    result["end value (report / SQL)"] = f"{reported} / {value}"
    window = folder / f"one-more-window-{count}.csv"  # after the comparison: it adds one more activity
    window.write_text(f"date,account,type,symbol,quantity,price,amount,fee,currency\n"
                      f"{days[-1]},{ACCOUNTS[1]},DEPOSIT,,,,4321.09,,USD\n", encoding="utf-8")
    for key, seconds in window_figures(data, window).items():
        result[f"window: {key}"] = f"{seconds:.2f} s"
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--securities", type=int, default=500)
    parser.add_argument("--years", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="clera-big-book-"))
    print(f"books in {folder}: {args.securities} securities, {args.years} years of closes", flush=True)
    results = {}
    for count in args.activities:
        print(f"  {count:,} activities ...", flush=True)
        results[count] = one_book(count, args, folder)
    keys = list(next(iter(results.values())))
    print()
    print(f"{'':44}" + "".join(f"{f'{c:,} activities':>26}" for c in results))
    for key in keys:
        print(f"{key:44}" + "".join(f"{results[c][key]:>26}" for c in results))


if __name__ == "__main__":
    main()
