"""Cyclic garbage is collected on the GUI thread, never on a worker thread that happens to allocate."""

from __future__ import annotations

import asyncio
import gc
import threading
from typing import Any

from clera_desktop.ui.garbage import collect_garbage_on_gui_thread


class Cycle:
    """Stands for a Qt object caught in a reference cycle: where it dies is where Qt destroys it."""

    def __init__(self, deaths: list[str]) -> None:
        self.me = self
        self.deaths = deaths

    def __del__(self) -> None:
        self.deaths.append(threading.current_thread().name)


def test_garbage_made_on_a_worker_thread_is_collected_on_the_gui_thread(
        qtbot: Any, qapp: Any, loop: asyncio.AbstractEventLoop) -> None:
    collector = collect_garbage_on_gui_thread(qapp)  # what the app's event loop has started
    assert not gc.isenabled(), "no automatic collection, in any thread"
    deaths: list[str] = []
    kept: list[list[int]] = []

    def worker() -> None:
        Cycle(deaths)  # garbage at once, but only a collection can free it
        kept.extend([] for _ in range(5 * gc.get_threshold()[0]))  # allocations past every threshold

    thread = threading.Thread(target=worker, name="worker")
    thread.start()
    thread.join()
    assert deaths == [], "the worker's allocations collected nothing"
    before = sum(collector.collections)
    qtbot.waitUntil(lambda: bool(deaths), timeout=2000)
    assert deaths == [threading.main_thread().name] and sum(collector.collections) > before


def test_nothing_is_collected_below_the_thresholds(qtbot: Any, qapp: Any, loop: asyncio.AbstractEventLoop) -> None:
    collector = collect_garbage_on_gui_thread(qapp)
    gc.collect()
    before = list(collector.collections)
    collector.check()
    assert collector.collections == before


def test_a_command_run_in_process_leaves_the_gui_threads_collection_alone(
        qapp: Any, loop: asyncio.AbstractEventLoop, tmp_path: Any, capsys: Any) -> None:
    """A subcommand resumes automatic collection only when the process entry paused it; called from
    a process whose GUI thread collects (a test worker, a host), it switched that off again for
    good, and the next window's garbage died on worker threads (a crash on 2027-03-14's CI run)."""
    from clera_desktop.cli import main

    collect_garbage_on_gui_thread(qapp)
    assert main(["info", "--data-dir", str(tmp_path / "empty")]) == 0
    capsys.readouterr()
    assert not gc.isenabled(), "still collected on the GUI thread only"
