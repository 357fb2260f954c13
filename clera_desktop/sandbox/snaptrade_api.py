"""SnapTrade's REST API, imitated: signed requests, users, portal, connections, data, trading.

Authentication follows the real API (provider-apis.md 1.2): every signed request carries
``clientId`` and ``timestamp`` in the query and a ``Signature`` header over the raw path, raw
query and JSON body; user-scoped routes also need ``userId`` and ``userSecret``.
"""

from __future__ import annotations

import functools
import secrets
import time
import uuid
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from aiohttp import web

from clera_desktop.core.clock import wall_clock_seconds
from clera_desktop.sandbox import snaptrade_portal
from clera_desktop.sandbox import snaptrade_shapes as shapes
from clera_desktop.sandbox.exchange import OrderRejected, OrderRequest, cancel, submit, validate
from clera_desktop.sandbox.http import json_response, number, read_json
from clera_desktop.sandbox.ledger import TAX_LOT_INSTITUTIONS
from clera_desktop.sandbox.signing import verify
from clera_desktop.sandbox.world import DemoAccount, SnapConnection, SnapUser

if TYPE_CHECKING:
    from clera_desktop.sandbox.server import SandboxServer

TIMESTAMP_TOLERANCE_S = 300
TRADE_TTL = timedelta(minutes=5)
LOGIN_TTL = timedelta(minutes=5)
MAX_ACTIVITY_PAGE = 1000


def error_body(status: int, detail: str, code: str | int) -> dict[str, Any]:
    return {"detail": detail, "status_code": status, "code": str(code)}


def api_error(status: int, detail: str, code: str | int, headers: dict[str, str] | None = None) -> web.Response:
    return json_response(error_body(status, detail, code), status=status, headers=headers)


def error_response(status: int, retry_after: int | None = None) -> web.Response:
    """What SnapTrade answers for an injected status (fault injection)."""
    if status == 429:
        wait = retry_after or 5
        return api_error(429, f"Request was throttled. Expected available in {wait} seconds.", "0000")
    if status in (502, 503, 504):
        return api_error(status, "Unable to sync with brokerage account.", "3002")
    if status >= 500:
        return api_error(status, "Encountered an unexpected exception.", "1000")
    if status == 401:
        return api_error(401, "Unable to verify signature sent", "1076")
    if status == 402:
        return api_error(402, "Unable to sync with brokerage account because the connection is disabled.", "3003")
    if status == 403:
        return api_error(403, "User does not have permission to access this resource", "1066")
    if status == 404:
        return api_error(404, "The requested resource does not exist.", "1011")
    return api_error(status, "Unable to verify data sent", "1076")


class ApiFailure(Exception):
    def __init__(self, response: web.Response) -> None:
        self.response = response


def fail(status: int, detail: str, code: str | int) -> ApiFailure:
    return ApiFailure(api_error(status, detail, code))


@dataclass
class LoginSession:
    token: str
    session_id: str
    user_id: str
    broker: str | None
    connection_type: str
    reconnect: str | None
    custom_redirect: str | None
    immediate_redirect: bool
    expires: datetime
    finished: bool = False
    failed_logins: int = 0  # wrong passwords so far: the page asks again, up to MAX_LOGIN_ATTEMPTS


@dataclass
class PendingTrade:
    id: str
    user_id: str
    account_id: str
    request: OrderRequest
    expires: datetime


@dataclass
class Client:
    client_id: str
    consumer_key: str
    personal_user: str | None = None  # a personal key acts as this user, no userId/userSecret
    calls: deque[float] = field(default_factory=deque)


class SnapTradeService:
    """State behind the SnapTrade imitation: API clients, login sessions, pending trades."""

    def __init__(self, server: SandboxServer, *, rate_limit_per_minute: int = 250) -> None:
        self.server = server
        self.world = server.world
        seed = self.world.seed
        self.client_id = f"CLERA-SANDBOX-{seed}"
        self.consumer_key = self.world.secret("snaptrade-consumer-key")
        self.personal_client_id = f"CLERA-PERSONAL-{seed}"
        self.personal_consumer_key = self.world.secret("snaptrade-personal-key")
        self.clients = {
            self.client_id: Client(self.client_id, self.consumer_key),
            self.personal_client_id: Client(self.personal_client_id, self.personal_consumer_key, "demo-user"),
        }
        self.rate_limit_per_minute = rate_limit_per_minute
        self.sessions: dict[str, LoginSession] = {}
        self.trades: dict[str, PendingTrade] = {}
        self.last_trade_at: dict[str, float] = {}
        self.refreshed_at: dict[str, float] = {}

    @property
    def demo_user(self) -> SnapUser:
        return self.world.snaptrade_users["demo-user"]

    # ---- authentication -----------------------------------------------------------------

    async def authenticate(self, request: web.Request, *, user_scoped: bool) -> tuple[Client, SnapUser | None, Any]:
        raw_query = request.rel_url.raw_query_string
        params = parse_qs(raw_query, keep_blank_values=True)
        client = self.clients.get(_one(params, "clientId") or "")
        body = await read_json(request)
        if client is None:
            raise fail(401, "Unable to verify signature sent", "1076")
        timestamp = _one(params, "timestamp")
        if timestamp is None or not timestamp.isdigit():
            raise fail(401, "Unable to verify signature sent", "1076")
        # the SDK signs with the real time, whatever day the sandbox plays: check against the real time
        if abs(wall_clock_seconds() - int(timestamp)) > TIMESTAMP_TOLERANCE_S:
            raise fail(401, "Request timestamp is outside the allowed window", "1076")
        if not verify(client.consumer_key, request.path, raw_query, body, request.headers.get("Signature")):
            raise fail(401, "Unable to verify signature sent", "1076")
        self._count_call(client)
        if not user_scoped:
            return client, None, body
        if client.personal_user is not None:
            return client, self.world.snaptrade_users[client.personal_user], body
        user = self.world.snaptrade_users.get(_one(params, "userId") or "")
        if user is None or not secrets.compare_digest(user.secret, _one(params, "userSecret") or ""):
            raise fail(401, "Invalid userID or userSecret provided", "1083")
        return client, user, body

    def _count_call(self, client: Client) -> None:
        now = time.monotonic()
        while client.calls and now - client.calls[0] >= 60:
            client.calls.popleft()
        if len(client.calls) >= self.rate_limit_per_minute:
            reset = max(1, int(60 - (now - client.calls[0])) + 1)
            raise ApiFailure(api_error(
                429, f"Request was throttled. Expected available in {reset} seconds.", "0000",
                headers={"Retry-After": str(reset), **self.rate_headers(client)},
            ))
        client.calls.append(now)

    def rate_headers(self, client: Client) -> dict[str, str]:
        now = time.monotonic()
        reset = int(60 - (now - client.calls[0])) if client.calls else 60
        return {
            "X-RateLimit-Limit": str(self.rate_limit_per_minute),
            "X-RateLimit-Remaining": str(max(0, self.rate_limit_per_minute - len(client.calls))),
            "X-RateLimit-Reset": str(max(0, reset)),
        }

    # ---- lookups --------------------------------------------------------------------------

    def account(self, user: SnapUser, account_id: str) -> tuple[SnapConnection, DemoAccount]:
        found = self.world.snaptrade_account(user, account_id)
        if found is None:
            raise fail(404, "The requested resource does not exist.", "1011")
        return found

    def connection(self, user: SnapUser, connection_id: str) -> SnapConnection:
        connection = user.connections.get(connection_id)
        if connection is None:
            raise fail(404, "The requested resource does not exist.", "1011")
        return connection

    def price_of(self, symbol: str) -> Decimal:
        return self.world.market.price(symbol)

    def now(self) -> datetime:
        return self.world.clock.now()


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None


Route = Callable[[SnapTradeService, web.Request, SnapUser | None, Any], Awaitable[web.StreamResponse]]


def _signed(service: SnapTradeService, handler: Route, *, user_scoped: bool = True, deprecated: bool = False):  # type: ignore[no-untyped-def]
    async def wrapped(request: web.Request) -> web.StreamResponse:
        request_id = uuid.uuid4().hex
        try:
            client, user, body = await service.authenticate(request, user_scoped=user_scoped)
            response = await handler(service, request, user, body)
            response.headers.update(service.rate_headers(client))
        except ApiFailure as failure:
            response = failure.response
        response.headers["X-Request-ID"] = request_id
        if deprecated:
            response.headers["Deprecation"] = "true"
        return response

    return wrapped


# ---- users ------------------------------------------------------------------------------------


async def register_user(service: SnapTradeService, request: web.Request, _user: Any, body: Any) -> web.Response:
    user_id = (body or {}).get("userId")
    if not user_id:
        raise fail(400, "userId is required", "1012")
    with service.world.lock:
        if user_id in service.world.snaptrade_users:
            raise fail(400, "User already exist", "1010")
        user = SnapUser(user_id, secrets.token_urlsafe(32), service.now())
        service.world.snaptrade_users[user_id] = user
    return json_response({"userId": user.user_id, "userSecret": user.secret})


async def delete_user(service: SnapTradeService, request: web.Request, _user: Any, _body: Any) -> web.Response:
    user_id = request.query.get("userId", "")
    with service.world.lock:
        if service.world.snaptrade_users.pop(user_id, None) is None:
            raise fail(404, "User not found", "1011")
    return json_response({"status": "deleted", "detail": f"User {user_id} queued for deletion", "userId": user_id})


async def reset_user_secret(service: SnapTradeService, request: web.Request, _user: Any, body: Any) -> web.Response:
    body = body or {}
    user = service.world.snaptrade_users.get(body.get("userId", ""))
    if user is None or not secrets.compare_digest(user.secret, body.get("userSecret") or ""):
        raise fail(401, "Invalid userID or userSecret provided", "1083")
    user.secret = secrets.token_urlsafe(32)
    return json_response({"userId": user.user_id, "userSecret": user.secret})


async def list_users(service: SnapTradeService, request: web.Request, _user: Any, _body: Any) -> web.Response:
    return json_response(sorted(service.world.snaptrade_users))


async def login(service: SnapTradeService, request: web.Request, user: SnapUser | None, body: Any) -> web.Response:
    assert user is not None
    body = body or {}
    broker = body.get("broker")
    if broker is not None and broker not in shapes_brokerages():
        raise fail(400, f"Unknown brokerage {broker}", "1012")
    connection_type = body.get("connectionType") or "read"
    if connection_type not in ("read", "trade", "trade-if-available"):
        raise fail(400, "connectionType must be read, trade or trade-if-available", "1012")
    locale = body.get("locale")
    if locale not in (None, "en", "pt-BR"):
        raise fail(400, f"Unsupported locale {locale}", "1012")
    reconnect = body.get("reconnect")
    if reconnect is not None:
        service.connection(user, reconnect)
    token = secrets.token_urlsafe(24)
    session = LoginSession(
        token=token, session_id=str(uuid.uuid4()), user_id=user.user_id, broker=broker,
        connection_type=connection_type, reconnect=reconnect, custom_redirect=body.get("customRedirect"),
        immediate_redirect=bool(body.get("immediateRedirect")), expires=service.now() + LOGIN_TTL,
    )
    service.sessions[token] = session
    query = f"token={token}&clientId={service.client_id}&connectionPortalVersion=v4&sessionId={session.session_id}"
    if broker:
        query += f"&broker={broker}"
    return json_response({"redirectURI": f"{service.server.base_url}/snapTrade/redeemToken?{query}",
                          "sessionId": session.session_id})


def shapes_brokerages() -> set[str]:
    from clera_desktop.sandbox.world import BROKERAGES

    return set(BROKERAGES)


# ---- connections ------------------------------------------------------------------------------


async def list_authorizations(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    return json_response([shapes.authorization(c) for c in user.connections.values()])


async def get_authorization(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    return json_response(shapes.authorization(service.connection(user, request.match_info["authorizationId"])))


async def refresh_authorization(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    connection = service.connection(user, request.match_info["authorizationId"])
    if connection.disabled:
        raise fail(402, "Unable to sync with brokerage account because the connection is disabled.", "3003")
    last = service.refreshed_at.get(connection.id)
    if last is not None and time.monotonic() - last < 1:
        raise fail(429, "Connection refreshed too recently. Please try again later.", "throttled")
    service.refreshed_at[connection.id] = time.monotonic()
    connection.updated_at = service.now()
    return json_response({"detail": f"Connection {connection.id} scheduled for refresh"})


async def disable_authorization(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    connection = service.connection(user, request.match_info["authorizationId"])
    if connection.disabled:
        raise fail(402, "Connection is already disabled", "3011")
    connection.disabled, connection.disabled_at = True, service.now()
    return json_response({"detail": f"Connection {connection.id} has been disabled"})


async def delete_connection(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    connection_id = request.match_info["connectionId"]
    service.connection(user, connection_id)
    with service.world.lock:
        del user.connections[connection_id]
    return json_response({"detail": "Connection queued for deletion", "connection_id": connection_id})


async def authorization_accounts(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    connection = service.connection(user, request.match_info["authorizationId"])
    now = service.now()
    return json_response([shapes.classic_account(connection, a, _value(service, a), now) for a in connection.accounts])


async def connection_accounts(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    connection = service.connection(user, request.match_info["connectionId"])
    now = service.now()
    return json_response({"results": [shapes.connection_account(connection, a, _value(service, a), now)
                                      for a in connection.accounts]})


# ---- accounts ---------------------------------------------------------------------------------


def _value(service: SnapTradeService, account: DemoAccount) -> Decimal:
    return shapes.account_value(account, service.price_of)


def _pairs(user: SnapUser) -> list[tuple[SnapConnection, DemoAccount]]:
    return [(c, a) for c in user.connections.values() for a in c.accounts]


async def list_accounts_classic(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    now = service.now()
    return json_response([shapes.classic_account(c, a, _value(service, a), now) for c, a in _pairs(user)])


async def list_accounts_all(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    now = service.now()
    return json_response({"results": [shapes.connection_account(c, a, _value(service, a), now) for c, a in _pairs(user)]})


async def account_classic(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    connection, account = service.account(user, request.match_info["accountId"])
    return json_response(shapes.classic_account(connection, account, _value(service, account), service.now()))


async def account_details(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    connection, account = service.account(user, request.match_info["accountId"])
    return json_response(shapes.connection_account(connection, account, _value(service, account), service.now()))


async def balances(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    _connection, account = service.account(user, request.match_info["accountId"])
    return json_response([shapes.balance(account)])


async def positions_all(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    _connection, account = service.account(user, request.match_info["accountId"])
    with service.world.lock:
        holdings = sorted(account.book.holdings.items())
        with_lots = account.institution in TAX_LOT_INSTITUTIONS
        lots = account.open_lots() if with_lots else {}
    results = [
        shapes.position(service.world.instruments[symbol], holding.quantity, service.price_of(symbol), holding.cost,
                        lots.get(symbol))
        for symbol, holding in holdings
    ]
    return json_response({"results": results, "data_freshness": {"as_of": service.now().isoformat()}})


async def holdings_gone(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    raise fail(410, "This endpoint is no longer available. Use /accounts/{accountId}/positions/all "
                    "and /accounts/{accountId}/balances.", "1142")


async def activities(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    connection, account = service.account(user, request.match_info["accountId"])
    query = request.query
    try:
        start = date.fromisoformat(query["startDate"]) if "startDate" in query else None
        end = date.fromisoformat(query["endDate"]) if "endDate" in query else None
        offset = int(query.get("offset", "0"))
        limit = int(query.get("limit", str(MAX_ACTIVITY_PAGE)))
    except ValueError:
        raise fail(400, "Invalid query parameters", "1012") from None
    if offset < 0 or limit < 1:
        raise fail(400, "offset must be >= 0 and limit >= 1", "1012")
    limit = min(limit, MAX_ACTIVITY_PAGE)
    types = {t for t in query.get("type", "").split(",") if t}
    with service.world.lock:
        events = list(account.ledger)
    selected = [
        e for e in reversed(events)
        if (start is None or e.day >= start) and (end is None or e.day <= end)
        and (not types or shapes.ACTIVITY_TYPES[e.kind] in types)
    ]
    page = selected[offset:offset + limit]
    institution = connection.brokerage.name
    data = [shapes.activity(account, e, service.world.instruments.get(e.symbol or ""), institution) for e in page]
    return json_response({"data": data, "pagination": {"offset": offset, "limit": limit, "total": len(selected)}})


def _orders_of(service: SnapTradeService, account: DemoAccount) -> list[dict[str, Any]]:
    with service.world.lock:
        orders = list(reversed(account.orders))
    return [shapes.order(o, service.world.instruments.get(o.symbol)) for o in orders]


async def orders(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    _connection, account = service.account(user, request.match_info["accountId"])
    state = request.query.get("state", "all")
    days = int(request.query.get("days", "30"))
    cutoff = service.now() - timedelta(days=days)
    with service.world.lock:
        selected = [o for o in reversed(account.orders) if o.created_at >= cutoff]
    if state == "open":
        selected = [o for o in selected if o.status in ("new", "accepted", "pending_new", "partially_filled")]
    elif state == "executed":
        selected = [o for o in selected if o.status in ("filled", "partially_filled")]
    return json_response([shapes.order(o, service.world.instruments.get(o.symbol)) for o in selected])


async def recent_orders(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    _connection, account = service.account(user, request.match_info["accountId"])
    only_executed = request.query.get("only_executed", "true").lower() != "false"
    cutoff = service.now() - timedelta(hours=24)
    with service.world.lock:
        selected = [o for o in reversed(account.orders) if o.created_at >= cutoff]
    if only_executed:
        selected = [o for o in selected if o.status in ("filled", "partially_filled")]
    return json_response({"orders": [shapes.order(o, service.world.instruments.get(o.symbol)) for o in selected]})


async def order_detail(service: SnapTradeService, request: web.Request, user: SnapUser | None, body: Any) -> web.Response:
    assert user is not None
    _connection, account = service.account(user, request.match_info["accountId"])
    wanted = (body or {}).get("brokerage_order_id")
    for o in account.orders:
        if o.id == wanted:
            return json_response(shapes.order(o, service.world.instruments.get(o.symbol)))
    raise fail(404, "The requested resource does not exist.", "1011")


# ---- reference data ---------------------------------------------------------------------------


def _search(service: SnapTradeService, substring: str, currency: str | None = None) -> list[dict[str, Any]]:
    needle = substring.strip().upper()
    matches = [
        i for i in service.world.instruments.values()
        if needle and (needle in i.symbol or needle in i.name.upper()) and (currency is None or i.currency == currency)
    ]
    matches.sort(key=lambda i: (i.symbol != needle, not i.symbol.startswith(needle), i.symbol))
    return [shapes.universal_symbol(i) for i in matches[:20]]


async def symbols(service: SnapTradeService, request: web.Request, _user: Any, body: Any) -> web.Response:
    return json_response(_search(service, (body or {}).get("substring", "")))


async def account_symbols(service: SnapTradeService, request: web.Request, user: SnapUser | None, body: Any) -> web.Response:
    assert user is not None
    _connection, account = service.account(user, request.match_info["accountId"])
    return json_response(_search(service, (body or {}).get("substring", ""), account.currency))


async def symbol_by_ticker(service: SnapTradeService, request: web.Request, _user: Any, _body: Any) -> web.Response:
    ticker = request.match_info["query"].upper().removesuffix(".TO")
    instrument = service.world.instruments.get(ticker)
    if instrument is None:
        raise fail(404, "The requested resource does not exist.", "1011")
    return json_response(shapes.universal_symbol(instrument))


async def brokerages(service: SnapTradeService, request: web.Request, _user: Any, _body: Any) -> web.Response:
    from clera_desktop.sandbox.world import BROKERAGES

    return json_response([shapes.brokerage(b) for b in BROKERAGES.values()])


async def quotes(service: SnapTradeService, request: web.Request, user: SnapUser | None, _b: Any) -> web.Response:
    assert user is not None
    service.account(user, request.match_info["accountId"])
    result = []
    for raw in request.query.get("symbols", "").split(","):
        instrument = service.world.instruments.get(raw.strip().upper().removesuffix(".TO"))
        if instrument is None:
            continue
        tick = service.world.market.tick(instrument.symbol)
        result.append({
            "symbol": shapes.universal_symbol(instrument), "last_trade_price": number(tick.price),
            "bid_price": number(tick.bid), "ask_price": number(tick.ask), "bid_size": 100, "ask_size": 100,
        })
    return json_response(result)


# ---- trading ----------------------------------------------------------------------------------

_ORDER_TYPES = {"Market": "market", "Limit": "limit", "Stop": "stop", "StopLimit": "stop_limit"}
_TIFS = {"Day": "day", "GTC": "gtc", "FOK": "fok", "IOC": "ioc", "GTD": "gtd"}


def _symbol_for(service: SnapTradeService, body: dict[str, Any]) -> str:
    universal = body.get("universal_symbol_id")
    if universal:
        for instrument in service.world.instruments.values():
            if shapes.stable_uuid("symbol", instrument.symbol) == universal:
                return instrument.symbol
        raise fail(400, "Unknown universal_symbol_id", "1012")
    ticker = (body.get("symbol") or "").upper().removesuffix(".TO")
    if ticker in service.world.instruments:
        return ticker
    raise fail(400, "Symbol not found", "1012")


def _order_request(service: SnapTradeService, body: dict[str, Any], client_order_id: str | None = None) -> OrderRequest:
    action = body.get("action")
    if action not in ("BUY", "SELL"):
        raise fail(400, "action must be BUY or SELL", "1012")
    order_type = _ORDER_TYPES.get(body.get("order_type", ""))
    tif = _TIFS.get(body.get("time_in_force", ""))
    if order_type is None or tif is None:
        raise fail(400, "Invalid order_type or time_in_force", "1012")
    units, notional = body.get("units"), body.get("notional_value")
    if (units is None) == (notional is None):
        raise fail(400, "Exactly one of units and notional_value is required", "1012")
    price, stop = body.get("price"), body.get("stop")
    return OrderRequest(
        symbol=_symbol_for(service, body), side=action.lower(), order_type=order_type, time_in_force=tif,
        quantity=None if units is None else Decimal(str(units)),
        notional=None if notional is None else Decimal(str(notional)),
        limit_price=None if price is None or order_type in ("market", "stop") else Decimal(str(price)),
        stop_price=None if stop is None else Decimal(str(stop)),
        client_order_id=client_order_id,
    )


def _tradable(service: SnapTradeService, user: SnapUser, account_id: str) -> tuple[SnapConnection, DemoAccount]:
    connection, account = service.account(user, account_id)
    if connection.disabled:
        raise fail(402, "Unable to trade because the connection is disabled. Reconnect it first.", "3003")
    if connection.type != "trade" or not connection.brokerage.allows_trading:
        raise fail(403, "This connection is read-only: reconnect with trading access to place orders.", "1066")
    return connection, account


def _pace(service: SnapTradeService, account_id: str) -> None:
    """SnapTrade allows at most one trade per second per account."""
    now = time.monotonic()
    last = service.last_trade_at.get(account_id)
    if last is not None and now - last < 1.0:
        raise ApiFailure(api_error(429, "Request was throttled. Expected available in 1 seconds.", "0000",
                                   headers={"Retry-After": "1"}))
    service.last_trade_at[account_id] = now


async def impact(service: SnapTradeService, request: web.Request, user: SnapUser | None, body: Any) -> web.Response:
    assert user is not None
    body = body or {}
    connection, account = _tradable(service, user, body.get("account_id", ""))
    order_request = _order_request(service, body)
    commission = connection.brokerage.commission
    try:
        cash_effect = validate(service.world, account, order_request, commission)
    except OrderRejected as rejected:
        raise fail(400, rejected.reason, "1012") from None
    instrument = service.world.instruments[order_request.symbol]
    trade_id = str(uuid.uuid4())
    service.trades[trade_id] = PendingTrade(trade_id, user.user_id, account.id, order_request, service.now() + TRADE_TTL)
    price = order_request.limit_price or service.price_of(order_request.symbol)
    currency = shapes.currency(account.currency)
    return json_response({
        "trade": {
            "id": trade_id, "account": account.id, "order_type": body["order_type"],
            "time_in_force": body["time_in_force"], "action": body["action"],
            "symbol": {
                "universal_symbol_id": shapes.stable_uuid("symbol", instrument.symbol), "currency": currency,
                "local_id": instrument.symbol, "description": instrument.name,
                "symbol": shapes.display_symbol(instrument), "brokerage_symbol_id": shapes.stable_uuid("bsym", instrument.symbol),
            },
            "units": number(order_request.quantity), "price": number(price),
        },
        "trade_impacts": [{
            "account": account.id, "currency": currency["id"],
            "remaining_cash": number(account.book.cash + cash_effect),
            "estimated_commission": number(commission), "forex_fees": 0.0,
        }],
        "combined_remaining_balance": {
            "account": {"id": account.id, "name": account.name, "number": account.number},
            "currency": currency, "cash": number(account.book.cash + cash_effect),
        },
    })


def _place(service: SnapTradeService, connection: SnapConnection, account: DemoAccount,
           order_request: OrderRequest) -> web.Response:
    _pace(service, account.id)
    try:
        placed = submit(service.world, account, order_request, connection.brokerage.commission)
    except OrderRejected as rejected:
        raise fail(400, rejected.reason, "1012") from None
    return json_response(shapes.order(placed, service.world.instruments.get(placed.symbol)))


async def place_by_trade_id(service: SnapTradeService, request: web.Request, user: SnapUser | None, _body: Any) -> web.Response:
    assert user is not None
    trade = service.trades.get(request.match_info["tradeId"])
    if trade is None or trade.user_id != user.user_id:
        raise fail(400, "Trade not found or already placed. Preview the order again.", "1012")
    if trade.expires < service.now():
        service.trades.pop(trade.id, None)
        raise fail(400, "The trade has expired. Preview the order again.", "1012")
    connection, account = _tradable(service, user, trade.account_id)
    response = _place(service, connection, account, trade.request)
    service.trades.pop(trade.id, None)  # a trade id places once
    return response


async def place_force(service: SnapTradeService, request: web.Request, user: SnapUser | None, body: Any) -> web.Response:
    assert user is not None
    body = body or {}
    connection, account = _tradable(service, user, body.get("account_id", ""))
    client_order_id = body.get("client_order_id")
    if client_order_id is not None:
        try:
            uuid.UUID(client_order_id)
        except ValueError:
            raise fail(400, "client_order_id must be a UUID", "1012") from None
        if any(o.client_order_id == client_order_id for o in account.orders):
            raise fail(400, "An order with this client_order_id already exists", "1012")
    return _place(service, connection, account, _order_request(service, body, client_order_id))


async def cancel_order(service: SnapTradeService, request: web.Request, user: SnapUser | None, body: Any) -> web.Response:
    assert user is not None
    _connection, account = _tradable(service, user, request.match_info["accountId"])
    wanted = (body or {}).get("brokerage_order_id")
    for o in account.orders:
        if o.id == wanted:
            try:
                cancel(service.world, o)
            except OrderRejected as rejected:
                raise fail(400, rejected.reason, "1012") from None
            return json_response({"brokerage_order_id": o.id, "raw_response": {"status": "canceled"}})
    raise fail(404, "The requested resource does not exist.", "1011")


async def removed(service: SnapTradeService, request: web.Request, _user: Any, _body: Any) -> web.Response:
    raise fail(404, "The requested resource does not exist.", "1011")


async def api_status(service: SnapTradeService, request: web.Request) -> web.Response:
    return json_response({"version": 151, "timestamp": service.now().isoformat(), "online": True})


def add_routes(app: web.Application, service: SnapTradeService) -> None:
    signed = lambda handler, **kw: _signed(service, handler, **kw)  # noqa: E731
    r = app.router
    r.add_get("/", functools.partial(api_status, service))
    r.add_post("/snapTrade/registerUser", signed(register_user, user_scoped=False))
    r.add_delete("/snapTrade/deleteUser", signed(delete_user, user_scoped=False))
    r.add_post("/snapTrade/resetUserSecret", signed(reset_user_secret, user_scoped=False))
    r.add_get("/snapTrade/listUsers", signed(list_users, user_scoped=False))
    r.add_post("/snapTrade/login", signed(login))
    r.add_get("/authorizations", signed(list_authorizations))
    r.add_get("/authorizations/{authorizationId}", signed(get_authorization))
    r.add_delete("/authorizations/{authorizationId}", signed(removed))
    r.add_post("/authorizations/{authorizationId}/refresh", signed(refresh_authorization))
    r.add_post("/authorizations/{authorizationId}/disable", signed(disable_authorization))
    r.add_get("/authorizations/{authorizationId}/accounts", signed(authorization_accounts))
    r.add_get("/connections/{connectionId}/accounts", signed(connection_accounts))
    r.add_delete("/connection/{connectionId}", signed(delete_connection))
    r.add_get("/accounts", signed(list_accounts_classic, deprecated=True))
    r.add_get("/accounts/all", signed(list_accounts_all))
    r.add_get("/accounts/{accountId}", signed(account_classic, deprecated=True))
    r.add_get("/accounts/{accountId}/details", signed(account_details))
    r.add_get("/accounts/{accountId}/balances", signed(balances))
    r.add_get("/accounts/{accountId}/positions/all", signed(positions_all))
    r.add_get("/accounts/{accountId}/positions", signed(removed))
    r.add_get("/accounts/{accountId}/holdings", signed(holdings_gone, deprecated=True))
    r.add_get("/accounts/{accountId}/activities", signed(activities))
    r.add_get("/accounts/{accountId}/orders", signed(orders))
    r.add_get("/accounts/{accountId}/recentOrders", signed(recent_orders))
    r.add_post("/accounts/{accountId}/orders/details", signed(order_detail))
    r.add_post("/accounts/{accountId}/trading/cancel", signed(cancel_order))
    r.add_post("/accounts/{accountId}/symbols", signed(account_symbols))
    r.add_get("/accounts/{accountId}/quotes", signed(quotes))
    r.add_post("/symbols", signed(symbols, user_scoped=False))
    r.add_get("/symbols/{query}", signed(symbol_by_ticker, user_scoped=False))
    r.add_get("/brokerages", signed(brokerages, user_scoped=False))
    r.add_post("/trade/impact", signed(impact))
    r.add_post("/trade/place", signed(place_force))
    r.add_post("/trade/{tradeId}", signed(place_by_trade_id))
    r.add_get("/holdings", signed(removed))
    r.add_get("/activities", signed(removed))
    snaptrade_portal.add_routes(app, service)
