"""Where the money is: the portfolio split by asset class, sector, region, country, currency,
account, institution or provider, for every account, a group of them, or one.

Every account is valued as every other view values it (:func:`worth.account_worth`, then its own
cents converted to the base currency's), and those cents are shared out among its holdings and
cash, the cent or two that rounding leaves over going to the largest parts. So the slices add up
to the very total the Holdings, Accounts and Dashboard views show, to the cent. What cannot be
valued (no price, or no rate to the base currency) is in no slice and is named.

Reading the store builds an :class:`AllocationBook` once (one row per holding per account); each
split is then a pass over it in memory, so changing the dimension needs no database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any, cast

from clera_desktop.core.money import round_cents, round_figure
from clera_desktop.portfolio.classification import CASH, Classification, Dimension

ZERO = Decimal(0)
HUNDRED = Decimal(100)
NO_CLASSIFICATION = Classification()


@dataclass(frozen=True, slots=True)
class Piece:
    """One holding (or one currency's cash) in one account, in the base currency."""

    account_id: str
    symbol: str | None  # None: cash
    name: str | None
    currency: str  # what it trades (or is held) in
    value: Decimal  # base currency, whole cents
    day_change: Decimal | None  # base currency; None: no previous close known


@dataclass(frozen=True, slots=True)
class AccountFacts:
    name: str
    institution: str
    provider: str


@dataclass(frozen=True, slots=True)
class SliceHolding:
    """A symbol's part of a slice, across the accounts in scope."""

    symbol: str | None  # None: cash
    name: str | None
    value: Decimal
    weight: Decimal  # percent of the scope's total
    day_change: Decimal | None
    accounts: tuple[str, ...]  # account names


@dataclass(frozen=True, slots=True)
class Slice:
    name: str
    value: Decimal
    weight: Decimal  # percent of the scope's total
    day_change: Decimal | None  # of the holdings with a previous close (None: none has one)
    holdings: tuple[SliceHolding, ...]  # largest first
    target: Decimal | None = None  # percent the person aims for
    day_change_missing: tuple[str, ...] = ()  # the holdings its day change leaves out (no previous close)

    @property
    def drift(self) -> Decimal | None:
        """Percentage points above (+) or below (-) the target."""
        return None if self.target is None else self.weight - self.target

    def to_rebalance(self, total: Decimal) -> Decimal | None:
        """What buying (+) or selling (-) would bring it to its target, in the base currency."""
        return None if self.target is None else round_cents(total * self.target / HUNDRED) - self.value


@dataclass(frozen=True, slots=True)
class Allocation:
    base: str
    dimension: Dimension
    total: Decimal
    slices: tuple[Slice, ...]  # largest first
    left_out: tuple[str, ...]  # what could not be valued, by name
    untargeted: Decimal | None = None  # percent of targets not set (None: no targets at all)

    def as_json(self) -> dict[str, object]:
        """For ``clera-desktop report allocation``: amounts as exact text, weights in percent to 4 places."""
        def text(value: Decimal | None) -> str | None:
            return None if value is None else format(value, "f")

        def pct(value: Decimal | None) -> str | None:
            return None if value is None else format(round_figure(value, 4), "f")

        return {"base_currency": self.base, "by": self.dimension.value, "total": text(self.total),
                "left_out": list(self.left_out),
                "classes": [{"name": s.name, "value": text(s.value), "weight": pct(s.weight),
                             "day_change": text(s.day_change), "day_change_leaves_out": list(s.day_change_missing),
                             "target": pct(s.target), "drift": pct(s.drift), "to_rebalance": text(s.to_rebalance(self.total)),
                             "holdings": [{"symbol": h.symbol, "name": h.name, "value": text(h.value),
                                           "weight": pct(h.weight), "accounts": list(h.accounts)} for h in s.holdings]}
                            for s in self.slices]}


@dataclass(slots=True)
class _Held:
    """A symbol's pieces added up (a slice's holding, before its weight is known)."""

    symbol: str | None
    name: str | None
    value: Decimal = ZERO
    day_change: Decimal | None = ZERO
    account_ids: set[str] = field(default_factory=set)

    def add(self, piece: Piece) -> None:
        self.value += piece.value
        if self.day_change is not None:
            self.day_change = None if piece.day_change is None else self.day_change + piece.day_change
        self.account_ids.add(piece.account_id)


Groups = dict[str, list[_Held]]  # class name -> its holdings


def _added_up(pieces: Iterable[Piece]) -> dict[tuple[str | None, str], _Held]:
    """The pieces by symbol and currency (a holding across its accounts; each currency's cash)."""
    held: dict[tuple[str | None, str], _Held] = {}
    for piece in pieces:
        key = (piece.symbol, piece.currency)
        if key not in held:
            held[key] = _Held(piece.symbol, piece.name)
        held[key].add(piece)
    return held


@dataclass(frozen=True)
class AllocationBook:
    """Every holding of every active account, valued once; split along any dimension in memory.

    The pieces are added up by symbol once per set of accounts (and by account for the account,
    institution and provider splits), and kept: choosing another dimension or going back to one
    costs a pass over a few hundred symbols, not over every position."""

    base: str
    as_of: date
    pieces: tuple[Piece, ...]
    accounts: Mapping[str, AccountFacts]
    classes: Mapping[str, Classification]
    left_out: Mapping[str, tuple[str, ...]]  # account id -> what of it could not be valued
    _kept: dict[tuple[object, ...], Any] = field(default_factory=dict, repr=False, compare=False)

    def split(self, dimension: Dimension, account_ids: Collection[str] | None = None,
              targets: Mapping[str, Decimal] | None = None) -> Allocation:
        scope = None if account_ids is None else frozenset(account_ids)
        total, untargeted_slices = self._slices(dimension, scope)
        targets = targets or {}
        slices = [replace(s, target=targets[s.name]) if s.name in targets else s for s in untargeted_slices]
        held = {s.name for s in slices}
        slices.extend(Slice(name, ZERO, ZERO, ZERO, (), target)  # aimed for but not held: all to buy
                      for name, target in targets.items() if name not in held)
        slices.sort(key=lambda s: (-s.value, s.name))
        left = sorted({what for account_id, whats in self.left_out.items()
                       if scope is None or account_id in scope for what in whats})
        untargeted = None if not targets else HUNDRED - sum(targets.values(), ZERO)
        return Allocation(self.base, dimension, total, tuple(slices), tuple(left), untargeted)

    def _slices(self, dimension: Dimension, scope: frozenset[str] | None) -> tuple[Decimal, list[Slice]]:
        kept = self._kept.get(("slices", dimension, scope))
        if kept is None:
            groups = self._groups(dimension, scope)
            total = sum((h.value for held in groups.values() for h in held), ZERO)
            kept = (total, [self._slice(name, held, total, None) for name, held in groups.items()])
            self._kept[("slices", dimension, scope)] = kept
        return cast(tuple[Decimal, list[Slice]], kept)

    def holdings(self, account_ids: Collection[str] | None = None) -> tuple[SliceHolding, ...]:
        """Each symbol (and each currency's cash) across the accounts, largest first; weights of their total."""
        held = list(self._by_symbol(None if account_ids is None else frozenset(account_ids)).values())
        return self._slice("", held, sum((h.value for h in held), ZERO), None).holdings

    def _groups(self, dimension: Dimension, scope: frozenset[str] | None) -> Groups:
        kept = self._kept.get((dimension, scope))
        if kept is not None:
            return cast(Groups, kept)
        if dimension in (Dimension.ACCOUNT, Dimension.INSTITUTION, Dimension.PROVIDER):
            facts = self.accounts
            field_of = {Dimension.ACCOUNT: "name", Dimension.INSTITUTION: "institution", Dimension.PROVIDER: "provider"}
            names = {account_id: getattr(f, field_of[dimension]) for account_id, f in facts.items()}
            by_class: dict[str, list[Piece]] = defaultdict(list)
            for piece in self._in(scope):
                by_class[names[piece.account_id]].append(piece)
            groups: Groups = {name: list(_added_up(pieces).values()) for name, pieces in by_class.items()}
        else:
            class_of = self._key(dimension)
            grouped: dict[str, list[_Held]] = defaultdict(list)
            for (symbol, currency), one in self._by_symbol(scope).items():
                grouped[class_of(symbol, currency)].append(one)
            groups = dict(grouped)
        self._kept[(dimension, scope)] = groups
        return groups

    def _in(self, scope: frozenset[str] | None) -> Iterable[Piece]:
        return self.pieces if scope is None else (p for p in self.pieces if p.account_id in scope)

    def _by_symbol(self, scope: frozenset[str] | None) -> dict[tuple[str | None, str], _Held]:
        kept = self._kept.get(("symbols", scope))
        if kept is None:
            kept = self._kept[("symbols", scope)] = _added_up(self._in(scope))
        return cast(dict[tuple[str | None, str], _Held], kept)

    def _key(self, dimension: Dimension) -> Callable[[str | None, str], str]:
        if dimension is Dimension.CURRENCY:
            return lambda _symbol, currency: currency
        classes = self.classes
        return lambda symbol, _currency: CASH if symbol is None else classes.get(symbol, NO_CLASSIFICATION).along(
            dimension)

    def _slice(self, name: str, held: list[_Held], total: Decimal, target: Decimal | None) -> Slice:
        facts = self.accounts
        holdings = sorted((SliceHolding(h.symbol, h.name, h.value, weight(h.value, total), h.day_change,
                                        tuple(sorted(facts[a].name for a in h.account_ids))) for h in held),
                          key=lambda h: (-h.value, h.symbol or ""))
        value = sum((h.value for h in holdings), ZERO)
        known = [h.day_change for h in holdings if h.day_change is not None]
        missing = tuple(h.symbol or "cash" for h in holdings if h.day_change is None)
        return Slice(name, value, weight(value, total), sum(known, ZERO) if known else None, tuple(holdings),
                     target, missing)


def weight(value: Decimal, total: Decimal) -> Decimal:
    return ZERO if not total else value * HUNDRED / total
