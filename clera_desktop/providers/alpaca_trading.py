"""Alpaca trading: orders with a client order id, lookups, cancel, assets, quotes, the clock.

Alpaca has no order preview; the ticket's estimate comes from the latest quote and says so.
Its idempotency key is ``client_order_id`` (unique per account), so after a lost answer the
order is looked up by that id before anything is sent again (provider-apis.md, Alpaca orders).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from decimal import Decimal
from typing import Any

from clera_desktop.core.errors import NotFound, RejectedInput
from clera_desktop.core.money import optional_decimal
from clera_desktop.core.words import said
from clera_desktop.models.enums import OrderSide, OrderType, TimeInForce
from clera_desktop.models.provider_data import RemoteOrder
from clera_desktop.models.trading import (
    BrokerPreview,
    OrderTicket,
    Quote,
    SymbolMatch,
    TradingAccount,
    TradingCapabilities,
)
from clera_desktop.providers.alpaca import AlpacaClient, order_from_alpaca
from clera_desktop.providers.base import wire_number


class AlpacaTrading:
    def __init__(self, client: AlpacaClient) -> None:
        self._client = client
        self._assets: list[dict[str, Any]] | None = None

    @property
    def _run(self) -> Any:
        return self._client.runner.call

    async def capabilities(self, account: TradingAccount) -> TradingCapabilities:
        return TradingCapabilities(
            fractional=True, notional=True, order_types=tuple(OrderType),
            time_in_force=(TimeInForce.DAY, TimeInForce.GTC, TimeInForce.OPG, TimeInForce.CLS,
                           TimeInForce.IOC, TimeInForce.FOK),
        )

    async def _all_assets(self) -> list[dict[str, Any]]:
        if self._assets is None:
            from alpaca.trading.enums import AssetStatus
            from alpaca.trading.requests import GetAssetsRequest

            self._assets = await self._run(self._client.trading.get_all_assets, GetAssetsRequest(status=AssetStatus.ACTIVE))
        return self._assets

    async def search(self, account: TradingAccount, text: str) -> list[SymbolMatch]:
        needle = text.strip().upper()
        if not needle:
            return []
        hits = [a for a in await self._all_assets() if needle in str(a.get("symbol")) or needle in str(a.get("name", "")).upper()]
        hits.sort(key=lambda a: (a["symbol"] != needle, not str(a["symbol"]).startswith(needle), a["symbol"]))
        return [SymbolMatch(symbol=str(a["symbol"]), description=str(a.get("name") or ""), currency="USD",
                            exchange=a.get("exchange"), provider_symbol_id=str(a.get("id")),
                            tradable=bool(a.get("tradable")), fractionable=bool(a.get("fractionable")))
                for a in hits[:20]]

    async def quote(self, account: TradingAccount, symbol: str) -> Quote | None:
        from alpaca.data.requests import StockLatestQuoteRequest, StockLatestTradeRequest

        data = self._client.data
        quotes = await self._run(data.get_stock_latest_quote, StockLatestQuoteRequest(symbol_or_symbols=symbol))
        trades = await self._run(data.get_stock_latest_trade, StockLatestTradeRequest(symbol_or_symbols=symbol))
        quote, trade = (quotes or {}).get(symbol), (trades or {}).get(symbol)
        if not quote and not trade:
            return None
        quote, trade = quote or {}, trade or {}
        stamp = trade.get("t") or quote.get("t")
        return Quote(symbol, "USD", bid=optional_decimal(quote.get("bp")), ask=optional_decimal(quote.get("ap")),
                     last=optional_decimal(trade.get("p")), source="Alpaca market data",
                     as_of=datetime.fromisoformat(str(stamp)) if stamp else None)

    async def market_open(self) -> bool | None:
        clock = await self._run(self._client.trading.get_clock)
        return bool(clock.get("is_open"))

    async def preview(self, account: TradingAccount, ticket: OrderTicket) -> BrokerPreview:
        """No preview at Alpaca: check the asset is tradable (and fractionable when needed)."""
        try:
            asset = await self._run(self._client.trading.get_asset, ticket.symbol)
        except NotFound:
            raise RejectedInput(said("Alpaca cannot trade {symbol}.", symbol=ticket.symbol), provider="alpaca") from None
        if not asset.get("tradable"):
            raise RejectedInput(said("Alpaca does not allow trading {symbol} right now.", symbol=ticket.symbol),
                                provider="alpaca")
        whole = ticket.quantity is not None and ticket.quantity == ticket.quantity.to_integral_value()
        fractional = ticket.notional is not None or (ticket.quantity is not None and not whole)
        if fractional and not asset.get("fractionable"):
            raise RejectedInput(said("{symbol} cannot be traded in fractions or dollar amounts at Alpaca.", symbol=ticket.symbol),
                                provider="alpaca")
        return BrokerPreview(trade_id=None, currency=account.currency)

    async def place(self, account: TradingAccount, ticket: OrderTicket, preview: BrokerPreview,
                    client_order_id: str) -> RemoteOrder:
        raw = await self._run(self._client.trading.submit_order, order_request(ticket, client_order_id), idempotent=False)
        return order_from_alpaca(raw, account.currency)

    async def find_placed(self, account: TradingAccount, ticket: OrderTicket, client_order_id: str,
                          *, since: datetime, known: Collection[str]) -> RemoteOrder | None:
        try:
            raw = await self._run(self._client.trading.get_order_by_client_id, client_order_id)
        except NotFound:
            return None
        return order_from_alpaca(raw, account.currency)

    async def orders(self, account: TradingAccount) -> list[RemoteOrder]:
        from alpaca.trading.enums import QueryOrderStatus
        from alpaca.trading.requests import GetOrdersRequest

        raw = await self._run(self._client.trading.get_orders, GetOrdersRequest(status=QueryOrderStatus.ALL, limit=100))
        return [order_from_alpaca(item, account.currency) for item in raw]

    async def cancel(self, account: TradingAccount, provider_order_id: str) -> None:
        await self._run(self._client.trading.cancel_order_by_id, provider_order_id, idempotent=False)


def order_request(ticket: OrderTicket, client_order_id: str) -> Any:
    """The alpaca-py request object for ``ticket``."""
    from alpaca.trading import enums, requests

    common: dict[str, Any] = {
        "symbol": ticket.symbol, "side": enums.OrderSide.BUY if ticket.side is OrderSide.BUY else enums.OrderSide.SELL,
        "time_in_force": enums.TimeInForce(ticket.time_in_force.value), "client_order_id": client_order_id,
    }
    if ticket.quantity is not None:
        common["qty"] = wire_number(ticket.quantity, "quantity", "alpaca")
    else:
        common["notional"] = wire_number(ticket.notional or Decimal(0), "amount", "alpaca")
    limit = None if ticket.limit_price is None else wire_number(ticket.limit_price, "limit price", "alpaca")
    stop = None if ticket.stop_price is None else wire_number(ticket.stop_price, "stop price", "alpaca")
    match ticket.order_type:
        case OrderType.MARKET:
            return requests.MarketOrderRequest(**common)
        case OrderType.LIMIT:
            return requests.LimitOrderRequest(**common, limit_price=limit)
        case OrderType.STOP:
            return requests.StopOrderRequest(**common, stop_price=stop)
        case OrderType.STOP_LIMIT:
            return requests.StopLimitOrderRequest(**common, limit_price=limit, stop_price=stop)
    raise AssertionError(ticket.order_type)


