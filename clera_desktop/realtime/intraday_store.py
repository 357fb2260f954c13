"""Today's live lines kept on disk, so closing and reopening the app (or a restart after an
update) keeps the day's intraday points instead of starting an empty line.

One small JSON file per data folder, for one day in one base currency: the total's line and each
account's, every point's exact value as text. A file from another day or another base currency
is not used (and is replaced at the next save); a damaged one is ignored.
"""

from __future__ import annotations

import json
import logging
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from clera_desktop.realtime.series import SeriesBuffer

log = logging.getLogger(__name__)

FILE_NAME = "intraday.json"
TOTAL = "*total*"  # the key of the total's line (account ids never look like this)


def save(folder: Path, day: date, base_currency: str, series: dict[str | None, SeriesBuffer]) -> None:
    lines = {}
    for account_id, buffer in series.items():
        times, _values = buffer.arrays()
        lines[TOTAL if account_id is None else account_id] = [
            [float(at), format(buffer.exact(n), "f")] for n, at in enumerate(times)]
    payload = {"day": day.isoformat(), "base_currency": base_currency, "lines": lines}
    target = folder / FILE_NAME
    try:
        temporary = target.with_suffix(".tmp")
        temporary.write_text(json.dumps(payload), encoding="utf-8")
        temporary.replace(target)
    except OSError as error:
        log.info("could not keep today's live lines: %s", error)


def load(folder: Path, day: date, base_currency: str) -> dict[str | None, SeriesBuffer]:
    try:
        payload = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
        if payload.get("day") != day.isoformat() or payload.get("base_currency") != base_currency:
            return {}
        result: dict[str | None, SeriesBuffer] = {}
        for key, points in payload["lines"].items():
            buffer = SeriesBuffer()
            for at, text in points:
                buffer.add(float(at), Decimal(text))
            result[None if key == TOTAL else key] = buffer
        return result
    except (OSError, ValueError, KeyError, TypeError, InvalidOperation):
        return {}
