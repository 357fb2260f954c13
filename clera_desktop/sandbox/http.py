"""Small helpers shared by the provider imitations: JSON answers and number rendering."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from aiohttp import web


def number(value: Decimal | None) -> float | None:
    """A JSON number as the real APIs send it (SnapTrade and Plaid floats)."""
    return None if value is None else float(value)


def decimal_string(value: Decimal | None) -> str | None:
    """A decimal string as SnapTrade positions/orders and Alpaca send them."""
    if value is None:
        return None
    text = format(value, "f")
    return text


def iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def iso_day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def json_response(payload: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> web.Response:
    return web.Response(
        text=json.dumps(payload, separators=(",", ":")), status=status,
        content_type="application/json", headers=headers,
    )


async def read_json(request: web.Request) -> Any:
    raw = await request.read()
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        raise web.HTTPBadRequest(text='{"detail":"Malformed JSON body"}', content_type="application/json") from None
