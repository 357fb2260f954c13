"""Run the whole test suite under conditions a single run does not see: other days, a busy machine.

    python -m tests.run_suite --calendar              # the tests marked `day` on five days that break date code (.ci/run)
    python -m tests.run_suite --dates 2027-01-02,...  # days of your choosing
    python -m tests.run_suite --busy 2 --runs 3       # three runs beside two CPU-bound processes

Each run is a fresh ``pytest`` process with ``CLERA_TODAY`` set (tests/clock.py), so the sandbox's
world, the app's clock and every child process play that day. One line per run; the exit status
is 1 if any run failed. Arguments after ``--`` go to pytest.

The calendar run takes the tests marked ``day`` (their outcome depends on the calendar position of the
day: ranges, tax years, weekends, market hours); what the demo world itself holds on each day is
walked over 400+ days by tests/sandbox/test_world_every_day.py in every run. ``--all`` takes every test.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta

from clera_desktop.core.clock import ENVIRONMENT_VARIABLE, SystemClock


def calendar(today: date) -> list[date]:
    """The days date code gets wrong: a Saturday, a year's last day, a leap day, the day US clocks
    go forward (2027-03-14), and two years ahead."""
    saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    return [saturday, date(today.year, 12, 31), date(2028, 2, 29), date(2027, 3, 14), today + timedelta(days=730)]


@contextmanager
def busy_processes(count: int) -> Iterator[None]:
    """``count`` processes that spin on a CPU until the block ends (a shared CI machine)."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def run_pytest(pytest_args: Sequence[str], day: date | None) -> tuple[bool, str, float]:
    environment = dict(os.environ)
    if day is not None:
        environment[ENVIRONMENT_VARIABLE] = day.isoformat()
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *pytest_args],
                            env=environment, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    summary = next((line for line in reversed(result.stdout.splitlines()) if re.search(r"\d+ (passed|failed)", line)),
                   f"pytest exited with {result.returncode}")
    if result.returncode != 0:
        failures = [line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
        summary += "".join(f"\n    {line}" for line in failures) or "\n" + result.stdout[-3000:] + result.stderr[-2000:]
    return result.returncode == 0, summary.strip("= "), elapsed


def main(argv: Sequence[str] | None = None) -> int:
    raw = list(sys.argv[1:] if argv is None else argv)
    pytest_args = raw[raw.index("--") + 1:] if "--" in raw else []
    own = raw[:raw.index("--")] if "--" in raw else raw
    parser = argparse.ArgumentParser(prog="python -m tests.run_suite", description=__doc__.split("\n\n")[0])
    parser.add_argument("--calendar", action="store_true", help="the five days of calendar()")
    parser.add_argument("--dates", type=lambda text: [date.fromisoformat(d) for d in text.split(",")], default=[],
                        help="comma-separated days (YYYY-MM-DD)")
    parser.add_argument("--busy", type=int, default=0, help="CPU-bound processes running beside the suite")
    parser.add_argument("--runs", type=int, default=1, help="runs per day (default 1)")
    parser.add_argument("--all", action="store_true", help="with --calendar: every test, not only those marked day")
    args = parser.parse_args(own)
    if args.calendar and not args.all:
        pytest_args = ["-m", "day", *pytest_args]
    days: list[date | None] = [*args.dates, *(calendar(SystemClock().today()) if args.calendar else [])] or [None]
    failed = 0
    with busy_processes(args.busy):
        for day in days:
            for run in range(1, args.runs + 1):
                ok, summary, elapsed = run_pytest(pytest_args, day)
                failed += not ok
                label = f"{ENVIRONMENT_VARIABLE}={day.isoformat()} ({day:%A})" if day else "today"
                extra = f", run {run}/{args.runs}" if args.runs > 1 else ""
                busy = f", {args.busy} busy processes" if args.busy else ""
                print(f"{label}{extra}{busy}: {summary} [{elapsed:.0f} s]", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
