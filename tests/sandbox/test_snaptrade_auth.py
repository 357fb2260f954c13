"""Request signing and user credentials are checked exactly as SnapTrade checks them."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from typing import Any

import pytest
from snaptrade_client import SnapTrade, SnapTradeAuth
from snaptrade_client.exceptions import ApiException

from clera_desktop.sandbox.server import SandboxServer
from clera_desktop.sandbox.signing import sign, signature_payload
from tests.clock import TEST_CLOCK
from tests.sandbox.conftest import demo_user, snaptrade_client


def test_signature_matches_the_recorded_sdk_vectors() -> None:
    """Test vectors recorded from the real SDK (provider-apis.md 1.2)."""
    query = "userId=u1&userSecret=s1&clientId=CLIENT_ID&timestamp=1795644448"
    assert sign("CONSUMER_KEY", "/accounts", query, None) == "HHj9eHgmevCnL1snGBlso35onsJtW2yDiEemcQnwchM="
    body = {"broker": "ALPACA", "immediateRedirect": True, "customRedirect": "http://127.0.0.1:9/cb",
            "connectionType": "trade", "connectionPortalVersion": "v4"}
    payload = signature_payload("/snapTrade/login", query, body)
    assert payload.startswith('{"content":{"broker":"ALPACA","connectionPortalVersion"')
    assert sign("CONSUMER_KEY", "/snapTrade/login", query, body) == "KniL8tQj2oPI1xQHAfzP2WyPuR+2ZrTeZmLxpUgN+uI="


def _raw_get(server: SandboxServer, path: str, query: str, *, key: str | None = None,
             signature: str | None = None) -> tuple[int, dict[str, Any], Any]:
    info = server.info["snaptrade"]
    signed = signature if signature is not None else sign(key or info["consumer_key"], path, query, None)
    request = urllib.request.Request(f"{info['base_url']}{path}?{query}", headers={"Signature": signed})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


def _query(server: SandboxServer, *, timestamp: int | None = None, secret: str | None = None) -> str:
    info = server.info["snaptrade"]
    return (f"userId={info['demo_user_id']}&userSecret={secret or info['demo_user_secret']}"
            f"&clientId={info['client_id']}&timestamp={timestamp or int(time.time())}")


def test_a_correctly_signed_raw_request_is_accepted(pristine_sandbox: SandboxServer) -> None:
    status, headers, body = _raw_get(pristine_sandbox, "/authorizations", _query(pristine_sandbox))
    assert status == 200 and len(body) == 3
    assert headers["X-RateLimit-Limit"] == "250" and "X-Request-ID" in headers


def test_a_tampered_signature_is_rejected(pristine_sandbox: SandboxServer) -> None:
    query = _query(pristine_sandbox)
    good = sign(pristine_sandbox.info["snaptrade"]["consumer_key"], "/authorizations", query, None)
    status, _, body = _raw_get(pristine_sandbox, "/authorizations", query, signature=good[:-4] + "AAA=")
    assert (status, body) == (401, {"detail": "Unable to verify signature sent", "status_code": 401, "code": "1076"})


def test_a_signature_over_another_path_is_rejected(pristine_sandbox: SandboxServer) -> None:
    query = _query(pristine_sandbox)
    other = sign(pristine_sandbox.info["snaptrade"]["consumer_key"], "/accounts", query, None)
    status, _, body = _raw_get(pristine_sandbox, "/authorizations", query, signature=other)
    assert status == 401 and body["code"] == "1076"


def test_the_wrong_consumer_key_is_rejected_through_the_sdk(pristine_sandbox: SandboxServer) -> None:
    info = pristine_sandbox.info["snaptrade"]
    client = SnapTrade(auth=SnapTradeAuth.commercial_api_key(consumer_key="not-the-key", client_id=info["client_id"]),
                       host=info["base_url"])
    with pytest.raises(ApiException) as failure:
        client.connections.list_brokerage_authorizations(**demo_user(pristine_sandbox))
    assert failure.value.status == 401
    assert failure.value.body["detail"] == "Unable to verify signature sent"


def test_an_unknown_client_id_is_rejected(pristine_sandbox: SandboxServer) -> None:
    info = pristine_sandbox.info["snaptrade"]
    client = SnapTrade(auth=SnapTradeAuth.commercial_api_key(consumer_key=info["consumer_key"], client_id="NOBODY"),
                       host=info["base_url"])
    with pytest.raises(ApiException) as failure:
        client.account_information.list_all_user_accounts(**demo_user(pristine_sandbox))
    assert failure.value.status == 401


def test_a_stale_timestamp_is_rejected_even_when_signed(pristine_sandbox: SandboxServer) -> None:
    stale = _query(pristine_sandbox, timestamp=int(time.time()) - 3600)
    status, _, body = _raw_get(pristine_sandbox, "/authorizations", stale)
    assert status == 401 and body["code"] == "1076"


def test_the_wrong_user_secret_is_rejected(pristine_sandbox: SandboxServer) -> None:
    with pytest.raises(ApiException) as failure:
        snaptrade_client(pristine_sandbox).connections.list_brokerage_authorizations(
            user_id="demo-user", user_secret="wrong-secret"
        )
    assert failure.value.status == 401
    status, _, body = _raw_get(pristine_sandbox, "/authorizations", _query(pristine_sandbox, secret="wrong"))
    assert (status, body["code"]) == (401, "1083")


def test_the_per_minute_limit_answers_429_with_rate_limit_headers() -> None:
    with SandboxServer(snaptrade_rate_limit=3, clock=TEST_CLOCK) as server:
        client, user = snaptrade_client(server, retry=False), demo_user(server)
        for _ in range(3):
            client.connections.list_brokerage_authorizations(**user)
        with pytest.raises(ApiException) as throttled:
            client.connections.list_brokerage_authorizations(**user)
    assert throttled.value.status == 429
    headers = throttled.value.headers
    assert int(headers["Retry-After"]) >= 1 and headers["X-RateLimit-Remaining"] == "0"
    assert "throttled" in str(throttled.value.body)


def test_a_personal_key_needs_no_user_credentials(pristine_sandbox: SandboxServer) -> None:
    service = pristine_sandbox.snaptrade
    client = SnapTrade(
        auth=SnapTradeAuth.personal_api_key(consumer_key=service.personal_consumer_key,
                                            client_id=service.personal_client_id),
        host=pristine_sandbox.base_url,
    )
    accounts = client.account_information.list_all_user_accounts().body["results"]
    assert len(accounts) == 4
