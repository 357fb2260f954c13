"""UI tests: the real window on a qasync loop, against an in-process sandbox."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

# WebEngine needs this before the QApplication exists (pytest-qt makes it when a test first asks),
# so it comes before the imports that follow (E402 for this file in pyproject.toml).
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)

import tempfile

from PySide6.QtCore import QSettings

# The window's kept settings (geometry, the view left open, the appearance) in a folder of this run's
# own: never the person's, never another run's (a test that chose dark would paint the next run dark).
for _format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
    QSettings.setPath(_format, QSettings.Scope.UserScope, tempfile.mkdtemp(prefix="clera-test-settings-"))

import asyncio
import re
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import pytest
from shiboken6 import isValid

from clera_desktop.app import AppContext, build_context
from clera_desktop.core.settings import load_settings
from clera_desktop.ui.event_loop import create_event_loop
from clera_desktop.ui.main_window import MainWindow
from tests.clock import TEST_CLOCK
from tests.sandbox.conftest import pristine_sandbox, sandbox  # noqa: F401 - shared with the portal page tests

T = TypeVar("T")


@pytest.fixture
def loop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    event_loop = create_event_loop(qapp)  # the app's own loop, as the window runs on it
    asyncio.set_event_loop(event_loop)
    yield event_loop
    event_loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def run(loop: asyncio.AbstractEventLoop) -> Callable[[Awaitable[T]], T]:
    def runner(awaitable: Awaitable[T]) -> T:
        return loop.run_until_complete(awaitable)

    return runner


@pytest.fixture
def demo_context(tmp_path: Path) -> Iterator[AppContext]:
    settings = load_settings(data_dir=tmp_path / "data", environ={}, demo=True, clock=TEST_CLOCK)
    context = build_context(settings)
    yield context
    context.close()


@contextmanager
def demo_window(qtbot: Any, data_dir: Path, run: Callable[[Awaitable[Any]], Any],
                sandbox_args: Sequence[str]) -> Iterator[MainWindow]:
    """The demo window on a sandbox of its own started with ``sandbox_args``, closed afterwards."""
    settings = load_settings(data_dir=data_dir, environ={}, demo=True, clock=TEST_CLOCK)
    context = build_context(settings, sandbox_args=sandbox_args)
    main = MainWindow(context.services)
    qtbot.addWidget(main)
    main.show()
    run(main.reload())
    try:
        yield main
    finally:
        if isValid(main):
            main.close()
        context.close()


@pytest.fixture
def quiet_window(qtbot: Any, tmp_path: Path, loop: asyncio.AbstractEventLoop,
                 run: Callable[[Awaitable[Any]], Any]) -> Iterator[MainWindow]:
    """The demo window whose prices stand still: no tick moves a figure between two views' readings."""
    with demo_window(qtbot, tmp_path / "data", run, ["--tick-rate", "0"]) as main:
        yield main


def shown_amount(text: str) -> Decimal:
    """The first amount a label shows ("1,234.56 USD")."""
    found = re.search(r"(-?[\d,]+\.\d\d) ([A-Z]{3})", text)
    assert found, text
    return Decimal(found.group(1).replace(",", ""))


@pytest.fixture
def window(qtbot: Any, demo_context: AppContext, loop: asyncio.AbstractEventLoop,
           run: Callable[[Awaitable[Any]], Any]) -> Iterator[MainWindow]:
    main = MainWindow(demo_context.services)
    qtbot.addWidget(main)
    main.show()
    run(main.reload())
    yield main
    if isValid(main):  # pytest-qt may have closed and deleted it already
        main.close()
    _cancel_pending(loop)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Any:
    """Before pytest-qt processes the test's leftover Qt events (outside any running asyncio
    loop), cancel the tasks still pending on the qasync loop, with the loop running: a task
    stepped by a bare Qt event would find no running loop."""
    loop = getattr(item, "funcargs", {}).get("loop")
    if isinstance(loop, asyncio.AbstractEventLoop) and not loop.is_closed():
        _cancel_pending(loop)
    return (yield)


def _cancel_pending(loop: asyncio.AbstractEventLoop) -> None:
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))


async def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Let the loop (and Qt) run until ``condition`` holds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("condition not met in time")
        await asyncio.sleep(0.05)


async def evaluate(page: Any, script: str, timeout: float = 10.0) -> Any:
    import json

    box: list[Any] = []
    page.runJavaScript(f"JSON.stringify({script})", 0, box.append)
    await wait_for(lambda: bool(box), timeout)
    return json.loads(box[0]) if box[0] else None


def showing(window: MainWindow, view: Any, run: Callable[[Awaitable[Any]], Any]) -> Any:
    """Go to ``view`` as a person would, and let it redraw what changed while it was hidden."""
    window.show_view(view)
    run(window.settled())
    return view
