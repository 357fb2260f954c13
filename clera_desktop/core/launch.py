"""How the app starts another copy of itself (the sandbox child, a demo window), frozen or not.

From source or a pip install the interpreter runs the package (``python -m clera_desktop``); in a
bundle (PyInstaller sets ``sys.frozen``) the executable *is* the app, and ``-m`` would be an
argument it does not know.
"""

from __future__ import annotations

import sys


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def own_command(*args: str) -> list[str]:
    """The command line that runs this app with ``args``."""
    if is_frozen():
        return [sys.executable, *args]
    return [sys.executable, "-m", "clera_desktop", *args]
