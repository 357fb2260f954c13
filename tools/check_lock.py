"""Does constraints.txt install on every platform the downloads are built for? Asks PyPI, as pip
on each of them would, without installing anything (uv resolves for another platform's tags).

    .venv/bin/pip install uv && .venv/bin/python tools/check_lock.py

Each platform must find a wheel for every pinned package but the pure-Python ones PyPI publishes
as source only (``SOURCE_ONLY``: they build anywhere without a compiler). Intel Macs are checked
as what they are: no download is built for them (README), because cryptography 50.0.2, which
snaptrade-python-sdk pins exactly, and argon2-cffi-bindings publish no x86-64 macOS wheel; an
Intel Mac installs from source with Rust and a C compiler, and that resolution is checked here.
.ci/run runs this; it needs the network to PyPI, nothing else.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE_ONLY = ("plaid-python", "keyrings-cryptfile")
EVERYTHING = ("test", "lint", "bundle")
PLATFORMS = {  # uv's name -> (what it stands for, the extras checked, what may be built from source there)
    "x86_64-manylinux_2_34": ("Linux x86-64 (glibc 2.34+, as PySide6 6.11 needs)", EVERYTHING, ()),
    "x86_64-pc-windows-msvc": ("Windows x86-64 (win_amd64)", EVERYTHING, ()),
    "aarch64-apple-darwin": ("macOS arm64", EVERYTHING, ()),
    "x86_64-apple-darwin": ("macOS x86-64: the app alone, from source", (), ("cryptography", "argon2-cffi-bindings")),
}


def check(platform: str, extras: tuple[str, ...], built: tuple[str, ...]) -> str | None:
    """None when the lock resolves for ``platform``; else uv's explanation."""
    command = [sys.executable, "-m", "uv", "pip", "compile", str(ROOT / "pyproject.toml"), "--python-version", "3.11",
               "--python-platform", platform, "-c", str(ROOT / "constraints.txt"), "--only-binary", ":all:",
               "-o", "-", "--quiet", "--no-header", "--no-annotate"]
    for extra in extras:
        command += ["--extra", extra]
    for name in (*SOURCE_ONLY, *built):
        command += ["--no-binary", name]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode:
        return done.stderr.strip() or done.stdout.strip()
    pinned = {line.split("==")[0].strip().lower() for line in (ROOT / "constraints.txt").read_text().splitlines()
              if "==" in line and not line.startswith("#")}
    unpinned = [line.split("==")[0] for line in done.stdout.splitlines()
                if "==" in line and line.split("==")[0].strip().lower() not in pinned]
    return f"not pinned in constraints.txt: {', '.join(unpinned)}" if unpinned else None


def main() -> int:
    failures = 0
    for platform, (what, extras, built) in PLATFORMS.items():
        started = time.monotonic()
        problem = check(platform, extras, built)
        source = f"; built from source: {', '.join(built)}" if built else ""
        print(f"{what:<50} {'resolves' if problem is None else 'FAILS'} ({time.monotonic() - started:.1f} s{source})")
        if problem is not None:
            print("  " + problem.replace("\n", "\n  "))
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
