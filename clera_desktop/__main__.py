"""``python -m clera_desktop`` and the ``clera-desktop`` entry point."""

from __future__ import annotations

import sys


def main() -> int:
    from clera_desktop.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
