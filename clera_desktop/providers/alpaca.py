"""Alpaca (the Clera brokerage account) over the official ``alpaca-py``: paper or live.

alpaca-py retries 429/504 itself (3 x 3 s, ignoring ``Retry-After``); that is turned off so
:class:`CallRunner` owns retries. Requests get a timeout through the SDK's session.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from clera_desktop.core.clock import Clock, SystemClock
from clera_desktop.core.credentials import AlpacaCredentials
from clera_desktop.core.errors import (
    BadProviderData,
    CleraError,
    InvalidCredentials,
    NotFound,
    RateLimited,
    RejectedInput,
    TemporarilyUnavailable,
)
from clera_desktop.core.money import optional_decimal, to_decimal
from clera_desktop.core.words import said
from clera_desktop.models.enums import (
    ConnectionType,
    OrderSide,
    OrderStatus,
    OrderType,
    Provider,
    SecurityType,
    TimeInForce,
)
from clera_desktop.models.provider_data import (
    AccountData,
    RemoteAccount,
    RemoteActivity,
    RemoteBalance,
    RemoteConnection,
    RemoteOrder,
    RemotePosition,
)
from clera_desktop.providers import payload
from clera_desktop.providers.alpaca_activities import PAGE_SIZE, activity_from_alpaca
from clera_desktop.providers.base import CallRunner, retry_after, unreachable

REQUEST_TIMEOUT = (10, 30)
E = TypeVar("E", bound=Enum)
ASSET_LOOKUPS_AT_ONCE = 4  # Alpaca allows 200 requests a minute; names are looked up once per symbol

log = logging.getLogger(__name__)

_STATUS = {
    "new": OrderStatus.ACCEPTED, "accepted": OrderStatus.ACCEPTED, "pending_new": OrderStatus.PENDING,
    "accepted_for_bidding": OrderStatus.ACCEPTED, "held": OrderStatus.PENDING, "calculated": OrderStatus.ACCEPTED,
    "partially_filled": OrderStatus.PARTIALLY_FILLED, "filled": OrderStatus.FILLED, "done_for_day": OrderStatus.ACCEPTED,
    "canceled": OrderStatus.CANCELED, "pending_cancel": OrderStatus.ACCEPTED, "replaced": OrderStatus.CANCELED,
    "pending_replace": OrderStatus.ACCEPTED, "stopped": OrderStatus.CANCELED, "suspended": OrderStatus.PENDING,
    "rejected": OrderStatus.REJECTED, "expired": OrderStatus.EXPIRED,
}


def map_error(error: BaseException) -> CleraError:
    from alpaca.common.exceptions import APIError

    if isinstance(error, APIError):
        status = error.status_code or 0
        try:
            message = error.message
        except Exception:  # noqa: BLE001 - alpaca-py parses the body lazily: anything, when it was not JSON
            message = str(error)
        detail = f"HTTP {status}: {message}"
        if status == 401 or (status == 403 and "forbidden" in str(message).lower()):
            return InvalidCredentials("Alpaca did not accept the API key and secret. Check them in Settings.",
                                      provider="alpaca", detail=detail)
        if status == 429:
            headers = error.response.headers if error.response is not None else None
            return RateLimited(retry_after=retry_after(headers), provider="alpaca", detail=detail)
        if status == 404:
            return NotFound(str(message) or "Alpaca does not know this item.", provider="alpaca", detail=detail)
        if status >= 500:
            return TemporarilyUnavailable(f"Alpaca had a problem answering (HTTP {status}). Try again in a few minutes.",
                                          provider="alpaca", detail=detail)
        return RejectedInput(str(message) or "Alpaca rejected the request.", provider="alpaca", detail=detail)
    lost = isinstance(error, (TimeoutError, ConnectionError, OSError)) or \
        type(error).__module__.startswith(("requests", "urllib3"))
    # requests' JSONDecodeError is also a json.JSONDecodeError: an answer that was garbage, not a lost line
    if lost and not isinstance(error, json.JSONDecodeError):
        return unreachable("Alpaca", "alpaca", error)
    return BadProviderData("Alpaca sent data the app could not read. Nothing was changed.",
                           provider="alpaca", detail=repr(error))


def _with_timeout(client: Any) -> None:
    client._retry = 0  # noqa: SLF001 - alpaca-py exposes no setting for its fixed 3 x 3 s retry
    session = client._session  # noqa: SLF001
    session.request = functools.partial(session.request, timeout=REQUEST_TIMEOUT)


class AlpacaClient:
    provider = Provider.ALPACA

    def __init__(self, credentials: AlpacaCredentials, *, trading_url: str | None = None,
                 data_url: str | None = None, clock: Clock | None = None) -> None:
        from alpaca.data.historical import StockHistoricalDataClient
        from alpaca.trading.client import TradingClient

        self.paper = credentials.paper
        self.clock = clock or SystemClock()
        self.credentials = credentials  # the market-data stream signs in with the same keys
        self.trading = TradingClient(credentials.api_key, credentials.secret_key, paper=credentials.paper,
                                     raw_data=True, url_override=trading_url)
        self.data = StockHistoricalDataClient(credentials.api_key, credentials.secret_key, raw_data=True,
                                              url_override=data_url)
        _with_timeout(self.trading)
        _with_timeout(self.data)
        self.runner = CallRunner(Provider.ALPACA, map_error)
        self._names: dict[str, str | None] = {}  # asset names by symbol: positions carry none

    async def _get_account(self) -> dict[str, Any]:
        return json_object(await self.runner.call(self.trading.get_account), "its account")

    async def verify_keys(self) -> None:
        await self.verify()

    async def verify(self) -> RemoteAccount:
        """Check the keys by reading the account (the connect dialog does this before saving)."""
        return self._account(await self._get_account())

    async def list_connections(self) -> list[RemoteConnection]:
        account = await self._get_account()
        blocked = bool(account.get("trading_blocked") or account.get("account_blocked"))
        return [RemoteConnection(
            provider=Provider.ALPACA, provider_connection_id=payload.text(account["id"], "account id"),
            brokerage_name="Clera Brokerage" + (" (paper)" if self.paper else ""), brokerage_slug="ALPACA",
            connection_type=ConnectionType.TRADE, disabled=blocked,
            status_reason="Alpaca has blocked this account." if blocked else None,
        )]

    async def list_accounts(self, connection: RemoteConnection) -> list[RemoteAccount]:
        return [self._account(await self._get_account())]

    def _account(self, account: dict[str, Any]) -> RemoteAccount:
        number = str(account.get("account_number") or "")
        return RemoteAccount(
            provider=Provider.ALPACA, provider_account_id=payload.text(account["id"], "account id"),
            provider_connection_id=payload.text(account["id"], "account id"),
            institution="Clera Brokerage", name="Clera Brokerage" + (" (paper)" if self.paper else ""),
            masked_number=f"****{number[-4:]}" if number else None, account_type="paper" if self.paper else "live",
            currency=payload.currency(account.get("currency"), "account currency", "USD"), connection_type=ConnectionType.TRADE,
            is_paper=self.paper,
        )

    async def fetch_account(self, account: RemoteAccount, *, activities_since: date | None) -> AccountData:
        from alpaca.trading.enums import QueryOrderStatus
        from alpaca.trading.requests import GetOrdersRequest

        raw_account = await self._get_account()
        positions = json_objects(await self.runner.call(self.trading.get_all_positions), "positions")
        activities, window_end = await self.activities(account, since=activities_since)
        orders = json_objects(await self.runner.call(
            self.trading.get_orders, GetOrdersRequest(status=QueryOrderStatus.ALL, limit=500)), "orders")
        names = await self.asset_names([payload.text(p["symbol"], "position symbol") for p in positions])
        balance = RemoteBalance(account.currency, optional_decimal(raw_account.get("cash")),
                                optional_decimal(raw_account.get("buying_power")))
        return AccountData(
            account, (balance,), tuple(self._position(p, account.currency, names) for p in positions), tuple(activities),
            tuple(order_from_alpaca(o, account.currency) for o in orders),
            activities_from=activities_since, activities_to=window_end,
        )

    async def activities(self, account: RemoteAccount, *, since: date | None) -> tuple[list[RemoteActivity], date]:
        """Every activity from ``since`` (inclusive; all when None) to today, oldest first."""
        today = self.clock.today()
        query: dict[str, Any] = {"direction": "asc", "page_size": PAGE_SIZE}
        if since is not None:
            query["after"] = since.isoformat()
        collected: list[RemoteActivity] = []
        while True:
            page = await self.runner.call(self.trading.get, "/account/activities", dict(query))
            if not isinstance(page, list):
                raise BadProviderData(said("Alpaca sent account activities the app could not read. Nothing was changed."),
                                      provider="alpaca", detail=f"activities page is {type(page).__name__}")
            collected.extend(a for a in (activity_from_alpaca(item, account.currency) for item in page) if a)
            if len(page) < PAGE_SIZE:
                return collected, today
            query["page_token"] = str(page[-1]["id"])  # the next page starts after the last one seen

    async def asset_names(self, symbols: list[str]) -> dict[str, str | None]:
        """Each symbol's asset name ("Apple Inc. Common Stock"): Alpaca's positions carry none, and a
        holding held only here would show a blank name. Looked up once per symbol and kept. A name
        is not worth failing the account's sync for: a symbol Alpaca no longer lists has none, and
        one whose lookup failed is shown without a name and asked for again at the next sync."""
        slots = asyncio.Semaphore(ASSET_LOOKUPS_AT_ONCE)

        async def look_up(symbol: str) -> None:
            async with slots:
                try:
                    asset = await self.runner.call(self.trading.get_asset, symbol)
                except NotFound:
                    log.info("alpaca lists no asset %s; its position has no name", symbol)
                    self._names[symbol] = None
                    return
                except CleraError as error:
                    log.warning("alpaca asset %s: no name this time: %s", symbol, error)
                    return
            name = asset.get("name") if isinstance(asset, dict) else None
            self._names[symbol] = str(name) if name else None

        await asyncio.gather(*(look_up(s) for s in dict.fromkeys(symbols) if s not in self._names))
        return {symbol: self._names.get(symbol) for symbol in symbols}

    @staticmethod
    def _position(item: dict[str, Any], currency: str, names: dict[str, str | None]) -> RemotePosition:
        quantity = to_decimal(item["qty"])
        return RemotePosition(
            symbol=payload.text(item["symbol"], "position symbol"), quantity=quantity, currency=currency,
            security_type=SecurityType.CRYPTO if item.get("asset_class") == "crypto" else SecurityType.EQUITY,
            price=optional_decimal(item.get("current_price")), market_value=optional_decimal(item.get("market_value")),
            average_cost=optional_decimal(item.get("avg_entry_price")), cost_basis=optional_decimal(item.get("cost_basis")),
            description=names.get(item["symbol"]), universal_symbol_id=item.get("asset_id"),
            exchange=payload.label(item.get("exchange")),
        )

    async def latest_trades(self, symbols: list[str]) -> dict[str, Decimal]:
        """The last trade price per symbol (the live view's fallback when the stream is silent)."""
        from alpaca.data.requests import StockLatestTradeRequest

        trades = json_object(await self.runner.call(
            self.data.get_stock_latest_trade, StockLatestTradeRequest(symbol_or_symbols=symbols)), "latest trades")
        return {symbol: to_decimal(trade["p"]) for symbol, trade in trades.items() if isinstance(trade, dict) and "p" in trade}

    async def daily_closes(self, symbols: list[str], start: date, end: date) -> dict[str, list[tuple[date, Decimal]]]:
        """Daily closes per symbol (every page), for history and valuation."""
        from alpaca.data.requests import StockBarsRequest
        from alpaca.data.timeframe import TimeFrame

        request = StockBarsRequest(symbol_or_symbols=symbols, timeframe=TimeFrame.Day,
                                   start=datetime.combine(start, time(0), UTC), end=datetime.combine(end, time(23, 59), UTC))
        bars = json_object(await self.runner.call(self.data.get_stock_bars, request), "daily bars")
        return {
            symbol: [(datetime.fromisoformat(str(b["t"])).date(), to_decimal(b["c"])) for b in rows]
            for symbol, rows in bars.items()
        }


def json_object(value: object, what: str) -> dict[str, Any]:
    """alpaca-py is asked for raw JSON (``raw_data``): anything but an object is data the app cannot read."""
    if not isinstance(value, dict):
        raise BadProviderData(said("Alpaca sent {what} in a form the app could not read. Nothing was changed.", what=what),
                              provider="alpaca", detail=f"expected an object, got {type(value).__name__}")
    return value


def json_objects(value: object, what: str) -> list[dict[str, Any]]:
    """A JSON array of objects, or :class:`BadProviderData`."""
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise BadProviderData(said("Alpaca sent {what} in a form the app could not read. Nothing was changed.", what=what),
                              provider="alpaca", detail=f"expected a list of objects, got {type(value).__name__}")
    return value


def _member(vocabulary: type[E], value: str, default: E) -> E:
    """The vocabulary's member for ``value``; an order type or time in force the app does not know
    (Alpaca adds some now and then) reads as the plainest one rather than failing the sync."""
    return vocabulary(value) if value in vocabulary._value2member_map_ else default


def order_from_alpaca(item: dict[str, Any], currency: str) -> RemoteOrder:
    def when(key: str) -> datetime | None:
        value = item.get(key)
        return None if not value else datetime.fromisoformat(str(value))

    kind = str(item.get("order_type") or item.get("type") or "market")
    return RemoteOrder(
        provider_order_id=payload.text(item["id"], "order id"),
        client_order_id=payload.optional_text(item.get("client_order_id"), "client order id"),
        symbol=payload.text(item["symbol"], "order symbol"),
        side=OrderSide(str(item.get("side", "buy"))), order_type=_member(OrderType, kind, OrderType.MARKET),
        time_in_force=_member(TimeInForce, str(item.get("time_in_force")), TimeInForce.DAY),
        status=_STATUS.get(str(item.get("status")), OrderStatus.PENDING), currency=currency,
        quantity=optional_decimal(item.get("qty")), notional=optional_decimal(item.get("notional")),
        limit_price=optional_decimal(item.get("limit_price")), stop_price=optional_decimal(item.get("stop_price")),
        filled_quantity=optional_decimal(item.get("filled_qty")) or Decimal(0),
        average_fill_price=optional_decimal(item.get("filled_avg_price")),
        submitted_at=when("submitted_at"), updated_at=when("updated_at"), filled_at=when("filled_at"),
        canceled_at=when("canceled_at"),
    )
