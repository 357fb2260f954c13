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
from typing import Protocol, TypeVar

from clera_desktop.core.errors import CleraError, RateLimited, RejectedInput, TemporarilyUnavailable
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
    """At most ``limit`` calls in any rolling ``period`` seconds; waits instead of exceeding."""

    def __init__(self, limit: int, period: float = 60.0) -> None:
        self.limit = limit
        self.period = period
        self._calls: deque[float] = deque()
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                now = time.monotonic()
                while self._calls and now - self._calls[0] >= self.period:
                    self._calls.popleft()
                if len(self._calls) < self.limit:
                    self._calls.append(now)
                    return
                await asyncio.sleep(self.period - (now - self._calls[0]) + 0.01)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 30.0

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

    async def call(self, function: Callable[..., T], *args: object, idempotent: bool = True, **kwargs: object) -> T:
        """Await ``function(*args, **kwargs)`` in the network pool.

        Non-idempotent calls (placing an order) are never retried here: the caller reconciles.
        """
        attempts = self._retry.attempts if idempotent else 1
        for attempt in range(attempts):
            if self._limiter is not None:
                await self._limiter.acquire()
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
                if not retryable or attempt == attempts - 1:
                    log.warning("%s call %s failed: %s", self.provider, getattr(function, "__name__", function), error)
                    raise error from raw
                wait = self._retry.delay(attempt, error)
                log.info("%s call %s: %s; retrying in %.1fs", self.provider,
                         getattr(function, "__name__", function), type(error).__name__, wait)
                await self._sleep(wait)
        raise AssertionError("unreachable")


def wire_number(value: Decimal, what: str, provider: str) -> float:
    """SDKs that type prices and quantities as JSON numbers get a float only when it is exact
    to the digit; a value a float would change is refused, never rounded silently."""
    number = float(value)
    if Decimal(repr(number)) != value:
        raise RejectedInput(f"The {what} {value} has more digits than the brokerage accepts.", provider=provider)
    return number
