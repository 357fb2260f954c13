"""SnapTrade over the official ``snaptrade-python-sdk``.

The SDK's blocking methods run in the worker pool (its ``a*`` async twins mishandle some error
statuses and leak sessions: provider-apis.md 1.3). urllib3's own retries are switched off so a
429's ``Retry-After`` is honoured by :class:`CallRunner` (with jitter), not slept through inside a
worker, and every request gets a timeout. The SDK hands back raw JSON without validating it, so
every field read here is checked and a surprise becomes :class:`BadProviderData`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from operator import itemgetter
from typing import Any, Generic, TypedDict, TypeVar

import urllib3

from clera_desktop.core.clock import Clock, SystemClock
from clera_desktop.core.credentials import SnapTradeCredentials
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
from clera_desktop.core.words import said
from clera_desktop.models.enums import (
    ActivityType,
    ConnectionType,
    OrderSide,
    OrderStatus,
    OrderType,
    Provider,
    SecurityType,
    TimeInForce,
)
from clera_desktop.models.provider_data import (
    AccountData,
    BrokerTaxLot,
    RemoteAccount,
    RemoteActivity,
    RemoteBalance,
    RemoteConnection,
    RemoteOrder,
    RemotePosition,
)
from clera_desktop.providers import payload
from clera_desktop.providers.base import CallRunner, RateLimiter, retry_after, unreachable

log = logging.getLogger(__name__)
K = TypeVar("K")
V = TypeVar("V")

REQUEST_TIMEOUT = urllib3.Timeout(connect=10, read=30)
ACTIVITY_PAGE = 1000
DOCUMENTED_LIMIT_PER_MINUTE = 250

_ACTIVITY_TYPES = {
    "BUY": ActivityType.BUY, "SELL": ActivityType.SELL, "DIVIDEND": ActivityType.DIVIDEND,
    "REI": ActivityType.DIVIDEND, "STOCK_DIVIDEND": ActivityType.DIVIDEND,
    "SUBSTITUTE_DIVIDEND": ActivityType.DIVIDEND, "CONTRIBUTION": ActivityType.DEPOSIT,
    "DEPOSIT": ActivityType.DEPOSIT, "WITHDRAWAL": ActivityType.WITHDRAWAL, "INTEREST": ActivityType.INTEREST,
    "FEE": ActivityType.FEE, "TAX": ActivityType.TAX, "SPLIT": ActivityType.SPLIT,
}
_SECURITY_TYPES = {
    "stock": SecurityType.EQUITY, "adr": SecurityType.EQUITY, "etf": SecurityType.ETF,
    "mutualfund": SecurityType.MUTUAL_FUND, "cef": SecurityType.MUTUAL_FUND, "crypto": SecurityType.CRYPTO,
    "option": SecurityType.OPTION,
}
_ORDER_STATUS = {
    "PENDING": OrderStatus.PENDING, "QUEUED": OrderStatus.PENDING, "PENDING_RISK_REVIEW": OrderStatus.PENDING,
    "ACCEPTED": OrderStatus.ACCEPTED, "TRIGGERED": OrderStatus.ACCEPTED, "ACTIVATED": OrderStatus.ACCEPTED,
    "CONTINGENT_ORDER": OrderStatus.ACCEPTED, "REPLACE_PENDING": OrderStatus.ACCEPTED,
    "CANCEL_PENDING": OrderStatus.ACCEPTED, "PARTIAL": OrderStatus.PARTIALLY_FILLED,
    "EXECUTED": OrderStatus.FILLED, "CANCELED": OrderStatus.CANCELED, "PARTIAL_CANCELED": OrderStatus.CANCELED,
    "REPLACED": OrderStatus.CANCELED, "REJECTED": OrderStatus.REJECTED, "FAILED": OrderStatus.REJECTED,
    "EXPIRED": OrderStatus.EXPIRED, "STOPPED": OrderStatus.CANCELED, "SUSPENDED": OrderStatus.PENDING,
}
_ORDER_TYPES = {"Market": OrderType.MARKET, "Limit": OrderType.LIMIT, "Stop": OrderType.STOP,
                "StopLimit": OrderType.STOP_LIMIT}
_TIME_IN_FORCE = {"Day": TimeInForce.DAY, "GTC": TimeInForce.GTC, "FOK": TimeInForce.FOK, "IOC": TimeInForce.IOC}


def map_error(error: BaseException) -> CleraError:
    """SnapTrade SDK and transport failures -> the app's error family."""
    from snaptrade_client.exceptions import ApiException

    if isinstance(error, ApiException):
        status = error.status or 0
        body = error.body if isinstance(error.body, dict) else {}
        detail = str(body.get("detail") or body.get("default_detail") or error.reason or "")
        code = str(body.get("code") or body.get("default_code") or "")
        where = f"HTTP {status} code {code}: {detail}"
        if status == 429:
            return RateLimited(retry_after=retry_after(error.headers), provider="snaptrade", detail=where)
        if status == 401 and code == "1083":
            return InvalidCredentials("SnapTrade no longer recognises this app's user. Connect again.",
                                      provider="snaptrade", detail=where)
        if status == 401:
            return InvalidCredentials("SnapTrade did not accept the app's API keys. Check them in Settings.",
                                      provider="snaptrade", detail=where)
        if status == 402 or code in ("3003", "3011"):
            return NeedsReconnect("This brokerage connection is broken. Reconnect it to refresh its data.",
                                  provider="snaptrade", detail=where)
        if status >= 500:
            return TemporarilyUnavailable("SnapTrade or the brokerage had a problem answering (HTTP "
                                          f"{status}). Try again in a few minutes.", provider="snaptrade", detail=where)
        return RejectedInput(detail or "SnapTrade rejected the request.", provider="snaptrade", detail=where)
    if isinstance(error, (urllib3.exceptions.HTTPError, TimeoutError, ConnectionError, OSError)):
        return unreachable("SnapTrade", "snaptrade", error)
    if isinstance(error, (KeyError, TypeError, ValueError, AttributeError)):
        return BadProviderData("SnapTrade sent data the app could not read. Nothing was changed.",
                               provider="snaptrade", detail=repr(error))
    return BadProviderData(provider="snaptrade", detail=repr(error))


class UserArguments(TypedDict, total=False):
    """Who a user-scoped call acts for (empty with personal keys: their owner)."""

    user_id: str
    user_secret: str


@dataclass(frozen=True, slots=True)
class SnapTradeUserSecret:
    """Who the calls act for (commercial keys); personal keys act for their owner."""

    user_id: str
    user_secret: str


def _body(response: Any, kind: type) -> Any:
    body = response.body
    if not isinstance(body, kind):
        raise BadProviderData(said("SnapTrade sent a response the app could not read. Nothing was changed."),
                              provider="snaptrade", detail=f"expected {kind.__name__}, got {type(body).__name__}")
    return body


def _day(text: str | None) -> date | None:
    return None if not text else datetime.fromisoformat(text).date()


def _tax_lots(value: object) -> tuple[BrokerTaxLot, ...] | None:
    """A position's ``tax_lots`` (enabled per account on SnapTrade's paid plans); None when absent
    or empty, as SnapTrade sends an empty list when they are not enabled."""
    if not isinstance(value, list) or not value:
        return None
    lots = []
    for item in value:
        if not isinstance(item, dict) or (item.get("position_type") or "LONG") != "LONG":
            continue
        quantity = optional_decimal(item.get("quantity"))
        if quantity is None:
            continue
        try:
            acquired = _day(item.get("original_purchase_date"))
        except (TypeError, ValueError):  # a lot with a malformed day is still a lot: its day unknown
            acquired = None
        lots.append(BrokerTaxLot(acquired, quantity,
                                 optional_decimal(item.get("cost_basis")), payload.optional_text(item.get("lot_id"), "lot id")))
    return tuple(lots) or None


class _Remembered(Generic[K, V]):
    """What was read before, by the fields it was read from; forgotten all at once past ``LIMIT``
    (a repeat sync brings the same again; a book's worth is far below it)."""

    LIMIT = 200_000

    def __init__(self) -> None:
        self._read: dict[K, V] = {}

    def _remember(self, key: K, value: V) -> V:
        if len(self._read) >= self.LIMIT:
            self._read.clear()
        self._read[key] = value
        return value


class KnownLots(_Remembered[tuple[str | None, ...], tuple[BrokerTaxLot, ...] | None]):
    """Tax lots read on earlier syncs, by the fields they are read from. Every sync sends every
    position's lots again, alike but for their current value (which moves with the price and is not
    kept), and reading them again was most of a repeat sync's own work."""

    def read(self, value: object) -> tuple[BrokerTaxLot, ...] | None:
        """:func:`_tax_lots` of ``value``, from memory when the same lots came before."""
        if not isinstance(value, list) or not value:
            return None
        try:
            key = tuple(map(_LOT_FIELDS, value))
            known = self._read.get(key)
        except (TypeError, KeyError):  # a lot that is not an object, lacks a field or holds a list: read the long way
            return _tax_lots(value)
        return known if known is not None else self._remember(key, _tax_lots(value))


class KnownPositionItems(_Remembered[tuple[object, ...], RemotePosition]):
    """Positions read on earlier syncs, by every field they are read from (their lots' too, but not
    the lots' current value). A repeat sync brings every position again, mostly unchanged, and
    reading one (its numbers, its text) cost more than comparing its fields."""

    def read(self, item: object, account_currency: str,
             parse: Callable[[dict[str, Any], str], RemotePosition]) -> RemotePosition:
        if not isinstance(item, dict) or not isinstance(item.get("instrument"), dict):
            raise BadProviderData(provider="snaptrade", detail="a position without its instrument")
        instrument = item["instrument"]
        lots = item.get("tax_lots")
        try:
            key = (account_currency, item.get("units"), item.get("price"), item.get("cost_basis"), item.get("currency"),
                   instrument.get("symbol"), instrument.get("currency"), instrument.get("kind"),
                   instrument.get("description"), instrument.get("id"), _exchange(instrument.get("exchange")),
                   tuple(map(_LOT_FIELDS, lots)) if isinstance(lots, list) else lots)
            known = self._read.get(key)
        except (TypeError, KeyError, AttributeError):  # a field that is a list or an object, a lot without a field
            return parse(item, account_currency)
        return known if known is not None else self._remember(key, parse(item, account_currency))


#: The fields a lot is read from (:func:`_tax_lots`): the key :class:`KnownLots` remembers it by.
_LOT_FIELDS = itemgetter("position_type", "quantity", "cost_basis", "original_purchase_date", "lot_id")


def _time(text: str | None) -> datetime | None:
    return None if not text else datetime.fromisoformat(text)


class SnapTradeClient:
    """SnapTrade for one app user. All methods are awaitable and return domain types."""

    provider = Provider.SNAPTRADE

    def __init__(
        self,
        credentials: SnapTradeCredentials,
        *,
        host: str | None = None,
        user: SnapTradeUserSecret | None = None,
        rate_limit_per_minute: int = DOCUMENTED_LIMIT_PER_MINUTE,
        clock: Clock | None = None,
    ) -> None:
        from snaptrade_client import AuthMode, Configuration, SnapTrade, SnapTradeAuth

        auth: AuthMode = (SnapTradeAuth.personal_api_key if credentials.personal else SnapTradeAuth.commercial_api_key)(
            consumer_key=credentials.consumer_key, client_id=credentials.client_id
        )
        configuration: Configuration[AuthMode] = Configuration(auth=auth, host=host) if host else Configuration(auth=auth)
        # CallRunner retries, with jitter and Retry-After (the SDK types the urllib3 setting as None)
        configuration.retries = False  # type: ignore[assignment]
        # Any: the SDK's overloads pin one key kind per static type while this adapter serves both, and
        # its answers are raw JSON that every method below checks field by field anyway.
        sdk: Any = SnapTrade
        self._api: Any = sdk(configuration, auth=auth)
        self.request_timeout = REQUEST_TIMEOUT
        self._give_every_request_a_timeout()
        self._personal = credentials.personal
        self.user = user
        self.clock = clock or SystemClock()
        self.runner = CallRunner(Provider.SNAPTRADE, map_error, limiter=RateLimiter(rate_limit_per_minute))
        self._known_lots = KnownLots()
        self._known_positions = KnownPositionItems()

    def _give_every_request_a_timeout(self) -> None:
        """The SDK's public methods take no timeout; wrap its transport so each request has one."""
        rest = self._api.account_information.api_client.rest_client
        original = rest.request

        def request(*args: Any, timeout: Any = None, **kwargs: Any) -> Any:
            return original(*args, timeout=timeout or self.request_timeout, **kwargs)

        rest.request = request

    def _user_args(self) -> UserArguments:
        if self._personal:
            return {}
        if self.user is None:
            raise InvalidCredentials(said("Connect a brokerage first: no SnapTrade user is registered yet."),
                                     provider="snaptrade")
        return {"user_id": self.user.user_id, "user_secret": self.user.user_secret}

    async def _call(self, method: Callable[..., Any], kind: type = dict, *, idempotent: bool = True,
                    urgent: bool = False, **kwargs: Any) -> Any:
        response = await self.runner.call(method, idempotent=idempotent, urgent=urgent, **kwargs)
        return _body(response, kind)

    # ---- users and the portal -----------------------------------------------------------

    async def verify_keys(self) -> None:
        """Raises InvalidCredentials (or another CleraError) unless SnapTrade takes the client ID
        and consumer key: listing the partner's users is a signed call that changes nothing."""
        await self._call(self._api.authentication.list_snap_trade_users, list)

    async def register_user(self, user_id: str) -> SnapTradeUserSecret:
        body = await self._call(self._api.authentication.register_snap_trade_user, idempotent=False, user_id=user_id)
        return SnapTradeUserSecret(body["userId"], body["userSecret"])

    async def portal_url(
        self,
        *,
        trading: bool,
        redirect: str,
        broker: str | None = None,
        reconnect: str | None = None,
    ) -> str:
        """The connection portal URL; completion comes back as a navigation to ``redirect``."""
        options: dict[str, Any] = {"immediate_redirect": True, "custom_redirect": redirect,
                                   "connection_type": "trade" if trading else "read",
                                   "connection_portal_version": "v4"}
        if broker:
            options["broker"] = broker
        if reconnect:
            options["reconnect"] = reconnect
        body = await self._call(self._api.authentication.login_snap_trade_user, **options, **self._user_args())
        if "redirectURI" not in body:
            raise BadProviderData(provider="snaptrade", detail=f"login answered without redirectURI: {sorted(body)}")
        return str(body["redirectURI"])

    # ---- connections --------------------------------------------------------------------

    async def list_connections(self) -> list[RemoteConnection]:
        body = await self._call(self._api.connections.list_brokerage_authorizations, list, **self._user_args())
        return [self._connection(item) for item in body]

    @staticmethod
    def _connection(item: dict[str, Any]) -> RemoteConnection:
        brokerage = item.get("brokerage") or {}
        disabled = bool(item.get("disabled"))
        return RemoteConnection(
            provider=Provider.SNAPTRADE, provider_connection_id=payload.text(item["id"], "connection id"),
            brokerage_name=str(brokerage.get("display_name") or brokerage.get("name") or "Brokerage"),
            brokerage_slug=brokerage.get("slug"),
            connection_type=ConnectionType.TRADE if item.get("type") == "trade" else ConnectionType.READ,
            disabled=disabled, disabled_since=_time(item.get("disabled_date")),
            status_reason="The brokerage login stopped working. Reconnect to refresh." if disabled else None,
        )

    async def refresh_connection(self, connection_id: str) -> None:
        await self._call(self._api.connections.refresh_brokerage_authorization, idempotent=False,
                         authorization_id=connection_id, **self._user_args())

    async def remove_connection(self, connection_id: str) -> None:
        await self._call(self._api.connections.delete_connection, idempotent=False,
                         connection_id=connection_id, **self._user_args())

    # ---- accounts -----------------------------------------------------------------------

    async def list_accounts(self, connection: RemoteConnection) -> list[RemoteAccount]:
        body = await self._call(self._api.connections.list_brokerage_authorization_accounts, list,
                                authorization_id=connection.provider_connection_id, **self._user_args())
        return [self._account(item, connection) for item in body]

    @staticmethod
    def _account(item: dict[str, Any], connection: RemoteConnection) -> RemoteAccount:
        number = str(item.get("number") or "")
        total = (item.get("balance") or {}).get("total") or {}
        return RemoteAccount(
            provider=Provider.SNAPTRADE, provider_account_id=payload.text(item["id"], "account id"),
            provider_connection_id=connection.provider_connection_id, institution=connection.brokerage_name,
            name=str(item.get("name") or f"{connection.brokerage_name} account"),
            masked_number=f"****{number[-4:]}" if number else None,
            account_type=item.get("raw_type"), currency=payload.currency(total.get("currency"), "account currency", "USD"),
            connection_type=connection.connection_type, is_paper=bool(item.get("is_paper")),
        )

    async def fetch_account(self, account: RemoteAccount, *, activities_since: date | None) -> AccountData:
        balances = await self.balances(account)
        positions = await self.positions(account)
        activities, window_end = await self.activities(account, since=activities_since)
        orders = await self.orders(account)
        return AccountData(account, tuple(balances), tuple(positions), tuple(activities), tuple(orders),
                           activities_from=activities_since, activities_to=window_end)

    async def balances(self, account: RemoteAccount) -> list[RemoteBalance]:
        body = await self._call(self._api.account_information.get_user_account_balance, list,
                                account_id=account.provider_account_id, **self._user_args())
        return [
            RemoteBalance(currency=payload.currency(_code(item.get("currency")), "balance currency", account.currency),
                          cash=optional_decimal(item.get("cash")), buying_power=optional_decimal(item.get("buying_power")))
            for item in body
        ]

    async def positions(self, account: RemoteAccount) -> list[RemotePosition]:
        body = await self._call(self._api.account_information.get_all_account_positions,
                                account_id=account.provider_account_id, **self._user_args())
        results = body.get("results")
        if not isinstance(results, list):
            raise BadProviderData(provider="snaptrade", detail="positions without results")
        return [self._known_positions.read(item, account.currency, self._position) for item in results]

    def _position(self, item: dict[str, Any], account_currency: str) -> RemotePosition:
        instrument = item["instrument"]
        quantity = to_decimal(item["units"])
        price = optional_decimal(item.get("price"))
        cost = optional_decimal(item.get("cost_basis"))
        return RemotePosition(
            symbol=payload.text(instrument["symbol"], "position symbol"), quantity=quantity,
            currency=payload.currency(item.get("currency") or instrument.get("currency"), "position currency",
                                      account_currency),
            security_type=_SECURITY_TYPES.get(str(instrument.get("kind")), SecurityType.OTHER),
            price=price, market_value=None if price is None else quantity * price,
            average_cost=None if cost is None or not quantity else cost / quantity, cost_basis=cost,
            description=instrument.get("description"), universal_symbol_id=instrument.get("id"),
            tax_lots=self._known_lots.read(item.get("tax_lots")), exchange=_exchange(instrument.get("exchange")),
        )

    async def activities(self, account: RemoteAccount, *, since: date | None) -> tuple[list[RemoteActivity], date]:
        """Every activity from ``since`` (inclusive) to today, following pagination to the end."""
        today = self.clock.today()
        query: dict[str, Any] = {"account_id": account.provider_account_id, "end_date": today.isoformat()}
        if since is not None:
            query["start_date"] = since.isoformat()
        collected: list[RemoteActivity] = []
        offset = 0
        while True:
            body = await self._call(self._api.account_information.get_account_activities,
                                    offset=offset, limit=ACTIVITY_PAGE, **query, **self._user_args())
            data, pagination = body.get("data"), body.get("pagination") or {}
            if not isinstance(data, list):
                raise BadProviderData(provider="snaptrade", detail="activities without data")
            collected.extend(self._activity(item, account) for item in data)
            offset += len(data)
            if not data or offset >= int(pagination.get("total", offset)):
                return collected, today

    @staticmethod
    def _activity(item: dict[str, Any], account: RemoteAccount) -> RemoteActivity:
        raw_type = str(item.get("type") or "")
        units = optional_decimal(item.get("units"))
        amount = optional_decimal(item.get("amount"))
        kind = _ACTIVITY_TYPES.get(raw_type)
        if raw_type == "TRANSFER":
            incoming = (units or Decimal(0)) > 0 or (amount or Decimal(0)) > 0
            kind = ActivityType.TRANSFER_IN if incoming else ActivityType.TRANSFER_OUT
        symbol = item.get("symbol")
        if symbol and not isinstance(symbol, dict):
            raise TypeError(f"activity symbol is {type(symbol).__name__}, not an object")
        trade_date = _day(item.get("trade_date")) or _day(item.get("settlement_date"))
        if trade_date is None:
            raise BadProviderData(provider="snaptrade", detail=f"activity {item.get('id')} has no date")
        return RemoteActivity(
            provider_activity_id=payload.text(item["id"], "activity id"), type=kind or ActivityType.OTHER, raw_type=raw_type,
            trade_date=trade_date, settlement_date=_day(item.get("settlement_date")),
            currency=payload.currency(_code(item.get("currency")), "activity currency", account.currency),
            symbol=payload.text(symbol.get("symbol"), "activity symbol") if symbol else None,
            quantity=None if units is None else abs(units), price=optional_decimal(item.get("price")),
            amount=amount, fee=optional_decimal(item.get("fee")), description=item.get("description"),
        )

    async def orders(self, account: RemoteAccount) -> list[RemoteOrder]:
        body = await self._call(self._api.account_information.get_user_account_orders, list,
                                account_id=account.provider_account_id, state="all", days=30, **self._user_args())
        return [order_from_record(item, account.currency) for item in body]


def _code(value: object) -> object:
    """SnapTrade nests a currency as ``{"code": "USD", ...}``; absent stays absent."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise TypeError(f"a currency is {type(value).__name__}, not an object")
    return value.get("code")


def order_from_record(item: dict[str, Any], currency: str) -> RemoteOrder:
    """A SnapTrade ``AccountOrderRecord`` as a domain order."""
    universal = item.get("universal_symbol")
    symbol = universal.get("symbol") if isinstance(universal, dict) else None
    quantity = optional_decimal(item.get("total_quantity"))
    return RemoteOrder(
        provider_order_id=payload.text(item["brokerage_order_id"], "order id"), client_order_id=None,
        symbol=payload.text(symbol or item.get("symbol") or "?", "order symbol"),
        side=OrderSide.SELL if str(item.get("action", "")).upper().startswith("SELL") else OrderSide.BUY,
        order_type=_ORDER_TYPES.get(str(item.get("order_type")), OrderType.MARKET),
        time_in_force=_TIME_IN_FORCE.get(str(item.get("time_in_force")), TimeInForce.DAY),
        status=_ORDER_STATUS.get(str(item.get("status")), OrderStatus.PENDING),
        currency=payload.currency(_code(item.get("quote_currency")), "order currency", currency),
        quantity=quantity, filled_quantity=optional_decimal(item.get("filled_quantity")) or Decimal(0),
        average_fill_price=optional_decimal(item.get("execution_price")),
        limit_price=optional_decimal(item.get("limit_price")), stop_price=optional_decimal(item.get("stop_price")),
        submitted_at=_time(item.get("time_placed")), updated_at=_time(item.get("time_updated")),
        filled_at=_time(item.get("time_executed")),
    )


def _exchange(reported: object) -> str | None:
    """The instrument's exchange: a MIC or code as text (the spec), or an Exchange object's MIC or code."""
    if isinstance(reported, dict):
        reported = reported.get("mic_code") or reported.get("code")
    return payload.label(reported)
