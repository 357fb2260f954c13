"""Alpaca's market-data websocket, speaking the protocol alpaca-py's ``StockDataStream`` uses.

Binary msgpack frames both ways (the SDK sends ``Content-Type: application/msgpack``), ``t`` as
a msgpack Timestamp, bars with ``n`` and ``vw``. Ticks come from the world's live market at
``rate`` trades per second in total, spread round-robin over the subscribed symbols.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import msgpack
from aiohttp import WSMsgType, web

from clera_desktop.sandbox.faults import FaultKind
from clera_desktop.sandbox.http import number

if TYPE_CHECKING:
    from clera_desktop.sandbox.server import SandboxServer

log = logging.getLogger(__name__)
BATCH_INTERVAL = 0.01  # 100 frames a second, closer to a real feed than big bursts
CHANNELS = ("trades", "quotes", "bars", "updatedBars", "dailyBars", "statuses", "lulds")


def pack(messages: list[dict[str, Any]]) -> bytes:
    return msgpack.packb(messages, datetime=False)


@dataclass
class StreamClient:
    ws: web.WebSocketResponse
    path: str
    subscriptions: dict[str, set[str]] = field(default_factory=lambda: {c: set() for c in CHANNELS})
    sent: int = 0


class StreamService:
    """Connected stream clients and the ticker that feeds them."""

    def __init__(self, server: SandboxServer, rate: float = 20.0) -> None:
        self.server = server
        self.rate = rate
        self.clients: list[StreamClient] = []
        self.connections_accepted = 0
        self.sent_total = 0
        self.halted: set[str] = set()  # symbols whose trading is halted: no ticks (tests of staleness)
        self._tasks: list[asyncio.Task[None]] = []

    def start_tasks(self) -> list[asyncio.Task[None]]:
        self._tasks = [asyncio.get_running_loop().create_task(self._tick_forever())]
        return self._tasks

    async def close(self) -> None:
        for client in list(self.clients):
            await client.ws.close()

    def subscribed_symbols(self) -> set[str]:
        return {s for c in self.clients for s in c.subscriptions["trades"] | c.subscriptions["quotes"]}

    async def drop_all(self) -> None:
        """Cut every stream connection abruptly (a dropped websocket)."""
        for client in list(self.clients):
            await client.ws.close(code=1011, message=b"sandbox drop")

    async def _tick_forever(self) -> None:
        cursor = 0
        carry = 0.0
        loop = asyncio.get_running_loop()
        last = loop.time()
        while True:
            await asyncio.sleep(BATCH_INTERVAL)
            now = loop.time()  # the real interval: building a big batch takes time of its own
            carry += self.rate * (now - last)
            last = now
            count, carry = int(carry), carry - int(carry)
            for client in list(self.clients):
                fault = self.server.faults.take(f"alpaca-stream:{client.path}")
                if fault is not None and fault.kind is FaultKind.DROP:
                    await client.ws.close(code=1011, message=b"sandbox drop")
                    continue
                symbols = sorted((client.subscriptions["trades"] | client.subscriptions["quotes"]) - self.halted)
                if not symbols or count == 0 or client.ws.closed:
                    continue
                batch = []
                for n in range(count):
                    symbol = symbols[(cursor + n) % len(symbols)]
                    tick = self.server.world.market.tick(symbol)
                    stamp = msgpack.Timestamp.from_datetime(tick.at)
                    if symbol in client.subscriptions["trades"]:
                        batch.append({"T": "t", "S": symbol, "i": tick.trade_id, "x": "V", "p": number(tick.price),
                                      "s": tick.size, "c": ["@"], "t": stamp, "z": "C"})
                    if symbol in client.subscriptions["quotes"]:
                        batch.append({"T": "q", "S": symbol, "bx": "V", "bp": number(tick.bid), "bs": 1, "ax": "V",
                                      "ap": number(tick.ask), "as": 1, "c": ["R"], "t": stamp, "z": "C"})
                cursor += count
                try:
                    await client.ws.send_bytes(pack(batch))
                    client.sent += len(batch)
                    self.sent_total += len(batch)
                except (ConnectionError, RuntimeError):
                    continue


def make_app(service: StreamService) -> web.Application:
    app = web.Application()

    async def stream(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(heartbeat=None, max_msg_size=0)
        await ws.prepare(request)
        client = StreamClient(ws, request.path.removeprefix("/alpaca-stream"))
        await ws.send_bytes(pack([{"T": "success", "msg": "connected"}]))
        authenticated = False
        state = service.server.world.alpaca
        try:
            async for message in ws:
                if message.type not in (WSMsgType.BINARY, WSMsgType.TEXT):
                    break
                raw = message.data if message.type is WSMsgType.BINARY else message.data.encode()
                try:
                    payload = msgpack.unpackb(raw) if message.type is WSMsgType.BINARY else __import__("json").loads(raw)
                except Exception:  # noqa: BLE001 - whatever a client sends, Alpaca answers "invalid syntax"
                    await ws.send_bytes(pack([{"T": "error", "code": 400, "msg": "invalid syntax"}]))
                    continue
                action = payload.get("action")
                if action == "auth":
                    if authenticated:
                        await ws.send_bytes(pack([{"T": "error", "code": 403, "msg": "already authenticated"}]))
                    elif state and payload.get("key") == state.key_id and payload.get("secret") == state.secret_key:
                        authenticated = True
                        service.clients.append(client)
                        service.connections_accepted += 1
                        await ws.send_bytes(pack([{"T": "success", "msg": "authenticated"}]))
                    else:
                        await ws.send_bytes(pack([{"T": "error", "code": 402, "msg": "auth failed"}]))
                        break
                elif not authenticated:
                    await ws.send_bytes(pack([{"T": "error", "code": 401, "msg": "not authenticated"}]))
                elif action in ("subscribe", "unsubscribe"):
                    for channel in CHANNELS:
                        symbols = {s.upper() for s in payload.get(channel, []) or []}
                        if action == "subscribe":
                            client.subscriptions[channel] |= symbols
                        else:
                            client.subscriptions[channel] -= symbols
                    ack = {"T": "subscription", **{c: sorted(client.subscriptions[c]) for c in CHANNELS},
                           "corrections": sorted(client.subscriptions["trades"]),
                           "cancelErrors": sorted(client.subscriptions["trades"])}
                    await ws.send_bytes(pack([ack]))
                else:
                    await ws.send_bytes(pack([{"T": "error", "code": 400, "msg": "invalid syntax"}]))
        finally:
            if client in service.clients:
                service.clients.remove(client)
        return ws

    async def stats(request: web.Request) -> web.Response:
        """Not Alpaca's: the sandbox's own counters, for benchmarks against a child-process sandbox."""
        return web.json_response({"sent": service.sent_total, "clients": len(service.clients),
                                  "connections_accepted": service.connections_accepted, "rate": service.rate})

    async def set_rate(request: web.Request) -> web.Response:
        """Not Alpaca's either: change the tick rate (0 pauses the feed so a benchmark can drain)."""
        service.rate = float((await request.json())["rate"])
        return await stats(request)

    app.router.add_get("/_stats", stats)
    app.router.add_post("/_rate", set_rate)
    app.router.add_get("/v2/{feed}", stream)
    return app
