"""One loopback HTTP/WebSocket server for all imitated providers.

Paths (one port, so one firewall-free address serves the whole demo):

- SnapTrade REST and its connection portal at the root (the SDK signs the bare path, so
  SnapTrade cannot live under a prefix);
- Plaid under ``/plaid``, Alpaca trading under ``/alpaca``, market data under
  ``/alpaca-data``, the market-data stream at ``/alpaca-stream/v2/{feed}``;
- FX reference rates (a Frankfurter-compatible API) under ``/fx/v1``.

The server runs on its own thread and asyncio loop, so tests, the CLI and the app's demo mode
can all start it in-process.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections import deque
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, cast

from aiohttp import web

from clera_desktop.core.clock import Clock, SystemClock
from clera_desktop.sandbox import alpaca_api, alpaca_stream, fx_api, keeping, plaid_api, snaptrade_api
from clera_desktop.sandbox.exchange import match_open_orders
from clera_desktop.sandbox.faults import FaultInjector, FaultKind
from clera_desktop.sandbox.world import DemoWorld

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

REQUESTS_KEPT = 10_000
_PREFIXES = (
    ("/plaid", "plaid"),
    ("/alpaca-data", "alpaca-data"),
    ("/alpaca-stream", "alpaca-stream"),
    ("/alpaca", "alpaca"),
    ("/fx", "fx"),
)


def provider_of(path: str) -> tuple[str, str]:
    """``("plaid", "/item/get")`` for ``/plaid/item/get``; SnapTrade owns the root."""
    for prefix, name in _PREFIXES:
        if path == prefix or path.startswith(prefix + "/"):
            return name, path[len(prefix):] or "/"
    return "snaptrade", path


def _error_for(provider: str, status: int, retry_after: int | None) -> web.Response:
    renderer = {
        "snaptrade": snaptrade_api.error_response,
        "plaid": plaid_api.error_response,
        "alpaca": alpaca_api.error_response,
        "alpaca-data": alpaca_api.error_response,
        "fx": fx_api.error_response,
    }.get(provider, snaptrade_api.error_response)
    response = renderer(status, retry_after)
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


class SandboxServer:
    """Start with :meth:`start` (or as a context manager); :attr:`info` says how to reach it."""

    def __init__(
        self,
        *,
        seed: int = 7,
        clock: Clock | None = None,
        scale: float = 0,
        port: int = 0,
        tick_interval: float = 0.25,
        snaptrade_rate_limit: int = 250,
        world: DemoWorld | None = None,
        state_path: Path | None = None,
    ) -> None:
        """``state_path``: where the demo keeps its world between runs (:mod:`keeping`); None keeps nothing."""
        self.world = world or DemoWorld.build(seed, clock or SystemClock(), scale)
        self.state_path = state_path
        self.state_note = keeping.restore(self.world, state_path) if state_path is not None else ""
        self._kept = keeping.signature(self.world)
        self.faults = FaultInjector()
        self.requested_port = port
        self.tick_interval = tick_interval
        self.snaptrade = snaptrade_api.SnapTradeService(self, rate_limit_per_minute=snaptrade_rate_limit)
        self.plaid = plaid_api.PlaidService(self)
        self.alpaca = alpaca_api.AlpacaService(self)
        self.stream = alpaca_stream.StreamService(self)
        self.port = 0
        # The latest requests (method, path), for tests and the demo's diagnostics; bounded, so a
        # demo left running with live prices polling does not grow without end.
        self.requests: deque[tuple[str, str]] = deque(maxlen=REQUESTS_KEPT)
        self.request_count = 0
        self._requests_lock = threading.Lock()  # served on the sandbox's thread, read on others
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._ready = threading.Event()
        self._stopped = threading.Event()
        self._startup_error: BaseException | None = None

    # ---- lifecycle ----------------------------------------------------------------------

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> SandboxServer:
        self._thread = threading.Thread(target=self._serve, name="sandbox-server", daemon=True)
        self._thread.start()
        self._ready.wait(timeout=30)
        if self._startup_error is not None:
            raise self._startup_error
        return self

    def stop(self) -> None:
        loop = self._loop
        if loop is None or self._stopped.is_set():
            return
        future = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
        try:
            future.result(timeout=10)
        finally:
            loop.call_soon_threadsafe(loop.stop)
            if self._thread is not None:
                self._thread.join(timeout=10)
            self._stopped.set()

    def call(self, coroutine: Awaitable[Any]) -> Any:
        """Run a coroutine on the server's loop from another thread (tests, CLI)."""
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=30)  # type: ignore[arg-type]

    def break_connection(self, brokerage_slug: str) -> None:
        """Break the demo user's SnapTrade connection to ``brokerage_slug`` (needs reconnect).

        Like the real service, a broken connection keeps serving its last data; only its
        ``disabled`` flag says so.
        """
        with self.world.lock:
            for connection in self.snaptrade.demo_user.connections.values():
                if connection.brokerage.slug == brokerage_slug.upper():
                    connection.disabled, connection.disabled_at = True, self.world.clock.now()
                    return
        raise KeyError(f"no demo connection to {brokerage_slug}")

    def break_plaid_item(self) -> None:
        """Put the demo Plaid item into ITEM_LOGIN_REQUIRED (fixed through Link update mode)."""
        with self.world.lock:
            next(iter(self.world.plaid_items.values())).error_code = "ITEM_LOGIN_REQUIRED"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def info(self) -> dict[str, dict[str, Any]]:
        """Everything a client needs; the first line ``clera-desktop sandbox`` prints."""
        base = self.base_url
        demo = self.snaptrade.demo_user
        alpaca = self.world.alpaca
        assert alpaca is not None
        return {
            "snaptrade": {
                "base_url": base,
                "client_id": self.snaptrade.client_id,
                "consumer_key": self.snaptrade.consumer_key,
                "demo_user_id": demo.user_id,
                "demo_user_secret": demo.secret,
            },
            "plaid": {
                "base_url": f"{base}/plaid",
                "client_id": self.plaid.client_id,
                "secret": self.plaid.secret,
                "demo_access_token": next(iter(self.world.plaid_items.values())).access_token,
                "demo_item_id": next(iter(self.world.plaid_items.values())).item_id,
                "demo_institution": next(iter(self.world.plaid_items.values())).institution_name,
                "items": [{"item_id": i.item_id, "access_token": i.access_token, "institution": i.institution_name}
                          for i in self.world.plaid_items.values()],  # with those linked in an earlier demo
            },
            "alpaca": {
                "trading_url": f"{base}/alpaca",
                "data_url": f"{base}/alpaca-data",
                "stream_url": f"ws://127.0.0.1:{self.port}/alpaca-stream/v2/iex",
                "key_id": alpaca.key_id,
                "secret_key": alpaca.secret_key,
            },
            "fx": {"base_url": f"{base}/fx/v1"},
            "demo": {"note": self.state_note},
        }

    def keep_world(self) -> None:
        """Write the world to ``state_path`` when it changed since it was last written (cheap when
        it did not: every request that may change it asks). A failure is logged; the demo goes on."""
        if self.state_path is None:
            return
        now = keeping.signature(self.world)
        if now == self._kept:
            return
        try:
            keeping.save(self.world, self.state_path)
        except OSError as error:
            log.warning("the demo's world could not be kept in %s: %s", self.state_path, error)
            return
        self._kept = now

    def _serve(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._startup())
        except BaseException as exc:  # noqa: BLE001 - handed to start()'s caller, on its thread
            self._startup_error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _startup(self) -> None:
        app = web.Application(middlewares=[self._fault_middleware], client_max_size=8 * 1024 * 1024)
        snaptrade_api.add_routes(app, self.snaptrade)
        app.add_subapp("/plaid", plaid_api.make_app(self.plaid))
        app.add_subapp("/alpaca-data", alpaca_api.make_data_app(self.alpaca))
        app.add_subapp("/alpaca-stream", alpaca_stream.make_app(self.stream))
        app.add_subapp("/alpaca", alpaca_api.make_trading_app(self.alpaca))
        app.add_subapp("/fx", fx_api.make_app(self))
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=0.1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.requested_port)
        await site.start()
        server = cast(asyncio.Server | None, site._server)  # noqa: SLF001 - aiohttp has no accessor for the bound port
        assert server is not None and server.sockets
        self.port = server.sockets[0].getsockname()[1]
        self._background = [asyncio.create_task(self._match_orders_forever()), *self.stream.start_tasks()]

    async def _shutdown(self) -> None:
        self.keep_world()
        for task in self._background:
            task.cancel()
        await self.stream.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _match_orders_forever(self) -> None:
        while True:
            await asyncio.sleep(self.tick_interval)
            if match_open_orders(self.world):
                self.keep_world()

    def requests_since(self, count: int) -> list[tuple[str, str]]:
        """The requests after the first ``count`` served (those still kept)."""
        with self._requests_lock:
            kept, total = list(self.requests), self.request_count
        first_kept = total - len(kept)
        return kept[max(0, count - first_kept):]

    @web.middleware
    async def _fault_middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        provider, path = provider_of(request.path)
        with self._requests_lock:
            self.requests.append((request.method, request.path))
            self.request_count += 1
        if provider == "alpaca-stream":  # the stream consults its own faults, per batch
            return await handler(request)
        fault = self.faults.take(f"{provider}:{path}")
        if fault is None:
            response = await handler(request)
            if request.method != "GET":
                self.keep_world()
            return response
        if fault.kind is FaultKind.STATUS:
            return _error_for(provider, fault.status, fault.retry_after)
        if fault.kind in (FaultKind.SLOW, FaultKind.TIMEOUT):
            await asyncio.sleep(fault.delay)
            return await handler(request)
        if fault.kind is FaultKind.MALFORMED:
            return web.Response(text='{"results": [ {"id": "unterminated', content_type="application/json")
        if fault.kind is FaultKind.LOST:
            await handler(request)  # the provider acts on it ...
            if request.transport is not None:
                request.transport.abort()  # ... and the answer never reaches the client
            raise ConnectionResetError("sandbox fault: response lost")
        if fault.kind is FaultKind.FIELD:
            response = await handler(request)
            raw = response.body if isinstance(response, web.Response) else b""
            try:
                body = json.loads(bytes(raw)) if isinstance(raw, (bytes, bytearray)) else None
            except ValueError:
                return response
            return web.Response(text=json.dumps(fault.damage_field(body)), status=response.status,
                                content_type="application/json")
        if fault.kind is FaultKind.TRUNCATED:
            response = await handler(request)
            body = response.body if isinstance(response, web.Response) else b""
            whole = bytes(body) if isinstance(body, (bytes, bytearray)) else b""
            cut = whole[: max(1, len(whole) // 2)] if whole else b"{"
            return web.Response(body=cut, status=response.status, content_type="application/json")
        return await handler(request)
