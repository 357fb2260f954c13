"""The words the pure layers hand the window (enum labels: a split's name, a lot method, a gain's
term, a health rule, an asset class; an activity's, order's or status's value), marked here for the
translation files because ``portfolio/`` and ``models/`` import no Qt. Show one with ``label(x)`` or
``titled(value)``; tests/ui/test_translations.py checks that every one of these enums is listed.
"""

from __future__ import annotations

from enum import Enum

from clera_desktop.ui.i18n import tr, translatable

LABELS = (
    # portfolio.classification.Dimension
    translatable("Asset class"), translatable("Sector"), translatable("Region"), translatable("Country"),
    translatable("Currency"), translatable("Account"), translatable("Institution"), translatable("Provider"),
    # portfolio.classification.ASSET_CLASSES
    translatable("Stocks"), translatable("ETFs"), translatable("Mutual funds"), translatable("Bonds"),
    translatable("Options"), translatable("Crypto"),
    # portfolio.lots.LotMethod
    translatable("First in, first out (FIFO)"), translatable("Last in, first out (LIFO)"),
    translatable("Highest cost first (HIFO)"), translatable("Average cost"),
    # portfolio.gains.Term
    translatable("Short-term"), translatable("Long-term"), translatable("Unknown (no purchase on record)"),
    # portfolio.classification.UNCLASSIFIED
    translatable("Unclassified"),
    # portfolio.health.Rule
    translatable("One position"), translatable("One institution"), translatable("One currency"), translatable("Cash"),
)

#: A sale part's term, short (a narrow column; the totals say "Short-term").
TERM_WORDS = {"short": translatable("Short"), "long": translatable("Long"), "unknown": translatable("Unknown")}

#: models.enums' values as the tables title them ("partially_filled" -> "Partially Filled"): see ``titled``.
TITLES = (
    # ActivityType
    translatable("Buy"), translatable("Sell"), translatable("Dividend"), translatable("Interest"),
    translatable("Deposit"), translatable("Withdrawal"), translatable("Fee"), translatable("Split"),
    translatable("Transfer In"), translatable("Transfer Out"), translatable("Tax"), translatable("Refund"),
    translatable("Other"),
    # OrderType ("stop_limit" is "Stop-Limit" in the orders' table, "Stop Limit" in an account's)
    translatable("Market"), translatable("Limit"), translatable("Stop"), translatable("Stop Limit"),
    translatable("Stop-Limit"),
    # OrderStatus
    translatable("Pending"), translatable("Accepted"), translatable("Partially Filled"), translatable("Filled"),
    translatable("Canceled"), translatable("Rejected"), translatable("Expired"),
)


def titled(value: str, joiner: str = " ") -> str:
    """An enum's value as a table titles it ("partially_filled" -> "Partially Filled"), translated."""
    return tr(value.replace("_", joiner).title())


def label(value: Enum | str) -> str:
    """An enum's ``label`` (or a word from the pure layers) in the person's language."""
    return tr(value.label if isinstance(value, Enum) else value)  # type: ignore[attr-defined]  # a StrEnum is a str too
