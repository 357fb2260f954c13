"""plaid-python (host override) against the sandbox: Link, exchange, items, investments."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from datetime import timedelta

import plaid
import pytest
from plaid.api import plaid_api
from plaid.model.country_code import CountryCode
from plaid.model.investments_holdings_get_request import InvestmentsHoldingsGetRequest
from plaid.model.investments_transactions_get_request import InvestmentsTransactionsGetRequest
from plaid.model.investments_transactions_get_request_options import InvestmentsTransactionsGetRequestOptions
from plaid.model.item_get_request import ItemGetRequest
from plaid.model.item_public_token_exchange_request import ItemPublicTokenExchangeRequest
from plaid.model.item_remove_request import ItemRemoveRequest
from plaid.model.link_token_create_hosted_link import LinkTokenCreateHostedLink
from plaid.model.link_token_create_request import LinkTokenCreateRequest
from plaid.model.link_token_create_request_user import LinkTokenCreateRequestUser
from plaid.model.link_token_get_request import LinkTokenGetRequest
from plaid.model.products import Products
from plaid.model.sandbox_public_token_create_request import SandboxPublicTokenCreateRequest

from clera_desktop.sandbox.server import SandboxServer
from tests.clock import TODAY
from tests.sandbox.openapi_contract import check

pytestmark = pytest.mark.day  # its outcome depends on the day it plays (tests/run_suite.py --calendar)


def plaid_client(server: SandboxServer, secret: str | None = None) -> plaid_api.PlaidApi:
    info = server.info["plaid"]
    configuration = plaid.Configuration(host=info["base_url"],
                                        api_key={"clientId": info["client_id"], "secret": secret or info["secret"]})
    return plaid_api.PlaidApi(plaid.ApiClient(configuration))


def raw(server: SandboxServer, path: str, body: dict[str, object]) -> tuple[int, dict[str, object]]:
    info = server.info["plaid"]
    request = urllib.request.Request(
        info["base_url"] + path, data=json.dumps({"client_id": info["client_id"], "secret": info["secret"], **body}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_holdings_for_the_demo_item_parse_in_the_sdk_and_match_the_spec(pristine_sandbox: SandboxServer) -> None:
    client = plaid_client(pristine_sandbox)
    token = pristine_sandbox.info["plaid"]["demo_access_token"]
    response = client.investments_holdings_get(InvestmentsHoldingsGetRequest(access_token=token))
    accounts = response.to_dict()["accounts"]
    assert {a["subtype"] for a in accounts} == {"401k", "roth"}
    assert "margin_loan_amount" in accounts[0]["balances"]
    tickers = {s.ticker_symbol for s in response.securities}
    assert "VTI" in tickers and "CUR:USD" in tickers
    status, body = raw(pristine_sandbox, "/investments/holdings/get", {"access_token": token})
    check("plaid", "POST", "/investments/holdings/get", status, body)


def test_transactions_page_with_count_and_offset(pristine_sandbox: SandboxServer) -> None:
    client = plaid_client(pristine_sandbox)
    token = pristine_sandbox.info["plaid"]["demo_access_token"]
    start, end = TODAY - timedelta(days=1419), TODAY
    seen, offset, total = [], 0, None
    while total is None or offset < total:
        page = client.investments_transactions_get(InvestmentsTransactionsGetRequest(
            access_token=token, start_date=start, end_date=end,
            options=InvestmentsTransactionsGetRequestOptions(count=100, offset=offset),
        ))
        total = page.total_investment_transactions
        seen.extend(t.investment_transaction_id for t in page.investment_transactions)
        offset += len(page.investment_transactions)
    assert len(seen) == len(set(seen)) == total > 200
    status, body = raw(pristine_sandbox, "/investments/transactions/get",
                       {"access_token": token, "start_date": "2025-01-01", "end_date": "2025-12-31", "options": {"count": 5}})
    check("plaid", "POST", "/investments/transactions/get", status, body)
    assert {t["type"] for t in body["investment_transactions"]} <= {"buy", "sell", "cash", "fee", "transfer"}  # type: ignore[union-attr]


def test_sandbox_public_token_exchange_and_item(sandbox: SandboxServer) -> None:
    client = plaid_client(sandbox)
    created = client.sandbox_public_token_create(SandboxPublicTokenCreateRequest(
        institution_id="ins_12", initial_products=[Products("investments")]))
    exchanged = client.item_public_token_exchange(ItemPublicTokenExchangeRequest(public_token=created.public_token))
    item = client.item_get(ItemGetRequest(access_token=exchanged.access_token)).item
    assert item.item_id == exchanged.item_id and item.institution_name == "Fidelity"
    with pytest.raises(plaid.ApiException) as reused:
        client.item_public_token_exchange(ItemPublicTokenExchangeRequest(public_token=created.public_token))
    assert json.loads(reused.value.body)["error_code"] == "INVALID_PUBLIC_TOKEN"
    status, body = raw(sandbox, "/item/get", {"access_token": exchanged.access_token})
    check("plaid", "POST", "/item/get", status, body)
    client.item_remove(ItemRemoveRequest(access_token=exchanged.access_token))


def test_hosted_link_completes_and_link_token_get_returns_the_public_token(sandbox: SandboxServer) -> None:
    client = plaid_client(sandbox)
    created = client.link_token_create(LinkTokenCreateRequest(
        client_name="Clera Desktop", language="en", country_codes=[CountryCode("US")],
        user=LinkTokenCreateRequestUser(client_user_id="clera-user"), products=[Products("investments")],
        hosted_link=LinkTokenCreateHostedLink(completion_redirect_uri="http://127.0.0.1:9/plaid-done"),
    ))
    assert created.hosted_link_url.startswith(sandbox.base_url)
    assert client.link_token_get(LinkTokenGetRequest(link_token=created.link_token)).link_sessions == []
    form = urllib.parse.urlencode({"token": created.link_token, "action": "submit", "institution": "ins_11",
                                   "username": "user_good", "password": "pass_good"}).encode()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(f"{sandbox.base_url}/plaid/link/hosted/submit", data=form, timeout=10)
    assert redirect.value.code == 302 and redirect.value.headers["Location"] == "http://127.0.0.1:9/plaid-done"
    sessions = client.link_token_get(LinkTokenGetRequest(link_token=created.link_token)).link_sessions
    public_token = sessions[0].results.item_add_results[0].public_token
    access = client.item_public_token_exchange(ItemPublicTokenExchangeRequest(public_token=public_token))
    assert client.item_get(ItemGetRequest(access_token=access.access_token)).item.institution_name == "Charles Schwab"


def test_item_login_required_and_bad_keys_answer_like_plaid(sandbox: SandboxServer) -> None:
    client = plaid_client(sandbox)
    token = sandbox.info["plaid"]["demo_access_token"]
    next(iter(sandbox.world.plaid_items.values())).error_code = "ITEM_LOGIN_REQUIRED"
    item = client.item_get(ItemGetRequest(access_token=token)).item
    assert item.error.error_code == "ITEM_LOGIN_REQUIRED"
    with pytest.raises(plaid.ApiException) as broken:
        client.investments_holdings_get(InvestmentsHoldingsGetRequest(access_token=token))
    assert broken.value.status == 400 and json.loads(broken.value.body)["error_code"] == "ITEM_LOGIN_REQUIRED"
    with pytest.raises(plaid.ApiException) as bad_keys:
        plaid_client(sandbox, secret="nope").item_get(ItemGetRequest(access_token=token))
    assert json.loads(bad_keys.value.body)["error_code"] == "INVALID_API_KEYS"
