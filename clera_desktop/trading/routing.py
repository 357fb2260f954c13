"""Trade routing: which account a ticket for a symbol should go to, and why.

The original design's rule: among accounts that may trade, prefer one that holds the symbol,
a SnapTrade trade connection before the Clera (Alpaca) account; for a symbol held nowhere,
the person's default trading account. The person may pick any other eligible account.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clera_desktop.core.words import joined, said
from clera_desktop.models.enums import Provider
from clera_desktop.models.trading import TradingAccount
from clera_desktop.trading.accounts import Eligibility

_PROVIDER_PREFERENCE = {Provider.SNAPTRADE: 0, Provider.ALPACA: 1}


@dataclass(frozen=True, slots=True)
class RouteDecision:
    symbol: str
    account: TradingAccount | None
    reason: str
    eligible: tuple[TradingAccount, ...]
    ineligible: tuple[Eligibility, ...]


def route(symbol: str, candidates: Sequence[Eligibility], *, default_account_id: str | None = None) -> RouteDecision:
    symbol = symbol.strip().upper()
    eligible = tuple(c.account for c in candidates if c.eligible)
    ineligible = tuple(c for c in candidates if not c.eligible)
    if not eligible:
        reason = said("No account can trade yet: connect a brokerage with trading access or add the Clera brokerage "
                      "account.")
        return RouteDecision(symbol, None, reason, eligible, ineligible)
    holders = [a for a in eligible if symbol and a.held(symbol) > 0]
    if holders:
        chosen = min(holders, key=lambda a: (_PROVIDER_PREFERENCE.get(a.provider, 9), -a.held(symbol)))
        others = len(holders) - 1
        fields = {"account": chosen.label, "held": chosen.held(symbol), "symbol": symbol, "others": others}
        if not others:
            reason = said("{account} holds {held} {symbol}.", **fields)
        elif chosen.provider is Provider.SNAPTRADE:
            reason = (said("{account} holds {held} {symbol}; 1 other trading account also holds it (SnapTrade accounts "
                           "come first).", **fields) if others == 1 else
                      said("{account} holds {held} {symbol}; {others} other trading accounts also hold it (SnapTrade "
                           "accounts come first).", **fields))
        else:
            reason = (said("{account} holds {held} {symbol}; 1 other trading account also holds it.", **fields)
                      if others == 1 else
                      said("{account} holds {held} {symbol}; {others} other trading accounts also hold it.", **fields))
        return RouteDecision(symbol, chosen, reason, eligible, ineligible)
    read_only_holders = [c.account for c in ineligible if symbol and c.account.held(symbol) > 0]
    default = next((a for a in eligible if a.id == default_account_id), None)
    if default is None:
        default = min(eligible, key=lambda a: (0 if a.provider is Provider.ALPACA else 1, a.label))
        why = (said("{account}, because it is the Clera brokerage account.", account=default.label)
               if default.provider is Provider.ALPACA else
               said("{account}, because it is the first trading account.", account=default.label))
    else:
        why = said("{account}, because it is your default trading account.", account=default.label)
    if read_only_holders:
        held_note = said("{symbol} is held only in read-only accounts ({accounts}).", symbol=symbol,
                         accounts=", ".join(a.label for a in read_only_holders))
        return RouteDecision(symbol, default, joined([why, held_note], " "), eligible, ineligible)
    if symbol:
        return RouteDecision(symbol, default, joined([why, said("No trading account holds {symbol}.", symbol=symbol)], " "),
                             eligible, ineligible)
    return RouteDecision(symbol, default, why, eligible, ineligible)
