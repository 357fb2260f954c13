"""Injected faults reach the official SDKs the way real provider failures do."""

from __future__ import annotations

import json
import time
import urllib.request

import plaid
import pytest
from alpaca.common.exceptions import APIError
from plaid.model.item_get_request import ItemGetRequest
from snaptrade_client.exceptions import ApiException

from clera_desktop.sandbox.faults import FaultInjector, FaultKind
from clera_desktop.sandbox.server import SandboxServer
from tests.sandbox.conftest import demo_user, snaptrade_client
from tests.sandbox.test_alpaca_sdk import trading
from tests.sandbox.test_plaid_sdk import plaid_client


def test_fault_specs_parse() -> None:
    faults = FaultInjector()
    rate = faults.add_spec("snaptrade:/accounts/*=status:429:7@2")
    assert (rate.kind, rate.status, rate.retry_after, rate.times) == (FaultKind.STATUS, 429, 7, 2)
    assert faults.add_spec("*=slow:1.5").delay == 1.5
    with pytest.raises(ValueError):
        faults.add_spec("no-kind")


def test_a_429_carries_retry_after_and_the_throttled_body(sandbox: SandboxServer) -> None:
    sandbox.faults.inject("snaptrade:/authorizations", "status", status=429, retry_after=7, times=1)
    client = snaptrade_client(sandbox, retry=False)
    with pytest.raises(ApiException) as throttled:
        client.connections.list_brokerage_authorizations(**demo_user(sandbox))
    assert throttled.value.status == 429 and throttled.value.headers["Retry-After"] == "7"
    assert "throttled" in throttled.value.body["detail"]
    assert client.connections.list_brokerage_authorizations(**demo_user(sandbox)).status == 200, "fires once"


def test_500_503_per_provider(sandbox: SandboxServer) -> None:
    sandbox.faults.inject("plaid:*", "status", status=500, times=1)
    with pytest.raises(plaid.ApiException) as plaid_failure:
        plaid_client(sandbox).item_get(ItemGetRequest(access_token=sandbox.info["plaid"]["demo_access_token"]))
    assert plaid_failure.value.status == 500
    assert json.loads(plaid_failure.value.body)["error_type"] == "API_ERROR"
    sandbox.faults.inject("alpaca:/v2/account", "status", status=503, times=1)
    with pytest.raises(APIError) as alpaca_failure:
        trading(sandbox).get_account()
    assert alpaca_failure.value.status_code == 503
    sandbox.faults.inject("snaptrade:/accounts/*/positions/all", "status", status=503, times=1)
    client, user = snaptrade_client(sandbox, retry=False), demo_user(sandbox)
    account = client.account_information.list_all_user_accounts(**user).body["results"][0]["id"]
    with pytest.raises(ApiException) as snap_failure:
        client.account_information.get_all_account_positions(account_id=account, **user)
    assert snap_failure.value.status == 503 and snap_failure.value.body["code"] == "3002"


def test_malformed_and_truncated_bodies(sandbox: SandboxServer) -> None:
    client, user = snaptrade_client(sandbox), demo_user(sandbox)
    sandbox.faults.inject("snaptrade:/accounts/all", "malformed", times=1)
    body = client.account_information.list_all_user_accounts(**user).body
    assert not isinstance(body, dict), "the SDK hands back no usable JSON (an Unset), not an error"
    sandbox.faults.inject("fx:*", "truncated", times=1)
    with urllib.request.urlopen(sandbox.info["fx"]["base_url"] + "/latest", timeout=10) as response, \
            pytest.raises(ValueError):
        json.loads(response.read())


def test_slow_answers_and_timeouts(sandbox: SandboxServer) -> None:
    sandbox.faults.inject("fx:*", "slow", delay=0.5, times=1)
    started = time.monotonic()
    urllib.request.urlopen(sandbox.info["fx"]["base_url"] + "/latest", timeout=10).read()
    assert time.monotonic() - started >= 0.5
    sandbox.faults.inject("fx:*", "timeout", delay=5, times=1)
    with pytest.raises(TimeoutError):
        urllib.request.urlopen(sandbox.info["fx"]["base_url"] + "/latest", timeout=0.5).read()


def test_a_broken_connection_needs_reconnect_but_keeps_serving_data(sandbox: SandboxServer) -> None:
    client, user = snaptrade_client(sandbox), demo_user(sandbox)
    sandbox.break_connection("QUESTRADE")
    connections = client.connections.list_brokerage_authorizations(**user).body
    assert {c["brokerage"]["slug"]: c["disabled"] for c in connections}["QUESTRADE"] is True
    accounts = client.account_information.list_all_user_accounts(**user).body["results"]
    questrade = [a for a in accounts if a["display_name"].startswith("Questrade")]
    assert client.account_information.get_all_account_positions(account_id=questrade[0]["id"], **user).body["results"]
    sandbox.break_plaid_item()
    assert next(iter(sandbox.world.plaid_items.values())).error_code == "ITEM_LOGIN_REQUIRED"
