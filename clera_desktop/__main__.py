"""``python -m clera_desktop`` and the ``clera-desktop`` entry point."""

from __future__ import annotations

import sys


def main() -> int:
    import gc

    # Start-up builds tens of thousands of objects that live as long as the process (Qt's enums
    # and classes, our modules) and next to no garbage, so a collection would only walk them
    # (~35 ms before the window's first frame, measured with bench/startup_bench.py). Collection
    # resumes before a subcommand runs (cli.main, told so) and, for the window, on the GUI thread once the
    # store's figures are shown (app.run_gui, ui/garbage.py; ui.app_shell.settle_heap has frozen
    # that start-up heap by then).
    gc.disable()
    from clera_desktop.cli import main as cli_main

    return cli_main(collection_paused=True)


if __name__ == "__main__":
    sys.exit(main())
