"""The last screen's accounts and column widths, kept as a small JSON file so the next start
paints at once.

The window shows these (saying they are from the last session) while the store, keyring and
providers are opened behind it; the real figures replace them a moment later. The widths are
the ones the person last saw, so the first frame needs no measuring of text. Nothing secret is
in it: the same names, masked numbers and values the database already holds.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from clera_desktop.models.domain import AccountValue, FxUse

log = logging.getLogger(__name__)
FILE_NAME = "last-screen.json"
VERSION = 3
_DECIMALS = ("cash", "positions_value", "total", "total_base")
_TIMES = ("last_sync_at", "stale_since")


class LastScreen(NamedTuple):
    accounts: list[AccountValue]
    column_widths: list[int]  # the accounts list's, left to right; empty: measure them


def save(data_dir: Path, accounts: list[AccountValue], column_widths: list[int]) -> None:
    def encode(value: object) -> object:
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, (date, datetime)):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    payload = {"version": VERSION, "accounts": [asdict(a) for a in accounts], "column_widths": column_widths}
    target = data_dir / FILE_NAME
    temporary = target.with_suffix(".tmp")
    temporary.write_text(json.dumps(payload, default=encode), encoding="utf-8")
    temporary.replace(target)  # atomic: a crash never leaves half a file


def load(data_dir: Path) -> LastScreen | None:
    """The saved screen, or None (first start, another version, or a damaged file)."""
    try:
        payload = json.loads((data_dir / FILE_NAME).read_text(encoding="utf-8"))
        if payload.get("version") != VERSION:
            return None
        accounts = []
        for raw in payload["accounts"]:
            for key in _DECIMALS:
                raw[key] = None if raw[key] is None else Decimal(raw[key])
            for key in _TIMES:
                raw[key] = None if raw[key] is None else datetime.fromisoformat(raw[key])
            for key in ("missing_prices", "missing_rates"):
                raw[key] = tuple(raw.get(key, ()))
            fx = raw.get("fx")
            raw["fx"] = None if fx is None else FxUse(Decimal(fx["rate"]), date.fromisoformat(fx["as_of"]))
            accounts.append(AccountValue(**raw))
        widths = payload.get("column_widths", [])
        if not isinstance(widths, list) or not all(isinstance(w, int) and 0 < w < 5000 for w in widths):
            widths = []
        return LastScreen(accounts, widths)
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        log.info("ignoring the saved last screen: %s", error)
        return None
