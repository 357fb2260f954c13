"""What each security is: asset class, sector, country and region.

Built from what the providers report (the security type every provider sends, the exchange it is
listed on, Plaid's sector), and overridden by the person's own choice, which no sync touches. A
field nobody reported and the person did not choose is ``None``: shown as "Unclassified", never
guessed. The country is the exchange's (where the security is listed), the region the country's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from clera_desktop.models.enums import SecurityType

UNCLASSIFIED = "Unclassified"
CASH = "Cash"


class Dimension(StrEnum):
    """What the portfolio can be split by."""

    ASSET_CLASS = "asset_class"
    SECTOR = "sector"
    REGION = "region"
    COUNTRY = "country"
    CURRENCY = "currency"
    ACCOUNT = "account"
    INSTITUTION = "institution"
    PROVIDER = "provider"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def editable(self) -> bool:
        """The person can classify a security along it (the region follows the country)."""
        return self in EDITABLE


EDITABLE = (Dimension.ASSET_CLASS, Dimension.SECTOR, Dimension.COUNTRY)

ASSET_CLASSES: Mapping[SecurityType, str] = {
    SecurityType.EQUITY: "Stocks", SecurityType.ETF: "ETFs", SecurityType.MUTUAL_FUND: "Mutual funds",
    SecurityType.BOND: "Bonds", SecurityType.OPTION: "Options", SecurityType.CRYPTO: "Crypto",
}

#: Listing exchanges by MIC and by the short codes SnapTrade and Alpaca use, to the country.
EXCHANGE_COUNTRIES: Mapping[str, str] = {
    **dict.fromkeys(("XNAS", "XNGS", "XNMS", "XNCM", "NASDAQ", "XNYS", "NYSE", "ARCX", "ARCA", "NYSEARCA", "XASE",
                     "AMEX", "BATS", "BATO", "CBOE", "XCBO", "IEXG", "IEX", "OTC", "OTCM", "XOTC", "OOTC", "PINX"),
                    "United States"),
    **dict.fromkeys(("XTSE", "TSX", "XTSX", "TSXV", "XCNQ", "CNSX", "CSE", "NEOE", "NEO", "XNEO"), "Canada"),
    **dict.fromkeys(("XLON", "LSE"), "United Kingdom"),
    **dict.fromkeys(("XETR", "XETRA", "XFRA", "FWB"), "Germany"),
    **dict.fromkeys(("XPAR",), "France"),
    **dict.fromkeys(("XAMS", "CEUX"), "Netherlands"),
    **dict.fromkeys(("XBRU",), "Belgium"),
    **dict.fromkeys(("XLIS",), "Portugal"),
    **dict.fromkeys(("XMIL", "MTA", "MTAA"), "Italy"),
    **dict.fromkeys(("XDUB", "ISE"), "Ireland"),
    **dict.fromkeys(("XSWX", "SIX"), "Switzerland"),
    **dict.fromkeys(("XTKS", "JPX", "TSE"), "Japan"),
    **dict.fromkeys(("XHKG", "HKEX"), "Hong Kong"),
    **dict.fromkeys(("XASX", "ASX"), "Australia"),
    **dict.fromkeys(("XSAU", "TADAWUL"), "Saudi Arabia"),
}

COUNTRY_REGIONS: Mapping[str, str] = {
    "United States": "North America", "Canada": "North America", "Mexico": "Latin America", "Brazil": "Latin America",
    "United Kingdom": "Europe", "Germany": "Europe", "France": "Europe", "Netherlands": "Europe", "Belgium": "Europe",
    "Portugal": "Europe", "Italy": "Europe", "Ireland": "Europe", "Switzerland": "Europe", "Spain": "Europe",
    "Sweden": "Europe", "Japan": "Asia Pacific", "Hong Kong": "Asia Pacific", "Australia": "Asia Pacific",
    "China": "Asia Pacific", "India": "Asia Pacific", "Singapore": "Asia Pacific", "Saudi Arabia": "Middle East",
}

#: Offered in the person's classify dialog beside what the store already holds.
BUILT_IN_TERMS: Mapping[Dimension, tuple[str, ...]] = {
    Dimension.ASSET_CLASS: (*ASSET_CLASSES.values(), "Real estate", "Commodities"),
    Dimension.SECTOR: ("Communications", "Consumer Durables", "Consumer Non-Durables", "Consumer Services",
                       "Electronic Technology", "Energy Minerals", "Finance", "Health Technology",
                       "Industrial Services", "Miscellaneous", "Retail Trade", "Technology Services", "Utilities"),
    Dimension.COUNTRY: tuple(sorted(COUNTRY_REGIONS)),
}


@dataclass(frozen=True, slots=True)
class Classification:
    asset_class: str | None = None
    sector: str | None = None
    country: str | None = None
    chosen: frozenset[Dimension] = frozenset()  # the fields the person set

    @property
    def region(self) -> str | None:
        return None if self.country is None else COUNTRY_REGIONS.get(self.country)

    def along(self, dimension: Dimension) -> str:
        """Its class along a security dimension, "Unclassified" where there is none."""
        value = {Dimension.ASSET_CLASS: self.asset_class, Dimension.SECTOR: self.sector,
                 Dimension.COUNTRY: self.country, Dimension.REGION: self.region}[dimension]
        return value or UNCLASSIFIED


class ReportedFields(Protocol):
    """What a provider reported of a security (a stored ``securities`` row has these)."""

    exchange: str | None
    security_type: SecurityType | None
    sector: str | None


def reported(security: ReportedFields) -> Classification:
    """What the providers' fields say, and nothing more."""
    exchange = (security.exchange or "").strip().upper()
    return Classification(
        asset_class=None if security.security_type is None else ASSET_CLASSES.get(security.security_type),
        sector=security.sector, country=EXCHANGE_COUNTRIES.get(exchange))


def with_choices(base: Classification, choices: Iterable[tuple[str, str]]) -> Classification:
    fields = {"asset_class": base.asset_class, "sector": base.sector, "country": base.country}
    chosen = set(base.chosen)
    for dimension, value in choices:
        if dimension in fields:
            fields[dimension] = value
            chosen.add(Dimension(dimension))
    return Classification(**fields, chosen=frozenset(chosen))
