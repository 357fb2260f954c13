"""The bundle's entry script: PyInstaller freezes this, which runs the same main as ``python -m clera_desktop``."""

import sys

from clera_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
