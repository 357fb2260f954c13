"""Plaid's API, imitated: hosted Link, token exchange, items, investments holdings/transactions.

Every response carries each key the official SDK requires (``null`` where nullable), because
plaid-python type-checks responses strictly (provider-apis.md 2.2).
"""

from __future__ import annotations

import html
import json
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from importlib import resources
from string import Template
from typing import TYPE_CHECKING, Any

from aiohttp import web

from clera_desktop.sandbox.http import iso, json_response, number
from clera_desktop.sandbox.instruments import sector_of
from clera_desktop.sandbox.ledger import EventKind, LedgerEvent
from clera_desktop.sandbox.market import cents
from clera_desktop.sandbox.world import AccountPlan, DemoAccount, PlaidItem, stable_uuid

if TYPE_CHECKING:
    from clera_desktop.sandbox.server import SandboxServer

GOOD_USER, GOOD_PASSWORD = "user_good", "pass_good"
INSTITUTIONS = {
    "ins_109508": "Vanguard",
    "ins_12": "Fidelity",
    "ins_11": "Charles Schwab",
}
# ledger kind -> (Plaid type, subtype, sign of Plaid amount relative to our cash effect)
TRANSACTION_TYPES = {
    EventKind.BUY: ("buy", "buy"), EventKind.SELL: ("sell", "sell"),
    EventKind.DIVIDEND: ("cash", "dividend"), EventKind.INTEREST: ("cash", "interest"),
    EventKind.DEPOSIT: ("cash", "contribution"), EventKind.WITHDRAWAL: ("cash", "withdrawal"),
    EventKind.FEE: ("fee", "account fee"), EventKind.SPLIT: ("transfer", "split"),
    EventKind.TRANSFER_IN: ("transfer", "transfer"), EventKind.TRANSFER_OUT: ("transfer", "transfer"),
    EventKind.TAX: ("fee", "tax withheld"),
}


def plaid_error(status: int, error_type: str, code: str, message: str, display: str | None = None) -> web.Response:
    return json_response({
        "error_type": error_type, "error_code": code, "error_code_reason": None, "error_message": message,
        "display_message": display, "request_id": uuid.uuid4().hex[:15], "causes": [], "status": status,
        "documentation_url": f"https://plaid.com/docs/errors/#{code.lower()}", "suggested_action": None,
    }, status=status)


def error_response(status: int, retry_after: int | None = None) -> web.Response:
    if status == 429:
        return plaid_error(429, "RATE_LIMIT_EXCEEDED", "RATE_LIMIT", "rate limit exceeded for this endpoint")
    if status >= 500:
        return plaid_error(status, "API_ERROR", "INTERNAL_SERVER_ERROR", "an unexpected error occurred")
    return plaid_error(status, "INVALID_REQUEST", "INVALID_FIELD", "the request was invalid")


class PlaidFailure(Exception):
    def __init__(self, response: web.Response) -> None:
        self.response = response


@dataclass
class LinkToken:
    token: str
    created_at: datetime
    expiration: datetime
    client_name: str
    products: list[str]
    country_codes: list[str]
    language: str
    completion_redirect_uri: str | None
    access_token: str | None  # update mode
    sessions: list[dict[str, Any]] = field(default_factory=list)


class PlaidService:
    def __init__(self, server: SandboxServer) -> None:
        self.server = server
        self.world = server.world
        self.client_id = f"clera-sandbox-{self.world.seed}"
        self.secret = self.world.secret("plaid-secret")
        self.link_tokens: dict[str, LinkToken] = {}
        self.public_tokens: dict[str, str] = {}  # public token -> item id (one-shot)

    def item_for(self, access_token: str) -> PlaidItem:
        for item in self.world.plaid_items.values():
            if item.access_token == access_token:
                return item
        raise PlaidFailure(plaid_error(400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN",
                                       "provided access token is in an invalid format"))

    def new_item(self, institution_id: str) -> PlaidItem:
        name = INSTITUTIONS[institution_id]
        n = len(self.world.plaid_items)
        plans = [AccountPlan(f"plaid-{institution_id}-{n}", f"{name} Brokerage", "USD", "brokerage",
                             ("VTI", "VOO", "AAPL", "MSFT", "BND"), True, Decimal(12000), Decimal(300))]
        return self.world.add_plaid_item(institution_id, name, plans, subtypes=("brokerage",))


def _request_id() -> str:
    return uuid.uuid4().hex[:15]


def _item(item: PlaidItem) -> dict[str, Any]:
    error: dict[str, Any] | None = None
    if item.error_code == "ITEM_LOGIN_REQUIRED":
        error = {
            "error_type": "ITEM_ERROR", "error_code": "ITEM_LOGIN_REQUIRED", "error_code_reason": None,
            "error_message": "the login details of this item have changed (credentials, MFA, or required "
                             "user action) and a user login is required to update this information.",
            "display_message": None, "request_id": _request_id(), "causes": [], "status": 400,
            "documentation_url": "https://plaid.com/docs/errors/item/#item_login_required",
            "suggested_action": None,
        }
    return {
        "item_id": item.item_id, "institution_id": item.institution_id, "institution_name": item.institution_name,
        "webhook": None, "error": error, "available_products": ["balance"], "billed_products": ["investments"],
        "products": ["investments"], "consented_products": ["investments"], "consent_expiration_time": None,
        "update_type": "background", "auth_method": None,
    }


def _account(account: DemoAccount, value: Decimal) -> dict[str, Any]:
    return {
        "account_id": account.id,
        "balances": {
            "available": number(account.book.cash), "current": number(cents(value)),
            "limit": None, "iso_currency_code": account.currency, "unofficial_currency_code": None,
            "margin_loan_amount": None, "last_updated_datetime": None,
        },
        "mask": account.number[-4:], "name": account.name, "official_name": account.name,
        "type": "investment", "subtype": account.subtype,
    }


def _security_id(symbol: str) -> str:
    return stable_uuid("plaid-security", symbol).replace("-", "")[:24]


def _security(service: PlaidService, symbol: str | None, currency: str) -> dict[str, Any]:
    if symbol is None:
        return {
            "security_id": _security_id(f"CUR:{currency}"), "isin": None, "cusip": None, "sedol": None,
            "institution_security_id": None, "institution_id": None, "proxy_security_id": None,
            "name": "U S Dollar" if currency == "USD" else currency, "ticker_symbol": f"CUR:{currency}",
            "is_cash_equivalent": True, "type": "cash", "close_price": 1.0, "close_price_as_of": None,
            "update_datetime": None, "iso_currency_code": currency, "unofficial_currency_code": None,
            "market_identifier_code": None, "sector": None, "industry": None, "cfi_code": None, "figi": None,
            "option_contract": None, "fixed_income": None,
        }
    instrument = service.world.instruments[symbol]
    close = service.world.prices.close_on(symbol, service.world.as_of)
    sector, industry = sector_of(instrument)
    return {
        "security_id": _security_id(symbol), "isin": None, "cusip": None, "sedol": None,
        "institution_security_id": None, "institution_id": None, "proxy_security_id": None,
        "name": instrument.name, "ticker_symbol": symbol, "is_cash_equivalent": False,
        "type": "etf" if instrument.kind == "etf" else "equity", "close_price": number(close),
        "close_price_as_of": service.world.as_of.isoformat(), "update_datetime": None,
        "iso_currency_code": instrument.currency, "unofficial_currency_code": None,
        "market_identifier_code": instrument.exchange, "sector": sector, "industry": industry, "cfi_code": None,
        "figi": None, "option_contract": None, "fixed_income": None,
    }


def _transaction(account: DemoAccount, event: LedgerEvent) -> dict[str, Any]:
    kind, subtype = TRANSACTION_TYPES[event.kind]
    quantity = event.quantity or Decimal(0)
    if event.kind in (EventKind.SELL, EventKind.TRANSFER_OUT):
        quantity = -quantity
    return {
        "investment_transaction_id": event.id.replace("-", ""), "account_id": account.id,
        "security_id": _security_id(event.symbol) if event.symbol else None, "date": event.day.isoformat(),
        "transaction_datetime": None, "name": event.description or subtype, "quantity": number(quantity),
        "amount": number(-event.amount), "price": number(event.price or Decimal(0)), "fees": number(event.fee),
        "type": kind, "subtype": subtype, "iso_currency_code": event.currency, "unofficial_currency_code": None,
        "cancel_transaction_id": None,
    }


def make_app(service: PlaidService) -> web.Application:
    app = web.Application()

    def authed(handler):
        async def wrapped(request: web.Request) -> web.Response:
            try:
                body = json.loads(await request.read() or b"{}")
            except ValueError:
                return plaid_error(400, "INVALID_REQUEST", "INVALID_BODY", "request body is not valid JSON")
            client_id = request.headers.get("PLAID-CLIENT-ID") or body.get("client_id")
            secret = request.headers.get("PLAID-SECRET") or body.get("secret")
            if client_id != service.client_id or not secrets.compare_digest(str(secret or ""), service.secret):
                return plaid_error(400, "INVALID_INPUT", "INVALID_API_KEYS",
                                   "invalid client_id or secret provided")
            try:
                return await handler(body)
            except PlaidFailure as failure:
                return failure.response

        return wrapped

    def ready_item(body: dict[str, Any]) -> PlaidItem:
        item = service.item_for(body.get("access_token", ""))
        if item.error_code == "ITEM_LOGIN_REQUIRED":
            raise PlaidFailure(plaid_error(
                400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED",
                "the login details of this item have changed (credentials, MFA, or required user action) "
                "and a user login is required to update this information.",
            ))
        if not item.products_ready:
            raise PlaidFailure(plaid_error(400, "ITEM_ERROR", "PRODUCT_NOT_READY",
                                           "the requested product is not yet ready"))
        return item

    def accounts_of(item: PlaidItem, body: dict[str, Any]) -> list[DemoAccount]:
        wanted = ((body.get("options") or {}).get("account_ids")) or None
        return [a for a in item.accounts if wanted is None or a.id in wanted]

    def value(account: DemoAccount) -> Decimal:
        price = service.world.market.price
        return account.book.cash + sum((h.quantity * price(s) for s, h in account.book.holdings.items()), Decimal(0))

    async def link_token_create(body: dict[str, Any]) -> web.Response:
        if not body.get("client_name") or not body.get("user", {}).get("client_user_id"):
            return plaid_error(400, "INVALID_REQUEST", "MISSING_FIELDS", "client_name and user are required")
        access_token = body.get("access_token")
        if access_token:
            service.item_for(access_token)
        elif not body.get("products"):
            return plaid_error(400, "INVALID_REQUEST", "MISSING_FIELDS", "products is required")
        now = service.world.clock.now()
        hosted = body.get("hosted_link")
        lifetime = int((hosted or {}).get("url_lifetime_seconds") or 1800)
        token = LinkToken(
            token=f"link-sandbox-{uuid.uuid4()}", created_at=now, expiration=now + timedelta(seconds=lifetime),
            client_name=body["client_name"], products=list(body.get("products") or []),
            country_codes=list(body.get("country_codes") or ["US"]), language=body.get("language", "en"),
            completion_redirect_uri=(hosted or {}).get("completion_redirect_uri"), access_token=access_token,
        )
        service.link_tokens[token.token] = token
        answer = {"link_token": token.token, "expiration": iso(token.expiration), "request_id": _request_id()}
        if hosted is not None:
            answer["hosted_link_url"] = f"{service.server.base_url}/plaid/link/hosted?token={token.token}"
        return json_response(answer)

    async def link_token_get(body: dict[str, Any]) -> web.Response:
        token = service.link_tokens.get(body.get("link_token", ""))
        if token is None:
            return plaid_error(400, "INVALID_INPUT", "INVALID_LINK_TOKEN", "provided link token is invalid")
        return json_response({
            "link_token": token.token, "created_at": iso(token.created_at), "expiration": iso(token.expiration),
            "metadata": {
                "initial_products": token.products, "webhook": None, "country_codes": token.country_codes,
                "language": token.language, "redirect_uri": None, "client_name": token.client_name,
            },
            "link_sessions": token.sessions, "request_id": _request_id(),
        })

    async def exchange(body: dict[str, Any]) -> web.Response:
        item_id = service.public_tokens.pop(body.get("public_token", ""), None)
        if item_id is None:
            return plaid_error(400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN", "provided public token is invalid")
        item = service.world.plaid_items[item_id]
        return json_response({"access_token": item.access_token, "item_id": item.item_id, "request_id": _request_id()})

    async def sandbox_public_token(body: dict[str, Any]) -> web.Response:
        institution_id = body.get("institution_id", "")
        if institution_id not in INSTITUTIONS:
            return plaid_error(400, "INVALID_INPUT", "INVALID_INSTITUTION", "invalid institution_id provided")
        item = service.new_item(institution_id)
        public_token = f"public-sandbox-{uuid.uuid4()}"
        service.public_tokens[public_token] = item.item_id
        return json_response({"public_token": public_token, "request_id": _request_id()})

    async def item_get(body: dict[str, Any]) -> web.Response:
        item = service.item_for(body.get("access_token", ""))
        return json_response({"item": _item(item), "status": None, "request_id": _request_id()})

    async def item_remove(body: dict[str, Any]) -> web.Response:
        item = service.item_for(body.get("access_token", ""))
        with service.world.lock:
            del service.world.plaid_items[item.item_id]
        return json_response({"request_id": _request_id()})

    async def reset_login(body: dict[str, Any]) -> web.Response:
        item = service.item_for(body.get("access_token", ""))
        item.error_code = "ITEM_LOGIN_REQUIRED"
        return json_response({"reset_login": True, "request_id": _request_id()})

    async def holdings(body: dict[str, Any]) -> web.Response:
        item = ready_item(body)
        accounts = accounts_of(item, body)
        rows, symbols = [], set()
        with service.world.lock:
            for account in accounts:
                for symbol, holding in sorted(account.book.holdings.items()):
                    price = service.world.market.price(symbol)
                    symbols.add(symbol)
                    rows.append({
                        "account_id": account.id, "security_id": _security_id(symbol),
                        "institution_price": number(price), "institution_price_as_of": service.world.as_of.isoformat(),
                        "institution_price_datetime": None, "institution_value": number(holding.quantity * price),
                        "cost_basis": number(holding.cost), "quantity": number(holding.quantity),
                        "iso_currency_code": account.currency, "unofficial_currency_code": None,
                        "vested_quantity": None, "vested_value": None,
                    })
                rows.append({
                    "account_id": account.id, "security_id": _security_id(f"CUR:{account.currency}"),
                    "institution_price": 1.0, "institution_price_as_of": None, "institution_price_datetime": None,
                    "institution_value": number(account.book.cash), "cost_basis": number(account.book.cash),
                    "quantity": number(account.book.cash), "iso_currency_code": account.currency,
                    "unofficial_currency_code": None, "vested_quantity": None, "vested_value": None,
                })
        securities = [_security(service, s, "USD") for s in sorted(symbols)]
        securities += [_security(service, None, c) for c in sorted({a.currency for a in accounts})]
        return json_response({
            "accounts": [_account(a, value(a)) for a in accounts], "holdings": rows, "securities": securities,
            "item": _item(item), "request_id": _request_id(),
        })

    async def transactions(body: dict[str, Any]) -> web.Response:
        item = ready_item(body)
        try:
            start = date.fromisoformat(body["start_date"])
            end = date.fromisoformat(body["end_date"])
        except (KeyError, ValueError):
            return plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD", "start_date and end_date must be YYYY-MM-DD")
        options = body.get("options") or {}
        count, offset = int(options.get("count", 100)), int(options.get("offset", 0))
        if not 1 <= count <= 500 or offset < 0:
            return plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD", "count must be 1-500, offset >= 0")
        accounts = accounts_of(item, body)
        with service.world.lock:
            selected = sorted(
                ((a, e) for a in accounts for e in a.ledger if start <= e.day <= end),
                key=lambda pair: (pair[1].day, pair[1].id), reverse=True,
            )
        page = selected[offset:offset + count]
        symbols = sorted({e.symbol for _, e in page if e.symbol})
        return json_response({
            "item": _item(item), "accounts": [_account(a, value(a)) for a in accounts],
            "securities": [_security(service, s, "USD") for s in symbols],
            "investment_transactions": [_transaction(a, e) for a, e in page],
            "total_investment_transactions": len(selected), "request_id": _request_id(),
        })

    async def hosted_page(request: web.Request) -> web.Response:
        token = service.link_tokens.get(request.query.get("token", ""))
        if token is None or token.expiration < service.world.clock.now():
            return web.Response(text="<h1>This link has expired.</h1>", content_type="text/html", status=400)
        repairing = token.access_token is not None
        options = "".join(f'<option value="{i}">{html.escape(n)}</option>' for i, n in INSTITUTIONS.items())
        if repairing:
            item = service.item_for(token.access_token or "")
            options = f'<option value="{item.institution_id}">{html.escape(item.institution_name)}</option>'
        body = Template(resources.files("clera_desktop.sandbox").joinpath("pages", "plaid_link.html").read_text("utf-8"))
        return web.Response(text=body.substitute(
            title="Reconnect your account" if repairing else "Link your investment account",
            action="/plaid/link/hosted/submit", token=html.escape(token.token), institutions=options,
        ), content_type="text/html")

    async def hosted_submit(request: web.Request) -> web.Response:
        form = await request.post()
        token = service.link_tokens.get(str(form.get("token", "")))
        if token is None:
            return web.Response(text="<h1>This link has expired.</h1>", content_type="text/html", status=400)
        now = service.world.clock.now()
        session: dict[str, Any] = {"link_session_id": str(uuid.uuid4()), "started_at": iso(now), "finished_at": iso(now),
                                   "events": []}
        if form.get("action") == "exit":
            session["exit"] = {"error": None, "metadata": {"status": "requires_credentials",
                                                           "link_session_id": session["link_session_id"]}}
        elif form.get("username") != GOOD_USER or form.get("password") != GOOD_PASSWORD:
            session["exit"] = {"error": {"error_type": "ITEM_ERROR", "error_code": "INVALID_CREDENTIALS",
                                         "error_message": "the provided credentials were not correct",
                                         "display_message": "The credentials you entered were incorrect."},
                               "metadata": {"status": "requires_credentials", "link_session_id": session["link_session_id"]}}
        else:
            institution_id = str(form.get("institution"))
            if token.access_token:
                item = service.item_for(token.access_token)
                item.error_code = None
            else:
                item = service.new_item(institution_id)
            public_token = f"public-sandbox-{uuid.uuid4()}"
            if not token.access_token:
                service.public_tokens[public_token] = item.item_id
            session["results"] = {
                "item_add_results": [] if token.access_token else [{
                    "public_token": public_token,
                    "accounts": [{"id": a.id, "name": a.name, "mask": a.number[-4:], "type": "investment",
                                  "subtype": a.subtype, "verification_status": None, "class_type": None}
                                 for a in item.accounts],
                    "institution": {"name": item.institution_name, "institution_id": item.institution_id},
                }],
                "cra_item_add_results": [], "cra_update_results": [], "bank_income_results": [],
                "payroll_income_results": [], "document_income_results": None,
            }
        token.sessions.append(session)
        if token.completion_redirect_uri:
            raise web.HTTPFound(token.completion_redirect_uri)
        outcome = "exited" if "exit" in session else "linked"
        return web.Response(text=f'<h1 id="outcome">Account {outcome}. You can close this window.</h1>',
                            content_type="text/html")

    routes = {
        "/link/token/create": link_token_create, "/link/token/get": link_token_get,
        "/item/public_token/exchange": exchange, "/sandbox/public_token/create": sandbox_public_token,
        "/sandbox/item/reset_login": reset_login, "/item/get": item_get, "/item/remove": item_remove,
        "/investments/holdings/get": holdings, "/investments/transactions/get": transactions,
    }
    for path, handler in routes.items():
        app.router.add_post(path, authed(handler))
    app.router.add_get("/link/hosted", hosted_page)
    app.router.add_post("/link/hosted/submit", hosted_submit)
    return app
