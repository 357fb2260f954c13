"""SnapTrade trading: order impact -> place by trade id, recent orders, cancel, quotes, symbols.

The documented flow (provider-apis.md 1.10): ``get_order_impact`` returns a trade id valid for
5 minutes that ``place_order`` consumes once, so a second POST with the same id can never make
a second order. SnapTrade allows one trade per second per account; :class:`TradePace` waits
instead of being throttled.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Collection
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from clera_desktop.core.errors import BadProviderData, RejectedInput
from clera_desktop.core.money import optional_decimal
from clera_desktop.core.words import said
from clera_desktop.models.enums import OrderType, TimeInForce
from clera_desktop.models.provider_data import RemoteOrder
from clera_desktop.models.trading import (
    BrokerPreview,
    OrderTicket,
    Quote,
    SymbolMatch,
    TradingAccount,
    TradingCapabilities,
)
from clera_desktop.providers.base import wire_number
from clera_desktop.providers.snaptrade import SnapTradeClient, order_from_record

TRADE_ID_LIFETIME = timedelta(minutes=5)
_ORDER_TYPE = {OrderType.MARKET: "Market", OrderType.LIMIT: "Limit", OrderType.STOP: "Stop",
               OrderType.STOP_LIMIT: "StopLimit"}
_TIME_IN_FORCE = {TimeInForce.DAY: "Day", TimeInForce.GTC: "GTC", TimeInForce.FOK: "FOK", TimeInForce.IOC: "IOC"}


class TradePace:
    """At most one trade per ``interval`` seconds per account, waiting rather than failing."""

    def __init__(self, interval: float = 1.0) -> None:
        self.interval = interval
        self._last: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def wait(self, account_id: str) -> None:
        lock = self._locks.setdefault(account_id, asyncio.Lock())
        async with lock:
            last = self._last.get(account_id)
            if last is not None:
                delay = self.interval - (time.monotonic() - last) + 0.02
                if delay > 0:
                    await asyncio.sleep(delay)
            self._last[account_id] = time.monotonic()


class SnapTradeTrading:
    def __init__(self, client: SnapTradeClient, *, pace: TradePace | None = None) -> None:
        self._client = client
        self._api = client._api  # noqa: SLF001 - the same SDK instance, paced and timed out once
        self.pace = pace or TradePace()
        self._symbol_ids: dict[tuple[str, str], str] = {}

    async def _call(self, method: Any, kind: type = dict, *, idempotent: bool = True, **kwargs: Any) -> Any:
        """A trading call: ahead of the syncs in SnapTrade's rate budget (urgent)."""
        return await self._client._call(method, kind, idempotent=idempotent, urgent=True,  # noqa: SLF001
                                        **kwargs, **self._client._user_args())  # noqa: SLF001

    async def capabilities(self, account: TradingAccount) -> TradingCapabilities:
        fractional = False
        if account.provider_connection_id:
            body = await self._call(self._api.connections.detail_brokerage_authorization,
                                    authorization_id=account.provider_connection_id)
            fractional = bool((body.get("brokerage") or {}).get("allows_fractional_units"))
        return TradingCapabilities(
            fractional=fractional, notional=fractional,
            order_types=tuple(_ORDER_TYPE), time_in_force=tuple(_TIME_IN_FORCE),
        )

    async def search(self, account: TradingAccount, text: str) -> list[SymbolMatch]:
        body = await self._call(self._api.reference_data.symbol_search_user_account, list,
                                account_id=account.provider_account_id, substring=text)
        matches = []
        for item in body:
            symbol = str(item.get("symbol") or "").removesuffix(".TO")
            currency = str((item.get("currency") or {}).get("code") or account.currency)
            self._symbol_ids[(account.id, symbol)] = str(item["id"])
            matches.append(SymbolMatch(symbol=symbol, description=str(item.get("description") or ""), currency=currency,
                                       exchange=(item.get("exchange") or {}).get("code"), provider_symbol_id=str(item["id"])))
        return matches

    async def _universal_symbol_id(self, account: TradingAccount, symbol: str) -> str:
        key = (account.id, symbol)
        if key not in self._symbol_ids:
            await self.search(account, symbol)
        if key not in self._symbol_ids:
            raise RejectedInput(said("{institution} cannot trade {symbol} in this account.",
                                     institution=account.institution, symbol=symbol), provider="snaptrade")
        return self._symbol_ids[key]

    async def quote(self, account: TradingAccount, symbol: str) -> Quote | None:
        body = await self._call(self._api.trading.get_user_account_quotes, list,
                                account_id=account.provider_account_id, symbols=symbol, use_ticker=True)
        for item in body:
            listed = str((item.get("symbol") or {}).get("symbol") or "").removesuffix(".TO")
            if listed == symbol:
                return Quote(symbol, account.currency, bid=optional_decimal(item.get("bid_price")),
                             ask=optional_decimal(item.get("ask_price")), last=optional_decimal(item.get("last_trade_price")),
                             source=f"{account.institution} via SnapTrade", as_of=self._client.clock.now())
        return None

    async def market_open(self) -> bool | None:
        return None  # SnapTrade has no market clock; the service asks Alpaca or the calendar

    async def preview(self, account: TradingAccount, ticket: OrderTicket) -> BrokerPreview:
        arguments: dict[str, Any] = {
            "account_id": account.provider_account_id, "action": ticket.side.value.upper(),
            "universal_symbol_id": await self._universal_symbol_id(account, ticket.symbol),
            "order_type": _ORDER_TYPE[ticket.order_type], "time_in_force": _TIME_IN_FORCE[ticket.time_in_force],
        }
        if ticket.quantity is not None:
            arguments["units"] = wire_number(ticket.quantity, "quantity", "snaptrade")
        else:
            arguments["notional_value"] = wire_number(ticket.notional or Decimal(0), "amount", "snaptrade")
        if ticket.limit_price is not None:
            arguments["price"] = wire_number(ticket.limit_price, "limit price", "snaptrade")
        if ticket.stop_price is not None:
            arguments["stop"] = wire_number(ticket.stop_price, "stop price", "snaptrade")
        requested_at = self._client.clock.now()
        body = await self._call(self._api.trading.get_order_impact, **arguments)
        trade = body.get("trade") or {}
        if not trade.get("id"):
            raise BadProviderData(provider="snaptrade", detail="order impact without a trade id")
        impacts = body.get("trade_impacts") or [{}]
        impact = impacts[0] if isinstance(impacts[0], dict) else {}
        return BrokerPreview(
            trade_id=str(trade["id"]), currency=account.currency, price=optional_decimal(trade.get("price")),
            estimated_commission=optional_decimal(impact.get("estimated_commission")),
            remaining_cash=optional_decimal(impact.get("remaining_cash")),
            expires_at=requested_at + TRADE_ID_LIFETIME,
        )

    async def place(self, account: TradingAccount, ticket: OrderTicket, preview: BrokerPreview,
                    client_order_id: str) -> RemoteOrder:
        if not preview.trade_id:
            raise RejectedInput(said("Preview the order with the brokerage before placing it."), provider="snaptrade")
        await self.pace.wait(account.id)
        body = await self._call(self._api.trading.place_order, idempotent=False, trade_id=preview.trade_id,
                                wait_to_confirm=True)
        return order_from_record(body, account.currency)

    async def find_placed(self, account: TradingAccount, ticket: OrderTicket, client_order_id: str,
                          *, since: datetime, known: Collection[str]) -> RemoteOrder | None:
        """SnapTrade orders carry no client id: match the ticket among orders placed since the preview."""
        body = await self._call(self._api.account_information.get_user_account_recent_orders,
                                account_id=account.provider_account_id, only_executed=False)
        candidates = []
        for item in body.get("orders") or []:
            order = order_from_record(item, account.currency)
            placed = order.submitted_at
            if (order.provider_order_id not in known and order.symbol.removesuffix(".TO") == ticket.symbol
                    and order.side is ticket.side and order.order_type is ticket.order_type
                    and (ticket.quantity is None or order.quantity == ticket.quantity)
                    and (placed is None or placed >= since - timedelta(seconds=5))):
                candidates.append(order)
        return min(candidates, key=lambda o: o.submitted_at or since) if candidates else None

    async def orders(self, account: TradingAccount) -> list[RemoteOrder]:
        body = await self._call(self._api.account_information.get_user_account_orders, list,
                                account_id=account.provider_account_id, state="all", days=7)
        return [order_from_record(item, account.currency) for item in body]

    async def cancel(self, account: TradingAccount, provider_order_id: str) -> None:
        await self._call(self._api.trading.cancel_order, idempotent=False,
                         account_id=account.provider_account_id, brokerage_order_id=provider_order_id)

