"""The trading side every brokerage adapter offers: preview, place, look up, cancel, quote.

Placing is never retried here (``idempotent=False`` in :class:`CallRunner`); the trading
service reconciles a lost answer with :meth:`BrokerTrading.find_placed` before anything else.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Protocol

from clera_desktop.models.provider_data import RemoteOrder
from clera_desktop.models.trading import (
    BrokerPreview,
    OrderTicket,
    Quote,
    SymbolMatch,
    TradingAccount,
    TradingCapabilities,
)


class BrokerTrading(Protocol):
    async def capabilities(self, account: TradingAccount) -> TradingCapabilities: ...

    async def search(self, account: TradingAccount, text: str) -> list[SymbolMatch]: ...

    async def quote(self, account: TradingAccount, symbol: str) -> Quote | None: ...

    async def market_open(self) -> bool | None:
        """Whether the regular session is open now; None when the brokerage does not say."""
        ...

    async def preview(self, account: TradingAccount, ticket: OrderTicket) -> BrokerPreview:
        """The brokerage's own check of the ticket; raises RejectedInput with its reason."""
        ...

    async def place(self, account: TradingAccount, ticket: OrderTicket, preview: BrokerPreview,
                    client_order_id: str) -> RemoteOrder:
        """Send the order once. A timeout or lost answer raises; the caller reconciles."""
        ...

    async def find_placed(self, account: TradingAccount, ticket: OrderTicket, client_order_id: str,
                          *, since: datetime, known: Collection[str]) -> RemoteOrder | None:
        """The order this ticket placed, if the brokerage has it (after a lost answer)."""
        ...

    async def orders(self, account: TradingAccount) -> list[RemoteOrder]:
        """Open and recent orders, for tracking."""
        ...

    async def cancel(self, account: TradingAccount, provider_order_id: str) -> None: ...
