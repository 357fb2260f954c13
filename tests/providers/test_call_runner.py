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


def test_a_call_gives_up_when_its_next_wait_would_pass_its_time_budget() -> None:
    """A provider timing out four times used to hold a sync for two minutes (4 x 30 s)."""
    sleeps: list[float] = []
    clock = [0.0]

    def slow_timeout() -> None:
        clock[0] += 30.0  # each attempt waits out a 30 s read timeout
        raise TemporarilyUnavailable("SnapTrade did not answer in time.")

    runner = _runner(sleeps, retry=RetryPolicy(attempts=4, base_delay=0.5, budget=45.0))
    original = time.monotonic
    try:
        time.monotonic = lambda: clock[0]  # type: ignore[assignment]
        with pytest.raises(TemporarilyUnavailable, match="did not answer in time"):
            asyncio.run(runner.call(slow_timeout))
    finally:
        time.monotonic = original  # type: ignore[assignment]
    assert len(sleeps) == 1, "the second timeout came at 60 s: no third attempt inside 45 s"


def test_urgent_calls_use_the_budget_the_others_leave_free() -> None:
    limiter = RateLimiter(10, period=60, reserve=2)

    async def fill() -> list[bool]:
        for _ in range(8):
            await limiter.acquire()  # a sync uses all it may: 8 of 10
        syncing = asyncio.ensure_future(limiter.acquire())
        await asyncio.sleep(0.05)
        placed = [limiter._room(urgent=True) == 0.0, limiter._room(urgent=True) == 0.0]
        stuck = not syncing.done()
        syncing.cancel()
        return [*placed, stuck]

    assert asyncio.run(fill()) == [True, True, True], "trades went first; the sync waited"


@pytest.mark.parametrize(("headers", "seconds"), [
    ({"Retry-After": "7"}, 7.0),
    ({"X-RateLimit-Reset": "3"}, 3.0),
    ({}, None),
    ({"Retry-After": "soon"}, None),
])
def test_retry_after_is_read_from_every_providers_headers(headers: dict[str, str], seconds: float | None) -> None:
    from clera_desktop.providers.base import retry_after

    assert retry_after(headers) == seconds


def test_retry_after_as_an_http_date_counts_from_the_real_clock() -> None:
    from email.utils import format_datetime

    from clera_desktop.core.clock import SystemClock
    from clera_desktop.providers.base import retry_after

    later = SystemClock().now().timestamp() + 20
    from datetime import UTC, datetime

    waited = retry_after({"Retry-After": format_datetime(datetime.fromtimestamp(later, UTC), usegmt=True)})
    assert waited is not None and 15 <= waited <= 21


@pytest.mark.parametrize(("error", "said"), [
    (TimeoutError("read timed out"), "did not answer in time"),
    (ConnectionRefusedError(111, "Connection refused"), "refused the connection"),
    (OSError("[Errno -2] Name or service not known"), "address could not be found"),
    (ConnectionResetError(104, "Connection reset by peer"), "could not be reached"),
])
def test_transport_failures_say_what_happened(error: BaseException, said: str) -> None:
    from clera_desktop.providers.base import unreachable

    assert said in unreachable("Plaid", "plaid", error).user_message


def test_plaid_and_alpaca_429s_carry_their_retry_after() -> None:
    import plaid
    import requests
    from alpaca.common.exceptions import APIError

    from clera_desktop.providers import alpaca
    from clera_desktop.providers import plaid as plaid_provider

    plaid_error = plaid.ApiException(status=429, reason="Too Many Requests")
    plaid_error.headers = {"Retry-After": "12"}
    plaid_error.body = '{"error_type": "RATE_LIMIT_EXCEEDED", "error_code": "RATE_LIMIT"}'
    mapped = plaid_provider.map_error(plaid_error)
    assert isinstance(mapped, RateLimited) and mapped.retry_after == 12.0

    response = requests.Response()
    response.status_code, response.headers["Retry-After"] = 429, "9"
    alpaca_error = APIError('{"code": 42910000, "message": "rate limit exceeded"}', requests.HTTPError(response=response))
    mapped = alpaca.map_error(alpaca_error)
    assert isinstance(mapped, RateLimited) and mapped.retry_after == 9.0
