"""The demo keeps its world: what the person did in the sandbox (orders and their fills, a
brokerage connected or removed through the portal, a Plaid item linked, a connection broken or
repaired) is written to the data folder and read back when the demo starts again that day, so a
restarted demo continues where the person left it, as a real brokerage would.

The world is generated for its market day (three years up to it); a file from another day, seed
or scale belongs to another world and is not used: :func:`restore` says why, and the demo says so.

Only the world's own state is kept (users, their connections and accounts with every ledger
event and order, Plaid items, the Alpaca account, the id counter), as JSON rebuilt field by field
from the dataclasses' type hints; prices and the live market are the seed's, made again.
"""

from __future__ import annotations

import dataclasses
import json
import os
import types
import typing
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from clera_desktop.sandbox.world import AlpacaAccountState, DemoWorld, PlaidItem, SnapUser

FORMAT = 1
FILE_NAME = "demo-sandbox.json"


def signature(world: DemoWorld) -> tuple[object, ...]:
    """Cheap to compute on every request: it changes whenever anything :func:`save` writes does."""
    with world.lock:
        return (
            world._counter,  # noqa: SLF001 - the world's id counter is part of what is kept
            tuple((c.id, c.type, c.disabled, c.updated_at) for u in world.snaptrade_users.values()
                  for c in u.connections.values()),
            tuple((i.item_id, i.error_code) for i in world.plaid_items.values()),
            None if world.alpaca is None else world.alpaca.status,
            tuple((a.id, len(a.ledger), tuple((o.id, o.status, o.filled_quantity) for o in a.orders))
                  for a in world.all_accounts()),
        )


def save(world: DemoWorld, path: Path) -> None:
    """Write the world's state to ``path`` whole or not at all (a temporary file, then a rename)."""
    with world.lock:
        state = {
            "format": FORMAT, "seed": world.seed, "scale": world.scale, "as_of": world.as_of.isoformat(),
            "counter": world._counter,  # noqa: SLF001
            "snaptrade_users": _encode(world.snaptrade_users), "plaid_items": _encode(world.plaid_items),
            "alpaca": _encode(world.alpaca),
        }
    text = json.dumps(state, separators=(",", ":"))
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    with open(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(partial, path)


def restore(world: DemoWorld, path: Path) -> str:
    """Take the kept state into ``world`` (freshly built); returns what happened, in a sentence."""
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return "The demo starts a new world."
    except (OSError, ValueError) as error:
        return f"The demo's kept world could not be read ({error}); it starts a new one."
    kept_for = (state.get("format"), state.get("seed"), state.get("scale"), state.get("as_of"))
    if kept_for != (FORMAT, world.seed, world.scale, world.as_of.isoformat()):
        return (f"The demo's world of {state.get('as_of')} belongs to that day; today's demo starts a new world "
                "(your trades and connections there are not carried over).")
    try:
        users = _decode(state["snaptrade_users"], dict[str, SnapUser])
        items = _decode(state["plaid_items"], dict[str, PlaidItem])
        alpaca = _decode(state["alpaca"], AlpacaAccountState | None)
        counter = int(state["counter"])
    except (KeyError, TypeError, ValueError, ArithmeticError) as error:
        return f"The demo's kept world is damaged ({error!r}); it starts a new one."
    with world.lock:
        world.snaptrade_users, world.plaid_items, world.alpaca = users, items, alpaca
        world._counter = counter  # noqa: SLF001
    return "The demo continues where you left it today."


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not f.name.startswith("_")}
    if isinstance(value, dict):
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal | datetime | date):
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    return value


def _decode(data: Any, kind: Any) -> Any:
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in arguments:
            return None
        (inner,) = [a for a in arguments if a is not type(None)]
        return _decode(data, inner)
    if origin is dict:
        key_kind, value_kind = arguments
        return {_decode(k, key_kind): _decode(v, value_kind) for k, v in data.items()}
    if origin in (list, tuple):
        items = [_decode(item, arguments[0]) for item in data]
        return items if origin is list else tuple(items)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        return kind(**{f.name: _decode(data[f.name], hints[f.name]) for f in dataclasses.fields(kind)
                       if not f.name.startswith("_") and f.name in data})
    if kind is Decimal:
        return Decimal(data)
    if kind is datetime:
        return datetime.fromisoformat(data)
    if kind is date:
        return date.fromisoformat(data)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if kind in (str, int, float, bool):
        if not isinstance(data, kind):
            raise TypeError(f"{data!r} is not a {kind.__name__}")
        return data
    raise TypeError(f"cannot read {kind!r}")
