"""Holdings view sort time for 10,000 rows, beside Qt's own C++ model sorting the same rows.

    .venv/bin/python bench/holdings_sort_bench.py [--rows 10000] [--rounds 3]

Clera: the real HoldingsView (its Python tree model sorts on Python lists). Baseline: a
QStandardItemModel with the same rows, texts, numeric sort keys and two account children per
row, in a QTreeView of the same size, sorted by Qt in C++. Both are sorted the way a person does
it, a click on a column header (the header's sort indicator), and each timing includes the
repaint. Offscreen; the two alternate, so both see the same machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTreeView

from clera_desktop.portfolio.holdings import HoldingsSnapshot
from clera_desktop.ui.item_models.holdings_tree_model import COLUMNS, HoldingsTreeModel
from clera_desktop.ui.views.holdings_view import HoldingsView
from tests.ui.fake_rows import many_holdings

SORTS = ((0, "symbol"), (4, "market value"), (7, "gain %"), (2, "quantity"))
SORT_KEY = Qt.ItemDataRole.UserRole + 1


def baseline_view(snapshot: HoldingsSnapshot) -> QTreeView:
    """The same rows in Qt's C++ item model: texts as the app shows them, numbers to sort by."""
    source = HoldingsTreeModel()
    source.set_snapshot(snapshot)
    model = QStandardItemModel(0, len(COLUMNS))
    model.setSortRole(SORT_KEY)
    model.setHorizontalHeaderLabels(list(COLUMNS))
    for row_number, row in enumerate(snapshot.rows):
        items = []
        for column in range(len(COLUMNS)):
            index = source.index(row_number, column)
            item = QStandardItem(index.data())
            item.setData(source._keys_of(column)[row_number], SORT_KEY)
            items.append(item)
        for share in row.accounts:
            items[0].appendRow([QStandardItem(share.account_name), QStandardItem(str(share.quantity))])
        model.appendRow(items)
    view = QTreeView()
    view.setModel(model)
    model.setParent(view)
    view.setSortingEnabled(True)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    return view


def time_clicks(app: QApplication, tree: QTreeView, rounds: int) -> dict[str, list[float]]:
    header = tree.header()
    timings: dict[str, list[float]] = {}
    for _ in range(rounds):
        for column, name in SORTS:
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                started = time.perf_counter()
                header.setSortIndicator(column, order)  # what a click on the header does
                app.processEvents()  # the repaint is part of what a person waits for
                timings.setdefault(name, []).append(time.perf_counter() - started)
    return timings


def shown(app: QApplication, build: Callable[[], QTreeView]) -> tuple[QTreeView, float]:
    started = time.perf_counter()
    tree = build()
    tree.window().resize(1280, 800)
    tree.window().show()
    app.processEvents()
    return tree, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    snapshot = many_holdings(args.rows)
    view = HoldingsView()

    def clera_tree() -> QTreeView:
        view.set_snapshot(snapshot)
        return view.tree

    clera, clera_load = shown(app, clera_tree)
    baseline, baseline_load = shown(app, lambda: baseline_view(snapshot))
    clera_times: dict[str, list[float]] = {}
    baseline_times: dict[str, list[float]] = {}
    for _ in range(args.rounds):  # alternate, one round each at a time
        for times, tree in ((clera_times, clera), (baseline_times, baseline)):
            for name, values in time_clicks(app, tree, 1).items():
                times.setdefault(name, []).append(statistics.median(values))
    started = time.perf_counter()
    view.search.setText("Security 12")
    app.processEvents()
    filtering = time.perf_counter() - started
    print(f"{args.rows:,} holdings, a header click to the repainted tree (median of {args.rounds * 2} clicks per column)")
    print(f"{'':24}{'Clera ms':>10}{'Qt C++ ms':>11}{'ratio':>8}")
    ratios = []
    for _, name in SORTS:
        c, b = statistics.median(clera_times[name]) * 1000, statistics.median(baseline_times[name]) * 1000
        ratios.append(c / b)
        print(f"  sort by {name:<15}{c:>10.1f}{b:>11.1f}{c / b:>7.2f}x")
    print(f"overall: {statistics.median(ratios):.2f}x Qt's C++ model; load and first paint: Clera {clera_load * 1000:.0f} ms, "
          f"baseline {baseline_load * 1000:.0f} ms (building its items); Clera's filter to 'Security 12': "
          f"{filtering * 1000:.0f} ms")


if __name__ == "__main__":
    main()
