"""The shared provider call path: pacing before the limit, Retry-After, no blind retries."""

from __future__ import annotations

import asyncio
import time

import pytest

from clera_desktop.core.errors import BadProviderData, RateLimited, TemporarilyUnavailable
from clera_desktop.models.enums import Provider
from clera_desktop.providers.base import CallRunner, RateLimiter, RetryPolicy


def _runner(sleeps: list[float], **kwargs: object) -> CallRunner:
    async def record(seconds: float) -> None:
        sleeps.append(seconds)

    return CallRunner(Provider.SNAPTRADE, lambda e: BadProviderData(detail=repr(e)), sleep=record, **kwargs)  # type: ignore[arg-type]


def test_retry_after_is_honoured_with_jitter_then_the_call_succeeds() -> None:
    sleeps: list[float] = []
    calls = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise RateLimited(retry_after=7)
        return "ok"

    assert asyncio.run(_runner(sleeps).call(flaky)) == "ok"
    assert len(sleeps) == 1 and 7 <= sleeps[0] <= 7 * 1.25


def test_outages_back_off_exponentially_then_give_up() -> None:
    sleeps: list[float] = []

    def down() -> None:
        raise TemporarilyUnavailable()

    with pytest.raises(TemporarilyUnavailable):
        asyncio.run(_runner(sleeps, retry=RetryPolicy(attempts=4, base_delay=1)).call(down))
    assert len(sleeps) == 3 and sleeps[0] < sleeps[1] < sleeps[2]


def test_a_non_idempotent_call_is_never_repeated() -> None:
    calls = []

    def place_order() -> None:
        calls.append(1)
        raise TemporarilyUnavailable()

    with pytest.raises(TemporarilyUnavailable):
        asyncio.run(_runner([]).call(place_order, idempotent=False))
    assert len(calls) == 1


def test_sdk_errors_are_mapped_into_the_app_error_family() -> None:
    with pytest.raises(BadProviderData):
        asyncio.run(_runner([]).call(lambda: {}["missing"]))


def test_the_rate_limiter_waits_instead_of_exceeding_the_limit() -> None:
    limiter = RateLimiter(limit=3, period=0.4)

    async def burst() -> float:
        started = time.monotonic()
        for _ in range(6):
            await limiter.acquire()
        return time.monotonic() - started

    assert asyncio.run(burst()) >= 0.4
