"""Alpaca's trading and market-data REST APIs, imitated for alpaca-py's clients.

Money and quantity fields are strings, as Alpaca sends them; errors are ``{"code", "message"}``
(``APIError`` parses both). ``client_order_id`` is unique per account (422 40010001).
"""

from __future__ import annotations

import base64
import json
import secrets
import uuid
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from aiohttp import web

from clera_desktop.sandbox import alpaca_activities
from clera_desktop.sandbox.exchange import OPEN_STATUSES, OrderRejected, OrderRequest, cancel, submit
from clera_desktop.sandbox.http import decimal_string, iso, json_response, number
from clera_desktop.sandbox.world import DemoAccount, DemoOrder, stable_uuid

if TYPE_CHECKING:
    from clera_desktop.sandbox.server import SandboxServer

NEW_YORK = ZoneInfo("America/New_York")
EXCHANGE_NAMES = {"XNAS": "NASDAQ", "XNYS": "NYSE", "ARCX": "ARCA"}
BAR_PAGE_MAX = 10_000


def alpaca_error(status: int, code: int, message: str) -> web.Response:
    return json_response({"code": code, "message": message}, status=status)


def error_response(status: int, retry_after: int | None = None) -> web.Response:
    if status == 429:
        return alpaca_error(429, 42910000, "rate limit exceeded")
    if status == 401:
        return alpaca_error(401, 40110000, "request is not authorized")
    if status == 403:
        return alpaca_error(403, 40310000, "forbidden")
    if status >= 500:
        return alpaca_error(status, 50010000, "internal server error occurred")
    return alpaca_error(status, 40010000, "request is invalid")


class AlpacaService:
    def __init__(self, server: SandboxServer) -> None:
        self.server = server
        self.world = server.world

    @property
    def account(self) -> DemoAccount:
        assert self.world.alpaca is not None
        return self.world.alpaca.account

    def authorized(self, request: web.Request) -> bool:
        state = self.world.alpaca
        assert state is not None
        return request.headers.get("APCA-API-KEY-ID") == state.key_id and secrets.compare_digest(
            request.headers.get("APCA-API-SECRET-KEY", ""), state.secret_key
        )


def _auth_middleware(service: AlpacaService):  # type: ignore[no-untyped-def]
    @web.middleware
    async def check(request: web.Request, handler: Any) -> web.StreamResponse:
        if not service.authorized(request):
            return alpaca_error(401, 40110000, "request is not authorized")
        return await handler(request)

    return check


def _asset_id(symbol: str) -> str:
    return stable_uuid("alpaca-asset", symbol)


def _order(order: DemoOrder) -> dict[str, Any]:
    status = {"accepted": "accepted", "new": "new"}.get(order.status, order.status)
    return {
        "id": order.id, "client_order_id": order.client_order_id, "created_at": iso(order.created_at),
        "updated_at": iso(order.updated_at), "submitted_at": iso(order.created_at), "filled_at": iso(order.filled_at),
        "expired_at": None, "canceled_at": iso(order.canceled_at), "failed_at": None, "replaced_at": None,
        "replaced_by": None, "replaces": None, "asset_id": _asset_id(order.symbol), "symbol": order.symbol,
        "asset_class": "us_equity", "notional": decimal_string(order.notional),
        "qty": decimal_string(order.quantity), "filled_qty": decimal_string(order.filled_quantity),
        "filled_avg_price": decimal_string(order.average_fill_price), "order_class": "simple",
        "order_type": order.order_type, "type": order.order_type, "side": order.side,
        "time_in_force": order.time_in_force, "limit_price": decimal_string(order.limit_price),
        "stop_price": decimal_string(order.stop_price), "status": status, "extended_hours": False,
        "legs": None, "trail_percent": None, "trail_price": None, "hwm": None,
        "position_intent": "buy_to_open" if order.side == "buy" else "sell_to_close",
    }


def make_trading_app(service: AlpacaService) -> web.Application:
    app = web.Application(middlewares=[_auth_middleware(service)])
    world = service.world

    def value() -> tuple[Decimal, Decimal]:
        account = service.account
        market = sum((h.quantity * world.market.price(s) for s, h in account.book.holdings.items()), Decimal(0))
        return account.book.cash, market

    async def get_account(request: web.Request) -> web.Response:
        state = world.alpaca
        assert state is not None
        cash, market = value()
        equity = cash + market
        return json_response({
            "id": state.account.id, "account_number": state.account.number, "status": state.status,
            "crypto_status": "INACTIVE", "currency": "USD", "buying_power": decimal_string(cash),
            "regt_buying_power": decimal_string(cash), "daytrading_buying_power": "0",
            "non_marginable_buying_power": decimal_string(cash), "cash": decimal_string(cash),
            "accrued_fees": "0", "pending_transfer_out": "0", "pending_transfer_in": "0",
            "portfolio_value": decimal_string(equity), "pattern_day_trader": False, "trading_blocked": False,
            "transfers_blocked": False, "account_blocked": False, "created_at": iso(state.account.created_at),
            "trade_suspended_by_user": False, "multiplier": "1", "shorting_enabled": False,
            "equity": decimal_string(equity), "last_equity": decimal_string(equity), "long_market_value": decimal_string(market),
            "short_market_value": "0", "initial_margin": "0", "maintenance_margin": "0", "last_maintenance_margin": "0",
            "sma": "0", "daytrade_count": 0, "options_buying_power": decimal_string(cash),
            "options_approved_level": 0, "options_trading_level": 0,
        })

    def position(symbol: str) -> dict[str, Any]:
        holding = service.account.book.holdings[symbol]
        price = world.market.price(symbol)
        previous = world.market.previous_close(symbol)
        market_value = holding.quantity * price
        pl = market_value - holding.cost
        return {
            "asset_id": _asset_id(symbol), "symbol": symbol,
            "exchange": EXCHANGE_NAMES.get(world.instruments[symbol].exchange, "OTC"), "asset_class": "us_equity",
            "avg_entry_price": decimal_string((holding.cost / holding.quantity).quantize(Decimal("0.0001"))),
            "qty": decimal_string(holding.quantity), "qty_available": decimal_string(holding.quantity), "side": "long",
            "market_value": decimal_string(market_value), "cost_basis": decimal_string(holding.cost),
            "unrealized_pl": decimal_string(pl),
            "unrealized_plpc": decimal_string((pl / holding.cost).quantize(Decimal("0.0001")) if holding.cost else Decimal(0)),
            "unrealized_intraday_pl": decimal_string(holding.quantity * (price - previous)),
            "unrealized_intraday_plpc": decimal_string(((price - previous) / previous).quantize(Decimal("0.0001"))),
            "current_price": decimal_string(price), "lastday_price": decimal_string(previous),
            "change_today": decimal_string(((price - previous) / previous).quantize(Decimal("0.0001"))),
            "asset_marginable": True,
        }

    async def positions(request: web.Request) -> web.Response:
        with world.lock:
            return json_response([position(s) for s in sorted(service.account.book.holdings)])

    async def one_position(request: web.Request) -> web.Response:
        symbol = request.match_info["symbol"].upper()
        with world.lock:
            if symbol not in service.account.book.holdings:
                return alpaca_error(404, 40410000, "position does not exist")
            return json_response(position(symbol))

    async def submit_order(request: web.Request) -> web.Response:
        try:
            body = json.loads(await request.read())
        except ValueError:
            return alpaca_error(400, 40010000, "request body format is invalid")
        account = service.account
        client_order_id = body.get("client_order_id") or str(uuid.uuid4())
        if len(client_order_id) > 128:
            return alpaca_error(422, 40010001, "client_order_id must be no more than 128 characters")
        if any(o.client_order_id == client_order_id for o in account.orders):
            return alpaca_error(422, 40010001, "client_order_id must be unique")
        symbol = str(body.get("symbol", "")).upper()
        if symbol not in world.instruments or world.instruments[symbol].currency != "USD":
            return alpaca_error(422, 40010001, f'asset "{symbol}" not found')
        try:
            order_request = OrderRequest(
                symbol=symbol, side=body.get("side", ""), order_type=body.get("type", "market"),
                time_in_force=body.get("time_in_force", "day"),
                quantity=_dec(body.get("qty")), notional=_dec(body.get("notional")),
                limit_price=_dec(body.get("limit_price")), stop_price=_dec(body.get("stop_price")),
                client_order_id=client_order_id,
            )
        except InvalidOperation:
            return alpaca_error(422, 40010001, "invalid number in order")
        if order_request.side not in ("buy", "sell"):
            return alpaca_error(422, 40010001, "side must be buy or sell")
        try:
            placed = submit(world, account, order_request)
        except OrderRejected as rejected:
            if rejected.code in ("buying_power", "position"):
                return alpaca_error(403, 40310000, rejected.reason)
            return alpaca_error(422, 40010001, rejected.reason)
        return json_response(_order(placed))

    async def list_orders(request: web.Request) -> web.Response:
        status = request.query.get("status", "open")
        limit = min(int(request.query.get("limit", "50")), 500)
        symbols = {s for s in request.query.get("symbols", "").split(",") if s}
        with world.lock:
            selected = [o for o in reversed(service.account.orders)
                        if (status == "all" or (status == "open") == (o.status in OPEN_STATUSES))
                        and (not symbols or o.symbol in symbols)]
        return json_response([_order(o) for o in selected[:limit]])

    def find(order_id: str) -> DemoOrder | None:
        return next((o for o in service.account.orders if o.id == order_id), None)

    async def get_order(request: web.Request) -> web.Response:
        order = find(request.match_info["order_id"])
        return json_response(_order(order)) if order else alpaca_error(404, 40410000, "order not found")

    async def by_client_id(request: web.Request) -> web.Response:
        wanted = request.query.get("client_order_id", "")
        order = next((o for o in service.account.orders if o.client_order_id == wanted), None)
        return json_response(_order(order)) if order else alpaca_error(404, 40410000, "order not found")

    async def cancel_one(request: web.Request) -> web.Response:
        order = find(request.match_info["order_id"])
        if order is None:
            return alpaca_error(404, 40410000, "order not found")
        try:
            cancel(world, order)
        except OrderRejected:
            return alpaca_error(422, 42210000, f"order is already in \"{order.status}\" state")
        return web.Response(status=204)

    async def cancel_all(request: web.Request) -> web.Response:
        results = []
        for order in list(service.account.orders):
            if order.status in OPEN_STATUSES:
                cancel(world, order)
                results.append({"id": order.id, "status": 200, "body": _order(order)})
        return json_response(results, status=207)

    def asset(symbol: str) -> dict[str, Any]:
        instrument = world.instruments[symbol]
        return {
            "id": _asset_id(symbol), "class": "us_equity", "exchange": EXCHANGE_NAMES.get(instrument.exchange, "OTC"),
            "symbol": symbol, "name": instrument.name, "status": "active", "tradable": True, "marginable": True,
            "shortable": False, "easy_to_borrow": False, "fractionable": True, "maintenance_margin_requirement": 30,
            "margin_requirement_long": "30", "margin_requirement_short": "100", "attributes": [],
        }

    async def assets(request: web.Request) -> web.Response:
        return json_response([asset(s) for s, i in sorted(world.instruments.items()) if i.currency == "USD"])

    async def one_asset(request: web.Request) -> web.Response:
        symbol = request.match_info["symbol"].upper()
        if symbol not in world.instruments or world.instruments[symbol].currency != "USD":
            return alpaca_error(404, 40410000, "asset not found")
        return json_response(asset(symbol))

    async def clock(request: web.Request) -> web.Response:
        now = world.clock.now()
        today = now.astimezone(NEW_YORK).date()
        next_open = datetime.combine(today + timedelta(days=1), time(9, 30), NEW_YORK)
        return json_response({
            "timestamp": now.isoformat(), "is_open": world.market.is_open,
            "next_open": next_open.isoformat(), "next_close": datetime.combine(today, time(16, 0), NEW_YORK).isoformat(),
        })

    async def activities(request: web.Request) -> web.Response:
        query = dict(request.query)
        if "activity_type" in request.match_info:
            query["activity_types"] = request.match_info["activity_type"]
        with world.lock:
            ledger = list(service.account.ledger)
        try:
            return json_response(alpaca_activities.select(ledger, query))
        except alpaca_activities.BadQuery as error:
            return alpaca_error(422, 42210000, str(error))

    app.router.add_get("/v2/account", get_account)
    app.router.add_get("/v2/positions", positions)
    app.router.add_get("/v2/positions/{symbol}", one_position)
    app.router.add_post("/v2/orders", submit_order)
    app.router.add_get("/v2/orders", list_orders)
    app.router.add_delete("/v2/orders", cancel_all)
    app.router.add_get("/v2/orders:by_client_order_id", by_client_id)
    app.router.add_get("/v2/orders/{order_id}", get_order)
    app.router.add_delete("/v2/orders/{order_id}", cancel_one)
    app.router.add_get("/v2/assets", assets)
    app.router.add_get("/v2/assets/{symbol}", one_asset)
    app.router.add_get("/v2/clock", clock)
    app.router.add_get("/v2/account/activities", activities)
    app.router.add_get("/v2/account/activities/{activity_type}", activities)
    return app


def _dec(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    return Decimal(str(value))


def _bar_time(day: date) -> str:
    return datetime.combine(day, time(0, 0), NEW_YORK).astimezone(UTC).isoformat().replace("+00:00", "Z")


def _parse_time(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).astimezone(NEW_YORK).date()
    except ValueError:
        return date.fromisoformat(text[:10])


def make_data_app(service: AlpacaService) -> web.Application:
    app = web.Application(middlewares=[_auth_middleware(service)])
    world = service.world

    def bars_for(symbols: list[str], query: Any) -> web.Response:
        if query.get("timeframe", "1Day") not in ("1Day", "1D"):
            return alpaca_error(422, 42210000, "the sandbox serves daily bars only (timeframe=1Day)")
        unknown = [s for s in symbols if s not in world.instruments]
        if unknown:
            return alpaca_error(422, 42210000, f"invalid symbol: {unknown[0]}")
        start, end = _parse_time(query.get("start")), _parse_time(query.get("end"))
        limit = min(int(query.get("limit", "1000")), BAR_PAGE_MAX)
        rows = [
            (symbol, index, bar)
            for symbol in sorted(symbols)
            for index, bar in enumerate(world.prices.bars(symbol))
            if (start is None or bar.day >= start) and (end is None or bar.day <= end) and bar.day <= world.as_of
        ]
        token = query.get("page_token")
        if token:
            symbol_cursor, index_cursor = base64.b64decode(token).decode().split("|")
            rows = [r for r in rows if (r[0], r[1]) > (symbol_cursor, int(index_cursor))]
        page, more = rows[:limit], len(rows) > limit
        bars: dict[str, list[dict[str, Any]]] = {}
        for symbol, _, bar in page:
            bars.setdefault(symbol, []).append({
                "t": _bar_time(bar.day), "o": number(bar.open), "h": number(bar.high), "l": number(bar.low),
                "c": number(bar.close), "v": bar.volume, "n": bar.trade_count, "vw": number(bar.vwap),
            })
        next_token = base64.b64encode(f"{page[-1][0]}|{page[-1][1]}".encode()).decode() if more and page else None
        return json_response({"bars": bars, "next_page_token": next_token, "currency": "USD"})

    async def multi_bars(request: web.Request) -> web.Response:
        symbols = [s for s in request.query.get("symbols", "").split(",") if s]
        return bars_for(symbols, request.query)

    async def single_bars(request: web.Request) -> web.Response:
        response = bars_for([request.match_info["symbol"].upper()], request.query)
        return response

    def latest(kind: str, symbols: list[str]) -> dict[str, Any]:
        result = {}
        for symbol in symbols:
            if symbol not in world.instruments:
                continue
            tick = world.market.tick(symbol)
            at = iso(tick.at)
            if kind == "trades":
                result[symbol] = {"t": at, "x": "V", "p": number(tick.price), "s": tick.size, "c": ["@"], "i": tick.trade_id,
                                  "z": "C"}
            else:
                result[symbol] = {"t": at, "ax": "V", "ap": number(tick.ask), "as": 1, "bx": "V", "bp": number(tick.bid),
                                  "bs": 1, "c": ["R"], "z": "C"}
        return result

    async def latest_trades(request: web.Request) -> web.Response:
        symbols = [s for s in request.query.get("symbols", "").split(",") if s]
        return json_response({"trades": latest("trades", symbols)})

    async def latest_quotes(request: web.Request) -> web.Response:
        symbols = [s for s in request.query.get("symbols", "").split(",") if s]
        return json_response({"quotes": latest("quotes", symbols)})

    app.router.add_get("/v2/stocks/bars", multi_bars)
    app.router.add_get("/v2/stocks/{symbol}/bars", single_bars)
    app.router.add_get("/v2/stocks/trades/latest", latest_trades)
    app.router.add_get("/v2/stocks/quotes/latest", latest_quotes)
    return app
