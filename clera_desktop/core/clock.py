"""The one clock: every part of the app (and the sandbox) asks it what time and day it is.

Production runs on :class:`SystemClock`. ``--as-of`` or ``CLERA_TODAY`` fix the calendar for the
demo, the sandbox and the tests with a :class:`FixedClock`: it starts at the given moment and then
moves forward as real time passes (orders, ticks and "3 minutes ago" still make sense), so a test
world built on its day is the world the code under test sees, whatever day the tests run.

Durations (timeouts, rate limits, staleness) are not calendar time and use ``time.monotonic``.
A test (tests/core/test_clock.py) keeps every other calendar read out of the package.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import time as dt_time
from typing import Protocol
from zoneinfo import ZoneInfo

#: US equity markets keep New York time (holidays and half days are the brokerages' to say).
MARKET_ZONE = ZoneInfo("America/New_York")
#: A day given without a time is that day at noon in New York: the US market is open on a
#: weekday and closed at a weekend, and the calendar day is the same from Hawaii to Tokyo.
DEFAULT_TIME_OF_DAY = (12, 0)
ENVIRONMENT_VARIABLE = "CLERA_TODAY"
#: The US equity markets' regular session, New York time (pre- and after-hours lie outside).
MARKET_OPEN, MARKET_CLOSE = dt_time(9, 30), dt_time(16, 0)


def regular_session(day: date) -> tuple[datetime, datetime]:
    """The regular session's opening and closing moments on ``day`` (a New York calendar day; the
    weekends and holidays when it does not open are the brokerages' to say)."""
    return datetime.combine(day, MARKET_OPEN, MARKET_ZONE), datetime.combine(day, MARKET_CLOSE, MARKET_ZONE)


class Clock(Protocol):
    """What time it is, for everything that asks."""

    @property
    def fixed(self) -> bool:
        """True when the calendar was set by ``--as-of``/``CLERA_TODAY`` (demo, sandbox, tests)."""
        ...

    def now(self) -> datetime:
        """The current moment, timezone-aware, in UTC."""
        ...

    def today(self) -> date:
        """The person's calendar day."""
        ...

    def market_now(self) -> datetime:
        """The current moment in the US market's time zone (New York)."""
        ...

    def market_today(self) -> date:
        """The trading calendar's day (New York)."""
        ...

    def as_of_argument(self) -> str | None:
        """How to hand this clock to a child process (``--as-of``); None for the system clock."""
        ...


class SystemClock:
    """The operating system's clock: the person's own calendar day, in their own time zone."""

    fixed = False

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now().astimezone().date()

    def market_now(self) -> datetime:
        return self.now().astimezone(MARKET_ZONE)

    def market_today(self) -> date:
        return self.market_now().date()

    def as_of_argument(self) -> str | None:
        return None

    def __repr__(self) -> str:
        return "SystemClock()"


class FixedClock:
    """A clock set to ``start`` that runs on from there at the speed of real time.

    Its calendar is the one of ``start``'s own time zone, so ``today()`` is the day it was set to
    (for twelve hours at least, when set to a day: it starts at noon) on any machine.
    """

    fixed = True

    def __init__(self, start: datetime, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        if start.tzinfo is None:
            raise ValueError("a clock starts at a timezone-aware moment")
        self.start = start
        self._zone: tzinfo = start.tzinfo
        self._monotonic = monotonic
        self._started = monotonic()

    @classmethod
    def on(cls, day: date) -> FixedClock:
        """Noon in New York on ``day``."""
        hour, minute = DEFAULT_TIME_OF_DAY
        return cls(datetime(day.year, day.month, day.day, hour, minute, tzinfo=MARKET_ZONE))

    def now(self) -> datetime:
        elapsed = timedelta(seconds=self._monotonic() - self._started)
        return (self.start + elapsed).astimezone(UTC)

    def today(self) -> date:
        return self.now().astimezone(self._zone).date()

    def market_now(self) -> datetime:
        return self.now().astimezone(MARKET_ZONE)

    def market_today(self) -> date:
        return self.market_now().date()

    def as_of_argument(self) -> str | None:
        """The current moment, with the start's zone: a child process continues from here."""
        return self.now().astimezone(self._zone).isoformat()

    def __repr__(self) -> str:
        return f"FixedClock({self.start.isoformat()})"


def parse_as_of(text: str) -> FixedClock:
    """``2027-03-14`` (noon New York on that day) or an ISO moment (``2027-03-14T09:45-04:00``;
    without an offset, New York time). Raises ValueError with a sentence a person can act on."""
    value = text.strip()
    try:
        if len(value) == 10:
            return FixedClock.on(date.fromisoformat(value))
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{text!r} is not a day (YYYY-MM-DD) or a moment (YYYY-MM-DDTHH:MM[+HH:MM])") from None
    return FixedClock(moment if moment.tzinfo is not None else moment.replace(tzinfo=MARKET_ZONE))


def clock_from(as_of: str | None = None, environ: Mapping[str, str] | None = None) -> Clock:
    """``--as-of`` first, then ``CLERA_TODAY``, else the system clock."""
    chosen = as_of or (environ or {}).get(ENVIRONMENT_VARIABLE, "").strip() or None
    return parse_as_of(chosen) if chosen else SystemClock()


def wall_clock_seconds() -> float:
    """Seconds since the epoch by the operating system, whatever the app's clock says.

    Only for what must agree with other machines' real clocks: the SnapTrade SDK signs requests
    with the real time, so the sandbox checks their timestamps against the real time too.
    """
    return time.time()
