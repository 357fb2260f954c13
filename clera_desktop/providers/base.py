"""What every provider adapter shares: the protocol, blocking calls off the loop, retries.

SDK calls are blocking (urllib3/requests). :class:`CallRunner` runs them in a worker pool and
awaits them, maps SDK errors to the app's error family once (each adapter supplies the map),
waits before SnapTrade's documented limit is hit, and retries idempotent reads on rate limits
and outages with exponential backoff and jitter, honouring ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from email.utils import parsedate_to_datetime
from typing import Any, Protocol, TypeVar

from clera_desktop.core.clock import wall_clock_seconds
from clera_desktop.core.errors import CleraError, RateLimited, RejectedInput, TemporarilyUnavailable
from clera_desktop.core.words import said
from clera_desktop.models.enums import Provider
from clera_desktop.models.provider_data import AccountData, RemoteAccount, RemoteConnection

log = logging.getLogger(__name__)
T = TypeVar("T")

#: One shared pool for provider I/O; network waits never block the GUI or the DB writer.
_NETWORK_POOL = ThreadPoolExecutor(max_workers=16, thread_name_prefix="provider-io")


class ProviderClient(Protocol):
    """The read side every provider offers to sync."""

    provider: Provider

    async def list_connections(self) -> Sequence[RemoteConnection]:
        """Connections (SnapTrade authorizations, Plaid items, the Alpaca link) and their health."""
        ...

    async def list_accounts(self, connection: RemoteConnection) -> Sequence[RemoteAccount]: ...

    async def fetch_account(self, account: RemoteAccount, *, activities_since: date | None) -> AccountData:
        """Balances, positions, orders and every activity since ``activities_since`` (all pages)."""
        ...


class RateLimiter:
    """At most ``limit`` calls in any rolling ``period`` seconds; waits instead of exceeding.

    Trades come first: an ``urgent`` call (preview, place, look up a placed order) may use the whole
    budget, while other calls (syncs, quotes) leave ``reserve`` calls of it free, so a placement
    never waits behind the syncs its own fill set off. Nobody holds a lock while sleeping.
    """

    def __init__(self, limit: int, period: float = 60.0, *, reserve: int | None = None) -> None:
        self.limit = limit
        self.period = period
        self.reserve = min(limit - 1, max(1, limit // 10)) if reserve is None else reserve
        self._calls: deque[float] = deque()

    def _room(self, urgent: bool) -> float:
        """0 when a call may go now (and counts it), else how long to wait before looking again."""
        now = time.monotonic()
        while self._calls and now - self._calls[0] >= self.period:
            self._calls.popleft()
        allowed = self.limit if urgent else self.limit - self.reserve
        if len(self._calls) < allowed:
            self._calls.append(now)
            return 0.0
        # the call that frees a slot for us: the oldest beyond what we may have
        return self.period - (now - self._calls[len(self._calls) - allowed]) + 0.01

    async def acquire(self, *, urgent: bool = False) -> None:
        while (wait := self._room(urgent)) > 0:
            await asyncio.sleep(min(wait, 1.0))  # look again soon: an urgent call may have come and gone


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 30.0
    #: No call (all its attempts and waits) takes longer than this: a provider that times out at
    #: 30 s four times used to hold a sync for two minutes.
    budget: float = 45.0

    def delay(self, attempt: int, error: CleraError) -> float:
        if isinstance(error, RateLimited) and error.retry_after:
            wait = float(error.retry_after)
        else:
            wait = self.base_delay * 2**attempt
        return min(wait, self.max_delay) * random.uniform(1.0, 1.25)


class CallRunner:
    """Runs one provider's blocking SDK calls: off the loop, mapped, paced and retried."""

    def __init__(
        self,
        provider: Provider,
        map_error: Callable[[BaseException], CleraError],
        *,
        limiter: RateLimiter | None = None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.provider = provider
        self._map_error = map_error
        self._limiter = limiter
        self._retry = retry or RetryPolicy()
        self._sleep = sleep

    async def call(self, function: Callable[..., T], *args: object, idempotent: bool = True, urgent: bool = False,
                   **kwargs: object) -> T:
        """Await ``function(*args, **kwargs)`` in the network pool.

        Non-idempotent calls (placing an order) are never retried here: the caller reconciles.
        ``urgent`` calls (trading) go ahead of the rest in the rate limiter. Retries stop when the
        next wait would pass the policy's time budget.
        """
        attempts = self._retry.attempts if idempotent else 1
        deadline = time.monotonic() + self._retry.budget
        for attempt in range(attempts):
            if self._limiter is not None:
                await self._limiter.acquire(urgent=urgent)
            try:
                # a wrapped executor future: awaitable even when Qt steps the task (see core/threads.py)
                return await asyncio.wrap_future(_NETWORK_POOL.submit(lambda: function(*args, **kwargs)))
            except BaseException as raw:
                if isinstance(raw, asyncio.CancelledError):
                    raise
                error = raw if isinstance(raw, CleraError) else self._map_error(raw)
                if error is not raw:
                    error.__cause__ = raw
                retryable = isinstance(error, (RateLimited, TemporarilyUnavailable))
                wait = self._retry.delay(attempt, error) if retryable else 0.0
                if not retryable or attempt == attempts - 1 or time.monotonic() + wait > deadline:
                    log.warning("%s call %s failed: %s", self.provider, getattr(function, "__name__", function), error)
                    raise error from raw
                log.info("%s call %s: %s; retrying in %.1fs", self.provider,
                         getattr(function, "__name__", function), type(error).__name__, wait)
                await self._sleep(wait)
        raise AssertionError("unreachable")


def retry_after(headers: Any) -> float | None:
    """Seconds to wait from a 429's headers: ``Retry-After`` (seconds or an HTTP date), else the
    rate-limit reset SnapTrade sends; None when the answer does not say."""
    if not headers:
        return None
    get = headers.get if hasattr(headers, "get") else dict(headers).get
    for name in ("Retry-After", "retry-after", "X-RateLimit-Reset", "X-RateLimit-Account-Reset"):
        value = get(name)
        if value is None:
            continue
        try:
            return max(0.0, float(value))
        except (TypeError, ValueError):
            pass
        try:  # an HTTP date: the server's real time, so the wall clock
            return max(0.0, parsedate_to_datetime(str(value)).timestamp() - wall_clock_seconds())
        except (TypeError, ValueError, IndexError):
            continue
    return None


def unreachable(name: str, provider: str, error: BaseException) -> TemporarilyUnavailable:
    """A transport failure, said as what it was: no answer in time, a refused or failed connection
    (offline, DNS), or a dropped line. The detail (the exception) goes to the log."""
    text = f"{type(error).__name__} {error}".lower()
    if isinstance(error, TimeoutError) or "timeout" in text or "timed out" in text:
        message = f"{name} did not answer in time."
    elif "name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text \
            or "name resolution" in text:
        message = f"{name}'s address could not be found: is this computer online?"
    elif "refused" in text:
        message = f"{name} refused the connection."
    else:
        message = f"{name} could not be reached: is this computer online?"
    return TemporarilyUnavailable(message, provider=provider, detail=repr(error))


def wire_number(value: Decimal, what: str, provider: str) -> float:
    """SDKs that type prices and quantities as JSON numbers get a float only when it is exact
    to the digit; a value a float would change is refused, never rounded silently."""
    number = float(value)
    if Decimal(repr(number)) != value:
        raise RejectedInput(said("The {what} {value} has more digits than the brokerage accepts.", what=what, value=value),
                            provider=provider)
    return number
