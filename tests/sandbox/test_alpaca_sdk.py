"""alpaca-py's TradingClient, StockHistoricalDataClient and StockDataStream against the sandbox."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from alpaca.common.exceptions import APIError
from alpaca.data.enums import DataFeed
from alpaca.data.historical import StockHistoricalDataClient
from alpaca.data.live import StockDataStream
from alpaca.data.requests import StockBarsRequest, StockLatestQuoteRequest, StockLatestTradeRequest
from alpaca.data.timeframe import TimeFrame
from alpaca.trading.client import TradingClient
from alpaca.trading.enums import OrderSide, OrderStatus, QueryOrderStatus, TimeInForce
from alpaca.trading.requests import GetOrdersRequest, LimitOrderRequest, MarketOrderRequest

from clera_desktop.sandbox.server import SandboxServer
from tests.clock import TEST_CLOCK, TODAY
from tests.sandbox.openapi_contract import check

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def trading(server: SandboxServer, raw: bool = False) -> TradingClient:
    info = server.info["alpaca"]
    client = TradingClient(info["key_id"], info["secret_key"], paper=True, raw_data=raw, url_override=info["trading_url"])
    client._retry = 0  # the SDK's own 3 x 3 s retries on 429/504 would only slow the tests
    return client


def data(server: SandboxServer, raw: bool = False) -> StockHistoricalDataClient:
    info = server.info["alpaca"]
    return StockHistoricalDataClient(info["key_id"], info["secret_key"], raw_data=raw, url_override=info["data_url"])


def test_account_and_positions_parse_and_match_the_spec(pristine_sandbox: SandboxServer) -> None:
    client = trading(pristine_sandbox)
    account = client.get_account()
    assert account.status == "ACTIVE" and Decimal(account.cash) > 0
    positions = client.get_all_positions()
    assert positions and all(Decimal(p.qty) > 0 for p in positions)
    raw = trading(pristine_sandbox, raw=True)
    check("alpaca-trading", "GET", "/v2/account", 200, raw.get_account())
    check("alpaca-trading", "GET", "/v2/positions", 200, raw.get_all_positions())
    symbol = positions[0].symbol
    assert client.get_open_position(symbol).symbol == symbol


def test_orders_fill_cancel_and_client_order_ids_are_unique(sandbox: SandboxServer) -> None:
    client = trading(sandbox)
    coid = f"clera-{uuid.uuid4()}"
    order = client.submit_order(MarketOrderRequest(symbol="AAPL", qty=2, side=OrderSide.BUY,
                                                   time_in_force=TimeInForce.DAY, client_order_id=coid))
    assert order.status == OrderStatus.FILLED and Decimal(order.filled_qty) == 2
    assert client.get_order_by_client_id(coid).id == order.id
    assert client.get_order_by_id(order.id).client_order_id == coid
    with pytest.raises(APIError) as duplicate:
        client.submit_order(MarketOrderRequest(symbol="AAPL", qty=1, side=OrderSide.BUY,
                                               time_in_force=TimeInForce.DAY, client_order_id=coid))
    assert duplicate.value.status_code == 422 and duplicate.value.code == 40010001

    resting = client.submit_order(LimitOrderRequest(symbol="MSFT", qty=1, side=OrderSide.BUY,
                                                    time_in_force=TimeInForce.GTC, limit_price=1.0))
    assert resting.status == OrderStatus.ACCEPTED
    open_orders = client.get_orders(GetOrdersRequest(status=QueryOrderStatus.OPEN))
    assert [o.id for o in open_orders] == [resting.id]
    client.cancel_order_by_id(resting.id)
    assert client.get_order_by_id(resting.id).status == OrderStatus.CANCELED
    with pytest.raises(APIError) as not_cancelable:
        client.cancel_order_by_id(resting.id)
    assert not_cancelable.value.status_code == 422
    raw = trading(sandbox, raw=True).get_orders(GetOrdersRequest(status=QueryOrderStatus.ALL))
    check("alpaca-trading", "GET", "/v2/orders", 200, raw)


def test_insufficient_buying_power_and_bad_keys(pristine_sandbox: SandboxServer) -> None:
    with pytest.raises(APIError) as broke:
        trading(pristine_sandbox).submit_order(MarketOrderRequest(symbol="COST", qty=100000, side=OrderSide.BUY,
                                                                  time_in_force=TimeInForce.DAY))
    assert broke.value.status_code == 403 and "buying power" in broke.value.message
    info = pristine_sandbox.info["alpaca"]
    bad = TradingClient("nope", "nope", url_override=info["trading_url"])
    with pytest.raises(APIError) as unauthorized:
        bad.get_account()
    assert unauthorized.value.status_code == 401


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def test_daily_bars_follow_next_page_tokens(pristine_sandbox: SandboxServer) -> None:
    client = data(pristine_sandbox)
    request = StockBarsRequest(symbol_or_symbols=["AAPL", "MSFT"], timeframe=TimeFrame.Day,
                               start=_midnight(TODAY - timedelta(days=1055)), end=_midnight(TODAY))
    bars = client.get_stock_bars(request)
    assert len(bars["AAPL"]) == len(bars["MSFT"]) > 700
    assert all(b.close > 0 and b.trade_count is not None for b in bars["AAPL"])
    pages = [r for m, r in pristine_sandbox.requests if "/alpaca-data/v2/stocks/bars" in r]
    assert pages, "the SDK went through the sandbox"
    info = pristine_sandbox.info["alpaca"]
    request_raw = urllib.request.Request(
        f"{info['data_url']}/v2/stocks/bars?symbols=AAPL,MSFT&timeframe=1Day"
        f"&start={TODAY - timedelta(days=500)}T00:00:00Z&limit=300",
        headers={"APCA-API-KEY-ID": info["key_id"], "APCA-API-SECRET-KEY": info["secret_key"]},
    )
    with urllib.request.urlopen(request_raw, timeout=10) as response:
        page = json.loads(response.read())
    check("alpaca-data", "GET", "/v2/stocks/bars", 200, page)
    assert page["next_page_token"] and sum(len(v) for v in page["bars"].values()) == 300
    raw = data(pristine_sandbox, raw=True).get_stock_bars(StockBarsRequest(
        symbol_or_symbols=["AAPL"], timeframe=TimeFrame.Day, start=_midnight(TODAY - timedelta(days=19)),
        end=_midnight(TODAY)))
    assert set(raw) == {"AAPL"}
    latest = client.get_stock_latest_trade(StockLatestTradeRequest(symbol_or_symbols=["AAPL"]))
    quote = client.get_stock_latest_quote(StockLatestQuoteRequest(symbol_or_symbols=["AAPL"]))
    assert latest["AAPL"].price > 0 and quote["AAPL"].ask_price >= quote["AAPL"].bid_price


def _run_stream(server: SandboxServer, symbols: list[str], until: callable[[list], bool], timeout: float = 15) -> list:  # type: ignore[valid-type]
    info = server.info["alpaca"]
    stream = StockDataStream(info["key_id"], info["secret_key"], feed=DataFeed.IEX, url_override=info["stream_url"])
    received: list = []
    done = threading.Event()

    async def on_trade(trade) -> None:  # type: ignore[no-untyped-def]
        received.append(trade)
        if until(received):
            done.set()

    stream.subscribe_trades(on_trade, *symbols)
    thread = threading.Thread(target=stream.run, daemon=True)
    thread.start()
    done.wait(timeout)
    stream.stop()
    thread.join(timeout=10)
    return received


def test_stream_delivers_trades_the_sdk_parses() -> None:
    with SandboxServer(clock=TEST_CLOCK) as server:
        server.stream.rate = 200
        trades = _run_stream(server, ["AAPL", "MSFT"], lambda got: len(got) >= 20)
    assert len(trades) >= 20
    assert {t.symbol for t in trades} == {"AAPL", "MSFT"}
    assert all(t.price > 0 and t.timestamp.tzinfo is not None for t in trades)


def test_a_dropped_stream_is_reconnected_by_the_sdk() -> None:
    with SandboxServer(clock=TEST_CLOCK) as server:
        server.stream.rate = 100

        def drop_once(got: list) -> bool:  # type: ignore[type-arg]
            if len(got) == 5:
                server.faults.inject("alpaca-stream:*", "drop", times=1)
            return len(got) >= 40 and server.stream.connections_accepted >= 2

        started = time.monotonic()
        trades = _run_stream(server, ["AAPL"], drop_once, timeout=30)
        assert server.stream.connections_accepted >= 2, "the SDK reconnected and re-authenticated"
    assert len(trades) >= 40 and time.monotonic() - started < 30


def test_account_activities_page_by_token_and_match_the_spec(pristine_sandbox: SandboxServer) -> None:
    raw = trading(pristine_sandbox, raw=True)
    newest_first = raw.get("/account/activities", {"page_size": 100})
    check("alpaca-trading", "GET", "/v2/account/activities", 200, newest_first)
    kinds = {a["activity_type"] for a in newest_first}
    assert "FILL" in kinds and kinds & {"CSD", "DIV"}, kinds

    pages, query = [], {"direction": "asc", "page_size": 7}
    while True:  # how a client reads everything: the next page starts after the last id it saw
        page = raw.get("/account/activities", dict(query))
        pages.append(page)
        if len(page) < 7:
            break
        query["page_token"] = page[-1]["id"]
    every = [a for page in pages for a in page]
    assert len(pages) > 2 and all(len(p) == 7 for p in pages[:-1])
    assert [a["id"] for a in every] == sorted(a["id"] for a in every), "ids sort in time order"
    assert len({a["id"] for a in every}) == len(every) == len(pristine_sandbox.world.alpaca.account.ledger)

    some_day = every[len(every) // 2]
    day = (some_day.get("date") or some_day["transaction_time"])[:10]
    later = raw.get("/account/activities", {"after": day, "direction": "asc", "page_size": 100})
    assert all((a.get("date") or a["transaction_time"])[:10] >= day for a in later)
    fills = raw.get("/account/activities/FILL", {"page_size": 100})
    assert fills and {a["activity_type"] for a in fills} == {"FILL"}
    with pytest.raises(APIError) as refused:
        raw.get("/account/activities", {"page_size": 101})
    assert refused.value.status_code == 422
