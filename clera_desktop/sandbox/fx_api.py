"""Daily FX reference rates in the shape of Frankfurter's API (ECB rates, no key needed).

``/fx/v1/latest``, ``/fx/v1/{date}``, ``/fx/v1/{start}..{end}`` and ``/fx/v1/currencies``,
with ``base`` and ``symbols``. Like the ECB, there are no rates on weekends: a weekend date
answers with the previous business day's rates and that day's ``date``.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from aiohttp import web

from clera_desktop.sandbox.http import json_response

if TYPE_CHECKING:
    from clera_desktop.sandbox.server import SandboxServer

NAMES = {"EUR": "Euro", "USD": "United States Dollar", "CAD": "Canadian Dollar", "GBP": "British Pound",
         "CHF": "Swiss Franc", "JPY": "Japanese Yen"}
EUR_START = {"USD": 1.08, "CAD": 1.47, "GBP": 0.86, "CHF": 0.95, "JPY": 158.0}


def error_response(status: int, retry_after: int | None = None) -> web.Response:
    return json_response({"message": "internal error" if status >= 500 else "bad request"}, status=status)


class FxRates:
    """EUR-based daily rates for the world's business days (a seeded random walk)."""

    def __init__(self, seed: int, days: list[date]) -> None:
        self.days = days
        self.eur: dict[str, list[float]] = {}
        for code, start in EUR_START.items():
            rng = random.Random(f"{seed}:fx:{code}")
            value, series = start, []
            for _ in days:
                value *= math.exp(rng.gauss(0, 0.004))
                series.append(round(value, 4))
            self.eur[code] = series

    def index_on(self, day: date) -> int | None:
        index = bisect_right(self.days, day) - 1
        return index if index >= 0 else None

    def rates(self, index: int, base: str, symbols: list[str] | None) -> dict[str, float]:
        def per_eur(code: str) -> float:
            return 1.0 if code == "EUR" else self.eur[code][index]

        wanted = symbols or [c for c in NAMES if c != base]
        return {code: round(per_eur(code) / per_eur(base), 5) for code in sorted(wanted) if code != base}


def make_app(server: SandboxServer) -> web.Application:
    app = web.Application()
    world = server.world
    fx = FxRates(world.seed, [d for d in world.days if d <= world.as_of])

    def parse(request: web.Request) -> tuple[str, list[str] | None, Decimal]:
        base = request.query.get("base", request.query.get("from", "EUR")).upper()
        raw = request.query.get("symbols", request.query.get("to", ""))
        symbols = [s.upper() for s in raw.split(",") if s] or None
        for code in [base, *(symbols or [])]:
            if code not in NAMES:
                raise web.HTTPNotFound(text='{"message":"not found"}', content_type="application/json")
        return base, symbols, Decimal(request.query.get("amount", "1"))

    def scaled(rates: dict[str, float], amount: Decimal) -> dict[str, float]:
        return rates if amount == 1 else {k: round(v * float(amount), 5) for k, v in rates.items()}

    def one_day(request: web.Request, day: date) -> web.Response:
        base, symbols, amount = parse(request)
        index = fx.index_on(day)
        if index is None:
            return json_response({"message": "not found"}, status=404)
        return json_response({"amount": float(amount), "base": base, "date": fx.days[index].isoformat(),
                              "rates": scaled(fx.rates(index, base, symbols), amount)})

    async def latest(request: web.Request) -> web.Response:
        return one_day(request, world.as_of)

    async def by_date(request: web.Request) -> web.Response:
        spec = request.match_info["spec"]
        try:
            if ".." in spec:
                start_text, _, end_text = spec.partition("..")
                start = date.fromisoformat(start_text)
                end = date.fromisoformat(end_text) if end_text else world.as_of
                return series(request, start, end)
            return one_day(request, date.fromisoformat(spec))
        except ValueError:
            return json_response({"message": "not found"}, status=404)

    def series(request: web.Request, start: date, end: date) -> web.Response:
        base, symbols, amount = parse(request)
        first = fx.index_on(start)
        # Like Frankfurter, a range starts with the last business day on or before its start.
        indices = [i for i, d in enumerate(fx.days) if start <= d <= end]
        if first is not None and (not indices or indices[0] != first):
            indices.insert(0, first)
        if not indices:
            return json_response({"message": "not found"}, status=404)
        body: dict[str, Any] = {
            "amount": float(amount), "base": base, "start_date": fx.days[indices[0]].isoformat(),
            "end_date": fx.days[indices[-1]].isoformat(),
            "rates": {fx.days[i].isoformat(): scaled(fx.rates(i, base, symbols), amount) for i in indices},
        }
        return json_response(body)

    async def currencies(request: web.Request) -> web.Response:
        return json_response(NAMES)

    app.router.add_get("/v1/latest", latest)
    app.router.add_get("/v1/currencies", currencies)
    app.router.add_get("/v1/{spec}", by_date)
    return app
