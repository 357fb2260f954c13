"""The trading service: a ticket from check to preview to exactly one placed order.

Exactly once, in layers:
1. the ticket's identity (``ticket_id``, used as the client order id) is fixed at preview;
2. ``place`` for a ticket already being placed awaits the same task instead of sending again;
3. the order row is written under that id *before* sending; the store refuses a second one;
4. a lost answer (timeout, dropped connection, 5xx) is reconciled by looking the order up
   (Alpaca by client order id, SnapTrade in recent orders) before anything is sent again, and
   a resend reuses the same trade id / client order id, which the brokerage places only once.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from clera_desktop.core.changes import Change, ChangeBus, Changes
from clera_desktop.core.clock import MARKET_ZONE, regular_session
from clera_desktop.core.errors import CleraError, NotFound, ProviderError, RejectedInput
from clera_desktop.core.money import format_money, format_quantity
from clera_desktop.core.settings import Settings
from clera_desktop.core.words import said
from clera_desktop.models.engine import Database
from clera_desktop.models.enums import OrderSide, Provider
from clera_desktop.models.provider_data import RemoteOrder
from clera_desktop.models.trading import (
    BrokerPreview,
    OrderTicket,
    Quote,
    Source,
    Sourced,
    SymbolMatch,
    TradingAccount,
)
from clera_desktop.providers.registry import ProviderRegistry
from clera_desktop.providers.trading import BrokerTrading
from clera_desktop.trading import audit, order_store
from clera_desktop.trading.accounts import Eligibility, default_trading_account, trading_accounts, why_not_tradable
from clera_desktop.trading.routing import RouteDecision, route
from clera_desktop.trading.validation import (
    TicketFacts,
    TicketProblem,
    estimated_amount,
    reference_price,
    validate_ticket,
)

log = logging.getLogger(__name__)
RECONCILE_ATTEMPTS = 4
RECONCILE_DELAY = 0.5


class TicketRejected(CleraError):
    """The ticket cannot go out as it is: the app's checks or the brokerage said no."""

    def __init__(self, problems: list[TicketProblem], *, by_brokerage: bool = False) -> None:
        self.problems = problems
        self.by_brokerage = by_brokerage
        blocking = [p.message for p in problems if p.blocking]
        prefix = "The brokerage rejected the order: " if by_brokerage else ""
        super().__init__(prefix + " ".join(blocking or [p.message for p in problems]))


class PlacementUnconfirmed(CleraError):
    default_message = (said("The brokerage did not confirm the order and it could not be found. It was not sent again. "
                       "Check the Orders view (or the brokerage) before placing it again."))


@dataclass(frozen=True, slots=True)
class TradePreview:
    """What the confirmation dialog shows; every figure carries its source."""

    ticket_id: str
    ticket: OrderTicket
    account: TradingAccount
    broker: BrokerPreview
    quote: Quote | None
    price: Sourced
    amount: Sourced
    commission: Sourced
    total: Sourced  # cost of a buy (amount + commission), proceeds of a sell (amount - commission)
    remaining_cash: Sourced
    warnings: tuple[TicketProblem, ...]
    created_at: datetime

    @property
    def live(self) -> bool:
        return not self.account.is_paper

    @property
    def estimate(self) -> Sourced:
        """The ticket's own estimate from the quote (what the ticket showed before Review)."""
        return estimated_amount(self.ticket, self.quote)

    def expired_at(self, now: datetime) -> bool:
        expires = self.broker.expires_at
        return expires is not None and now >= expires


@dataclass(frozen=True, slots=True)
class PlacementResult:
    ticket_id: str
    order: RemoteOrder
    reconciled: bool

    @property
    def message(self) -> str:
        """What a person reads: the order in words (its id is in the Orders view and the audit log)."""
        order = self.order
        status = order.status.value.replace("_", " ")
        note = " (the confirmation was lost; the app found the order at the brokerage and did not send it again)" \
            if self.reconciled else ""
        amount = (f"{format_quantity(order.quantity)} {order.symbol}" if order.quantity is not None
                  else f"{format_money(order.notional, order.currency)} of {order.symbol}")
        return f"{order.side.value.title()} {amount}: {status}{note}."


def nyse_regular_session_open(now: datetime) -> bool:
    """9:30-16:00 New York on weekdays (holidays not known): the fallback clock."""
    local = now.astimezone(MARKET_ZONE)
    opens, closes = regular_session(local.date())
    return local.weekday() < 5 and opens <= local < closes


class TradingService:
    def __init__(self, settings: Callable[[], Settings], database: Database, registry: Callable[[], ProviderRegistry],
                 *, sync_account: Callable[[str], Awaitable[object]] | None = None,
                 changes: ChangeBus | None = None) -> None:
        self._settings = settings
        self._changes = changes or ChangeBus()
        self._database = database
        self._registry = registry
        self._sync_account = sync_account
        self._brokers: dict[Provider, tuple[object, BrokerTrading]] = {}
        self._placing: dict[str, asyncio.Task[PlacementResult]] = {}
        self._syncs: set[asyncio.Task[object]] = set()

    def _now(self) -> datetime:
        return self._settings().clock.now()

    # ---- brokers ------------------------------------------------------------------------

    def broker(self, provider: Provider) -> BrokerTrading:
        """The trading adapter for ``provider``'s current client (kept, so its pace survives)."""
        registry = self._registry()
        client = {Provider.SNAPTRADE: registry.snaptrade, Provider.ALPACA: registry.alpaca}.get(provider)
        if client is None:
            raise CleraError(said("{provider} is not set up for trading here.", provider=provider.value))
        cached = self._brokers.get(provider)
        if cached is not None and cached[0] is client:
            return cached[1]
        if provider is Provider.SNAPTRADE:
            from clera_desktop.providers.snaptrade_trading import SnapTradeTrading

            adapter: BrokerTrading = SnapTradeTrading(client)  # type: ignore[arg-type]
        else:
            from clera_desktop.providers.alpaca_trading import AlpacaTrading

            adapter = AlpacaTrading(client)  # type: ignore[arg-type]
        self._brokers[provider] = (client, adapter)
        return adapter

    # ---- accounts and routing -------------------------------------------------------------

    async def accounts(self) -> list[Eligibility]:
        enabled = self._settings().snaptrade_trade_execution
        return await self._database.read(lambda s: trading_accounts(s, snaptrade_trading_enabled=enabled))

    async def account(self, account_id: str) -> Eligibility:
        for candidate in await self.accounts():
            if candidate.account.id == account_id:
                return candidate
        raise CleraError(said("That account is no longer connected."))

    async def route(self, symbol: str) -> RouteDecision:
        candidates = await self.accounts()
        default = await self._database.read(default_trading_account)
        return route(symbol, candidates, default_account_id=default)

    async def set_default_account(self, account_id: str) -> None:
        from clera_desktop.models.upserts import put_app_setting
        from clera_desktop.trading.accounts import DEFAULT_TRADING_ACCOUNT

        now = self._settings().clock.now()
        await self._database.write(lambda s: put_app_setting(s, DEFAULT_TRADING_ACCOUNT, account_id, now=now))
        self._changes.announce(Changes(Change.SETTINGS, frozenset({account_id})))

    # ---- reference data -------------------------------------------------------------------

    async def search(self, account_id: str, text: str) -> list[SymbolMatch]:
        account = (await self.account(account_id)).account
        if not text.strip() or account.provider not in (Provider.SNAPTRADE, Provider.ALPACA):
            return []
        return await self.broker(account.provider).search(account, text.strip())

    async def quote(self, account: TradingAccount, symbol: str) -> Quote | None:
        """Alpaca's market data first (SnapTrade asks apps not to poll its quotes), else the brokerage."""
        registry = self._registry()
        if registry.alpaca is not None and account.currency == "USD":
            try:
                found = await self.broker(Provider.ALPACA).quote(account, symbol)
                if found is not None:
                    return found
            except ProviderError as error:
                log.info("Alpaca quote for %s unavailable: %s", symbol, error)
        if account.provider is Provider.SNAPTRADE:
            try:
                return await self.broker(Provider.SNAPTRADE).quote(account, symbol)
            except ProviderError as error:
                log.info("SnapTrade quote for %s unavailable: %s", symbol, error)
        return None

    async def market_open(self) -> bool | None:
        if self._registry().alpaca is not None:
            try:
                return await self.broker(Provider.ALPACA).market_open()
            except ProviderError as error:
                log.info("market clock unavailable: %s", error)
        return nyse_regular_session_open(self._now())

    # ---- check and preview -----------------------------------------------------------------

    async def check(self, ticket: OrderTicket) -> tuple[TicketFacts, list[TicketProblem]]:
        """Gather what validation needs (concurrently) and judge the ticket."""
        eligibility = await self.account(ticket.account_id)
        account = eligibility.account
        if not eligibility.eligible or account.provider not in (Provider.SNAPTRADE, Provider.ALPACA):
            facts = TicketFacts(account, eligibility.reason or "not a trading account", None, None, None, None)
            return facts, validate_ticket(ticket, facts)
        broker = self.broker(account.provider)

        async def listed() -> bool | None:
            if not ticket.symbol:
                return None
            try:
                return any(m.symbol == ticket.symbol and m.tradable for m in await broker.search(account, ticket.symbol))
            except ProviderError:
                return None

        capabilities, quote, market_open, symbol_listed = await asyncio.gather(
            broker.capabilities(account), self.quote(account, ticket.symbol) if ticket.symbol else _none(),
            self.market_open(), listed())
        facts = TicketFacts(account, None, capabilities, quote, market_open, symbol_listed)
        return facts, validate_ticket(ticket, facts)

    async def preview(self, ticket: OrderTicket) -> TradePreview:
        """Check, then ask the brokerage (SnapTrade's order impact). Logged either way."""
        facts, problems = await self.check(ticket)
        details = order_store.ticket_details(ticket)
        if any(p.blocking for p in problems):
            await self._audit(audit.AuditAction.TICKET_INVALID, ticket.account_id,
                              {**details, "problems": [p.message for p in problems if p.blocking]})
            raise TicketRejected(problems)
        account = facts.account
        try:
            broker_preview = await self.broker(account.provider).preview(account, ticket)
        except RejectedInput as rejected:
            await self._audit(audit.AuditAction.PREVIEW_REJECTED, ticket.account_id,
                              {**details, "reason": rejected.user_message})
            raise TicketRejected([TicketProblem("brokerage", rejected.user_message)], by_brokerage=True) from rejected
        preview = build_preview(ticket, account, broker_preview, facts.quote, tuple(problems), created_at=self._now())
        await self._audit(audit.AuditAction.PREVIEW, ticket.account_id, {
            **details, "ticket_id": preview.ticket_id, "estimated_total": preview.total.value,
            "total_source": preview.total.source, "commission": preview.commission.value,
            "warnings": [w.message for w in problems]})
        return preview

    # ---- place exactly once ------------------------------------------------------------------

    async def place(self, preview: TradePreview, *, live_confirmed: bool = False) -> PlacementResult:
        """Place ``preview`` once. A second call for the same ticket awaits the first one's result."""
        running = self._placing.get(preview.ticket_id)
        if running is None:
            if preview.live and not live_confirmed:
                raise CleraError(said("This is a live account with real money: confirm the live trade explicitly."))
            running = asyncio.ensure_future(self._place(preview))
            self._placing[preview.ticket_id] = running
        return await asyncio.shield(running)

    async def _place(self, preview: TradePreview) -> PlacementResult:
        ticket, ticket_id = preview.ticket, preview.ticket_id
        details = order_store.ticket_details(ticket, ticket_id=ticket_id)
        if preview.expired_at(self._now()):
            raise CleraError(said("The brokerage's preview has expired (after 5 minutes). Preview the order again."))
        fresh = await self.account(ticket.account_id)  # flags and connections may have changed since preview
        reason = why_not_tradable(fresh.account, snaptrade_trading_enabled=self._settings().snaptrade_trade_execution)
        if reason:
            await self._audit(audit.AuditAction.TICKET_INVALID, ticket.account_id, {**details, "problems": [reason]})
            raise TicketRejected([TicketProblem("account", f"{fresh.account.label} cannot place orders: {reason}")])
        account = preview.account
        await self._database.write(lambda s: order_store.record_intent(s, ticket, ticket_id, account.currency, details,
                                                                       now=self._now()))
        broker = self.broker(account.provider)
        since = self._now()
        try:
            remote = await broker.place(account, ticket, preview.broker, ticket_id)
        except RejectedInput as rejected:
            return await self._after_rejection(preview, rejected)
        except ProviderError as lost:
            log.warning("placing %s: no confirmation (%s); reconciling", ticket_id, lost)
            await self._audit(audit.AuditAction.UNCONFIRMED, ticket.account_id, {**details, "reason": lost.user_message})
            return await self._reconcile(preview, since)
        await self._database.write(lambda s: order_store.record_outcome(s, ticket_id, remote, audit.AuditAction.PLACED, details,
                                                                        now=self._now()))
        return self._placed(PlacementResult(ticket_id, remote, reconciled=False), account.id)

    def _placed(self, result: PlacementResult, account_id: str) -> PlacementResult:
        """A fill changes positions and cash: sync that account in the background."""
        self._changes.announce(Changes(Change.ORDERS, frozenset({account_id})))
        if result.order.filled_quantity > 0:
            self._sync_in_background(account_id)
        return result

    def _sync_in_background(self, account_id: str) -> None:
        if self._sync_account is None:
            return
        task = asyncio.ensure_future(self._sync_account(account_id))
        self._syncs.add(task)
        task.add_done_callback(self._syncs.discard)

    async def settled(self) -> None:
        """Wait for syncs started by fills (tests, and closing the window)."""
        while self._syncs:
            await asyncio.gather(*self._syncs, return_exceptions=True)

    async def _after_rejection(self, preview: TradePreview, rejected: RejectedInput) -> PlacementResult:
        ticket_id = preview.ticket_id
        details = order_store.ticket_details(preview.ticket, ticket_id=ticket_id)
        await self._database.write(lambda s: order_store.record_rejection(s, ticket_id, rejected.user_message, details,
                                                                          now=self._now()))
        raise TicketRejected([TicketProblem("brokerage", rejected.user_message)], by_brokerage=True) from rejected

    async def _reconcile(self, preview: TradePreview, since: datetime) -> PlacementResult:
        """Find the order the lost answer was about; resend only what the brokerage dedupes."""
        ticket, ticket_id, account = preview.ticket, preview.ticket_id, preview.account
        details = order_store.ticket_details(ticket, ticket_id=ticket_id)
        broker = self.broker(account.provider)
        resent = False
        for attempt in range(RECONCILE_ATTEMPTS):
            known = await self._database.read(lambda s: order_store.known_provider_ids(s, account.id))
            try:
                found = await broker.find_placed(account, ticket, ticket_id, since=since, known=known)
            except ProviderError as error:
                log.warning("looking up %s failed: %s", ticket_id, error)
                found = None
            if found is not None:
                await self._database.write(functools.partial(
                    order_store.record_outcome, client_order_id=ticket_id, remote=found,
                    action=audit.AuditAction.RECONCILED, details=details, now=self._now()))
                return self._placed(PlacementResult(ticket_id, found, reconciled=True), account.id)
            if not resent and attempt == 1:
                # Not there after two looks: resend under the same identity (a trade id places once,
                # a client order id is unique), so a late original can never make a second order.
                resent = True
                try:
                    remote = await broker.place(account, ticket, preview.broker, ticket_id)
                except (RejectedInput, NotFound):
                    pass  # "already placed"/"not unique": the original exists; keep looking
                except ProviderError as error:
                    log.warning("resending %s under the same identity failed: %s", ticket_id, error)
                else:
                    await self._database.write(functools.partial(
                        order_store.record_outcome, client_order_id=ticket_id, remote=remote,
                        action=audit.AuditAction.PLACED, details=details, now=self._now()))
                    return self._placed(PlacementResult(ticket_id, remote, reconciled=False), account.id)
            await asyncio.sleep(RECONCILE_DELAY * (attempt + 1))
        raise PlacementUnconfirmed()

    # ---- orders -------------------------------------------------------------------------------

    async def orders(self) -> list[order_store.OrderListRow]:
        return await self._database.read(order_store.order_list)

    async def cancel(self, order_id: int) -> order_store.OrderListRow:
        row = await self._database.read(lambda s: order_store.order_by_id(s, order_id))
        if row is None or row.provider_order_id is None:
            raise CleraError(said("The brokerage has not confirmed this order yet, so it cannot be canceled from here."))
        if not row.is_open:
            raise CleraError(said("The order is already {status}.", status=row.status.value.replace("_", " ")))
        account = (await self.account(row.account_id)).account
        details: dict[str, object] = {"provider_order_id": row.provider_order_id, "symbol": row.symbol, "side": row.side}
        await self._audit(audit.AuditAction.CANCEL_REQUESTED, row.account_id, details)
        try:
            await self.broker(account.provider).cancel(account, row.provider_order_id)
        except ProviderError as error:
            await self._audit(audit.AuditAction.CANCEL_FAILED, row.account_id, {**details, "reason": error.user_message})
            raise
        await self._audit(audit.AuditAction.CANCELED, row.account_id, details)
        await self.track([row.account_id])
        updated = await self._database.read(lambda s: order_store.order_by_id(s, order_id))
        return updated or row

    async def close_ticket(self, order_id: int) -> None:
        """Close a ticket the brokerage never confirmed (it stays in the list, and in the audit log)."""
        now = self._now()
        await self._database.write(lambda s: order_store.close_ticket(s, order_id, now=now))
        self._changes.announce(Changes(Change.ORDERS, message=said("Ticket closed.")))

    async def track(self, account_ids: list[str] | None = None) -> list[order_store.OrderChange]:
        """Fetch order status from the brokerages; sync each account where an order filled."""
        candidates = [c.account for c in await self.accounts() if c.eligible]
        if account_ids is not None:
            candidates = [a for a in candidates if a.id in account_ids]
        filled: list[order_store.OrderChange] = []
        for account in candidates:
            try:
                remote = await self.broker(account.provider).orders(account)
            except (ProviderError, CleraError) as error:
                log.info("order tracking for %s failed: %s", account.id, error)
                continue
            filled += await self._database.write(functools.partial(
                order_store.store_tracked_orders, account_id=account.id, orders=remote, now=self._now()))
        if filled:
            self._changes.announce(Changes(Change.ORDERS, frozenset(change.account_id for change in filled)))
        for account_id in dict.fromkeys(change.account_id for change in filled):
            self._sync_in_background(account_id)
        await self.settled()
        return filled

    # ---- audit ----------------------------------------------------------------------------------

    async def audit_log(self) -> list[audit.AuditRow]:
        return await self._database.read(audit.audit_rows)

    async def _audit(self, action: str, account_id: str | None, details: dict[str, object]) -> None:
        at = self._now()
        await self._database.write(lambda s: audit.record(s, action, account_id, details, at=at))
        self._changes.announce(Changes(Change.ORDERS, frozenset({account_id}) if account_id else frozenset()))


async def _none() -> None:
    return None


def build_preview(ticket: OrderTicket, account: TradingAccount, broker: BrokerPreview, quote: Quote | None,
                  warnings: tuple[TicketProblem, ...], *, created_at: datetime) -> TradePreview:
    """Combine the brokerage's preview with the app's estimate, labelling each figure."""
    if broker.price is not None and ticket.quantity is not None:
        price = Sourced(broker.price, Source.BROKERAGE)
        amount = Sourced(ticket.quantity * broker.price, Source.BROKERAGE)
    else:
        price, amount = reference_price(ticket, quote), estimated_amount(ticket, quote)
    commission = (Sourced(broker.estimated_commission, Source.BROKERAGE) if broker.estimated_commission is not None
                  else Sourced.unavailable())
    if amount.value is None:
        total = Sourced.unavailable()
    else:
        fee = commission.value or Decimal(0)
        value = amount.value + fee if ticket.side is OrderSide.BUY else amount.value - fee
        total = Sourced(value, Source.BROKERAGE if amount.source is Source.BROKERAGE and commission.value is not None
                        else Source.ESTIMATE)
    if broker.remaining_cash is not None:
        remaining = Sourced(broker.remaining_cash, Source.BROKERAGE)
    elif account.cash is not None and total.value is not None:
        remaining = Sourced(account.cash - total.value if ticket.side is OrderSide.BUY else account.cash + total.value,
                            Source.ESTIMATE)
    else:
        remaining = Sourced.unavailable()
    return TradePreview(str(uuid.uuid4()), ticket, account, broker, quote, price, amount, commission, total, remaining,
                        warnings, created_at)
