"""Fault injection: make any endpoint fail the ways real providers fail.

A rule matches requests by ``provider:path`` glob (``snaptrade:/accounts/*/positions/all``,
``plaid:*``, ``*``) and does one thing: answer a status (with ``Retry-After`` for 429), answer
slowly, hang past the client's timeout, send a malformed or truncated body, or drop a
websocket, or serve the request and lose the answer (an order placed whose confirmation never
arrives). Rules fire ``times`` times (``None``: until cleared).

Spec strings for the command line: ``PATTERN=KIND[:ARG][@TIMES]``, e.g.
``snaptrade:*=status:429:7`` (429, Retry-After 7), ``plaid:*=status:500@2``,
``*=slow:1.5``, ``alpaca:/v2/positions=malformed``, ``alpaca-stream:*=drop``,
``snaptrade:/trade/*=lost@1``, and one field of a good answer damaged, wherever it appears:
``snaptrade:/accounts/*/positions=field:instrument:missing`` (or ``:null``, ``:garbage``, ``:huge``).
"""

from __future__ import annotations

import fnmatch
import threading
from dataclasses import dataclass, field
from enum import StrEnum


class FaultKind(StrEnum):
    STATUS = "status"
    SLOW = "slow"
    TIMEOUT = "timeout"
    MALFORMED = "malformed"
    TRUNCATED = "truncated"
    DROP = "drop"
    LOST = "lost"  # the request is served, then the connection drops before the answer arrives
    FIELD = "field"  # a good answer with one field damaged: missing, null, garbage (wrong type) or huge


FIELD_DAMAGE = ("missing", "null", "garbage", "huge")


@dataclass
class Fault:
    pattern: str
    kind: FaultKind
    status: int = 500
    retry_after: int | None = None
    delay: float = 0.0
    times: int | None = None
    hits: int = field(default=0)
    field_name: str = ""
    damage: str = "missing"
    damaged: int = field(default=0)  # fields damaged so far: a rule can match a request that has none

    @property
    def met(self) -> bool:
        """Did any request feel this fault? (A field fault only where the field was there.)"""
        return self.damaged > 0 if self.kind is FaultKind.FIELD else self.hits > 0

    def damage_field(self, body: object) -> object:
        """``body`` (parsed JSON) with every ``field_name`` damaged, at any depth."""
        if isinstance(body, list):
            return [self.damage_field(item) for item in body]
        if not isinstance(body, dict):
            return body
        damaged = {}
        for key, value in body.items():
            if key != self.field_name:
                damaged[key] = self.damage_field(value)
                continue
            self.damaged += 1
            if self.damage != "missing":
                damaged[key] = {"null": None, "garbage": {"not": ["what", "was", "expected"]},
                                "huge": "1e999999"}[self.damage]
        return damaged

    def matches(self, target: str) -> bool:
        return fnmatch.fnmatchcase(target, self.pattern)


class FaultInjector:
    """Thread-safe rule list consulted by every handler before it answers."""

    def __init__(self) -> None:
        self._rules: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self._rules.append(fault)
        return fault

    def inject(self, pattern: str, kind: str | FaultKind, *, status: int = 500, retry_after: int | None = None,
               delay: float = 0.0, times: int | None = None, field_name: str = "", damage: str = "missing") -> Fault:
        if damage not in FIELD_DAMAGE:
            raise ValueError(f"field damage is one of {', '.join(FIELD_DAMAGE)}, not {damage!r}")
        return self.add(Fault(pattern, FaultKind(kind), status, retry_after, delay, times, field_name=field_name,
                              damage=damage))

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def take(self, target: str) -> Fault | None:
        """The first live rule for ``target``, counting the hit."""
        with self._lock:
            for rule in self._rules:
                if rule.matches(target) and (rule.times is None or rule.hits < rule.times):
                    rule.hits += 1
                    return rule
        return None

    def add_spec(self, spec: str) -> Fault:
        """Parse ``PATTERN=KIND[:ARG[:ARG]][@TIMES]`` (see the module docstring)."""
        pattern, _, action = spec.partition("=")
        if not action:
            raise ValueError(f"fault spec needs PATTERN=KIND: {spec!r}")
        action, _, times_text = action.partition("@")
        kind_text, *args = action.split(":")
        kind = FaultKind(kind_text)
        fault = Fault(pattern or "*", kind, times=int(times_text) if times_text else None)
        if kind is FaultKind.STATUS:
            fault.status = int(args[0]) if args else 500
            if len(args) > 1:
                fault.retry_after = int(args[1])
        elif kind in (FaultKind.SLOW, FaultKind.TIMEOUT):
            fault.delay = float(args[0]) if args else (2.0 if kind is FaultKind.SLOW else 120.0)
        elif kind is FaultKind.FIELD:
            if not args:
                raise ValueError("a field fault names the field: field:NAME[:missing|null|garbage|huge]")
            fault.field_name, fault.damage = args[0], args[1] if len(args) > 1 else "missing"
            if fault.damage not in FIELD_DAMAGE:
                raise ValueError(f"field damage is one of {', '.join(FIELD_DAMAGE)}, not {fault.damage!r}")
        return self.add(fault)
