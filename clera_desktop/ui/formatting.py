"""How numbers, times and states read on screen. Unknown is an em dash, never 0.00."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from clera_desktop.core.clock import Clock, SystemClock
from clera_desktop.core.money import format_amount, format_quantity, round_figure
from clera_desktop.ui.i18n import tr, translatable

if TYPE_CHECKING:
    from PySide6.QtCore import QLocale

DASH = "\u2014"
_clock: Clock = SystemClock()


def use_clock(clock: Clock) -> None:
    """The window's clock, for "3 min ago" (set once by the main window: the app has one clock)."""
    global _clock
    _clock = clock


_group, _point = ",", "."  # the locale's, set by use_locale (the window does at start)


def use_locale(locale: QLocale) -> None:
    """Numbers read as ``locale`` writes them (the system's, given by the window; English where the
    system names none: a C or POSIX locale). Set once, not asked per figure (QLocale costs 4 us)."""
    global _group, _point
    if locale.language() == locale.Language.C:
        _group, _point = ",", "."
    else:
        _group, _point = locale.groupSeparator(), locale.decimalPoint()


def localised(text: str) -> str:
    """``1,234.56`` (Python's exact Decimal formatting: never through a float) in the locale's
    separators: ``1.234,56`` in German, ``1 234,56`` in French."""
    if _group == "," and _point == ".":
        return text
    return text.replace(",", "\0").replace(".", _point).replace("\0", _group)


def money(value: Decimal | None, currency: str | None = None) -> str:
    if value is None:
        return DASH
    text = localised(format_amount(value))
    return f"{text} {currency}" if currency else text


def quantity(value: Decimal | None) -> str:
    return localised(format_quantity(value))


def _hundredths(value: Decimal) -> Decimal:
    """A ratio as percent to two places; a value that rounds to zero is zero, never "-0.00"."""
    shown = round_figure(value * 100, 2)
    return shown if shown else Decimal("0.00")


def percent(value: Decimal | None) -> str:
    if value is None:
        return DASH
    return localised(f"{_hundredths(value):+.2f}") + "%"


def plain_percent(value: Decimal | None) -> str:
    return DASH if value is None else localised(f"{_hundredths(value):.2f}") + "%"


def when(value: datetime | None) -> str:
    if value is None:
        return tr("never")
    local = value.astimezone()
    delta = _clock.now() - value
    if delta.total_seconds() < 60:
        return tr("just now")
    if delta.total_seconds() < 3600:
        return tr("{minutes} min ago").format(minutes=int(delta.total_seconds() // 60))
    return local.strftime("%Y-%m-%d %H:%M")


def sort_number(value: Decimal | None) -> float:
    """A sort key for Qt: order only, never shown (unknown sorts first)."""
    return float("-inf") if value is None else float(value)


#: Brokerages' own words for account types, as a person would write them.
ACCOUNT_TYPES = {"401k": "401(k)", "403b": "403(b)", "roth": "Roth IRA", "ira": "IRA", "tfsa": "TFSA", "rrsp": "RRSP",
                 "hsa": "HSA", "isa": "ISA", "sipp": "SIPP", "paper": translatable("Paper"), "live": translatable("Live")}


def account_type(raw: str | None) -> str:
    """``INDIVIDUAL`` -> ``Individual``, ``401k`` -> ``401(k)``, ``roth`` -> ``Roth IRA``."""
    if not raw or not raw.strip():
        return DASH
    text = raw.strip()
    known = ACCOUNT_TYPES.get(text.lower())
    if known:
        return tr(known)
    if text.isupper() and len(text) <= 4:  # an acronym: RESP, LIRA
        return text
    return text.replace("_", " ").capitalize()


STATUS_TEXT = {"active": translatable("Connected"), "needs_reconnect": translatable("Needs reconnect"),
               "disabled": translatable("Removed")}
PROVIDER_TEXT = {"snaptrade": "SnapTrade", "plaid": "Plaid", "alpaca": translatable("Clera (Alpaca)"),
                 "manual": translatable("Manual")}


def status_text(status: str) -> str:
    """A connection's state in words: "Needs reconnect"."""
    return tr(STATUS_TEXT.get(status, status))


def provider_text(provider: str) -> str:
    """Who keeps an account, in words: "Clera (Alpaca)", "Manual"."""
    return tr(PROVIDER_TEXT.get(provider, provider))
