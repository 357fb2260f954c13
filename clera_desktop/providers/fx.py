"""Daily ECB reference rates from a Frankfurter-compatible API (no key needed).

SnapTrade's SDK no longer serves exchange rates, so FX comes from here. A rate is always
returned with the day it belongs to; a missing rate is ``None``, never 1.0.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from clera_desktop.core.errors import BadProviderData, CleraError, RejectedInput, TemporarilyUnavailable
from clera_desktop.core.money import to_decimal
from clera_desktop.models.enums import Provider
from clera_desktop.providers.base import CallRunner, unreachable

TIMEOUT_S = 20


@dataclass(frozen=True, slots=True)
class FxQuote:
    base: str
    quote: str
    rate: Decimal
    as_of: date


def map_error(error: BaseException) -> CleraError:
    if isinstance(error, urllib.error.HTTPError):
        if error.code >= 500 or error.code == 429:
            return TemporarilyUnavailable("Exchange rates are not available right now.", provider="fx",
                                          detail=f"HTTP {error.code}")
        return RejectedInput("The exchange-rate service does not know that currency.", provider="fx",
                             detail=f"HTTP {error.code}")
    if isinstance(error, (urllib.error.URLError, TimeoutError, ConnectionError, OSError)):
        return unreachable("The exchange-rate service", "fx", error)
    return BadProviderData("The exchange-rate service sent data the app could not read.", provider="fx",
                           detail=repr(error))


class FxClient:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.runner = CallRunner(Provider.MANUAL, map_error)

    def _get(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        url = f"{self.base_url}{path}?{urllib.parse.urlencode(params)}"
        with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:  # noqa: S310 - configured https/loopback URL
            body = json.loads(response.read())
        if not isinstance(body, dict) or "rates" not in body:
            raise ValueError(f"unexpected FX answer from {path}")
        return body

    async def latest(self, base: str, quotes: list[str]) -> list[FxQuote]:
        """Today's (or the last business day's) rate of one ``base`` unit in each quote currency."""
        body = await self.runner.call(self._get, "/latest", {"base": base, "symbols": ",".join(quotes)})
        day = date.fromisoformat(body["date"])
        return [FxQuote(base, code, to_decimal(rate), day) for code, rate in body["rates"].items()]

    async def series(self, base: str, quotes: list[str], start: date, end: date) -> list[FxQuote]:
        body = await self.runner.call(self._get, f"/{start.isoformat()}..{end.isoformat()}",
                                      {"base": base, "symbols": ",".join(quotes)})
        return [
            FxQuote(base, code, to_decimal(rate), date.fromisoformat(day))
            for day, rates in body["rates"].items() for code, rate in rates.items()
        ]
