"""The unmodified snaptrade-python-sdk against the sandbox: every endpoint the app uses,
each response checked against SnapTrade's OpenAPI document."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from snaptrade_client.exceptions import ApiException

from clera_desktop.sandbox.server import SandboxServer
from tests.clock import TODAY
from tests.sandbox.conftest import demo_user, snaptrade_client
from tests.sandbox.openapi_contract import check

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def _account_ids(server: SandboxServer) -> dict[str, str]:
    """Demo account name -> SnapTrade account id."""
    st = snaptrade_client(server)
    accounts = st.account_information.list_all_user_accounts(**demo_user(server)).body["results"]
    return {a["display_name"]: a["id"] for a in accounts}


def test_connections_accounts_balances_positions(pristine_sandbox: SandboxServer) -> None:
    st, user = snaptrade_client(pristine_sandbox), demo_user(pristine_sandbox)
    authorizations = st.connections.list_brokerage_authorizations(**user)
    check("snaptrade", "GET", "/authorizations", authorizations.status, authorizations.body)
    kinds = {(a["brokerage"]["slug"], a["type"]) for a in authorizations.body}
    assert {("ROBINHOOD", "read"), ("QUESTRADE", "trade"), ("ETRADE", "trade")} <= kinds
    first = authorizations.body[0]["id"]
    detail = st.connections.detail_brokerage_authorization(authorization_id=first, **user)
    check("snaptrade", "GET", f"/authorizations/{first}", 200, detail.body)

    listing = st.account_information.list_all_user_accounts(**user).body["results"]
    assert len(listing) == 4 and {a["kind"] for a in listing} == {"investment"}
    assert any(a["net_value"]["currency"] == "CAD" for a in listing)
    classic = st.account_information.list_user_accounts(**user)
    check("snaptrade", "GET", "/accounts", 200, classic.body)
    assert classic.response.headers.get("Deprecation") == "true"

    account_id = listing[0]["id"]
    details = st.account_information.get_account_details(account_id=account_id, **user).body
    assert details["id"] == account_id and details["masked_account_number"].startswith("****")
    balances = st.account_information.get_user_account_balance(account_id=account_id, **user)
    check("snaptrade", "GET", f"/accounts/{account_id}/balances", 200, balances.body)
    positions = st.account_information.get_all_account_positions(account_id=account_id, **user)
    check("snaptrade", "GET", f"/accounts/{account_id}/positions/all", 200, positions.body)
    assert positions.body["results"] and all(isinstance(p["units"], str) for p in positions.body["results"])
    assert positions.response.headers["X-RateLimit-Limit"] == "250"
    assert "X-Request-ID" in positions.response.headers


def test_deprecated_holdings_answer_410_as_for_new_customers(pristine_sandbox: SandboxServer) -> None:
    st, user = snaptrade_client(pristine_sandbox), demo_user(pristine_sandbox)
    account_id = next(iter(_account_ids(pristine_sandbox).values()))
    with pytest.raises(ApiException) as failure:
        st.account_information.get_user_holdings(account_id=account_id, **user)
    assert failure.value.status == 410


def test_activities_filter_by_date_and_type_and_page_like_the_real_api(pristine_sandbox: SandboxServer) -> None:
    st, user = snaptrade_client(pristine_sandbox), demo_user(pristine_sandbox)
    account_id = _account_ids(pristine_sandbox)["E*TRADE Brokerage"]
    everything = st.account_information.get_account_activities(account_id=account_id, **user).body
    check("snaptrade", "GET", f"/accounts/{account_id}/activities", 200, everything)
    total = everything["pagination"]["total"]
    assert total == len(everything["data"]) > 100
    dates = [a["trade_date"] for a in everything["data"]]
    assert dates == sorted(dates, reverse=True), "newest first"

    pages, offset = [], 0
    while offset < total:
        page = st.account_information.get_account_activities(account_id=account_id, offset=offset, limit=50, **user).body
        pages.extend(page["data"])
        offset += len(page["data"])
    assert [a["id"] for a in pages] == [a["id"] for a in everything["data"]]

    start, end = (TODAY - timedelta(days=700)).isoformat(), (TODAY - timedelta(days=610)).isoformat()  # a quarter, two years ago
    window = st.account_information.get_account_activities(
        account_id=account_id, start_date=start, end_date=end, type="BUY,SELL", **user
    ).body["data"]
    assert window and {a["type"] for a in window} <= {"BUY", "SELL"}
    assert all(start <= a["trade_date"][:10] <= end for a in window)


def test_symbol_search_and_quotes(pristine_sandbox: SandboxServer) -> None:
    st, user = snaptrade_client(pristine_sandbox), demo_user(pristine_sandbox)
    found = st.reference_data.get_symbols(substring="AAP")
    check("snaptrade", "POST", "/symbols", 200, found.body)
    assert found.body[0]["symbol"] == "AAPL"
    tsx = _account_ids(pristine_sandbox)["Questrade TFSA"]
    in_account = st.reference_data.symbol_search_user_account(account_id=tsx, substring="SHOP", **user).body
    assert [s["symbol"] for s in in_account] == ["SHOP.TO"]
    assert st.reference_data.get_symbols_by_ticker(query="MSFT").body["raw_symbol"] == "MSFT"
    brokerages = st.reference_data.list_all_brokerages()
    check("snaptrade", "GET", "/brokerages", 200, brokerages.body)


def test_preview_then_place_by_trade_id_fills_and_shows_in_orders(sandbox: SandboxServer) -> None:
    st, user = snaptrade_client(sandbox), demo_user(sandbox)
    account_id = _account_ids(sandbox)["E*TRADE Brokerage"]
    symbol_id = st.reference_data.get_symbols_by_ticker(query="KO").body["id"]
    impact = st.trading.get_order_impact(
        account_id=account_id, action="BUY", universal_symbol_id=symbol_id, order_type="Market",
        time_in_force="Day", units=3.0, **user,
    )
    check("snaptrade", "POST", "/trade/impact", 200, impact.body)
    trade_id = impact.body["trade"]["id"]
    placed = st.trading.place_order(trade_id=trade_id, **user)
    check("snaptrade", "POST", f"/trade/{trade_id}", 200, placed.body)
    assert placed.body["status"] == "EXECUTED" and Decimal(placed.body["filled_quantity"]) == 3
    with pytest.raises(ApiException) as again:
        st.trading.place_order(trade_id=trade_id, **user)
    assert again.value.status == 400, "a trade id places once"

    recent = st.account_information.get_user_account_recent_orders(account_id=account_id, only_executed=False, **user)
    check("snaptrade", "GET", f"/accounts/{account_id}/recentOrders", 200, recent.body)
    assert recent.body["orders"][0]["brokerage_order_id"] == placed.body["brokerage_order_id"]
    orders = st.account_information.get_user_account_orders(account_id=account_id, state="executed", **user)
    check("snaptrade", "GET", f"/accounts/{account_id}/orders", 200, orders.body)
    detail = st.account_information.get_user_account_order_detail(
        account_id=account_id, brokerage_order_id=placed.body["brokerage_order_id"], **user
    )
    assert detail.body["status"] == "EXECUTED"


def test_force_order_rests_then_cancels(sandbox: SandboxServer) -> None:
    st, user = snaptrade_client(sandbox), demo_user(sandbox)
    account_id = _account_ids(sandbox)["E*TRADE Brokerage"]
    placed = st.trading.place_force_order(
        account_id=account_id, action="BUY", order_type="Limit", time_in_force="GTC", symbol="KO",
        price=1.0, units=1.0, client_order_id=str(uuid.uuid4()), **user,
    )
    check("snaptrade", "POST", "/trade/place", 200, placed.body)
    assert placed.body["status"] == "ACCEPTED"
    cancelled = st.trading.cancel_order(account_id=account_id, brokerage_order_id=placed.body["brokerage_order_id"], **user)
    check("snaptrade", "POST", f"/accounts/{account_id}/trading/cancel", 200, cancelled.body)
    orders = st.account_information.get_user_account_orders(account_id=account_id, **user).body
    assert orders[0]["status"] == "CANCELED"


def test_read_only_connections_and_rejected_orders_answer_like_snaptrade(sandbox: SandboxServer) -> None:
    st, user = snaptrade_client(sandbox), demo_user(sandbox)
    ids = _account_ids(sandbox)
    with pytest.raises(ApiException) as read_only:
        st.trading.place_force_order(account_id=ids["Robinhood Individual"], action="BUY", order_type="Market",
                                     time_in_force="Day", symbol="AAPL", units=1.0, **user)
    assert read_only.value.status == 403
    with pytest.raises(ApiException) as too_big:
        st.trading.get_order_impact(account_id=ids["E*TRADE Brokerage"], action="BUY",
                                    universal_symbol_id=st.reference_data.get_symbols_by_ticker(query="COST").body["id"],
                                    order_type="Market", time_in_force="Day", units=100000.0, **user)
    assert too_big.value.status == 400 and "buying power" in too_big.value.body["detail"]


def test_users_register_login_reset_and_delete(sandbox: SandboxServer) -> None:
    st = snaptrade_client(sandbox)
    registered = st.authentication.register_snap_trade_user(user_id="clera-test-user")
    check("snaptrade", "POST", "/snapTrade/registerUser", 200, registered.body)
    secret = registered.body["userSecret"]
    with pytest.raises(ApiException) as duplicate:
        st.authentication.register_snap_trade_user(user_id="clera-test-user")
    assert duplicate.value.status == 400
    login = st.authentication.login_snap_trade_user(
        user_id="clera-test-user", user_secret=secret, broker="ETRADE", immediate_redirect=True,
        custom_redirect="http://127.0.0.1:9/callback", connection_type="trade",
    )
    check("snaptrade", "POST", "/snapTrade/login", 200, login.body)
    assert "/snapTrade/redeemToken?token=" in login.body["redirectURI"]
    assert "clera-test-user" in st.authentication.list_snap_trade_users().body
    reset = st.authentication.reset_snap_trade_user_secret(user_id="clera-test-user", user_secret=secret).body
    assert reset["userSecret"] != secret
    with pytest.raises(ApiException) as stale_secret:
        st.connections.list_brokerage_authorizations(user_id="clera-test-user", user_secret=secret)
    assert stale_secret.value.status == 401
    deleted = st.authentication.delete_snap_trade_user(user_id="clera-test-user")
    check("snaptrade", "DELETE", "/snapTrade/deleteUser", 200, deleted.body)


def test_refresh_disable_and_delete_connections(sandbox: SandboxServer) -> None:
    st, user = snaptrade_client(sandbox), demo_user(sandbox)
    authorizations = st.connections.list_brokerage_authorizations(**user).body
    etrade = next(a["id"] for a in authorizations if a["brokerage"]["slug"] == "ETRADE")
    refreshed = st.connections.refresh_brokerage_authorization(authorization_id=etrade, **user)
    check("snaptrade", "POST", f"/authorizations/{etrade}/refresh", 200, refreshed.body)
    disabled = st.connections.disable_brokerage_authorization(authorization_id=etrade, **user)
    check("snaptrade", "POST", f"/authorizations/{etrade}/disable", 200, disabled.body)
    after = st.connections.detail_brokerage_authorization(authorization_id=etrade, **user).body
    assert after["disabled"] is True and after["disabled_date"]
    with pytest.raises(ApiException) as refresh_disabled:
        st.connections.refresh_brokerage_authorization(authorization_id=etrade, **user)
    assert refresh_disabled.value.status == 402
    # A disabled connection keeps serving its last data without error.
    account_id = _account_ids(sandbox)["E*TRADE Brokerage"]
    assert st.account_information.get_all_account_positions(account_id=account_id, **user).body["results"]
    removed = st.connections.delete_connection(connection_id=etrade, **user)
    check("snaptrade", "DELETE", f"/connection/{etrade}", 200, removed.body)
    assert etrade not in {a["id"] for a in st.connections.list_brokerage_authorizations(**user).body}


def test_async_methods_work_on_success(pristine_sandbox: SandboxServer) -> None:
    st, user = snaptrade_client(pristine_sandbox), demo_user(pristine_sandbox)

    async def run() -> tuple[object, object]:
        accounts = await st.account_information.alist_all_user_accounts(**user)
        connections = await st.connections.alist_brokerage_authorizations(**user)
        return accounts.body, connections.body

    accounts, connections = asyncio.run(run())
    assert len(accounts["results"]) == 4 and len(connections) == 3  # type: ignore[index,arg-type]
