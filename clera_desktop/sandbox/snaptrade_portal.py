"""The SnapTrade connection portal: a real page a person signs in on (sandbox credentials).

Completion is signalled as the real portal does (provider-apis.md 1.5): with
``immediateRedirect`` + ``customRedirect`` it navigates to the redirect with ``status`` and
``connection_id`` / ``status_code`` + ``error_code``; framed, it posts window messages instead.
"""

from __future__ import annotations

import html
import json
from datetime import timedelta
from importlib import resources
from string import Template
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from aiohttp import web

from clera_desktop.sandbox.world import BROKERAGES, SnapConnection

if TYPE_CHECKING:
    from clera_desktop.sandbox.snaptrade_api import LoginSession, SnapTradeService

DEMO_PASSWORD = "demo"  # noqa: S105 - the demo portal's documented sign-in (README)
#: Wrong passwords the portal takes before it gives up (a brokerage locks out after a few): the
#: person retries in the page, as in SnapTrade's own portal; only the last failure ends the session.
MAX_LOGIN_ATTEMPTS = 3
DEFAULT_REDIRECT = "https://dashboard.snaptrade.com/connection-complete"


def _page(name: str) -> Template:
    return Template(resources.files("clera_desktop.sandbox").joinpath("pages", name).read_text("utf-8"))


def _with_params(url: str, params: dict[str, str]) -> str:
    return url + ("&" if "?" in url else "?") + urlencode(params)


def _finish(session: LoginSession | None, params: dict[str, str], message: Any, title: str, detail: str) -> web.Response:
    redirect = _with_params((session.custom_redirect if session else None) or DEFAULT_REDIRECT, params)
    immediate = bool(session and session.immediate_redirect and session.custom_redirect)
    body = _page("portal_done.html").substitute(
        title=html.escape(title), detail=html.escape(detail), redirect=html.escape(redirect, quote=True),
        redirect_json=json.dumps(redirect), message=json.dumps(message), immediate="true" if immediate else "false",
    )
    return web.Response(text=body, content_type="text/html")


def _error(session: LoginSession | None, status: int, code: str, detail: str) -> web.Response:
    params = {"status": "ERROR", "status_code": str(status), "error_code": code}
    message = {"status": "ERROR", "errorCode": code, "statusCode": str(status), "detail": detail}
    return _finish(session, params, message, "Connection failed", detail)


def add_routes(app: web.Application, service: SnapTradeService) -> None:
    def live_session(token: str) -> LoginSession | None:
        session = service.sessions.get(token)
        if session is None or session.finished or session.expires < service.now():
            return None
        return session

    async def redeem(request: web.Request) -> web.Response:
        session = live_session(request.query.get("token", ""))
        if session is None:
            return _error(None, 400, "1006", "This connection link has expired. Start again from the app.")
        return sign_in_page(session)

    def sign_in_page(session: LoginSession, error: str = "", username: str = "") -> web.Response:
        user = service.world.snaptrade_users.get(session.user_id)
        reconnecting = user.connections.get(session.reconnect) if user and session.reconnect else None
        chosen = reconnecting.brokerage.slug if reconnecting else session.broker
        if chosen:
            name = html.escape(BROKERAGES[chosen].name)
            buttons = f'<button type="button" class="selected" data-slug="{chosen}">{name}</button>'
        else:
            buttons = "".join(
                f'<button type="button" data-slug="{slug}">{html.escape(spec.name)}</button>'
                for slug, spec in BROKERAGES.items()
            )
        access = "trading" if session.connection_type.startswith("trade") else "read-only"
        body = _page("portal.html").substitute(
            token=html.escape(session.token), broker=chosen or "", brokers=buttons, access=access,
            username=html.escape(reconnecting.login if reconnecting else username), error=html.escape(error),
        )
        return web.Response(text=body, content_type="text/html")

    async def submit(request: web.Request) -> web.Response:
        form = await request.post()
        session = live_session(str(form.get("token", "")))
        if session is None:
            return _error(None, 400, "1006", "This connection link has expired. Start again from the app.")
        session.finished = True
        if form.get("action") == "cancel":
            return _finish(session, {"status": "ABANDONED"}, "ABANDONED", "Connection cancelled",
                           "You left without connecting a brokerage.")
        slug = str(form.get("broker") or "")
        if slug not in BROKERAGES:
            session.finished = False
            return _error(session, 400, "1012", "Choose a brokerage first.")
        if form.get("password") != DEMO_PASSWORD:
            session.failed_logins += 1
            if session.failed_logins < MAX_LOGIN_ATTEMPTS:
                session.finished = False
                left = MAX_LOGIN_ATTEMPTS - session.failed_logins
                session.broker = session.broker or slug
                return sign_in_page(session, f"The brokerage rejected the username or password. Try again "
                                             f"({left} attempt{'s' if left != 1 else ''} left).",
                                    str(form.get("username") or ""))
            return _error(session, 403, "1066", "The brokerage rejected the username or password.")
        login = str(form.get("username") or "demo")
        user = service.world.snaptrade_users.get(session.user_id)
        if user is None:
            return _error(session, 401, "0000", "User not found.")
        connection = _connect(service, session, user, slug, login)
        if isinstance(connection, web.Response):
            return connection
        return _finish(
            session, {"status": "SUCCESS", "connection_id": connection.id},
            {"status": "SUCCESS", "authorizationId": connection.id},
            "Connected", f"{connection.brokerage.name} is now connected.",
        )

    app.router.add_get("/snapTrade/redeemToken", redeem)
    app.router.add_post("/snapTrade/portal/submit", submit)


def _connect(service: SnapTradeService, session: LoginSession, user: Any, slug: str, login: str) -> SnapConnection | web.Response:
    brokerage = BROKERAGES[slug]
    wants_trade = session.connection_type == "trade" or (
        session.connection_type == "trade-if-available" and brokerage.allows_trading
    )
    if session.connection_type == "trade" and not brokerage.allows_trading:
        return _error(session, 403, "1140", f"{brokerage.name} does not support trading through SnapTrade.")
    world = service.world
    with world.lock:
        if session.reconnect:
            connection = user.connections.get(session.reconnect)
            if connection is None or connection.brokerage.slug != slug or connection.login != login:
                return _error(session, 400, "1023", "That login belongs to a different brokerage account.")
            connection.disabled, connection.disabled_at = False, None
            connection.updated_at = service.now()
            return connection
        for existing in user.connections.values():  # de-duplicated per brokerage credentials
            if existing.brokerage.slug == slug and existing.login == login:
                existing.type = "trade" if wants_trade else existing.type
                existing.disabled, existing.disabled_at = False, None
                return existing
        connection = world.add_snaptrade_connection(
            user, slug, "trade" if wants_trade else "read", world.plans_for_new_connection(slug, user), login=login
        )
        connection.created_at = connection.updated_at = service.now() - timedelta(seconds=1)
        return connection
