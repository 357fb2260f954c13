"""Fixed vocabularies, stored as their string values."""

from __future__ import annotations

from enum import StrEnum


class Provider(StrEnum):
    SNAPTRADE = "snaptrade"
    PLAID = "plaid"
    ALPACA = "alpaca"
    MANUAL = "manual"

    @property
    def display_name(self) -> str:
        """How the app names the provider to a person."""
        return {"snaptrade": "SnapTrade", "plaid": "Plaid", "alpaca": "Alpaca", "manual": "Manual"}[self.value]

    @property
    def account_prefix(self) -> str:
        """The prefix of app-wide account ids; Alpaca is the in-house brokerage, ``clera_``."""
        return "clera" if self is Provider.ALPACA else self.value


class ConnectionType(StrEnum):
    READ = "read"
    TRADE = "trade"


class ConnectionStatus(StrEnum):
    ACTIVE = "active"
    NEEDS_RECONNECT = "needs_reconnect"
    DISABLED = "disabled"


class SnapTradeKeyKind(StrEnum):
    COMMERCIAL = "commercial"
    PERSONAL = "personal"


class SecurityType(StrEnum):
    EQUITY = "equity"
    ETF = "etf"
    MUTUAL_FUND = "mutual_fund"
    BOND = "bond"
    OPTION = "option"
    CRYPTO = "crypto"
    CASH = "cash"
    OTHER = "other"


class ActivityType(StrEnum):
    BUY = "buy"
    SELL = "sell"
    DIVIDEND = "dividend"
    INTEREST = "interest"
    DEPOSIT = "deposit"
    WITHDRAWAL = "withdrawal"
    FEE = "fee"
    SPLIT = "split"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"
    TAX = "tax"  # withheld or paid: never income, never a flow (revision 0004)
    REFUND = "refund"  # a fee or tax given back (revision 0004)
    OTHER = "other"


class OrderSide(StrEnum):
    BUY = "buy"
    SELL = "sell"


class OrderType(StrEnum):
    MARKET = "market"
    LIMIT = "limit"
    STOP = "stop"
    STOP_LIMIT = "stop_limit"


class TimeInForce(StrEnum):
    DAY = "day"
    GTC = "gtc"
    IOC = "ioc"
    FOK = "fok"
    OPG = "opg"
    CLS = "cls"


class OrderStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    PARTIALLY_FILLED = "partially_filled"
    FILLED = "filled"
    CANCELED = "canceled"
    REJECTED = "rejected"
    EXPIRED = "expired"

    @property
    def is_open(self) -> bool:
        return self in (OrderStatus.PENDING, OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED)


class SyncStatus(StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    PARTIAL = "partial"
    FAILED = "failed"
    INTERRUPTED = "interrupted"  # the process ended mid-run (a kill, a crash): found at the next sync (0004)


class PersonKind(StrEnum):
    """A person's part in a shared book (models/shared_book.py turns each into a role and policies)."""

    OWNER = "owner"  # set the book up (``server init``): everything, people included
    MEMBER = "member"  # a household's: sees every account, changes, syncs and trades only their own
    VIEWER = "viewer"  # reads every account, changes nothing
    CLIENT = "client"  # an adviser's client: sees and changes only their own book


class PortfolioMode(StrEnum):
    BROKERAGE = "brokerage"
    AGGREGATION = "aggregation"
    HYBRID = "hybrid"
    NONE = "none"
