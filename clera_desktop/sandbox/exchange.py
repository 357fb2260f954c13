"""The sandbox's order book: validation, fills against the live market, cancels.

Every provider imitation (SnapTrade, Alpaca) routes orders through here, so a fill updates the
account's ledger exactly like a real trade would: the next sync sees a BUY/SELL activity and
the changed position.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from clera_desktop.sandbox.ledger import EventKind, LedgerEvent
from clera_desktop.sandbox.market import cents
from clera_desktop.sandbox.world import DemoAccount, DemoOrder, DemoWorld

OPEN_STATUSES = frozenset({"new", "accepted", "pending_new", "partially_filled"})


class OrderRejected(Exception):
    """The brokerage refused the order; ``reason`` is what it would tell the customer."""

    def __init__(self, reason: str, code: str = "rejected") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


@dataclass(frozen=True, slots=True)
class OrderRequest:
    symbol: str
    side: str
    order_type: str
    time_in_force: str
    quantity: Decimal | None = None
    notional: Decimal | None = None
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None
    client_order_id: str | None = None


def validate(world: DemoWorld, account: DemoAccount, request: OrderRequest, commission: Decimal) -> Decimal:
    """Check the order as a brokerage would; return the estimated cash effect (negative = cost)."""
    instrument = world.instruments.get(request.symbol)
    if instrument is None:
        raise OrderRejected(f"Symbol {request.symbol} is not tradable at this brokerage.", "symbol")
    if instrument.currency != account.currency:
        raise OrderRejected(f"{request.symbol} trades in {instrument.currency}; this account holds {account.currency}.",
                            "currency")
    if (request.quantity is None) == (request.notional is None):
        raise OrderRejected("Give either a quantity or a notional amount.", "input")
    if request.order_type in ("limit", "stop_limit") and not request.limit_price:
        raise OrderRejected("A limit order needs a limit price.", "input")
    if request.order_type in ("stop", "stop_limit") and not request.stop_price:
        raise OrderRejected("A stop order needs a stop price.", "input")
    price = request.limit_price or world.market.price(request.symbol)
    quantity = request.quantity
    if quantity is None:
        if not account.fractional:
            raise OrderRejected("This account cannot trade notional (dollar) amounts.", "fractional")
        quantity = (request.notional / price).quantize(Decimal("0.000000001"), rounding=ROUND_DOWN)  # type: ignore[operator]
    if quantity <= 0:
        raise OrderRejected("Quantity must be greater than zero.", "input")
    if quantity != quantity.to_integral_value() and not account.fractional:
        raise OrderRejected("This account cannot trade fractional shares.", "fractional")
    if request.side == "sell":
        held = account.book.holdings.get(request.symbol)
        if held is None or held.quantity < quantity:
            raise OrderRejected(f"Insufficient shares: holding {held.quantity if held else 0} {request.symbol}.", "position")
        return cents(quantity * price) - commission
    cost = cents(quantity * price) + commission
    if cost > account.book.cash:
        raise OrderRejected("Insufficient buying power.", "buying_power")
    return -cost


def submit(world: DemoWorld, account: DemoAccount, request: OrderRequest, commission: Decimal = Decimal(0)) -> DemoOrder:
    """Accept (and, when marketable, fill) an order; raises :class:`OrderRejected`."""
    with world.lock:
        validate(world, account, request, commission)
        now = world.clock.now()
        order = DemoOrder(
            id=world.next_id("order"), client_order_id=request.client_order_id or world.next_id("coid"),
            account_id=account.id, symbol=request.symbol, side=request.side, order_type=request.order_type,
            time_in_force=request.time_in_force, quantity=request.quantity, notional=request.notional,
            limit_price=request.limit_price, stop_price=request.stop_price, status="accepted",
            created_at=now, updated_at=now, currency=account.currency, commission=commission,
        )
        account.orders.append(order)
        try_fill(world, account, order)
        return order


def try_fill(world: DemoWorld, account: DemoAccount, order: DemoOrder) -> bool:
    """Fill ``order`` completely if the market is open and its price conditions are met."""
    commission = order.commission
    if order.status not in OPEN_STATUSES or not world.market.is_open:
        return False
    price = world.market.price(order.symbol)
    if order.order_type in ("stop", "stop_limit") and order.stop_price is not None:
        triggered = price >= order.stop_price if order.side == "buy" else price <= order.stop_price
        if not triggered:
            return False
    if order.order_type in ("limit", "stop_limit") and order.limit_price is not None:
        marketable = price <= order.limit_price if order.side == "buy" else price >= order.limit_price
        if not marketable:
            return False
    quantity = order.quantity
    if quantity is None:
        quantity = (order.notional / price).quantize(Decimal("0.000000001"), rounding=ROUND_DOWN)  # type: ignore[operator]
    gross = cents(quantity * price)
    held = account.book.holdings.get(order.symbol)
    if order.side == "sell" and (held is None or held.quantity < quantity):
        return _reject(world, order, "Insufficient shares at execution.")
    if order.side == "buy" and gross + commission > account.book.cash:
        return _reject(world, order, "Insufficient buying power at execution.")
    now = world.clock.now()
    kind = EventKind.BUY if order.side == "buy" else EventKind.SELL
    amount = -(gross + commission) if order.side == "buy" else gross - commission
    account.record(LedgerEvent(
        id=world.next_id("fill"), day=world.as_of, kind=kind, amount=amount, currency=account.currency,
        symbol=order.symbol, quantity=quantity, price=price, fee=commission,
        description=f"{'Bought' if order.side == 'buy' else 'Sold'} {quantity} {order.symbol}",
    ))
    order.status, order.filled_quantity, order.average_fill_price = "filled", quantity, price
    order.filled_at = order.updated_at = now
    return True


def _reject(world: DemoWorld, order: DemoOrder, reason: str) -> bool:
    order.status, order.reject_reason, order.updated_at = "rejected", reason, world.clock.now()
    return False


def cancel(world: DemoWorld, order: DemoOrder) -> None:
    with world.lock:
        if order.status not in OPEN_STATUSES:
            raise OrderRejected(f"Order is {order.status} and can no longer be canceled.", "not_cancelable")
        now = world.clock.now()
        order.status, order.canceled_at, order.updated_at = "canceled", now, now


def match_open_orders(world: DemoWorld) -> int:
    """Fill every open order whose conditions the market now meets; returns how many filled."""
    filled = 0
    with world.lock:
        for account in world.all_accounts():
            for order in account.orders:
                if order.status in OPEN_STATUSES and try_fill(world, account, order):
                    filled += 1
    return filled


def quantize_units(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.00000001"), rounding=ROUND_DOWN)
