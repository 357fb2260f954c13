"""Where the person left the window: the view, the account chosen, the holdings' sort, the range.

Kept per data folder (view-state.json beside the database, like the first paint's file), so a
demo or a second data folder never disturbs the person's own; written when the window closes,
read when it opens. A missing or damaged file is a first start, never an error.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "view-state.json"


@dataclass
class ViewState:
    view: str = ""  # MainWindow.views key
    account: str = ""  # the account open in Accounts
    holdings_sort: tuple[int, int] = (4, 1)  # column, Qt.SortOrder (market value, descending)
    performance_range: str = ""  # 1W ... ALL
    show_deposits: bool = True


def load(data_dir: Path) -> ViewState:
    try:
        raw = json.loads((data_dir / FILE_NAME).read_text(encoding="utf-8"))
        known = {f.name for f in fields(ViewState)}
        state = ViewState(**{k: v for k, v in raw.items() if k in known})
        column, order = state.holdings_sort
        state.holdings_sort = (int(column), int(order))
        return state
    except (OSError, ValueError, TypeError):
        return ViewState()


def save(data_dir: Path, state: ViewState) -> None:
    try:
        target = data_dir / FILE_NAME
        temporary = target.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(state)), encoding="utf-8")
        temporary.replace(target)
    except OSError as error:
        log.info("could not keep where the window was left: %s", error)
