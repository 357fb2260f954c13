"""The sandbox in a child process: how the demo runs, so the sandbox's own work never competes
with the window for the interpreter (a real provider is another machine, after all).

It ends with the app: ``stop()`` at exit, and when the app dies without exiting cleanly (a crash,
a kill) the pipe on the child's stdin closes and the child stops itself.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import subprocess
from collections.abc import Sequence
from typing import Any

from clera_desktop.core.launch import own_command


class SandboxProcess:
    """``as_of``: the app's clock (``Clock.as_of_argument``), so the sandbox plays the app's day."""

    def __init__(self, args: Sequence[str] = (), *, as_of: str | None = None) -> None:
        clock = ["--as-of", as_of] if as_of else []
        self._process = subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
            own_command("sandbox", "--exit-with-parent", *clock, *args),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if not line:
            self._process.wait(timeout=10)
            raise RuntimeError(f"the sandbox did not start (exit code {self._process.returncode})")
        self.info: dict[str, Any] = json.loads(line)
        atexit.register(self.stop)

    def stop(self) -> None:
        """Close the child's stdin, the end it watches for on every platform, and let it finish
        (50 ms); a terminate only if it does not. (SIGTERM cost a second: the interpreter's exit
        waits that long for the stdin lock its watching thread holds; on Windows it is a hard kill.)"""
        if self._process.poll() is not None:
            return
        if self._process.stdin is not None:
            with contextlib.suppress(OSError):  # the child is gone already
                self._process.stdin.close()
        try:
            self._process.wait(timeout=5)
            return
        except subprocess.TimeoutExpired:
            self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
