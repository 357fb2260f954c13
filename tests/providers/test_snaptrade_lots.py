"""SnapTrade sends every position's tax lots on every sync; the client reads a lot list once and
remembers it by the fields it is read from (its current value, which moves with the price, is not
kept), so a repeat sync does not parse them again."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from clera_desktop.providers.snaptrade import KnownLots, _tax_lots


def _lot(quantity: str = "3", value: str = "30.00", **extra: Any) -> dict[str, Any]:
    return {"original_purchase_date": "2024-03-01T15:00:00Z", "quantity": quantity, "purchased_price": "9.5",
            "cost_basis": "28.50", "current_value": value, "position_type": "LONG", "lot_id": "lot-1", **extra}


def test_lots_read_again_with_only_a_new_value_are_the_ones_read_before() -> None:
    known = KnownLots()
    first = known.read([_lot()])
    assert first == _tax_lots([_lot()])
    assert first is not None and (first[0].acquired, first[0].quantity, first[0].cost) == (
        date(2024, 3, 1), Decimal(3), Decimal("28.50"))
    assert known.read([_lot(value="31.20")]) is first  # the price moved: nothing to read again


def test_a_lot_that_changed_is_read_again() -> None:
    known = KnownLots()
    known.read([_lot()])
    changed = known.read([_lot(quantity="2")])
    assert changed is not None and changed[0].quantity == Decimal(2)


def test_odd_lots_are_read_the_long_way_with_the_same_answer() -> None:
    known = KnownLots()
    without_id = {k: v for k, v in _lot().items() if k != "lot_id"}
    for odd in ([_lot(quantity=3)], [_lot(), "not a lot"], [_lot(position_type="SHORT")], [], None, "lots",
                [without_id], [_lot(cost_basis=["28.50"])], [_lot(quantity={"amount": "3"})]):
        assert _outcome(known.read, odd) == _outcome(_tax_lots, odd)


def _outcome(read: Any, value: object) -> object:
    """What reading ``value`` gives, or the kind of error it raises (a malformed amount is refused)."""
    try:
        return read(value)
    except ValueError as error:
        return type(error)


def _item(price: str = "10.00", value: str = "30.00", **instrument: Any) -> dict[str, Any]:
    return {"instrument": {"symbol": "VTI", "currency": "USD", "kind": "etf", "description": "Vanguard Total",
                           "id": "sym-1", "exchange": {"mic_code": "ARCX"}, **instrument},
            "units": "3", "price": price, "cost_basis": "28.50", "currency": "USD", "tax_lots": [_lot(value=value)]}


def test_a_position_read_again_unchanged_but_for_its_lots_value_is_the_one_read_before() -> None:
    from clera_desktop.providers.snaptrade import KnownPositionItems

    known, parsed = KnownPositionItems(), []

    def parse(item: dict[str, Any], currency: str) -> Any:
        parsed.append(item["price"])
        return (item["price"], currency, item["instrument"].get("description"))

    first = known.read(_item(), "USD", parse)
    assert known.read(_item(value="31.20"), "USD", parse) is first, "only the lot's current value moved"
    assert known.read(_item(price="10.01"), "USD", parse) == ("10.01", "USD", "Vanguard Total")
    assert known.read(_item(), "CAD", parse) == ("10.00", "CAD", "Vanguard Total"), "another account's currency"
    assert known.read(_item(description=["odd"]), "USD", parse) == ("10.00", "USD", ["odd"])  # the long way
    assert parsed == ["10.00", "10.01", "10.00", "10.00"]
