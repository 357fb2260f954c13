"""The one clock: fixed days read the same everywhere, and nothing else reads the calendar."""

from __future__ import annotations

import ast
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

import clera_desktop
from clera_desktop.core.clock import MARKET_ZONE, FixedClock, SystemClock, clock_from, parse_as_of
from clera_desktop.core.settings import load_settings
from clera_desktop.trading.service import nyse_regular_session_open

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)

PACKAGE = Path(clera_desktop.__file__).parent
#: Calls that read the operating system's calendar clock. Durations (time.monotonic,
#: perf_counter) are not calendar time and stay allowed.
CALENDAR_READS = {
    ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"),
    ("time", "time"), ("time", "time_ns"), ("time", "localtime"), ("time", "gmtime"), ("time", "ctime"),
    ("QDate", "currentDate"), ("QDateTime", "currentDateTime"), ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentMSecsSinceEpoch"), ("QDateTime", "currentSecsSinceEpoch"), ("QTime", "currentTime"),
}
THE_CLOCK = PACKAGE / "core" / "clock.py"


def _calendar_reads(path: Path, root: Path = PACKAGE.parent) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else owner.id if isinstance(owner, ast.Name) else None
            if (name, node.func.attr) in CALENDAR_READS:
                found.append(f"{path.relative_to(root)}:{node.lineno} {name}.{node.func.attr}()")
    return found


def test_nothing_but_the_clock_reads_the_calendar() -> None:
    reads = [r for path in sorted(PACKAGE.rglob("*.py")) if path != THE_CLOCK for r in _calendar_reads(path)]
    assert reads == [], "ask core.clock's Clock instead:\n" + "\n".join(reads)


def test_the_grep_would_catch_a_calendar_read(tmp_path: Path) -> None:
    sample = tmp_path / "probe.py"
    sample.write_text("import datetime as dt\nfrom datetime import date\nx = date.today()\ny = dt.datetime.now()\n")
    assert [r.split()[-1] for r in _calendar_reads(sample, tmp_path)] == ["date.today()", "datetime.now()"]


def test_a_day_is_noon_in_new_york_and_the_same_day_everywhere() -> None:
    clock = parse_as_of("2027-03-14")  # US clocks go forward at 02:00 that morning
    assert clock.today() == clock.market_today() == date(2027, 3, 14)
    assert clock.market_now().hour == 12 and clock.market_now().utcoffset() == timedelta(hours=-4)
    assert clock.now().tzinfo is UTC and clock.now().hour == 16
    assert clock.fixed and not SystemClock().fixed


def test_a_fixed_clock_runs_on_from_its_start() -> None:
    ticks = iter([100.0, 100.0, 160.5])
    clock = FixedClock(datetime(2028, 2, 29, 23, 59, tzinfo=MARKET_ZONE), monotonic=lambda: next(ticks))
    assert clock.today() == date(2028, 2, 29)
    assert clock.today() == date(2028, 3, 1), "a minute and a half later it is the next day"


def test_a_moment_keeps_its_zone_and_a_naive_one_means_new_york() -> None:
    tokyo = parse_as_of("2026-12-31T23:30+09:00")
    assert tokyo.today() == date(2026, 12, 31) and tokyo.market_today() == date(2026, 12, 31)
    assert tokyo.now().astimezone(MARKET_ZONE).hour == 9
    naive = parse_as_of("2026-12-31T09:45")
    assert naive.market_now().hour == 9 and naive.market_now().minute == 45


def test_a_child_process_continues_the_same_clock() -> None:
    clock = parse_as_of("2028-02-29T15:00-05:00")
    child = parse_as_of(clock.as_of_argument() or "")
    assert child.today() == clock.today() == date(2028, 2, 29)
    assert abs((child.now() - clock.now()).total_seconds()) < 1
    assert SystemClock().as_of_argument() is None


def test_as_of_beats_the_environment_and_nonsense_is_refused() -> None:
    assert clock_from(None, {}).fixed is False
    assert clock_from(None, {"CLERA_TODAY": "2027-12-31"}).today() == date(2027, 12, 31)
    assert clock_from("2026-11-21", {"CLERA_TODAY": "2027-12-31"}).today() == date(2026, 11, 21)
    with pytest.raises(ValueError, match="is not a day"):
        parse_as_of("next tuesday")
    settings = load_settings(data_dir=Path("x"), environ={"CLERA_TODAY": "2027-03-14"})
    assert settings.clock.today() == date(2027, 3, 14)


@pytest.mark.parametrize(("moment", "is_open"), [
    ("2027-03-12T09:29-05:00", False),  # Friday before the change: EST
    ("2027-03-12T09:30-05:00", True),
    ("2027-03-15T09:30-04:00", True),  # Monday after: EDT, 13:30 UTC
    ("2027-03-15T13:29+00:00", False),  # 09:29 in New York
    ("2027-03-13T12:00-05:00", False),  # Saturday
    ("2026-11-02T15:59-05:00", True),  # first Monday after the change back
    ("2026-11-02T16:00-05:00", False),
])
def test_the_fallback_market_clock_keeps_new_york_time_across_the_clock_changes(moment: str, is_open: bool) -> None:
    assert nyse_regular_session_open(datetime.fromisoformat(moment)) is is_open


def test_the_cli_refuses_a_bad_as_of_with_a_sentence() -> None:
    result = subprocess.run([sys.executable, "-m", "clera_desktop", "--as-of", "31/12/2026", "info"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2 and "is not a day (YYYY-MM-DD)" in result.stderr
    assert "Traceback" not in result.stderr
