"""The demo world's securities: real-looking tickers with synthetic prices."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Instrument:
    symbol: str
    name: str
    kind: str  # "stock" | "etf"
    currency: str
    exchange: str  # MIC
    base_price: Decimal
    dividend_yield: Decimal  # yearly, paid quarterly
    drift: float = 0.08
    volatility: float = 0.25


def _i(symbol: str, name: str, kind: str, price: str, dividend: str = "0", currency: str = "USD",
       exchange: str = "XNAS") -> Instrument:
    return Instrument(symbol, name, kind, currency, exchange, Decimal(price), Decimal(dividend))


CATALOGUE: tuple[Instrument, ...] = (
    _i("AAPL", "Apple Inc.", "stock", "150", "0.005"),
    _i("MSFT", "Microsoft Corporation", "stock", "300", "0.008"),
    _i("GOOGL", "Alphabet Inc. Class A", "stock", "110"),
    _i("AMZN", "Amazon.com, Inc.", "stock", "120"),
    _i("NVDA", "NVIDIA Corporation", "stock", "240", "0.001"),
    _i("META", "Meta Platforms, Inc.", "stock", "250"),
    _i("TSLA", "Tesla, Inc.", "stock", "200"),
    _i("JPM", "JPMorgan Chase & Co.", "stock", "140", "0.025", exchange="XNYS"),
    _i("V", "Visa Inc.", "stock", "220", "0.008", exchange="XNYS"),
    _i("JNJ", "Johnson & Johnson", "stock", "160", "0.03", exchange="XNYS"),
    _i("PG", "Procter & Gamble Co.", "stock", "145", "0.025", exchange="XNYS"),
    _i("KO", "The Coca-Cola Company", "stock", "60", "0.03", exchange="XNYS"),
    _i("PEP", "PepsiCo, Inc.", "stock", "170", "0.028"),
    _i("XOM", "Exxon Mobil Corporation", "stock", "105", "0.035", exchange="XNYS"),
    _i("CVX", "Chevron Corporation", "stock", "155", "0.04", exchange="XNYS"),
    _i("WMT", "Walmart Inc.", "stock", "52", "0.014", exchange="XNYS"),
    _i("HD", "The Home Depot, Inc.", "stock", "310", "0.025", exchange="XNYS"),
    _i("DIS", "The Walt Disney Company", "stock", "95", exchange="XNYS"),
    _i("NFLX", "Netflix, Inc.", "stock", "380"),
    _i("ADBE", "Adobe Inc.", "stock", "480"),
    _i("CRM", "Salesforce, Inc.", "stock", "210", exchange="XNYS"),
    _i("INTC", "Intel Corporation", "stock", "32", "0.015"),
    _i("AMD", "Advanced Micro Devices, Inc.", "stock", "105"),
    _i("CSCO", "Cisco Systems, Inc.", "stock", "50", "0.03"),
    _i("ORCL", "Oracle Corporation", "stock", "110", "0.015", exchange="XNYS"),
    _i("BAC", "Bank of America Corporation", "stock", "31", "0.03", exchange="XNYS"),
    _i("VZ", "Verizon Communications Inc.", "stock", "38", "0.065", exchange="XNYS"),
    _i("MRK", "Merck & Co., Inc.", "stock", "105", "0.028", exchange="XNYS"),
    _i("PFE", "Pfizer Inc.", "stock", "35", "0.05", exchange="XNYS"),
    _i("COST", "Costco Wholesale Corporation", "stock", "520", "0.008"),
    _i("VTI", "Vanguard Total Stock Market ETF", "etf", "210", "0.014", exchange="ARCX"),
    _i("VOO", "Vanguard S&P 500 ETF", "etf", "380", "0.014", exchange="ARCX"),
    _i("SPY", "SPDR S&P 500 ETF Trust", "etf", "410", "0.013", exchange="ARCX"),
    _i("QQQ", "Invesco QQQ Trust", "etf", "330", "0.006"),
    _i("VXUS", "Vanguard Total International Stock ETF", "etf", "55", "0.03"),
    _i("BND", "Vanguard Total Bond Market ETF", "etf", "72", "0.035"),
    _i("AGG", "iShares Core U.S. Aggregate Bond ETF", "etf", "98", "0.033", exchange="ARCX"),
    _i("SCHD", "Schwab U.S. Dividend Equity ETF", "etf", "72", "0.035", exchange="ARCX"),
    _i("VNQ", "Vanguard Real Estate ETF", "etf", "82", "0.04", exchange="ARCX"),
    _i("GLD", "SPDR Gold Shares", "etf", "175", exchange="ARCX"),
    _i("SHOP", "Shopify Inc.", "stock", "75", currency="CAD", exchange="XTSE"),
    _i("RY", "Royal Bank of Canada", "stock", "125", "0.04", currency="CAD", exchange="XTSE"),
    _i("TD", "The Toronto-Dominion Bank", "stock", "82", "0.045", currency="CAD", exchange="XTSE"),
    _i("ENB", "Enbridge Inc.", "stock", "50", "0.065", currency="CAD", exchange="XTSE"),
    _i("XIU", "iShares S&P/TSX 60 Index ETF", "etf", "31", "0.03", currency="CAD", exchange="XTSE"),
)

#: Listed (quotes, bars, search, tradable) but in no demo account's history, on any day: what a
#: person looks up before buying for the first time (and a benchmark that nobody holds).
LISTED_NOT_HELD = ("SPY", "GLD")

#: The demo world's one stock split: NVDA 2-for-1, this many business days before "today".
SPLIT_SYMBOL = "NVDA"
SPLIT_RATIO = Decimal(2)
SPLIT_DAYS_AGO = 300


def synthetic_instruments(count: int) -> tuple[Instrument, ...]:
    """Extra tickers for the benchmark world (``--scale``): ``B0001`` ... in USD."""
    return tuple(
        Instrument(
            symbol=f"B{n:04d}", name=f"Bench Holdings {n}", kind="stock", currency="USD",
            exchange="XNYS", base_price=Decimal(20 + (n * 37) % 480), dividend_yield=Decimal("0.02"),
        )
        for n in range(1, count + 1)
    )

#: Sector and industry as Plaid's securities report them (its FactSet-style names; an ETF is
#: "Miscellaneous / Investment Trusts or Mutual Funds", as in Plaid's own examples). SnapTrade and
#: Alpaca report neither, so a security seen only there stays unclassified by sector.
SECTORS: dict[str, tuple[str, str]] = {
    "AAPL": ("Electronic Technology", "Telecommunications Equipment"),
    "MSFT": ("Technology Services", "Packaged Software"),
    "GOOGL": ("Technology Services", "Internet Software or Services"),
    "AMZN": ("Retail Trade", "Internet Retail"),
    "NVDA": ("Electronic Technology", "Semiconductors"),
    "META": ("Technology Services", "Internet Software or Services"),
    "TSLA": ("Consumer Durables", "Motor Vehicles"),
    "JPM": ("Finance", "Major Banks"),
    "V": ("Commercial Services", "Miscellaneous Commercial Services"),
    "JNJ": ("Health Technology", "Pharmaceuticals: Major"),
    "PG": ("Consumer Non-Durables", "Household or Personal Care"),
    "KO": ("Consumer Non-Durables", "Beverages: Non-Alcoholic"),
    "PEP": ("Consumer Non-Durables", "Beverages: Non-Alcoholic"),
    "XOM": ("Energy Minerals", "Integrated Oil"),
    "CVX": ("Energy Minerals", "Integrated Oil"),
    "WMT": ("Retail Trade", "Specialty Stores"),
    "HD": ("Retail Trade", "Home Improvement Chains"),
    "DIS": ("Consumer Services", "Media Conglomerates"),
    "NFLX": ("Technology Services", "Internet Software or Services"),
    "ADBE": ("Technology Services", "Packaged Software"),
    "CRM": ("Technology Services", "Packaged Software"),
    "INTC": ("Electronic Technology", "Semiconductors"),
    "AMD": ("Electronic Technology", "Semiconductors"),
    "CSCO": ("Electronic Technology", "Computer Communications"),
    "ORCL": ("Technology Services", "Information Technology Services"),
    "BAC": ("Finance", "Major Banks"),
    "VZ": ("Communications", "Major Telecommunications"),
    "MRK": ("Health Technology", "Pharmaceuticals: Major"),
    "PFE": ("Health Technology", "Pharmaceuticals: Major"),
    "COST": ("Retail Trade", "Specialty Stores"),
    "SHOP": ("Technology Services", "Packaged Software"),
    "RY": ("Finance", "Major Banks"),
    "TD": ("Finance", "Major Banks"),
    "ENB": ("Industrial Services", "Oil and Gas Pipelines"),
}
FUND_SECTOR = ("Miscellaneous", "Investment Trusts or Mutual Funds")


def sector_of(instrument: Instrument) -> tuple[str | None, str | None]:
    """Plaid's sector and industry for it; (None, None) where Plaid would send nulls."""
    if instrument.kind == "etf":
        return FUND_SECTOR
    return SECTORS.get(instrument.symbol, (None, None))
