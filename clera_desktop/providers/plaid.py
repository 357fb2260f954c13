"""Plaid over the official ``plaid-python``: hosted Link, token exchange, investments.

Read-only: Plaid accounts are never eligible for trading. ``InvestmentAccount.balances`` is
broken in the SDK (provider-apis.md 2.2), so responses are read through ``to_dict()``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from clera_desktop.core.clock import Clock, SystemClock
from clera_desktop.core.credentials import PlaidCredentials
from clera_desktop.core.errors import (
    BadProviderData,
    CleraError,
    InvalidCredentials,
    NeedsReconnect,
    RateLimited,
    RejectedInput,
    TemporarilyUnavailable,
)
from clera_desktop.core.money import optional_decimal, to_decimal
from clera_desktop.models.enums import ActivityType, ConnectionType, Provider, SecurityType
from clera_desktop.models.provider_data import (
    AccountData,
    RemoteAccount,
    RemoteActivity,
    RemoteBalance,
    RemoteConnection,
    RemotePosition,
)
from clera_desktop.providers import payload
from clera_desktop.providers.base import CallRunner, retry_after, unreachable

log = logging.getLogger(__name__)
REQUEST_TIMEOUT = (10, 30)
PAGE = 500
HISTORY_DAYS = 365 * 5

_SUBTYPES = {
    "buy": ActivityType.BUY, "sell": ActivityType.SELL, "dividend": ActivityType.DIVIDEND,
    "qualified dividend": ActivityType.DIVIDEND, "non-qualified dividend": ActivityType.DIVIDEND,
    "dividend reinvestment": ActivityType.DIVIDEND, "interest": ActivityType.INTEREST,
    "contribution": ActivityType.DEPOSIT, "deposit": ActivityType.DEPOSIT, "withdrawal": ActivityType.WITHDRAWAL,
    "distribution": ActivityType.WITHDRAWAL, "account fee": ActivityType.FEE, "management fee": ActivityType.FEE,
    "fund fee": ActivityType.FEE, "transfer fee": ActivityType.FEE, "tax": ActivityType.TAX,
    "tax withheld": ActivityType.TAX, "non-resident tax": ActivityType.TAX,
    "split": ActivityType.SPLIT,
}
_SECURITY_TYPES = {"equity": SecurityType.EQUITY, "etf": SecurityType.ETF, "mutual fund": SecurityType.MUTUAL_FUND,
                   "cash": SecurityType.CASH, "fixed income": SecurityType.BOND, "cryptocurrency": SecurityType.CRYPTO,
                   "derivative": SecurityType.OPTION}


def map_error(error: BaseException) -> CleraError:
    import plaid

    if isinstance(error, plaid.ApiException):
        try:
            body = json.loads(error.body or "{}")
        except (TypeError, ValueError):
            body = {}
        code, kind = str(body.get("error_code", "")), str(body.get("error_type", ""))
        detail = f"HTTP {error.status} {kind}/{code}: {body.get('error_message', '')}"
        display = body.get("display_message")
        if code in ("ITEM_LOGIN_REQUIRED", "PENDING_EXPIRATION", "ACCESS_NOT_GRANTED"):
            return NeedsReconnect(display or "Sign in to this institution again to keep it up to date.",
                                  provider="plaid", detail=detail)
        if code in ("INVALID_API_KEYS", "INVALID_ACCESS_TOKEN"):
            return InvalidCredentials("Plaid did not accept the app's keys. Check them in Settings.",
                                      provider="plaid", detail=detail)
        if kind == "RATE_LIMIT_EXCEEDED" or error.status == 429:
            return RateLimited(retry_after=retry_after(error.headers), provider="plaid", detail=detail)
        if code == "PRODUCT_NOT_READY":
            return TemporarilyUnavailable("The institution is still preparing this data. Try again in a minute.",
                                          provider="plaid", detail=detail)
        if (error.status or 0) >= 500 or kind in ("API_ERROR", "INSTITUTION_ERROR"):
            return TemporarilyUnavailable(display or "Plaid or the institution is not answering right now.",
                                          provider="plaid", detail=detail)
        return RejectedInput(display or "Plaid rejected the request.", provider="plaid", detail=detail)
    if isinstance(error, (TimeoutError, ConnectionError, OSError)) or type(error).__module__.startswith("urllib3"):
        return unreachable("Plaid", "plaid", error)
    return BadProviderData("Plaid sent data the app could not read. Nothing was changed.",
                           provider="plaid", detail=repr(error))


@dataclass(frozen=True, slots=True)
class HostedLink:
    link_token: str
    url: str


@dataclass(frozen=True, slots=True)
class LinkOutcome:
    """What a finished hosted Link session produced: public tokens, or why the person left."""

    finished: bool
    public_tokens: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()  # the institution of each public token, same order
    exit_reason: str | None = None


class PlaidClient:
    provider = Provider.PLAID

    def __init__(self, credentials: PlaidCredentials, *, host: str | None = None,
                 access_tokens: dict[str, str] | None = None, clock: Clock | None = None) -> None:
        import plaid
        from plaid.api import plaid_api

        resolved = host or (plaid.Environment.Production if credentials.environment == "production"
                            else plaid.Environment.Sandbox)
        configuration = plaid.Configuration(host=resolved, api_key={"clientId": credentials.client_id,
                                                                    "secret": credentials.secret})
        self._api = plaid_api.PlaidApi(plaid.ApiClient(configuration))
        self.access_tokens = dict(access_tokens or {})  # item id -> access token (from the keyring)
        self.clock = clock or SystemClock()
        self.runner = CallRunner(Provider.PLAID, map_error)

    async def _call(self, method: Any, request: Any, *, idempotent: bool = True) -> dict[str, Any]:
        response = await self.runner.call(method, request, idempotent=idempotent, _request_timeout=REQUEST_TIMEOUT)
        body: dict[str, Any] = response.to_dict()
        return body

    # ---- Link -----------------------------------------------------------------------------

    async def verify_keys(self) -> None:
        """Raises InvalidCredentials (or another CleraError) unless Plaid takes the client ID and
        secret: a link token is the cheapest call that needs them, and costs nothing."""
        await self.create_hosted_link(user_id="clera-desktop-key-check",
                                      completion_redirect="https://clera-desktop.invalid/key-check")

    async def create_hosted_link(self, *, user_id: str, completion_redirect: str, item_id: str | None = None) -> HostedLink:
        """Hosted Link for a new item, or update mode for ``item_id`` (repairs ITEM_LOGIN_REQUIRED)."""
        from plaid.model.country_code import CountryCode
        from plaid.model.link_token_create_hosted_link import LinkTokenCreateHostedLink
        from plaid.model.link_token_create_request import LinkTokenCreateRequest
        from plaid.model.link_token_create_request_user import LinkTokenCreateRequestUser
        from plaid.model.products import Products

        options: dict[str, Any] = {
            "client_name": "Clera Desktop", "language": "en", "country_codes": [CountryCode("US")],
            "user": LinkTokenCreateRequestUser(client_user_id=user_id),
            "hosted_link": LinkTokenCreateHostedLink(completion_redirect_uri=completion_redirect),
        }
        if item_id is not None:
            options["access_token"] = self.access_tokens[item_id]
        else:
            options["products"] = [Products("investments")]
        body = await self._call(self._api.link_token_create, LinkTokenCreateRequest(**options), idempotent=False)
        if not body.get("hosted_link_url"):
            raise BadProviderData(provider="plaid", detail="link token without hosted_link_url")
        return HostedLink(body["link_token"], body["hosted_link_url"])

    async def link_outcome(self, link_token: str) -> LinkOutcome:
        from plaid.model.link_token_get_request import LinkTokenGetRequest

        body = await self._call(self._api.link_token_get, LinkTokenGetRequest(link_token=link_token))
        sessions = [s for s in body.get("link_sessions") or [] if s.get("finished_at")]
        if not sessions:
            return LinkOutcome(finished=False)
        session = sessions[-1]
        results = session.get("results") or {}
        added = results.get("item_add_results") or []
        tokens = tuple(r["public_token"] for r in added)
        institutions = tuple((r.get("institution") or {}).get("name") or "Institution" for r in added)
        exit_ = session.get("exit")
        reason = None
        if exit_ and not results:
            error = exit_.get("error") or {}
            reason = error.get("display_message") or error.get("error_message") or "You left before linking an account."
        return LinkOutcome(finished=True, public_tokens=tokens, institutions=institutions, exit_reason=reason)

    async def exchange_public_token(self, public_token: str) -> tuple[str, str]:
        """Returns ``(item_id, access_token)``; the caller keeps the token in the keyring."""
        from plaid.model.item_public_token_exchange_request import ItemPublicTokenExchangeRequest

        body = await self._call(self._api.item_public_token_exchange,
                                ItemPublicTokenExchangeRequest(public_token=public_token), idempotent=False)
        self.access_tokens[body["item_id"]] = body["access_token"]
        return body["item_id"], body["access_token"]

    async def remove_item(self, item_id: str) -> None:
        from plaid.model.item_remove_request import ItemRemoveRequest

        await self._call(self._api.item_remove, ItemRemoveRequest(access_token=self.access_tokens[item_id]),
                         idempotent=False)

    # ---- sync -----------------------------------------------------------------------------

    async def list_connections(self) -> list[RemoteConnection]:
        from plaid.model.item_get_request import ItemGetRequest

        connections = []
        for item_id, token in self.access_tokens.items():
            body = await self._call(self._api.item_get, ItemGetRequest(access_token=token))
            item = body["item"]
            error = item.get("error") or {}
            broken = error.get("error_code") == "ITEM_LOGIN_REQUIRED"
            connections.append(RemoteConnection(
                provider=Provider.PLAID, provider_connection_id=item_id,
                brokerage_name=item.get("institution_name") or "Institution",
                brokerage_slug=item.get("institution_id"), connection_type=ConnectionType.READ,
                disabled=broken,
                status_reason=(error.get("display_message") or "Sign in to this institution again.") if broken else None,
            ))
        return connections

    async def list_accounts(self, connection: RemoteConnection) -> list[RemoteAccount]:
        holdings = await self._holdings(connection.provider_connection_id)
        return [self._account(a, connection) for a in holdings["accounts"]]

    @staticmethod
    def _account(account: dict[str, Any], connection: RemoteConnection) -> RemoteAccount:
        balances = account.get("balances") or {}
        return RemoteAccount(
            provider=Provider.PLAID, provider_account_id=payload.text(account["account_id"], "account id"),
            provider_connection_id=connection.provider_connection_id, institution=connection.brokerage_name,
            name=str(account.get("name") or account.get("official_name") or "Investment account"),
            masked_number=f"****{account['mask']}" if account.get("mask") else None,
            account_type=str(account.get("subtype") or account.get("type") or ""),
            currency=payload.currency(balances.get("iso_currency_code"), "account currency", "USD"),
            connection_type=ConnectionType.READ,
        )

    async def _holdings(self, item_id: str) -> dict[str, Any]:
        from plaid.model.investments_holdings_get_request import InvestmentsHoldingsGetRequest

        return await self._call(self._api.investments_holdings_get,
                                InvestmentsHoldingsGetRequest(access_token=self.access_tokens[item_id]))

    async def fetch_account(self, account: RemoteAccount, *, activities_since: date | None) -> AccountData:
        item_id = account.provider_connection_id or ""
        holdings = await self._holdings(item_id)
        securities = {s["security_id"]: s for s in holdings["securities"]}
        positions, cash = [], None
        for holding in holdings["holdings"]:
            if holding["account_id"] != account.provider_account_id:
                continue
            security = securities.get(holding["security_id"]) or {}
            ticker = payload.optional_text(security.get("ticker_symbol"), "ticker symbol")
            if security.get("is_cash_equivalent") and (ticker or "").startswith("CUR:"):
                cash = to_decimal(holding["quantity"])
                continue
            quantity = to_decimal(holding["quantity"])
            cost = optional_decimal(holding.get("cost_basis"))
            positions.append(RemotePosition(
                symbol=payload.text(ticker or security.get("name") or holding["security_id"], "holding symbol"),
                quantity=quantity,
                currency=payload.currency(holding.get("iso_currency_code"), "holding currency", account.currency),
                security_type=_SECURITY_TYPES.get(str(security.get("type")), SecurityType.OTHER),
                price=optional_decimal(holding.get("institution_price")),
                market_value=optional_decimal(holding.get("institution_value")),
                average_cost=None if cost is None or not quantity else cost / quantity, cost_basis=cost,
                description=security.get("name"), universal_symbol_id=holding["security_id"],
                exchange=payload.label(security.get("market_identifier_code")),
                sector=payload.label(security.get("sector")), industry=payload.label(security.get("industry")),
            ))
        plaid_account = next(a for a in holdings["accounts"] if a["account_id"] == account.provider_account_id)
        available = optional_decimal((plaid_account.get("balances") or {}).get("available"))
        balance = RemoteBalance(account.currency, cash if cash is not None else available, available)
        activities, end = await self._transactions(item_id, account, activities_since)
        return AccountData(account, (balance,), tuple(positions), tuple(activities),
                           activities_from=activities_since, activities_to=end)

    async def _transactions(self, item_id: str, account: RemoteAccount, since: date | None) -> tuple[list[RemoteActivity], date]:
        from plaid.model.investments_transactions_get_request import InvestmentsTransactionsGetRequest
        from plaid.model.investments_transactions_get_request_options import InvestmentsTransactionsGetRequestOptions

        end = self.clock.today()
        start = since or end - timedelta(days=HISTORY_DAYS)
        collected: list[RemoteActivity] = []
        offset = 0
        while True:
            body = await self._call(self._api.investments_transactions_get, InvestmentsTransactionsGetRequest(
                access_token=self.access_tokens[item_id], start_date=start, end_date=end,
                options=InvestmentsTransactionsGetRequestOptions(
                    count=PAGE, offset=offset, account_ids=[account.provider_account_id]),
            ))
            securities = {s["security_id"]: s for s in body["securities"]}
            page = body["investment_transactions"]
            collected.extend(self._activity(t, securities, account) for t in page)
            offset += len(page)
            if not page or offset >= int(body["total_investment_transactions"]):
                return collected, end

    @staticmethod
    def _activity(item: dict[str, Any], securities: dict[str, Any], account: RemoteAccount) -> RemoteActivity:
        kind, subtype = str(item.get("type")), str(item.get("subtype"))
        quantity = optional_decimal(item.get("quantity"))
        amount = optional_decimal(item.get("amount"))
        activity_type = _SUBTYPES.get(subtype)
        if activity_type is None and kind == "transfer":
            activity_type = ActivityType.TRANSFER_IN if (quantity or Decimal(0)) > 0 else ActivityType.TRANSFER_OUT
        security = securities.get(item.get("security_id") or "") or {}
        day = item["date"]
        return RemoteActivity(
            provider_activity_id=payload.text(item["investment_transaction_id"], "transaction id"),
            type=activity_type or ActivityType.OTHER,
            raw_type=f"{kind}/{subtype}", trade_date=day if isinstance(day, date) else date.fromisoformat(str(day)),
            currency=payload.currency(item.get("iso_currency_code"), "transaction currency", account.currency),
            symbol=payload.optional_text(security.get("ticker_symbol"), "ticker symbol"),
            quantity=None if quantity is None else abs(quantity), price=optional_decimal(item.get("price")),
            amount=None if amount is None else -amount,  # Plaid: positive = cash out; the app: money in is positive
            fee=optional_decimal(item.get("fees")), description=item.get("name"),
        )
