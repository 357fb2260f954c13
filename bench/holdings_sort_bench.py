"""Holdings view sort time for 10,000 rows (the real model, proxy and tree view, offscreen).

    .venv/bin/python bench/holdings_sort_bench.py [--rows 10000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from clera_desktop.ui.views.holdings_view import HoldingsView  # noqa: E402
from tests.ui.fake_rows import many_holdings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    view = HoldingsView()
    view.resize(1280, 800)
    view.show()
    started = time.perf_counter()
    view.set_snapshot(many_holdings(args.rows))
    app.processEvents()
    load = time.perf_counter() - started
    timings: dict[str, list[float]] = {}
    for _ in range(3):
        for column, name in ((0, "symbol"), (4, "market value"), (7, "gain %"), (2, "quantity")):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                started = time.perf_counter()
                view.tree.sortByColumn(column, order)
                app.processEvents()  # the repaint is part of what a person waits for
                timings.setdefault(name, []).append(time.perf_counter() - started)
    started = time.perf_counter()
    view.search.setText("Security 12")
    app.processEvents()
    filtering = time.perf_counter() - started
    print(f"{args.rows:,} holdings: load and first paint {load * 1000:.0f} ms; filter {filtering * 1000:.0f} ms")
    for name, values in timings.items():
        print(f"  sort by {name:<13} median {statistics.median(values) * 1000:6.1f} ms, worst {max(values) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
